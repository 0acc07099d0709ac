import FoundationEssentials

/// The control protocol's version; `hello` returns it. Bumped only for incompatible changes.
public let protocolVersion = 1

/// newsd's release version, shared by both binaries.
public let newsdVersion = "0.1.0"

/// The largest request line the server accepts (1 MiB); longer lines get `too_large`.
public let maxRequestLineBytes = 1 << 20

/// Methods of the control protocol: the newsctl command names.
public enum RPCMethod: String, Sendable, Codable, CaseIterable {
    case hello, status, query, show, sources, entities, follow, failed, retry, rescan, reindex, pause, resume, reload
    case metrics, stories, story, relink

    /// Methods that change state: only root, newsd's own uid, `admin_uids` and `admin_gids` may call them.
    public var isAdminOnly: Bool {
        switch self {
        case .retry, .rescan, .reindex, .pause, .resume, .reload, .relink: true
        default: false
        }
    }
}

/// One request line: `{"jsonrpc":"2.0","id":1,"method":"query","params":{"text":"ceasefire"}}`.
public struct RPCRequest: Sendable, Codable {
    /// Always "2.0".
    public var jsonrpc: String = "2.0"
    /// Echoed in the response; nil for a notification.
    public var id: JSONValue?
    /// The method name.
    public var method: String
    /// Named params (the command's long option names).
    public var params: [String: JSONValue]?
    /// The id exactly as the client wrote it (JSON text), set by `read(line:)`; nil for a notification.
    public var idText: String?

    enum CodingKeys: String, CodingKey {
        case jsonrpc, id, method, params
    }

    /// Creates a request.
    public init(id: JSONValue?, method: String, params: [String: JSONValue]? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// One response line, carrying either a result or an error.
public struct RPCResponse<Result: Codable & Sendable>: Sendable, Codable {
    /// Always "2.0".
    public var jsonrpc: String = "2.0"
    /// The request's id (null when the request could not be read).
    public var id: JSONValue
    /// The answer, when the call succeeded.
    public var result: Result?
    /// The failure, when it did not.
    public var error: RPCError?

    /// Creates a successful response.
    public init(id: JSONValue, result: Result) {
        self.id = id
        self.result = result
    }

    /// Creates an error response.
    public init(id: JSONValue, error: RPCError) {
        self.id = id
        self.error = error
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jsonrpc, forKey: .jsonrpc)
        try c.encode(id, forKey: .id)
        if let error { try c.encode(error, forKey: .error) } else { try c.encode(result, forKey: .result) }
    }
}

/// A server-to-client notification (`follow` streams): no id.
public struct RPCNotification<Params: Codable & Sendable>: Sendable, Codable {
    /// Always "2.0".
    public var jsonrpc: String = "2.0"
    /// `article` or `dropped`.
    public var method: String
    /// The notification's payload.
    public var params: Params

    /// Creates a notification.
    public init(method: String, params: Params) {
        self.method = method
        self.params = params
    }
}

/// The encoders both sides use, so output is stable (sorted keys, unescaped slashes).
public enum ProtocolCoding {
    /// Encodes one compact JSON document.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Encodes one JSON document for people to read.
    public static func encodePretty(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }

    /// Decodes one JSON document.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// One line naming the key a decoding error is about.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ p: [any CodingKey]) -> String { p.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .typeMismatch(let type, let ctx):
            return "\(path(ctx.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let ctx):
            return "\(path(ctx.codingPath)): expected \(typeName(type)), got null"
        case .keyNotFound(let key, let ctx):
            return "missing \(path(ctx.codingPath + [key]))"
        case .dataCorrupted(let ctx):
            let p = path(ctx.codingPath)
            return p.isEmpty ? ctx.debugDescription : "\(p): \(ctx.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is UInt32.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Double.Type: "a number"
        default: "\(type)"
        }
    }
}
