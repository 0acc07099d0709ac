import GRDB
import NewsCore

/// An article's entity rows (`article_entities`: what `entities` counts and the `person:`,
/// `place:` and `org:` filters look up), written with the article or, during a backlog, later.
///
/// Entity rows are a third of SQLite's work per new article (about ten rows each, under two
/// indexes). While files wait behind a batch, the batch's transaction names its articles in
/// `entity_backlog` instead (one integer row each), and the pipeline writes their rows from the
/// stored documents once the inbox is idle (`writeDeferredEntities`). The backlog is in the same
/// transaction as the articles, so a crash loses none of it: the next start writes what is left.
extension NewsStore {
    /// When a batch's articles get their entity rows.
    public enum EntityRows: Sendable {
        /// In the batch's own transaction.
        case now
        /// Named in `entity_backlog`; their rows come from `writeDeferredEntities`.
        case later
    }

    /// Articles one step of `writeDeferredEntities` writes the rows of at most: a step holds the
    /// writer for a few milliseconds, and a file dropped meanwhile waits no longer than that.
    public static let entityStepArticles = 128

    /// Writes (or replaces, for a revised article) an article's entity rows, or names the article
    /// in the backlog. Returns the articles it added to the backlog (0 or 1).
    static func writeEntities(of article: Article, id: Int64, _ when: EntityRows, revised: Bool, in db: Database) throws -> Int {
        if revised {
            try db.cachedStatement(sql: "DELETE FROM article_entities WHERE article_id = ?").execute(arguments: [id])
        }
        switch when {
        case .later:
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_backlog (article_id) VALUES (?)")
                .execute(arguments: [id])
            return db.changesCount
        case .now:
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO article_entities (article_id, kind, name) VALUES (?, ?, ?)")
            for (kind, names) in [("person", article.people), ("place", article.places), ("org", article.organisations)] {
                for name in names { try statement.execute(arguments: [id, kind, name]) }
            }
            return 0
        }
    }

    /// One step of the backlog: the entity rows of the (at most `limit`) oldest articles waiting,
    /// read from their stored documents, in one transaction. Returns how many articles it took
    /// and whether more wait. An article deleted since leaves nothing to write.
    public func writeDeferredEntities(limit: Int = NewsStore.entityStepArticles) async throws(StoreError)
        -> (articles: Int, more: Bool)
    {
        let step: (articles: Int, more: Bool) = try await write { db in
            let ids = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT article_id FROM entity_backlog ORDER BY article_id LIMIT ?"),
                arguments: [limit])
            guard let last = ids.last else { return (articles: 0, more: false) }
            // The document holds each kind as a JSON list of names (`DocumentJSON`); one that is
            // not JSON (a damaged row) yields no rows instead of failing every step after it.
            try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO article_entities (article_id, kind, name)
                        SELECT a.id, k.kind, j.value
                        FROM entity_backlog b JOIN articles a ON a.id = b.article_id
                        JOIN (SELECT 'person' AS kind, '$.people' AS path UNION ALL SELECT 'place', '$.places'
                              UNION ALL SELECT 'org', '$.organisations') k
                        JOIN json_each(iif(json_valid(CAST(a.doc AS TEXT)), CAST(a.doc AS TEXT), '{}'), k.path) j
                        WHERE b.article_id <= ? AND j.type = 'text'
                    """
            ).execute(arguments: [last])
            try db.cachedStatement(sql: "DELETE FROM entity_backlog WHERE article_id <= ?").execute(arguments: [last])
            let more = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity_backlog)") ?? false
            return (articles: ids.count, more: more)
        }
        if step.more {
            entityBacklog.add(-step.articles, ordering: .relaxed)
        } else {
            entityBacklog.store(0, ordering: .relaxed)
        }
        return step
    }

    /// Articles whose entity rows wait in the backlog (read from the database).
    public func deferredEntityCount() async throws(StoreError) -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_backlog") ?? 0 }
    }

    /// Articles whose entity rows wait in the backlog, as the committed transactions left it: for
    /// `metrics` (`newsd_entity_backlog_articles`), without a read.
    public var entityBacklogArticles: Int { max(0, entityBacklog.load(ordering: .relaxed)) }
}
