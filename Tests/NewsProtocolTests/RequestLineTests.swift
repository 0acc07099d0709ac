import Foundation
import NewsProtocol
import Testing

@Suite("Reading request lines")
struct RequestLineTests {
    /// Lines that must be refused, and the stable name they are refused with.
    static let bad: [(String, String)] = [
        ("{bad", "parse_error"),
        ("", "parse_error"),
        ("\u{FFFD}\u{0}garbage", "parse_error"),
        (#"{"jsonrpc":"2.0","method":"hello","id":1}{"again":1}"#, "parse_error"),
        ("[]", "invalid_request"),
        (#"[{"jsonrpc":"2.0","method":"hello","id":1}]"#, "invalid_request"),
        ("\"hello\"", "invalid_request"),
        ("null", "invalid_request"),
        ("42", "invalid_request"),
        (#"{"method":"hello","id":1}"#, "invalid_request"),
        (#"{"jsonrpc":"1.0","method":"hello","id":1}"#, "invalid_request"),
        (#"{"jsonrpc":2,"method":"hello","id":1}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","id":1}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","method":7,"id":1}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","method":"hello","id":true}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","method":"hello","id":{"a":1}}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","method":"hello","id":[1]}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","method":"query","id":1,"params":["ceasefire"]}"#, "invalid_params"),
        (#"{"jsonrpc":"2.0","method":"query","id":1,"params":"ceasefire"}"#, "invalid_params"),
    ]

    @Test("bad lines get the right error", arguments: bad)
    func refuses(line: String, name: String) {
        #expect(throws: RPCError.self) { try RPCRequest.read(line: Data(line.utf8)) }
        do {
            _ = try RPCRequest.read(line: Data(line.utf8))
        } catch {
            #expect(error.name == name, "\(line) → \(error)")
            #expect(error.code == RPCError.Name(rawValue: name)?.code)
        }
    }

    @Test func invalidUTF8IsAParseError() {
        let bytes = Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])  // {"\xff\xfe":1}
        #expect(throws: RPCError(.parseError, "not valid JSON")) { try RPCRequest.read(line: bytes) }
    }

    @Test(
        "good lines keep their id, method and params",
        arguments: [
            (#"{"jsonrpc":"2.0","id":1,"method":"hello"}"#, JSONValue?.some(.number(1)), "hello", 0),
            (#"{"jsonrpc":"2.0","id":"abc","method":"status","params":null}"#, .some(.string("abc")), "status", 0),
            (#"{"jsonrpc":"2.0","id":null,"method":"status"}"#, .some(.null), "status", 0),
            (#"{"jsonrpc":"2.0","method":"pause"}"#, nil, "pause", 0),
            (#"{"jsonrpc":"2.0","id":2,"method":"query","params":{"text":"a","limit":5}}"#, .some(.number(2)), "query", 2),
            (#"{"jsonrpc":"2.0","id":3,"method":"nope","extra":true}"#, .some(.number(3)), "nope", 0),
        ])
    func reads(line: String, id: JSONValue?, method: String, paramCount: Int) throws {
        let request = try RPCRequest.read(line: Data(line.utf8))
        #expect(request.id == id)
        #expect(request.method == method)
        #expect((request.params?.count ?? 0) == paramCount)
    }

    @Test(
        "the id of an unreadable request is still found when it can be",
        arguments: [
            (#"{"jsonrpc":"1.0","id":9,"method":"hello"}"#, JSONValue.number(9)),
            (#"{"jsonrpc":"2.0","id":"x"}"#, .string("x")),
            (#"{"jsonrpc":"2.0","id":true,"method":"hello"}"#, .null),
            ("{bad", .null),
        ])
    func idOfBadLine(line: String, id: JSONValue) {
        #expect(RPCRequest.id(inLine: Data(line.utf8)) == id)
    }

    @Test func requestsEncodeAsOneLine() throws {
        let request = RPCRequest(id: .number(1), method: "query", params: ["text": .string("a\nb")])
        let data = try ProtocolCoding.encode(request)
        #expect(!data.contains(UInt8(ascii: "\n")))
        let back = try RPCRequest.read(line: data)
        #expect(back.params?["text"] == .string("a\nb"))
    }
}
