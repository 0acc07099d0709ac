import Foundation
import NewsProtocol
import Testing

/// Parses a params object written as JSON text.
private func object(_ json: String) throws -> [String: JSONValue] {
    try ProtocolCoding.decode([String: JSONValue].self, from: Data(json.utf8))
}

@Suite("Params")
struct ParamsTests {
    /// Params that must be refused with `invalid_params`, and a piece of the message naming why.
    static let badQuery: [(String, String)] = [
        (#"{"bogus":1}"#, #"unknown param "bogus""#),
        (#"{"text":"a","zzz":1,"aaa":2}"#, #"unknown param "aaa""#),
        (#"{"limit":"20"}"#, "limit: expected an integer"),
        (#"{"limit":1.5}"#, "limit: expected an integer, got 1.5"),
        (#"{"offset":1e300}"#, "offset: expected an integer"),
        (#"{"limit":true}"#, "limit: expected an integer"),
        (#"{"limit":null}"#, ""),
        (#"{"text":5}"#, "text: expected a string"),
        (#"{"text":["a"]}"#, "text: expected a string"),
        (#"{"limit":0}"#, "limit: must be between 1 and 10000"),
        (#"{"limit":10001}"#, "limit: must be between 1 and 10000"),
        (#"{"offset":-1}"#, "offset: must not be negative"),
        (#"{"since":"yesterday-ish"}"#, "since:"),
        (#"{"until":"2025-13-01"}"#, "until:"),
        (#"{"until":"2025-02-30"}"#, "until:"),
        (#"{"since":"2025-05-19T25:00"}"#, "since:"),
        (#"{"since":"2025-05-19T10:00+2"}"#, "since:"),
    ]

    @Test("bad query params", arguments: badQuery)
    func refusesQuery(json: String, fragment: String) throws {
        let params = try object(json)
        do {
            _ = try ProtocolCoding.params(QueryParams.self, from: params).validated()
            // `"limit": null` is the same as no limit.
            #expect(fragment.isEmpty, "\(json) was accepted")
        } catch {
            #expect(error.name == "invalid_params")
            #expect(error.message.contains(fragment), "\(json) → \(error.message)")
        }
    }

    @Test func goodQuery() throws {
        let p = try ProtocolCoding.params(
            QueryParams.self,
            from: try object(
                #"{"text":"ceasefire","source":"Reuters","person":"Putin","limit":10000,"offset":0,"since":"2025-05-19"}"#
            )
        ).validated()
        #expect(p == QueryParams(text: "ceasefire", source: "Reuters", since: "2025-05-19", person: "Putin", limit: 10000, offset: 0))
        #expect(try ProtocolCoding.params(QueryParams.self, from: nil) == QueryParams())
        #expect(try ProtocolCoding.params(QueryParams.self, from: ["limit": .number(20.0)]).limit == 20)
    }

    @Test(
        "every method's params refuse unknown keys",
        arguments: ["status", "query", "show", "entities", "follow", "retry", "hello"])
    func unknownKeys(method: String) {
        let params: [String: JSONValue] = ["nonsense": .bool(true)]
        let attempt: () throws(RPCError) -> Void = {
            switch method {
            case "status": _ = try ProtocolCoding.params(StatusParams.self, from: params)
            case "query": _ = try ProtocolCoding.params(QueryParams.self, from: params)
            case "show": _ = try ProtocolCoding.params(ShowParams.self, from: params)
            case "entities": _ = try ProtocolCoding.params(EntitiesParams.self, from: params)
            case "follow": _ = try ProtocolCoding.params(FollowParams.self, from: params)
            case "retry": _ = try ProtocolCoding.params(RetryParams.self, from: params)
            default: _ = try ProtocolCoding.params(NoParams.self, from: params)
            }
        }
        #expect(throws: RPCError(.invalidParams, #"unknown param "nonsense""#)) { try attempt() }
    }

    @Test func showNeedsAnIntegerID() throws {
        #expect(try ProtocolCoding.params(ShowParams.self, from: ["id": .number(7)]).id == 7)
        #expect(throws: RPCError(.invalidParams, "missing id")) { try ProtocolCoding.params(ShowParams.self, from: nil) }
        #expect(throws: RPCError(.invalidParams, "id: expected an integer")) {
            try ProtocolCoding.params(ShowParams.self, from: ["id": .string("7")])
        }
        #expect(throws: RPCError(.invalidParams, "id: expected an integer, got 7.5")) {
            try ProtocolCoding.params(ShowParams.self, from: ["id": .number(7.5)])
        }
    }

    @Test func retryAndEntities() throws {
        #expect(try ProtocolCoding.params(RetryParams.self, from: ["all": .bool(true)]) == RetryParams(all: true))
        #expect(throws: RPCError.self) { try ProtocolCoding.params(RetryParams.self, from: ["all": .string("yes")]) }
        #expect(
            try ProtocolCoding.params(EntitiesParams.self, from: ["kind": .string("place"), "top": .number(3)])
                == EntitiesParams(kind: "place", top: 3))
    }
}

@Suite("Time bounds")
struct TimeBoundTests {
    @Test(
        "normalised to what the store compares",
        arguments: [
            ("2025", "2025"),
            ("2025-05", "2025-05"),
            ("2025-05-19", "2025-05-19"),
            ("2025-05-19T16:13", "2025-05-19T16:13:00Z"),
            ("2025-05-19 16:13:07", "2025-05-19T16:13:07Z"),
            ("2025-05-19T16:13:07Z", "2025-05-19T16:13:07Z"),
            ("2025-05-19T16:13:07.250Z", "2025-05-19T16:13:07Z"),
            ("2025-05-19T18:13:07+02:00", "2025-05-19T16:13:07Z"),
            ("2025-05-19T01:00-0300", "2025-05-19T04:00:00Z"),
            ("2025-05-19T00:30+01:00", "2025-05-18T23:30:00Z"),
            ("2024-02-29", "2024-02-29"),
            // Spaces and tabs around it (a no-break space too) are not part of it; a line break is.
            (" \t2025-05-19\u{00A0} ", "2025-05-19"),
        ])
    func normalises(input: String, expected: String) {
        #expect(TimeBound.normalized(input) == expected)
    }

    @Test(
        "refused",
        arguments: [
            "", "yesterday", "19/05/2025", "2025-5-19", "2025-00-10", "2025-02-29", "2025-05-19T", "2025-05-19T16",
            "2025-05-19T16:61", "2025-05-19T16:13Zjunk", "2025-05-19T16:13+25:00", "２０２５-05-19",
        ])
    func refuses(input: String) {
        #expect(TimeBound.normalized(input) == nil)
    }
}
