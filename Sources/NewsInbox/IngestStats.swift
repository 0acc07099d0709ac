import NewsStore

/// What the pipeline reports to `status`, STATUS= and metrics.
public struct IngestStats: Sendable, Equatable {
    /// Articles stored.
    public var articles = 0
    /// Files quarantined.
    public var failed = 0
    /// Files waiting to be read (queued or settling).
    public var pending = 0
    /// Articles created or revised since start.
    public var ingestedSinceStart = 0
    /// Files committed since start.
    public var filesSinceStart = 0
    /// Transactions committed since start.
    public var commitsSinceStart = 0
    /// The last ingest error, for `status`.
    public var lastError: String?
    /// True until the start-up scan's files are all read.
    public var catchingUp = true
    /// True while an operator paused ingest.
    public var paused = false
    /// True when the inbox is gone or unreadable.
    public var degraded = false
}
