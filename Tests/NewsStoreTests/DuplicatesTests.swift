import Foundation
import GRDB
import NewsCore
import NewsProtocol
@testable import NewsStore
import Testing

/// Deterministic prose: `count` paragraphs of sentences drawn from a word list by a seeded generator.
func prose(seed: UInt64, paragraphs count: Int, words: Int = 60) -> [String] {
    let vocabulary = """
        minister talks ceasefire border troops city council river bridge harvest election vote budget court
        judge ruling protest police market prices energy grid storm flood rescue hospital doctors strike union
        school teachers railway airport flights port ships export tariff bank rates inflation workers factory
        village mayor governor army drone missile attack defence treaty summit leaders call statement spokesman
        report inquiry evidence witness families victims aid convoy food water shelter winter summer season
        """.split(whereSeparator: \.isWhitespace)
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next() -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(vocabulary.count))
    }
    return (0..<count).map { _ in (0..<words).map { _ in String(vocabulary[next()]) }.joined(separator: " ") + "." }
}

@Suite("Near-duplicates")
struct NearDuplicatesTests {
    static let base = prose(seed: 7, paragraphs: 8)

    @Test(
        "edits that keep an article the same story are near-duplicates; other articles are not",
        arguments: [
            ("identical", base, true),
            ("a paragraph added", base + prose(seed: 99, paragraphs: 1), true),
            ("a paragraph dropped", Array(base.dropFirst(3).prefix(1)) + Array(base.prefix(3)) + Array(base.dropFirst(4)), true),
            ("a few words changed", [base[0].replacingOccurrences(of: "the", with: "a")] + base.dropFirst().map { $0 }, true),
            ("a header and a footer", ["Updated 19 May 2025 at 21:52 IST"] + base + ["Editing by Ana Ruiz."], true),
            ("twice as long: the first half is contained", base + prose(seed: 5, paragraphs: 4), true),
            ("a different article", prose(seed: 8, paragraphs: 8), false),
            ("one shared paragraph in a different article", [base[0]] + prose(seed: 11, paragraphs: 7), false),
        ] as [(String, [String], Bool)])
    func nearOrNot(name: String, other: [String], near: Bool) throws {
        let a = try #require(NearDuplicates.signature(of: Self.base))
        let b = try #require(NearDuplicates.signature(of: other))
        #expect(NearDuplicates.areNear(a, b) == near, "\(name): J ≈ \(NearDuplicates.jaccard(a, b))")
        #expect(NearDuplicates.areNear(b, a) == near, "\(name), the other way round")
    }

    @Test("a body's words past the first maximumWords do not change its signature")
    func longBodies() throws {
        // 60 words a paragraph: 400 paragraphs are 24,000 words, past the 20,000 the signature reads.
        let long = prose(seed: 21, paragraphs: 400)
        let otherTail = Array(long.prefix(340)) + prose(seed: 22, paragraphs: 60)
        let words = NearDuplicates.maximumWords
        #expect(NearDuplicates.wordHashes(long, limit: words).count == words)
        #expect(NearDuplicates.wordHashes(long, limit: words) == Array(NearDuplicates.wordHashes(long).prefix(words)))
        // The first 20,000 words are the same (333 paragraphs and a third): so is the signature.
        #expect(NearDuplicates.signature(of: long) == NearDuplicates.signature(of: otherTail))
        #expect(NearDuplicates.signature(of: long) == Self.plainSignature(Array(long.prefix(334)).enumerated().map {
            $0.offset == 333 ? $0.element.split(separator: " ").prefix(20).joined(separator: " ") : $0.element
        }))
        // A change inside the first 20,000 words does change it.
        let early = prose(seed: 23, paragraphs: 100) + Array(long.dropFirst(100))
        #expect(NearDuplicates.signature(of: long) != NearDuplicates.signature(of: early))
    }

    @Test("case, quotes and white space do not change a signature; too little text has none")
    func normalisation() throws {
        let text = prose(seed: 3, paragraphs: 3)
        let shouted = text.map { $0.uppercased().replacingOccurrences(of: " ", with: "  ") }
        #expect(NearDuplicates.signature(of: text) == NearDuplicates.signature(of: shouted))
        #expect(NearDuplicates.signature(of: ["Too short to say anything."]) == nil)
    }

    /// The signature by its plain definition (as first written): words from the scalars, a set of
    /// shingles, each hash function's minimum over the set. Stored signatures must not change.
    static func plainSignature(_ paragraphs: [String]) -> NearDuplicates.Signature? {
        let words = plainWords(paragraphs)
        guard words.count >= NearDuplicates.shingleWords else { return nil }
        var shingles = Set<UInt64>()
        for i in 0...(words.count - NearDuplicates.shingleWords) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in 0..<NearDuplicates.shingleWords { h = NearDuplicates.mix(h ^ words[i + k]) }
            shingles.insert(h)
        }
        guard shingles.count >= NearDuplicates.minimumShingles else { return nil }
        let minima = (0..<NearDuplicates.hashCount).map { i in
            shingles.map { UInt32(truncatingIfNeeded: ($0 &* NearDuplicates.multipliers[i] &+ NearDuplicates.addends[i]) >> 32) }.min()!
        }
        return NearDuplicates.Signature(values: minima, shingles: shingles.count)
    }

    /// Word hashes by their plain definition: FNV-1a over the `wordValue`s of the scalars of each
    /// run of letters and digits, read through the string's own scalar view.
    static func plainWords(_ paragraphs: [String]) -> [UInt64] {
        var words: [UInt64] = []
        for paragraph in paragraphs {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            var inWord = false
            for scalar in paragraph.unicodeScalars {
                if let value = NearDuplicates.wordValue(scalar) {
                    h = (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                    inWord = true
                } else if inWord {
                    words.append(h)
                    h = 0xCBF2_9CE4_8422_2325
                    inWord = false
                }
            }
            if inWord { words.append(h) }
        }
        return words
    }

    @Test("words are hashed as their lowercase scalars, split at everything but letters and digits")
    func wordDefinition() {
        func fnv(_ word: String) -> UInt64 {
            word.unicodeScalars.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1.value)) &* 0x0000_0100_0000_01B3 }
        }
        // Pinned independently of the code under test: stored signatures depend on these values.
        let text = "Zelenskyy’s ΑΘΗΝΑ-talks: Straße, 30 días — İ½"
        // (İ lowercases to i and a combining dot: the first scalar counts; ½ is a number.)
        let expected = ["zelenskyy", "s", "αθηνα", "talks", "straße", "30", "días", "i½"].map(fnv)
        #expect(NearDuplicates.wordHashes([text]) == expected)
    }

    @Test("the signature is the plain definition's, for ASCII and for any other script")
    func plainDefinition() throws {
        let texts: [[String]] = [
            Self.base,
            prose(seed: 31, paragraphs: 2) + prose(seed: 31, paragraphs: 2),  // repeated shingles
            ["Zelenskyy’s talks in Kyiv: «Ceasefire» now, said Ursula von der Leyen — Ελλάδα ΑΘΗΝΑ Straße ÉCOLE "
                + "İstanbul 東京 三〇 ١٢٣ naïve café Ωmega. " + Array(repeating: "Ðe ǅungla ﬁre ẞig word", count: 12).joined(separator: " ")],
            ["Too short to say anything."],
            ["\u{1F600} emoji \u{1F600}", "", " \u{301}combining " + prose(seed: 32, paragraphs: 1)[0]],
        ]
        for text in texts {
            #expect(NearDuplicates.signature(of: text) == Self.plainSignature(text))
        }
        // Arbitrary bytes (decoded with replacement characters) and arbitrary scalars: the byte
        // reader decodes exactly as the scalar view does.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let text: String
            if round % 2 == 0 {
                let bytes = (0..<Int.random(in: 200...2000, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                var scalars = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 100...1000, using: &generator) {
                    let value = Bool.random(using: &generator)
                        ? UInt32.random(in: 0x20...0x7E, using: &generator) : UInt32.random(in: 0x80...0x10FFFF, using: &generator)
                    if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
                }
                text = String(scalars)
            }
            let paragraphs = text.split(separator: "\n").map(String.init)
            #expect(NearDuplicates.signature(of: paragraphs) == Self.plainSignature(paragraphs), "round \(round)")
            #expect(NearDuplicates.wordHashes(paragraphs) == Self.plainWords(paragraphs), "round \(round)")
        }
    }

    @Test("the filter of stored bucket keys never misses a key and rarely claims one it lacks")
    func bucketFilter() {
        var filter = BucketFilter(capacity: 50_000)
        var generator = SystemRandomNumberGenerator()
        let stored = (0..<filter.capacity).map { _ in Int64.random(in: 0 ... .max, using: &generator) }
        for key in stored { filter.insert(key) }
        #expect(stored.allSatisfy { filter.mayContain($0) })
        let others = (0..<100_000).map { _ in Int64.random(in: 0 ... .max, using: &generator) }
        let wrong = others.filter { filter.mayContain($0) }.count
        #expect(wrong < 3_000, "\(wrong) of 100,000 absent keys claimed at capacity")
        #expect(filter.count == filter.capacity)
    }

    @Test("the recent bucket rows answer as a plain map of buckets to articles, newest first, through growth, removals and a drain")
    func recentRowsAgainstAMap() {
        var generator = SystemRandomNumberGenerator()
        var recent = RecentBands()
        recent.reset(mergedThrough: 1_000)
        var plain: [Int64: [Int64]] = [:]  // bucket → articles, oldest first
        var keysOf: [Int64: [Int64]] = [:]
        // Few distinct buckets (shared ones make chains) and many articles (the head table grows).
        let buckets = (0..<3_000).map { _ in Int64.random(in: 0 ... .max, using: &generator) }
        for id in Int64(1_001)...5_000 {
            var keys = Set<Int64>()
            while keys.count < 30 { keys.insert(buckets.randomElement(using: &generator)!) }
            if id % 7 == 0, let old = keysOf.keys.randomElement(using: &generator) {
                // Removing an article and filing it again (a revision).
                recent.remove(keysOf[old]!, id: old)
                for key in keysOf[old]! { plain[key]!.removeAll { $0 == old } }
                if id % 2 == 0 {
                    recent.insert(keysOf[old]!, id: old)
                    for key in keysOf[old]! { plain[key]!.append(old) }
                } else {
                    keysOf[old] = nil
                }
            }
            recent.insert(Array(keys), id: id)
            for key in keys { plain[key, default: []].append(id) }
            keysOf[id] = Array(keys)
        }
        #expect(recent.count == plain.values.reduce(0) { $0 + $1.count })
        for key in buckets.prefix(200) {
            var found = Set<Int64>()
            let taken = recent.members(of: [key], into: &found, perBucket: 5)
            let newest = (plain[key] ?? []).suffix(5)
            #expect(taken == [newest.count])
            #expect(found.isSubset(of: Set(plain[key] ?? [])))
            // Removed entries count towards the four-times read limit, so only the full answer is exact.
            if found.count == newest.count { #expect(found == Set(newest)) }
        }
        var none = Set<Int64>()
        #expect(recent.members(of: [Int64.max - 1], into: &none, perBucket: 5) == [0] && none.isEmpty)
        var drained: [(bucket: Int64, article: Int64)] = []
        recent.drain { drained.append(($0, $1)) }
        var expected: [[Int64]] = []
        for (key, ids) in plain { for id in ids { expected.append([key, id]) } }
        expected.sort { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
        #expect(drained.map { [$0.bucket, $0.article] } == expected)
        #expect(recent.count == 0 && recent.entries == 0 && recent.mergedThrough == 5_000)
        #expect(!recent.holds(5_000) && recent.holds(5_001))
    }

    @Test("a story centroid adds vectors term by term, keeps the heaviest terms in order and says which it let go")
    func centroidArithmetic() {
        var centroid = StoryIndex.Centroid()
        #expect(centroid.add([(5, 1.0), (2, 0.5), (9, 0.25)]) == [true, true, true])
        #expect(centroid.terms == [2, 5, 9] && centroid.weights == [0.5, 1.0, 0.25])
        #expect(centroid.add([(9, 1.0), (1, 2.0)]) == [false, true])
        #expect(centroid.terms == [1, 2, 5, 9] && centroid.weights == [2.0, 0.5, 1.0, 1.25])
        #expect(centroid.weight(of: 9) == 1.25 && centroid.weight(of: 3) == nil && centroid.weight(of: 10) == nil)
        #expect(centroid.norm2 == 4 + 0.25 + 1 + 1.5625)
        #expect(centroid.keepHeaviest(4) == [])
        // Ties go to the smaller term.
        #expect(centroid.add([(7, 0.5)]) == [true])
        #expect(centroid.keepHeaviest(3) == [2, 7])
        #expect(centroid.terms == [1, 5, 9] && centroid.weights == [2.0, 1.0, 1.25])
    }

    @Test("a signature survives the trip through its stored bytes; wrong bytes are refused")
    func storedForm() throws {
        let s = try #require(NearDuplicates.signature(of: Self.base))
        #expect(NearDuplicates.Signature(data: s.data, shingles: s.shingles) == s)
        #expect(NearDuplicates.Signature(data: Data([1, 2, 3]), shingles: 3) == nil)
        #expect(NearDuplicates.bucketKeys(s).count == NearDuplicates.bands)
        #expect(NearDuplicates.bucketKeys(s).allSatisfy { $0 >= 0 })
    }
}

@Suite("Stories")
struct StoryIndexTests {
    static func features(_ title: String, _ lead: String, _ entities: [String], _ published: String?) -> StoryFeatures {
        StoryFeatures(title: title, summary: [], body: [lead], entities: entities, published: published)
    }

    @Test("articles about the same event join one story; the same people months later start another")
    func grouping() throws {
        var index = StoryIndex()
        let call = Self.features(
            "Trump and Putin hold phone call on Ukraine ceasefire", "The two presidents spoke for two hours on Monday.",
            ["Donald Trump", "Vladimir Putin", "Ukraine"], "2025-05-19T16:13:00Z")
        #expect(index.best(for: call) == nil)
        index.add(call, to: 1)
        let sameCall = Self.features(
            "Putin and Trump call ends after two hours of Ukraine talks", "Kremlin says the ceasefire call was useful.",
            ["Vladimir Putin", "Donald Trump", "Ukraine", "Kremlin"], "2025-05-19T18:40:00Z")
        #expect(index.best(for: sameCall)?.story == 1)
        index.add(sameCall, to: 1)
        let undated = Self.features(
            "Trump Putin phone call on Ukraine ceasefire under way", "The presidents began their call.",
            ["Donald Trump", "Vladimir Putin"], nil)
        #expect(index.best(for: undated)?.story == 1)
        let earlierCall = Self.features(
            "Trump and Putin hold phone call on Ukraine ceasefire", "The two presidents spoke about a truce.",
            ["Donald Trump", "Vladimir Putin", "Ukraine"], "2025-03-18T14:00:00Z")
        #expect(index.best(for: earlierCall) == nil)
        let unrelated = Self.features(
            "Floods close railway lines across the north", "Rivers burst their banks after a week of rain.",
            ["Network Rail"], "2025-05-19T12:00:00Z")
        #expect(index.best(for: unrelated) == nil)
    }

    @Test("the index holds at most its capacity, dropping the least recently joined story")
    func bounded() {
        var index = StoryIndex(capacity: 3)
        for i in 1...5 {
            index.add(Self.features("Story number \(i) headline words", "lead \(i)", [], "2025-05-0\(i)"), to: Int64(i))
        }
        #expect(index.count == 3)
        #expect(index.storyIDs == [3, 4, 5])
        #expect(index.postedStoryIDs.isSubset(of: [3, 4, 5]))
        #expect(!index.postedStoryIDs.isEmpty)
        // A slot freed by a dropped story is reused, and the new story's postings lead to it.
        index.remove(story: 4)
        index.add(Self.features("Another headline entirely different", "lead six", [], "2025-05-06"), to: 6)
        #expect(index.storyIDs == [3, 5, 6])
        #expect(index.postedStoryIDs == [3, 5, 6])
        #expect(index.slots.count == 4)
    }

    @Test("story words are runs of letters and digits, lowercased, three or more long, no stop words")
    func storyWords() {
        var seen: [UInt64] = []
        StoryText.forEachTerm(in: "The TRUMP–Putin call, 2025: ZÜRICH’s déjà vu") { seen.append($0) }
        #expect(seen == ["trump", "putin", "call", "2025", "zürich", "déjà"].map(StoryText.hash))
        var decomposed: [UInt64] = []
        StoryText.forEachTerm(in: "de\u{301}ja\u{300} vu") { decomposed.append($0) }
        #expect(decomposed.count == 1)  // the combining accents stay inside the word
        #expect(StoryText.entityHash("Donald Trump") == StoryText.entityHash("donald trump"))
        #expect(StoryText.entityHash("Donald Trump") != StoryText.hash("donald trump"))
    }

    @Test("hostile text makes features without trapping: long numbers, lone marks, odd case mappings")
    func hostileText() {
        let long = String(repeating: "9", count: 10_000)
        let texts = [
            "May \(long) 2025", "\(long) May 2025", "May 19 \(long)", "May 0 2025", "May 31 99999999999",
            "\u{301}\u{301}\u{301} \u{20DD}", "İSTANBUL ǅemal ΣΊΣΥΦΟΣ ß ﬁnance", "\u{0}\u{0}May\u{0}19\u{0}2025",
            "\u{200D}\u{FEFF}\u{202E}abc\u{202C}", "👩‍👩‍👧 🇺🇦 ١٢٣ May ٢٠ ٢٠٢٥", String(repeating: "a", count: 100_000),
        ]
        for text in texts {
            _ = StoryFeatures(title: text, summary: [text], body: [text], mentions: [text], entities: [text], published: text)
        }
        // Numbers too long to be a day or a year are no date; a valid one is.
        #expect(StoryText.latestMentionedDate(in: ["May \(long) 2025", "May 31 99999999999"]) == nil)
        #expect(StoryText.latestMentionedDate(in: ["\u{0}May\u{0}19\u{0}2025"]) == StoryText.seconds("2025-05-19"))
        var terms: [UInt64] = []
        StoryText.forEachTerm(in: "İSTANBUL") { terms.append($0) }
        #expect(terms == [StoryText.hash("i̇stanbul")])
    }

    @Test("an undated article's time is the latest full date its text mentions", arguments: [
        (["Talks began on June 28, 2019.", "The call on March 18, 2025 lasted two hours."], "2025-03-18"),
        (["Published 19 May 2025 after the call."], "2025-05-19"),
        (["On Monday, March 20, officials met."], nil),
        (["No dates here at all."], nil),
    ] as [([String], String?)])
    func mentionedDates(body: [String], expected: String?) {
        #expect(StoryText.latestMentionedDate(in: body) == expected.flatMap(StoryText.seconds))
    }

    @Test("publication times become seconds since the epoch", arguments: [
        ("1970-01-01", Int64(0)), ("2025-05-19T16:13:00Z", Int64(1_747_671_180)), ("2024-02-29", Int64(1_709_164_800)),
    ])
    func seconds(text: String, expected: Int64) {
        #expect(StoryText.seconds(text) == expected)
    }
}

@Suite("Linking in the store")
struct LinkingTests {
    static func piece(_ title: String, _ body: [String], hash: String, published: String? = "2025-05-19T10:00:00Z")
        -> Article
    {
        var a = article(title, body, people: ["Ana Ruiz"], published: published)
        a.contentHash = hash
        return a
    }

    @Test("an exact copy points at the first; query shows one result with a count, --all both; show lists copies")
    func exactCopies() async throws {
        let t = try TemporaryStore()
        let body = prose(seed: 1, paragraphs: 5)
        let first = try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("Harvest", body, hash: "same")])])
        let second = try await t.store.commit([commit("b.txt", inode: 2, size: 10, [Self.piece("Harvest", body, hash: "same")])])
        let a = try #require(first.first?.id)
        let b = try #require(second.first?.id)
        #expect(second.first?.duplicateOf == a)
        #expect(first.first?.duplicateOf == nil)
        let folded = try await t.store.search(QueryParams())
        #expect(folded.total == 1)
        #expect(folded.results.map(\.id) == [a])
        #expect(folded.results.first?.duplicates == 1)
        let all = try await t.store.search(QueryParams(all: true))
        #expect(all.results.map(\.id).sorted() == [a, b])
        #expect(try await t.store.search(QueryParams(text: "harvest")).total == 1)
        let shown = try #require(try await t.store.document(id: b))
        #expect(shown.duplicateOf == a)
        #expect(shown.copies == [a])
        #expect(try await t.store.document(id: a)?.copies == [b])
        // Both files keep their rows: each is found by its path.
        #expect(try await t.store.fileRecord(path: "b.txt")?.articleID == b)
        #expect(shown.storyID != nil && shown.storyID == first.first?.storyID)
        try await Self.expectCopyTokensInStep(t.store, copies: [b])
    }

    @Test("empty bodies are never duplicates of each other")
    func emptyBodies() async throws {
        let t = try TemporaryStore()
        var one = Self.piece("One", [], hash: "empty")
        one.wordCount = 0
        var two = Self.piece("Two", [], hash: "empty")
        two.wordCount = 0
        _ = try await t.store.commit([commit("a.txt", inode: 1, size: 10, [one])])
        let second = try await t.store.commit([commit("b.txt", inode: 2, size: 10, [two])])
        #expect(second.first?.duplicateOf == nil)
    }

    @Test("a revision that changes the first copy's text hands the group to the next copy")
    func revisionRegroups() async throws {
        let t = try TemporaryStore()
        let body = prose(seed: 2, paragraphs: 5)
        let a = try #require(try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("X", body, hash: "h1")])]).first?.id)
        let b = try #require(try await t.store.commit([commit("b.txt", inode: 2, size: 10, [Self.piece("X", body, hash: "h1")])]).first?.id)
        let c = try #require(try await t.store.commit([commit("c.txt", inode: 3, size: 10, [Self.piece("X", body, hash: "h1")])]).first?.id)
        let fileID = try #require(try await t.store.fileRecord(path: "a.txt")?.id)
        let revised = try await t.store.commit([
            commit("a.txt", inode: 1, size: 20, [Self.piece("X", prose(seed: 40, paragraphs: 5), hash: "h2")], fileID: fileID)
        ])
        #expect(revised.first?.duplicateOf == nil)
        #expect(try await t.store.document(id: a)?.copies == [])
        #expect(try await t.store.document(id: b)?.duplicateOf == nil)
        #expect(try await t.store.document(id: c)?.duplicateOf == b)
        // The index follows: the copy token moved from b to c, searches fold c and show b.
        try await Self.expectCopyTokensInStep(t.store, copies: [c])
        let word = try #require(body.first?.split(separator: " ").first.map(String.init))
        let folded = try await t.store.search(QueryParams(text: word)).results.map(\.id)
        #expect(folded.contains(b) && !folded.contains(c))
        #expect(try await t.store.search(QueryParams(text: word, all: true)).results.map(\.id).contains(c))
        // A relink clears every copy and links them again: the tokens follow both steps.
        _ = try await t.store.relink()
        try await Self.expectCopyTokensInStep(t.store, copies: [c])
    }

    @Test("a relink leaves the rows of copies that stay copies alone (no index rewrite)")
    func relinkKeepsCopyTokens() async throws {
        let t = try TemporaryStore()
        let body = prose(seed: 11, paragraphs: 5)
        var ids: [Int64] = []
        for (n, name) in ["a.txt", "b.txt", "c.txt"].enumerated() {
            ids.append(try #require(
                try await t.store.commit([commit(name, inode: UInt64(n + 1), size: 10, [Self.piece("X", body, hash: "rk")])]).first?.id))
        }
        try await t.store.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta_writes (id INTEGER);
                    CREATE TRIGGER meta_written AFTER UPDATE OF meta ON articles BEGIN INSERT INTO meta_writes VALUES (new.id); END;
                    """)
        }
        _ = try await t.store.relink(chunk: 1)
        let written = try await t.store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM meta_writes") }
        #expect(written == [])
        try await Self.expectCopyTokensInStep(t.store, copies: Array(ids.dropFirst()))
    }

    @Test("an archive from before the copy token gets it on its copies when it opens (migration v9)")
    func copyTokenMigration() async throws {
        let folder = try TemporaryFolder("newsd-v9")
        defer { withExtendedLifetime(folder) {} }  // the folder goes when the test ends, not after its last use
        let path = folder.path + "/newsd.db"
        let body = prose(seed: 9, paragraphs: 5)
        var ids: [Int64] = []
        do {
            let store = try NewsStore(path: path)
            for (n, name) in ["a.txt", "b.txt", "c.txt"].enumerated() {
                let id = try #require(
                    try await store.commit([commit(name, inode: UInt64(n + 1), size: 10, [Self.piece("X", body, hash: "v9")])]).first?.id)
                ids.append(id)
            }
            _ = try await store.commit([commit("d.txt", inode: 4, size: 10, [Self.piece("Y", prose(seed: 10, paragraphs: 5), hash: "v9b")])])
        }
        // The archive as version 8 left it: no token in the rows or the index, v9 not yet run.
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in db.add(function: FullTextChanges.indexTextFunction) }  // the view's
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try await queue.write { db in
                try db.execute(sql: "UPDATE articles SET meta = trim(replace(meta, '\(FullTextChanges.copyToken)', ''))")
                try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9'")
                let tokens = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'meta : \(FullTextChanges.copyToken)'")
                #expect(tokens == 0)
            }
            try queue.close()
        }
        let store = try NewsStore(path: path)
        store.queryTimeout = .seconds(120)
        try await Self.expectCopyTokensInStep(store, copies: Array(ids.dropFirst()))
        // Searches fold the copies again: the first article stands for the group.
        let word = try #require(body.first?.split(separator: " ").first.map(String.init))
        let found = try await store.search(QueryParams(text: word)).results.map(\.id)
        #expect(found.contains(ids[0]) && !found.contains(ids[1]) && !found.contains(ids[2]))
    }

    /// The articles whose index row carries the copy token are exactly the copies, and FTS5 finds
    /// its index equal to the articles' columns.
    static func expectCopyTokensInStep(_ store: NewsStore, copies: [Int64]) async throws {
        let tokens = try await store.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'meta : \(FullTextChanges.copyToken)' ORDER BY rowid")
        }
        let stored = try await store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE duplicate_of IS NOT NULL ORDER BY id")
        }
        #expect(stored == copies)
        #expect(tokens == copies)
        #expect(try await store.integrityCheck() == "ok")
    }

    @Test("an article with a paragraph added is a near-duplicate of the original, both ways, and in its story")
    func nearBothWays() async throws {
        let t = try TemporaryStore()
        let body = prose(seed: 3, paragraphs: 8)
        let a = try #require(try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("Talks", body, hash: "n1")])]).first)
        let b = try #require(
            try await t.store.commit([
                commit("b.txt", inode: 2, size: 10, [Self.piece("Talks", body + prose(seed: 4, paragraphs: 1), hash: "n2")])
            ]).first)
        let other = try #require(
            try await t.store.commit([
                commit("c.txt", inode: 3, size: 10, [Self.piece("Floods", prose(seed: 5, paragraphs: 8), hash: "n3")])
            ]).first)
        #expect(b.duplicateOf == nil)
        #expect(try await t.store.document(id: a.id)?.nearDuplicates == [b.id])
        #expect(try await t.store.document(id: b.id)?.nearDuplicates == [a.id])
        #expect(try await t.store.document(id: other.id)?.nearDuplicates == [])
        #expect(b.storyID == a.storyID)

        // The revision that makes b a different article drops the pair on both sides.
        let fileID = try #require(try await t.store.fileRecord(path: "b.txt")?.id)
        _ = try await t.store.commit([
            commit("b.txt", inode: 2, size: 20, [Self.piece("Other", prose(seed: 6, paragraphs: 8), hash: "n4")], fileID: fileID)
        ])
        #expect(try await t.store.document(id: a.id)?.nearDuplicates == [])
        #expect(try await t.store.document(id: b.id)?.nearDuplicates == [])
    }

    @Test("candidates' signatures come from memory or from the table alike, and a revision's replaces the old one")
    func signaturesHeldOrStored() async throws {
        let t = try TemporaryStore()
        let body = prose(seed: 7, paragraphs: 8)
        let a = try #require(try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("Vote", body, hash: "s1")])]).first)
        #expect(t.store.linking.withLock { $0.signatures.signature(of: a.id) } != nil)
        // Forgotten by the writer: b's search reads a's signature back from the table.
        t.store.linking.withLock { $0.signatures.reset() }
        let b = try #require(
            try await t.store.commit([
                commit("b.txt", inode: 2, size: 10, [Self.piece("Vote", body + prose(seed: 8, paragraphs: 1), hash: "s2")])
            ]).first)
        #expect(try await t.store.document(id: b.id)?.nearDuplicates == [a.id])
        // b becomes another text; a third article like b's old text is near a, not b.
        let fileID = try #require(try await t.store.fileRecord(path: "b.txt")?.id)
        _ = try await t.store.commit([
            commit("b.txt", inode: 2, size: 20, [Self.piece("Other", prose(seed: 9, paragraphs: 8), hash: "s3")], fileID: fileID)
        ])
        #expect(t.store.linking.withLock { $0.signatures.signature(of: b.id) } == NearDuplicates.signature(of: prose(seed: 9, paragraphs: 8)))
        let c = try #require(
            try await t.store.commit([
                commit("c.txt", inode: 3, size: 10, [Self.piece("Vote", body + prose(seed: 8, paragraphs: 1), hash: "s4")])
            ]).first)
        #expect(try await t.store.document(id: c.id)?.nearDuplicates == [a.id])
    }

    @Test("a record unlinked first after a failed transaction takes out its own bucket rows, not what stale memory said")
    func unlinkAfterFailure() async throws {
        let t = try TemporaryStore()
        let first = [Self.piece("Vote", prose(seed: 11, paragraphs: 8), hash: "u1")]
        let both = first + [Self.piece("Floods", prose(seed: 12, paragraphs: 8), hash: "u2")]
        let made = try await t.store.commit([commit("j.jsonl", inode: 1, size: 10, both)])
        #expect(made.count == 2)
        #expect(t.store.linking.withLock { $0.recent.count } == 2 * NearDuplicates.bands)
        // As after a rolled-back transaction: memory no longer trusted, and it holds a wrong
        // signature for the second record.
        let wrong = try #require(NearDuplicates.signature(of: prose(seed: 13, paragraphs: 8)))
        t.store.linking.withLock {
            $0.loaded = false
            $0.signatures.insert(wrong, id: made[1].id)
        }
        // The file now yields only its first record: the second is unlinked, then deleted.
        let fileID = try #require(try await t.store.fileRecord(path: "j.jsonl")?.id)
        _ = try await t.store.commit([commit("j.jsonl", inode: 1, size: 5, first, fileID: fileID)])
        #expect(t.store.linking.withLock { $0.recent.count } == NearDuplicates.bands)
        #expect(t.store.linking.withLock { $0.signatures.signature(of: made[1].id) } == nil)
    }

    @Test("the ring of recent signatures holds the newest, forgets on removal and replaces on reinsertion")
    func recentSignatures() throws {
        var ring = RecentSignatures(capacity: 3)
        let signatures = try (1...4).map { try #require(NearDuplicates.signature(of: prose(seed: UInt64($0), paragraphs: 2))) }
        for (k, s) in signatures.enumerated() { ring.insert(s, id: Int64(k + 1)) }
        #expect(ring.count == 3)
        #expect(ring.signature(of: 1) == nil)
        #expect(ring.signature(of: 2) == signatures[1] && ring.signature(of: 4) == signatures[3])
        ring.insert(signatures[0], id: 2)  // article 2 revised: one slot, the new signature
        #expect(ring.signature(of: 2) == signatures[0])
        #expect(ring.count == 3)
        ring.remove(3)
        #expect(ring.signature(of: 3) == nil && ring.count == 2)
        // The slots keep turning: 5 and 6 take the oldest slots, never the one 2 moved to.
        ring.insert(signatures[2], id: 5)
        ring.insert(signatures[3], id: 6)
        #expect(ring.signature(of: 2) == signatures[0])
        #expect(ring.signature(of: 4) == nil)
        ring.reset()
        #expect(ring.count == 0 && ring.signature(of: 2) == nil)
    }

    @Test("bucket rows gather in memory, move to the table in a merge, and are found in both")
    func bucketMerge() async throws {
        let t = try TemporaryStore()
        // A merge as soon as two articles' rows are waiting.
        t.store.linking.withLock { $0.mergeAtRows = 2 * NearDuplicates.bands }
        func rows() async throws -> (recent: Int, merged: Int) {
            let recent = t.store.linking.withLock { $0.recent.count }
            return (recent, try await t.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lsh_buckets") ?? -1 })
        }
        let body = prose(seed: 11, paragraphs: 8)
        let a = try #require(try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("Talks", body, hash: "m1")])]).first)
        #expect(try await rows() == (NearDuplicates.bands, 0))
        let other = try #require(
            try await t.store.commit([
                commit("o.txt", inode: 2, size: 10, [Self.piece("Floods", prose(seed: 12, paragraphs: 8), hash: "m2")])
            ]).first)
        #expect(try await rows() == (0, 2 * NearDuplicates.bands))  // merged
        // The edited copy finds its original in the large table; the next one finds it in the recent one.
        let b = try #require(
            try await t.store.commit([
                commit("b.txt", inode: 3, size: 10, [Self.piece("Talks", body + prose(seed: 13, paragraphs: 1), hash: "m3")])
            ]).first)
        #expect(try await t.store.document(id: b.id)?.nearDuplicates == [a.id])
        let c = try #require(
            try await t.store.commit([
                commit("c.txt", inode: 4, size: 10, [Self.piece("Talks", body + prose(seed: 14, paragraphs: 1), hash: "m4")])
            ]).first)
        #expect(try await t.store.document(id: c.id)?.nearDuplicates == [a.id, b.id])
        #expect(try await t.store.document(id: other.id)?.nearDuplicates == [])
        // Unlinking (a revision into another text) takes an article's rows out of the table.
        let fileID = try #require(try await t.store.fileRecord(path: "a.txt")?.id)
        _ = try await t.store.commit([
            commit("a.txt", inode: 1, size: 20, [Self.piece("Other", prose(seed: 15, paragraphs: 8), hash: "m5")], fileID: fileID)
        ])
        let left = try await t.store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM lsh_buckets WHERE article_id = ?", arguments: [a.id]) ?? -1
        }
        #expect(left == NearDuplicates.bands)  // its new text's rows only: it is older than the merge
        #expect(t.store.linking.withLock { $0.recent.count } == 0)
        #expect(try await t.store.document(id: b.id)?.nearDuplicates == [c.id])
        let total = try await rows()
        #expect(total.recent + total.merged == 4 * NearDuplicates.bands)
    }

    @Test(
        "recent bucket rows live in memory and are rebuilt from the signatures when the store opens again, in its first commit or loaded before it (once)",
        arguments: [false, true])
    func recentBandsAfterRestart(loadedBeforeTheFirstCommit: Bool) async throws {
        let t = try TemporaryStore()
        t.store.linking.withLock { $0.mergeAtRows = 2 * NearDuplicates.bands }
        let body = prose(seed: 21, paragraphs: 8)
        let a = try #require(try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("Talks", body, hash: "r1")])]).first)
        let other = try #require(
            try await t.store.commit([
                commit("o.txt", inode: 2, size: 10, [Self.piece("Floods", prose(seed: 22, paragraphs: 8), hash: "r2")])
            ]).first)  // merged: a and other are in the table
        let b = try #require(
            try await t.store.commit([
                commit("b.txt", inode: 3, size: 10, [Self.piece("Talks", body + prose(seed: 23, paragraphs: 1), hash: "r3")])
            ]).first)  // in memory only
        #expect(t.store.linking.withLock { ($0.recent.count, $0.recent.mergedThrough) } == (NearDuplicates.bands, other.id))

        let again = try NewsStore(path: t.folder + "/newsd.db")
        #expect(!again.linkingLoaded)
        if loadedBeforeTheFirstCommit {
            #expect(try await again.loadLinking())
            #expect(again.linkingLoaded)
            #expect(again.linking.withLock { $0.recent.count } == NearDuplicates.bands)  // b's rows, from its signature
            #expect(try await again.loadLinking() == false)
        }
        let c = try #require(
            try await again.commit([
                commit("c.txt", inode: 4, size: 10, [Self.piece("Talks", body + prose(seed: 24, paragraphs: 1), hash: "r4")])
            ]).first)
        #expect(try await again.document(id: c.id)?.nearDuplicates == [a.id, b.id])
        #expect(again.linking.withLock { ($0.recent.count, $0.recent.mergedThrough) } == (2 * NearDuplicates.bands, other.id))
        let table = try await again.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lsh_buckets") ?? -1 }
        #expect(table == 2 * NearDuplicates.bands)
    }

    @Test("an article revised again and again does not grow the recent rows without bound")
    func revisionsAreMerged() async throws {
        let t = try TemporaryStore()
        t.store.linking.withLock { $0.mergeAtRows = 4 * NearDuplicates.bands }
        var fileID: Int64?
        for revision in 1...10 {
            let body = prose(seed: 40 + UInt64(revision), paragraphs: 6)
            let committed = try await t.store.commit([
                commit("live.txt", inode: 1, size: Int64(revision), [Self.piece("Live", body, hash: "v\(revision)")], fileID: fileID)
            ])
            #expect(committed.count == 1)
            fileID = try await t.store.fileRecord(path: "live.txt")?.id
            let entries = t.store.linking.withLock { $0.recent.entries }
            #expect(entries < 4 * NearDuplicates.bands, "revision \(revision): \(entries) entries held")
        }
        // Its rows are where they belong: the newest text's 30, in memory or in the table.
        let table = try await t.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lsh_buckets") ?? -1 }
        #expect(table + t.store.linking.withLock { $0.recent.count } == NearDuplicates.bands)
    }

    @Test("stories list newest first, filter query by story, and relink rebuilds the same links")
    func storiesAndRelink() async throws {
        let t = try TemporaryStore()
        let body = prose(seed: 9, paragraphs: 4)
        let may = Self.piece("Trump and Putin phone call on Ukraine ceasefire", body, hash: "s1")
        var mayAgain = Self.piece("Putin and Trump phone call on Ukraine ceasefire ends", prose(seed: 10, paragraphs: 4), hash: "s2",
                                  published: "2025-05-19T12:00:00Z")
        mayAgain.people = ["Ana Ruiz", "Donald Trump"]
        let march = Self.piece("Trump and Putin phone call on Ukraine ceasefire", prose(seed: 11, paragraphs: 4), hash: "s3",
                               published: "2025-03-18T12:00:00Z")
        let committed = try await t.store.commit([
            commit("a.txt", inode: 1, size: 10, [may]), commit("b.txt", inode: 2, size: 10, [mayAgain]),
            commit("c.txt", inode: 3, size: 10, [march]),
        ])
        #expect(committed[0].storyID == committed[1].storyID)
        #expect(committed[2].storyID != committed[0].storyID)
        let stories = try await t.store.stories(since: nil, limit: 10)
        #expect(stories.map(\.id) == [committed[0].storyID, committed[2].storyID].compactMap { $0 })
        #expect(stories.first?.articles == 2)
        #expect(stories.first?.first == "2025-05-19T10:00:00Z")
        #expect(stories.first?.last == "2025-05-19T12:00:00Z")
        #expect(try await t.store.stories(since: "2025-04-01", limit: 10).count == 1)
        let storyID = try #require(committed[0].storyID)
        #expect(try await t.store.search(QueryParams(story: storyID)).results.map(\.id).sorted() == [committed[0].id, committed[1].id])
        #expect(try await t.store.search(QueryParams(text: "story:\(storyID)")).total == 2)
        #expect(try await t.store.story(id: storyID)?.results.count == 2)
        #expect(try await t.store.story(id: 999) == nil)

        #expect(try await t.store.relink() == 3)
        let after = try await t.store.stories(since: nil, limit: 10)
        #expect(after.map(\.articles) == [2, 1])
        let a = try #require(try await t.store.document(id: committed[0].id))
        #expect(try await t.store.document(id: committed[1].id)?.storyID == a.storyID)
        #expect(try await t.store.document(id: committed[2].id)?.storyID != a.storyID)
    }

    @Test("with duplicates and stories off, nothing is linked")
    func off() async throws {
        let t = try TemporaryStore()
        t.store.linkSettings = LinkSettings(duplicates: false, stories: false)
        let body = prose(seed: 1, paragraphs: 5)
        _ = try await t.store.commit([commit("a.txt", inode: 1, size: 10, [Self.piece("Harvest", body, hash: "same")])])
        let second = try await t.store.commit([commit("b.txt", inode: 2, size: 10, [Self.piece("Harvest", body, hash: "same")])])
        #expect(second.first?.duplicateOf == nil)
        #expect(second.first?.storyID == nil)
        #expect(try await t.store.search(QueryParams()).total == 2)
    }
}
