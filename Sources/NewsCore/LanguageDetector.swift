/// Tells the language of a text from its most frequent short words (stop words).
enum LanguageDetector {
    static let stopWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "he", "it", "as", "said",
               "by", "at", "from", "his", "are", "have", "has", "be", "this", "not", "but", "they", "will", "an"],
        "de": ["der", "die", "und", "das", "ist", "nicht", "mit", "sich", "den", "des", "dem", "von", "auf", "ein",
               "eine", "zu", "auch", "es", "im", "für", "wird", "sie", "hat", "bei", "nach", "wie", "aus", "sagte"],
        "fr": ["le", "la", "les", "et", "des", "est", "une", "un", "du", "que", "qui", "dans", "pour", "pas", "sur",
               "au", "avec", "il", "ce", "par", "plus", "ont", "été", "sont", "aux", "elle", "cette", "mais"],
        "es": ["el", "la", "los", "las", "y", "que", "en", "del", "por", "con", "una", "un", "para", "es", "se",
               "al", "lo", "como", "más", "pero", "su", "sus", "fue", "ha", "este", "esta", "también", "dijo"],
        "it": ["il", "la", "di", "che", "e", "è", "per", "un", "una", "del", "della", "non", "con", "sono", "gli",
               "le", "dei", "nel", "alla", "anche", "si", "ha", "come", "più", "lo", "ma", "questo", "delle"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "die",
               "er", "aan", "ook", "om", "maar", "bij", "wordt", "nog", "hij", "zij", "werd", "naar", "heeft"],
        "pt": ["o", "a", "os", "as", "e", "de", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com",
               "não", "no", "na", "por", "mais", "foi", "ao", "pelo", "pela", "são", "também", "disse"],
        "ru": ["и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "из", "за", "к", "от", "для", "о",
               "был", "было", "его", "также", "но", "она", "они", "при", "уже", "сказал", "который", "ещё"],
        "uk": ["і", "й", "в", "у", "не", "на", "що", "з", "із", "по", "це", "як", "він", "до", "за", "від", "для",
               "про", "був", "було", "його", "також", "але", "вона", "вони", "при", "вже", "який", "щодо"],
        "pl": ["i", "w", "nie", "na", "się", "że", "z", "do", "to", "jest", "o", "jak", "po", "ale", "od", "za",
               "przez", "dla", "jego", "już", "który", "oraz", "tym", "tak", "być", "został"],
        "sv": ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte",
               "om", "ett", "var", "men", "från", "sade", "också"],
    ]

    /// The ISO 639-1 code of the most likely language, or nil when too few stop words say so.
    static func detect(_ paragraphs: [String]) -> String? {
        var tally = Tally(counts: [Int](repeating: 0, count: languages.count))
        for paragraph in paragraphs {
            var paragraph = paragraph
            if paragraph.withUTF8({ tally.scan($0) }) { break }
        }
        var counts = tally.counts
        let words = tally.words
        let ukrainianLetters = tally.ukrainianLetters
        let russianLetters = tally.russianLetters
        let ru = languages.firstIndex(of: "ru")!
        let uk = languages.firstIndex(of: "uk")!
        if counts[ru] > 0 || counts[uk] > 0 {
            if ukrainianLetters > russianLetters { counts[uk] += ukrainianLetters }
            if russianLetters > ukrainianLetters { counts[ru] += russianLetters }
        }
        // Highest count; on a tie the first code in alphabetical order.
        var best: Int?
        for k in counts.indices where counts[k] > 0 && counts[k] > (best.map { counts[$0] } ?? 0) { best = k }
        guard let best, counts[best] >= 3 || counts[best] * 5 >= words else { return nil }
        return languages[best]
    }

    /// What the paragraphs read so far say.
    private struct Tally {
        /// Stop-word counts per language, indexed as `languages`.
        var counts: [Int]
        var words = 0
        var ukrainianLetters = 0
        var russianLetters = 0

        /// Counts the words of one paragraph's UTF-8; true when more than 600 words were read
        /// before its end (and no more paragraphs need reading).
        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            var wordStart = -1
            var wordIsASCII = true
            let n = bytes.count
            let longest = longestStopWord
            let table = asciiIndex
            while i <= n {
                var isLetter = false
                var width = 1
                if i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
                    } else {
                        let (scalar, w) = Scalars.decode(bytes, i)
                        width = w
                        if Scalars.isLetter(scalar) {
                            isLetter = true
                            switch scalar {
                            case "і", "ї", "є", "ґ", "І", "Ї", "Є": ukrainianLetters += 1
                            case "ы", "э", "ъ", "ё", "Ы", "Э": russianLetters += 1
                            default: break
                            }
                        }
                    }
                }
                if isLetter {
                    if wordStart < 0 {
                        wordStart = i
                        wordIsASCII = true
                    }
                    if width > 1 { wordIsASCII = false }
                } else if wordStart >= 0 {
                    let wordBytes = UnsafeBufferPointer(rebasing: bytes[wordStart..<i])
                    if wordIsASCII {
                        // ASCII letters: lowercasing keeps the length, so a word longer than every
                        // stop word is none.
                        if wordBytes.count <= longest, let mask = table.find(lowercasingLetters: wordBytes) {
                            count(mask)
                        }
                    } else if let mask = index[String(decoding: wordBytes, as: UTF8.self).lowercasedFast()] {
                        count(mask)
                    }
                    words += 1
                    wordStart = -1
                    if words > 600, i < n { return true }
                }
                i += width
            }
            return false
        }

        @inline(__always) private mutating func count(_ mask: UInt16) {
            var bits = mask
            while bits != 0 {
                counts[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
    }

    /// The language codes in alphabetical order; bit `k` of a stop word's mask is `languages[k]`.
    static let languages: [String] = stopWords.keys.sorted()

    /// Stop word → mask of the languages it belongs to.
    static let index: [String: UInt16] = {
        var out: [String: UInt16] = [:]
        for (k, language) in languages.enumerated() {
            for word in stopWords[language]! { out[word, default: 0] |= 1 << UInt16(k) }
        }
        return out
    }()

    /// `index` for ASCII words, looked up by bytes.
    static let asciiIndex = ASCIIKeyTable(index)

    /// UTF-8 length of the longest stop word.
    static let longestStopWord: Int = index.keys.map(\.utf8.count).max() ?? 0
}
