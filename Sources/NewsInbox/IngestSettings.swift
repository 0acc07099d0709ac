import NewsCore
import SystemPackage

/// What to do with a file once its articles are committed.
public enum Disposition: String, Sendable, Codable, CaseIterable {
    /// Leave it in the inbox (appends to it are still followed).
    case keep
    /// Move it to `archive_dir`, keeping its subfolder.
    case archive
    /// Delete it.
    case delete
}

/// The ingest settings a reload may change live (all but the inbox and database paths).
public struct IngestSettings: Sendable {
    /// Which names are articles and which are never read.
    public var patterns: FilePatterns
    /// Whether subfolders are watched.
    public var recursive: Bool
    /// Quiet time after which a file still open for writing is read anyway.
    public var settle: Duration
    /// Larger files are quarantined unread.
    public var maxFileBytes: Int64
    /// What happens to a file after its commit.
    public var afterIngest: Disposition
    /// Where `archive` moves files.
    public var archiveDir: FilePath
    /// Where failed files go, each with a `NAME.reason` beside it.
    public var quarantineDir: FilePath
    /// Most files in one transaction.
    public var batchMaxArticles: Int
    /// Longest a file waits for its batch (a lone file is committed at once).
    public var batchMaxDelay: Duration
    /// Periodic reconcile scan, as a safety net; nil for none.
    public var reconcileInterval: Duration?
    /// Poll instead of (or beside) inotify, for NFS/CIFS/FUSE; nil for inotify only.
    public var pollInterval: Duration?
    /// Name variants for entity canonicalisation.
    public var aliases: EntityAliases

    /// Creates settings.
    public init(
        patterns: FilePatterns, recursive: Bool = true, settle: Duration = .milliseconds(500),
        maxFileBytes: Int64 = 16 << 20, afterIngest: Disposition = .keep, archiveDir: FilePath,
        quarantineDir: FilePath, batchMaxArticles: Int = 500, batchMaxDelay: Duration = .milliseconds(50),
        reconcileInterval: Duration? = .seconds(600), pollInterval: Duration? = nil,
        aliases: EntityAliases = .builtin
    ) {
        self.patterns = patterns
        self.recursive = recursive
        self.settle = settle
        self.maxFileBytes = maxFileBytes
        self.afterIngest = afterIngest
        self.archiveDir = archiveDir
        self.quarantineDir = quarantineDir
        self.batchMaxArticles = batchMaxArticles
        self.batchMaxDelay = batchMaxDelay
        self.reconcileInterval = reconcileInterval
        self.pollInterval = pollInterval
        self.aliases = aliases
    }
}
