/// Which order a numeric date such as `02/11/2023` is written in when both its first numbers could
/// be a month: the United States write the month first, most of the world the day. A line that says
/// where it comes from decides: a time zone used outside the United States (`GMT`, `BST`, `CET`,
/// `WIB`, `IST` …), a 24-hour time past noon with no `am` / `pm` (`21:34`), or a word of a language
/// that writes the day first (`Uhr`, `von`, `le`, `de` …). Without such a cue the month comes first.
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

    /// Whether an ambiguous numeric date in `line` is day first.
    package static func dayFirst(in line: some StringProtocol) -> Bool {
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
        var sawAfternoon = false
        var sawMeridiem = false
        for (k, word) in words.enumerated() {
            let lower = word.lowercased()
            if dayFirstZones.contains(lower) || dayFirstWords.contains(lower) {
                // `8:30 am` is English: `am` counts only when no time is just before it.
                if lower == "am", k > 0, words[k - 1].allSatisfy(\.isNumber) { sawMeridiem = true; continue }
                return true
            }
            if lower == "pm" || lower == "am" || lower == "a.m" || lower == "p.m" { sawMeridiem = true }
            if lower.hasSuffix("pm") || lower.hasSuffix("am"), lower.dropLast(2).allSatisfy(\.isNumber) { sawMeridiem = true }
            // An hour followed by minutes (`21:34`): the words are `21` and `34`, joined by a colon.
            if let hour = Int(word), hour >= 13, hour <= 23, word.count == 2, k + 1 < words.count,
                word.endIndex < text.endIndex, text[word.endIndex] == ":", words[k + 1].count == 2,
                words[k + 1].allSatisfy(\.isNumber)
            {
                sawAfternoon = true
            }
        }
        return sawAfternoon && !sawMeridiem
    }
}
