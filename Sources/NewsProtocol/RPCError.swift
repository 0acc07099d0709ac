/// A JSON-RPC 2.0 error object: an integer `code`, a human `message`, and in `data.name` a stable
/// snake_case word that scripts match on (and newsctl prints as `newsctl: NAME: MESSAGE`).
public struct RPCError: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    /// Stable error names. The integer code follows from the name; docs/protocol.md lists when each
    /// is used. New names may be added; existing names and codes never change.
    public enum Name: String, Sendable, Codable, CaseIterable {
        case parseError = "parse_error"
        case invalidRequest = "invalid_request"
        case methodNotFound = "method_not_found"
        case invalidParams = "invalid_params"
        case `internal` = "internal"
        case notFound = "not_found"
        case forbidden = "forbidden"
        case busy = "busy"
        case tooLarge = "too_large"
        case badQuery = "bad_query"
        case unavailable = "unavailable"
        case badConfig = "bad_config"
        /// A query over the cost bounds (too many words, a NEAR distance too large).
        case tooComplex = "too_complex"
        /// A read ran past `query_timeout_ms` and was stopped.
        case timeout = "timeout"

        /// The JSON-RPC integer code: the standard ones, and -32000…-32099 for newsd's own.
        public var code: Int {
            switch self {
            case .parseError: -32700
            case .invalidRequest: -32600
            case .methodNotFound: -32601
            case .invalidParams: -32602
            case .internal: -32603
            case .notFound: -32001
            case .forbidden: -32002
            case .busy: -32003
            case .tooLarge: -32004
            case .badQuery: -32005
            case .unavailable: -32006
            case .badConfig: -32007
            case .tooComplex: -32008
            case .timeout: -32009
            }
        }
    }

    /// `data` of the error: the stable name.
    public struct Data: Sendable, Codable, Equatable {
        /// The stable name as a string, so unknown future names still decode.
        public var name: String
    }

    /// JSON-RPC integer code.
    public var code: Int
    /// Human explanation.
    public var message: String
    /// Carries the stable name.
    public var data: Data

    /// Creates an error with the code its name implies.
    public init(_ name: Name, _ message: String) {
        self.code = name.code
        self.message = message
        self.data = Data(name: name.rawValue)
    }

    /// The stable name (`not_found`).
    public var name: String { data.name }

    /// The stable name, if this build knows it (a newer daemon may send names an older newsctl does not).
    public var knownName: Name? { Name(rawValue: data.name) }

    /// `NAME: MESSAGE`, as newsctl prints it.
    public var description: String { "\(data.name): \(message)" }
}
