import Foundation

/// Everything entity recognition asks about one word, found with a single table lookup instead of
/// one set or dictionary lookup per question.
struct WordInfo: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let connector = Flags(rawValue: 1 << 0)
        static let title = Flags(rawValue: 1 << 1)
        static let demonym = Flags(rawValue: 1 << 2)
        static let notName = Flags(rawValue: 1 << 3)
        static let roleNoun = Flags(rawValue: 1 << 4)
        static let firstName = Flags(rawValue: 1 << 5)
        static let organisationHead = Flags(rawValue: 1 << 6)
        static let speechVerb = Flags(rawValue: 1 << 7)
        static let particle = Flags(rawValue: 1 << 8)
        /// `The` or `A`, skipped at the start of an organisation's name.
        static let article = Flags(rawValue: 1 << 9)
        /// `in`, `near`, `outside`: a lone capitalised word after it is a place.
        static let locative = Flags(rawValue: 1 << 10)
        /// A key of `Gazetteer.places` as it is (quotes not straightened).
        static let place = Flags(rawValue: 1 << 11)
        /// `hit` is an organisation rather than a place.
        static let hitIsOrganisation = Flags(rawValue: 1 << 12)
    }

    var flags: Flags = []
    /// `gazetteerWords`, stored small: every token carries two `WordInfo`s, and eight bytes each
    /// keep tokens cheap to copy.
    private var storedGazetteerWords: UInt16 = 0
    /// Most words of a gazetteer entry whose first word is this word with its quotes straightened;
    /// 0 when none starts with it.
    var gazetteerWords: Int {
        get { Int(storedGazetteerWords) }
        set { storedGazetteerWords = UInt16(clamping: newValue) }
    }
    /// The gazetteer entry for this word alone (organisation, then place, then both again with
    /// quotes straightened), as an index into `names`; -1 when there is none. An index keeps the
    /// entry a plain value, cheap to copy with every token.
    var hitIndex: Int32 = -1
    var hitIsOrganisation: Bool {
        get { flags.contains(.hitIsOrganisation) }
        set { if newValue { flags.insert(.hitIsOrganisation) } else { flags.remove(.hitIsOrganisation) } }
    }

    var hit: String? { hitIndex < 0 ? nil : Self.names[Int(hitIndex)] }
    var hitKind: EntityRecognizer.Kind { hitIsOrganisation ? .organisation : .place }

    /// What is known about `word`.
    static func of(_ word: String, ascii: Bool = false) -> WordInfo {
        if ascii || word.utf8.count <= 32 {
            let found: WordInfo?? = word.utf8.withContiguousStorageIfAvailable { bytes -> WordInfo? in
                for b in bytes where b >= 0x80 { return nil }
                return asciiTable.find(bytes) ?? WordInfo()
            }
            if let known = found ?? nil { return known }
        }
        var info = table[word] ?? WordInfo()
        if !ascii, word.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }) {
            let straight = word.replacingQuotes()
            if straight != word {
                info.gazetteerWords = table[straight]?.gazetteerWords ?? 0
                if info.hitIndex < 0 {
                    if let place = Gazetteer.places[straight] {
                        info.hitIndex = nameIndex[place] ?? -1
                        info.hitIsOrganisation = false
                    } else if let org = Gazetteer.organisations[straight] {
                        info.hitIndex = nameIndex[org] ?? -1
                        info.hitIsOrganisation = true
                    }
                }
            }
        }
        return info
    }

    static let asciiTable = ASCIIWordTable(table)

    static let table: [String: WordInfo] = {
        var table: [String: WordInfo] = [:]
        func mark(_ words: some Sequence<String>, _ flag: Flags) {
            for word in words { table[word, default: WordInfo()].flags.insert(flag) }
        }
        mark(EntityRecognizer.connectors, .connector)
        mark(Gazetteer.titles, .title)
        mark(Gazetteer.demonyms, .demonym)
        mark(Gazetteer.notNames, .notName)
        mark(Gazetteer.roleNouns, .roleNoun)
        mark(Gazetteer.firstNames, .firstName)
        mark(Gazetteer.organisationHeads, .organisationHead)
        mark(EntityRecognizer.speechVerbs, .speechVerb)
        mark(Byline.particles, .particle)
        mark(["The", "A"], .article)
        mark(["in", "near", "outside"], .locative)
        mark(Gazetteer.places.keys, .place)
        for key in Array(Gazetteer.places.keys) + Array(Gazetteer.organisations.keys) {
            let words = key.split(separator: " ")
            guard let first = words.first else { continue }
            let word = String(first)
            table[word, default: WordInfo()].gazetteerWords = max(table[word]?.gazetteerWords ?? 0, words.count)
        }
        for (key, place) in Gazetteer.places where !key.contains(" ") {
            table[key, default: WordInfo()].hitIndex = nameIndex[place] ?? -1
            table[key]?.hitIsOrganisation = false
        }
        for (key, org) in Gazetteer.organisations where !key.contains(" ") {
            table[key, default: WordInfo()].hitIndex = nameIndex[org] ?? -1
            table[key]?.hitIsOrganisation = true
        }
        return table
    }()

    /// Canonical place and organisation names, for `hitIndex`.
    static let names: [String] = Array(Set(Gazetteer.places.values).union(Gazetteer.organisations.values)).sorted()
    static let nameIndex: [String: Int32] = {
        var index: [String: Int32] = [:]
        for (k, name) in names.enumerated() { index[name] = Int32(k) }
        return index
    }()
}

/// `WordInfo.table` for ASCII words (see `ASCIIKeyTable`).
typealias ASCIIWordTable = ASCIIKeyTable<WordInfo>

/// A `[String: Value]` table for ASCII keys, keyed by bytes: an open-addressing table with a cheap
/// hash, so a lookup neither hashes a String nor normalises it. It holds every key whose canonical
/// form is ASCII (String keys compare by canonical equivalence), so it answers exactly as the
/// dictionary does for ASCII text.
struct ASCIIKeyTable<Value: Sendable>: Sendable {
    /// Where a key sits in `bytes` and which value it has (`tags` tells which slots are empty).
    private struct Slot {
        var start: Int32 = 0
        var length: Int32 = -1
        var value: Int32 = 0
    }

    private var slots: [Slot]
    /// One byte per slot: 0 for an empty slot, else seven bits of its key's hash (`tag`). A look-up
    /// reads these first and a slot only when its tag matches: this array is an eighth of the
    /// size of `slots`, so it stays in the cache between look-ups and a word that is not in the
    /// table (most are not) is usually turned away without reading a slot.
    private var tags: [UInt8]
    /// All keys' bytes back to back.
    private var bytes: [UInt8] = []
    private var values: [Value] = []
    private let mask: Int

    init(_ table: [String: Value]) {
        var capacity = 16
        while capacity < table.count * 3 { capacity <<= 1 }
        slots = Array(repeating: Slot(), count: capacity)
        tags = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, value) in table {
            let canonical = Array(key.precomposedStringWithCanonicalMapping.utf8)
            guard canonical.allSatisfy({ $0 < 0x80 }) else { continue }
            let hash = canonical.withUnsafeBufferPointer { Self.hash($0, lowercasing: false) }
            var slot = hash & mask
            while tags[slot] != 0 { slot = (slot + 1) & mask }
            tags[slot] = Self.tag(hash)
            slots[slot] = Slot(start: Int32(bytes.count), length: Int32(canonical.count), value: Int32(values.count))
            bytes.append(contentsOf: canonical)
            values.append(value)
        }
    }

    /// A cheap hash of the bytes (with ASCII letters lowercased when `lowercasing`).
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int {
        var h = UInt64(bytes.count)
        for b in bytes { h = h &* 31 &+ UInt64(lowercasing ? b | 0x20 : b) }
        h = (h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 32)
    }

    /// The non-zero tag of a key with this hash: bits above those a slot index uses (the table
    /// holds far fewer than 2^25 slots).
    @inline(__always) static func tag(_ hash: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: hash >> 25) | 0x80
    }

    /// The value for exactly these bytes.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        find(key, lowercasing: false)
    }

    /// The value for the ASCII letters `key` lowercased (`find` of the lowercased bytes; every byte
    /// must be an ASCII letter).
    func find(lowercasingLetters key: UnsafeBufferPointer<UInt8>) -> Value? {
        find(key, lowercasing: true)
    }

    @inline(__always) private func find(_ key: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Value? {
        let hash = Self.hash(key, lowercasing: lowercasing)
        let tag = Self.tag(hash)
        var slot = hash & mask
        let index: Int? = tags.withUnsafeBufferPointer { tags in
            slots.withUnsafeBufferPointer { slots in
                bytes.withUnsafeBufferPointer { all -> Int? in
                    while true {
                        let slotTag = tags[slot]
                        if slotTag == 0 { return nil }
                        if slotTag == tag, Int(slots[slot].length) == key.count {
                            let entry = slots[slot]
                            let start = Int(entry.start)
                            var k = 0
                            while k < key.count, all[start + k] == (lowercasing ? key[k] | 0x20 : key[k]) { k += 1 }
                            if k == key.count { return Int(entry.value) }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return index.map { values[$0] }
    }
}
