import NewsModel

/// `hello`: who answers and what it can do.
public struct HelloResult: Sendable, Codable, Equatable {
    /// Always `protocolVersion` of the server.
    public var protocolVersion: Int
    /// `newsd X.Y.Z`.
    public var server: String
    /// Every method the server answers.
    public var methods: [String]

    /// Creates a result.
    public init(protocolVersion: Int, server: String, methods: [String]) {
        self.protocolVersion = protocolVersion
        self.server = server
        self.methods = methods
    }

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol_version"
        case server, methods
    }
}

/// The daemon's overall state, as `status` and STATUS= report it.
public enum DaemonState: String, Sendable, Codable {
    case starting
    case catchingUp = "catching_up"
    case watching
    case paused
    case degraded
}

/// `status` without a path.
public struct StatusResult: Sendable, Codable, Equatable {
    /// newsd's version.
    public var version: String
    /// What the daemon is doing.
    public var state: DaemonState
    /// The watched folder.
    public var inbox: String
    /// The SQLite database file.
    public var database: String
    /// Articles stored.
    public var articles: Int
    /// Files seen but not yet ingested.
    public var pending: Int
    /// Files quarantined.
    public var failed: Int
    /// Files committed since start (the protocol's `files`).
    public var files: Int
    /// Seconds since start.
    public var uptimeS: Double
    /// Articles ingested since start.
    public var ingestedSinceStart: Int
    /// Articles per second over the last minute.
    public var ratePerS: Double
    /// The last ingest error, if any.
    public var lastError: String?
    /// Follow subscribers connected.
    public var followers: Int

    /// Creates a result.
    public init(
        version: String, state: DaemonState, inbox: String, database: String, articles: Int, pending: Int,
        failed: Int, files: Int, uptimeS: Double, ingestedSinceStart: Int, ratePerS: Double, lastError: String?,
        followers: Int
    ) {
        self.version = version
        self.state = state
        self.inbox = inbox
        self.database = database
        self.articles = articles
        self.pending = pending
        self.failed = failed
        self.files = files
        self.uptimeS = uptimeS
        self.ingestedSinceStart = ingestedSinceStart
        self.ratePerS = ratePerS
        self.lastError = lastError
        self.followers = followers
    }

    enum CodingKeys: String, CodingKey {
        case version, state, inbox, database, articles, pending, failed, files
        case uptimeS = "uptime_s"
        case ingestedSinceStart = "ingested_since_start"
        case ratePerS = "rate_per_s"
        case lastError = "last_error"
        case followers
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(state, forKey: .state)
        try c.encode(inbox, forKey: .inbox)
        try c.encode(database, forKey: .database)
        try c.encode(articles, forKey: .articles)
        try c.encode(pending, forKey: .pending)
        try c.encode(failed, forKey: .failed)
        try c.encode(files, forKey: .files)
        try c.encode(uptimeS, forKey: .uptimeS)
        try c.encode(ingestedSinceStart, forKey: .ingestedSinceStart)
        try c.encode(ratePerS, forKey: .ratePerS)
        try c.encode(lastError, forKey: .lastError)
        try c.encode(followers, forKey: .followers)
    }
}

/// What newsd knows of one file (`status PATH`, `failed`).
public struct FileStatus: Sendable, Codable, Equatable {
    /// The file's id in the `files` table (what `retry` takes).
    public var id: Int64
    /// Where the file is (or was, for archived and quarantined files).
    public var path: String
    /// `seen`, `settling`, `ingested`, `failed` or `gone`.
    public var state: String
    /// Bytes parsed and committed.
    public var offset: Int64
    /// Size when last looked at.
    public var size: Int64
    /// The article the file became, if it did.
    public var articleId: Int64?
    /// Why it failed, if it did.
    public var error: String?
    /// Where the file lies since it left the inbox (quarantine or archive).
    public var movedTo: String?
    /// When the file's row last changed (ISO 8601 UTC).
    public var updatedAt: String

    /// Creates a status.
    public init(
        id: Int64, path: String, state: String, offset: Int64, size: Int64, articleId: Int64?, error: String?,
        movedTo: String?, updatedAt: String
    ) {
        self.id = id
        self.path = path
        self.state = state
        self.offset = offset
        self.size = size
        self.articleId = articleId
        self.error = error
        self.movedTo = movedTo
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, path, state, offset, size
        case articleId = "article_id"
        case error
        case movedTo = "moved_to"
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(state, forKey: .state)
        try c.encode(offset, forKey: .offset)
        try c.encode(size, forKey: .size)
        try c.encode(articleId, forKey: .articleId)
        try c.encode(error, forKey: .error)
        try c.encode(movedTo, forKey: .movedTo)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

/// One search hit, and the params of a `follow` `article` notification.
public struct QueryHit: Sendable, Codable, Equatable {
    /// The article id (`show` takes it).
    public var id: Int64
    /// Headline.
    public var title: String?
    /// Outlet.
    public var source: String?
    /// ISO 8601 UTC instant or day, or nil.
    public var published: String?
    /// Text around the hits, hits marked `**like this**`; the lede when there is no query text.
    public var snippet: String
    /// Relevance (higher is better; bm25 negated), 0 for newest-first listings.
    public var score: Double
    /// The file the article came from.
    public var path: String
    /// When the article was first stored (ISO 8601 UTC).
    public var ingestedAt: String
    /// Times the article changed (1 for a new one).
    public var revision: Int
    /// The first article with the same text when this one is a copy, else nil.
    public var duplicateOf: Int64?
    /// How many copies point at this article (`duplicate_of`); by default `query` folds them into it.
    public var duplicates: Int
    /// The story the article belongs to (nil when stories are off).
    public var storyID: Int64?

    /// Creates a hit.
    public init(
        id: Int64, title: String?, source: String?, published: String?, snippet: String, score: Double,
        path: String, ingestedAt: String, revision: Int, duplicateOf: Int64? = nil, duplicates: Int = 0,
        storyID: Int64? = nil
    ) {
        self.duplicateOf = duplicateOf
        self.duplicates = duplicates
        self.storyID = storyID
        self.id = id
        self.title = title
        self.source = source
        self.published = published
        self.snippet = snippet
        self.score = score
        self.path = path
        self.ingestedAt = ingestedAt
        self.revision = revision
    }

    enum CodingKeys: String, CodingKey {
        case id, title, source, published, snippet, score, path
        case ingestedAt = "ingested_at"
        case revision
        case duplicateOf = "duplicate_of"
        case duplicates
        case storyID = "story_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        snippet = try c.decode(String.self, forKey: .snippet)
        score = try c.decode(Double.self, forKey: .score)
        path = try c.decode(String.self, forKey: .path)
        ingestedAt = try c.decode(String.self, forKey: .ingestedAt)
        revision = try c.decode(Int.self, forKey: .revision)
        duplicateOf = try c.decodeIfPresent(Int64.self, forKey: .duplicateOf)
        duplicates = try c.decodeIfPresent(Int.self, forKey: .duplicates) ?? 0
        storyID = try c.decodeIfPresent(Int64.self, forKey: .storyID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(source, forKey: .source)
        try c.encode(published, forKey: .published)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(score, forKey: .score)
        try c.encode(path, forKey: .path)
        try c.encode(ingestedAt, forKey: .ingestedAt)
        try c.encode(revision, forKey: .revision)
        try c.encode(duplicateOf, forKey: .duplicateOf)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(storyID, forKey: .storyID)
    }
}

/// `query`: the total number of matches and one page of them.
public struct QueryResult: Sendable, Codable, Equatable {
    /// Matches in all (not only this page): exact up to `exactTotalLimit`, estimated past it.
    public var total: Int
    /// True when `total` is an estimate (more than `exactTotalLimit` matches); absent otherwise.
    public var totalIsEstimate: Bool?
    /// This page, best first (or newest first without query text).
    public var results: [QueryHit]

    /// Up to this many matches `total` is counted exactly.
    public static let exactTotalLimit = 10_000

    /// Creates a result.
    public init(total: Int, totalIsEstimate: Bool = false, results: [QueryHit]) {
        self.total = total
        self.totalIsEstimate = totalIsEstimate ? true : nil
        self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case total, results
        case totalIsEstimate = "total_is_estimate"
    }
}

/// `show`: one article with every field, plus where it came from and its history.
public struct ArticleDocument: Sendable, Codable, Equatable {
    /// The article id.
    public var id: Int64
    /// The parsed fields.
    public var article: Article
    /// The file it came from.
    public var path: String
    /// When it was first stored (ISO 8601 UTC).
    public var ingestedAt: String
    /// When it last changed (ISO 8601 UTC).
    public var updatedAt: String
    /// 1 when new; +1 each time its file grew or was replaced.
    public var revision: Int
    /// The first article with the same normalised text, when this one is a copy.
    public var duplicateOf: Int64?
    /// Every other article with the same normalised text (the first one and its copies).
    public var copies: [Int64]
    /// Articles that are the same with small edits, or contain it (or are contained in it).
    public var nearDuplicates: [Int64]
    /// The story the article belongs to.
    public var storyID: Int64?

    /// Creates a document.
    public init(
        id: Int64, article: Article, path: String, ingestedAt: String, updatedAt: String, revision: Int,
        duplicateOf: Int64? = nil, copies: [Int64] = [], nearDuplicates: [Int64] = [], storyID: Int64? = nil
    ) {
        self.duplicateOf = duplicateOf
        self.copies = copies
        self.nearDuplicates = nearDuplicates
        self.storyID = storyID
        self.id = id
        self.article = article
        self.path = path
        self.ingestedAt = ingestedAt
        self.updatedAt = updatedAt
        self.revision = revision
    }

    enum CodingKeys: String, CodingKey {
        case id, path
        case ingestedAt = "ingested_at"
        case updatedAt = "updated_at"
        case revision
        case duplicateOf = "duplicate_of"
        case copies
        case nearDuplicates = "near_duplicates"
        case storyID = "story_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        path = try c.decode(String.self, forKey: .path)
        ingestedAt = try c.decode(String.self, forKey: .ingestedAt)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        revision = try c.decode(Int.self, forKey: .revision)
        duplicateOf = try c.decodeIfPresent(Int64.self, forKey: .duplicateOf)
        copies = try c.decodeIfPresent([Int64].self, forKey: .copies) ?? []
        nearDuplicates = try c.decodeIfPresent([Int64].self, forKey: .nearDuplicates) ?? []
        storyID = try c.decodeIfPresent(Int64.self, forKey: .storyID)
        article = try Article(from: decoder)
    }

    /// One flat object: the article's keys beside `id`, `path`, `ingested_at`, `updated_at`, `revision`.
    public func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(ingestedAt, forKey: .ingestedAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(revision, forKey: .revision)
        try c.encode(duplicateOf, forKey: .duplicateOf)
        try c.encode(copies, forKey: .copies)
        try c.encode(nearDuplicates, forKey: .nearDuplicates)
        try c.encode(storyID, forKey: .storyID)
    }
}

/// One story of `stories`: articles about the same event, grouped as they were ingested.
public struct StorySummary: Sendable, Codable, Equatable {
    /// The story id (`story` and `query --story` take it).
    public var id: Int64
    /// The title of its most central article.
    public var title: String?
    /// How many articles it has.
    public var articles: Int
    /// The outlets of its articles, by name.
    public var sources: [String]
    /// When its first article was published (ISO 8601 UTC or a day), nil when none says.
    public var first: String?
    /// When its last article was published, nil when none says.
    public var last: String?

    /// Creates a summary.
    public init(id: Int64, title: String?, articles: Int, sources: [String], first: String?, last: String?) {
        self.id = id
        self.title = title
        self.articles = articles
        self.sources = sources
        self.first = first
        self.last = last
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(articles, forKey: .articles)
        try c.encode(sources, forKey: .sources)
        try c.encode(first, forKey: .first)
        try c.encode(last, forKey: .last)
    }
}

/// `stories`: the stories, newest first.
public struct StoriesResult: Sendable, Codable, Equatable {
    /// The stories.
    public var stories: [StorySummary]
    /// Creates a result.
    public init(stories: [StorySummary]) { self.stories = stories }
}

/// `story`: one story and its articles, oldest first.
public struct StoryDocument: Sendable, Codable, Equatable {
    /// The story.
    public var story: StorySummary
    /// Its articles, as `query` lists them.
    public var results: [QueryHit]

    /// Creates a document.
    public init(story: StorySummary, results: [QueryHit]) {
        self.story = story
        self.results = results
    }

    enum CodingKeys: String, CodingKey { case results }

    public init(from decoder: any Decoder) throws {
        story = try StorySummary(from: decoder)
        results = try decoder.container(keyedBy: CodingKeys.self).decode([QueryHit].self, forKey: .results)
    }

    /// One flat object: the story's keys beside `results`.
    public func encode(to encoder: any Encoder) throws {
        try story.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(results, forKey: .results)
    }
}

/// `sources`: each outlet and how many articles it has.
public struct SourceCount: Sendable, Codable, Equatable {
    /// The outlet, or nil for articles whose outlet is unknown.
    public var source: String?
    /// Articles from it.
    public var articles: Int
    /// Creates a count.
    public init(source: String?, articles: Int) {
        self.source = source
        self.articles = articles
    }
}

/// `entities`: a name and the number of articles naming it.
public struct EntityCount: Sendable, Codable, Equatable {
    /// `person`, `place` or `org`.
    public var kind: String
    /// Canonical name.
    public var name: String
    /// Articles naming it.
    public var articles: Int
    /// Creates a count.
    public init(kind: String, name: String, articles: Int) {
        self.kind = kind
        self.name = name
        self.articles = articles
    }
}

/// Answer of the operator actions (`retry`, `rescan`, `reindex`, `pause`, `resume`, `reload`).
public struct ActionResult: Sendable, Codable, Equatable {
    /// True when the action was carried out.
    public var ok: Bool
    /// What happened, for people (`3 files put back into the inbox`).
    public var message: String
    /// Creates a result.
    public init(ok: Bool = true, message: String) {
        self.ok = ok
        self.message = message
    }
}

/// `follow`'s immediate answer.
public struct FollowResult: Sendable, Codable, Equatable {
    /// Always true; notifications follow.
    public var subscribed: Bool
    /// Creates a result.
    public init(subscribed: Bool = true) { self.subscribed = subscribed }
}

/// A `dropped` notification's params: events a slow `follow` client lost.
public struct DroppedParams: Sendable, Codable, Equatable {
    /// How many `article` notifications were dropped since the last one delivered.
    public var count: Int
    /// Creates params.
    public init(count: Int) { self.count = count }
}

/// `metrics`: Prometheus text exposition.
public struct MetricsResult: Sendable, Codable, Equatable {
    /// The exposition text.
    public var text: String
    /// Creates a result.
    public init(text: String) { self.text = text }
}
