/// One news article as newsd understands it: the fields `newsctl show` prints, without the storage
/// bookkeeping (id, path, revision), which the store adds.
///
/// Dates are strings on purpose: `published` is either an instant in UTC (`2025-05-19T16:13:00Z`)
/// or, when the text gives a day without a time, just that day (`2025-05-19`). Both sort as text.
public struct Article: Sendable, Codable, Equatable, Hashable {
    /// Whether the page is a live blog (a stream of timestamped entries) or an ordinary article.
    public enum Kind: String, Sendable, Codable, Hashable {
        case live
        case article
    }

    /// A social-media post quoted inside the article (`— Name (@handle) May 19, 2025`).
    public struct EmbeddedPost: Sendable, Codable, Equatable, Hashable {
        /// Display name of the poster, e.g. `The White House`.
        public var author: String?
        /// Handle without the `@`, e.g. `WhiteHouse`.
        public var handle: String?
        /// The post's own date as printed (`May 19, 2025`), never the article's date.
        public var date: String?
        /// The post's text, including its `pic.twitter.com` line when there is one.
        public var text: String

        /// Creates a post; every field but the text may be unknown.
        public init(author: String?, handle: String?, date: String?, text: String) {
            self.author = author
            self.handle = handle
            self.date = date
            self.text = text
        }
    }

    /// A direct quotation and the person it is attributed to (canonical name), when known.
    public struct Quote: Sendable, Codable, Equatable, Hashable {
        /// Canonical name of the speaker, or nil when the text does not say who spoke.
        public var speaker: String?
        /// The quoted words without their quotation marks.
        public var text: String

        /// Creates a quote.
        public init(speaker: String?, text: String) {
            self.speaker = speaker
            self.text = text
        }
    }

    /// Headline, or the lede's first sentence when the page has no headline.
    public var title: String?
    /// The outlet that published the page (`Sky News`), only from its own signatures.
    public var source: String?
    /// The page's address when metadata gave one.
    public var url: String?
    /// Bylined authors, names only (roles and agencies dropped).
    public var authors: [String]
    /// ISO 8601 UTC instant, or `YYYY-MM-DD` for a day without a time; nil when the text does not say.
    public var published: String?
    /// Same form as `published`, from an `Updated …` line.
    public var updated: String?
    /// Summary bullets (live pages, Reuters `Summary` blocks).
    public var summary: [String]
    /// Question lines and section heads, in order (those of the story's text stand in `body` too).
    public var subheadings: [String]
    /// The text in reading order, page debris removed: the paragraphs, with each subheading between
    /// them where it stands.
    public var body: [String]
    /// Photo captions (`FILE PHOTO: … REUTERS/Name`).
    public var captions: [String]
    /// Quoted social posts.
    public var embeddedPosts: [EmbeddedPost]
    /// `live` or `article`.
    public var kind: Kind
    /// Canonical person names, first mention first.
    public var people: [String]
    /// Canonical place names, first mention first.
    public var places: [String]
    /// Canonical organisation names, first mention first.
    public var organisations: [String]
    /// Direct quotations with their speakers.
    public var quotes: [Quote]
    /// ISO 639-1 code (`en`), or nil when it cannot be told.
    public var language: String?
    /// Words in title, summary, subheadings and the body's paragraphs (a subheading counts once).
    public var wordCount: Int
    /// Hex SHA-256 of the body's normalised paragraphs, equal for byte-different copies of one text.
    public var contentHash: String

    /// Creates an article; every list defaults to empty.
    public init(
        title: String? = nil, source: String? = nil, url: String? = nil, authors: [String] = [],
        published: String? = nil, updated: String? = nil, summary: [String] = [], subheadings: [String] = [],
        body: [String] = [], captions: [String] = [], embeddedPosts: [EmbeddedPost] = [], kind: Kind = .article,
        people: [String] = [], places: [String] = [], organisations: [String] = [], quotes: [Quote] = [],
        language: String? = nil, wordCount: Int = 0, contentHash: String = ""
    ) {
        self.title = title
        self.source = source
        self.url = url
        self.authors = authors
        self.published = published
        self.updated = updated
        self.summary = summary
        self.subheadings = subheadings
        self.body = body
        self.captions = captions
        self.embeddedPosts = embeddedPosts
        self.kind = kind
        self.people = people
        self.places = places
        self.organisations = organisations
        self.quotes = quotes
        self.language = language
        self.wordCount = wordCount
        self.contentHash = contentHash
    }

    enum CodingKeys: String, CodingKey {
        case title, source, url, authors, published, updated, summary, subheadings, body, captions
        case embeddedPosts = "embedded_posts"
        case kind, people, places, organisations, quotes, language
        case wordCount = "word_count"
        case contentHash = "content_hash"
    }
}

extension Article {
    /// Encodes every key, unknown values as `null`, so clients can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(authors, forKey: .authors)
        try c.encode(published, forKey: .published)
        try c.encode(updated, forKey: .updated)
        try c.encode(summary, forKey: .summary)
        try c.encode(subheadings, forKey: .subheadings)
        try c.encode(body, forKey: .body)
        try c.encode(captions, forKey: .captions)
        try c.encode(embeddedPosts, forKey: .embeddedPosts)
        try c.encode(kind, forKey: .kind)
        try c.encode(people, forKey: .people)
        try c.encode(places, forKey: .places)
        try c.encode(organisations, forKey: .organisations)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(language, forKey: .language)
        try c.encode(wordCount, forKey: .wordCount)
        try c.encode(contentHash, forKey: .contentHash)
    }
}
