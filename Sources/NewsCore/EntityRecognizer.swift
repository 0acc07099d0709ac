import Foundation

/// Finds people, places and organisations in running text and gives each its canonical name.
///
/// Places and organisations come from the gazetteer; people are runs of capitalised words that look
/// like names (a known first name, a title or role before them, or a speech verb after them). A
/// later surname alone (`Putin`, `Mr Putin`) is the full name met elsewhere in the article, and
/// spelling variants go through the alias table.
struct EntityRecognizer {
    /// What kind of entity a mention is.
    enum Kind: Equatable {
        case person, place, organisation
    }

    /// One recognised name at a position (Unicode scalar offsets) in a text.
    struct Mention: Equatable {
        var start: Int
        var end: Int
        var name: String
        var kind: Kind
    }

    let aliasIndex: [String: String]
    /// First word of every alias (lowercased) → the most words an alias starting with it has.
    let aliasFirstWords: [String: Int]
    let asciiAliasFirstWords: ASCIIKeyTable<Int>
    var surnames: [String: String] = [:]
    private(set) var people: [String] = []
    private(set) var places: [String] = []
    private(set) var organisations: [String] = []
    /// The names already in `people`, `places` and `organisations`.
    private var seenPeople: Set<String> = []
    private var seenPlaces: Set<String> = []
    private var seenOrganisations: Set<String> = []
    /// The last person named outside quotation marks, for resolving "he said".
    var lastPerson: String?

    init(aliases: EntityAliases) {
        aliasIndex = aliases.compiled.index
        aliasFirstWords = aliases.compiled.firstWords
        asciiAliasFirstWords = aliases.compiled.asciiFirstWords
    }

    static func key(_ name: String) -> String {
        name.replacingQuotes().lowercasedFast()
    }

    /// The canonical names `surnames` maps to, for the "already named in full" evidence.
    var surnameValues: Set<String> = []
    /// While preparing: surname keys and full names asked for and not found in this text.
    private var missedSurnames: [String] = []
    private var missedFullNames: [String] = []
    /// While preparing: surname keys missed by `personName` with the name it returned instead; a
    /// later entry for the key changes that name only when it is a longer name ending with it.
    private var missedExtensions: [(key: String, name: String)] = []

    /// First pass: learns the full names in the article so that lone surnames can be resolved, and
    /// returns the mentions of every text as the final surname table sees them. A text whose
    /// mentions did not depend on surnames learned after it keeps its first-pass mentions, so most
    /// texts are segmented once.
    mutating func prepare(_ tokenLists: [[EntityTokenizer.Token]]) -> [[Mention]] {
        var probe = self
        probe.surnames = [:]
        probe.surnameValues = []
        var found: [[Mention]] = []
        var misses: [(surnames: [String], fullNames: [String], extensions: [(key: String, name: String)])] = []
        found.reserveCapacity(tokenLists.count)
        for tokens in tokenLists {
            probe.missedSurnames = []
            probe.missedFullNames = []
            probe.missedExtensions = []
            let mentions = probe.mentions(in: tokens)
            found.append(mentions)
            misses.append((probe.missedSurnames, probe.missedFullNames, probe.missedExtensions))
            for mention in mentions where mention.kind == .person {
                let parts = mention.name.split(separator: " ")
                guard parts.count >= 2, let last = parts.last else { continue }
                if probe.surnames[String(last)] == nil {
                    probe.surnames[String(last)] = mention.name
                    probe.surnameValues.insert(mention.name)
                }
            }
        }
        surnames = probe.surnames
        surnameValues = probe.surnameValues
        for (index, tokens) in tokenLists.enumerated() {
            let (keys, names, extensions) = misses[index]
            if keys.contains(where: { surnames[$0] != nil }) || names.contains(where: { surnameValues.contains($0) })
                || extensions.contains(where: { miss in
                    surnames[miss.key].map { $0 != miss.name && $0.hasSuffix(miss.name) } ?? false
                })
            {
                found[index] = mentions(in: tokens)
            }
        }
        return found
    }

    /// Records the entities of one text and returns them with their positions. Mentions inside
    /// `excluding` (quotations) count as entities but do not change `lastPerson`.
    @discardableResult
    mutating func scan(tokens: [EntityTokenizer.Token], excluding: [Range<Int>] = []) -> [Mention] {
        let found = mentions(in: tokens)
        record(found, excluding: excluding)
        return found
    }

    /// Records mentions found earlier (see `prepare`) as `scan` would.
    mutating func record(_ mentions: [Mention], excluding: [Range<Int>] = []) {
        for m in mentions { record(m) }
        if let last = mentions.last(where: { m in m.kind == .person && !excluding.contains { $0.contains(m.start) } }) {
            lastPerson = last.name
        }
    }

    /// The entities of one text with their positions, from the current surname table.
    mutating func mentions(in tokens: [EntityTokenizer.Token]) -> [Mention] {
        var mentions: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalised else {
                i += 1
                continue
            }
            var j = i + 1
            while j < tokens.count, !tokens[j - 1].breaksAfter {
                if tokens[j].isCapitalised {
                    j += 1
                } else {
                    var k = j
                    while k < tokens.count, k - j < 3, info(tokens[k]).flags.contains(.connector), !tokens[k].breaksAfter {
                        k += 1
                    }
                    guard k > j, k < tokens.count, tokens[k].isCapitalised else { break }
                    j = k + 1
                }
            }
            segment(tokens, i..<j, into: &mentions)
            i = j
        }
        return mentions
    }

    /// `surnames[key]`, remembering a miss while preparing.
    private mutating func surname(_ key: String) -> String? {
        if let full = surnames[key] { return full }
        missedSurnames.append(key)
        return nil
    }

    /// Whether a full name was learned, remembering a miss while preparing.
    private mutating func isKnownFullName(_ text: String) -> Bool {
        if surnameValues.contains(text) { return true }
        missedFullNames.append(text)
        return false
    }

    private mutating func record(_ m: Mention) {
        switch m.kind {
        case .person: if seenPeople.insert(m.name).inserted { people.append(m.name) }
        case .place: if seenPlaces.insert(m.name).inserted { places.append(m.name) }
        case .organisation: if seenOrganisations.insert(m.name).inserted { organisations.append(m.name) }
        }
    }

    static let connectors: Set<String> = ["of", "for", "the", "von", "der", "van", "de", "da", "al", "bin", "del", "la", "du", "des"]
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "wrote", "posted", "stated", "noted", "explained", "warned", "urged",
        "announced", "insisted", "argued", "declared", "replied", "tweeted", "continued", "asked", "who", "has",
        "had", "is", "was", "will", "would", "spoke", "met", "called", "visited", "expressed", "acknowledged",
        "indicated", "believes", "thinks", "confirmed", "denied", "claimed", "suggested", "responded",
    ]

    private func phrase(_ tokens: [EntityTokenizer.Token], _ range: Range<Int>, possessiveBase: Bool) -> String {
        var parts: [String] = []
        for k in range { parts.append(k == range.upperBound - 1 && possessiveBase ? tokens[k].base : tokens[k].text) }
        return parts.joined(separator: " ")
    }

    /// Splits one run of capitalised words into gazetteer entries, titles and name candidates.
    private mutating func segment(_ tokens: [EntityTokenizer.Token], _ run: Range<Int>, into out: inout [Mention]) {
        // Indices rather than tokens: a token is large, and a copy retains each of its strings.
        let before = run.lowerBound > 0 ? run.lowerBound - 1 : nil
        let beforeIsRole = before.map { info(tokens[$0]).flags.contains(.roleNoun) } ?? false
        var titled = beforeIsRole
        // A run that ends in an organisation word is one organisation (`Defence Studies Department`).
        if run.count >= 2, let last = run.last, baseInfo(tokens[last]).flags.contains(.organisationHead),
            lookup(tokens, run) == nil, !tokens[run.lowerBound..<last].contains(where: { $0.possessive })
        {
            var first = run.lowerBound
            while first < last, !info(tokens[first]).flags.isDisjoint(with: [.article, .connector]) {
                first += 1
            }
            if first < last, !info(tokens[first]).flags.contains(.title) || first + 1 < last {
                let name = phrase(tokens, first..<run.upperBound, possessiveBase: true)
                out.append(Mention(start: tokens[first].start, end: tokens[last].end, name: name, kind: .organisation))
                return
            }
        }
        var i = run.lowerBound
        while i < run.upperBound {
            var matched = false
            let longest = max(info(tokens[i]).gazetteerWords, aliasFirstWordCount(tokens[i]) ?? 1)
            for length in stride(from: min(longest, run.upperBound - i), through: 1, by: -1) {
                if let hit = length == 1 ? lookup(tokens[i]) : lookup(tokens, i..<(i + length)) {
                    let end = tokens[i + length - 1].end
                    out.append(Mention(start: tokens[i].start, end: end, name: hit.name, kind: hit.kind))
                    titled = false
                    i += length
                    matched = true
                    break
                }
            }
            if matched { continue }
            // Tokens are read in place rather than copied.
            if !info(tokens[i]).flags.isDisjoint(with: [.title, .demonym]) {
                titled = true
                i += 1
                continue
            }
            if baseInfo(tokens[i]).flags.contains(.notName) || info(tokens[i]).flags.contains(.connector) || !tokens[i].isNameLike {
                i += 1
                continue
            }
            var j = i
            while j < run.upperBound, j - i < 5 {
                if info(tokens[j]).flags.contains(.connector) {
                    guard info(tokens[j]).flags.contains(.particle), j + 1 < run.upperBound else { break }
                    j += 1
                    continue
                }
                if !tokens[j].isNameLike || baseInfo(tokens[j]).flags.contains(.notName) || info(tokens[j]).flags.contains(.title) { break }
                if j > i, lookup(tokens[j])?.kind == .organisation { break }
                j += 1
                if tokens[j - 1].possessive { break }
            }
            if j == i { j = i + 1 }
            let seq = i..<j
            let afterIsSpeech = j < tokens.count && info(tokens[j]).flags.contains(.speechVerb)
            if seq.count >= 2, seq.count <= 5,
                let name = personName(tokens, seq, titled: titled, beforeIsRole: beforeIsRole, afterIsSpeech: afterIsSpeech)
            {
                out.append(Mention(start: tokens[i].start, end: tokens[j - 1].end, name: name, kind: .person))
            } else {
                for k in seq {
                    if let name = resolveSingle(tokens[k]) {
                        out.append(Mention(start: tokens[k].start, end: tokens[k].end, name: name, kind: .person))
                    } else if seq.count == 1, let b = before, info(tokens[b]).flags.contains(.locative),
                        !tokens[k].isAllCaps, tokens[k].base.count > 3, run.count == 1
                    {
                        out.append(Mention(start: tokens[k].start, end: tokens[k].end, name: tokens[k].base, kind: .place))
                    }
                }
            }
            titled = false
            i = j
        }
    }

    /// Gazetteer or alias-table entry for exactly these tokens.
    private func lookup(_ tokens: [EntityTokenizer.Token], _ range: Range<Int>) -> (name: String, kind: Kind)? {
        let possessive = tokens[range.upperBound - 1].possessive
        for base in possessive ? [false, true] : [false] {
            let text = phrase(tokens, range, possessiveBase: base)
            if range.count == 1, tokens[range.lowerBound].isAllCaps == false, text.count <= 2 { continue }
            if let org = Gazetteer.organisations[text] { return (org, .organisation) }
            if let place = Gazetteer.places[text] { return (place, .place) }
            // With no quotes to straighten the same keys were just asked.
            let straight = text.replacingQuotes()
            if straight != text {
                if let place = Gazetteer.places[straight] { return (place, .place) }
                if let org = Gazetteer.organisations[straight] { return (org, .organisation) }
            }
            // `Self.key(text)` is the straightened text lowercased.
            if range.count >= 2, let person = aliasIndex[straight.lowercasedFast()] { return (person, .person) }
        }
        return nil
    }

    /// What the word lists say about a token's text; the tokenizer looked up capitalised words.
    private func info(_ token: EntityTokenizer.Token) -> WordInfo {
        token.isCapitalised ? token.info : WordInfo.of(token.text)
    }

    /// What the word lists say about a token's text without a possessive `’s`.
    private func baseInfo(_ token: EntityTokenizer.Token) -> WordInfo {
        token.isCapitalised ? token.baseInfo : WordInfo.of(token.possessive ? token.base : token.text)
    }

    /// Alias-table key of a token's text.
    private func key(_ token: EntityTokenizer.Token) -> String {
        token.key ?? Self.key(token.text)
    }

    /// `aliasFirstWords[key(token)]`, by bytes when the key is ASCII.
    private func aliasFirstWordCount(_ token: EntityTokenizer.Token) -> Int? {
        let key = key(token)
        let found: Int?? = key.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            for b in bytes where b >= 0x80 { return nil }
            return .some(asciiAliasFirstWords.find(bytes))
        } ?? nil
        if let found { return found }
        return aliasFirstWords[key]
    }

    /// Gazetteer entry for this token alone (`lookup` for a range of one).
    private func lookup(_ token: EntityTokenizer.Token) -> (name: String, kind: Kind)? {
        if token.isAllCaps || !Self.isShort(token.text) {
            let info = info(token)
            if let hit = info.hit { return (hit, info.hitKind) }
        }
        if token.possessive, token.isAllCaps || !Self.isShort(token.base) {
            let info = baseInfo(token)
            if let hit = info.hit { return (hit, info.hitKind) }
        }
        return nil
    }

    /// At most two characters.
    private static func isShort(_ text: String) -> Bool {
        let bytes = text.utf8.count
        if bytes <= 2 { return true }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return text.count <= 2
    }

    /// A canonical person name for a run of name-like words, or nil when nothing says it is a person.
    private mutating func personName(
        _ tokens: [EntityTokenizer.Token], _ seq: Range<Int>, titled: Bool, beforeIsRole: Bool, afterIsSpeech: Bool
    ) -> String? {
        var words: [String] = []
        for k in seq { words.append(k == seq.upperBound - 1 ? tokens[k].base : tokens[k].text) }
        let text = words.joined(separator: " ")
        if let canonical = aliasIndex[Self.key(text)] { return canonical }
        let first = seq.lowerBound
        guard !tokens[first].isAllCaps || tokens[first].text.contains(".") || tokens[first].text.count <= 2 else { return nil }
        for k in seq where tokens[k].isAllCaps && !tokens[k].text.contains(".") && tokens[k].text.count > 2 { return nil }
        let firstIsFirstName = info(tokens[first]).flags.contains(.firstName)
        if seq.count == 2, baseInfo(tokens[seq.upperBound - 1]).flags.contains(.place), !firstIsFirstName { return nil }
        let evidence = firstIsFirstName || titled || beforeIsRole || afterIsSpeech || isKnownFullName(text)
        guard evidence else { return nil }
        let last = words.last ?? ""
        if let canonical = surnames[last] {
            if canonical.hasSuffix(text) { return canonical }
        } else {
            missedExtensions.append((last, text))
        }
        return text
    }

    /// A lone surname: the full name met in this article, else the alias table.
    mutating func resolveSingle(_ word: String) -> String? {
        if let full = surname(word) { return full }
        if let canonical = aliasIndex[Self.key(word)], Gazetteer.places[word] == nil { return canonical }
        return nil
    }

    /// `resolveSingle(token.base)` from the token's precomputed key and word-list entry.
    private mutating func resolveSingle(_ token: EntityTokenizer.Token) -> String? {
        if let full = surname(token.base) { return full }
        let key = token.baseKey ?? Self.key(token.base)
        if let canonical = aliasIndex[key], !baseInfo(token).flags.contains(.place) { return canonical }
        return nil
    }
}
