import Foundation
import NewsProtocol
import Testing

@Suite("Query language")
struct SearchQueryTests {
    typealias Entity = SearchQuery.Entity

    /// What people type → the FTS5 expression and filters newsd runs.
    static let table: [(String, SearchQuery)] = [
        ("ceasefire", SearchQuery(match: #""ceasefire""#)),
        ("  ceasefire   talks ", SearchQuery(match: #""ceasefire" AND "talks""#)),
        ("Trump-Putin", SearchQuery(match: #""Trump Putin""#)),
        ("U.S.", SearchQuery(match: #""U S""#)),
        ("Zelenskyy's", SearchQuery(match: #""Zelenskyy s""#)),
        ("30-day", SearchQuery(match: #""30 day""#)),
        ("Trump-Putin summit", SearchQuery(match: #""Trump Putin" AND "summit""#)),
        (#""prime minister""#, SearchQuery(match: #""prime minister""#)),
        (#""prime minister"#, SearchQuery(match: #""prime minister""#)),
        (#"say "hello"#, SearchQuery(match: #""say" AND "hello""#)),
        ("\"", SearchQuery()),
        ("\"\"\"\"", SearchQuery()),
        ("sanction*", SearchQuery(match: #""sanction"*"#)),
        ("sanc*tion", SearchQuery(match: #""sanc tion""#)),
        ("*", SearchQuery()),
        ("***", SearchQuery()),
        ("-", SearchQuery()),
        ("!!! ??? ---", SearchQuery()),
        ("ceasefire -Gaza", SearchQuery(match: #""ceasefire" NOT "Gaza""#)),
        ("ceasefire NOT Gaza", SearchQuery(match: #""ceasefire" NOT "Gaza""#)),
        ("ceasefire talks -Gaza -Israel", SearchQuery(match: #"("ceasefire" AND "talks") NOT ("Gaza" OR "Israel")"#)),
        (#"ceasefire -"West Bank""#, SearchQuery(match: #""ceasefire" NOT "West Bank""#)),
        ("-Gaza", SearchQuery(exclude: #""Gaza""#)),
        ("NOT Gaza NOT Israel", SearchQuery(exclude: #""Gaza" OR "Israel""#)),
        ("--Gaza", SearchQuery(match: #""Gaza""#)),
        ("+Gaza", SearchQuery(match: #""Gaza""#)),
        ("Gaza OR Ukraine", SearchQuery(match: #"("Gaza" OR "Ukraine")"#)),
        ("ceasefire Gaza OR Ukraine", SearchQuery(match: #""ceasefire" AND ("Gaza" OR "Ukraine")"#)),
        ("a OR b OR c", SearchQuery(match: #"("a" OR "b" OR "c")"#)),
        ("OR Gaza", SearchQuery(match: #""Gaza""#)),
        ("Gaza OR", SearchQuery(match: #""Gaza""#)),
        ("Gaza AND Ukraine", SearchQuery(match: #""Gaza" AND "Ukraine""#)),
        ("or and not", SearchQuery(match: #""or" AND "and" AND "not""#)),
        ("NOT", SearchQuery()),
        ("(Gaza OR Ukraine) talks", SearchQuery(match: #"("Gaza" OR "Ukraine") AND "talks""#)),
        ("NEAR(a b, 99999999)", SearchQuery(match: #""NEAR" AND "a" AND "b" AND "99999999""#)),
        ("title:talks", SearchQuery(match: #"title : "talks""#)),
        (#"title:"peace talks" Gaza"#, SearchQuery(match: #"title : "peace talks" AND "Gaza""#)),
        ("TITLE:talks*", SearchQuery(match: #"title : "talks"*"#)),
        ("-title:talks Gaza", SearchQuery(match: #""Gaza" NOT title : "talks""#)),
        ("source:reuters", SearchQuery(sources: ["reuters"])),
        (#"source:"Sky News" ceasefire"#, SearchQuery(match: #""ceasefire""#, sources: ["Sky News"])),
        ("source:bbc source:reuters", SearchQuery(sources: ["bbc", "reuters"])),
        ("-source:bbc talks", SearchQuery(match: #""talks""#, excludedSources: ["bbc"])),
        ("source:", SearchQuery(match: #""source""#)),
        ("person:Putin", SearchQuery(entities: [Entity(kind: "person", name: "Putin")])),
        (#"person:"Vladimir Putin" place:Kyiv org:NATO"#,
            SearchQuery(entities: [
                Entity(kind: "person", name: "Vladimir Putin"), Entity(kind: "place", name: "Kyiv"),
                Entity(kind: "org", name: "NATO"),
            ])),
        ("-place:Gaza", SearchQuery(excludedEntities: [Entity(kind: "place", name: "Gaza")])),
        ("story:12", SearchQuery(story: 12)),
        ("-story:12 talks", SearchQuery(match: #""talks""#, excludedStories: [12])),
        ("story:twelve", SearchQuery(match: #""story twelve""#)),
        ("weather:sunny", SearchQuery(match: #""weather sunny""#)),
        ("http://example.com/a", SearchQuery(match: #""http example com a""#)),
        ("after:2025-05-19", SearchQuery(since: "2025-05-19")),
        ("after:2025-05-19 before:2025-06", SearchQuery(since: "2025-05-19", until: "2025-06")),
        ("talks after:2025-05-19T10:00Z", SearchQuery(match: #""talks""#, since: "2025-05-19T10:00:00Z")),
        ("after:2025-01-01 after:2025-03-01", SearchQuery(since: "2025-03-01")),
        ("-after:2025-05-19", SearchQuery(until: "2025-05-19")),
        ("after:soon", SearchQuery(match: #""after soon""#)),
        ("before:2025-02-30", SearchQuery(match: #""before 2025 02 30""#)),
        (#"a "b"c"#, SearchQuery(match: #""a" AND "b" AND "c""#)),
        (#"it's "quoted ""inner"" text""#, SearchQuery(match: #""it s" AND "quoted" AND "inner" AND "text""#)),
        ("Zürich café", SearchQuery(match: #""Zürich" AND "café""#)),
        // Chinese as the index holds it: one character per token, a zero-width space between (IndexText).
        ("北京 2025", SearchQuery(match: "\"北\u{200B}京\" AND \"2025\"")),
    ]

    @Test("typed query → FTS5 expression and filters", arguments: table)
    func compiles(text: String, expected: SearchQuery) throws {
        #expect(try SearchQuery.compile(text) == expected)
    }

    /// Queries over the cost bounds are refused as `too_complex`, never run.
    static let tooComplex: [String] = [
        Array(repeating: "a", count: 1000).joined(separator: " "),
        Array(repeating: "word", count: 65).joined(separator: " "),
        "\"" + Array(repeating: "w", count: 33).joined(separator: " ") + "\"",
        Array(repeating: "a-b-c-d-e-f-g-h", count: 9).joined(separator: " "),
    ]

    @Test("queries over the bounds", arguments: tooComplex)
    func refusesHuge(text: String) {
        #expect(throws: RPCError.self) { try SearchQuery.compile(text) }
        do {
            _ = try SearchQuery.compile(text)
        } catch {
            #expect(error.name == "too_complex")
        }
    }

    @Test func boundsAreInclusive() throws {
        let sixtyFour = Array(repeating: "word", count: 64).joined(separator: " ")
        #expect(try SearchQuery.compile(sixtyFour).match?.isEmpty == false)
    }

    /// Whatever bytes arrive as text, the compiled expression is made of quoted words and the
    /// operators newsd itself writes, so FTS5 never sees syntax it did not expect.
    @Test func anyTextCompilesToSafeExpression() throws {
        var generator = SplitMix(seed: 42)
        let alphabet = "ab -\"*():^{}+.,'’NOTRAD\u{0}\t\n\\/é北".map(String.init) + ["OR", "NOT", "AND", "NEAR", "title:"]
        for _ in 0..<2000 {
            let length = Int(generator.next() % 40)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let query = try SearchQuery.compile(text)
            for expression in [query.match, query.exclude].compactMap({ $0 }) {
                // Outside quoted strings only the operators, parentheses, `*`, `title :` and spaces.
                var outside = ""
                var quoted = false
                for c in expression {
                    if c == "\"" { quoted.toggle() } else if !quoted { outside.append(c) }
                }
                #expect(!quoted, "\(text.debugDescription) → \(expression)")
                let words = outside.split(whereSeparator: { " ()*:".contains($0) })
                #expect(words.allSatisfy { ["AND", "OR", "NOT", "title"].contains($0) }, "\(text.debugDescription) → \(expression)")
            }
        }
    }

    static let rawTooComplex: [String] = [
        "NEAR(a b, 99999999)",
        "NEAR(a b, 101)",
        "x AND NEAR(\"a b\" c ,  5000 )",
        Array(repeating: "a", count: 1000).joined(separator: " "),
    ]

    @Test("raw FTS5 over the bounds", arguments: rawTooComplex)
    func refusesRaw(text: String) {
        do {
            try SearchQuery.checkRaw(text)
            Issue.record("\(text) accepted")
        } catch {
            #expect(error.name == "too_complex")
        }
    }

    static let rawAccepted = ["NEAR(a b, 100)", "NEAR(a b)", "ceasefire OR truce", "title:talks NOT Gaza", "\"a\" *"]

    @Test("raw FTS5 within the bounds", arguments: rawAccepted)
    func acceptsRaw(text: String) throws {
        try SearchQuery.checkRaw(text)
    }
}

/// A small deterministic generator, so the random texts are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
