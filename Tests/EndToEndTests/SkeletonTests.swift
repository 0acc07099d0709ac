import Foundation
import Glibc
import Testing

/// The walking skeleton, end to end: the built newsd on a temporary inbox, the five seeds dropped
/// in, and everything checked through the built newsctl.
@Suite("newsd end to end")
struct SkeletonTests {
    @Test("five seeds dropped in are stored, searchable and shown with every field; SIGTERM stops cleanly")
    func seedsEndToEnd() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        let seeds = Binaries.seedFiles
        try #require(seeds.count == 5)
        // Four the careful way (dot-name, then rename), one written in place.
        for seed in seeds.dropLast() {
            try daemon.dropCarefully(seed.lastPathComponent, Data(contentsOf: seed))
        }
        try daemon.dropCarelessly(seeds.last!.lastPathComponent, Data(contentsOf: seeds.last!))
        let status = try daemon.waitArticles(5)
        #expect(status["articles"] as? Int == 5)
        #expect(status["failed"] as? Int == 0)
        #expect(status["state"] as? String == "watching")
        for key in ["version", "state", "inbox", "database", "articles", "pending", "failed", "uptime_s"] {
            #expect(status[key] != nil, "status lacks \(key)")
        }

        let query = try daemon.ctl("--json", "query", "ceasefire")
        #expect(query.status == 0)
        let result = try #require(try query.json() as? [String: Any])
        let hits = try #require(result["results"] as? [[String: Any]])
        #expect(hits.count >= 4)
        #expect((result["total"] as? Int ?? 0) >= 4)
        for hit in hits {
            let snippet = hit["snippet"] as? String ?? ""
            #expect(snippet.lowercased().contains("**ceasefire"), "snippet without a marked hit: \(snippet)")
            for key in ["id", "title", "source", "published", "snippet", "score", "path"] {
                #expect(hit.keys.contains(key), "query result lacks \(key)")
            }
        }

        let id = try #require(hits.first?["id"] as? Int)
        let show = try daemon.ctl("--json", "show", String(id))
        #expect(show.status == 0)
        let article = try #require(try show.json() as? [String: Any])
        let fields = [
            "id", "title", "source", "authors", "published", "updated", "summary", "subheadings", "body", "captions",
            "embedded_posts", "kind", "people", "places", "organisations", "quotes", "language", "word_count",
            "content_hash", "path", "ingested_at", "updated_at", "revision",
        ]
        for key in fields { #expect(article.keys.contains(key), "show lacks \(key)") }
        #expect((article["body"] as? [String])?.isEmpty == false)
        #expect(article["revision"] as? Int == 1)

        // Human output: an aligned table with a header.
        let human = try daemon.ctl("query", "ceasefire")
        #expect(human.status == 0)
        #expect(human.stdout.hasPrefix("ID"))
        #expect(human.stdout.contains("ceasefire"))

        // STATUS= follows the counts (coalesced, so it may come a moment after the fifth commit).
        #expect(daemon.notify.wait(for: "STATUS= with 5 articles") { $0.hasPrefix("STATUS=") && $0.contains("5 articles") })
        #expect(daemon.stop() == 0)
        #expect(daemon.notify.assignments.contains("STOPPING=1"))
        #expect(!FileManager.default.fileExists(atPath: daemon.socket), "socket file left behind")
    }

    @Test(
        "a bad config names the key and exits 78",
        arguments: [
            ("{\"inbox\": \"/tmp/x\", \"colour\": true}", "colour"),
            ("{\"settle_ms\": \"soon\"}", "settle_ms"),
            ("{\"max_file_bytes\": 1.5}", "max_file_bytes"),
            ("{\"after_ingest\": \"shred\"}", "after_ingest"),
            ("{\"include\": \"*.txt\"}", "include"),
            ("{\"socket_mode\": \"rw\"}", "socket_mode"),
            ("[1, 2]", "JSON object"),
            ("{not json", "not valid JSON"),
            // Found by fuzzing: accepted, then newsd trapped turning them into milliseconds / a TimeAmount.
            ("{\"poll_interval_s\": 1e300}", "poll_interval_s"),
            ("{\"client_idle_timeout_s\": 1e10}", "client_idle_timeout_s"),
        ])
    func badConfig(text: String, named: String) throws {
        let folder = TemporaryFolder()
        let file = folder.path + "/newsd.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let check = try run(Binaries.newsd, ["--config", file, "--check-config"])
        #expect(check.status == 78)
        #expect(check.stderr.contains(named), "stderr does not name \(named): \(check.stderr)")
        #expect(check.stderr.split(separator: "\n").count == 1, "more than one line: \(check.stderr)")
        let start = try run(Binaries.newsd, ["--config", file, "--socket", folder.path + "/s"])
        #expect(start.status == 78)
    }

    @Test("a good config passes --check-config")
    func goodConfig() throws {
        let example = Binaries.seeds.deletingLastPathComponent().appendingPathComponent("config.example.json")
        let check = try run(Binaries.newsd, ["--config", example.path, "--check-config"])
        #expect(check.status == 0, "config.example.json refused: \(check.stderr)")
    }

    @Test("newsctl without a daemon exits 69 with a hint")
    func noDaemon() throws {
        let folder = TemporaryFolder()
        let r = try run(Binaries.newsctl, ["--socket", folder.path + "/none.sock", "status"])
        #expect(r.status == 69)
        #expect(r.stderr.contains("no newsd at"))
        let env = try run(Binaries.newsctl, ["status"], environment: ["NEWSD_SOCKET": folder.path + "/none.sock"])
        #expect(env.status == 69)
        #expect(env.stderr.contains(folder.path + "/none.sock"))
    }

    @Test("a database that cannot be opened exits 73")
    func unopenableDatabase() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/db-is-a-folder", withIntermediateDirectories: true)
        let r = try run(
            Binaries.newsd,
            ["--inbox", folder.path + "/inbox", "--database", folder.path + "/db-is-a-folder", "--socket", folder.path + "/s"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("database"))
    }

    @Test("a second newsd on a live daemon's socket exits 73 and leaves the first one serving")
    func socketNotStolen() throws {
        let first = try DaemonUnderTest()
        #expect(first.waitReady())
        let other = TemporaryFolder()
        let r = try run(
            Binaries.newsd,
            ["--inbox", other.path + "/inbox", "--database", other.path + "/db", "--socket", first.socket])
        #expect(r.status == 73)
        #expect(r.stderr.contains("in use"))
        #expect(try first.ctl("status").status == 0)
    }
}
