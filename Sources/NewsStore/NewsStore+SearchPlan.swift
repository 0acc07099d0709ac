import Foundation
import GRDB
import NewsCore
import NewsProtocol

/// What a search runs: the typed query compiled with its filters into an FTS5 match and row checks,
/// and the `meta` tokens that make outlets and days terms of the index.
extension NewsStore {
    /// How many of the newest matches a full-text query ranks (more when a page reaches past
    /// them). `total` still counts every match.
    static let rankWindow = 1000

    /// bm25 weights of the index's columns, in their order: title, summary, subheadings,
    /// captions, posts, body, meta (filter tokens: no weight).
    static let columnWeights = "5.0, 2.0, 2.0, 1.5, 1.0, 1.0, 0.0"

    /// What to run for one query.
    struct Plan: Sendable {
        /// The FTS5 expression (text and filter tokens), nil for a listing.
        var match: String?
        /// The part of `match` that people typed, for snippets; nil when there is none.
        var snippetMatch: String?
        /// Conditions on the article row `a` that tokens could not express.
        var checks: [String] = []
        var arguments: StatementArguments = []
        /// Best first (text given) or newest first.
        var ranked: Bool
        /// Nothing can match (an empty outlet name).
        var empty = false
        /// Only among these articles (`follow` filters): each is looked up, the archive is not walked.
        var ids: [Int64]?
        /// Copies are left out: inside the match by their `meta` token (`FullTextChanges.copyToken`),
        /// in a listing by the copies' partial index (never by each article's row, whose
        /// `duplicate_of` lies past its body and document).
        var foldsCopies = false
        /// Outlet or day tokens narrow the match (`match` holds more than the typed text).
        var filtered = false
        /// Something beside the typed text narrows the matches (tokens, or checks on the rows), so
        /// a page of them lies spread over the archive.
        var narrowed: Bool { filtered || !checks.isEmpty }
    }

    static func plan(
        _ params: QueryParams, people: [String]?, canonical: (String) -> String, in db: Database
    ) throws -> Plan {
        let text = params.text ?? ""
        var query: SearchQuery
        var typed: String?
        do {
            if params.fts == true {
                try SearchQuery.checkRaw(text)
                query = SearchQuery()
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                // Chinese and Japanese words as the index holds them (`IndexText`): the separator
                // goes between two such characters only, never next to the query's syntax.
                typed = trimmed.isEmpty ? nil : "(" + IndexText.spaced(trimmed) + ")"
            } else {
                query = try SearchQuery.compile(text)
                typed = query.match
            }
        } catch {
            throw StoreError(.tooComplex, error.message)
        }
        if let since = params.since { query.since = max(query.since ?? since, since) }
        if let until = params.until { query.until = min(query.until ?? until, until) }
        var plan = Plan(match: nil, snippetMatch: typed, ranked: typed != nil)
        var parts: [String] = typed.map { [$0] } ?? []
        // Several `source:` are alternatives; the `source` param narrows them to itself.
        if let source = params.source { query.sources = [source] }
        if !query.sources.isEmpty {
            let tokens = query.sources.compactMap(Self.sourceToken)
            if tokens.isEmpty {
                plan.empty = true
            } else {
                parts.append("(" + tokens.map { "meta : \"\($0)\"" }.joined(separator: " OR ") + ")")
                plan.filtered = true
            }
        }
        for source in query.excludedSources {
            plan.checks.append("coalesce(a.source, '') <> ? COLLATE NOCASE")
            _ = plan.arguments.append(contentsOf: [source])
        }
        if query.since != nil || query.until != nil {
            let bounds = try dayBounds(db)
            switch DayRange.cover(since: query.since, until: query.until, first: bounds?.first, last: bounds?.last) {
            case .none:
                plan.empty = true
            case .some(let cover):
                if !cover.tokens.isEmpty {
                    parts.append("(" + cover.tokens.map { "meta : \"\($0)\"" }.joined(separator: " OR ") + ")")
                    plan.filtered = true
                }
                if !cover.exactSince, let since = query.since {
                    plan.checks.append("a.published >= ?")
                    _ = plan.arguments.append(contentsOf: [since])
                }
                if !cover.exactUntil, let until = query.until {
                    plan.checks.append("a.published < ?")
                    _ = plan.arguments.append(contentsOf: [until])
                }
            }
        }
        var entities = query.entities.map { SearchQuery.Entity(kind: $0.kind, name: canonical($0.name)) }
        entities += (people ?? []).map { SearchQuery.Entity(kind: "person", name: $0) }
        for entity in entities {
            plan.checks.append(Self.entityCheck)
            _ = plan.arguments.append(contentsOf: [entity.kind, entity.name, Self.likeEscaped(entity.name)])
        }
        for entity in query.excludedEntities {
            plan.checks.append("NOT " + Self.entityCheck)
            let name = canonical(entity.name)
            _ = plan.arguments.append(contentsOf: [entity.kind, name, Self.likeEscaped(name)])
        }
        if let story = params.story ?? query.story {
            plan.checks.append("a.story_id = ?")
            _ = plan.arguments.append(contentsOf: [story])
        }
        for story in query.excludedStories {
            plan.checks.append("coalesce(a.story_id, 0) <> ?")
            _ = plan.arguments.append(contentsOf: [story])
        }
        // A group of exact copies is one result, its first article, unless `all` asks for each.
        if params.all != true,
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE duplicate_of IS NOT NULL)") == true
        {
            plan.foldsCopies = true
        }
        if let exclude = query.exclude {
            plan.checks.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            _ = plan.arguments.append(contentsOf: [exclude])
        }
        if !parts.isEmpty {
            let match = parts.joined(separator: " AND ")
            plan.match = plan.foldsCopies ? "(\(match)) NOT meta : \(FullTextChanges.copyToken)" : match
        }
        return plan
    }

    /// An article names an entity: its stored name in any case, or a stored name that ends with it
    /// (`person:Putin` finds "Vladimir Putin").
    static let entityCheck = """
        EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.kind = ?
            AND (e.name = ? COLLATE NOCASE OR e.name LIKE '% ' || ? ESCAPE '\\'))
        """

    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The first and last day (`YYYY-MM-DD`) any article was published, nil for an empty archive.
    static func dayBounds(_ db: Database) throws -> (first: String, last: String)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published LIMIT 1) AS f,
                    (SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published DESC LIMIT 1) AS l
                """)
        guard let first: String = row?["f"], let last: String = row?["l"] else { return nil }
        return (String(first.prefix(10)), String(last.prefix(10)))
    }

    /// The `meta` token of an outlet: `src` and its letters and digits, lower case ("Sky News" →
    /// `srcskynews`); nil when the name has none.
    static func sourceToken(_ source: String) -> String? {
        let letters = source.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        guard !letters.isEmpty else { return nil }
        return "src" + String(String.UnicodeScalarView(letters))
    }

    /// The `meta` column of an article: its outlet's token and its publication year, month and
    /// day (`y2025 m202505 d20250519`), so filters on them are FTS5 terms.
    static func metaText(source: String?, published: String?) -> String {
        var tokens: [String] = []
        if let source, let token = sourceToken(source) { tokens.append(token) }
        if let published, let day = DayRange.Day(published) {
            tokens += ["y" + day.year, "m" + day.month, "d" + day.day]
        }
        return tokens.joined(separator: " ")
    }
}
