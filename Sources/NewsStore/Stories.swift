import Foundation

/// The active stories: an online, single-pass clustering of articles into stories (after Miranda
/// et al., "Multilingual Clustering of Streaming News", EMNLP 2018). A new article is compared with
/// the stories active around its time — the cosine of its TF-IDF vector (words of title and lead,
/// and the entities it names) with the story's centroid, times a decay in the time between them —
/// and joins the best story scoring at least `threshold`, or starts a new one. Stories more than
/// `window` away from the article's time are not candidates.
///
/// Bounded: at most `capacity` stories (the least recently joined go first), each keeping its
/// `centroidTerms` heaviest terms, and a fixed table of document frequencies (`dfSlots` counters of
/// hashed terms). Stories live in numbered slots; a term's postings hold the slot and the term's
/// weight in that story's centroid, so scoring an article is a walk along its terms' postings
/// adding into an array, with no look-up per story. Not thread-safe: the store's writer owns it.
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
    /// additions, and in practice far fewer.
    static let postingsPerTerm = 100

    /// One active story: what scoring reads (kept apart from the centroid, so that scoring copies
    /// no reference-counted storage).
    struct Story: Sendable {
        var id: Int64
        /// Squared length of the centroid.
        var norm2 = 0.0
        var first: Int64?
        var last: Int64?
        var articles = 0
    }

    /// A story's centroid: its terms in ascending order and their weights, side by side. Two
    /// arrays of at most `centroidTerms` (1.6 KB a story), where a dictionary kept the room of the
    /// 200 terms an update passes through (4 KB).
    struct Centroid: Sendable {
        var terms: [UInt64] = []
        var weights: [Double] = []

        /// The weight of a term, if the centroid holds it.
        func weight(of term: UInt64) -> Double? {
            var (low, high) = (0, terms.count)
            while low < high {
                let middle = (low + high) / 2
                if terms[middle] < term { low = middle + 1 } else { high = middle }
            }
            return low < terms.count && terms[low] == term ? weights[low] : nil
        }

        /// Adds a vector (terms in any order, each once) into the centroid; returns, by position
        /// in the vector, which terms are new to it.
        mutating func add(_ vector: [(term: UInt64, weight: Double)]) -> [Bool] {
            let order = vector.indices.sorted { vector[$0].term < vector[$1].term }
            var gained = [Bool](repeating: false, count: vector.count)
            var newTerms: [UInt64] = []
            var newWeights: [Double] = []
            newTerms.reserveCapacity(terms.count + vector.count)
            newWeights.reserveCapacity(terms.count + vector.count)
            var i = 0
            for k in order {
                let (term, weight) = vector[k]
                while i < terms.count && terms[i] < term {
                    newTerms.append(terms[i])
                    newWeights.append(weights[i])
                    i += 1
                }
                if i < terms.count && terms[i] == term {
                    newTerms.append(term)
                    newWeights.append(weights[i] + weight)
                    i += 1
                } else {
                    newTerms.append(term)
                    newWeights.append(weight)
                    gained[k] = true
                }
            }
            newTerms.append(contentsOf: terms[i...])
            newWeights.append(contentsOf: weights[i...])
            (terms, weights) = (newTerms, newWeights)
            return gained
        }

        /// Keeps the `limit` heaviest terms (ties: the smaller term), in ascending order, in
        /// arrays of their size; returns the terms let go.
        mutating func keepHeaviest(_ limit: Int) -> [UInt64] {
            guard terms.count > limit else { return [] }
            let ranked = terms.indices.sorted {
                weights[$0] > weights[$1] || weights[$0] == weights[$1] && terms[$0] < terms[$1]
            }
            let dropped = ranked[limit...].map { terms[$0] }
            let kept = ranked[..<limit].sorted()
            var keptTerms: [UInt64] = []
            var keptWeights: [Double] = []
            keptTerms.reserveCapacity(limit)
            keptWeights.reserveCapacity(limit)
            for i in kept {
                keptTerms.append(terms[i])
                keptWeights.append(weights[i])
            }
            (terms, weights) = (keptTerms, keptWeights)
            return dropped
        }

        /// Squared length.
        var norm2: Double { weights.reduce(0) { $0 + $1 * $1 } }
    }

    /// A story whose centroid holds a term, and the term's weight there.
    struct Posting: Sendable {
        var slot: Int32
        var weight: Double
    }

    /// Stories by slot; nil for a free slot.
    var slots: [Story?] = []
    /// Their centroids (the sum of their articles' vectors, the heaviest `centroidTerms` terms), by slot.
    var centroids: [Centroid] = []
    /// `clock` when an article last joined the story in a slot (least recently joined stories are
    /// evicted first); `UInt64.max` for a free slot.
    var touched: [UInt64] = []
    var freeSlots: [Int32] = []
    var slotOf: [Int64: Int32] = [:]
    /// Term → stories whose centroid holds it, oldest first, at most `postingsPerTerm`.
    var postings: [UInt64: [Posting]] = [:]
    var documentFrequency: [UInt32]
    var documents: UInt32 = 0
    var clock: UInt64 = 0
    /// Scratch of `best(for:)`, by slot: the dot products summed, and the round that last touched it.
    var dots: [Double] = []
    var dotRound: [UInt32] = []
    var round: UInt32 = 0
    /// The vector `best(for:)` made last, kept for the `add` that usually follows with the same article.
    var lastVector: (terms: [UInt64: Double], vector: [(term: UInt64, weight: Double)])?

    /// An empty index of at most `capacity` stories.
    package init(capacity: Int = 2000) {
        self.capacity = capacity
        documentFrequency = [UInt32](repeating: 0, count: Self.dfSlots)
    }

    /// Stories held now.
    package var count: Int { slotOf.count }

    /// The ids of the stories held (tests).
    package var storyIDs: [Int64] { slotOf.keys.sorted() }

    /// The ids of the stories the postings lead to (tests: never one that was dropped).
    package var postedStoryIDs: Set<Int64> {
        Set(postings.values.joined().compactMap { slots[Int($0.slot)]?.id })
    }

    /// The best story for an article and its score, or nil when none reaches `threshold`. Counts
    /// the article's words into the document frequencies (call it once per article).
    package mutating func best(for features: StoryFeatures) -> (story: Int64, score: Double)? {
        documents &+= 1
        for term in features.terms.keys {
            documentFrequency[Int(term % UInt64(Self.dfSlots))] &+= 1
        }
        let vector = self.vector(features)
        lastVector = (features.terms, vector)
        if dots.count < slots.count {
            dots.append(contentsOf: repeatElement(0, count: slots.count - dots.count))
            dotRound.append(contentsOf: repeatElement(0, count: slots.count - dotRound.count))
        }
        round &+= 1
        if round == 0 {
            for i in dotRound.indices { dotRound[i] = 0 }
            round = 1
        }
        // Dot products through the postings: only stories sharing a term are touched.
        var hit: [Int32] = []
        for (term, weight) in vector {
            guard let list = postings[term], list.count < Self.postingsPerTerm else { continue }
            for posting in list {
                let slot = Int(posting.slot)
                if dotRound[slot] != round {
                    dotRound[slot] = round
                    dots[slot] = 0
                    hit.append(posting.slot)
                }
                dots[slot] += weight * posting.weight
            }
        }
        var best: (story: Int64, score: Double)?
        for slot in hit {
            guard let story = slots[Int(slot)] else { continue }
            let score = self.score(dot: dots[Int(slot)], features, story)
            if score >= Self.threshold,
                score > (best?.score ?? 0) || score == best?.score && story.id > best!.story
            {
                best = (story.id, score)
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

    /// Adds an article to a story (a new one when the id is not held), evicting the least recently
    /// joined story when over `capacity`.
    package mutating func add(_ features: StoryFeatures, to id: Int64) {
        clock &+= 1
        let vector: [(term: UInt64, weight: Double)]
        if let last = lastVector, last.terms == features.terms { vector = last.vector } else { vector = self.vector(features) }
        lastVector = nil
        let slot = slotOf[id] ?? allocate(id)
        var story = slots[Int(slot)] ?? Story(id: id)
        var centroid = Centroid()
        swap(&centroid, &centroids[Int(slot)])
        // Which of the vector's terms are new to the centroid (by position in the vector).
        let gained = centroid.add(vector)
        let dropped = centroid.keepHeaviest(Self.centroidTerms)
        if !dropped.isEmpty {
            let gainedTerms = Set(vector.indices.lazy.filter { gained[$0] }.map { vector[$0].term })
            for term in dropped where !gainedTerms.contains(term) { removePosting(term, slot: slot) }
        }
        story.norm2 = centroid.norm2
        for (k, (term, _)) in vector.enumerated() {
            guard let weight = centroid.weight(of: term) else { continue }
            // In place: one look-up of the term, no copy of its list.
            if gained[k] {
                Self.append(Posting(slot: slot, weight: weight), to: &postings[term, default: []])
            } else {
                Self.setWeight(weight, of: slot, in: &postings[term])
            }
        }
        if let t = features.time {
            story.first = min(story.first ?? t, t)
            story.last = max(story.last ?? t, t)
        }
        story.articles += 1
        slots[Int(slot)] = story
        centroids[Int(slot)] = centroid
        touched[Int(slot)] = clock
        while slotOf.count > capacity, let oldest = touched.indices.min(by: { touched[$0] < touched[$1] }),
            let victim = slots[oldest]?.id
        {
            remove(story: victim)
        }
    }

    /// A free slot for a new story.
    private mutating func allocate(_ id: Int64) -> Int32 {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = Int32(slots.count)
            slots.append(nil)
            centroids.append(Centroid())
            touched.append(.max)
        }
        slotOf[id] = slot
        return slot
    }

    private static func append(_ posting: Posting, to list: inout [Posting]) {
        list.append(posting)
        if list.count > postingsPerTerm { list.removeFirst(list.count - postingsPerTerm) }
    }

    private static func setWeight(_ weight: Double, of slot: Int32, in list: inout [Posting]?) {
        guard let i = list?.firstIndex(where: { $0.slot == slot }) else { return }
        list![i].weight = weight
    }

    private mutating func removePosting(_ term: UInt64, slot: Int32) {
        Self.remove(slot, from: &postings[term])
    }

    /// Takes a slot's posting out of a term's list; an emptied list goes (`list` becomes nil).
    private static func remove(_ slot: Int32, from list: inout [Posting]?) {
        guard list != nil else { return }
        list!.removeAll { $0.slot == slot }
        if list!.isEmpty { list = nil }
    }

    /// Forgets a story (it was emptied, or relinking starts over).
    package mutating func remove(story id: Int64) {
        guard let slot = slotOf.removeValue(forKey: id), slots[Int(slot)].take() != nil else { return }
        var centroid = Centroid()
        swap(&centroid, &centroids[Int(slot)])
        for term in centroid.terms { removePosting(term, slot: slot) }
        touched[Int(slot)] = .max
        freeSlots.append(slot)
    }

    /// Forgets everything (relinking from the start).
    package mutating func reset() {
        self = StoryIndex(capacity: capacity)
    }

    /// The article's TF-IDF vector over its `articleTerms` heaviest words, of unit length.
    func vector(_ features: StoryFeatures) -> [(term: UInt64, weight: Double)] {
        let n = Double(max(documents, 1))
        var weighted = features.terms.map { term, tf -> (term: UInt64, weight: Double) in
            let df = Double(documentFrequency[Int(term % UInt64(Self.dfSlots))])
            // Sublinear term frequency times inverse document frequency, plus one: a floor that
            // keeps shared common words from counting for nothing.
            return (term, (1 + log(tf)) * log((n + 1) / (df + 1)) + 1)
        }
        if weighted.count > Self.articleTerms {
            weighted.sort { $0.weight > $1.weight || $0.weight == $1.weight && $0.term < $1.term }
            weighted.removeSubrange(Self.articleTerms...)
        }
        let norm = weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        for i in weighted.indices { weighted[i].weight = norm > 0 ? weighted[i].weight / norm : 0 }
        return weighted
    }

    /// Bytes the index holds, roughly (for the memory figure in docs/DUPLICATES.md).
    package var approximateBytes: Int {
        var bytes = documentFrequency.count * 4 + slots.count * (MemoryLayout<Story?>.stride + 8 + 12)
        for centroid in centroids { bytes += 64 + centroid.terms.capacity * 8 + centroid.weights.capacity * 8 }
        for list in postings.values { bytes += 48 + list.count * MemoryLayout<Posting>.stride }
        return bytes
    }
}
