/// Direct quotations in a paragraph and who said them: `“…,” Vance said`, `X said: „…“`,
/// `…, she said` (the last person named before). Straight and curly quotes of several languages
/// („ “ ‚ ‘ « » " ') are recognised; a quoted word or two (scare quotes) is not a quotation.
enum QuoteFinder {
    /// One quotation: its text and where it sits (Unicode scalar offsets, marks included).
    struct Found {
        var text: String
        var range: Range<Int>
    }

    static let pairs: [Unicode.Scalar: [Unicode.Scalar]] = [
        "“": ["”", "“"], "„": ["“", "”"], "«": ["»"], "\"": ["\""], "‚": ["‘", "’"], "‘": ["’"], "»": ["«"],
        "「": ["」"],
    ]

    /// The closing marks for an opening mark (as `pairs`), without hashing every scalar.
    @inline(__always) static func closers(for scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        let v = scalar.value
        if v < 0x80 { return v == 0x22 ? pairs[scalar] : nil }
        if v != 0xAB, v != 0xBB, v < 0x2018 || v > 0x201E, v != 0x300C { return nil }
        return pairs[scalar]
    }

    /// False when the paragraph holds none of the opening marks of `pairs` (`"`, `“`, `„`, `‚`, `‘`,
    /// `«`, `»`, `「`), decided on the UTF-8 bytes.
    static func mayHoldOpeningMark(_ paragraph: String) -> Bool {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b == 0x22 { return true }
                if b >= 0xC2, i + 1 < n {
                    let c = bytes[i + 1]
                    if b == 0xC2, c == 0xAB || c == 0xBB { return true }
                    if b == 0xE2, c == 0x80, i + 2 < n {
                        let d = bytes[i + 2]
                        if d == 0x9C || d == 0x9E || d == 0x9A || d == 0x98 { return true }
                    }
                    if b == 0xE3, c == 0x80, i + 2 < n, bytes[i + 2] == 0x8C { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The quotations in a paragraph, in order.
    static func quotes(in paragraph: String) -> [Found] {
        quotesAndScalars(in: paragraph).found
    }

    /// The quotations in a paragraph and, when there are any, the paragraph's scalars (for `attribute`).
    static func quotesAndScalars(in paragraph: String) -> (found: [Found], scalars: [Unicode.Scalar]) {
        // Most paragraphs hold no quotation mark at all.
        guard mayHoldOpeningMark(paragraph) else { return ([], []) }
        let s = Scalars.array(paragraph)
        var out: [Found] = []
        var i = 0
        while i < s.count {
            guard let closers = closers(for: s[i]) else {
                i += 1
                continue
            }
            let single = s[i] == "‘" || s[i] == "‚"
            if single, i > 0, Scalars.isLetter(s[i - 1]) {
                i += 1
                continue
            }
            var j = i + 1
            var found = false
            while j < s.count {
                if closers.contains(s[j]) {
                    let nextIsLetter = j + 1 < s.count && Scalars.isLetter(s[j + 1])
                    if !(single && nextIsLetter) && !(s[j] == "’" && nextIsLetter) {
                        found = true
                        break
                    }
                }
                j += 1
            }
            guard found else {
                i += 1
                continue
            }
            var text = Scalars.string(s[(i + 1)..<j]).trimming(" ,")
            if text.hasSuffix(",") { text.removeLast() }
            if Sentences.wordCount(text) >= 3 {
                out.append(Found(text: text, range: i..<(j + 1)))
            }
            i = j + 1
        }
        return (out, out.isEmpty ? [] : s)
    }

    static let verbs: Set<String> = [
        "said", "says", "told", "added", "wrote", "posted", "stated", "noted", "explained", "warned", "urged",
        "insisted", "argued", "declared", "replied", "tweeted", "continued", "asked", "indicated", "announced",
        "according", "commented", "remarked", "recalled", "acknowledged", "conceded", "admitted", "claimed",
        "sagte", "erklärte", "a déclaré", "dit", "dijo", "ha detto", "disse", "zei", "заявил", "сказал",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "He", "She", "They", "er", "sie", "il", "elle"]

    /// `verbs` for ASCII words, looked up by bytes.
    static let asciiVerbs = ASCIIKeyTable(Dictionary(uniqueKeysWithValues: verbs.map { ($0, true) }))

    /// `verbs.contains(word)`, by bytes when the word is ASCII.
    static func isVerb(_ word: String) -> Bool {
        let found: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for b in bytes where b >= 0x80 { return nil }
            return asciiVerbs.find(bytes) != nil
        }
        if let known = found ?? nil { return known }
        return verbs.contains(word)
    }

    /// Gives each quotation a speaker, from the words after it, else the words before it in its sentence.
    static func attribute(
        _ found: [Found], in paragraph: String, mentions: [EntityRecognizer.Mention], previous: String?
    ) -> [Article.Quote] {
        guard !found.isEmpty else { return [] }
        return attribute(found, scalars: Scalars.array(paragraph), mentions: mentions, previous: previous)
    }

    /// `attribute(_:in:mentions:previous:)` given the paragraph's scalars.
    static func attribute(
        _ found: [Found], scalars s: [Unicode.Scalar], mentions: [EntityRecognizer.Mention], previous: String?
    ) -> [Article.Quote] {
        guard !found.isEmpty else { return [] }
        var out: [Article.Quote] = []
        let persons = mentions.filter { $0.kind == .person || $0.kind == .organisation }
        for (index, quote) in found.enumerated() {
            let outside: (EntityRecognizer.Mention) -> Bool = { m in !found.contains { $0.range.contains(m.start) } }
            // "he said": the last person before the quote who is a sentence's subject in this
            // paragraph, else the previous paragraph's speaker or subject; never someone only mentioned.
            func lastNamed(before position: Int) -> String? {
                persons.last {
                    $0.start < position && $0.kind == .person && outside($0) && isSubject($0, s)
                }?.name ?? previous
            }
            // After the quote: up to the end of the sentence or the next quotation.
            let limit = index + 1 < found.count ? found[index + 1].range.lowerBound : s.count
            var end = quote.range.upperBound
            while end < limit,
                !(isStop(s[end], semicolon: true) && (end + 1 == s.count || s[end + 1] == " ")
                    && !(s[end] == "." && Sentences.isAbbreviation(s, before: end)))
            {
                end += 1
            }
            let tail = words(s, quote.range.upperBound..<end)
            var speaker: String?
            if let verb = tail.prefix(12).firstIndex(where: { isVerb($0.text) }) {
                let subject = tail[..<verb]
                let named = persons.last {
                    $0.start >= quote.range.upperBound && $0.start < (subject.last?.end ?? quote.range.upperBound) + 1
                        && $0.kind == .person
                }
                if let named, subject.count <= 10 {
                    speaker = named.name
                } else if subject.contains(where: { pronouns.contains($0.text) }) {
                    speaker = lastNamed(before: quote.range.lowerBound)
                } else if subject.isEmpty || subject.allSatisfy({ $0.text == "then" || $0.text == "also" }) {
                    speaker = personRightAfter(tail, verb: verb, persons: persons, end: end)
                } else if let org = persons.last(where: {
                    $0.start >= quote.range.upperBound && $0.start < (subject.last?.end ?? 0) + 1
                }) {
                    speaker = org.name
                }
                if speaker == nil, subject.count <= 1 {  // `said Putin`, French `a dit Emmanuel Macron`
                    speaker = personRightAfter(tail, verb: verb, persons: persons, end: end)
                }
                // `the US president said`: a description names no one this parser can resolve; a person
                // later in the sentence (`after the call with Putin`) is not the speaker.
                // A determiner and a noun at least (`the US president`; French `a dit` is no description).
                let described = subject.count >= 2
                    && ["the", "The", "a", "an", "his", "her", "their", "its"].contains(subject[subject.startIndex].text)
                if speaker != nil || described {
                    out.append(Article.Quote(speaker: speaker, text: quote.text))
                    continue
                }
            }
            // Before the quote, in the same sentence.
            var begin = quote.range.lowerBound
            let floor = index > 0 ? found[index - 1].range.upperBound : 0
            while begin > floor, !(isStop(s[begin - 1], semicolon: false) && s[begin] == " ") { begin -= 1 }
            let head = words(s, begin..<quote.range.lowerBound)
            if let verb = head.lastIndex(where: { isVerb($0.text) }) {
                let verbStart = head[verb].start
                if let named = persons.last(where: { $0.start >= begin && $0.start < verbStart && $0.kind == .person }) {
                    speaker = named.name
                } else if head[..<verb].contains(where: { pronouns.contains($0.text) }) {
                    speaker = lastNamed(before: begin)
                } else if let named = persons.last(where: { $0.start >= begin && $0.start < verbStart }) {
                    speaker = named.name
                }
            } else if let named = persons.last(where: {
                $0.start >= begin && $0.start < quote.range.lowerBound && $0.kind == .person && !isPossessive($0, s)
            }) {
                // `Xi Jinping had also lauded Lam’s bravery during “these unusual times”`: the one
                // whose something it is does not speak.
                speaker = named.name
            }
            out.append(Article.Quote(speaker: speaker, text: quote.text))
        }
        return out
    }

    /// `said Putin`, `said on Tuesday Kremlin spokesman Dmitry Peskov`: the person that follows the
    /// verb within a few words, in the same sentence.
    static func personRightAfter(
        _ tail: [Word], verb: Int, persons: [EntityRecognizer.Mention], end: Int
    ) -> String? {
        let reach = verb + 5 < tail.count ? tail[verb + 5].start : end
        return persons.first { $0.start > tail[verb].start && $0.start < min(reach, end) && $0.kind == .person }?.name
    }

    /// Words after a name that do not make it a subject (`Putin and`, `Trump of`, `Costa who`).
    static let linkWords: Set<String> = [
        "of", "and", "or", "in", "on", "at", "to", "with", "for", "from", "by", "after", "before", "the", "a", "an",
        "who", "whom", "whose", "which", "that", "as", "but", "nor", "than", "about", "over", "into", "during",
    ]

    static let auxiliaries: Set<String> = [
        "has", "had", "have", "is", "was", "were", "will", "would", "could", "also", "now", "then", "later", "earlier",
    ]

    /// Whether a person mention is the subject of its sentence: a speech verb follows it within three
    /// words or an auxiliary right after it (`Costa said`, `Leavitt has now given`), or only
    /// capitalised words (a title) stand before it in the sentence.
    static func isSubject(_ m: EntityRecognizer.Mention, _ s: [Unicode.Scalar]) -> Bool {
        guard m.end <= s.count, m.start <= s.count else { return false }
        // `Donald Trump’s call`: a possessive is no subject.
        if isPossessive(m, s) { return false }
        let after = words(s, m.end..<min(s.count, m.end + 48))
        if let first = after.first, auxiliaries.contains(first.text) || isVerb(first.text) { return true }
        // `Zelensky took to social media`: a lowercase word that is no preposition or conjunction
        // follows the name directly.
        if let first = after.first, first.text.count > 1, !s[m.end..<first.start].contains(where: { $0 != " " }),
            let head = first.text.unicodeScalars.first, Scalars.isLower(head), !linkWords.contains(first.text)
        {
            return true
        }
        for word in after.prefix(3) {
            if isVerb(word.text) { return true }
            if s[m.end..<word.start].contains(where: { $0 == "," || $0 == "." || $0 == ";" }) { break }
        }
        var begin = m.start
        while begin > 0, !(isStop(s[begin - 1], semicolon: true)) { begin -= 1 }
        return words(s, begin..<m.start).allSatisfy { w in w.text.unicodeScalars.first.map(Scalars.isUpper) ?? false }
    }

    /// Whether a mention is followed by an apostrophe or ends in `’s` (`Lam’s bravery`).
    static func isPossessive(_ m: EntityRecognizer.Mention, _ s: [Unicode.Scalar]) -> Bool {
        guard m.end <= s.count else { return false }
        if m.end < s.count, s[m.end] == "’" || s[m.end] == "'" { return true }
        return m.end >= 2 && s[m.end - 1] == "s" && (s[m.end - 2] == "’" || s[m.end - 2] == "'")
    }

    /// The subject of the paragraph's last sentence that names one (see `isSubject`), for a pronoun
    /// in the next paragraph.
    static func subject(of paragraph: String, mentions: [EntityRecognizer.Mention]) -> String? {
        guard mentions.contains(where: { $0.kind == .person }) else { return nil }
        let s = Scalars.array(paragraph)
        return mentions.last { $0.kind == .person && isSubject($0, s) }?.name
    }

    /// `.`, `!`, `?` (and `;` when `semicolon`).
    @inline(__always) static func isStop(_ s: Unicode.Scalar, semicolon: Bool) -> Bool {
        s == "." || s == "!" || s == "?" || semicolon && s == ";"
    }

    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    static func words(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Word] {
        var out: [Word] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard Scalars.isLetter(s[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < range.upperBound, Scalars.isLetter(s[i]) || s[i] == "." { i += 1 }
            out.append(Word(text: Scalars.string(s[start..<i]), start: start, end: i))
        }
        return out
    }
}
