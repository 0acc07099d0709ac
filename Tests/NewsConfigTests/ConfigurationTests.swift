import Foundation
import Logging
import Testing

@testable import NewsConfig

/// The config file: every refusal is one line naming the key, word for word as operators and
/// scripts see it (newsd prints it and exits 78); what is accepted lands over the defaults.
@Suite struct ConfigurationTests {
    static let file = "/etc/newsd/newsd.json"

    static func load(_ text: String) throws(ConfigurationError) -> NewsdConfiguration {
        try NewsdConfiguration.load(data: Data(text.utf8), file: file)
    }

    static func refusal(_ text: String) -> String? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: [
        // The document
        ("{not json", "not valid JSON"),
        ("", "not valid JSON"),
        ("{\"settle_ms\": 1e400}", "not valid JSON"),
        ("{\"elsewhere\": 1e400}", "not valid JSON"),
        ("[1, 2]", "must be a JSON object of keys"),
        ("null", "must be a JSON object of keys"),
        ("5", "must be a JSON object of keys"),
        ("\"inbox\"", "must be a JSON object of keys"),
        // Unknown keys: named, the first in sorted order, before any other complaint
        ("{\"inbox\": \"/tmp/x\", \"colour\": true}", "unknown key \"colour\""),
        ("{\"zeta\": 1, \"alpha\": 2}", "unknown key \"alpha\""),
        ("{\"settle_ms\": \"soon\", \"unknown\": null}", "unknown key \"unknown\""),
        ("{\"Inbox\": \"/tmp/x\"}", "unknown key \"Inbox\""),
        // Strings and paths
        ("{\"inbox\": 3}", "key \"inbox\" must be a string, not number"),
        ("{\"inbox\": {}}", "key \"inbox\" must be a string, not object"),
        ("{\"database\": []}", "key \"database\" must be a string, not array"),
        ("{\"socket\": true}", "key \"socket\" must be a string, not boolean"),
        ("{\"inbox\": \"\"}", "key \"inbox\" must not be empty"),
        ("{\"archive_dir\": \"\"}", "key \"archive_dir\" must not be empty"),
        ("{\"quarantine_dir\": 1}", "key \"quarantine_dir\" must be a string, not number"),
        ("{\"aliases_file\": false}", "key \"aliases_file\" must be a string, not boolean"),
        ("{\"socket_mode\": \"rw\"}", "key \"socket_mode\" must be an octal mode such as \"0660\""),
        ("{\"socket_mode\": \"1000\"}", "key \"socket_mode\" must be an octal mode such as \"0660\""),
        ("{\"socket_mode\": \"999\"}", "key \"socket_mode\" must be an octal mode such as \"0660\""),
        ("{\"socket_mode\": 660}", "key \"socket_mode\" must be a string, not number"),
        ("{\"after_ingest\": \"shred\"}",
         "key \"after_ingest\" must be \"keep\", \"archive\" or \"delete\", not \"shred\""),
        ("{\"after_ingest\": 1}", "key \"after_ingest\" must be a string, not number"),
        ("{\"log_level\": \"loud\"}",
         "key \"log_level\" must be one of trace, debug, info, notice, warning, error, critical"),
        // Lists
        ("{\"include\": \"*.txt\"}", "key \"include\" must be a list of strings, not string"),
        ("{\"ignore\": [\"*.tmp\", 1]}", "key \"ignore\" must be a list of strings"),
        ("{\"include\": null}", "key \"include\" must be a list of strings, not null"),
        ("{\"admin_uids\": [-1]}", "key \"admin_uids\" must be a list of numeric ids"),
        ("{\"admin_uids\": [4294967295]}", "key \"admin_uids\" must be a list of numeric ids"),
        ("{\"admin_gids\": [1.5]}", "key \"admin_gids\" must be a list of numeric ids"),
        ("{\"admin_gids\": [\"0\"]}", "key \"admin_gids\" must be a list of numeric ids"),
        ("{\"admin_uids\": \"0\"}", "key \"admin_uids\" must be a list of numeric ids, not string"),
        ("{\"admin_uids\": null}", "key \"admin_uids\" must be a list of numeric ids, not null"),
        // Booleans: null is no default here
        ("{\"recursive\": \"yes\"}", "key \"recursive\" must be true or false, not string"),
        ("{\"recursive\": null}", "key \"recursive\" must be true or false, not null"),
        ("{\"duplicates\": 1}", "key \"duplicates\" must be true or false, not number"),
        ("{\"stories\": []}", "key \"stories\" must be true or false, not array"),
        // Integers
        ("{\"settle_ms\": \"soon\"}", "key \"settle_ms\" must be an integer, not string"),
        ("{\"settle_ms\": -1}", "key \"settle_ms\" must be at least 0"),
        ("{\"max_file_bytes\": 1.5}", "key \"max_file_bytes\" must be an integer, not 1.5"),
        ("{\"max_file_bytes\": 0}", "key \"max_file_bytes\" must be at least 1"),
        ("{\"max_file_bytes\": 1e16}", "key \"max_file_bytes\" must be an integer, not 1e+16"),
        ("{\"max_file_bytes\": -1e16}", "key \"max_file_bytes\" must be an integer, not -1e+16"),
        ("{\"batch_max_articles\": 0}", "key \"batch_max_articles\" must be at least 1"),
        ("{\"batch_max_delay_ms\": -1}", "key \"batch_max_delay_ms\" must be at least 0"),
        ("{\"parse_workers\": 0}", "key \"parse_workers\" must be at least 1"),
        ("{\"parse_workers\": 65}", "key \"parse_workers\" must be at most 64"),
        ("{\"parse_workers\": true}", "key \"parse_workers\" must be an integer, not boolean"),
        ("{\"parse_memory_mb\": 32}", "key \"parse_memory_mb\" must be at least 64"),
        ("{\"parse_memory_mb\": 2000000}", "key \"parse_memory_mb\" must be at most 1048576"),
        ("{\"query_timeout_ms\": 0}", "key \"query_timeout_ms\" must be at least 1"),
        ("{\"query_timeout_ms\": {}}", "key \"query_timeout_ms\" must be an integer, not object"),
        // Numbers of seconds
        ("{\"poll_interval_s\": 1e300}", "key \"poll_interval_s\" must be at most 1000000000 (seconds)"),
        ("{\"poll_interval_s\": -1}", "key \"poll_interval_s\" must be at least 0.0"),
        ("{\"reconcile_interval_s\": -0.5}", "key \"reconcile_interval_s\" must be at least 0.0"),
        ("{\"client_idle_timeout_s\": 1e10}", "key \"client_idle_timeout_s\" must be at most 1000000000 (seconds)"),
        ("{\"client_idle_timeout_s\": 0.5}", "key \"client_idle_timeout_s\" must be at least 1.0"),
        ("{\"parse_timeout_s\": true}", "key \"parse_timeout_s\" must be a number, not boolean"),
        ("{\"parse_timeout_s\": \"30\"}", "key \"parse_timeout_s\" must be a number, not string"),
        // Several faults: the keys are checked in one fixed order
        ("{\"settle_ms\": \"x\", \"recursive\": \"x\"}", "key \"recursive\" must be true or false, not string"),
        ("{\"query_timeout_ms\": 0, \"inbox\": 1}", "key \"inbox\" must be a string, not number"),
        ("{\"parse_memory_mb\": 1, \"stories\": 1}", "key \"stories\" must be true or false, not number"),
    ])
    func refusalsNameTheKeyWordForWord(text: String, message: String) {
        #expect(Self.refusal(text) == "config \(Self.file): \(message)")
    }

    @Test func everyKeyLandsOverTheDefaults() throws {
        let config = try Self.load(
            """
            {"inbox": "in", "database": "/data/news.db", "socket": "../run/s.sock", "socket_mode": "0640",
             "admin_uids": [0, 1000], "admin_gids": [4294967294], "include": ["*.txt"], "ignore": [],
             "recursive": false, "settle_ms": 250, "poll_interval_s": 2.5, "reconcile_interval_s": 0,
             "max_file_bytes": 1048576, "after_ingest": "archive", "archive_dir": "old", "quarantine_dir": "/q",
             "batch_max_articles": 10, "batch_max_delay_ms": 0, "log_level": "debug", "aliases_file": "aliases.json",
             "client_idle_timeout_s": 60, "parse_workers": 3, "parse_timeout_s": 1.5, "parse_memory_mb": 64,
             "query_timeout_ms": 1, "duplicates": false, "stories": false}
            """)
        var expected = NewsdConfiguration()
        expected.inbox = "/etc/newsd/in"
        expected.database = "/data/news.db"
        expected.socket = "/etc/run/s.sock"
        expected.socketMode = 0o640
        expected.adminUIDs = [0, 1000]
        expected.adminGIDs = [4_294_967_294]
        expected.include = ["*.txt"]
        expected.ignore = []
        expected.recursive = false
        expected.settleMilliseconds = 250
        expected.pollIntervalSeconds = 2.5
        expected.reconcileIntervalSeconds = 0
        expected.maxFileBytes = 1_048_576
        expected.afterIngest = .archive
        expected.archiveDir = "/etc/newsd/old"
        expected.quarantineDir = "/q"
        expected.batchMaxArticles = 10
        expected.batchMaxDelayMilliseconds = 0
        expected.logLevel = .debug
        expected.aliasesFile = "/etc/newsd/aliases.json"
        expected.clientIdleTimeoutSeconds = 60
        expected.parseWorkers = 3
        expected.parseTimeoutSeconds = 1.5
        expected.parseMemoryMB = 64
        expected.queryTimeoutMilliseconds = 1
        expected.duplicates = false
        expected.stories = false
        #expect(config == expected)
    }

    @Test(arguments: ["{}", "{\"inbox\": null, \"parse_workers\": null, \"settle_ms\": null, \"socket_mode\": null}"])
    func absentAndNullKeysKeepTheDefaults(text: String) throws {
        #expect(try Self.load(text) == NewsdConfiguration())
    }

    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config.example.json")

    @Test func theCodingKeysAreTheExampleConfigsKeys() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as? [String: Any]
        #expect(object.map { Set($0.keys) } == NewsdConfiguration.keys)
    }

    @Test func aJSONDecoderToldTheFileDecodesItAndRefusesInItsWords() throws {
        let decoder = JSONDecoder()
        decoder.userInfo[NewsdConfiguration.fileKey] = "/srv/newsd/newsd.json"
        let config = try decoder.decode(NewsdConfiguration.self, from: Data(#"{"inbox": "in", "settle_ms": 20}"#.utf8))
        #expect(config.inbox == "/srv/newsd/in" && config.settleMilliseconds == 20)
        let refusal = ConfigurationError(message: "config /srv/newsd/newsd.json: key \"settle_ms\" must be at least 0")
        #expect(throws: refusal) {
            try decoder.decode(NewsdConfiguration.self, from: Data(#"{"settle_ms": -20}"#.utf8))
        }
    }

    @Test func theExampleConfigIsTheDefaults() throws {
        let example = Self.example
        var config = try NewsdConfiguration.load(file: example.path)
        #expect(config.effectiveArchiveDir == "/var/lib/newsd/archive")
        config.archiveDir = nil
        config.quarantineDir = nil
        #expect(config == NewsdConfiguration())
    }

    @Test func aFileThatCannotBeReadIsNamed() {
        #expect(throws: ConfigurationError.self) { try NewsdConfiguration.load(file: "/nonexistent/newsd.json") }
        do {
            _ = try NewsdConfiguration.load(file: "/nonexistent/newsd.json")
        } catch {
            #expect(error.message.hasPrefix("config /nonexistent/newsd.json: cannot read: "))
        }
    }
}
