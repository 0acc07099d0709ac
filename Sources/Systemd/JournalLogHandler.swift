import CSystemd
import Glibc
import Logging

/// A swift-log handler that writes to the systemd journal with `sd_journal_sendv(3)`: the message,
/// its priority, and each metadata key as a journal field (`article.path` → `NEWSD_ARTICLE_PATH`),
/// so `journalctl -u newsd NEWSD_EVENT=quarantined` finds what it should.
public struct JournalLogHandler: LogHandler {
    /// Metadata added to every entry.
    public var metadata: Logger.Metadata = [:]
    /// Entries below this level are dropped.
    public var logLevel: Logger.Level = .info
    private let label: String

    /// Creates a handler for one logger label.
    public init(label: String) { self.label = label }

    /// True when standard error is the journal stream systemd connected it to: JOURNAL_STREAM
    /// (`DEVICE:INODE`) names the very file standard error is, as `systemd.exec(5)` advises. A child
    /// that inherited the variable but whose stderr was redirected logs plain lines there instead.
    public static var isJournalStream: Bool {
        guard let value = getenv("JOURNAL_STREAM") else { return false }
        return matches(journalStream: String(cString: value), descriptor: STDERR_FILENO)
    }

    /// Whether `descriptor` is the file `DEVICE:INODE` (JOURNAL_STREAM's format) names.
    static func matches(journalStream value: String, descriptor: Int32) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// One metadata value of this handler (swift-log's `Logger[metadataKey:]`).
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends one entry to the journal; when the journal cannot be reached, the message goes to
    /// standard error as a plain line rather than being lost.
    public func log(event: LogEvent) {
        var fields = ["MESSAGE=\(event.message)", "PRIORITY=\(Self.priority(event.level))", "SYSLOG_IDENTIFIER=newsd"]
        fields.append("CODE_FILE=\(event.file)")
        fields.append("CODE_LINE=\(event.line)")
        fields.append("CODE_FUNC=\(event.function)")
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in all {
            fields.append("\(Self.fieldName(key))=\(value)")
        }
        if !Self.send(fields) {
            let line = "<\(Self.priority(event.level))>newsd: \(event.message)\n"
            _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        }
    }

    /// `article.path` → `NEWSD_ARTICLE_PATH`; journal field names are upper-case letters, digits and `_`.
    static func fieldName(_ key: String) -> String {
        let mapped = key.uppercased().unicodeScalars.map { scalar -> Character in
            ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
        }
        return "NEWSD_" + String(mapped)
    }

    /// swift-log's levels as syslog priorities (`PRIORITY=`, what `journalctl -p` filters on).
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Wraps `sd_journal_sendv(3)`: each field one iovec, so values may hold newlines.
    private static func send(_ fields: [String]) -> Bool {
        var storage: [UInt8] = []
        var ranges: [Range<Int>] = []
        for field in fields {
            let start = storage.count
            storage.append(contentsOf: field.utf8)
            ranges.append(start..<storage.count)
        }
        return storage.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return false }
            let vectors = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return sd_journal_sendv(vectors, Int32(vectors.count)) >= 0
        }
    }
}
