/// What the watcher tells the ingest pipeline. Paths are absolute.
public enum InboxEvent: Sendable, Equatable {
    /// A file was closed after writing or moved in: read it now.
    case ready(String)
    /// A file was written to and is still open (or mmap-written): read it once quiet for `settle_ms`.
    case modified(String)
    /// A name was moved away or deleted.
    case removed(String)
    /// Events may have been lost (queue overflow, failed watch, inbox recreated): compare the whole
    /// folder with the database.
    case rescan(reason: String)
}
