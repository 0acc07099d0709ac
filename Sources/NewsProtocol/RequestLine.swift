import FoundationEssentials

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
        var request = RPCRequest(id: id, method: method, params: params)
        request.idText = id == nil ? nil : idText(inLine: line)
        return request
    }

    /// The id of a line exactly as the client wrote it: the JSON text of a string, a number (of any
    /// size: `9007199254740993` stays itself) or null, so the answer carries it back unchanged.
    /// `null` when the line is not JSON, has no top-level `id`, or an id of another type.
    public static func idText(inLine line: Data) -> String {
        var scanner = RawObjectScanner(Array(line))
        guard let raw = scanner.value(forKey: "id"), let first = raw.first else { return "null" }
        switch first {
        case UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Only text that parses as one JSON value is echoed (the line may not be JSON at all).
            guard (try? JSONDecoder().decode(JSONValue.self, from: Data(raw))) != nil else { return "null" }
            return String(decoding: raw, as: UTF8.self)
        default:
            return "null"
        }
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

/// Finds the raw bytes of one top-level member of a JSON object without decoding the rest: the
/// way to echo a request id exactly, which a decoder would round through a Double.
struct RawObjectScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The value's text for `key` (the last one when repeated); nil when not an object or absent.
    mutating func value(forKey key: String) -> ArraySlice<UInt8>? {
        skipSpace()
        guard next() == UInt8(ascii: "{") else { return nil }
        var found: ArraySlice<UInt8>?
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let name = string() else { return found }
            skipSpace()
            guard next() == UInt8(ascii: ":") else { return found }
            skipSpace()
            let start = i
            guard skipValue() else { return found }
            if Self.decodedKey(name) == key { found = bytes[start..<i] }
            skipSpace()
            guard next() == UInt8(ascii: ",") else { return found }
        }
    }

    private static func decodedKey(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data(raw))
    }

    private mutating func next() -> UInt8? {
        guard i < bytes.count else { return nil }
        defer { i += 1 }
        return bytes[i]
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    /// A string with its quotes, or nil when it never closes.
    private mutating func string() -> ArraySlice<UInt8>? {
        let start = i
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""):
                i += 1
                return bytes[start..<i]
            default: i += 1
            }
        }
        return nil
    }

    private mutating func skipValue() -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    if string() == nil { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return true
                    }
                default: break
                }
                i += 1
            }
            return false
        default:
            let start = i
            while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D]
                .contains(bytes[i])
            {
                i += 1
            }
            return i > start
        }
    }
}
