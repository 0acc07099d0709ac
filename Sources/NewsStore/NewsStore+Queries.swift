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

    /// Full-text search (FTS5 syntax, bm25 ranking, title weighted above body) with filters, or every
    /// article newest first when there is no text. `people` are the canonical names to filter by.
    /// - Throws: `StoreError.badQuery` when the text is not valid FTS5.
    public func search(_ params: QueryParams, people: [String]? = nil) async throws(StoreError) -> QueryResult {
        let limit = params.limit ?? 20
        let offset = params.offset ?? 0
        var filters: [String] = []
        var arguments: StatementArguments = []
        let text = params.text?.trimmingCharacters(in: .whitespaces) ?? ""
        if !text.isEmpty {
            filters.append("articles_fts MATCH ?")
            _ = arguments.append(contentsOf: [text])
        }
        if let source = params.source {
            filters.append("a.source = ? COLLATE NOCASE")
            _ = arguments.append(contentsOf: [source])
        }
        if let since = params.since {
            filters.append("a.published >= ?")
            _ = arguments.append(contentsOf: [since])
        }
        if let until = params.until {
            filters.append("a.published < ?")
            _ = arguments.append(contentsOf: [until])
        }
        if let people, !people.isEmpty {
            let marks = Array(repeating: "?", count: people.count).joined(separator: ", ")
            filters.append(
                "a.id IN (SELECT article_id FROM article_entities WHERE kind = 'person' AND name IN (\(marks)))")
            _ = arguments.append(contentsOf: StatementArguments(people))
        }
        let whereClause = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        let pageArguments = arguments + [limit, offset]
        let countArguments = arguments
        guard !text.isEmpty else {
            return try await read { db in
                let total =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM articles a \(whereClause)", arguments: countArguments)
                    ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.id, a.title, a.source, a.published, a.path, a.ingested_at, a.revision,
                            substr(a.body, 1, 240) AS snippet, 0.0 AS score
                        FROM articles a \(whereClause) ORDER BY a.id DESC LIMIT ? OFFSET ?
                        """,
                    arguments: pageArguments)
                return QueryResult(total: total, results: rows.map(Self.hit))
            }
        }
        let window = max(Self.rankWindow, offset + limit)
        let windowArguments = arguments + [window]
        let matchOnly = filters.count == 1
        // For the count, the filters alone; the match becomes a set of ids they are checked against,
        // so SQLite can walk an index of the filter (source, published) instead of every match.
        let filterClause = filters.dropFirst().joined(separator: " AND ")
        do {
            return try await read { db in
                // CROSS JOIN keeps the full-text match as the outer loop, so a filter on an indexed
                // column (source) never makes SQLite re-run the match for each article. The match
                // is walked newest first and bm25 is computed for the newest `window` matches only:
                // the cost of a query is bounded however many articles a common word is in.
                let recent = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT articles_fts.rowid AS id, bm25(articles_fts, 5.0, 1.0) AS rank
                        FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid \(whereClause)
                        ORDER BY articles_fts.rowid DESC LIMIT ?
                        """,
                    arguments: windowArguments
                ).map { (id: $0["id"] as Int64, rank: $0["rank"] as Double) }
                var total = recent.count
                if recent.count == window {
                    // More matches than the window: count them all (no ranking, no snippets).
                    total =
                        try Int.fetchOne(
                            db,
                            sql: matchOnly
                                ? "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
                                : """
                                SELECT count(*) FROM articles a
                                WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
                                    AND \(filterClause)
                                """, arguments: countArguments) ?? total
                }
                let page = recent.sorted { $0.rank < $1.rank || $0.rank == $1.rank && $0.id > $1.id }
                    .dropFirst(offset).prefix(limit)
                guard !page.isEmpty else { return QueryResult(total: total, results: []) }
                let ids = page.map(\.id)
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.id, a.title, a.source, a.published, a.path, a.ingested_at, a.revision,
                            snippet(articles_fts, 1, '**', '**', '…', 16) AS snippet
                        FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
                        WHERE articles_fts MATCH ? AND articles_fts.rowid IN (\(marks))
                        """,
                    arguments: [text] + StatementArguments(ids))
                var byID: [Int64: Row] = [:]
                for row in rows { byID[row["id"]] = row }
                let hits = page.compactMap { match -> QueryHit? in
                    guard let row = byID[match.id] else { return nil }
                    var hit = Self.hit(row)
                    hit.score = -match.rank
                    return hit
                }
                return QueryResult(total: total, results: hits)
            }
        } catch let error where error.code == .database && Self.isQuerySyntax(error.message) {
            throw StoreError(.badQuery, "bad query \"\(text)\": \(error.message)")
        }
    }

    /// How many of the newest matches a full-text query ranks (more when a page reaches past
    /// them). `total` still counts every match.
    static let rankWindow = 1000

    static func isQuerySyntax(_ message: String) -> Bool {
        message.contains("fts5") || message.contains("syntax error") || message.contains("no such column")
            || message.contains("unterminated string")
    }

    static func hit(_ row: Row) -> QueryHit {
        QueryHit(
            id: row["id"], title: row["title"], source: row["source"], published: row["published"],
            snippet: (row["snippet"] as String?).map { $0.replacingOccurrences(of: "\n", with: " ") } ?? "",
            score: row["score"] ?? 0, path: row["path"], ingestedAt: row["ingested_at"], revision: row["revision"])
    }

    /// Whether the article matches an FTS5 query (for `follow` filters).
    /// - Throws: `StoreError.badQuery` when the text is not valid FTS5.
    public func matches(articleIDs: [Int64], text: String) async throws(StoreError) -> Set<Int64> {
        guard !articleIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: articleIDs.count).joined(separator: ", ")
        do {
            return try await read { db in
                Set(
                    try Int64.fetchAll(
                        db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (\(marks))",
                        arguments: [text] + StatementArguments(articleIDs)))
            }
        } catch let error where error.code == .database && Self.isQuerySyntax(error.message) {
            throw StoreError(.badQuery, "bad query \"\(text)\": \(error.message)")
        }
    }

    /// Checks FTS5 syntax without running a search.
    /// - Throws: `StoreError.badQuery` when the text is not valid FTS5.
    public func validate(query text: String) async throws(StoreError) {
        _ = try await matches(articleIDs: [0], text: text)
    }

    /// One article with every field, or nil when there is none with that id.
    public func document(id: Int64) async throws(StoreError) -> ArticleDocument? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, doc, body, path, ingested_at, updated_at, revision FROM articles WHERE id = ?",
                    arguments: [id]),
                let article = StoredArticle.article(doc: row["doc"], body: row["body"])
            else { return nil }
            return ArticleDocument(
                id: row["id"], article: article, path: row["path"], ingestedAt: row["ingested_at"],
                updatedAt: row["updated_at"], revision: row["revision"])
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
    public func integrityCheck() async throws(StoreError) -> String {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
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
