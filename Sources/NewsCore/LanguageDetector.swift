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
        var counts: [String: Int] = [:]
        var words = 0
        var ukrainianLetters = 0
        var russianLetters = 0
        outer: for paragraph in paragraphs {
            var paragraph = paragraph
            paragraph.makeContiguousUTF8()
            let stop = paragraph.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                var i = 0
                var wordStart = -1
                let n = bytes.count
                while i <= n {
                    var isLetter = false
                    var width = 1
                    if i < n {
                        let (scalar, w) = EntityTokenizer.scalar(bytes, i)
                        width = w
                        if Scalars.isLetter(scalar) {
                            isLetter = true
                            if w > 1 {
                                switch scalar {
                                case "і", "ї", "є", "ґ", "І", "Ї", "Є": ukrainianLetters += 1
                                case "ы", "э", "ъ", "ё", "Ы", "Э": russianLetters += 1
                                default: break
                                }
                            }
                        }
                    }
                    if isLetter {
                        if wordStart < 0 { wordStart = i }
                    } else if wordStart >= 0 {
                        let wordBytes = UnsafeBufferPointer(rebasing: bytes[wordStart..<i])
                        if !wordBytes.contains(where: { $0 >= 0x80 }) {
                            // ASCII: lowercasing keeps the length, so a word longer than every stop word is none.
                            if wordBytes.count <= longestStopWord {
                                count(EntityTokenizer.asciiLowercased(wordBytes), into: &counts)
                            }
                        } else {
                            count(String(decoding: wordBytes, as: UTF8.self).lowercasedFast(), into: &counts)
                        }
                        words += 1
                        wordStart = -1
                        if words > 600, i < n { return true }
                    }
                    i += width
                }
                return false
            } ?? false
            if stop { break outer }
        }
        if (counts["ru"] ?? 0) > 0 || (counts["uk"] ?? 0) > 0 {
            if ukrainianLetters > russianLetters { counts["uk", default: 0] += ukrainianLetters }
            if russianLetters > ukrainianLetters { counts["ru", default: 0] += russianLetters }
        }
        guard let best = counts.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
            best.value >= 3 || best.value * 5 >= words && best.value >= 1
        else { return nil }
        return best.key
    }

    static let index: [String: [String]] = {
        var out: [String: [String]] = [:]
        for (language, set) in stopWords { for word in set { out[word, default: []].append(language) } }
        return out
    }()

    /// UTF-8 length of the longest stop word.
    static let longestStopWord: Int = index.keys.map(\.utf8.count).max() ?? 0

    private static func count(_ word: String, into counts: inout [String: Int]) {
        guard let languages = index[word] else { return }
        for language in languages { counts[language, default: 0] += 1 }
    }
}
