import Foundation
import Logging
import NewsInbox
import NewsProtocol

/// Why a configuration is refused: one line naming the key (newsd exits 78, EX_CONFIG).
package struct ConfigurationError: Error, CustomStringConvertible {
    /// The line newsd prints before exiting 78.
    package var message: String
    package var description: String { message }

    /// A refusal with this message.
    package init(message: String) { self.message = message }
}

/// newsd's configuration: defaults, then the JSON file, then command-line flags. Every key of
/// config.example.json is here with its default; an unknown key or a wrong type is an error that
/// names the key.
package struct NewsdConfiguration: Sendable, Equatable {
    package var inbox = "/var/lib/newsd/inbox"
    package var database = "/var/lib/newsd/newsd.db"
    package var socket = "/run/newsd/control.sock"
    package var socketMode: mode_t = 0o660
    package var adminUIDs: [UInt32] = []
    package var adminGIDs: [UInt32] = []
    package var include = ["*.txt", "*.md", "*.json", "*.jsonl", "*.html", "*.htm", "*.xhtml"]
    package var ignore = [".*", "*.tmp", "*.part", "*~"]
    package var recursive = true
    package var settleMilliseconds = 500
    package var pollIntervalSeconds = 0.0
    package var reconcileIntervalSeconds = 600.0
    package var maxFileBytes: Int64 = 16_777_216
    package var afterIngest = Disposition.keep
    /// nil: `archive` beside the inbox.
    package var archiveDir: String?
    /// nil: `quarantine` beside the inbox.
    package var quarantineDir: String?
    package var batchMaxArticles = 500
    package var batchMaxDelayMilliseconds = 50
    package var logLevel = Logger.Level.info
    /// A control connection that sends nothing for this long is closed (follow streams excepted).
    package var clientIdleTimeoutSeconds = 300.0
    /// A query that reads longer than this is stopped and answered `timeout`.
    package var queryTimeoutMilliseconds = 2000
    /// An operator's extra name variants (`{"Canonical": ["Variant", …]}`), merged over the built-in ones.
    package var aliasesFile: String?
    /// Parser worker processes; nil: one per core.
    package var parseWorkers: Int?
    /// Wall time one file may take in a parser worker before the worker is killed.
    package var parseTimeoutSeconds = 30.0
    /// Address-space limit of a parser worker (RLIMIT_AS), in MiB.
    package var parseMemoryMB = 512
    /// Exact and near-duplicates found as articles are committed.
    package var duplicates = true
    /// Articles grouped into stories as they are committed.
    package var stories = true

    /// Defaults everywhere.
    package init() {}

    package static let keys: Set<String> = [
        "inbox", "database", "socket", "socket_mode", "admin_uids", "admin_gids", "include", "ignore", "recursive",
        "settle_ms", "poll_interval_s", "reconcile_interval_s", "max_file_bytes", "after_ingest", "archive_dir",
        "quarantine_dir", "batch_max_articles", "batch_max_delay_ms", "log_level", "aliases_file", "client_idle_timeout_s",
        "parse_workers", "parse_timeout_s", "parse_memory_mb",
        "query_timeout_ms", "duplicates", "stories",
    ]

    /// The quarantine folder in force.
    package var effectiveQuarantineDir: String { quarantineDir ?? sibling("quarantine") }
    /// The archive folder in force.
    package var effectiveArchiveDir: String { archiveDir ?? sibling("archive") }

    private func sibling(_ name: String) -> String {
        (URL(fileURLWithPath: inbox).deletingLastPathComponent().path as NSString).appendingPathComponent(name)
    }

    /// Reads a JSON config file over the defaults. Relative paths in it are relative to the file's folder.
    package static func load(file: String) throws(ConfigurationError) -> NewsdConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ConfigurationError(message: "config \(file): cannot read: \((error as NSError).localizedDescription)")
        }
        return try load(data: data, file: file)
    }

    /// Reads config bytes over the defaults; `file` names them in errors and anchors relative paths.
    package static func load(data: Data, file: String) throws(ConfigurationError) -> NewsdConfiguration {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ConfigurationError(message: "config \(file): not valid JSON")
        }
        guard case .object(let object) = root else {
            throw ConfigurationError(message: "config \(file): must be a JSON object of keys")
        }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        var config = NewsdConfiguration()
        try config.apply(object, file: file, base: base)
        return config
    }

    package mutating func apply(_ object: [String: JSONValue], file: String, base: URL) throws(ConfigurationError) {
        if let unknown = object.keys.filter({ !Self.keys.contains($0) }).sorted().first {
            throw ConfigurationError(message: "config \(file): unknown key \"\(unknown)\"")
        }
        let reader = KeyReader(object: object, file: file, base: base)
        if let v = try reader.path("inbox") { inbox = v }
        if let v = try reader.path("database") { database = v }
        if let v = try reader.path("socket") { socket = v }
        if let v = try reader.string("socket_mode") {
            guard let mode = mode_t(v, radix: 8), mode <= 0o777 else {
                throw reader.error("socket_mode", "must be an octal mode such as \"0660\"")
            }
            socketMode = mode
        }
        if let v = try reader.ids("admin_uids") { adminUIDs = v }
        if let v = try reader.ids("admin_gids") { adminGIDs = v }
        if let v = try reader.strings("include") { include = v }
        if let v = try reader.strings("ignore") { ignore = v }
        if let v = try reader.bool("recursive") { recursive = v }
        if let v = try reader.integer("settle_ms", min: 0) { settleMilliseconds = Int(v) }
        if let v = try reader.number("poll_interval_s", min: 0) { pollIntervalSeconds = v }
        if let v = try reader.number("reconcile_interval_s", min: 0) { reconcileIntervalSeconds = v }
        if let v = try reader.integer("max_file_bytes", min: 1) { maxFileBytes = v }
        if let v = try reader.string("after_ingest") {
            guard let d = Disposition(rawValue: v) else {
                throw reader.error("after_ingest", "must be \"keep\", \"archive\" or \"delete\", not \"\(v)\"")
            }
            afterIngest = d
        }
        if let v = try reader.path("archive_dir") { archiveDir = v }
        if let v = try reader.path("quarantine_dir") { quarantineDir = v }
        if let v = try reader.integer("batch_max_articles", min: 1) { batchMaxArticles = Int(v) }
        if let v = try reader.integer("batch_max_delay_ms", min: 0) { batchMaxDelayMilliseconds = Int(v) }
        if let v = try reader.string("log_level") {
            guard let level = Logger.Level(rawValue: v) else {
                throw reader.error("log_level", "must be one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        }
        if let v = try reader.path("aliases_file") { aliasesFile = v }
        if let v = try reader.number("client_idle_timeout_s", min: 1) { clientIdleTimeoutSeconds = v }
        if let v = try reader.integer("parse_workers", min: 1) {
            guard v <= 64 else { throw reader.error("parse_workers", "must be at most 64") }
            parseWorkers = Int(v)
        }
        if let v = try reader.number("parse_timeout_s", min: 1) { parseTimeoutSeconds = v }
        if let v = try reader.bool("duplicates") { duplicates = v }
        if let v = try reader.bool("stories") { stories = v }
        if let v = try reader.integer("parse_memory_mb", min: 64) {
            guard v <= 1 << 20 else { throw reader.error("parse_memory_mb", "must be at most 1048576") }
            parseMemoryMB = Int(v)
        }
        if let v = try reader.integer("query_timeout_ms", min: 1) { queryTimeoutMilliseconds = Int(v) }
    }
}

/// Typed access to one config object's keys, with errors that name the key.
private struct KeyReader {
    var object: [String: JSONValue]
    var file: String
    var base: URL

    func error(_ key: String, _ what: String) -> ConfigurationError {
        ConfigurationError(message: "config \(file): key \"\(key)\" \(what)")
    }

    func string(_ key: String) throws(ConfigurationError) -> String? {
        switch object[key] {
        case nil, .null?: return nil  // null means "the default"
        case .string(let s)?: return s
        case let other?: throw error(key, "must be a string, not \(other.typeName)")
        }
    }

    func path(_ key: String) throws(ConfigurationError) -> String? {
        guard let s = try string(key) else { return nil }
        guard !s.isEmpty else { throw error(key, "must not be empty") }
        return s.hasPrefix("/") ? s : base.appendingPathComponent(s).standardizedFileURL.path
    }

    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        switch object[key] {
        case nil: return nil
        case .bool(let b)?: return b
        case let other?: throw error(key, "must be true or false, not \(other.typeName)")
        }
    }

    /// The most seconds a key may give (about 31 years): newsd turns seconds into 64-bit counts of
    /// milliseconds and nanoseconds, which trap on overflow at start-up.
    static let maxSeconds = 1e9

    func number(_ key: String, min: Double) throws(ConfigurationError) -> Double? {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let n)?:
            guard n >= min else { throw error(key, "must be at least \(min)") }
            guard n <= Self.maxSeconds else { throw error(key, "must be at most \(Int(Self.maxSeconds)) (seconds)") }
            return n
        case let other?: throw error(key, "must be a number, not \(other.typeName)")
        }
    }

    func integer(_ key: String, min: Int64) throws(ConfigurationError) -> Int64? {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let n)?:
            guard n.rounded() == n, abs(n) < 9e15 else { throw error(key, "must be an integer, not \(n)") }
            guard Int64(n) >= min else { throw error(key, "must be at least \(min)") }
            return Int64(n)
        case let other?: throw error(key, "must be an integer, not \(other.typeName)")
        }
    }

    func strings(_ key: String) throws(ConfigurationError) -> [String]? {
        switch object[key] {
        case nil: return nil
        case .array(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw error(key, "must be a list of strings") }
                result.append(s)
            }
            return result
        case let other?: throw error(key, "must be a list of strings, not \(other.typeName)")
        }
    }

    func ids(_ key: String) throws(ConfigurationError) -> [UInt32]? {
        switch object[key] {
        case nil: return nil
        case .array(let items)?:
            var result: [UInt32] = []
            for item in items {
                guard case .number(let n) = item, n.rounded() == n, n >= 0, n < 4_294_967_295 else {
                    throw error(key, "must be a list of numeric ids")
                }
                result.append(UInt32(n))
            }
            return result
        case let other?: throw error(key, "must be a list of numeric ids, not \(other.typeName)")
        }
    }
}
