/// Which order a numeric date such as `02/11/2023` is written in when both its first numbers could
/// be a month: the United States write the month first, most of the world the day. A line that says
/// where it comes from decides: a time zone used outside the United States (`GMT`, `BST`, `CET`,
/// `WIB`, `IST` …) or a word of a language that writes the day first (`Uhr`, `von`, `le`, `de` …);
/// a 24-hour time does not (Drupal's default is `08/09/2012 - 14:49`, month first). Else the page
/// decides, as it writes its dates one way: a date elsewhere on it whose first number is over
/// twelve (`26/12/2019`) says day first, whose second is (`12/26/2019`) month first (`pageOrder`).
/// Else a web page's declared locale, else the language the page is written in (`PageOrder`: a
/// Spanish page's `03/05/2022` is the 3rd of May); else the month comes first.
package enum DayOrder {
    /// Zone abbreviations of places that write the day first.
    static let dayFirstZones: Set<String> = [
        "gmt", "bst", "wet", "west", "cet", "cest", "mez", "mesz", "eet", "eest", "msk", "ist", "pkt", "wib",
        "wita", "wit", "sgt", "hkt", "jst", "kst", "aest", "aedt", "acst", "acdt", "awst", "nzst", "nzdt", "sast",
        "cat", "eat", "wat", "ict", "pht", "myt", "brt", "art",
    ]
    /// Words of languages that write the day first (German, French, Spanish, Italian, Portuguese, Dutch).
    static let dayFirstWords: Set<String> = [
        "uhr", "um", "von", "vom", "am", "le", "du", "à", "de", "del", "della", "el", "il", "às", "op", "om",
        "publié", "veröffentlicht", "publicado", "pubblicato", "gepubliceerd",
    ]

    /// Languages that write a numeric date day first (English depends on the country).
    static let dayFirstLanguages: Set<String> = [
        "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "id", "ms", "tr", "el", "cs", "sk", "ro", "uk", "bg", "hr",
        "sr", "sl", "da", "no", "nb", "nn", "fi", "vi", "th", "ar", "he", "fa", "hi", "ca", "eu", "gl",
    ]
    /// Countries whose English writes the day first, and those whose English writes the month first.
    static let dayFirstEnglish: Set<String> = ["gb", "uk", "au", "nz", "ie", "in", "za", "ng", "ke", "pk", "sg", "my", "hk", "gh"]
    static let monthFirstEnglish: Set<String> = ["us", "ph"]

    /// Whether a locale (`pt-BR`, `en_GB`, `de`) writes numeric dates day first; nil when it does
    /// not tell (`en` alone, a language not listed).
    package static func dayFirst(locale: String) -> Bool? {
        let parts = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let language = parts.first.map(String.init) else { return nil }
        if language == "en" {
            guard parts.count > 1 else { return nil }
            let country = String(parts[1])
            return dayFirstEnglish.contains(country) ? true : monthFirstEnglish.contains(country) ? false : nil
        }
        return dayFirstLanguages.contains(language) ? true : nil
    }

    /// The order a page's lines write numeric dates in: true for day first, false for month first,
    /// nil when no date on it tells (both numbers twelve or less, or none), by the majority.
    package static func pageOrder(_ lines: some Sequence<String>) -> Bool? {
        var dayFirst = 0
        var monthFirst = 0
        for line in lines where line.utf8.count <= 2000 && (line.utf8.contains(0x2F) || line.utf8.contains(0x2D)) {
            let bytes = Array(line.utf8)
            var i = 0
            while i < bytes.count {
                // `a/b/yyyy` or `a-b-yyyy` with one or two digits before each separator.
                guard let (a, afterA) = number(bytes, i, maxDigits: 2), afterA < bytes.count,
                    bytes[afterA] == 0x2F || bytes[afterA] == 0x2D, let (b, afterB) = number(bytes, afterA + 1, maxDigits: 2),
                    afterB < bytes.count, bytes[afterB] == bytes[afterA], let (_, afterY) = number(bytes, afterB + 1, maxDigits: 4),
                    afterY - afterB - 1 == 4, i == 0 || !isDigit(bytes[i - 1])
                else {
                    i += 1
                    continue
                }
                if a > 12, a <= 31, b >= 1, b <= 12 { dayFirst += 1 }
                if b > 12, b <= 31, a >= 1, a <= 12 { monthFirst += 1 }
                i = afterY
            }
        }
        return dayFirst == monthFirst ? nil : dayFirst > monthFirst
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The number of at most `maxDigits` digits at `i` and the index after it, or nil.
    private static func number(_ bytes: [UInt8], _ i: Int, maxDigits: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        while j < bytes.count, j - i < maxDigits, isDigit(bytes[j]) {
            value = value * 10 + Int(bytes[j] - 0x30)
            j += 1
        }
        guard j > i, j >= bytes.count || !isDigit(bytes[j]) else { return nil }
        return (value, j)
    }

    /// Whether an ambiguous numeric date in `line` is day first: a word of a language that writes
    /// the day first, or (unless `byZone` is false) a time zone's name outside America.
    package static func dayFirst(in line: some StringProtocol, byZone: Bool = true) -> Bool {
        let text = Substring(line)
        var words: [Substring] = []
        var start: Substring.Index?
        for index in text.indices where words.count <= 80 {
            let isWordCharacter = text[index].isLetter || text[index].isNumber
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let s = start {
                words.append(text[s..<index])
                start = nil
            }
        }
        if let s = start { words.append(text[s...]) }
        for (k, word) in words.enumerated() {
            let lower = word.lowercased()
            guard byZone && dayFirstZones.contains(lower) || dayFirstWords.contains(lower) else { continue }
            // `8:30 am` is English: `am` counts only when no number is just before it.
            if lower == "am", k > 0, words[k - 1].allSatisfy(\.isNumber) { continue }
            return true
        }
        return false
    }
}

/// A page's order of numeric dates (`DayOrder.pageOrder`), worked out the first time an ambiguous
/// date asks for it: most pages never do, and the lines are not read for them.
package final class PageOrder {
    private var known: Bool??
    private var lines: (() -> [String])?
    private let locale: Bool?

    /// `locale`: what the page's declared locale says (a page in Portuguese writes the day first),
    /// heard when its dates do not tell; without one, the language its lines are written in
    /// (`LanguageDetector`: English does not tell).
    package init(locale: Bool? = nil, _ lines: @escaping () -> [String]) {
        self.lines = lines
        self.locale = locale
    }

    /// True for day first, false for month first, nil when the page does not tell.
    package var dayFirst: Bool? {
        if let known { return known }
        let text = lines?() ?? []
        let value = DayOrder.pageOrder(text) ?? locale
            ?? LanguageDetector.detect(text).flatMap(DayOrder.dayFirst(locale:))
        (known, lines) = (.some(value), nil)
        return value
    }
}
