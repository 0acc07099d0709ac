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
    }

    var flags: Flags = []
    /// Most words of a gazetteer entry whose first word is this word with its quotes straightened;
    /// 0 when none starts with it.
    var gazetteerWords: Int = 0
    /// The gazetteer entry for this word alone (organisation, then place, then both again with
    /// quotes straightened), as an index into `names`; -1 when there is none. An index keeps the
    /// entry a plain value, cheap to copy with every token.
    var hitIndex: Int32 = -1
    var hitIsOrganisation = false

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

/// `WordInfo.table` for ASCII words, keyed by bytes: an open-addressing table with a cheap hash, so
/// a lookup neither hashes a String nor normalises it. It holds every key whose canonical form is
/// ASCII (String keys compare by canonical equivalence), so it answers exactly as `table` does.
struct ASCIIWordTable: Sendable {
    private var slots: [Int32]
    private var keys: [[UInt8]] = []
    private var infos: [WordInfo] = []
    private let mask: Int

    init(_ table: [String: WordInfo]) {
        var capacity = 16
        while capacity < table.count * 3 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, info) in table {
            let canonical = Array(key.precomposedStringWithCanonicalMapping.utf8)
            guard canonical.allSatisfy({ $0 < 0x80 }) else { continue }
            var slot = canonical.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(keys.count)
            keys.append(canonical)
            infos.append(info)
        }
    }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> WordInfo? {
        var slot = Self.hash(bytes) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if keys[index].elementsEqual(bytes) { return infos[index] }
            slot = (slot + 1) & mask
        }
    }
}
