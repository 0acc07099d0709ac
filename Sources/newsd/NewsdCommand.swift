import ArgumentParser
import CNewsLinux
import Foundation
import Logging
import NewsConfig
import NewsProtocol
import NewsWorker
import Systemd

/// `newsd`: the news-ingest daemon. Runs in the foreground; never forks.
@main
struct NewsdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsd",
        abstract: "Watch an inbox folder, parse news articles into SQLite with full-text search, answer newsctl.",
        discussion: "Runs in the foreground. SIGTERM/SIGINT stop it cleanly; SIGHUP reloads the config.",
        version: "newsd \(newsdVersion)")

    @Option(name: .long, help: ArgumentHelp("JSON configuration file.", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder to watch (overrides the config).", valueName: "dir"))
    var inbox: String?

    @Option(name: .long, help: ArgumentHelp("SQLite database file (overrides the config).", valueName: "file"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("Control socket path (overrides the config).", valueName: "path"))
    var socket: String?

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String?

    @Flag(name: .long, help: "Validate the configuration and exit (0 when valid, 78 when not).")
    var checkConfig = false

    /// Set by newsd itself when it starts a parser worker (the value is its memory limit in MiB).
    @Option(name: .customLong("parser-worker"), help: .hidden)
    var parserWorker: Int?

    /// A parser worker sandboxes itself on the main thread before anything else runs (no
    /// argument parsing, no tasks, no other threads yet); everything else is the usual command.
    static func main() async {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "--parser-worker" {
            ParserWorkerMain.run(memoryMB: Int(arguments[2]) ?? 512)
        }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// Blocks of this size and more are mapped on their own (`M_MMAP_THRESHOLD`).
    static let mmapThreshold: Int32 = 256 * 1024

    func run() async throws {
        if let memoryMB = parserWorker { ParserWorkerMain.run(memoryMB: memoryMB) }
        // Files newsd creates (database, log, quarantine reasons, archive folders) are readable
        // by the owner and the group only.
        umask(0o027)
        // Two malloc arenas for the process: parsing threads free what the writer thread
        // allocated and the other way round; per-thread arenas would each keep their own high-water mark.
        _ = cnews_malloc_arenas(2)
        // Large blocks (the ready queue's buffers, the near-duplicate tables, a batch's arrays as they
        // grow) in mappings of their own, given back when freed. glibc's default raises the threshold
        // after the first such free, up to 32 MiB, and large blocks then stay in the heap, where what
        // they free is kept: 4–6 MiB more at the peak of a 20,000-file catch-up.
        _ = cnews_malloc_mmap_threshold(Self.mmapThreshold)
        let flags = Overrides(inbox: inbox, database: database, socket: socket, logLevel: logLevel)
        var configuration: NewsdConfiguration
        do {
            configuration = try config.map { try NewsdConfiguration.load(file: $0) } ?? NewsdConfiguration()
            try flags.apply(&configuration)
            _ = try Daemon.settings(configuration)
        } catch let error as ConfigurationError {
            Self.fail(78, error.message)
        }
        if checkConfig {
            print("newsd: configuration is valid")
            return
        }
        let box = LeveledLogHandler.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "newsd")
        let daemon = Daemon(
            configuration: configuration, configFile: config, overrides: { try? flags.apply(&$0) }, logger: logger,
            level: box)
        do {
            try await daemon.run()
        } catch {
            logger.critical("\(error.message)", metadata: ["event": "failed"])
            Self.fail(error.code, error.message)
        }
    }

    static func fail(_ code: Int32, _ message: String) -> Never {
        FileHandle.standardError.write(Data("newsd: \(message)\n".utf8))
        SystemdNotifier().failed(errno: code == 78 ? EINVAL : (code == 73 ? EACCES : EIO), status: "Failed: \(message)")
        Foundation.exit(code)
    }
}

/// Command-line values that win over the config file, on start and on every reload.
struct Overrides: Sendable {
    var inbox: String?
    var database: String?
    var socket: String?
    var logLevel: String?

    func apply(_ c: inout NewsdConfiguration) throws(ConfigurationError) {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : URL(fileURLWithPath: cwd).appendingPathComponent(p).standardizedFileURL.path }
        if let inbox { c.inbox = absolute(inbox) }
        if let database { c.database = absolute(database) }
        if let socket { c.socket = absolute(socket) }
        if let logLevel {
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw ConfigurationError(message: "--log-level must be one of trace, debug, info, notice, warning, error, critical")
            }
            c.logLevel = level
        }
    }
}
