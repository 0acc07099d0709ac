import Foundation
import GRDB
import NewsCore
import NewsProtocol

extension NewsStore {
    /// Counts for `status` and STATUS=.
    public struct Counts: Sendable, Equatable {
        /// Articles stored.
        public var articles: Int
        /// Files quarantined.
        public var failed: Int
        /// Files known.
        public var files: Int
    }

    /// Article, failed-file and file counts.
    public func counts() async throws(StoreError) -> Counts {
        try await read(Self.counts)
    }

    /// One article with every field, or nil when there is none with that id.
    public func document(id: Int64) async throws(StoreError) -> ArticleDocument? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, doc, body, path, ingested_at, updated_at, revision, duplicate_of, story_id
                        FROM articles WHERE id = ?
                        """,
                    arguments: [id]),
                let article = StoredArticle.article(doc: row["doc"], body: row["body"])
            else { return nil }
            let duplicateOf: Int64? = row["duplicate_of"]
            let first = duplicateOf ?? id
            // The group of copies: the first article and everything pointing at it, less this one.
            let copies = try Int64.fetchAll(
                db, sql: "SELECT id FROM articles WHERE (id = ?1 OR duplicate_of = ?1) AND id <> ?2 ORDER BY id",
                arguments: [first, id])
            // A copy has the near-duplicates of its first article.
            let near = try Int64.fetchAll(
                db, sql: "SELECT other_id FROM near_duplicates WHERE article_id = ? ORDER BY other_id",
                arguments: [first]
            ).filter { $0 != id }
            return ArticleDocument(
                id: row["id"], article: article, path: row["path"], ingestedAt: row["ingested_at"],
                updatedAt: row["updated_at"], revision: row["revision"], duplicateOf: duplicateOf, copies: copies,
                nearDuplicates: near, storyID: row["story_id"])
        }
    }

    /// Each outlet and its article count, largest first.
    public func sources() async throws(StoreError) -> [SourceCount] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source"
            ).map { SourceCount(source: $0["source"], articles: $0["n"]) }
        }
    }

    /// The most named entities of a kind (`person`, `place`, `org`), or of every kind.
    public func entities(kind: String?, top: Int) async throws(StoreError) -> [EntityCount] {
        try await read { db in
            let kinds = kind.map { [$0] } ?? ["person", "place", "org"]
            var result: [EntityCount] = []
            for k in kinds {
                result += try Row.fetchAll(
                    db,
                    sql: """
                        SELECT name, count(*) AS n FROM article_entities WHERE kind = ?
                        GROUP BY name ORDER BY n DESC, name LIMIT ?
                        """, arguments: [k, top]
                ).map { EntityCount(kind: k, name: $0["name"], articles: $0["n"]) }
            }
            return result
        }
    }

    /// `PRAGMA integrity_check`'s answer: `ok` when the file is sound.
    /// SQLite's integrity check, then FTS5's check of the full-text index against the articles it
    /// indexes (`rank` 1: every row compared with its article's columns); "ok" when both pass.
    public func integrityCheck() async throws(StoreError) -> String {
        try await write { db in
            let tables = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            do {
                try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            } catch {
                return tables == "ok" ? "articles_fts: \(error)" : tables + "; articles_fts: \(error)"
            }
            return tables
        }
    }

    /// Rebuilds the full-text index from the articles table (`reindex`).
    public func rebuildIndex() async throws(StoreError) {
        try await write { db in try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')") }
    }
}

extension NewsStore {
    /// `counts()` for synchronous callers (start-up).
    public func countsNow() throws(StoreError) -> Counts {
        try readNow(Self.counts)
    }

    static func counts(_ db: Database) throws -> Counts {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT count(*) FROM articles) AS a,
                       (SELECT count(*) FROM files WHERE state = 'failed') AS f,
                       (SELECT count(*) FROM files) AS n
                """)!
        return Counts(articles: row["a"], failed: row["f"], files: row["n"])
    }
}
