/// The LSH bucket rows of the articles linked since the last merge, held by the writer in memory.
///
/// Every article's 30 bucket rows used to be written to a table at commit and read back by the
/// next article's probe: a quarter of the writer's time. Here they are a chained hash table, and
/// they reach `lsh_buckets` many at a time, in key order (`NewsStore.mergeBucketsIfDue`). Nothing
/// is lost with the process: every row is derived from the article's signature in
/// `article_signatures`, and `lsh_merged` records up to which article id the rows are in the
/// table, so a start (or a rolled-back transaction) rebuilds the rest.
///
/// Packed, since it is the writer's largest structure between merges (up to 400,000 rows): an
/// entry is its key (8 bytes), its article as an offset from `mergedThrough` (4) and the bucket's
/// entry before it (4); each bucket's newest entry sits in an open-addressing table of entry
/// numbers (4 bytes a slot, at most half full) whose keys are the entries' own. About 24 bytes a
/// row, where a dictionary of heads and 64-bit ids took about 50.
///
/// Articles with an id above `mergedThrough` have their rows here; the others in `lsh_buckets`.
struct RecentBands: Sendable {
    /// The highest article id whose bucket rows are in `lsh_buckets`.
    private(set) var mergedThrough: Int64 = 0
    /// Per entry: its bucket key, its article's id less `mergedThrough` (0 once removed), and the
    /// bucket's entry before it (-1: none).
    private var keys: [Int64] = []
    private var articles: [UInt32] = []
    private var previous: [Int32] = []
    /// The newest entry of each bucket (-1: an empty slot), found by linear probing from the key's
    /// hash; its size is a power of two at least twice the buckets held.
    private var heads: [Int32] = []
    private var buckets = 0
    /// Rows held (removed ones not counted).
    private(set) var count = 0
    /// Entries held, removed ones included: what the table takes in memory. An article revised
    /// again and again (a live page saved every minute) adds entries while its rows stay 30.
    var entries: Int { keys.count }
    /// The highest article id held.
    private(set) var newest: Int64 = 0

    /// Whether an article's rows belong here (it was linked after the last merge).
    func holds(_ id: Int64) -> Bool { id > mergedThrough }

    /// Files an article's bucket keys. The article must be one this table holds; ids are the
    /// database's row ids, dense, and a merge comes every few hundred thousand rows, so the offset
    /// from `mergedThrough` fits 32 bits by far.
    mutating func insert(_ bucketKeys: [Int64], id: Int64) {
        precondition(holds(id) && id - mergedThrough <= Int64(UInt32.max), "article \(id) outside the recent rows")
        let offset = UInt32(id - mergedThrough)
        if 2 * (buckets + bucketKeys.count) > heads.count { grow(toHold: buckets + bucketKeys.count) }
        for key in bucketKeys {
            let entry = Int32(keys.count)
            let slot = self.slot(of: key)
            keys.append(key)
            articles.append(offset)
            previous.append(heads[slot])
            if heads[slot] < 0 { buckets += 1 }
            heads[slot] = entry
        }
        count += bucketKeys.count
        newest = max(newest, id)
    }

    /// Takes an article's rows out (it is linked again or deleted).
    mutating func remove(_ bucketKeys: [Int64], id: Int64) {
        guard holds(id), !heads.isEmpty, let offset = UInt32(exactly: id - mergedThrough) else { return }
        for key in bucketKeys {
            var entry = heads[slot(of: key)]
            while entry >= 0 {
                if articles[Int(entry)] == offset {
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
            var entry = heads.isEmpty ? -1 : heads[slot(of: key)]
            var taken = 0
            var read = 0
            while entry >= 0 && taken < perBucket && read < 4 * perBucket {
                read += 1
                let offset = articles[Int(entry)]
                if offset != 0 {
                    found.insert(mergedThrough + Int64(offset))
                    taken += 1
                }
                entry = previous[Int(entry)]
            }
            takenOf.append(taken)
        }
        return takenOf
    }

    /// Hands `row` the rows held, in key order (then article order), and leaves an empty table
    /// whose `mergedThrough` is the newest id held. Should `row` throw, the table is left part
    /// drained (the caller's transaction rolls back and the rows are loaded again).
    mutating func drain(_ row: (_ bucket: Int64, _ article: Int64) throws -> Void) rethrows {
        // The chains go first: the merge is the table's largest moment (its rows are sorted), and
        // they are over a third of what it holds.
        heads = []
        previous = []
        var order: [Int32] = []
        order.reserveCapacity(count)
        for entry in articles.indices where articles[entry] != 0 { order.append(Int32(entry)) }
        order.sort {
            let (a, b) = (Int($0), Int($1))
            return keys[a] != keys[b] ? keys[a] < keys[b] : articles[a] < articles[b]
        }
        let (heldKeys, heldArticles, base) = (keys, articles, mergedThrough)
        self = RecentBands(mergedThrough: max(mergedThrough, newest))
        for entry in order { try row(heldKeys[Int(entry)], base + Int64(heldArticles[Int(entry)])) }
    }

    /// Forgets every row; `mergedThrough` becomes `through`.
    mutating func reset(mergedThrough through: Int64) {
        self = RecentBands(mergedThrough: through)
    }

    private init(mergedThrough: Int64) {
        self.mergedThrough = mergedThrough
    }

    init() {}

    /// The slot of a key's bucket in `heads`: where it is, or the empty slot where it goes.
    @inline(__always) private func slot(of key: Int64) -> Int {
        let mask = heads.count - 1
        var slot = Int(truncatingIfNeeded: NearDuplicates.mix(UInt64(bitPattern: key))) & mask
        while true {
            let entry = heads[slot]
            if entry < 0 || keys[Int(entry)] == key { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// Makes `heads` at least twice `buckets` slots and files every bucket's newest entry again.
    private mutating func grow(toHold buckets: Int) {
        var size = max(heads.count, 1024)
        while size < 2 * buckets { size <<= 1 }
        let old = heads
        heads = [Int32](repeating: -1, count: size)
        for entry in old where entry >= 0 {
            heads[slot(of: keys[Int(entry)])] = entry
        }
    }

    /// Roughly what the table takes in memory.
    var approximateBytes: Int {
        keys.capacity * 8 + articles.capacity * 4 + previous.capacity * 4 + heads.capacity * 4
    }
}

/// Which bucket keys `lsh_buckets` may hold: a Bloom filter (Bloom 1970) kept by the writer, so a
/// probe seeks only the buckets that may have members. Most of a new article's 30 buckets have
/// none, and each seek in a table of millions of rows reads pages spread over all of it (a sixth
/// of the writer's time at 70,000 articles). No false negatives: every key written to the table is
/// added; keys deleted stay set (a seek too many). About one bit in a hundred answers wrongly
/// while the filter holds at most `capacity` keys; past it, the next merge builds it anew from the
/// table, for half as many keys again as the table holds, up to 16 MiB.
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

    /// An empty filter for `capacity` keys (at least 2¹⁶; at most `maximumWords` of bits). Its size
    /// is the bits asked for, not the next power of two: a probe maps its hash onto the bits by
    /// a multiplication (Lemire's fast range reduction), not a mask.
    init(capacity: Int = 0) {
        let words = min(Self.maximumWords, (max(capacity, 1 << 16) * Self.bitsPerKey + 63) / 64)
        bits = [UInt64](repeating: 0, count: words)
        self.capacity = words * 64 / Self.bitsPerKey
    }

    mutating func insert(_ key: Int64) {
        let size = UInt64(bits.count * 64)
        var (h, step) = Self.hashes(key)
        for _ in 0..<Self.probes {
            let bit = Int(h.multipliedFullWidth(by: size).high)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
            h &+= step
        }
        count += 1
    }

    func mayContain(_ key: Int64) -> Bool {
        let size = UInt64(bits.count * 64)
        var (h, step) = Self.hashes(key)
        for _ in 0..<Self.probes {
            let bit = Int(h.multipliedFullWidth(by: size).high)
            if bits[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            h &+= step
        }
        return true
    }

    /// Double hashing (Kirsch and Mitzenmacher 2006): a mix of the key (already a hash, but of 63
    /// bits, and the reduction reads the high ones) and an odd step from the key itself.
    @inline(__always) private static func hashes(_ key: Int64) -> (UInt64, UInt64) {
        let h = UInt64(bitPattern: key)
        return (NearDuplicates.mix(h), (h &* 0x9E37_79B9_7F4A_7C15) | 1)
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
