import Foundation
import NewsProtocol
import Testing

@Suite("RPC errors")
struct RPCErrorTests {
    @Test(
        "every stable name has its JSON-RPC code",
        arguments: [
            (RPCError.Name.parseError, -32700), (.invalidRequest, -32600), (.methodNotFound, -32601),
            (.invalidParams, -32602), (.internal, -32603), (.notFound, -32001), (.forbidden, -32002),
            (.busy, -32003), (.tooLarge, -32004), (.badQuery, -32005), (.unavailable, -32006), (.badConfig, -32007),
            (.tooComplex, -32008), (.timeout, -32009),
        ])
    func codes(name: RPCError.Name, code: Int) {
        #expect(name.code == code)
        #expect(RPCError(name, "x").code == code)
    }

    @Test func everyNameIsCoveredAndCodesAreDistinct() {
        #expect(RPCError.Name.allCases.count == 14)
        #expect(Set(RPCError.Name.allCases.map(\.code)).count == RPCError.Name.allCases.count)
        for name in RPCError.Name.allCases {
            let standard = (-32768)...(-32600)
            let own = (-32099)...(-32000)
            #expect(standard.contains(name.code) || own.contains(name.code), "\(name) has code \(name.code)")
            #expect(name.rawValue.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name.rawValue) is not snake_case")
        }
    }

    @Test func encodesAsJSONRPCErrorObject() throws {
        let data = try ProtocolCoding.encode(RPCError(.forbidden, "pause is for administrators"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["code"] as? Int == -32002)
        #expect(object["message"] as? String == "pause is for administrators")
        #expect((object["data"] as? [String: Any])?["name"] as? String == "forbidden")
    }

    @Test func decodesUnknownFutureNames() throws {
        let line = #"{"code":-32050,"message":"later","data":{"name":"shiny_new_error"}}"#
        let error = try ProtocolCoding.decode(RPCError.self, from: Data(line.utf8))
        #expect(error.name == "shiny_new_error")
        #expect(error.knownName == nil)
        #expect(error.description == "shiny_new_error: later")
    }

    @Test func responseCarriesEitherResultOrError() throws {
        let failure = RPCResponse<Bool>(id: .number(3), error: RPCError(.notFound, "no article with id 3"))
        let text = String(decoding: try ProtocolCoding.encode(failure), as: UTF8.self)
        #expect(text.contains(#""id":3"#))
        #expect(!text.contains("result"))
        let success = RPCResponse(id: .string("a"), result: FollowResult())
        let ok = String(decoding: try ProtocolCoding.encode(success), as: UTF8.self)
        #expect(ok == #"{"id":"a","jsonrpc":"2.0","result":{"subscribed":true}}"#)
    }

    @Test func notificationsHaveNoID() throws {
        let note = RPCNotification(method: "dropped", params: DroppedParams(count: 7))
        let text = String(decoding: try ProtocolCoding.encode(note), as: UTF8.self)
        #expect(text == #"{"jsonrpc":"2.0","method":"dropped","params":{"count":7}}"#)
    }
}

@Suite("Methods")
struct RPCMethodTests {
    @Test func adminOnlyMethodsAreTheStateChangingOnes() {
        let admin = Set(RPCMethod.allCases.filter(\.isAdminOnly).map(\.rawValue))
        #expect(admin == ["retry", "rescan", "reindex", "relink", "pause", "resume", "reload"])
    }

    @Test func methodNamesAreTheCommandNames() {
        #expect(
            RPCMethod.allCases.map(\.rawValue).sorted()
                == [
                    "entities", "failed", "follow", "hello", "metrics", "pause", "query", "reindex", "relink", "reload",
                    "rescan", "resume", "retry", "show", "sources", "status", "stories", "story",
                ])
    }

    @Test func limits() {
        #expect(maxRequestLineBytes == 1_048_576)
        #expect(QueryParams.maxLimit == 10_000)
        #expect(protocolVersion == 1)
    }
}
