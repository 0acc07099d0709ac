import Foundation
import GRDB
import NewsCore

/// The writer's transaction: a batch of files, their articles, linking and full-text rows.
extension NewsStore {
    /// What one batch's transaction did: for the pipeline's counters (kept by the writer, so they
    /// never drift from the database) and for what follows the commit.
    public struct CommitReport: Sendable {
        /// The articles created or revised.
        public var articles: [CommittedArticle] = []
        /// Each commit's file row id, in the order of the commits.
        public var fileIDs: [Int64] = []
        /// Articles created less articles deleted (records a file no longer yields).
        public var articleChange = 0
        /// Files that became `failed` less files that are `failed` no more.
        public var failedChange = 0
        /// Articles this transaction named in the entity backlog.
        var entityBacklogChange = 0
    }

    /// Commits a batch of files in one transaction: each file's offset and state together with the
    /// articles it yields and their full-text rows, so a crash leaves each file either fully before
    /// or fully after its commit.
    public func commit(_ commits: [FileCommit]) async throws(StoreError) -> [CommittedArticle] {
        try await commitBatch(commits).articles
    }

    /// Commits a batch as `commit` does and reports what changed. `left`: files of earlier batches
    /// that left the inbox since (`after_ingest`), recorded first in the same transaction (as
    /// `markLeft` with `vanished` false), so that the batch's own look-ups no longer find them.
    /// `entities`: whether the articles' entity rows are written now or named in the backlog
    /// (`EntityRows`).
    public func commitBatch(_ commits: [FileCommit], left: [LeftFile] = [], entities: EntityRows = .now)
        async throws(StoreError) -> CommitReport
    {
        guard !commits.isEmpty || !left.isEmpty else { return CommitReport() }
        let now = Timestamp.now()
        do {
            let report = try await write { db in
                try Self.markLeft(left, vanished: false, now: now, in: db)
                guard !commits.isEmpty else { return CommitReport() }
                return try self.linking.withLock { state in
                    var report = CommitReport()
                    var fullText = FullTextChanges()
                    for commit in commits {
                        try Self.apply(
                            commit, now: now, entities: entities, state: &state, fullText: &fullText, report: &report,
                            in: db)
                    }
                    if state.loaded { try Self.mergeBucketsIfDue(&state, in: db) }
                    try fullText.write(in: db)  // last: see FullTextChanges
                    return report
                }
            }
            entityBacklog.add(report.entityBacklogChange, ordering: .relaxed)
            return report
        } catch {
            // The transaction rolled back: the index may hold what it undid, so it is rebuilt.
            linking.withLock { $0.loaded = false }
            throw error
        }
    }

    private static func apply(
        _ commit: FileCommit, now: String, entities: EntityRows, state: inout LinkState, fullText: inout FullTextChanges,
        report: inout CommitReport, in db: Database
    ) throws {
        let device = commit.identity.map { Int64(bitPattern: $0.device) }
        let inode = commit.identity.map { Int64(bitPattern: $0.inode) }
        var knownID = commit.fileID
        if knownID == nil, let device, let inode {
            // A file with this identity may have been recorded since the caller looked.
            knownID = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM files WHERE device = ? AND inode = ?"),
                arguments: [device, inode])
        }
        let bindFile = { (b: inout DirectBinding) in
            b.bind(commit.path)
            b.bind(device)
            b.bind(inode)
            b.bind(commit.size)
            b.bind(commit.mtimeNanoseconds)
            b.bind(commit.offset)
            b.bind(commit.state.rawValue)
            b.bind(commit.error)
            b.bind(commit.movedTo)
            b.bind(now)
        }
        let failed = commit.state == .failed ? 1 : 0
        let fileID: Int64
        if let id = knownID {
            fileID = id
            let previous = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM files WHERE id = ?"), arguments: [id])
            report.failedChange += failed - (previous == FileState.failed.rawValue ? 1 : 0)
            try db.cachedStatement(
                sql: """
                    UPDATE files SET path = ?, device = ?, inode = ?, size = ?, mtime_ns = ?, offset = ?,
                        state = ?, error = ?, moved_to = ?, updated_at = ?,
                        head_hash = '', head_length = 0, parser_state = NULL WHERE id = ?
                    """
            ).run(in: db) { b in
                bindFile(&b)
                b.bind(id)
            }
        } else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO files (path, device, inode, size, mtime_ns, offset, state, error, moved_to,
                        updated_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).run(in: db) { b in
                bindFile(&b)
                b.bind(now)
            }
            fileID = db.lastInsertedRowID
            report.failedChange += failed
        }
        report.fileIDs.append(fileID)
        guard commit.state == .ingested else { return }
        guard let articles = commit.articles, let storedArticles = commit.stored else {
            // Same bytes, new name: the articles follow the file.
            try db.cachedStatement(sql: "UPDATE articles SET path = ? WHERE file_id = ? AND path <> ?")
                .execute(arguments: [commit.path, fileID, commit.path])
            return
        }

        // A file row inserted just now has no articles yet.
        let existing = knownID == nil ? [] : try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, ordinal, revision, doc, ingested_at, content_hash, \(FullTextChanges.selection)
                        FROM articles WHERE file_id = ?
                    """),
            arguments: [fileID])
        var byOrdinal: [Int: Row] = [:]
        for row in existing { byOrdinal[row["ordinal"]] = row }
        for (ordinal, article) in articles.enumerated() {
            let stored = storedArticles[ordinal]
            if let row = byOrdinal.removeValue(forKey: ordinal) {
                let id: Int64 = row["id"]
                let oldDoc: Data = row["doc"]
                let oldBody: String = row["body"]
                if oldDoc == stored.doc && oldBody == stored.body {
                    continue  // the file changed but this article did not
                }
                let revision: Int = row["revision"] + 1
                try db.cachedStatement(
                    sql: """
                        UPDATE articles SET title = ?, source = ?, published = ?, kind = ?, language = ?,
                            word_count = ?, content_hash = ?, body = ?, doc = ?, path = ?, updated_at = ?,
                            revision = ?, summary = ?, subheadings = ?, captions = ?, posts = ?, meta = ?, url = ?
                            WHERE id = ?
                        """
                ).execute(
                    arguments: [
                        article.title, article.source, article.published, article.kind.rawValue, article.language,
                        article.wordCount, article.contentHash, stored.body, stored.doc, commit.path, now, revision,
                        stored.summary, stored.subheadings, stored.captions, stored.posts, stored.meta, article.url, id,
                    ])
                fullText.remove(id, FullTextChanges.Columns(row))
                fullText.add(id, stored.indexed)
                fullText.checkCopy(id)
                report.entityBacklogChange += try writeEntities(of: article, id: id, entities, revised: true, in: db)
                let links = try link(
                    id: id, article: article, stored: stored, revised: true, now: now, state: &state, in: db)
                let previousHash: String = row["content_hash"]
                if previousHash != article.contentHash {
                    try regroup(previousHash: previousHash, previousBody: oldBody, in: db)
                }
                report.articles.append(
                    CommittedArticle(id: id, revision: revision, article: article, path: commit.path,
                                     ingestedAt: row["ingested_at"], duplicateOf: links.duplicateOf,
                                     storyID: links.storyID))
            } else {
                // Linked before it is written, under the id it is about to get (SQLite's next rowid),
                // so that its links go into the row with it instead of rewriting the row after.
                let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM articles")) ?? 1
                let links = try link(
                    id: id, article: article, stored: stored, revised: false, now: now, state: &state, in: db)
                try db.cachedStatement(
                    sql: """
                        INSERT INTO articles (id, file_id, ordinal, title, source, published, kind, language, word_count,
                            content_hash, body, doc, path, ingested_at, updated_at, revision, summary, subheadings,
                            captions, posts, meta, duplicate_of, story_id, url)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).run(in: db) { b in
                    b.bind(id)
                    b.bind(fileID)
                    b.bind(ordinal)
                    b.bind(article.title)
                    b.bind(article.source)
                    b.bind(article.published)
                    b.bind(article.kind.rawValue)
                    b.bind(article.language)
                    b.bind(article.wordCount)
                    b.bind(article.contentHash)
                    b.bind(stored.body)
                    b.bind(stored.doc)
                    b.bind(commit.path)
                    b.bind(now)
                    b.bind(now)
                    b.bind(stored.summary)
                    b.bind(stored.subheadings)
                    b.bind(stored.captions)
                    b.bind(stored.posts)
                    b.bind(stored.meta)
                    b.bind(links.duplicateOf)
                    b.bind(links.storyID)
                    b.bind(article.url)
                }
                fullText.add(id, stored.indexed)
                if links.duplicateOf != nil { fullText.checkCopy(id) }
                report.entityBacklogChange += try writeEntities(of: article, id: id, entities, revised: false, in: db)
                report.articleChange += 1
                report.articles.append(
                    CommittedArticle(id: id, revision: 1, article: article, path: commit.path, ingestedAt: now,
                                     duplicateOf: links.duplicateOf, storyID: links.storyID))
            }
        }
        // Records the file no longer yields (a JSONL file rewritten shorter).
        for row in byOrdinal.values {
            let id: Int64 = row["id"]
            try unlink(id: id, keepStory: false, state: &state, in: db)
            try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [id])
            fullText.remove(id, FullTextChanges.Columns(row))
            try regroup(previousHash: row["content_hash"], previousBody: row["body"], in: db)
            report.articleChange -= 1
        }
    }
}

/// An article split the way the `articles` table holds it: the body as text for the full-text
/// index, everything else as a compact JSON document.
struct StoredArticle: Sendable {
    var body: String
    var doc: Data
    /// Summary bullets, subheadings, captions and embedded posts as text, one per line, for
    /// their full-text columns (the document keeps them as lists).
    var summary: String
    var subheadings: String
    var captions: String
    var posts: String
    /// Filter tokens (`NewsStore.metaText`).
    var meta: String
    /// The body's MinHash signature, nil when it is too short to compare.
    var signature: NearDuplicates.Signature?
    /// What story linking compares.
    var features: StoryFeatures
    /// The searchable columns as the full-text index takes them (cut, Chinese and Japanese
    /// spaced), made here on a reading thread rather than by the writer.
    var indexed: FullTextChanges.Columns

    init(_ article: Article) {
        body = Self.joinedLines(article.body)
        summary = article.summary.joined(separator: "\n")
        subheadings = article.subheadings.joined(separator: "\n")
        captions = article.captions.joined(separator: "\n")
        // As the v2 migration writes them: author, handle, text.
        posts = article.embeddedPosts.map { p in
            [p.author, p.handle, p.text].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "\n")
        meta = NewsStore.metaText(source: article.source, published: article.published)
        signature = NearDuplicates.signature(of: article.body)
        features = StoryFeatures(article)
        doc = DocumentJSON.encode(article)
        indexed = FullTextChanges.Columns(title: article.title, summary: summary, subheadings: subheadings,
                                          captions: captions, posts: posts, body: body, meta: meta)
    }

    /// Lines joined by newlines in one allocation of the final size (`joined(separator:)` grows
    /// its result as it goes: seven allocations and 98 MiB at once for a 50 MiB body).
    static func joinedLines(_ lines: [String]) -> String {
        var joined = ""
        joined.reserveCapacity(lines.reduce(max(0, lines.count - 1)) { $0 + $1.utf8.count })
        for (n, line) in lines.enumerated() {
            if n > 0 { joined.append("\n") }
            joined.append(line)
        }
        return joined
    }

    static func article(doc: Data, body: String) -> Article? {
        guard var article = try? JSONDecoder().decode(Article.self, from: doc) else { return nil }
        article.body = body.isEmpty ? [] : body.components(separatedBy: "\n")
        return article
    }
}
