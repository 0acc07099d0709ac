import Foundation
import Glibc
import NewsProtocol
import Testing

/// Runs newsctl against the suite's seeded daemon.
private func ctl(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
    try SeededDaemon.shared.ctl(arguments, environment: environment)
}

extension DaemonUnderTest {
    /// Runs newsctl against this daemon with an argument list.
    func ctl(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try run(Binaries.newsctl, ["--socket", socket] + arguments, environment: environment)
    }
}

@Suite("newsctl", .seededDaemon)
struct CLITests {
    /// Read commands: arguments, and a piece the human output must show.
    static let commands: [([String], String)] = [
        (["status"], "articles"),
        (["status", "000_edc18a25d3498dcf.txt"], "ingested"),
        (["query", "ceasefire"], "shown"),
        (["query", "Trump-Putin"], "shown"),
        (["query", "U.S."], "shown"),
        (["query", "Zelenskiy's"], "shown"),
        (["query", "Zelenskyy's"], "no articles match"),
        (["query", "30-day"], "shown"),
        (["query", "source:reuters"], "Reuters"),
        (["query", "\"unterminated"], "no articles match"),
        (["query", "*"], "5 of 5 shown"),
        (["query", "--fts", "ceasefire OR truce"], "shown"),
        (["query", "Osaka"], "Osaka"),
        (["query"], "5 of 5 shown"),
        (["query", "--source", "Reuters"], "Reuters"),
        (["query", "--since", "2025-05-19", "--until", "2100-01-01", "--limit", "2"], "shown"),
        // Ages and words become UTC instants in newsctl (two seeds give a time, in 2025).
        (["query", "--since", "36500d", "--until", "today"], "2 of 2 shown"),
        (["query", "--since", "yesterday"], "no articles match"),
        (["query", "--since", "2w", "--until", "now"], "no articles match"),
        (["query", "--person", "Vladimir Putin", "--offset", "1"], "shown"),
        (["show", "1"], "revision"),
        (["sources"], "ARTICLES"),
        (["entities", "--kind", "person", "--top", "2"], "person"),
        (["failed"], "no failed files"),
        (["metrics"], "newsd_articles 5"),
        (["metrics"], "newsd_recent_buckets_rows 150"),  // 30 bands of each seed, in memory
        (["hello"], "protocol 1"),
    ]

    @Test("human output", arguments: commands)
    func human(arguments: [String], shows: String) throws {
        let r = try SeededDaemon.shared.ctl(arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        #expect(r.stdout.contains(shows), "\(arguments) printed:\n\(r.stdout)")
        #expect(!r.stdout.contains("\u{1B}["), "colour although stdout is not a terminal")
        #expect(r.stderr.isEmpty)
    }

    @Test("metrics say how much memory newsd holds, and how much of it is SQLite's")
    func memoryMetrics() throws {
        let r = try SeededDaemon.shared.ctl(["metrics"])
        func value(_ name: String) -> Double? {
            r.stdout.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
        }
        let resident = try #require(value("process_resident_memory_bytes"))
        let sqlite = try #require(value("newsd_sqlite_memory_bytes"))
        let highest = try #require(value("newsd_sqlite_memory_highest_bytes"))
        #expect(resident > 4_000_000 && resident < 4_000_000_000)
        #expect(sqlite > 0 && sqlite <= highest && highest < resident)
    }

    @Test("a file's status says how long ago it changed")
    func fileStatusAge() throws {
        let r = try SeededDaemon.shared.ctl(["status", "000_edc18a25d3498dcf.txt"])
        let changed = r.stdout.split(separator: "\n").first { $0.hasPrefix("changed") }
        #expect(changed.map { $0.hasSuffix("just now") || $0.hasSuffix(" ago") } == true, "printed:\n\(r.stdout)")
    }

    @Test("--json prints exactly one JSON document", arguments: commands)
    func json(arguments: [String], shows: String) throws {
        let r = try SeededDaemon.shared.ctl(["--json"] + arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        #expect(throws: Never.self) { try r.json() }
        // The same with --json after the command.
        let after = try SeededDaemon.shared.ctl(arguments + ["--json"])
        #expect(after.status == 0)
        #expect(throws: Never.self) { try after.json() }
    }

    @Test func jsonShapesOfTheContract() throws {
        let status = try #require(try ctl("--json", "status").json() as? [String: Any])
        for key in ["version", "state", "inbox", "database", "articles", "pending", "failed", "uptime_s"] {
            #expect(status[key] != nil, "status lacks \(key)")
        }
        let query = try #require(try ctl("--json", "query", "ceasefire").json() as? [String: Any])
        let hits = try #require(query["results"] as? [[String: Any]])
        #expect(query["total"] as? Int == hits.count)
        for hit in hits {
            for key in ["id", "title", "source", "published", "snippet", "score", "path"] { #expect(hit.keys.contains(key)) }
        }
        let file = try #require(try ctl("--json", "status", "000_edc18a25d3498dcf.txt").json() as? [String: Any])
        #expect(file["state"] as? String == "ingested")
        #expect(file["article_id"] is Int)
    }

    @Test func tablesAreAligned() throws {
        let lines = try ctl("sources").stdout.split(separator: "\n").map(String.init)
        #expect(lines.count >= 2)
        let column = try #require(lines.first?.range(of: "SOURCE")?.lowerBound.utf16Offset(in: lines[0]))
        for line in lines.dropFirst() {
            let index = line.index(line.startIndex, offsetBy: column)
            #expect(line[..<index].hasSuffix("  "), "misaligned: \(line)")
        }
    }

    @Test func relativeTimes() throws {
        let out = try ctl("status", "000_edc18a25d3498dcf.txt").stdout
        #expect(out.contains(" ago") || out.contains("just now"), "\(out)")
    }

    /// Arguments, exit code, and a piece of stderr.
    static let failures: [([String], Int32, String)] = [
        (["show", "987654"], 1, "newsctl: not_found: no article with id 987654"),
        (["query", "--fts", "\"unterminated"], 1, "newsctl: bad_query:"),
        (["query", Array(repeating: "a", count: 1000).joined(separator: " ")], 1, "newsctl: too_complex:"),
        (["query", "--since", "last tuesday"], 1, "newsctl: invalid_params: since:"),
        (["entities", "--kind", "fruit"], 1, "newsctl: invalid_params: kind:"),
        (["status", "never-seen.txt"], 1, "newsctl: not_found:"),
        (["retry", "987654"], 1, "newsctl: not_found:"),
        (["no-such-command"], 2, "Usage: newsctl <subcommand>"),
        (["query", "--limit", "0"], 2, "--limit"),
        (["query", "--limit", "many"], 2, "many"),
        (["show"], 2, "id"),
        (["show", "abc"], 2, "abc"),
        (["retry"], 2, "give a file ID or --all"),
        (["--json", "--frobnicate", "status"], 2, "frobnicate"),
        (["ingest"], 2, "<file>"),
    ]

    @Test("errors: message and exit code", arguments: failures)
    func failure(arguments: [String], code: Int32, message: String) throws {
        let r = try SeededDaemon.shared.ctl(arguments)
        #expect(r.status == code, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(arguments) said: \(r.stderr)")
    }

    @Test func showPrintsCaptionsAndTheCaptionIsSearchable() throws {
        let found = try ctl("--json", "query", "Osaka")
        #expect(found.status == 0, "\(found.stderr)")
        let result = try JSONDecoder().decode(QueryResult.self, from: Data(found.stdout.utf8))
        let hit = try #require(result.results.first { $0.path == "004_cd1cb9dd255ad211.txt" })
        let shown = try ctl("show", String(hit.id))
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Captions"))
        #expect(shown.stdout.contains("Putin in Osaka, Japan"))
    }

    /// `show` prints the body in reading order, each subheading once, between its paragraphs.
    @Test func showPrintsSubheadingsWhereTheyStand() throws {
        let found = try ctl("--json", "query", "Zelenskyy")
        let result = try JSONDecoder().decode(QueryResult.self, from: Data(found.stdout.utf8))
        let hit = try #require(result.results.first { $0.path == "002_3204eb3f43a6d663.txt" })
        let shown = try ctl("show", String(hit.id))
        #expect(shown.status == 0)
        #expect(!shown.stdout.contains("Subheadings"))
        let lines = shown.stdout.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: "What did Russia agree to?"))
        #expect(lines.filter { $0 == "What did Russia agree to?" }.count == 1)
        #expect(lines[at - 1].count > 40 && lines[at + 1].count > 40)
    }

    @Test func noCommandIsAUsageError() throws {
        let r = try run(Binaries.newsctl, [])
        #expect(r.status == 2)
        #expect(r.stderr.contains("SUBCOMMANDS"))
    }

    @Test(
        "no daemon: exit 69 and a hint",
        arguments: [["status"], ["--json", "query", "x"], ["pause"], ["follow"], ["ingest", "/etc/hostname"]])
    func noDaemon(arguments: [String]) throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/nothing.sock"
        let r = try run(Binaries.newsctl, arguments, environment: ["NEWSD_SOCKET": path])
        #expect(r.status == 69)
        #expect(r.stderr.contains("no newsd at \(path) — is the service running? systemctl status newsd"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func socketFromTheEnvironment() throws {
        let daemon = try SeededDaemon.shared
        let r = try run(Binaries.newsctl, ["--json", "hello"], environment: ["NEWSD_SOCKET": daemon.socket])
        #expect(r.status == 0)
        #expect((try r.json() as? [String: Any])?["protocol_version"] as? Int == 1)
    }

    @Test func noColourWithNOCOLOR() throws {
        let r = try ctl("status", environment: ["NO_COLOR": "1"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let r = try run(Binaries.newsctl, ["--generate-completion-script", shell])
        #expect(r.status == 0)
        #expect(r.stdout.contains("newsctl"))
        #expect(r.stdout.contains("follow"))
    }

    @Test func versionAndHelp() throws {
        #expect(try run(Binaries.newsctl, ["--version"]).stdout.contains(newsdVersion))
        let help = try run(Binaries.newsctl, ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("69"))
    }
}

@Suite("newsctl against its own daemon")
struct CLIActionTests {
    @Test func ingestCopiesAtomicallyAndTheArticleArrives() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        let source = TemporaryFolder()
        let file = source.path + "/fresh.txt"
        try syntheticArticle(77, topic: "lighthouse").write(to: URL(fileURLWithPath: file))
        let r = try daemon.ctl("--json", "ingest", file)
        #expect(r.status == 0, "\(r.stderr)")
        let copied = try #require((try r.json() as? [String: Any])?["copied"] as? [String])
        #expect(copied == [daemon.inbox + "/fresh.txt"])
        try daemon.waitArticles(1)
        let names = try FileManager.default.contentsOfDirectory(atPath: daemon.inbox)
        #expect(!names.contains { $0.hasSuffix(".part") }, "\(names)")
        let found = try #require(try daemon.ctl("--json", "query", "lighthouse").json() as? [String: Any])
        #expect(found["total"] as? Int == 1)
        let human = try daemon.ctl("ingest", file, source.path + "/missing.txt")
        #expect(human.status == 1)
        #expect(human.stdout.contains("copied \(file)"))
        #expect(human.stderr.contains("missing.txt"))
        let report = try #require(try daemon.ctl("--json", "ingest", source.path + "/missing.txt").json() as? [String: Any])
        #expect((report["failed"] as? [Any])?.count == 1)
    }

    @Test func operatorActionsPrintTheirMessage() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        for (command, words) in [
            ("pause", "paused"), ("resume", "resumed"), ("rescan", "rescan"), ("reindex", "rebuilt"), ("reload", "reload"),
        ] {
            let r = try daemon.ctl(command)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(r.stdout.contains(words), "\(command): \(r.stdout)")
            let json = try daemon.ctl("--json", command)
            #expect((try json.json() as? [String: Any])?["ok"] as? Bool == true)
        }
        let retry = try daemon.ctl("retry", "--all")
        #expect(retry.status == 0)
        #expect(retry.stdout.contains("0 files"))
    }

    @Test("newsctl follow ceasefire prints a matching seed as it arrives")
    func followPrintsMatchingSeed() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        for json in [false, true] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Binaries.newsctl)
            process.arguments = ["--socket", daemon.socket] + (json ? ["--json"] : []) + ["follow", "ceasefire"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer {
                // SIGKILL: the test runner's blocked signals must not be able to hang the test.
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            try daemon.waitStatus("the follower") { $0["followers"] as? Int == 1 }
            try daemon.dropCarefully(json ? "other.txt" : "plain.txt", syntheticArticle(json ? 2 : 1, topic: "fisheries"))
            let seed = try #require(Binaries.seedFiles[json ? 1 : 0])
            try daemon.dropCarefully(seed.lastPathComponent, Data(contentsOf: seed))
            let line = try #require(readLine(from: out.fileHandleForReading, timeout: 30), "nothing followed")
            #expect(line.contains(seed.lastPathComponent), "\(line)")
            #expect(!line.contains("fisheries"))
            if json {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["method"] as? String == "article")
            }
        }
    }
}

/// Reads one line from a pipe, or nil after `timeout` seconds.
private func readLine(from handle: FileHandle, timeout: Double) -> String? {
    let fd = handle.fileDescriptor
    var buffer = Data()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 200) > 0 else { continue }
        var byte: UInt8 = 0
        guard Glibc.read(fd, &byte, 1) == 1 else { return nil }
        if byte == UInt8(ascii: "\n") { return String(decoding: buffer, as: UTF8.self) }
        buffer.append(byte)
    }
    return nil
}
