import Foundation
import NewsProtocol

/// Turns one request line into a request, classifying what is wrong with a bad one the way
/// JSON-RPC 2.0 asks: not JSON → parse error; JSON but not a request → invalid request.
enum RequestReader {
    static func read(_ line: Data) throws(RPCError) -> RPCRequest {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: line)
        } catch {
            throw RPCError(.parseError, "not valid JSON")
        }
        guard case .object(let object) = value else {
            throw RPCError(.invalidRequest, "a request is a JSON object")
        }
        guard case .string("2.0") = object["jsonrpc"] else {
            throw RPCError(.invalidRequest, "\"jsonrpc\" must be \"2.0\"")
        }
        guard case .string(let method) = object["method"] else {
            throw RPCError(.invalidRequest, "\"method\" must be a string")
        }
        var id: JSONValue?
        switch object["id"] {
        case nil: id = nil
        case .string, .number, .null: id = object["id"]
        default: throw RPCError(.invalidRequest, "\"id\" must be a string, a number or null")
        }
        var params: [String: JSONValue]?
        switch object["params"] {
        case nil, .null: params = nil
        case .object(let p): params = p
        default: throw RPCError(.invalidParams, "\"params\" must be an object of named params")
        }
        return RPCRequest(id: id, method: method, params: params)
    }

    /// The id of a line that failed to read, when one can be found (else null).
    static func id(in line: Data) -> JSONValue {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: line) else { return .null }
        switch object["id"] {
        case .string(let s)?: return .string(s)
        case .number(let n)?: return .number(n)
        default: return .null
        }
    }
}
