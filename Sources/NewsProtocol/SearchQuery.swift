/// The query language for people, compiled to an FTS5 expression and filters. Every input string is
/// valid: words are ANDed, `"a phrase"` (an unbalanced quote closes itself), `-word` or `NOT word`,
/// `a OR b`, `word*` (prefix), field prefixes (`title:`, `source:`, `person:`, `place:`, `org:`,
/// `after:`, `before:`, `story:`). A word with inner punctuation (`Trump-Putin`, `U.S.`, `30-day`,
/// `Zelenskyy's`) is the phrase of its parts, as the index split them. An unknown `field:` is a
/// word; so is a field whose value does not fit it (`after:soon`). Only the cost bounds refuse a
/// query (`too_complex`), never its syntax.
public struct SearchQuery: Sendable, Equatable {
    /// An article must (or, negated, must not) name this entity.
    public struct Entity: Sendable, Equatable, CustomStringConvertible {
        /// `person`, `place` or `org`, as stored.
        public var kind: String
        /// The name as typed: matched whole (any case) or as the last word(s) of a stored name.
        public var name: String

        /// Creates a filter.
        public init(kind: String, name: String) {
            self.kind = kind
            self.name = name
        }

        public var description: String { "\(kind):\(name)" }
    }

    /// How big a query may be. Past these a query answers `too_complex` instead of running for
    /// seconds (an FTS5 phrase or AND of many terms costs far more than its length suggests).
    public struct Limits: Sendable, Equatable {
        /// Words in all phrases and terms together (default 64).
        public var words: Int
        /// Words in one phrase (default 32).
        public var phraseWords: Int
        /// The largest NEAR distance of a raw FTS5 query (default 100).
        public var nearDistance: Int

        /// The defaults.
        public static let standard = Limits(words: 64, phraseWords: 32, nearDistance: 100)

        /// Creates limits.
        public init(words: Int, phraseWords: Int, nearDistance: Int) {
            self.words = words
            self.phraseWords = phraseWords
            self.nearDistance = nearDistance
        }
    }

    /// The FTS5 expression articles must match; nil when the query names no searchable words.
    public var match: String?
    /// The FTS5 expression articles must not match, when the query has only negated words (FTS5
    /// cannot express "NOT x" alone). Nil otherwise: with positive words, negations are in `match`.
    public var exclude: String?
    /// Articles of any of these outlets (case-insensitive); empty for all.
    public var sources: [String] = []
    /// Articles of none of these outlets.
    public var excludedSources: [String] = []
    /// Entities an article must name, all of them.
    public var entities: [Entity] = []
    /// Entities an article must not name.
    public var excludedEntities: [Entity] = []
    /// Published at or after this instant (ISO 8601 UTC), from `after:`.
    public var since: String?
    /// Published before this instant (ISO 8601 UTC), from `before:`.
    public var until: String?
    /// Articles of this story (`story:12`); a negated `story:` excludes one.
    public var story: Int64?
    /// Articles of none of these stories.
    public var excludedStories: [Int64] = []

    /// Creates a compiled query (tests build expected values with it).
    public init(
        match: String? = nil, exclude: String? = nil, sources: [String] = [], excludedSources: [String] = [],
        entities: [Entity] = [], excludedEntities: [Entity] = [], since: String? = nil, until: String? = nil,
        story: Int64? = nil, excludedStories: [Int64] = []
    ) {
        self.story = story
        self.excludedStories = excludedStories
        self.match = match
        self.exclude = exclude
        self.sources = sources
        self.excludedSources = excludedSources
        self.entities = entities
        self.excludedEntities = excludedEntities
        self.since = since
        self.until = until
    }

    /// True when the query neither searches text nor filters anything.
    public var isEmpty: Bool { self == SearchQuery() }

    /// Compiles what a person typed.
    /// - Throws: `too_complex` when the query has more words than `limits` allow.
    public static func compile(_ text: String, limits: Limits = .standard) throws(RPCError) -> SearchQuery {
        var compiler = Compiler(limits: limits)
        return try compiler.compile(Lexer.tokens(of: text))
    }

    /// Checks a raw FTS5 query (`fts: true`) against the cost bounds; its syntax is FTS5's business.
    /// - Throws: `too_complex` for too many words or a NEAR distance over the limit.
    public static func checkRaw(_ text: String, limits: Limits = .standard) throws(RPCError) {
        let words = Lexer.words(of: text)
        let operators: Set<Substring> = ["AND", "OR", "NOT", "NEAR"]
        let count = words.filter { !operators.contains($0) && !$0.allSatisfy(\.isNumber) }
            .reduce(0) { $0 + IndexText.tokenCount($1) }
        if count > limits.words {
            throw RPCError(.tooComplex, "query has \(count) words; at most \(limits.words) are searched at once")
        }
        // NEAR(a b c, N): the distance is the number after the group's last comma.
        var rest = Substring(text)
        while let near = rest.firstRange(of: "NEAR") {
            rest = rest[near.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            let group = rest[..<close]
            if let comma = group.lastIndex(of: ",") {
                let digits = group[group.index(after: comma)...].trimmingSpaces
                if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit),
                    digits.count > 9 || Int(digits)! > limits.nearDistance
                {
                    throw RPCError(.tooComplex, "NEAR distance \(digits) is over \(limits.nearDistance)")
                }
            }
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// One lexical unit of a typed query.
enum QueryToken: Equatable {
    /// A bare word as typed (never empty, no whitespace, no `"`).
    case word(Substring)
    /// A quoted phrase's inside; `field` when written `field:"…"`; `negated` when `-"…"`.
    case phrase(Substring, field: Substring?, negated: Bool)
}

enum Lexer {
    /// Splits on whitespace and quotes; parentheses outside quotes separate words too.
    static func tokens(of text: String) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace || c == "(" || c == ")" {
                i = text.index(after: i)
                continue
            }
            if c == "\"" {
                let (inside, next) = phrase(in: text, from: text.index(after: i))
                tokens.append(.phrase(inside, field: nil, negated: false))
                i = next
                continue
            }
            var end = i
            while end < text.endIndex, !text[end].isWhitespace, text[end] != "\"", text[end] != "(", text[end] != ")" {
                end = text.index(after: end)
            }
            let word = text[i..<end]
            // `field:"a phrase"` and `-"a phrase"`: the quote belongs to the prefix before it.
            if end < text.endIndex, text[end] == "\"", word.hasSuffix(":") || word == "-" {
                let (inside, next) = phrase(in: text, from: text.index(after: end))
                if word == "-" {
                    tokens.append(.phrase(inside, field: nil, negated: true))
                } else {
                    let negated = word.hasPrefix("-")
                    let field = word.dropFirst(negated ? 1 : 0).dropLast()
                    tokens.append(.phrase(inside, field: field, negated: negated))
                }
                i = next
                continue
            }
            tokens.append(.word(word))
            i = end
        }
        return tokens
    }

    /// The inside of a phrase that starts after its opening quote, and where reading goes on. An
    /// unbalanced quote closes itself at the end of the text.
    private static func phrase(in text: String, from start: String.Index) -> (Substring, String.Index) {
        guard let close = text[start...].firstIndex(of: "\"") else { return (text[start...], text.endIndex) }
        return (text[start..<close], text.index(after: close))
    }

    /// The runs of letters and digits, as the index's tokenizer (unicode61) splits text into words.
    static func words(of text: some StringProtocol) -> [Substring] {
        let s = Substring(text)
        var words: [Substring] = []
        var start: Substring.Index?
        var i = s.startIndex
        while i < s.endIndex {
            if isWordCharacter(s[i]) {
                if start == nil { start = i }
            } else if let from = start {
                words.append(s[from..<i])
                start = nil
            }
            i = s.index(after: i)
        }
        if let from = start { words.append(s[from...]) }
        return words
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

/// Turns tokens into the FTS5 expression and filters.
private struct Compiler {
    /// One searchable term: the words of a phrase, maybe limited to a column, maybe a prefix.
    struct Term: Equatable {
        var words: [Substring]
        var column: String?
        var prefix: Bool

        var fts: String {
            let phrase = "\"" + IndexText.spaced(words.joined(separator: " ")) + "\"" + (prefix ? "*" : "")
            return column.map { "\($0) : \(phrase)" } ?? phrase
        }
    }

    enum Item {
        case term(Term)
        case source(String)
        case entity(SearchQuery.Entity)
        case since(String)
        case until(String)
        case story(Int64)
        case nothing
    }

    let limits: SearchQuery.Limits
    var words = 0
    var query = SearchQuery()
    /// Positive terms: each group is alternatives joined by OR; groups are ANDed.
    var groups: [[Term]] = []
    var negatives: [Term] = []

    init(limits: SearchQuery.Limits) { self.limits = limits }

    mutating func compile(_ tokens: [QueryToken]) throws(RPCError) -> SearchQuery {
        var negateNext = false
        var orPending = false
        for token in tokens {
            var negated = negateNext
            negateNext = false
            let item: Item
            switch token {
            case .word("NOT"):
                negateNext = true
                continue
            case .word("AND"):
                continue
            case .word("OR"):
                orPending = !groups.isEmpty
                continue
            case .word(var word):
                while word.hasPrefix("-") || word.hasPrefix("+") {
                    if word.first == "-" { negated.toggle() }
                    word = word.dropFirst()
                }
                item = try self.item(word: word)
            case .phrase(let inside, let field, let minus):
                if minus { negated.toggle() }
                item = try self.item(field: field, value: inside, quoted: true)
            }
            let joinsOr = orPending
            orPending = false
            switch item {
            case .nothing:
                continue
            case .term(let term):
                if negated {
                    negatives.append(term)
                } else if joinsOr {
                    groups[groups.count - 1].append(term)
                } else {
                    groups.append([term])
                }
            case .source(let s):
                if negated { query.excludedSources.append(s) } else { query.sources.append(s) }
            case .entity(let e):
                if negated { query.excludedEntities.append(e) } else { query.entities.append(e) }
            case .since(let t):
                // Dates are bounds, not terms: a negated `after:` is the other bound.
                if negated { query.until = min(query.until ?? t, t) } else { query.since = max(query.since ?? t, t) }
            case .story(let id):
                if negated { query.excludedStories.append(id) } else { query.story = id }
            case .until(let t):
                if negated { query.since = max(query.since ?? t, t) } else { query.until = min(query.until ?? t, t) }
            }
        }
        let positive = groups.map { group in
            group.count == 1 ? group[0].fts : "(" + group.map(\.fts).joined(separator: " OR ") + ")"
        }
        let negative = negatives.map(\.fts)
        let excluded = negative.count == 1 ? negative[0] : "(" + negative.joined(separator: " OR ") + ")"
        if !positive.isEmpty {
            let all = positive.joined(separator: " AND ")
            if negative.isEmpty {
                query.match = all
            } else {
                query.match = (positive.count == 1 ? all : "(" + all + ")") + " NOT " + excluded
            }
        } else if !negative.isEmpty {
            query.exclude = negative.count == 1 ? negative[0] : negative.joined(separator: " OR ")
        }
        return query
    }

    /// A bare word: maybe `field:value`, maybe `prefix*`.
    mutating func item(word: Substring) throws(RPCError) -> Item {
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
            let field = word[..<colon]
            let value = word[word.index(after: colon)...]
            if !value.isEmpty, Self.fields.contains(field.lowercased()) {
                return try item(field: field, value: value, quoted: false)
            }
        }
        return try term(word, column: nil, quoted: false)
    }

    static let fields: Set<String> = ["title", "source", "person", "place", "org", "after", "before", "since", "until", "story"]

    mutating func item(field: Substring?, value: Substring, quoted: Bool) throws(RPCError) -> Item {
        guard let field else { return try term(value, column: nil, quoted: quoted) }
        let trimmed = String(value.trimmingSpaces)
        switch field.lowercased() {
        case "title":
            return try term(value, column: "title", quoted: quoted)
        case "source":
            return trimmed.isEmpty ? .nothing : .source(trimmed)
        case "person", "place", "org":
            return trimmed.isEmpty ? .nothing : .entity(.init(kind: field.lowercased(), name: trimmed))
        case "after", "since":
            if let t = TimeBound.normalized(trimmed) { return .since(t) }
        case "before", "until":
            if let t = TimeBound.normalized(trimmed) { return .until(t) }
        case "story":
            if let id = Int64(trimmed), id > 0 { return .story(id) }
        default:
            break
        }
        // A field newsd does not know (or a value that does not fit it) is searched as words.
        return try term(Substring(field + ":" + value), column: nil, quoted: quoted)
    }

    mutating func term(_ text: Substring, column: String?, quoted: Bool) throws(RPCError) -> Item {
        var body = text
        var prefix = false
        if !quoted {
            while body.hasSuffix("*") {
                body = body.dropLast()
                prefix = true
            }
        }
        let parts = Lexer.words(of: body)
        guard !parts.isEmpty else { return .nothing }
        // A word of Chinese or Japanese is as many words to the index as it has characters.
        let tokens = parts.reduce(0) { $0 + IndexText.tokenCount($1) }
        if tokens > limits.phraseWords {
            throw RPCError(.tooComplex, "a phrase of \(tokens) words; at most \(limits.phraseWords) are searched")
        }
        words += tokens
        if words > limits.words {
            throw RPCError(.tooComplex, "query has more than \(limits.words) words; search for fewer at once")
        }
        // `U.S.*`: the prefix applies to the last word typed, and only when it ended with `*`.
        return .term(Term(words: parts, column: column, prefix: prefix && Lexer.isWordCharacter(body.last!)))
    }
}
