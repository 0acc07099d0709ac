import Foundation
import GRDB
import NewsCore
import NewsProtocol
@testable import NewsStore
import Testing

/// A small archive with the names, abbreviations and fields people search for.
private func archive() async throws -> TemporaryStore {
    let t = try TemporaryStore()
    var captioned = article("Mayors meet", ["The mayors met to talk about transport."], source: "NHK", published: "2025-05-02")
    captioned.captions = ["The harbour in Osaka at dawn"]
    captioned.subheadings = ["Trains after midnight"]
    captioned.summary = ["Night buses are back"]
    captioned.embeddedPosts = [Article.EmbeddedPost(author: "City Hall", handle: "cityhall", date: nil, text: "Lanterns tonight")]
    _ = try await t.store.commit([
        commit("1.txt", inode: 1, size: 1, [
            article(
                "Trump-Putin call", ["Trump and Putin spoke about a 30-day ceasefire for Ukraine."],
                people: ["Donald Trump", "Vladimir Putin"], places: ["Ukraine"], source: "Reuters",
                published: "2025-03-18T14:00:00Z")
        ]),
        commit("2.txt", inode: 2, size: 1, [
            article(
                "Zelenskyy's reply", ["Zelenskyy's office said the U.S. plan needs work; talks go on."],
                people: ["Volodymyr Zelenskyy"], source: "Sky News", published: "2025-05-19T16:13:00Z")
        ]),
        commit("3.txt", inode: 3, size: 1, [
            article("Markets", ["Stocks rose as sanctions eased; the day ended calm."], source: "Reuters", published: "2025-05-20")
        ]),
        commit("4.txt", inode: 4, size: 1, [captioned]),
    ])
    return t
}

@Suite("Search")
struct SearchTests {
    /// Typed query → the titles found, best first (or newest first for filters alone).
    static let found: [(String, [String])] = [
        ("Trump-Putin", ["Trump-Putin call"]),
        ("trump putin", ["Trump-Putin call"]),
        ("U.S.", ["Zelenskyy's reply"]),
        ("Zelenskyy's", ["Zelenskyy's reply"]),
        ("30-day", ["Trump-Putin call"]),
        ("source:reuters", ["Markets", "Trump-Putin call"]),
        ("source:REUTERS ceasefire", ["Trump-Putin call"]),
        (#"source:"Sky News""#, ["Zelenskyy's reply"]),
        ("source:skynews", ["Zelenskyy's reply"]),
        ("source:nobody", []),
        ("-source:reuters office", ["Zelenskyy's reply"]),
        (#""needs work""#, ["Zelenskyy's reply"]),
        (#""work needs""#, []),
        ("sanction*", ["Markets"]),
        ("title:markets", ["Markets"]),
        ("title:stocks", []),
        ("ceasefire OR sanctions", ["Trump-Putin call", "Markets"]),
        ("ceasefire -Ukraine", []),
        ("-ceasefire", ["Mayors meet", "Markets", "Zelenskyy's reply"]),
        ("person:putin", ["Trump-Putin call"]),
        (#"person:"Vladimir Putin""#, ["Trump-Putin call"]),
        ("person:nobody", []),
        ("place:ukraine", ["Trump-Putin call"]),
        ("-person:trump office", ["Zelenskyy's reply"]),
        ("-person:zelenskyy office", []),
        ("after:2025-05-01", ["Mayors meet", "Markets", "Zelenskyy's reply"]),
        ("after:2025-05-19T17:00Z", ["Markets"]),
        ("before:2025-05-19T17:00Z after:2025-05-19", ["Zelenskyy's reply"]),
        ("before:2025-05", ["Trump-Putin call"]),
        ("after:2030-01-01", []),
        ("story:one", []),
        ("Osaka", ["Mayors meet"]),
        ("midnight", ["Mayors meet"]),
        ("buses", ["Mayors meet"]),
        ("lanterns", ["Mayors meet"]),
        ("cityhall", ["Mayors meet"]),
        ("*", ["Mayors meet", "Markets", "Zelenskyy's reply", "Trump-Putin call"]),
        ("", ["Mayors meet", "Markets", "Zelenskyy's reply", "Trump-Putin call"]),
    ]

    @Test("typed queries find what people mean", arguments: found)
    func typed(text: String, titles: [String]) async throws {
        let t = try await archive()
        let result = try await t.store.search(QueryParams(text: text))
        if text.contains(" OR ") {
            #expect(Set(result.results.compactMap(\.title)) == Set(titles), "\(text)")
        } else {
            #expect(result.results.compactMap(\.title) == titles, "\(text)")
        }
        #expect(result.total == titles.count)
        #expect(result.totalIsEstimate == nil)
    }

    @Test("a caption hit is shown in the snippet")
    func captionSnippet() async throws {
        let t = try await archive()
        let hit = try #require(try await t.store.search(QueryParams(text: "osaka")).results.first)
        #expect(hit.snippet.contains("**Osaka**"))
    }

    @Test("query params and typed filters combine")
    func paramsAndTyped() async throws {
        let t = try await archive()
        let r = try await t.store.search(QueryParams(text: "source:reuters", since: "2025-05-01"))
        #expect(r.results.compactMap(\.title) == ["Markets"])
        let none = try await t.store.search(QueryParams(text: "after:2025-05-20", until: "2025-05-20"))
        #expect(none.total == 0)
    }

    @Test("a filter narrows the matches and leaves their scores, order and snippets as they were")
    func filtersKeepScores() async throws {
        let t = try TemporaryStore()
        let sources = ["Reuters", "AP", "BBC"]
        let commits = (1...60).map { n in
            commit(
                "\(n).txt", inode: UInt64(n), size: 1,
                [
                    article(
                        "Report \(n)", [String(repeating: "ceasefire talks ", count: 1 + n % 4) + "in round \(n) of \(n % 7) days"],
                        source: sources[n % 3], published: "2025-05-\(10 + n % 20)T09:00:00Z")
                ])
        }
        _ = try await t.store.commit(commits)
        let everything = try await t.store.search(QueryParams(text: "ceasefire talks", limit: 100))
        #expect(everything.total == 60)
        let scores = Dictionary(uniqueKeysWithValues: everything.results.map { ($0.id, $0.score) })
        // Narrowed by a filter (tokens or a check on the rows), the page's highlights are made row
        // by row under the typed text alone (a prefix under the whole match): the snippets are the
        // unfiltered query's.
        let prefixed = try await t.store.search(QueryParams(text: "ceasefir* round", limit: 100))
        #expect(prefixed.total == 60)
        var snippets = Dictionary(uniqueKeysWithValues: everything.results.map { ($0.id, $0.snippet) })
        #expect(snippets.values.allSatisfy { $0.contains("**ceasefire** **talks**") })
        for params in [
            QueryParams(text: "ceasefire talks", source: "AP", limit: 100),
            QueryParams(text: "ceasefire talks", since: "2025-05-20", limit: 100),
            QueryParams(text: "ceasefire talks source:bbc before:2025-05-25", limit: 100),
            QueryParams(text: "ceasefire talks -source:ap", limit: 100),  // a check on the rows
            QueryParams(text: "ceasefir* round", source: "BBC", limit: 100),
        ] {
            if params.text == "ceasefir* round" {
                snippets = Dictionary(uniqueKeysWithValues: prefixed.results.map { ($0.id, $0.snippet) })
            }
            let narrowed = try await t.store.search(params)
            #expect(narrowed.total > 0 && narrowed.total < 60)
            #expect(narrowed.results.count == narrowed.total)
            for hit in narrowed.results {
                if params.text != "ceasefir* round" { #expect(hit.score == scores[hit.id], "\(params)") }
                #expect(hit.snippet == snippets[hit.id], "\(params)")
            }
            let order = (params.text == "ceasefir* round" ? prefixed : everything).results.map(\.id)
                .filter(Set(narrowed.results.map(\.id)).contains)
            #expect(narrowed.results.map(\.id) == order)
        }
    }

    /// Any byte string of ordinary length is a query: results or an empty list, never an error.
    @Test func anyTextAnswers() async throws {
        let t = try await archive()
        var generator = SplitMix(seed: 7)
        let pieces = #"a b - " * ( ) : ^ { } + . , ' ’ NOT OR AND NEAR title: source: after: é 北 \ / ; $ % _ ~"#
            .split(separator: " ").map(String.init) + [" ", "\u{0}", "\t", "\n", "\""]
        for _ in 0..<300 {
            let text = (0..<Int(generator.next() % 30)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            _ = try await t.store.search(QueryParams(text: text))
        }
    }

    @Test("queries over the bounds are too_complex and the store still answers", arguments: [
        QueryParams(text: Array(repeating: "a", count: 1000).joined(separator: " ")),
        QueryParams(text: "NEAR(a b, 99999999)", fts: true),
        // A word of Chinese is one token per character to the index, and counted so.
        QueryParams(text: String(repeating: "的", count: 100)),
        QueryParams(text: String(repeating: "的", count: 100), fts: true),
    ])
    func tooComplex(params: QueryParams) async throws {
        let t = try await archive()
        await #expect {
            _ = try await t.store.search(params)
        } throws: { error in
            (error as? StoreError)?.code == .tooComplex
        }
        #expect(try await t.store.search(QueryParams(text: "markets")).total == 1)
    }

    @Test("an article past the snippet limit is found and shows its opening, others their hits")
    func hugeArticlesShowTheirOpening() async throws {
        let t = try await archive()
        var huge = article("Tariff report", ["Opening words of a very long report.", "Tariffs on steel and inflation rose."])
        huge.wordCount = NewsStore.snippetWordLimit + 1
        var small = article("Tariff note", ["A short note.", "Tariffs on steel and inflation rose."])
        small.wordCount = 12
        _ = try await t.store.commit([commit("big.txt", inode: 50, size: 1, [huge]), commit("small.txt", inode: 51, size: 1, [small])])
        let result = try await t.store.search(QueryParams(text: "inflation tariffs"))
        let byTitle = Dictionary(uniqueKeysWithValues: result.results.map { ($0.title ?? "", $0.snippet) })
        #expect(byTitle["Tariff report"]?.hasPrefix("Opening words of a very long report.") == true)
        #expect(byTitle["Tariff note"]?.contains("**") == true)
    }

    @Test("a read past its deadline is stopped with timeout, and the next one runs")
    func deadline() async throws {
        let t = try await archive()
        await #expect {
            _ = try await t.store.read(deadline: .milliseconds(100)) { db in
                try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c")
            }
        } throws: { error in
            (error as? StoreError)?.code == .timeout
        }
        #expect(try await t.store.search(QueryParams(text: "markets")).total == 1)
        #expect(try await t.store.search(QueryParams(text: "sanction*")).total == 1)
    }

    @Test("a read whose caller goes away is stopped")
    func cancel() async throws {
        let t = try await archive()
        let store = t.store
        let task = Task {
            try await store.read(deadline: .seconds(3600)) { db in
                try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c")
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect {
            _ = try await task.value
        } throws: { error in
            (error as? StoreError)?.code == .cancelled
        }
        #expect(try await t.store.search(QueryParams(text: "markets")).total == 1)
    }

    @Test("past 10,000 matches the total is an estimate, and says so")
    func estimatedTotal() async throws {
        let t = try TemporaryStore()
        let count = QueryResult.exactTotalLimit + 500
        let commits = (1...count).map { n in
            commit("\(n).txt", inode: UInt64(n), size: 1, [article("Item \(n)", ["common words here \(n)"])])
        }
        _ = try await t.store.commit(commits)
        let r = try await t.store.search(QueryParams(text: "common", limit: 5))
        #expect(r.totalIsEstimate == true)
        #expect(r.total > QueryResult.exactTotalLimit)
        #expect(r.results.count == 5)
        // A listing of every article counts them exactly.
        let listing = try await t.store.search(QueryParams(limit: 5))
        #expect(listing.totalIsEstimate == nil)
        #expect(listing.total == count)
        #expect(listing.results.count == 5)
        let exact = try await t.store.search(QueryParams(text: "common 17"))
        #expect(exact.total == 1)
        #expect(exact.totalIsEstimate == nil)
    }

    @Test("totals with exact copies among the matches: exact below the cap, and past it an estimate without the copies")
    func totalsWithCopies() async throws {
        let t = try TemporaryStore()
        // 30,000 articles, every fifth a copy of the one before it: 24,000 first articles.
        let count = 30_000
        let commits = (1...count).map { n in
            let number = n % 5 == 0 ? n - 1 : n
            return commit(
                "\(n).txt", inode: UInt64(n), size: 1,
                [article("Item \(n)", ["common words in the body of this test article, number \(number) of them, and \(number % 9_000) more" + (n > 18_000 ? " lately" : "")])])
        }
        _ = try await t.store.commit(commits)
        let r = try await t.store.search(QueryParams(text: "common", limit: 5))
        #expect(r.totalIsEstimate == true)
        #expect(abs(r.total - 24_000) < 500, "estimated \(r.total) first articles, 24,000 true")
        #expect(r.results.count == 5)
        #expect(r.results.allSatisfy { $0.duplicateOf == nil })
        // A rarer word: the total is exact, copies folded.
        let narrow = try await t.store.search(QueryParams(text: "8999", limit: 5))
        #expect(narrow.totalIsEstimate == nil)
        #expect(narrow.total == 3)  // numbers 8999, 17999, 26999 (their copies folded)
        // 12,000 matches, 9,600 of them first articles: past the cap before the copies are left
        // out, under it after, so exact.
        let lately = try await t.store.search(QueryParams(text: "lately", limit: 5))
        #expect(lately.totalIsEstimate == nil)
        #expect(lately.total == 9_600)
        #expect(lately.results.count == 5 && lately.results.allSatisfy { $0.duplicateOf == nil })
        let all = try await t.store.search(QueryParams(text: "common", limit: 5, all: true))
        #expect(all.totalIsEstimate == true)
        #expect(all.total > 24_000)
    }

    @Test("a version 1 database upgrades: captions and the rest become searchable, filters work")
    func migration() async throws {
        let folder = try TemporaryFolder("newsd-migrate")
        defer { withExtendedLifetime(folder) {} }  // the folder goes when the test ends, not after its last use
        let path = folder.path + "/newsd.db"
        var old = article("Harbour", ["The mayors met."], source: "NHK", published: "2025-05-02T09:00:00Z")
        old.captions = ["Boats in Osaka"]
        old.embeddedPosts = [Article.EmbeddedPost(author: nil, handle: "port", date: nil, text: "Fog warning")]
        do {
            let queue = try DatabaseQueue(path: path)
            try NewsStore.migrator.migrate(queue, upTo: "v1")
            let stored = StoredArticle(old)
            let fields: StatementArguments = [old.title, old.source, old.published, stored.body, stored.doc]
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO files (id, path, state, created_at, updated_at) VALUES (1, 'a.txt', 'ingested', 'x', 'x');
                        INSERT INTO articles (file_id, ordinal, title, source, published, kind, word_count, content_hash,
                            body, doc, path, ingested_at, updated_at) VALUES (1, 0, ?, ?, ?, 'article', 3, 'h', ?, ?, 'a.txt', 'x', 'x')
                        """, arguments: fields)
            }
            try queue.close()
        }
        let store = try NewsStore(path: path)
        store.queryTimeout = .seconds(120)
        #expect(try await store.search(QueryParams(text: "osaka")).total == 1)
        #expect(try await store.search(QueryParams(text: "fog")).total == 1)
        #expect(try await store.search(QueryParams(text: "port")).total == 1)
        #expect(try await store.search(QueryParams(text: "mayors source:nhk after:2025-05-01")).total == 1)
        #expect(try await store.search(QueryParams(text: "mayors", source: "bbc")).total == 0)
        #expect(try await store.integrityCheck() == "ok")
        // A new article after the upgrade is indexed the same way.
        var fresh = article("Later", ["Nothing much."], source: "NHK", published: "2025-06-01")
        fresh.captions = ["Osaka again"]
        _ = try await store.commit([commit("b.txt", inode: 2, size: 1, [fresh])])
        #expect(try await store.search(QueryParams(text: "osaka")).total == 2)
        try store.close()
    }
}

/// Chinese and Japanese are written without spaces between words: the index holds them one
/// character per token (`IndexText`), so a word is found inside a sentence.
@Suite("Search in scripts written without spaces")
struct UnspacedScriptTests {
    static let chinese = ["中国外交部发言人表示，双方就共同关心的问题深入交换了意见。", "Talks in Geneva went on."]
    static let japanese = ["東京都は新しい計画を発表した。", "カタカナの言葉もある。"]

    private func archive() async throws -> TemporaryStore {
        let t = try TemporaryStore()
        _ = try await t.store.commit([
            commit("zh.txt", inode: 1, size: 1, [article("北京会谈：双方交换意见", Self.chinese)]),
            commit("ja.txt", inode: 2, size: 1, [article("東京の計画", Self.japanese)]),
            commit("en.txt", inode: 3, size: 1, [article("Markets", ["Stocks rose in Geneva."])]),
        ])
        return t
    }

    @Test(arguments: [
        ("外交部", ["北京会谈：双方交换意见"]),
        ("中国", ["北京会谈：双方交换意见"]),
        (#""交换了意见""#, ["北京会谈：双方交换意见"]),
        ("外交*", ["北京会谈：双方交换意见"]),
        ("发言人 Geneva", ["北京会谈：双方交换意见"]),
        ("title:会谈", ["北京会谈：双方交换意见"]),
        ("东京", []),  // simplified 东 is not 東
        ("中外", []),  // two characters of the text, not next to each other
        ("東京", ["東京の計画"]),
        ("計画", ["東京の計画"]),
        ("カタカナ", ["東京の計画"]),
        ("Geneva", ["Markets", "北京会谈：双方交换意见"]),
    ])
    func found(text: String, titles: [String]) async throws {
        let t = try await archive()
        let result = try await t.store.search(QueryParams(text: text))
        #expect(Set(result.results.compactMap(\.title)) == Set(titles), "\(text)")
    }

    @Test func rawQueriesAndSnippets() async throws {
        let t = try await archive()
        let raw = try await t.store.search(QueryParams(text: "发言人 AND 外交部", fts: true))
        #expect(raw.results.compactMap(\.title) == ["北京会谈：双方交换意见"])
        // The snippet shows the sentence as written: no separator, no space between its characters.
        let hit = try #require(try await t.store.search(QueryParams(text: "外交部")).results.first)
        #expect(!hit.snippet.unicodeScalars.contains(IndexText.separator))
        #expect(hit.snippet.contains("**外交部**"))
        #expect(try await t.store.integrityCheck() == "ok")
        // A revision removes the row with the values it was indexed with.
        let fileID = try #require(try await t.store.fileRecord(path: "zh.txt")?.id)
        _ = try await t.store.commit([commit("zh.txt", inode: 1, size: 2, [article("新华社", ["北京今天天气很好。"])], fileID: fileID)])
        #expect(try await t.store.integrityCheck() == "ok")
        #expect(try await t.store.search(QueryParams(text: "外交部")).total == 0)
        #expect(try await t.store.search(QueryParams(text: "天气")).total == 1)
    }

    /// A word written with soft hyphens (`Mes­sen­ger­diens­te`) is found whole; the stored text keeps
    /// them as the file wrote it.
    @Test func softHyphensAreNotSearchedFor() async throws {
        let t = try TemporaryStore()
        let body = ["Mes\u{AD}sen\u{AD}ger\u{AD}diens\u{AD}te sind kein rechts\u{AD}frei\u{AD}er Raum."]
        let stored = try await t.store.commit([commit("bka.txt", inode: 1, size: 1, [article("Messenger", body)])])
        #expect(try await t.store.search(QueryParams(text: "Messengerdienste")).total == 1)
        #expect(try await t.store.search(QueryParams(text: "rechtsfreier")).total == 1)
        #expect(try await t.store.document(id: stored[0].id)?.article.body == body)
        #expect(try await t.store.integrityCheck() == "ok")
    }

    @Test func spacing() {
        #expect(IndexText.spaced("Mes\u{AD}sen\u{AD}ger") == "Messenger")
        #expect(IndexText.spaced("中国 外交部") == "中\u{200B}国 外\u{200B}交\u{200B}部")
        #expect(IndexText.spaced("東京でAI") == "東\u{200B}京\u{200B}でAI")
        #expect(IndexText.spaced("국무총리실 Prime") == "국무총리실 Prime")  // Korean is written with spaces
        #expect(IndexText.spaced("Café") == "Café")
        #expect(IndexText.tokenCount("外交部") == 3)
        #expect(IndexText.tokenCount("AI中国") == 3)
        #expect(IndexText.tokenCount("ceasefire") == 1)
    }

    /// An archive from before the index held these scripts character by character is indexed
    /// again when it opens (migration v10): found, and the index equal to its source.
    @Test func olderArchiveIsIndexedAgain() async throws {
        let folder = try TemporaryFolder("newsd-migrate")
        defer { withExtendedLifetime(folder) {} }
        let path = folder.path + "/newsd.db"
        do {
            let queue = try DatabaseQueue(path: path)
            try NewsStore.migrator.migrate(queue, upTo: "v1")
            for (id, text) in [(1, Self.chinese), (2, ["Plain English text."])] {
                let stored = StoredArticle(article("T\(id)", text))
                try await queue.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO files (id, path, state, created_at, updated_at) VALUES (?, ?, 'ingested', 'x', 'x');
                            INSERT INTO articles (file_id, ordinal, title, kind, word_count, content_hash,
                                body, doc, path, ingested_at, updated_at) VALUES (?, 0, ?, 'article', 3, 'h', ?, ?, ?, 'x', 'x')
                            """, arguments: [id, "\(id).txt", id, "T\(id)", stored.body, stored.doc, "\(id).txt"])
                }
            }
            try NewsStore.migrator.migrate(queue, upTo: "v9")
            #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '外交部'") } == 0)
            try queue.close()
        }
        let store = try NewsStore(path: path)
        store.queryTimeout = .seconds(120)  // a busy test machine is not what this test is about
        #expect(try await store.search(QueryParams(text: "外交部")).total == 1)
        #expect(try await store.search(QueryParams(text: "english")).total == 1)
        #expect(try await store.integrityCheck() == "ok")
        try store.close()
    }
}

/// Day ranges → the fewest year, month and day tokens.
@Suite("Day ranges")
struct DayRangeTests {
    static let table: [(String?, String?, DayRange.Cover?)] = [
        (nil, nil, .init(tokens: (5...12).map { "m2024" + ($0 < 10 ? "0" : "") + "\($0)" } + ["y2025"], exactSince: true, exactUntil: true)),
        ("2025-03-30", nil, .init(tokens: ["d20250330", "d20250331", "m202504", "m202505", "m202506", "m202507",
            "m202508", "m202509", "m202510", "m202511", "m202512"], exactSince: true, exactUntil: true)),
        ("2025-12-30T12:00:00Z", nil, .init(tokens: ["d20251230", "d20251231"], exactSince: false, exactUntil: true)),
        ("2025-12-30T00:00:00Z", "2025-12-31", .init(tokens: ["d20251230"], exactSince: true, exactUntil: true)),
        ("2025-02", "2025-03", .init(tokens: ["m202502"], exactSince: true, exactUntil: true)),
        ("2025-02-27", "2025-03-01T06:00:00Z", .init(tokens: ["d20250227", "d20250228", "d20250301"], exactSince: true, exactUntil: false)),
        ("2026", nil, nil),
        (nil, "2024-05-01", nil),
        ("2025-06-01", "2025-06-01", nil),
    ]

    @Test("since/until → tokens", arguments: table)
    func cover(since: String?, until: String?, expected: DayRange.Cover?) {
        #expect(DayRange.cover(since: since, until: until, first: "2024-05-01", last: "2025-12-31") == expected)
    }

    @Test func metaText() {
        #expect(NewsStore.metaText(source: "Sky News", published: "2025-05-19T16:13:00Z") == "srcskynews y2025 m202505 d20250519")
        #expect(NewsStore.metaText(source: "—", published: "soon") == "")
    }
}

@Suite("Hostile rows")
struct HostileRowTests {
    @Test("one word repeated 30,000 times and searched for eight times answers at once with a snippet")
    func repeatedWord() async throws {
        let t = try TemporaryStore()
        // FTS5's snippet() took minutes on this row and no deadline stops it inside a row. The
        // highlight-based snippet takes well under a second alone; the deadline leaves room for a
        // machine whose two cores run the whole suite's tests at once (20 s was once not enough).
        t.store.queryTimeout = .seconds(60)
        let paragraph = Array(repeating: "a", count: 1000).joined(separator: " ") + "."
        _ = try await t.store.commit([
            commit("aaa.txt", inode: 1, size: 1, [article("One word", Array(repeating: paragraph, count: 30))])
        ])
        let result = try await t.store.search(QueryParams(text: Array(repeating: "a", count: 8).joined(separator: " ")))
        #expect(result.total == 1)
        #expect(result.results.first?.snippet.hasPrefix("**a** **a**") == true, "\(result.results.first?.snippet ?? "")")
    }

    @Test("words past the indexed length are stored and shown but not found; the index stays equal to its source")
    func indexedLength() async throws {
        let t = try TemporaryStore()
        // Two-byte letters, so bytes and characters differ.
        let filler = String(repeating: "é", count: 99) + " "
        let head = Array(repeating: filler, count: FullTextChanges.characterLimit / 100).joined()
        let body = ["early " + head, "lateword here"]
        #expect(body.joined(separator: "\n").count > FullTextChanges.characterLimit)
        let first = try await t.store.commit([commit("long.txt", inode: 1, size: 1, [article("Long", body)])])
        #expect(try await t.store.search(QueryParams(text: "early")).total == 1)
        #expect(try await t.store.search(QueryParams(text: "lateword")).total == 0)
        #expect(try await t.store.document(id: first[0].id)?.article.body == body)
        #expect(try await t.store.integrityCheck() == "ok")
        // A revision removes the row with the values it was indexed with.
        let fileID = try #require(try await t.store.fileRecord(path: "long.txt")?.id)
        _ = try await t.store.commit([commit("long.txt", inode: 1, size: 2, [article("Long", ["short now"])], fileID: fileID)])
        #expect(try await t.store.integrityCheck() == "ok")
        #expect(try await t.store.search(QueryParams(text: "early")).total == 0)
        try await t.store.rebuildIndex()
        #expect(try await t.store.integrityCheck() == "ok")
    }

    @Test("a snippet is the window with the most distinct hits, marked, with ellipses where text was left out")
    func snippetWindow() {
        let o = SnippetWindow.open, c = SnippetWindow.close
        let words = (1...40).map { "w\($0)" }
        var text = words
        text[5] = o + "ceasefire" + c
        text[30] = o + "ceasefire" + c
        text[33] = o + "talks" + c
        let cut = SnippetWindow.cut(text.joined(separator: " "), words: 8)
        #expect(cut == "…w27 w28 w29 w30 **ceasefire** w32 w33 **talks**…")
        #expect(SnippetWindow.cut("no hits here") == nil)
        // A phrase cut by the window keeps its marks balanced.
        let phrase = "a b c \(o)prime minister\(c) d e"
        #expect(SnippetWindow.cut(phrase, words: 4) == "…b c **prime minister**…")
        #expect(SnippetWindow.cut(phrase, words: 1) == "…**prime**…")
        // Tabs and line breaks separate words too; punctuation stays with its word; a hit counts
        // once whatever its case.
        #expect(SnippetWindow.cut("x\ty\n\(o)Truce\(c), z", words: 3) == "x y **Truce**,…")
        let cased = "a \(o)Truce\(c) b \(o)truce\(c) c d e \(o)truce\(c) f \(o)talks\(c) g"
        #expect(SnippetWindow.cut(cased, words: 4) == "…e **truce** f **talks**…")
        // Text beyond ASCII is cut on its words, not inside its characters.
        #expect(SnippetWindow.cut("Zelenskyy’s \(o)Waffenstillstand\(c) für Kyjiw", words: 2) == "Zelenskyy’s **Waffenstillstand**…")
        // Any text, hits marked in pairs as highlight() marks them: balanced marks, or no snippet
        // when there is no hit; markers anywhere at all (stored text may hold them): no crash and
        // no marker in the snippet.
        var generator = SplitMix(seed: 99)
        let pieces = [" ", "\n", "\t", "a", "É", "東", "\u{1F600}", ",", "\u{E002}", "\r\n", "\u{301}", "\(o)hit\(c)", "\(o)two hits\(c)"]
        for round in 0..<4_000 {
            let stray = round >= 2_000
            let choices = stray ? pieces + [o, c] : pieces
            let text = (0..<Int(generator.next() % 60)).map { _ in choices[Int(generator.next() % UInt64(choices.count))] }.joined()
            guard let snippet = SnippetWindow.cut(text, words: 1 + Int(generator.next() % 20)) else {
                #expect(stray || !text.contains(o), "no snippet for \(text.debugDescription)")
                continue
            }
            #expect(!snippet.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" })
            if !stray {
                // Marks counted as scalars (a combining mark after `**` joins the last `*`'s character).
                #expect(snippet.unicodeScalars.filter { $0 == "*" }.count % 4 == 0, "unbalanced: \(snippet.debugDescription)")
            }
        }
    }
}

extension SearchTests {
    @Test("the snippet window chosen among the hits alone is the plain sliding window's, on any text")
    func snippetWindowPlainDefinition() {
        let o = SnippetWindow.open, c = SnippetWindow.close
        var generator = SplitMix(seed: 7)
        let pieces = [" ", "\n", "\t", "a", "b", "Truce", "É", "東", ",", "\(o)hit\(c)", "\(o)Hit\(c)", "\(o)two hits\(c)", "\(o)x\(c)", o, c]
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 80)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let words = 1 + Int(generator.next() % 12)
            #expect(SnippetWindow.cut(text, words: words) == Self.plainSnippet(text, words: words), "\(text.debugDescription)")
        }
    }

    /// The snippet by its definition: every window of `words` words slid over the text, the first
    /// with the most distinct hit words kept.
    static func plainSnippet(_ text: String, words count: Int) -> String? {
        // Words as runs of scalars between spaces, tabs and line feeds; whether a hit is open at a
        // word's edges from the markers met so far.
        var spans: [(scalars: [Unicode.Scalar], openAtStart: Bool, openAtEnd: Bool, key: String?)] = []
        var inside = false
        let separators: Set<Unicode.Scalar> = [" ", "\n", "\t"]
        for word in Array(text.unicodeScalars).split(whereSeparator: separators.contains) {
            let startedInside = inside
            var touched = inside
            for scalar in word where scalar == "\u{E000}" || scalar == "\u{E001}" {
                inside = scalar == "\u{E000}"
                touched = touched || inside
            }
            let string = String(String.UnicodeScalarView(word))
            let key = touched
                ? SnippetWindow.stripped(string).lowercased().trimmingCharacters(in: CharacterSet.alphanumerics.inverted) : nil
            spans.append((Array(word), startedInside, inside, key))
        }
        guard spans.contains(where: { $0.key != nil }) else { return nil }
        let width = min(max(1, count), spans.count)
        var best = (start: 0, distinct: -1)
        for start in 0...(spans.count - width) {
            let distinct = Set(spans[start..<(start + width)].compactMap(\.key)).count
            if distinct > best.distinct { best = (start, distinct) }
        }
        let last = best.start + width - 1
        var out = best.start > 0 ? "…" : ""
        if spans[best.start].openAtStart { out += "**" }
        out += spans[best.start...last].map { span in
            span.scalars.map { $0 == "\u{E000}" || $0 == "\u{E001}" ? "**" : String($0) }.joined()
        }.joined(separator: " ")
        if spans[last].openAtEnd { out += "**" }
        if last + 1 < spans.count { out += "…" }
        return out
    }
}

/// A small deterministic generator, so random texts are the same on every run.
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
