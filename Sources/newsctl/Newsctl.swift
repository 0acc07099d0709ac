import ArgumentParser
import FoundationEssentials
import Glibc
import NewsProtocol

/// `newsctl`: talk to a running newsd over its control socket.
@main
struct Newsctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsctl",
        abstract: "Query and control a running newsd.",
        discussion: """
            The socket is --socket, else $NEWSD_SOCKET, else /run/newsd/control.sock.
            Exit status: 0 ok, 1 newsd answered with an error, 2 usage, 69 no newsd listening.
            """,
        version: "newsctl \(newsdVersion)",
        subcommands: [
            Status.self, Query.self, Show.self, Sources.self, Entities.self, Follow.self, Failed.self, Retry.self,
            Rescan.self, Reindex.self, Pause.self, Resume.self, Reload.self, Metrics.self, Ingest.self, Hello.self,
            Stories.self, Story.self, Relink.self,
        ])

    /// Parses, runs, and maps every failure to the exit codes of the contract.
    static func main() async {
        // A parent may have left signals blocked (test runners do); Ctrl-C and SIGTERM must still
        // end `follow`.
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty {
            // No command is a usage error: say what there is, on stderr, and exit 2.
            Output.write((helpMessage() + "\n").utf8, to: STDERR_FILENO)
            Glibc.exit(2)
        }
        do {
            var command = try parse(hoistingGlobalOptions(arguments))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as RPCError {
            Output.error("\(error.name): \(error.message)")
            Glibc.exit(1)
        } catch let error as ControlClient.ConnectionError {
            switch error {
            case .noDaemon(let path, _):
                Output.error("no newsd at \(path) — is the service running? systemctl status newsd")
                Glibc.exit(69)
            case .permissionDenied(let path):
                Output.error("permission denied on \(path) — is your user in the socket's group? ls -l \(path)")
                Glibc.exit(69)
            case .protocolFailure(let what):
                Output.error(what)
                Glibc.exit(1)
            }
        } catch let error as Output.Failure {
            if !error.silent { Output.error(error.message) }
            Glibc.exit(error.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if code == .validationFailure || error is ValidationError || code.rawValue == 64 {
                Output.write((fullMessage(for: error) + "\n").utf8, to: STDERR_FILENO)
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Newsctl {
    /// Words that need the whole command tree: help and completion requests.
    static let treeWords: Set<String> = ["-h", "--help", "help", "--version", "--experimental-dump-help"]

    /// The command of a line (after `hoistingGlobalOptions`). The command named first is parsed on
    /// its own: argument-parser otherwise builds the arguments of every command to look for a
    /// completion-script request, most of a short-lived process's time. Help, completion requests
    /// and anything the command refuses go through the whole tree, which words usage and errors
    /// as `newsctl <command>`.
    static func parse(_ line: [String]) throws -> any ParsableCommand {
        if let name = line.first,
            let type = configuration.subcommands.first(where: { $0._commandName == name }),
            !line.contains(where: { treeWords.contains($0) || $0.hasPrefix("--generate-completion-script") }),
            let command = try? type.parseAsRoot(Array(line.dropFirst()))
        {
            return command
        }
        return try parseAsRoot(line)
    }
}

/// `newsctl --json --socket S status` → `newsctl status --json --socket S`: the contract puts the
/// global options before the command; argument-parser wants them after it. Root-level flags
/// (`--help`, `--version`, `--generate-completion-script`) leave the line as it is; any other
/// unknown option is moved after the command too, so argument-parser names it in its complaint.
func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
    let rootOnly: Set<String> = ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
    var moved: [String] = []
    var rest = arguments[...]
    while let first = rest.first, first.hasPrefix("-"), first != "--" {
        if rootOnly.contains(first) || first.hasPrefix("--generate-completion-script=") { return arguments }
        if first == "--socket", rest.count >= 2 {
            moved += rest.prefix(2)
            rest = rest.dropFirst(2)
        } else {
            moved.append(first)
            rest = rest.dropFirst()
        }
    }
    let known = Set(Newsctl.configuration.subcommands.map { $0._commandName } + ["help"])
    // Not a command: leave the line alone so argument-parser names the stray word.
    guard let command = rest.first, known.contains(command) else { return Array(rest) + moved }
    return [command] + moved + rest.dropFirst()
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Control socket of newsd.", valueName: "path"))
    var socket: String?

    @Flag(name: .long, help: "Print exactly one JSON document (JSON lines for follow).")
    var json = false

    /// The socket path in force.
    var socketPath: String {
        socket ?? ProcessInfo.processInfo.environment["NEWSD_SOCKET"] ?? "/run/newsd/control.sock"
    }

    func connect() throws -> ControlClient { try ControlClient(path: socketPath) }

    /// Calls a method and prints its raw result as JSON (the `--json` path), or returns it decoded.
    func call<R: Decodable>(_ method: RPCMethod, _ params: [String: JSONValue]? = nil, as type: R.Type) throws -> R {
        try connect().call(method.rawValue, params: params, as: type)
    }

    /// Prints a value as one JSON document.
    func printJSON(_ value: some Encodable) throws {
        let data = try ProtocolCoding.encodePretty(value)
        Output.write(data + Data("\n".utf8), to: STDOUT_FILENO)
    }
}

/// Builds a params object, leaving out unset values.
func params(_ pairs: [(String, JSONValue?)]) -> [String: JSONValue]? {
    var result: [String: JSONValue] = [:]
    for (key, value) in pairs { if let value { result[key] = value } }
    return result.isEmpty ? nil : result
}

extension JSONValue {
    init?(_ s: String?) {
        guard let s else { return nil }
        self = .string(s)
    }

    init?(_ n: Int?) {
        guard let n else { return nil }
        self = .number(Double(n))
    }
}

extension CommandConfiguration {
    /// A command of newsctl's. Parsed on its own (`Newsctl.parse`) it is still `newsctl <command>`
    /// in usage and help, and argument-parser skips its check for a completion-script request (a
    /// request goes through the whole tree): that check reflects over two more commands, a fifth of
    /// a short `newsctl query`'s time.
    static func subcommand(commandName: String, abstract: String, discussion: String = "") -> CommandConfiguration {
        var configuration = CommandConfiguration(commandName: commandName, abstract: abstract, discussion: discussion)
        configuration._superCommandName = "newsctl"
        return configuration
    }
}
