/// The LSH bucket rows of the articles linked since the last merge, held by the writer in memory.
///
/// Every article's 30 bucket rows used to be written to a table at commit and read back by the
/// next article's probe: a quarter of the writer's time. Here they are a chained hash table (one
/// head per bucket, entries appended), and they reach `lsh_buckets` many at a time, in key order
/// (`NewsStore.mergeBucketsIfDue`). Nothing is lost with the process: every row is derived from
/// the article's signature in `article_signatures`, and `lsh_merged` records up to which article
/// id the rows are in the table, so a start (or a rolled-back transaction) rebuilds the rest.
///
/// Articles with an id above `mergedThrough` have their rows here; the others in `lsh_buckets`.
struct RecentBands: Sendable {
    /// The highest article id whose bucket rows are in `lsh_buckets`.
    var mergedThrough: Int64 = 0
    /// The newest entry of each bucket.
    private var heads: [Int64: Int32] = [:]
    /// Per entry: its article (0 once removed) and the bucket's entry before it (-1: none).
    private var articles: [Int64] = []
    private var previous: [Int32] = []
    private var keys: [Int64] = []
    /// Rows held (removed ones not counted).
    private(set) var count = 0
    /// Entries held, removed ones included: what the table takes in memory. An article revised
    /// again and again (a live page saved every minute) adds entries while its rows stay 30.
    var entries: Int { articles.count }
    /// The highest article id held.
    private(set) var newest: Int64 = 0

    /// Whether an article's rows belong here (it was linked after the last merge).
    func holds(_ id: Int64) -> Bool { id > mergedThrough }

    /// Files an article's bucket keys.
    mutating func insert(_ bucketKeys: [Int64], id: Int64) {
        for key in bucketKeys {
            let entry = Int32(articles.count)
            articles.append(id)
            keys.append(key)
            previous.append(heads[key] ?? -1)
            heads[key] = entry
        }
        count += bucketKeys.count
        newest = max(newest, id)
    }

    /// Takes an article's rows out (it is linked again or deleted).
    mutating func remove(_ bucketKeys: [Int64], id: Int64) {
        for key in bucketKeys {
            var entry = heads[key] ?? -1
            while entry >= 0 {
                if articles[Int(entry)] == id {
                    articles[Int(entry)] = 0
                    count -= 1
                    break  // an article is filed once per bucket
                }
                entry = previous[Int(entry)]
            }
        }
    }

    /// Adds to `found` the `perBucket` most recently filed articles of each bucket of
    /// `bucketKeys`, reading at most `4 × perBucket` entries of a bucket (removed ones included).
    /// Returns how many it took of each bucket, in the order of `bucketKeys`.
    func members(of bucketKeys: [Int64], into found: inout Set<Int64>, perBucket: Int) -> [Int] {
        var takenOf: [Int] = []
        takenOf.reserveCapacity(bucketKeys.count)
        for key in bucketKeys {
            var entry = heads[key] ?? -1
            var taken = 0
            var read = 0
            while entry >= 0 && taken < perBucket && read < 4 * perBucket {
                read += 1
                let id = articles[Int(entry)]
                if id != 0 {
                    found.insert(id)
                    taken += 1
                }
                entry = previous[Int(entry)]
            }
            takenOf.append(taken)
        }
        return takenOf
    }

    /// The rows held, in key order, and an empty table whose `mergedThrough` is the newest id held.
    mutating func drain() -> [(bucket: Int64, article: Int64)] {
        // The chains go first: the merge is the table's largest moment (its rows are copied and
        // sorted), and they are a third of what it holds.
        heads = [:]
        previous = []
        var rows: [(bucket: Int64, article: Int64)] = []
        rows.reserveCapacity(count)
        for entry in articles.indices where articles[entry] != 0 {
            rows.append((keys[entry], articles[entry]))
        }
        articles = []
        keys = []
        rows.sort { $0.bucket != $1.bucket ? $0.bucket < $1.bucket : $0.article < $1.article }
        self = RecentBands(mergedThrough: max(mergedThrough, newest))
        return rows
    }

    /// Forgets every row; `mergedThrough` becomes `through`.
    mutating func reset(mergedThrough through: Int64) {
        self = RecentBands(mergedThrough: through)
    }

    private init(mergedThrough: Int64) {
        self.mergedThrough = mergedThrough
    }

    init() {}

    /// Roughly what the table takes in memory.
    var approximateBytes: Int {
        articles.capacity * 8 + previous.capacity * 4 + keys.capacity * 8 + heads.capacity * 20
    }
}

/// Which bucket keys `lsh_buckets` may hold: a Bloom filter (Bloom 1970) kept by the writer, so a
/// probe seeks only the buckets that may have members. Most of a new article's 30 buckets have
/// none, and each seek in a table of millions of rows reads pages spread over all of it (a sixth
/// of the writer's time at 70,000 articles). No false negatives: every key written to the table is
/// added; keys deleted stay set (a seek too many). About one bit in a hundred answers wrongly
/// while the filter holds at most `capacity` keys; past it, the next merge builds it twice as large
/// from the table, up to 16 MiB.
struct BucketFilter: Sendable {
    private var bits: [UInt64]
    private(set) var count = 0
    /// Keys it holds at its designed rate of false answers (10 bits and 5 probes per key: ~1 %).
    private(set) var capacity: Int

    static let bitsPerKey = 10
    static let probes = 5

    /// The largest filter, 16 MiB (13 million keys at its designed rate; past them it answers
    /// wrongly more often, which costs seeks, not links).
    static let maximumWords = 1 << 21

    /// Whether it holds more keys than designed for and may still grow.
    var isFull: Bool { count > capacity && bits.count < Self.maximumWords }

    /// An empty filter for `capacity` keys (at least 2¹⁶; at most `maximumWords` of bits).
    init(capacity: Int = 0) {
        var words = 1024
        while words * 64 < max(capacity, 1 << 16) * Self.bitsPerKey && words < Self.maximumWords { words <<= 1 }
        bits = [UInt64](repeating: 0, count: words)
        self.capacity = words * 64 / Self.bitsPerKey
    }

    mutating func insert(_ key: Int64) {
        let mask = UInt64(bits.count * 64 - 1)
        var (h, step) = Self.hashes(key)
        for _ in 0..<Self.probes {
            let bit = Int(h & mask)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
            h &+= step
        }
        count += 1
    }

    func mayContain(_ key: Int64) -> Bool {
        let mask = UInt64(bits.count * 64 - 1)
        var (h, step) = Self.hashes(key)
        for _ in 0..<Self.probes {
            let bit = Int(h & mask)
            if bits[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            h &+= step
        }
        return true
    }

    /// Double hashing (Kirsch and Mitzenmacher 2006) from the key (already a hash) and a mix of it.
    @inline(__always) private static func hashes(_ key: Int64) -> (UInt64, UInt64) {
        let h = UInt64(bitPattern: key)
        return (h, NearDuplicates.mix(h) | 1)
    }

    var approximateBytes: Int { bits.count * 8 }
}

/// The signatures of the articles linked last, held by the writer so that a candidate from a
/// bucket is compared without reading its row back from `article_signatures`. The buckets list the
/// newest members first, so most candidates are recent articles: on generated news, about a dozen
/// reads per article, a sixth of the near-duplicate search. A ring of `capacity` slots: the oldest
/// is overwritten. Only a cache: a miss reads the table.
struct RecentSignatures: Sendable {
    let capacity: Int
    /// The article in each slot (0: none), its minimum hashes (`hashCount` per slot) and shingles.
    private var ids: [Int64]
    private var values: [UInt32]
    private var shingles: [Int]
    private var slotOf: [Int64: Int32] = [:]
    private var next = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        ids = [Int64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity * NearDuplicates.hashCount)
        shingles = [Int](repeating: 0, count: capacity)
    }

    /// Signatures held.
    var count: Int { slotOf.count }

    /// The signature of an article, if held.
    func signature(of id: Int64) -> NearDuplicates.Signature? {
        guard let slot = slotOf[id].map(Int.init) else { return nil }
        let start = slot * NearDuplicates.hashCount
        return NearDuplicates.Signature(
            values: Array(values[start..<start + NearDuplicates.hashCount]), shingles: shingles[slot])
    }

    /// Holds an article's signature (replacing what it held for the article).
    mutating func insert(_ signature: NearDuplicates.Signature, id: Int64) {
        remove(id)
        let slot = next
        next = (next + 1) % capacity
        if ids[slot] != 0 { slotOf[ids[slot]] = nil }  // the oldest goes (a removed one left 0)
        ids[slot] = id
        shingles[slot] = signature.shingles
        let start = slot * NearDuplicates.hashCount
        values.replaceSubrange(start..<start + NearDuplicates.hashCount, with: signature.values)
        slotOf[id] = Int32(slot)
    }

    /// Forgets an article's signature (it is linked again or deleted).
    mutating func remove(_ id: Int64) {
        guard let slot = slotOf.removeValue(forKey: id) else { return }
        ids[Int(slot)] = 0
    }

    /// Forgets everything.
    mutating func reset() {
        self = RecentSignatures(capacity: capacity)
    }

    /// Roughly what it takes in memory.
    var approximateBytes: Int {
        ids.capacity * 8 + values.capacity * 4 + shingles.capacity * 8 + slotOf.capacity * 20
    }
}
