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

/// `query`: full-text search (FTS5 syntax) and filters; without `text`, newest first.
public struct QueryParams: RPCParams, Equatable {
    public static let keys: Set<String> = ["text", "source", "since", "until", "person", "limit", "offset"]
    /// The largest `limit` accepted.
    public static let maxLimit = 10_000
    /// FTS5 query text; nil or empty lists every article newest first.
    public var text: String?
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

    /// Creates params.
    public init(
        text: String? = nil, source: String? = nil, since: String? = nil, until: String? = nil,
        person: String? = nil, limit: Int? = nil, offset: Int? = nil
    ) {
        self.text = text
        self.source = source
        self.since = since
        self.until = until
        self.person = person
        self.limit = limit
        self.offset = offset
    }

    /// Checks ranges; throws `invalid_params` naming the param.
    public func validated() throws(RPCError) -> QueryParams {
        if let limit, !(1...Self.maxLimit).contains(limit) {
            throw RPCError(.invalidParams, "limit: must be between 1 and \(Self.maxLimit)")
        }
        if let offset, offset < 0 { throw RPCError(.invalidParams, "offset: must not be negative") }
        return self
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
    public static let keys: Set<String> = ["text"]
    /// FTS5 query text the new articles must match.
    public var text: String?
    /// Creates params.
    public init(text: String? = nil) { self.text = text }
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
