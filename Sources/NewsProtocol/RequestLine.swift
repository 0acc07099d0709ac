import Foundation

extension RPCRequest {
    /// Reads one request line (without its `\n`), classifying what is wrong with a bad one the way
    /// JSON-RPC 2.0 asks: not JSON (or not UTF-8) → `parse_error`; JSON but not a request object →
    /// `invalid_request`; `params` that are not an object of named params → `invalid_params`.
    /// Batches (arrays) are not supported and are `invalid_request`.
    /// - Throws: `RPCError` with one of those three names; never anything else.
    public static func read(line: Data) throws(RPCError) -> RPCRequest {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: line)
        } catch {
            throw RPCError(.parseError, "not valid JSON")
        }
        guard case .object(let object) = value else {
            if case .array = value {
                throw RPCError(.invalidRequest, "batches are not supported: send one request object per line")
            }
            throw RPCError(.invalidRequest, "a request is a JSON object")
        }
        guard case .string("2.0") = object["jsonrpc"] else {
            throw RPCError(.invalidRequest, "\"jsonrpc\" must be \"2.0\"")
        }
        guard case .string(let method) = object["method"] else {
            throw RPCError(.invalidRequest, "\"method\" must be a string")
        }
        let id: JSONValue?
        switch object["id"] {
        case nil: id = nil
        case .string?, .number?, .null?: id = object["id"]
        default: throw RPCError(.invalidRequest, "\"id\" must be a string, a number or null")
        }
        let params: [String: JSONValue]?
        switch object["params"] {
        case nil, .null?: params = nil
        case .object(let p)?: params = p
        default: throw RPCError(.invalidParams, "\"params\" must be an object of named params")
        }
        return RPCRequest(id: id, method: method, params: params)
    }

    /// The id of a line that failed to read, when one can be found (else null), so the error
    /// response can still be matched to its request.
    public static func id(inLine line: Data) -> JSONValue {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: line) else { return .null }
        switch object["id"] {
        case .string(let s)?: return .string(s)
        case .number(let n)?: return .number(n)
        default: return .null
        }
    }
}
