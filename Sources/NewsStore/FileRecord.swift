import Foundation
import NewsCore

/// A file's identity on disk: (device, inode). A rename keeps it; a copy or a new file does not.
public struct FileIdentity: Sendable, Hashable, Codable {
    /// `st_dev`.
    public var device: UInt64
    /// `st_ino`.
    public var inode: UInt64

    /// Creates an identity.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// Where a file stands in newsd's life cycle.
public enum FileState: String, Sendable, Codable {
    /// Known, not yet an article (empty, or waiting for its writer).
    case seen
    /// Being written without close events; ingested once quiet for `settle_ms`.
    case settling
    /// Parsed and committed up to `offset`.
    case ingested
    /// Quarantined; `error` says why.
    case failed
    /// No longer in the inbox (archived, deleted, or moved away).
    case gone
}

/// One row of the `files` table: what newsd knows of a file and how far it has read it.
public struct FileRecord: Sendable, Equatable {
    /// Row id; what `retry` takes.
    public var id: Int64
    /// Path relative to the inbox.
    public var path: String
    /// (device, inode), or nil once the file is gone.
    public var identity: FileIdentity?
    /// Size when last read.
    public var size: Int64
    /// Modification time when last read, in nanoseconds since the epoch.
    public var mtimeNanoseconds: Int64
    /// Bytes parsed and committed.
    public var offset: Int64
    /// Life-cycle state.
    public var state: FileState
    /// Why it failed.
    public var error: String?
    /// Where the file lies since it left the inbox (quarantine or archive).
    public var movedTo: String?
    /// The first article the file yielded.
    public var articleID: Int64?
    /// Last change (ISO 8601 UTC).
    public var updatedAt: String
}

/// What the ingest pipeline hands the store for one file: the file's new bookkeeping and every
/// article it now yields. Committed in one transaction with the others of its batch.
public struct FileCommit: Sendable {
    /// The existing row, or nil for a file seen for the first time.
    public var fileID: Int64?
    /// Path relative to the inbox.
    public var path: String
    /// (device, inode).
    public var identity: FileIdentity?
    /// Size read.
    public var size: Int64
    /// Modification time read.
    public var mtimeNanoseconds: Int64
    /// Bytes parsed (the new offset).
    public var offset: Int64
    /// New life-cycle state.
    public var state: FileState
    /// Why it failed (state `failed`).
    public var error: String?
    /// Where it was moved (quarantine), when it left the inbox.
    public var movedTo: String?
    /// Every article the file yields now, by record number, replacing what it yielded before;
    /// nil when the bytes did not change (a rename), so the articles stay as they are. Each keeps
    /// only its body's first paragraph (what a follow notification shows; not a subheading before
    /// it): the whole body is in `stored`, and a very long article is then not held twice until its
    /// commit. Set once, by `init`, so that the two cannot disagree.
    public let articles: [Article]?
    /// The articles as the table holds them, encoded where the commit is built (on a parsing
    /// thread) rather than inside the write transaction.
    let stored: [StoredArticle]?

    /// Creates a commit.
    public init(
        fileID: Int64?, path: String, identity: FileIdentity?, size: Int64, mtimeNanoseconds: Int64,
        offset: Int64, state: FileState,
        error: String? = nil, movedTo: String? = nil, articles: [Article]? = []
    ) {
        self.fileID = fileID
        self.path = path
        self.identity = identity
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.offset = offset
        self.state = state
        self.error = error
        self.movedTo = movedTo
        self.stored = articles?.map(StoredArticle.init)
        self.articles = articles?.map { article in
            var head = article
            // The first paragraph, not the subheadings standing before it (looked for among the
            // first few lines only: a body of headings alone shows its first).
            let first = article.body.prefix(8).first { !article.subheadings.contains($0) } ?? article.body.first
            head.body = first.map { [$0] } ?? []
            return head
        }
    }
}

/// What a commit did to one article, for follow subscribers and the status line.
public struct CommittedArticle: Sendable {
    /// The article id.
    public var id: Int64
    /// Its revision after the commit (1 for a new article).
    public var revision: Int
    /// The article as stored, its body cut to the first paragraph (the snippet a follow
    /// notification shows; `FileCommit.articles`).
    public var article: Article
    /// Its file's path relative to the inbox.
    public var path: String
    /// When it was first stored.
    public var ingestedAt: String
    /// The first article with the same text, when this one is a copy.
    public var duplicateOf: Int64? = nil
    /// The story it belongs to (nil when stories are off).
    public var storyID: Int64? = nil
}
