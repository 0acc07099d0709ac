import FoundationEssentials

/// A method's params: named by the newsctl option long names. Unknown keys are `invalid_params`.
public protocol RPCParams: Codable, Sendable {
    /// The keys this method accepts.
    static var keys: Set<String> { get }
}

extension ProtocolCoding {
    /// Decodes and checks a method's params: unknown keys and wrong types are `invalid_params`.
    public static func params<T: RPCParams>(_ type: T.Type, from params: [String: JSONValue]?) throws(RPCError) -> T {
        if let unknown = params?.keys.filter({ !T.keys.contains($0) }).sorted().first {
            throw RPCError(.invalidParams, "unknown param \"\(unknown)\"")
        }
        do {
            let data = try encode(params ?? [:])
            return try decode(type, from: data)
        } catch let error as DecodingError {
            // A fraction or a huge number where an integer belongs fails without naming its key.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let (key, value) = params?.sorted(by: { $0.key < $1.key }).first(where: { $0.value.isNonInteger })
            {
                throw RPCError(.invalidParams, "\(key): expected an integer, got \(value.compactText)")
            }
            throw RPCError(.invalidParams, describe(error))
        } catch {
            throw RPCError(.invalidParams, "\(error)")
        }
    }
}

/// No params (`hello`, `sources`, `failed`, `rescan`, `reindex`, `pause`, `resume`, `reload`, `metrics`).
public struct NoParams: RPCParams, Equatable {
    public static let keys: Set<String> = []
    /// Creates empty params.
    public init() {}
}

/// `status`: the daemon's state, or with `path` one file's.
public struct StatusParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["path"]
    /// A file path (absolute, or relative to the inbox) to report on.
    public var path: String?
    /// Creates params.
    public init(path: String? = nil) { self.path = path }
}

/// `query`: full-text search in the query language for people (`SearchQuery`), or raw FTS5 with
/// `fts: true`, and filters; without `text`, newest first.
public struct QueryParams: RPCParams, Equatable {
    public static let keys: Set<String> = [
        "text", "fts", "source", "since", "until", "person", "limit", "offset", "story", "all",
    ]
    /// The largest `limit` accepted.
    public static let maxLimit = 10_000
    /// Query text (see `SearchQuery`); nil or empty lists every article newest first.
    public var text: String?
    /// True: `text` is raw FTS5 syntax, passed to SQLite as it is (default false).
    public var fts: Bool?
    /// Only articles of this outlet (case-insensitive).
    public var source: String?
    /// Only articles published at or after this ISO 8601 date or instant.
    public var since: String?
    /// Only articles published before this ISO 8601 date or instant.
    public var until: String?
    /// Only articles naming this person (canonical name or a known variant).
    public var person: String?
    /// At most this many results (default 20, at most 10,000).
    public var limit: Int?
    /// Skip this many results first (default 0).
    public var offset: Int?
    /// Only articles of this story.
    public var story: Int64?
    /// True: every copy of an article is a result of its own; by default a group of exact
    /// duplicates is one result (its first article) with a `duplicates` count.
    public var all: Bool?

    /// Creates params.
    public init(
        text: String? = nil, fts: Bool? = nil, source: String? = nil, since: String? = nil, until: String? = nil,
        person: String? = nil, limit: Int? = nil, offset: Int? = nil, story: Int64? = nil, all: Bool? = nil
    ) {
        self.story = story
        self.all = all
        self.text = text
        self.fts = fts
        self.source = source
        self.since = since
        self.until = until
        self.person = person
        self.limit = limit
        self.offset = offset
    }

    /// Checks ranges and times; `since` and `until` come back normalised (see `TimeBound`).
    /// - Throws: `invalid_params` naming the param.
    public func validated() throws(RPCError) -> QueryParams {
        if let limit, !(1...Self.maxLimit).contains(limit) {
            throw RPCError(.invalidParams, "limit: must be between 1 and \(Self.maxLimit)")
        }
        if let offset, offset < 0 { throw RPCError(.invalidParams, "offset: must not be negative") }
        var checked = self
        if let since {
            guard let bound = TimeBound.normalized(since) else {
                throw RPCError(.invalidParams, TimeBound.complaint("since", since))
            }
            checked.since = bound
        }
        if let until {
            guard let bound = TimeBound.normalized(until) else {
                throw RPCError(.invalidParams, TimeBound.complaint("until", until))
            }
            checked.until = bound
        }
        return checked
    }
}

/// `show`: one article by id.
public struct ShowParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["id"]
    /// The article id.
    public var id: Int64
    /// Creates params.
    public init(id: Int64) { self.id = id }
}

/// `stories`: the stories, newest first.
public struct StoriesParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["since", "limit"]
    /// Only stories whose last article was published at or after this ISO 8601 date or instant.
    public var since: String?
    /// At most this many stories (default 20, at most 10,000).
    public var limit: Int?
    /// Creates params.
    public init(since: String? = nil, limit: Int? = nil) {
        self.since = since
        self.limit = limit
    }

    /// Checks the limit and normalises `since`.
    /// - Throws: `invalid_params` naming the param.
    public func validated() throws(RPCError) -> StoriesParams {
        if let limit, !(1...QueryParams.maxLimit).contains(limit) {
            throw RPCError(.invalidParams, "limit: must be between 1 and \(QueryParams.maxLimit)")
        }
        var checked = self
        if let since {
            guard let bound = TimeBound.normalized(since) else {
                throw RPCError(.invalidParams, TimeBound.complaint("since", since))
            }
            checked.since = bound
        }
        return checked
    }
}

/// `story`: one story by id, with its articles.
public struct StoryParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["id"]
    /// The story id.
    public var id: Int64
    /// Creates params.
    public init(id: Int64) { self.id = id }
}

/// `entities`: the most named people, places or organisations.
public struct EntitiesParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["kind", "top"]
    /// `person`, `place` or `org`; nil for all three.
    public var kind: String?
    /// How many per kind (default 20).
    public var top: Int?
    /// Creates params.
    public init(kind: String? = nil, top: Int? = nil) {
        self.kind = kind
        self.top = top
    }
}

/// `follow`: stream newly ingested articles, optionally only those matching `text`.
public struct FollowParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["text", "fts"]
    /// Query text (see `SearchQuery`) the new articles must match.
    public var text: String?
    /// True: `text` is raw FTS5 syntax (default false).
    public var fts: Bool?
    /// Creates params.
    public init(text: String? = nil, fts: Bool? = nil) {
        self.text = text
        self.fts = fts
    }
}

/// `retry`: put one quarantined file (by its file id) or all of them back into the inbox.
public struct RetryParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["id", "all"]
    /// The failed file's id as `failed` lists it.
    public var id: Int64?
    /// Retry every quarantined file.
    public var all: Bool?
    /// Creates params.
    public init(id: Int64? = nil, all: Bool? = nil) {
        self.id = id
        self.all = all
    }
}

/// `since` and `until` bounds: an ISO 8601 day (`2025-05-19`, also `2025-05` or `2025`) or instant
/// (`2025-05-19T16:00`, `…:30Z`, `…+02:00`; no zone means UTC). Stored `published` values are
/// UTC strings (`2025-05-19T16:13:00Z` or a bare day), so bounds are compared as strings: days
/// stay days, instants become `YYYY-MM-DDTHH:MM:SSZ`.
public enum TimeBound {
    /// The bound in the stored form, or nil when `text` is no ISO 8601 date or instant.
    public static func normalized(_ text: String) -> String? {
        let t = text.trimmedOfSpaces
        let digits = t.map { $0.isASCII && $0.isNumber }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count, digits[range].allSatisfy({ $0 }) else { return nil }
            let start = t.index(t.startIndex, offsetBy: range.lowerBound)
            return Int(t[start..<t.index(start, offsetBy: range.count)])
        }
        func at(_ i: Int) -> Character? { i < t.count ? t[t.index(t.startIndex, offsetBy: i)] : nil }
        guard t.unicodeScalars.allSatisfy(\.isASCII), let year = number(0..<4) else { return nil }
        if t.count == 4 { return t }
        guard at(4) == "-", let month = number(5..<7), (1...12).contains(month) else { return nil }
        if t.count == 7 { return t }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard at(7) == "-", let day = number(8..<10),
            let firstOfMonth = calendar.date(from: DateComponents(year: year, month: month)),
            calendar.range(of: .day, in: .month, for: firstOfMonth)?.contains(day) == true
        else { return nil }
        if t.count == 10 { return t }
        guard at(10) == "T" || at(10) == " ", let hour = number(11..<13), hour < 24, at(13) == ":",
            let minute = number(14..<16), minute < 60
        else { return nil }
        var i = 16
        var second = 0
        if at(i) == ":" {
            guard let s = number(17..<19), s < 61 else { return nil }
            second = min(s, 59)
            i = 19
            if at(i) == "." || at(i) == "," {
                i += 1
                let start = i
                while let c = at(i), c.isASCII, c.isNumber { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offsetMinutes = 0
        switch at(i) {
        case nil: break
        case "Z"?, "z"?:
            guard i + 1 == t.count else { return nil }
        case "+"?, "-"?:
            let sign = at(i) == "-" ? -1 : 1
            guard let h = number(i + 1..<i + 3), h < 24 else { return nil }
            var j = i + 3
            if at(j) == ":" { j += 1 }
            guard let m = number(j..<j + 2), m < 60, j + 2 == t.count else { return nil }
            offsetMinutes = sign * (h * 60 + m)
        default:
            return nil
        }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let local = calendar.date(from: components) else { return nil }
        let utc = local.addingTimeInterval(TimeInterval(-offsetMinutes * 60))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: utc)
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(c.year!, 4))-\(padded(c.month!, 2))-\(padded(c.day!, 2))T"
            + "\(padded(c.hour!, 2)):\(padded(c.minute!, 2)):\(padded(c.second!, 2))Z"
    }


    static func complaint(_ key: String, _ value: String) -> String {
        "\(key): \"\(value)\" is not an ISO 8601 date or time (like 2025-05-19 or 2025-05-19T16:00:00Z)"
    }
}

extension JSONValue {
    /// A number that no integer param accepts (a fraction, or beyond 64 bits).
    var isNonInteger: Bool {
        guard case .number(let n) = self else { return false }
        return n.rounded() != n || abs(n) >= 9.2e18
    }

    /// The value as compact JSON, for error messages.
    var compactText: String {
        (try? ProtocolCoding.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? typeName
    }
}

extension String {
    /// The text without the spaces and tabs around it, as Foundation's `.whitespaces` trims
    /// (Unicode space separators and the tab; line breaks stay). newsctl and the protocol share it.
    package var trimmedOfSpaces: String {
        func isSpace(_ c: Character) -> Bool {
            c == "\t" || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
