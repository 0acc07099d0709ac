import Foundation
import GRDB
import NewsCore
import NewsProtocol

extension NewsStore {
    /// Stories, newest first (by their last article's publication time, then by id); with `since`,
    /// only those whose last article was published at or after it.
    public func stories(since: String?, limit: Int) async throws(StoreError) -> [StorySummary] {
        try await read { db in
            var sql = "SELECT id, title, articles, first, last FROM stories"
            var arguments: StatementArguments = []
            if let since {
                sql += " WHERE last >= ?"
                _ = arguments.append(contentsOf: [since])
            }
            sql += " ORDER BY coalesce(last, created_at) DESC, id DESC LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.summary($0, in: db) }
        }
    }

    /// One story and its articles (oldest first), or nil when there is none with that id.
    public func story(id: Int64) async throws(StoreError) -> StoryDocument? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, title, articles, first, last FROM stories WHERE id = ?", arguments: [id])
            else { return nil }
            let hits = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title, source, published, path, ingested_at, revision, substr(body, 1, 240) AS snippet,
                        duplicate_of, story_id,
                        (SELECT count(*) FROM articles d WHERE d.duplicate_of = articles.id) AS duplicates
                    FROM articles WHERE story_id = ? ORDER BY id LIMIT 10000
                    """, arguments: [id]
            ).map(Self.hit)
            return StoryDocument(story: try Self.summary(row, in: db), results: hits)
        }
    }

    static func summary(_ row: Row, in db: Database) throws -> StorySummary {
        let id: Int64 = row["id"]
        let sources = try String.fetchAll(
            db,
            sql: """
                SELECT source FROM articles WHERE story_id = ? AND source IS NOT NULL
                    GROUP BY source ORDER BY count(*) DESC, source LIMIT 50
                """, arguments: [id])
        return StorySummary(
            id: id, title: row["title"], articles: row["articles"], sources: sources, first: row["first"],
            last: row["last"])
    }

    /// Recomputes exact duplicates, near-duplicates and stories for the whole archive, in article
    /// order, `chunk` articles per write transaction, so ingest commits go on between them (their
    /// new articles are linked as they come, and linked again when the pass reaches them).
    /// Returns the number of articles linked.
    public func relink(chunk: Int = 200) async throws(StoreError) -> Int {
        do {
            return try await relinkAll(chunk: chunk)
        } catch {
            // A transaction rolled back: the in-memory state may hold what it undid.
            linking.withLock { $0.loaded = false }
            throw error
        }
    }

    private func relinkAll(chunk: Int) async throws(StoreError) -> Int {
        try await write { db in
            try self.linking.withLock { state in
                try db.execute(
                    sql: """
                        DELETE FROM lsh_buckets;
                        UPDATE lsh_merged SET through = 0;
                        DELETE FROM article_signatures;
                        DELETE FROM near_duplicates;
                        DELETE FROM stories;
                        UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL;
                        UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL;
                        """)
                // The copies just cleared keep their copy token until their chunk is linked again
                // below: most are copies again then, and their index rows are never rewritten.
                state.index.reset()
                state.loaded = true
                state.recent.reset(mergedThrough: 0)
                state.tableKeys = BucketFilter()
            }
        }
        var after: Int64 = 0
        var linked = 0
        while true {
            let done = try await write { [after] db -> (last: Int64, count: Int)? in
                try self.linking.withLock { state -> (last: Int64, count: Int)? in
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT id, doc, body FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                        arguments: [after, chunk])
                    for row in rows {
                        guard let article = StoredArticle.article(doc: row["doc"], body: row["body"]) else { continue }
                        _ = try Self.link(
                            id: row["id"], article: article, stored: StoredArticle(article), revised: true,
                            state: &state, in: db)
                    }
                    try Self.mergeBucketsIfDue(&state, in: db)
                    guard let last: Int64 = rows.last?["id"] else {
                        try FullTextChanges.updateCopyTokens(in: db)
                        return nil
                    }
                    try FullTextChanges.updateCopyTokens(in: db, through: last)
                    return (last, rows.count)
                }
            }
            guard let done else { return linked }
            linked += done.count
            after = done.last
        }
    }
}
