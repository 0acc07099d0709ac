import Foundation

/// The publishing outlet, from the outlet's own signatures: app promotions ("Install the Sky News
/// app"), trust footers ("The Thomson Reuters Trust Principles"), own-correspondent credits
/// ("Al Jazeera’s X, reporting from"). Attributions such as "told Reuters" are not signatures.
enum Signatures {
    /// First bytes (ASCII, lowercased) of the lines `source(in:)` can accept without a Thomson Reuters mention.
    static let startLetters: Set<UInt8> = Set("idgtbsc(".utf8)

    /// `startLetters` as bit masks over the bytes 0..<64 and 64..<128.
    static let startLettersLow: UInt64 = startLetters.reduce(0) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
    static let startLettersHigh: UInt64 = startLetters.reduce(0) { $1 >= 64 && $1 < 128 ? $0 | 1 << UInt64($1 - 64) : $0 }

    /// The ASCII openings (lowercase) that `source(in:)` looks for in a line without a Thomson Reuters mention.
    static let asciiCues: [[UInt8]] = [
        "install the ", "download the ", "get the ", "be the first to get breaking news from ", "sign up for the ",
        "subscribe to ", "(c) ", "copyright ",
    ].map { Array($0.utf8) }

    /// False when the line's lowercased opening certainly is none of the openings `source(in:)`
    /// accepts (decided on ASCII bytes); true when it may be.
    static func mayOpenWithCue(_ line: String) -> Bool {
        let answer: Bool? = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let checked = min(bytes.count, 48)
            for k in 0..<checked where bytes[k] >= 0x80 { return true }
            for cue in asciiCues where cue.count <= bytes.count {
                var k = 0
                while k < cue.count, bytes[k] | (bytes[k] >= 0x41 && bytes[k] <= 0x5A ? 0x20 : 0) == cue[k] { k += 1 }
                if k == cue.count { return true }
            }
            return false
        }
        return answer ?? true
    }

    /// The outlets' names of more than three characters that a copyright line is searched for,
    /// longest first (then in order): a line that names two takes the longer, the same on every run.
    static let copyrightKeys: [(key: String, outlet: String)] = Gazetteer.outlets.filter { $0.key.count > 3 }
        .sorted { ($0.key.utf8.count, $1.key) > ($1.key.utf8.count, $0.key) }.map { ($0.key, $0.value) }

    /// The outlet a line names as its publisher, or nil.
    static func source(in line: String) -> String? {
        let reporting = line.containsBytes(", reporting from")
        guard line.utf8.count <= 200 || reporting else { return nil }
        // Every signature starts with one of a few letters, or names Thomson Reuters.
        if !reporting, let head = line.utf8.first, head < 0x80 {
            let lowerHead = head | 0x20
            let letterMask: UInt64 = lowerHead < 128 && lowerHead >= 64 ? startLettersHigh : startLettersLow
            let startsWell = letterMask >> UInt64(lowerHead & 63) & 1 != 0
            // Without a Thomson Reuters mention only the listed openings can match.
            if !line.containsASCIICaseInsensitive("thomson"), !startsWell || !mayOpenWithCue(line) { return nil }
        }
        let lower = reporting || line.containsBytes("Thomson") || line.utf8.count <= 48
            ? line.lowercasedFast().replacingQuotes() : String(line.prefix(48)).lowercasedFast().replacingQuotes()
        for lead in ["install the ", "download the ", "get the "] where lower.fastHasPrefix(lead) {
            // The outlet's name stands between the lead and " app": `download the app` names none.
            let afterLead = lower.index(lower.startIndex, offsetBy: lead.count)
            if let r = lower[afterLead...].utf8Range(of: " app") {
                let name = lower[afterLead..<r.lowerBound]
                if let outlet = Gazetteer.outlets[String(name)] { return outlet }
                return name.isEmpty || name.count > 30 ? nil : String(line.dropFirst(lead.count).prefix(name.count))
            }
        }
        if lower.containsBytes("thomson reuters trust principles") && lower.contains("thomson reuters trust principles")
            || lower == "thomson reuters"
        {
            return "Reuters"
        }
        for cue in ["be the first to get breaking news from ", "sign up for the ", "subscribe to "] {
            if lower.fastHasPrefix(cue), let outlet = Gazetteer.outlets[String(lower.dropFirst(cue.count))] { return outlet }
        }
        if reporting, let r = lower.range(of: ", reporting from") {
            let before = lower[..<r.lowerBound]
            if let apostrophe = before.range(of: "'s ", options: .backwards) {
                var name = String(before[..<apostrophe.lowerBound])
                if let cut = name.range(of: ". ", options: .backwards) { name = String(name[cut.upperBound...]) }
                if let outlet = Gazetteer.outlets[name] { return outlet }
            }
        }
        for suffix in ["(c) ", "© ", "copyright "] where lower.fastHasPrefix(suffix) {
            for (key, outlet) in copyrightKeys where lower.containsUTF8(key) { return outlet }
        }
        return nil
    }
}
