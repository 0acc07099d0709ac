import Foundation
import Glibc
import NewsProtocol
import Testing

// MARK: - Helpers shared by the protocol and CLI tests

/// A daemon holding the five seeds, started once for a whole suite (`.seededDaemon`) and stopped
/// when the suite ends.
final class SeededDaemon: @unchecked Sendable {
    @TaskLocal static var current: SeededDaemon?

    let daemon: DaemonUnderTest

    init() throws {
        // Test runs share a busy machine: no query of theirs should meet the 2 s default deadline.
        daemon = try DaemonUnderTest(config: ["query_timeout_ms": 60000])
        guard daemon.waitReady() else { throw POSIXError(.ETIMEDOUT) }
        for seed in Binaries.seedFiles {
            try daemon.dropCarefully(seed.lastPathComponent, Data(contentsOf: seed))
        }
        try daemon.waitArticles(Binaries.seedFiles.count)
    }

    /// The suite's daemon.
    static var shared: DaemonUnderTest {
        get throws { try #require(current?.daemon, "the suite lacks the .seededDaemon trait") }
    }
}

/// Starts one seeded newsd around the suite it is attached to.
struct SeededDaemonTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let seeded = try SeededDaemon()
        try await SeededDaemon.$current.withValue(seeded) { try await function() }
        withExtendedLifetime(seeded) {}
    }
}

extension Trait where Self == SeededDaemonTrait {
    /// One newsd with the five seeds for the whole suite.
    static var seededDaemon: Self { Self() }
}

/// A raw connection that gives up on a silent daemon instead of hanging the test run.
func rawClient(_ daemon: DaemonUnderTest, timeout: Double = 30) throws -> ControlClient {
    let client = try ControlClient(path: daemon.socket)
    client.setReceiveTimeout(timeout)
    return client
}

/// Sends one line (a `\n` is added) and returns the answer line parsed.
func exchange(_ client: ControlClient, _ line: String) throws -> [String: Any] {
    try exchange(client, Data(line.utf8))
}

/// Sends raw bytes (a `\n` is added) and returns the answer line parsed.
func exchange(_ client: ControlClient, _ bytes: Data) throws -> [String: Any] {
    try client.send(bytes + Data("\n".utf8))
    let line = try #require(try client.readLine(), "newsd closed the connection")
    return try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any], "not an object: \(line)")
}

/// `error.data.name` of a response, if it is an error.
func errorName(_ response: [String: Any]) -> String? {
    ((response["error"] as? [String: Any])?["data"] as? [String: Any])?["name"] as? String
}

/// `error.code` of a response, if it is an error.
func errorCode(_ response: [String: Any]) -> Int? { (response["error"] as? [String: Any])?["code"] as? Int }

/// Checks that the connection still answers.
func expectUsable(_ client: ControlClient, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let response = try exchange(client, #"{"jsonrpc":"2.0","id":"ping","method":"hello"}"#)
    #expect(response["id"] as? String == "ping", sourceLocation: sourceLocation)
    #expect(response["result"] != nil, sourceLocation: sourceLocation)
}

/// Raises this process's open-file limit to its hard limit (1,000 clients need 1,000 fds).
func raiseFileLimit() -> Int {
    var limit = rlimit()
    let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    guard getrlimit(resource, &limit) == 0 else { return -1 }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(resource, &limit)
    _ = getrlimit(resource, &limit)
    return Int(limit.rlim_cur)
}

/// Open file descriptors of a process.
func openFileCount(_ pid: Int32) -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []).count
}

/// A small article unlike any other (`n` makes it unique).
func syntheticArticle(_ n: Int, topic: String = "harbour") -> Data {
    Data(
        """
        Minister \(n) says talks on \(topic) number \(n) resume

        By Staff Reporter

        The minister said on Tuesday that talks about \(topic) \(n) would resume next week, after a pause of \(n) days.

        Officials in the port city welcomed the news and said the agreement would hold.

        """.utf8)
}

/// Whether the tests may switch users (root with setpriv installed).
let canSwitchUser = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

// MARK: - Methods and errors over a real socket

@Suite("Control protocol: methods and errors", .seededDaemon)
struct ProtocolMethodTests {
    /// Every read method, its params, and keys its result must have (`[]` for a list result).
    static let reads: [(String, String, [String])] = [
        ("hello", "null", ["protocol_version", "server", "methods"]),
        ("status", "{}", ["version", "state", "inbox", "database", "articles", "pending", "failed", "uptime_s"]),
        ("status", #"{"path":"000_edc18a25d3498dcf.txt"}"#, ["id", "path", "state", "offset", "article_id", "error"]),
        ("query", #"{"text":"ceasefire","limit":3}"#, ["total", "results"]),
        ("query", #"{"source":"reuters","since":"2000-01-01","until":"2100-01-01T00:00Z","offset":0}"#, ["total", "results"]),
        ("query", #"{"person":"Putin"}"#, ["total", "results"]),
        ("show", #"{"id":1}"#, ["id", "title", "body", "people", "path", "revision", "ingested_at"]),
        ("sources", "{}", []),
        ("entities", #"{"kind":"person","top":2}"#, []),
        ("failed", "{}", []),
        ("metrics", "{}", ["text"]),
    ]

    @Test("read methods answer with their result", arguments: reads)
    func readMethod(method: String, params: String, keys: [String]) throws {
        let client = try rawClient(try SeededDaemon.shared)
        let response = try exchange(client, #"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":\#(params)}"#)
        #expect(response["jsonrpc"] as? String == "2.0")
        #expect(response["id"] as? Int == 7)
        #expect(response["error"] == nil, "\(method) failed: \(response)")
        if keys.isEmpty {
            #expect(response["result"] is [Any], "\(method) should answer a list")
        } else {
            let result = try #require(response["result"] as? [String: Any])
            for key in keys { #expect(result[key] != nil, "\(method) lacks \(key)") }
        }
    }

    @Test func helloNamesEveryMethod() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let hello = try client.call("hello", as: HelloResult.self)
        #expect(hello.protocolVersion == 1)
        #expect(hello.server.hasPrefix("newsd "))
        #expect(Set(hello.methods) == Set(RPCMethod.allCases.map(\.rawValue)))
    }

    @Test func queryRanksAndMarksHits() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let result = try client.call("query", params: ["text": .string("ceasefire")], as: QueryResult.self)
        #expect(result.total >= 4)
        #expect(result.results.map(\.score) == result.results.map(\.score).sorted(by: >))
        for hit in result.results { #expect(hit.snippet.lowercased().contains("**ceasefire")) }
        let page = try client.call("query", params: ["text": .string("ceasefire"), "limit": .number(1), "offset": .number(1)], as: QueryResult.self)
        #expect(page.results.map(\.id) == [result.results[1].id])
        #expect(page.total == result.total)
    }

    /// A line, the stable name of its error and the JSON-RPC code.
    static let errors: [(String, String, Int)] = [
        ("{this is not json", "parse_error", -32700),
        (#"{"jsonrpc":"2.0","id":1,"method":"hello""#, "parse_error", -32700),
        ("[1,2,3]", "invalid_request", -32600),
        (#"{"jsonrpc":"2.0","id":1}"#, "invalid_request", -32600),
        (#"{"jsonrpc":"1.0","id":1,"method":"hello"}"#, "invalid_request", -32600),
        (#"{"jsonrpc":"2.0","id":[1],"method":"hello"}"#, "invalid_request", -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"explode"}"#, "method_not_found", -32601),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"limit":"ten"}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"limit":0}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"limit":10001}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"since":"last tuesday"}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"colour":"red"}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":["ceasefire"]}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"show","params":{}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"show","params":{"id":"one"}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"entities","params":{"kind":"fruit"}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"follow","params":{"text":7}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"hello","params":{"extra":true}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"retry","params":{}}"#, "invalid_params", -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"show","params":{"id":987654}}"#, "not_found", -32001),
        (#"{"jsonrpc":"2.0","id":1,"method":"status","params":{"path":"never-seen.txt"}}"#, "not_found", -32001),
        (#"{"jsonrpc":"2.0","id":1,"method":"retry","params":{"id":987654}}"#, "not_found", -32001),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":"\"unterminated","fts":true}}"#, "bad_query", -32005),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":"AND AND","fts":true}}"#, "bad_query", -32005),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":"*","fts":true}}"#, "bad_query", -32005),
        (#"{"jsonrpc":"2.0","id":1,"method":"follow","params":{"text":"((","fts":true}}"#, "bad_query", -32005),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":"NEAR(a b, 99999999)","fts":true}}"#, "too_complex", -32008),
        (#"{"jsonrpc":"2.0","id":1,"method":"query","params":{"fts":"yes"}}"#, "invalid_params", -32602),
    ]

    @Test("bad requests get the documented error and the connection stays usable", arguments: errors)
    func errorCodes(line: String, name: String, code: Int) throws {
        let client = try rawClient(try SeededDaemon.shared)
        let response = try exchange(client, line)
        #expect(errorName(response) == name, "\(line) → \(response)")
        #expect(errorCode(response) == code)
        #expect(((response["error"] as? [String: Any])?["message"] as? String)?.isEmpty == false)
        try expectUsable(client)
    }

    @Test func errorKeepsTheRequestID() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let response = try exchange(client, #"{"jsonrpc":"2.0","id":"abc-1","method":"show","params":{"id":-5}}"#)
        #expect(response["id"] as? String == "abc-1")
        #expect(errorName(response) == "not_found")
        let unreadable = try exchange(client, #"{"jsonrpc":"2.0","id":"abc-2","method":5}"#)
        #expect(unreadable["id"] as? String == "abc-2")
    }

    @Test func twoMebibyteLineIsTooLargeAndTheConnectionGoesOn() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let huge = #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":""#
            + String(repeating: "a", count: 2 << 20) + #""}}"#
        let response = try exchange(client, huge)
        #expect(errorName(response) == "too_large")
        #expect(errorCode(response) == -32004)
        try expectUsable(client)
    }

    @Test func lineJustUnderTheLimitIsRead() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let prefix = #"{"jsonrpc":"2.0","id":1,"method":"hello","params":{"pad":""#
        let suffix = #""}}"#
        let line = prefix + String(repeating: "x", count: maxRequestLineBytes - prefix.utf8.count - suffix.utf8.count) + suffix
        #expect(line.utf8.count == maxRequestLineBytes)
        // It is read (not too_large): hello then refuses the unknown param.
        #expect(errorName(try exchange(client, line)) == "invalid_params")
    }

    @Test func binaryGarbageIsAParseError() throws {
        let client = try rawClient(try SeededDaemon.shared)
        var garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        garbage.removeAll { $0 == UInt8(ascii: "\n") }
        #expect(errorName(try exchange(client, garbage)) == "parse_error")
        try expectUsable(client)
    }

    @Test func blankLinesAndNotificationsGetNoAnswer() throws {
        let client = try rawClient(try SeededDaemon.shared)
        try client.send(Data("\n\n   \n\t\n \t \r\n".utf8))
        try client.send(Data((#"{"jsonrpc":"2.0","method":"hello"}"# + "\n").utf8))
        try client.send(Data((#"{"jsonrpc":"2.0","method":"no_such_method"}"# + "\n").utf8))
        // The next answer is the one to this request.
        let response = try exchange(client, #"{"jsonrpc":"2.0","id":"after","method":"hello"}"#)
        #expect(response["id"] as? String == "after")
    }

    /// Query texts people type, and texts that are FTS5 syntax errors: all answer with results.
    static let typedQueries: [String] = [
        "Trump-Putin", "U.S.", "Zelenskyy's", "30-day", "source:reuters", "*", "\"", "\"prime minister",
        "AND AND", "((", "NEAR(a b, 99999999)", "a OR", "-", "title:", "story:1", "\u{0}", "after:tomorrow",
    ]

    @Test("typed query text is never an error", arguments: typedQueries)
    func typedQueryAnswers(text: String) throws {
        let client = try rawClient(try SeededDaemon.shared)
        let line = String(decoding: try ProtocolCoding.encode(RPCRequest(id: .string("q"), method: "query", params: ["text": .string(text)])), as: UTF8.self)
        let response = try exchange(client, line)
        #expect(response["error"] == nil, "\(text.debugDescription) → \(response)")
        #expect((response["result"] as? [String: Any])?["total"] is Int)
    }

    @Test func thousandWordQueryIsTooComplexAndTheDaemonGoesOn() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let words = Array(repeating: "a", count: 1000).joined(separator: " ")
        let response = try exchange(client, #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":"\#(words)"}}"#)
        #expect(errorName(response) == "too_complex")
        #expect(errorCode(response) == -32008)
        let status = try exchange(client, #"{"jsonrpc":"2.0","id":2,"method":"status"}"#)
        #expect(status["result"] != nil)
    }

    @Test func captionsAreSearchable() throws {
        let client = try rawClient(try SeededDaemon.shared)
        let result = try client.call("query", params: ["text": .string("Osaka")], as: QueryResult.self)
        #expect(result.results.map(\.path).contains("004_cd1cb9dd255ad211.txt"))
    }

    /// Ids come back byte for byte as they were sent.
    static let ids: [String] = [
        "9007199254740993", "-9007199254740993", "123456789012345678901234567890", "0", "7", "1.50", "1e3",
        #""abc""#, #""\u00e9t\u00e9""#, #""""#, "null",
    ]

    @Test("request ids are echoed exactly", arguments: ids)
    func idEchoedExactly(id: String) throws {
        let client = try rawClient(try SeededDaemon.shared)
        try client.send(Data((#"{"jsonrpc":"2.0","id":\#(id),"method":"hello"}"# + "\n").utf8))
        let line = String(decoding: try #require(try client.readLine()), as: UTF8.self)
        #expect(line.hasPrefix(#"{"id":\#(id),"#), "\(line)")
        try client.send(Data((#"{"jsonrpc":"2.0","id":\#(id),"method":"nope"}"# + "\n").utf8))
        let error = String(decoding: try #require(try client.readLine()), as: UTF8.self)
        #expect(error.contains(#","id":\#(id),"#), "\(error)")
    }

    @Test func requestsThenHalfCloseAreAllAnswered() throws {
        let daemon = try SeededDaemon.shared
        let client = try rawClient(daemon)
        var lines = Data()
        for i in 0..<3 { lines += Data((#"{"jsonrpc":"2.0","id":\#(i),"method":"query","params":{"text":"ceasefire"}}"# + "\n").utf8) }
        lines += Data((#"{"jsonrpc":"2.0","id":3,"method":"status"}"# + "\n").utf8)
        try client.send(lines)
        client.finishSending()
        for i in 0..<4 {
            let line = try #require(try client.readLine(), "answer \(i) missing")
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            #expect(object["id"] as? Int == i)
            #expect(object["result"] != nil)
        }
        #expect(try client.readLine() == nil)
    }

    @Test func manyRequestsOnOneConnectionAnswerInOrder() throws {
        let client = try rawClient(try SeededDaemon.shared)
        var batch = Data()
        for i in 0..<200 { batch += Data((#"{"jsonrpc":"2.0","id":\#(i),"method":"status"}"# + "\n").utf8) }
        try client.send(batch)
        for i in 0..<200 {
            let line = try #require(try client.readLine())
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            #expect(object["id"] as? Int == i)
        }
    }

    @Test func halfALineThenCloseLeavesTheDaemonServing() throws {
        let daemon = try SeededDaemon.shared
        for _ in 0..<20 {
            let client = try rawClient(daemon)
            try client.send(Data(#"{"jsonrpc":"2.0","id":1,"method":"sta"#.utf8))
        }
        // A client that sends half a line and sleeps does not hold up another.
        let sleeper = try rawClient(daemon)
        try sleeper.send(Data(#"{"jsonrpc":"2.0","id":1,"#.utf8))
        let other = try rawClient(daemon)
        try expectUsable(other)
        // Half a line, then end of stream: dropped quietly, the connection closes cleanly.
        let halfClosed = try rawClient(daemon)
        try halfClosed.send(Data(#"{"jsonrpc":"2.0","id":1,"method":"hello""#.utf8))
        halfClosed.finishSending()
        #expect(try halfClosed.readLine() == nil)
        #expect(daemon.process.isRunning)
        try expectUsable(other)
    }
}

// MARK: - Many clients, slow clients, follow

@Suite("Control protocol: load and streams")
struct ProtocolLoadTests {
    @Test func thousandConcurrentClientsAllGetStatus() throws {
        #expect(raiseFileLimit() >= 1100)
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        let pid = daemon.process.processIdentifier
        // The start-up scan opens the inbox for a moment: count once it is done.
        try daemon.waitStatus("watching") { $0["state"] as? String == "watching" }
        usleep(200_000)
        let baseline = openFileCount(pid)
        var clients: [ControlClient] = []
        for _ in 0..<1000 { clients.append(try rawClient(daemon, timeout: 120)) }
        // All 1,000 are connected at once; each asks, then each reads its answer.
        for (i, client) in clients.enumerated() {
            try client.send(Data((#"{"jsonrpc":"2.0","id":\#(i),"method":"status"}"# + "\n").utf8))
        }
        var answered = 0
        for (i, client) in clients.enumerated() {
            let line = try #require(try client.readLine())
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            if object["id"] as? Int == i, (object["result"] as? [String: Any])?["version"] != nil { answered += 1 }
        }
        #expect(answered == 1000)
        #expect(openFileCount(pid) >= baseline + 1000)
        clients.removeAll()
        // Every connection's descriptor is given back.
        let deadline = Date().addingTimeInterval(60)
        while openFileCount(pid) > baseline + 2, Date() < deadline { usleep(100_000) }
        #expect(openFileCount(pid) <= baseline + 2, "fds: \(baseline) before, \(openFileCount(pid)) after")
        #expect(try daemon.ctl("status").status == 0)
    }

    @Test func followClientThatNeverReadsIsToldWhatItLost() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        let client = try rawClient(daemon, timeout: 60)
        client.setReceiveBufferSize(4096)
        let subscribed = try exchange(client, #"{"jsonrpc":"2.0","id":1,"method":"follow"}"#)
        #expect((subscribed["result"] as? [String: Any])?["subscribed"] as? Bool == true)
        let files = 5000
        for n in 0..<files { try daemon.dropCarefully(String(format: "a%05d.txt", n), syntheticArticle(n)) }
        // Ingest finishes although the follower reads nothing.
        let status = try daemon.waitArticles(files, timeout: 900)
        #expect(status["articles"] as? Int == files)
        #expect(status["failed"] as? Int == 0)
        #expect(try daemon.ctl("--json", "query", "harbour").status == 0)
        // Now read: every article is either delivered or counted in a `dropped` notification.
        var delivered = 0
        var dropped = 0
        var droppedNotes = 0
        while delivered + dropped < files {
            guard let line = try client.readLine(),
                let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
            else { break }
            #expect(object["id"] == nil)
            switch object["method"] as? String {
            case "article": delivered += 1
            case "dropped":
                droppedNotes += 1
                dropped += ((object["params"] as? [String: Any])?["count"] as? Int) ?? 0
            default: Issue.record("unexpected line \(object)")
            }
        }
        #expect(droppedNotes >= 1)
        #expect(dropped > 0)
        #expect(delivered + dropped == files, "delivered \(delivered), dropped \(dropped)")
    }

    @Test func followWithQueryGetsOnlyMatchingArticles() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        let client = try rawClient(daemon, timeout: 60)
        let subscribed = try exchange(client, #"{"jsonrpc":"2.0","id":"f","method":"follow","params":{"text":"ceasefire"}}"#)
        #expect(subscribed["id"] as? String == "f")
        let status = try daemon.status()
        #expect(status["followers"] as? Int == 1)
        try daemon.dropCarefully("plain.txt", syntheticArticle(1, topic: "fisheries"))
        let seed = try #require(Binaries.seedFiles.first)
        try daemon.dropCarefully(seed.lastPathComponent, Data(contentsOf: seed))
        let line = try #require(try client.readLine())
        let note = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(note["method"] as? String == "article")
        let params = try #require(note["params"] as? [String: Any])
        #expect(params["path"] as? String == seed.lastPathComponent)
        for key in ["id", "title", "source", "published", "path"] { #expect(params.keys.contains(key)) }
        // The follower that hangs up is forgotten.
        _ = consume client
        try daemon.waitStatus("no followers", timeout: 30) { $0["followers"] as? Int == 0 }
    }
}

// MARK: - Authorisation and the socket

@Suite("Control protocol: authorisation and socket")
struct ProtocolAccessTests {
    @Test("the operator actions work for root and change state")
    func adminActions() throws {
        let daemon = try DaemonUnderTest(config: ["max_file_bytes": 4096])
        #expect(daemon.waitReady())
        let client = try rawClient(daemon, timeout: 120)
        #expect(try client.call("pause", as: ActionResult.self).ok)
        try daemon.waitStatus("paused") { $0["state"] as? String == "paused" }
        try daemon.dropCarefully("while-paused.txt", syntheticArticle(1))
        #expect(try client.call("resume", as: ActionResult.self).ok)
        try daemon.waitArticles(1)
        #expect(try client.call("rescan", as: ActionResult.self).ok)
        #expect(try client.call("reindex", as: ActionResult.self).ok)
        #expect(try client.call("reload", as: ActionResult.self).ok)
        // A file over max_file_bytes is quarantined; `failed` lists it and `retry` takes it back.
        try daemon.dropCarefully("huge.txt", Data(repeating: UInt8(ascii: "x"), count: 10_000))
        try daemon.waitStatus("one failed file") { $0["failed"] as? Int == 1 }
        let failed = try client.call("failed", as: [FileStatus].self)
        let bad = try #require(failed.first)
        #expect(bad.error?.isEmpty == false)
        #expect(try client.call("retry", params: ["id": .number(Double(bad.id))], as: ActionResult.self).ok)
        #expect(try client.call("retry", params: ["all": .bool(true)], as: ActionResult.self).ok)
        // A broken config file: reload refuses it with bad_config and the daemon goes on.
        let good = try Data(contentsOf: URL(fileURLWithPath: daemon.configFile))
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: daemon.configFile))
        let refused = try exchange(client, #"{"jsonrpc":"2.0","id":1,"method":"reload"}"#)
        #expect(errorName(refused) == "bad_config")
        #expect(errorCode(refused) == -32007)
        try expectUsable(client)
        // The refusal heads STATUS, also once the rest of the line has changed, until a reload
        // succeeds.
        try daemon.dropCarefully("after-refusal.txt", syntheticArticle(2))
        #expect(
            daemon.notify.wait(for: "the refusal ahead of the new count") {
                $0.hasPrefix("STATUS=Reload refused: ") && $0.contains(": 2 articles, ")
            })
        try good.write(to: URL(fileURLWithPath: daemon.configFile))
        let seen = daemon.notify.assignments.count
        #expect(try client.call("reload", as: ActionResult.self).ok)
        #expect(
            daemon.notify.wait(for: "STATUS without the refusal") { _ in
                daemon.notify.assignments.dropFirst(seen).contains { $0.hasPrefix("STATUS=Watching ") }
            })
    }

    @Test(
        "a non-admin uid may read but not change state", .enabled(if: canSwitchUser, "needs root and setpriv"),
        arguments: [
            ("query", 0), ("status", 0), ("hello", 0), ("pause", 1), ("resume", 1), ("rescan", 1), ("reindex", 1),
            ("reload", 1),
        ])
    func nonAdmin(command: String, exitCode: Int32) throws {
        let daemon = try DaemonUnderTest(config: ["socket_mode": "0666"])
        #expect(daemon.waitReady())
        chmod(daemon.folder.path, 0o755)
        var st = stat()
        #expect(stat(daemon.socket, &st) == 0 && st.st_mode & 0o777 == 0o666)
        let r = try run(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", Binaries.newsctl, "--socket", daemon.socket, command])
        #expect(r.status == exitCode, "\(command): \(r.stderr)")
        if exitCode == 1 {
            #expect(r.stderr.contains("newsctl: forbidden:"), "\(r.stderr)")
            #expect(try daemon.status()["state"] as? String != "paused")
        }
    }

    @Test("admin_uids and admin_gids make an admin", .enabled(if: canSwitchUser, "needs root and setpriv"))
    func adminByConfig() throws {
        let byUID = try DaemonUnderTest(config: ["socket_mode": "0666", "admin_uids": [65534]])
        let byGID = try DaemonUnderTest(config: ["socket_mode": "0666", "admin_gids": [4242]])
        for daemon in [byUID, byGID] {
            #expect(daemon.waitReady())
            chmod(daemon.folder.path, 0o755)
        }
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]
        #expect(try run("/usr/bin/setpriv", asNobody + [Binaries.newsctl, "--socket", byUID.socket, "pause"]).status == 0)
        // The admin group as a supplementary group (SO_PEERCRED only carries the primary one).
        let withGroup = ["--reuid=65534", "--regid=65534", "--groups=4242"]
        #expect(try run("/usr/bin/setpriv", withGroup + [Binaries.newsctl, "--socket", byGID.socket, "pause"]).status == 0)
        #expect(try run("/usr/bin/setpriv", asNobody + [Binaries.newsctl, "--socket", byGID.socket, "resume"]).status == 1)
    }

    @Test func socketHasTheConfiguredModeAndNoLeftovers() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        var st = stat()
        #expect(lstat(daemon.socket, &st) == 0)
        #expect(st.st_mode & S_IFMT == S_IFSOCK)
        #expect(st.st_mode & 0o777 == 0o660)
        let names = try FileManager.default.contentsOfDirectory(atPath: daemon.folder.path)
        #expect(!names.contains { $0.hasPrefix(".newsd-bind") || $0.hasSuffix(".tmp") }, "\(names)")
        // READY=1 comes from inside the service group, so SIGTERM is handled from then on.
        try daemon.waitStatus("watching") { $0["state"] as? String == "watching" }
        #expect(daemon.stop() == 0)
        #expect(lstat(daemon.socket, &st) != 0)
    }

    @Test func staleSocketIsReplaced() throws {
        let daemon = try DaemonUnderTest(start: false)
        // What a crash leaves: a socket file nobody listens on.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(daemon.socket.utf8))
            raw[daemon.socket.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        close(fd)
        try daemon.launch()
        #expect(daemon.waitReady())
        try expectUsable(try rawClient(daemon))
    }

    @Test func secondDaemonDoesNotStealALiveSocket() throws {
        let first = try DaemonUnderTest()
        #expect(first.waitReady())
        let second = try DaemonUnderTest(extraArguments: ["--socket", first.socket])
        second.process.waitUntilExit()
        #expect(second.process.terminationStatus == 73)
        let complaint = second.stderr
        #expect(complaint.contains(first.socket))
        #expect(complaint.contains("in use"), "\(complaint)")
        try expectUsable(try rawClient(first))
    }
}
