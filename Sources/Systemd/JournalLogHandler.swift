import CSystemd
import Foundation
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

    /// True when standard error is connected to the journal (systemd sets JOURNAL_STREAM).
    public static var isJournalStream: Bool {
        ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = ["MESSAGE=\(event.message)", "PRIORITY=\(Self.priority(event.level))", "SYSLOG_IDENTIFIER=newsd"]
        fields.append("CODE_FILE=\(event.file)")
        fields.append("CODE_LINE=\(event.line)")
        fields.append("CODE_FUNC=\(event.function)")
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in all {
            fields.append("\(Self.fieldName(key))=\(value)")
        }
        Self.send(fields)
    }

    /// `article.path` → `NEWSD_ARTICLE_PATH`; journal field names are upper-case letters, digits and `_`.
    static func fieldName(_ key: String) -> String {
        let mapped = key.uppercased().unicodeScalars.map { scalar -> Character in
            ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
        }
        return "NEWSD_" + String(mapped)
    }

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

    private static func send(_ fields: [String]) {
        let copies = fields.map { field in field.withCString { strdup($0)! } }
        defer { copies.forEach { free($0) } }
        let vectors = copies.map { iovec(iov_base: UnsafeMutableRawPointer($0), iov_len: strlen($0)) }
        _ = sd_journal_sendv(vectors, Int32(vectors.count))
    }
}
