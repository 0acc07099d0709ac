import Foundation
import GRDB
import NewsCore
import NewsProtocol
@testable import NewsStore
import Testing

@Suite("Ranking and the index's segments")
struct RankTests {
    /// Words that recur across the generated articles in different numbers and columns.
    static let words = ["ceasefire", "harbour", "minister", "tariff", "storm", "budget", "court", "river"]

    /// `count` articles whose titles and bodies draw `words` at random (a fixed seed), with some
    /// outlets and dates.
    static func articles(_ count: Int) -> [FileCommit] {
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return (1...count).map { n in
            let body = (0..<(3 + next(12))).map { _ in words[next(words.count)] }
            let title = words[next(words.count)] + " report \(n)"
            let a = article(
                title, [body.joined(separator: " ") + " and more text for item \(n)."],
                source: n % 3 == 0 ? "Reuters" : "Sky News", published: n % 2 == 0 ? "2025-05-\(10 + n % 9)" : nil)
            return commit("\(n).txt", inode: UInt64(n), size: 1, [a])
        }
    }

    /// Every match of `match` with newsd_rank's and bm25's scores (lower is better for both).
    static func scores(_ match: String, in store: NewsStore) async throws -> [(id: Int64, ours: Double, bm25: Double)] {
        try await store.read { db in
            let ours = try NewsStore.scoreExpression(span: NewsStore.idSpan(db))
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, \(ours), bm25(articles_fts, \(NewsStore.columnWeights)) FROM articles_fts
                    WHERE articles_fts MATCH ? ORDER BY rowid
                    """, arguments: [match]
            ).map { ($0[0], $0[1], $0[2]) }
        }
    }

    @Test(
        "below 2,000 matches newsd_rank is bm25 to the last bit, for words, phrases, OR, NOT, columns and filter terms",
        arguments: [
            "ceasefire", "ceasefire harbour", "\"minister tariff\"", "storm OR court", "river NOT budget", "title : harbour",
            "ceasefire AND (meta : srcreuters)", "harbour AND (meta : \"d20250512\" OR meta : \"d20250514\")", "report*",
        ])
    func equalToBM25(match: String) async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit(Self.articles(300))
        let scores = try await Self.scores(match, in: t.store)
        #expect(!scores.isEmpty)
        for s in scores {
            #expect(s.ours == s.bm25, "article \(s.id): \(s.ours) against bm25's \(s.bm25)")
        }
    }

    @Test("past 2,000 matches a word's frequency is estimated from the ids its matches cover, close to bm25")
    func estimatedPastTheCount() async throws {
        let t = try TemporaryStore()
        // "tide" in every other article, 2,500 of 5,000: the frequency is estimated.
        let commits = (1...5_000).map { n in
            commit(
                "\(n).txt", inode: UInt64(n), size: 1,
                [article("Item \(n)", [(n % 2 == 0 ? "tide " : "") + "words of item \(n) and \(n % 13) more"])])
        }
        _ = try await t.store.commit(commits)
        #expect(Int64(2_500) > RankFunction.exactHits)
        let scores = try await Self.scores("tide", in: t.store)
        #expect(scores.count == 2_500)
        for s in scores {
            #expect(abs(s.ours - s.bm25) <= abs(s.bm25) * 0.01, "article \(s.id): \(s.ours) against bm25's \(s.bm25)")
        }
        // The order they give is bm25's.
        let ours = scores.sorted { $0.ours < $1.ours || $0.ours == $1.ours && $0.id > $1.id }.prefix(20).map(\.id)
        let theirs = scores.sorted { $0.bm25 < $1.bm25 || $0.bm25 == $1.bm25 && $0.id > $1.id }.prefix(20).map(\.id)
        #expect(ours == theirs)
    }

    @Test("idle merge steps leave the index with fewer segments, the same answers and a sound index")
    func mergeSteps() async throws {
        let t = try TemporaryStore()
        // One commit per file: each adds a segment, and FTS5 merges them only four at a time.
        for chunk in Self.articles(60).chunked(into: 2) { _ = try await t.store.commit(chunk) }
        let before = try await t.store.indexSegments()
        #expect(before > 2)
        let answers = try await t.store.search(QueryParams(text: "ceasefire harbour", limit: 50))
        var steps = 0
        while try await t.store.mergeIndexStep(pages: 4) {
            steps += 1
            #expect(steps < 10_000, "the merge never ends")
            if steps >= 10_000 { break }
        }
        #expect(steps >= 1)
        let after = try await t.store.indexSegments()
        #expect(after <= 2 && after < before, "\(before) segments became \(after)")
        #expect(try await t.store.search(QueryParams(text: "ceasefire harbour", limit: 50)) == answers)
        #expect(try await t.store.integrityCheck() == "ok")
        // Nothing left: the next step says so at once.
        #expect(try await t.store.mergeIndexStep() == false)
    }
}

extension Array {
    fileprivate func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
