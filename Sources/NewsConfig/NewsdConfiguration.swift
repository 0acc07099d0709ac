import Foundation
import Logging
import NewsInbox
import NewsProtocol

/// Why a configuration is refused: one line naming the key (newsd exits 78, EX_CONFIG).
package struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The line newsd prints before exiting 78.
    package var message: String
    package var description: String { message }

    /// A refusal with this message.
    package init(message: String) { self.message = message }
}

/// newsd's configuration: defaults, then the JSON file, then command-line flags. Every key of
/// config.example.json is here with its default; an unknown key or a wrong type is an error that
/// names the key. Decoding it (`load`, or a `JSONDecoder` with `fileKey` set) reads a file's keys
/// over the defaults.
package struct NewsdConfiguration: Sendable, Equatable, Decodable {
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

    /// The file's keys, spelled as in config.example.json.
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case inbox, database, socket
        case socketMode = "socket_mode"
        case adminUIDs = "admin_uids"
        case adminGIDs = "admin_gids"
        case include, ignore, recursive
        case settleMilliseconds = "settle_ms"
        case pollIntervalSeconds = "poll_interval_s"
        case reconcileIntervalSeconds = "reconcile_interval_s"
        case maxFileBytes = "max_file_bytes"
        case afterIngest = "after_ingest"
        case archiveDir = "archive_dir"
        case quarantineDir = "quarantine_dir"
        case batchMaxArticles = "batch_max_articles"
        case batchMaxDelayMilliseconds = "batch_max_delay_ms"
        case logLevel = "log_level"
        case aliasesFile = "aliases_file"
        case clientIdleTimeoutSeconds = "client_idle_timeout_s"
        case parseWorkers = "parse_workers"
        case parseTimeoutSeconds = "parse_timeout_s"
        case parseMemoryMB = "parse_memory_mb"
        case queryTimeoutMilliseconds = "query_timeout_ms"
        case duplicates, stories
    }

    /// Every key the file may have.
    package static let keys = Set(CodingKeys.allCases.map(\.rawValue))

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
    /// - Throws: `ConfigurationError`, one line naming the file and the key.
    package static func load(data: Data, file: String) throws(ConfigurationError) -> NewsdConfiguration {
        let decoder = JSONDecoder()
        decoder.userInfo[fileKey] = file
        do {
            return try decoder.decode(NewsdConfiguration.self, from: data)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(message: "config \(file): not valid JSON")
        }
    }

    /// The decoder's `userInfo` entry that names the config file (a `String`): errors name it and
    /// relative paths in it are relative to its folder. Without it, errors say `newsd.json` and
    /// paths are relative to the current folder.
    package static let fileKey = CodingUserInfoKey(rawValue: "newsd.config.file")!

    /// Reads the file's keys over the defaults: absent keys (and null, except for booleans and
    /// lists) keep their default.
    /// - Throws: `ConfigurationError` for the first fault, in a fixed order of keys: a document that
    ///   is no JSON object, then the first unknown key (sorted), then a value of the wrong type or
    ///   out of range.
    package init(from decoder: any Decoder) throws {
        self.init()
        let file = decoder.userInfo[Self.fileKey] as? String ?? "newsd.json"
        // The whole document first: a number no Double holds (1e400) is not JSON newsd can read, and
        // the values' JSON types name what a wrong value is.
        guard let root = try? JSONValue(from: decoder) else {
            throw ConfigurationError(message: "config \(file): not valid JSON")
        }
        guard case .object(let object) = root else {
            throw ConfigurationError(message: "config \(file): must be a JSON object of keys")
        }
        if let unknown = object.keys.filter({ CodingKeys(rawValue: $0) == nil }).sorted().first {
            throw ConfigurationError(message: "config \(file): unknown key \"\(unknown)\"")
        }
        let keys = FileKeys(
            container: try decoder.container(keyedBy: CodingKeys.self), values: object, file: file,
            base: URL(fileURLWithPath: file).deletingLastPathComponent())
        if let v = try keys.path(.inbox) { inbox = v }
        if let v = try keys.path(.database) { database = v }
        if let v = try keys.path(.socket) { socket = v }
        if let v = try keys.string(.socketMode) {
            guard let mode = mode_t(v, radix: 8), mode <= 0o777 else {
                throw keys.error(.socketMode, "must be an octal mode such as \"0660\"")
            }
            socketMode = mode
        }
        if let v = try keys.ids(.adminUIDs) { adminUIDs = v }
        if let v = try keys.ids(.adminGIDs) { adminGIDs = v }
        if let v = try keys.strings(.include) { include = v }
        if let v = try keys.strings(.ignore) { ignore = v }
        if let v = try keys.bool(.recursive) { recursive = v }
        if let v = try keys.integer(.settleMilliseconds, min: 0) { settleMilliseconds = Int(v) }
        if let v = try keys.number(.pollIntervalSeconds, min: 0) { pollIntervalSeconds = v }
        if let v = try keys.number(.reconcileIntervalSeconds, min: 0) { reconcileIntervalSeconds = v }
        if let v = try keys.integer(.maxFileBytes, min: 1) { maxFileBytes = v }
        if let v = try keys.string(.afterIngest) {
            guard let d = Disposition(rawValue: v) else {
                throw keys.error(.afterIngest, "must be \"keep\", \"archive\" or \"delete\", not \"\(v)\"")
            }
            afterIngest = d
        }
        if let v = try keys.path(.archiveDir) { archiveDir = v }
        if let v = try keys.path(.quarantineDir) { quarantineDir = v }
        if let v = try keys.integer(.batchMaxArticles, min: 1) { batchMaxArticles = Int(v) }
        if let v = try keys.integer(.batchMaxDelayMilliseconds, min: 0) { batchMaxDelayMilliseconds = Int(v) }
        if let v = try keys.string(.logLevel) {
            guard let level = Logger.Level(rawValue: v) else {
                throw keys.error(.logLevel, "must be one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        }
        if let v = try keys.path(.aliasesFile) { aliasesFile = v }
        if let v = try keys.number(.clientIdleTimeoutSeconds, min: 1) { clientIdleTimeoutSeconds = v }
        if let v = try keys.integer(.parseWorkers, min: 1) {
            guard v <= 64 else { throw keys.error(.parseWorkers, "must be at most 64") }
            parseWorkers = Int(v)
        }
        if let v = try keys.number(.parseTimeoutSeconds, min: 1) { parseTimeoutSeconds = v }
        if let v = try keys.bool(.duplicates) { duplicates = v }
        if let v = try keys.bool(.stories) { stories = v }
        if let v = try keys.integer(.parseMemoryMB, min: 64) {
            guard v <= 1 << 20 else { throw keys.error(.parseMemoryMB, "must be at most 1048576") }
            parseMemoryMB = Int(v)
        }
        if let v = try keys.integer(.queryTimeoutMilliseconds, min: 1) { queryTimeoutMilliseconds = Int(v) }
    }
}

/// The file's keys decoded by type, with errors that name the key: a `DecodingError` becomes the
/// line newsd prints, naming the JSON type that came instead.
private struct FileKeys {
    typealias Key = NewsdConfiguration.CodingKeys

    var container: KeyedDecodingContainer<Key>
    /// The document's values, for the name of a wrong value's type.
    var values: [String: JSONValue]
    var file: String
    var base: URL

    func error(_ key: Key, _ what: String) -> ConfigurationError {
        ConfigurationError(message: "config \(file): key \"\(key.rawValue)\" \(what)")
    }

    /// The JSON type of a key's value: `string`, `number`, `boolean`, `array`, `object` or `null`.
    func typeName(_ key: Key) -> String {
        values[key.rawValue]?.typeName ?? "nothing"
    }

    /// A key's value as `T`; nil when the key is absent, or null where null means the default.
    /// Any other value that is no `T` is refused as `what`, naming what it is.
    func decode<T: Decodable>(_ type: T.Type, _ key: Key, nullIsDefault: Bool, _ what: String)
        throws(ConfigurationError) -> T?
    {
        guard container.contains(key) else { return nil }
        if (try? container.decodeNil(forKey: key)) == true {
            if nullIsDefault { return nil }
            throw error(key, "\(what), not null")
        }
        do {
            return try container.decode(T.self, forKey: key)
        } catch {
            throw self.error(key, "\(what), not \(typeName(key))")
        }
    }

    func string(_ key: Key) throws(ConfigurationError) -> String? {
        try decode(String.self, key, nullIsDefault: true, "must be a string")
    }

    func path(_ key: Key) throws(ConfigurationError) -> String? {
        guard let s = try string(key) else { return nil }
        guard !s.isEmpty else { throw error(key, "must not be empty") }
        return s.hasPrefix("/") ? s : base.appendingPathComponent(s).standardizedFileURL.path
    }

    func bool(_ key: Key) throws(ConfigurationError) -> Bool? {
        try decode(Bool.self, key, nullIsDefault: false, "must be true or false")
    }

    /// The most seconds a key may give (about 31 years): newsd turns seconds into 64-bit counts of
    /// milliseconds and nanoseconds, which trap on overflow at start-up.
    static let maxSeconds = 1e9

    func number(_ key: Key, min: Double) throws(ConfigurationError) -> Double? {
        guard let n = try decode(Double.self, key, nullIsDefault: true, "must be a number") else { return nil }
        guard n >= min else { throw error(key, "must be at least \(min)") }
        guard n <= Self.maxSeconds else { throw error(key, "must be at most \(Int(Self.maxSeconds)) (seconds)") }
        return n
    }

    func integer(_ key: Key, min: Int64) throws(ConfigurationError) -> Int64? {
        // JSON has numbers, not integers: 1.5 is a number that is no integer, and says so.
        guard let n = try decode(Double.self, key, nullIsDefault: true, "must be an integer") else { return nil }
        guard n.rounded() == n, abs(n) < 9e15 else { throw error(key, "must be an integer, not \(n)") }
        guard Int64(n) >= min else { throw error(key, "must be at least \(min)") }
        return Int64(n)
    }

    func strings(_ key: Key) throws(ConfigurationError) -> [String]? {
        do {
            return try decode([String].self, key, nullIsDefault: false, "must be a list of strings")
        } catch {
            // A list with something else in it.
            if typeName(key) == "array" { throw self.error(key, "must be a list of strings") }
            throw error
        }
    }

    func ids(_ key: Key) throws(ConfigurationError) -> [UInt32]? {
        let numbers: [Double]?
        do {
            numbers = try decode([Double].self, key, nullIsDefault: false, "must be a list of numeric ids")
        } catch {
            if typeName(key) == "array" { throw self.error(key, "must be a list of numeric ids") }
            throw error
        }
        return try numbers.map { numbers throws(ConfigurationError) in
            try numbers.map { n throws(ConfigurationError) in
                guard n.rounded() == n, n >= 0, n < 4_294_967_295 else {
                    throw error(key, "must be a list of numeric ids")
                }
                return UInt32(n)
            }
        }
    }
}
