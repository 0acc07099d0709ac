import Foundation
import GRDB
import NewsCore
import NewsProtocol

extension NewsStore {
    /// Longest article (in words) whose search snippet is made around its hits; longer ones show
    /// their opening (see `run`).
    static let snippetWordLimit = 200_000

    /// Full-text search in the query language for people (or raw FTS5 with `params.fts`), with
    /// filters; every article newest first when there is neither text nor a filter. Costs are bounded
    /// by the page asked for: the newest `rankWindow` matches are ranked (bm25, title and summary
    /// weighted above the body), `total` is exact up to `QueryResult.exactTotalLimit` and estimated
    /// past it, snippets are made for the page only. Outlet and day filters are tokens of the
    /// index's `meta` column, so they narrow the match inside FTS5 instead of row by row.
    /// - Parameters:
    ///   - people: canonical names the articles must all name (the `person` param).
    ///   - canonical: maps a typed name (`person:Zelenskyy`) to its canonical form.
    /// - Throws: `StoreError.badQuery` when raw FTS5 text is not valid FTS5, `.tooComplex` over the
    ///   cost bounds, `.timeout` past `queryTimeout`, `.cancelled` when the caller went away.
    public func search(
        _ params: QueryParams, people: [String]? = nil, canonical: @escaping @Sendable (String) -> String = { $0 }
    ) async throws(StoreError) -> QueryResult {
        let limit = params.limit ?? 20
        let offset = params.offset ?? 0
        let window = max(Self.rankWindow, offset + limit)
        do {
            return try await read(deadline: queryTimeout) { db in
                let plan = try Self.plan(params, people: people, canonical: canonical, in: db)
                return try Self.run(plan, limit: limit, offset: offset, window: window, in: db)
            }
        } catch {
            throw Self.queryError(error, text: params.text ?? "")
        }
    }

    /// SQLite's complaints about query text are the client's error (`bad_query`), never internal.
    static func queryError(_ error: StoreError, text: String) -> StoreError {
        guard error.code == .database, isQuerySyntax(error.message) else { return error }
        return StoreError(.badQuery, "bad query \"\(text)\": \(error.message)")
    }

    static func isQuerySyntax(_ message: String) -> Bool {
        ["fts5", "syntax error", "no such column", "unterminated string", "unknown special query", "MATCH"]
            .contains { message.contains($0) }
    }

    /// The ids among `articleIDs` whose articles match a `follow` filter.
    /// - Throws: as `search`.
    public func matches(articleIDs: [Int64], text: String, fts: Bool = false) async throws(StoreError) -> Set<Int64> {
        guard !articleIDs.isEmpty else { return [] }
        do {
            return try await matchingIDs(articleIDs, text: text, fts: fts)
        } catch {
            throw Self.queryError(error, text: text)
        }
    }

    private func matchingIDs(_ articleIDs: [Int64], text: String, fts: Bool) async throws(StoreError) -> Set<Int64> {
        try await read(deadline: queryTimeout) { db in
            var plan = try Self.plan(
                QueryParams(text: text, fts: fts, all: true), people: nil, canonical: { $0 }, in: db)
            plan.ids = articleIDs
            plan.ranked = false
            let page = try Self.run(plan, limit: articleIDs.count, offset: 0, window: articleIDs.count, in: db)
            return Set(page.results.map(\.id))
        }
    }

    /// Checks a follow filter without running a search.
    /// - Throws: as `search`.
    public func validate(query text: String, fts: Bool = false) async throws(StoreError) {
        _ = try await matches(articleIDs: [0], text: text, fts: fts)
    }

    static func run(_ plan: Plan, limit: Int, offset: Int, window: Int, in db: Database) throws -> QueryResult {
        if plan.empty { return QueryResult(total: 0, results: []) }
        var checks = plan.checks.joined(separator: " AND ")
        // The archive's lowest and highest id: the rank function's estimates and the total's.
        let span = try idSpan(db)
        var arguments = plan.arguments
        let cap = QueryResult.exactTotalLimit + 1
        if let ids = plan.ids {
            guard !ids.isEmpty else { return QueryResult(total: 0, results: []) }
            if plan.match == nil {
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
                checks += (checks.isEmpty ? "" : " AND ") + "a.id IN (\(marks))"
                _ = arguments.append(contentsOf: StatementArguments(ids))
            } else {
                let among = amongIDs(ids)
                checks += (checks.isEmpty ? "" : " AND ") + among.sql
                _ = arguments.append(contentsOf: among.arguments)
            }
        }
        let page: [(id: Int64, score: Double)]
        let counted: (count: Int, lastID: Int64?)
        if let match = plan.match {
            // The match drives: FTS5 walks its doclists newest first, once, up to the cap (the
            // count) or the page asked for; a check that tokens could not express is tested on each
            // match's row (CROSS JOIN keeps the match as the outer loop).
            let from =
                plan.checks.isEmpty
                ? "articles_fts WHERE articles_fts MATCH ?" + (checks.isEmpty ? "" : " AND " + checks)
                : "articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND \(checks)"
            // Ranked matches are scored in the same walk (`RankFunction`: the filters' tokens weigh
            // nothing and cost nothing), so the window is read once.
            let score = plan.ranked ? scoreExpression(span: span) : nil
            let newest = try newestMatches(
                from, score: score, arguments: [match] + arguments, limit: window, in: db)
            if plan.ranked {
                page = newest.sorted { $0.score < $1.score || $0.score == $1.score && $0.id > $1.id }
                    .dropFirst(offset).prefix(limit).map { ($0.id, -$0.score) }
            } else {
                page = newest.dropFirst(offset).prefix(limit).map { ($0.id, 0) }
            }
            if newest.count >= cap {
                counted = (cap, newest[cap - 1].id)
            } else if newest.count < window {
                counted = (newest.count, nil)
            } else {
                counted = try countMatches(
                    from, arguments: [match] + arguments, below: newest[newest.count - 1].id,
                    counted: newest.count, cap: cap, in: db)
            }
        } else {
            var listed = checks
            if plan.foldsCopies {
                // The copies' ids, read once from their partial index.
                listed += (listed.isEmpty ? "" : " AND ") + "a.id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)"
            }
            let whereClause = listed.isEmpty ? "" : "WHERE " + listed
            page = try Int64.fetchAll(
                db, sql: "SELECT a.id FROM articles a \(whereClause) ORDER BY a.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset]
            ).map { ($0, 0) }
            if listed.isEmpty {
                // Every article: SQLite counts the smallest index, exactly and cheaply.
                counted = (try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0, nil)
            } else if checks.isEmpty {
                // Every first article: all of them less the copies (counted on their partial index).
                // (Counted to the cap instead, the walk reads each article's row, past its body:
                // 19 ms at 100,000 against 3.)
                counted = (
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT (SELECT count(*) FROM articles)
                                - (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL)
                            """) ?? 0, nil
                )
            } else {
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) AS n, min(id) AS last FROM
                            (SELECT a.id FROM articles a \(whereClause) ORDER BY a.id DESC LIMIT ?)
                        """, arguments: arguments + [cap])
                counted = (row?["n"] ?? 0, row?["last"])
            }
        }
        var total = counted.count
        var estimated = false
        if total == cap, let lastID = counted.lastID {
            // Past the cap, the matches seen so far stand for the id range they covered.
            let range = span
            let lo = range?.lo ?? 0
            let hi = range?.hi ?? 0
            let covered = Double(hi - lastID + 1)
            let all = Double(hi - lo + 1)
            total = max(offset + page.count, Int((Double(cap) * all / max(covered, 1)).rounded()))
            estimated = true
        }
        guard !page.isEmpty else { return QueryResult(total: total, totalIsEstimate: estimated, results: []) }
        let ids = page.map(\.id)
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var byID: [Int64: Row] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, title, source, published, path, ingested_at, revision, substr(body, 1, 240) AS snippet,
                    word_count, duplicate_of, story_id,
                    (SELECT count(*) FROM articles d WHERE d.duplicate_of = articles.id) AS duplicates
                FROM articles WHERE id IN (\(marks))
                """, arguments: StatementArguments(ids))
        {
            byID[row["id"]] = row
        }
        var snippets: [Int64: String] = [:]
        // Made from FTS5's highlight() (`SnippetWindow`: one pass over the text), never its
        // snippet(), whose cost grows with the square of a row's hits; and an article past
        // `snippetWordLimit` shows its opening. SQLite checks for an interrupt only between rows,
        // so what one row costs is what bounds a query past its deadline.
        let snippetIDs = ids.filter { id in
            guard let row = byID[id] else { return false }
            let words: Int = row["word_count"] ?? 0
            return words <= Self.snippetWordLimit
        }
        if let typed = plan.snippetMatch, !snippetIDs.isEmpty {
            // Highlights of the page's rows, under one of two statements, whichever walks less. The
            // whole match (filters and all) over the page's id range: FTS5 walks the matches in that
            // range once; unnarrowed, the range is the ranked window's. Narrowed by a filter, the
            // page is spread over the archive and that walk is the first one again, so each page row
            // is looked up under the typed text alone (`rowid IN`: FTS5 runs it once per id, a few
            // seeks for words and phrases; not for a prefix, whose every term's doclist is merged on
            // each run: any `*` keeps the range walk, raw FTS5 text included). The filters' terms
            // are in the `meta` column only, never highlighted.
            let marks = "'\(SnippetWindow.open)', '\(SnippetWindow.close)'"
            let rowCondition: String
            var arguments: StatementArguments
            if plan.narrowed, !typed.contains("*") {
                rowCondition = "articles_fts.rowid IN (" + Array(repeating: "?", count: snippetIDs.count).joined(separator: ", ") + ")"
                arguments = [typed] + StatementArguments(snippetIDs)
            } else {
                let among = amongIDs(snippetIDs)
                rowCondition = among.sql
                arguments = [plan.match ?? typed] + among.arguments
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT rowid AS id, highlight(articles_fts, 5, \(marks)) AS body,
                        highlight(articles_fts, 1, \(marks)) AS summary, highlight(articles_fts, 2, \(marks)) AS subheadings,
                        highlight(articles_fts, 3, \(marks)) AS captions, highlight(articles_fts, 4, \(marks)) AS posts,
                        highlight(articles_fts, 0, \(marks)) AS title
                    FROM articles_fts WHERE articles_fts MATCH ? AND \(rowCondition)
                    """, arguments: arguments)
            while let row = try rows.next() {
                // The body around its hits; when the body has none, the first other part that has
                // (the summary, a subheading, a caption, a post, the title). Cut from the bytes as
                // SQLite holds them: only the window's words become a string.
                for column in 1...6 {
                    let snippet = try row.withUnsafeData(atIndex: column) { data in
                        data?.withUnsafeBytes { SnippetWindow.cut($0, words: 16) }
                    }
                    if let snippet {
                        snippets[row[0]] = snippet
                        break
                    }
                }
            }
        }
        let hits = page.compactMap { match -> QueryHit? in
            guard let row = byID[match.id] else { return nil }
            var hit = Self.hit(row)
            if let snippet = snippets[match.id], !snippet.isEmpty {
                hit.snippet = snippet  // its words are joined by spaces
            }
            hit.score = match.score
            return hit
        }
        return QueryResult(total: total, totalIsEstimate: estimated, results: hits)
    }

    /// The newest matches of `from` (an FTS5 match and its checks: "articles_fts … WHERE …"),
    /// newest first, up to `limit`, each with its `score` (an SQL expression; 0 when nil).
    static func newestMatches(
        _ from: String, score: String? = nil, arguments: StatementArguments, limit: Int, in db: Database
    ) throws -> [(id: Int64, score: Double)] {
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT articles_fts.rowid, \(score ?? "0") FROM \(from) ORDER BY articles_fts.rowid DESC LIMIT ?",
            arguments: arguments + [limit])
        var matches: [(id: Int64, score: Double)] = []
        matches.reserveCapacity(limit)
        while let row = try rows.next() { matches.append((row[0], row[1])) }
        return matches
    }

    /// The score of a ranked match (`RankFunction`, higher rank is lower), for the select list;
    /// `span` is the archive's lowest and highest id (`idSpan`).
    static func scoreExpression(span: (lo: Int64, hi: Int64)?) -> String {
        return "\(RankFunction.name)(articles_fts, \(span?.lo ?? 0), \(span?.hi ?? 0), \(columnWeights))"
    }

    /// How many matches of `from` there are in all, up to `cap`, given `counted` of them at ids from
    /// `start` up: the rest are counted inside SQLite, newest first, without handing each id over
    /// (ten thousand ids cost ten times what counting them does).
    /// - Returns: the count, and the oldest id counted when the count reached `cap` (nil below it).
    static func countMatches(
        _ from: String, arguments: StatementArguments, below start: Int64, counted: Int, cap: Int, in db: Database
    ) throws -> (count: Int, lastID: Int64?) {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*) AS n, min(r) AS last FROM (SELECT articles_fts.rowid AS r FROM \(from)
                    AND articles_fts.rowid < ? ORDER BY articles_fts.rowid DESC LIMIT ?)
                """, arguments: arguments + [start, cap - counted])
        let count = counted + (row?["n"] ?? 0)
        return count >= cap ? (cap, row?["last"]) : (count, nil)
    }

    /// The condition "one of `ids`" on a full-text match (not empty). FTS5 walks only the ids'
    /// range (a rowid range is a constraint it takes; an `IN` list it answers by running the whole
    /// match once per id), and the list is tested on each row of that range (the `+` keeps SQLite
    /// from handing it to FTS5).
    static func amongIDs(_ ids: [Int64]) -> (sql: String, arguments: StatementArguments) {
        (
            "articles_fts.rowid BETWEEN ? AND ? AND +articles_fts.rowid IN (SELECT value FROM json_each(?))",
            [ids.min() ?? 0, ids.max() ?? 0, "[" + ids.map(String.init).joined(separator: ",") + "]"]
        )
    }

    /// The lowest and highest article id, nil for an empty archive. Two subqueries: SQLite reads
    /// one end of the table for a lone min() or max(), but both in one SELECT scan every row.
    static func idSpan(_ db: Database) throws -> (lo: Int64, hi: Int64)? {
        let row = try Row.fetchOne(
            db, sql: "SELECT (SELECT min(id) FROM articles) AS lo, (SELECT max(id) FROM articles) AS hi")
        guard let lo: Int64 = row?["lo"], let hi: Int64 = row?["hi"] else { return nil }
        return (lo, hi)
    }

    static func hit(_ row: Row) -> QueryHit {
        QueryHit(
            id: row["id"], title: row["title"], source: row["source"], published: row["published"],
            snippet: (row["snippet"] as String?).map(Self.oneLine) ?? "",
            score: 0, path: row["path"], ingestedAt: row["ingested_at"], revision: row["revision"],
            duplicateOf: row["duplicate_of"], duplicates: row["duplicates"] ?? 0, storyID: row["story_id"])
    }

    /// The text with each line feed made a space.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        return String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
