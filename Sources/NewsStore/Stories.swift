import Foundation

/// What story linking needs of one article: the weighted words of its title and lead and the
/// people, places and organisations it names (as terms of the same vector), and its time. Made on
/// the parsing thread (`StoredArticle`), from fields at hand.
package struct StoryFeatures: Sendable, Equatable {
    /// Hashed words of the title (counted twice) and the lead, and hashed entity names, with counts.
    package var terms: [UInt64: Double]
    /// Seconds since the epoch of the publication time; for an article that does not say, of the
    /// latest full date its body, photo captions or embedded posts mention (`May 19, 2025`,
    /// `19 May 2025`); nil when there is none.
    package var time: Int64?

    /// Creates features (tests).
    package init(terms: [UInt64: Double], time: Int64?) {
        self.terms = terms
        self.time = time
    }

    /// How many paragraphs of the body make the lead.
    static let leadParagraphs = 3

    /// The features of an article's title, summary, lead paragraphs and entities.
    package init(
        title: String?, summary: [String], body: [String], mentions: [String] = [], entities: [String],
        published: String?
    ) {
        var terms: [UInt64: Double] = [:]
        for word in StoryIndex.words(title ?? "") { terms[word, default: 0] += 2 }
        for text in summary.prefix(2) + body.prefix(Self.leadParagraphs) {
            for word in StoryIndex.words(text) { terms[word, default: 0] += 1 }
        }
        for entity in entities { terms[StoryIndex.hash("entity:" + entity.lowercased()), default: 0] += 1 }
        self.terms = terms
        self.time = published.flatMap(StoryIndex.seconds) ?? StoryIndex.latestMentionedDate(in: body + mentions)
    }
}

/// The active stories: an online, single-pass clustering of articles into stories (after Miranda
/// et al., "Multilingual Clustering of Streaming News", EMNLP 2018). A new article is compared with
/// the stories active around its time — the cosine of its TF-IDF vector (words of title and lead,
/// and the entities it names) with the story's centroid, times a decay in the time between them —
/// and joins the best story scoring at least `threshold`, or starts a new one. Stories more than
/// `window` away from the article's time are not candidates.
///
/// Bounded: at most `capacity` stories (the least recently joined go first), each keeping its
/// `centroidTerms` heaviest terms, and a fixed table of document frequencies (`dfSlots` counters of
/// hashed terms). Not thread-safe: the store's writer owns it.
package struct StoryIndex: Sendable {
    /// Stories kept in memory at most.
    package var capacity: Int
    /// Score at or above which an article joins a story.
    package static let threshold = 0.10
    /// A story is compared only with articles at most this far from its time span.
    package static let window: Int64 = 3 * 86_400
    /// Time constant of the decay, in seconds: the score is multiplied by exp(-(Δt - grace) / decay).
    package static let decay = 4.0 * 86_400
    /// Time apart that costs nothing (many publication times are only days).
    package static let grace: Int64 = 86_400
    /// Terms kept per story centroid.
    static let centroidTerms = 100
    /// Terms kept per article vector.
    static let articleTerms = 100
    /// Counters of the hashed document-frequency table.
    static let dfSlots = 1 << 18
    /// Stories a term leads to at most (the most recent that gained it). A term whose list is
    /// full is too common to tell stories apart (an online stop word): it finds no candidates and
    /// adds nothing to the scores, so an article costs at most `articleTerms` × `postingsPerTerm`
    /// look-ups, and in practice far fewer.
    static let postingsPerTerm = 100

    /// One active story.
    struct Story: Sendable {
        var centroid: [UInt64: Double] = [:]
        /// Squared length of `centroid`.
        var norm2 = 0.0
        var first: Int64?
        var last: Int64?
        var articles = 0
        /// `clock` when an article last joined (least recently joined stories are evicted first).
        var touched: UInt64 = 0
    }

    var stories: [Int64: Story] = [:]
    /// Term → stories whose centroid holds it, oldest first, at most `postingsPerTerm`.
    var postings: [UInt64: [Int64]] = [:]
    var documentFrequency: [UInt32]
    var documents: UInt32 = 0
    var clock: UInt64 = 0

    /// An empty index of at most `capacity` stories.
    package init(capacity: Int = 2000) {
        self.capacity = capacity
        documentFrequency = [UInt32](repeating: 0, count: Self.dfSlots)
    }

    /// Stories held now.
    package var count: Int { stories.count }

    /// The best story for an article and its score, or nil when none reaches `threshold`. Counts
    /// the article's words into the document frequencies (call it once per article).
    package mutating func best(for features: StoryFeatures) -> (story: Int64, score: Double)? {
        documents &+= 1
        for term in features.terms.keys {
            let slot = Int(term % UInt64(Self.dfSlots))
            documentFrequency[slot] &+= 1
        }
        let vector = self.vector(features)
        // Dot products through the postings: only stories sharing a term are touched.
        var dots: [Int64: Double] = [:]
        for (term, weight) in vector {
            guard let ids = postings[term], ids.count < Self.postingsPerTerm else { continue }
            for id in ids {
                if let w = stories[id]?.centroid[term] { dots[id, default: 0] += weight * w }
            }
        }
        var best: (story: Int64, score: Double)?
        for (id, dot) in dots {
            guard let story = stories[id] else { continue }
            let score = self.score(dot: dot, features, story)
            if score >= Self.threshold, score > (best?.score ?? 0) || score == best?.score && id > best!.story {
                best = (id, score)
            }
        }
        return best
    }

    /// The score of an article against a story, from the dot product of its vector with the
    /// story's centroid: the cosine, decayed by the time between them.
    func score(dot: Double, _ features: StoryFeatures, _ story: Story) -> Double {
        var distance: Int64 = 0
        if let t = features.time, let first = story.first, let last = story.last {
            distance = t < first ? first - t : t > last ? t - last : 0
            if distance > Self.window { return 0 }
        }
        let cosine = story.norm2 > 0 ? dot / story.norm2.squareRoot() : 0
        // Many times are only days: the first day apart costs nothing.
        return cosine * exp(-Double(max(0, distance - Self.grace)) / Self.decay)
    }

    /// The score of an article's vector against a story (tests).
    func score(_ vector: [UInt64: Double], _ features: StoryFeatures, _ story: Story) -> Double {
        var dot = 0.0
        for (term, weight) in vector { if let w = story.centroid[term] { dot += weight * w } }
        return score(dot: dot, features, story)
    }

    /// Adds an article to a story (a new one when the id is not held), evicting the least recently
    /// joined story when over `capacity`.
    package mutating func add(_ features: StoryFeatures, to id: Int64) {
        clock &+= 1
        var story = stories[id] ?? Story()
        let vector = self.vector(features)
        var gained: [UInt64] = []
        for (term, weight) in vector {
            if story.centroid[term] == nil { gained.append(term) }
            story.centroid[term, default: 0] += weight
        }
        if story.centroid.count > Self.centroidTerms {
            let kept = story.centroid.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
            for (term, _) in kept[Self.centroidTerms...] {
                story.centroid[term] = nil
                postings[term]?.removeAll { $0 == id }
                if postings[term]?.isEmpty == true { postings[term] = nil }
            }
        }
        story.norm2 = story.centroid.values.reduce(0) { $0 + $1 * $1 }
        for term in gained where story.centroid[term] != nil {
            var ids = postings[term, default: []]
            ids.append(id)
            if ids.count > Self.postingsPerTerm { ids.removeFirst(ids.count - Self.postingsPerTerm) }
            postings[term] = ids
        }
        if let t = features.time {
            story.first = min(story.first ?? t, t)
            story.last = max(story.last ?? t, t)
        }
        story.articles += 1
        story.touched = clock
        stories[id] = story
        while stories.count > capacity, let oldest = stories.min(by: { $0.value.touched < $1.value.touched })?.key {
            remove(story: oldest)
        }
    }

    /// Forgets a story (it was emptied, or relinking starts over).
    package mutating func remove(story id: Int64) {
        guard let story = stories.removeValue(forKey: id) else { return }
        for term in story.centroid.keys {
            postings[term]?.removeAll { $0 == id }
            if postings[term]?.isEmpty == true { postings[term] = nil }
        }
    }

    /// Forgets everything (relinking from the start).
    package mutating func reset() {
        self = StoryIndex(capacity: capacity)
    }

    /// The article's TF-IDF vector over its `articleTerms` heaviest words, of unit length.
    func vector(_ features: StoryFeatures) -> [UInt64: Double] {
        let n = Double(max(documents, 1))
        var weighted = features.terms.map { term, tf -> (UInt64, Double) in
            let df = Double(documentFrequency[Int(term % UInt64(Self.dfSlots))])
            // Sublinear term frequency times inverse document frequency, plus one: a floor that
            // keeps shared common words from counting for nothing.
            return (term, (1 + log(tf)) * log((n + 1) / (df + 1)) + 1)
        }
        if weighted.count > Self.articleTerms {
            weighted.sort { $0.1 > $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }
            weighted.removeSubrange(Self.articleTerms...)
        }
        let norm = weighted.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        return Dictionary(uniqueKeysWithValues: weighted.map { ($0.0, norm > 0 ? $0.1 / norm : 0) })
    }

    /// Bytes the index holds, roughly (for the memory figure in docs/DUPLICATES.md).
    package var approximateBytes: Int {
        var bytes = documentFrequency.count * 4
        for story in stories.values { bytes += 96 + story.centroid.count * 24 }
        for ids in postings.values { bytes += 48 + ids.count * 8 }
        return bytes
    }

    /// Words that say little about a story.
    static let stopWords: Set<String> = Set(
        """
        the and for that with was were are has have had his her its this from but not they their them been
        will would said says say also after about over into more than who what when where which while there
        than other some such only just like could should being our out new one two three can may might
        all any most many much very before since during under against between both each few those these
        she him you your yours off per via upon onto then once here why how because did does doing done
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Hashes of the words of a text worth comparing: letters and digits, lowercased, at least
    /// three long, no stop words.
    static func words(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        where word.count >= 3 && !stopWords.contains(String(word)) {
            result.append(hash(String(word)))
        }
        return result
    }

    /// FNV-1a of the UTF-8 bytes, finalised.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return NearDuplicates.mix(h)
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// Seconds since the epoch of the latest full date (`May 19, 2025`, `19 May 2025`) a text
    /// mentions, nil when it mentions none: the best guess of an undated article's time (a report
    /// rarely names a later day than its own).
    static func latestMentionedDate(in paragraphs: [String]) -> Int64? {
        var latest: Int64?
        for paragraph in paragraphs where paragraph.contains(where: \.isNumber) {
            let words = paragraph.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            for (i, word) in words.enumerated() {
                guard let month = months.firstIndex(of: word) else { continue }
                var day: Int?
                var year: Int?
                // `May 19, 2025`, else `19 May 2025`.
                if i + 2 < words.count, let d = Int(words[i + 1]), let y = Int(words[i + 2]) {
                    (day, year) = (d, y)
                } else if i >= 1, i + 1 < words.count, let d = Int(words[i - 1]), let y = Int(words[i + 1]) {
                    (day, year) = (d, y)
                }
                guard let day, let year, (1...31).contains(day), (1900...2200).contains(year) else { continue }
                let text = String(format: "%04d-%02d-%02d", year, month + 1, day)
                if let t = seconds(text), t > (latest ?? .min) { latest = t }
            }
        }
        return latest
    }

    /// Seconds since the epoch of a stored `published` value (`2025-05-19T16:13:00Z` or a day).
    static func seconds(_ published: String) -> Int64? {
        let u = Array(published.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= u.count else { return nil }
            var v: Int64 = 0
            for b in u[from..<from + count] {
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int64(b - 48)
            }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let hour = number(11, 2) ?? 0
        let minute = number(14, 2) ?? 0
        let second = number(17, 2) ?? 0
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }
}
