import Logging
import Synchronization
import Systemd

/// The log level in force, changeable on reload for every logger at once.
final class LogLevelBox: Sendable {
    private let level: Mutex<Logger.Level>
    init(_ level: Logger.Level) { self.level = Mutex(level) }
    var value: Logger.Level { level.withLock { $0 } }
    func set(_ new: Logger.Level) { level.withLock { $0 = new } }
}

/// Wraps the journal or stderr handler so the level follows `LogLevelBox`.
struct LeveledLogHandler: LogHandler {
    var inner: any LogHandler
    let box: LogLevelBox

    var logLevel: Logger.Level {
        get { box.value }
        set { box.set(newValue) }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var handler = inner
        handler.logLevel = .trace
        handler.log(event: event)
    }

    /// The journal under systemd (JOURNAL_STREAM), plain lines on stderr otherwise.
    static func bootstrap(level: Logger.Level) -> LogLevelBox {
        let box = LogLevelBox(level)
        let journal = JournalLogHandler.isJournalStream
        LoggingSystem.bootstrap { label in
            let inner: any LogHandler = journal ? JournalLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            return LeveledLogHandler(inner: inner, box: box)
        }
        return box
    }
}
