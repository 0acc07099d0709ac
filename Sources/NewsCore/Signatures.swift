import Foundation

/// The publishing outlet, from the outlet's own signatures: app promotions ("Install the Sky News
/// app"), trust footers ("The Thomson Reuters Trust Principles"), own-correspondent credits
/// ("Al Jazeera’s X, reporting from"). Attributions such as "told Reuters" are not signatures.
enum Signatures {
    /// First bytes (ASCII, lowercased) of the lines `source(in:)` can accept without a Thomson Reuters mention.
    static let startLetters: Set<UInt8> = Set("idgtbsc(".utf8)

    /// The outlet a line names as its publisher, or nil.
    static func source(in line: String) -> String? {
        let reporting = line.containsBytes(", reporting from")
        guard line.utf8.count <= 200 || reporting else { return nil }
        // Every signature starts with one of a few letters, or names Thomson Reuters.
        if !reporting, let head = line.utf8.first, head < 0x80, !startLetters.contains(head | 0x20),
            !line.containsASCIICaseInsensitive("thomson")
        {
            return nil
        }
        let lower = reporting || line.containsBytes("Thomson") || line.utf8.count <= 48
            ? line.lowercasedFast().replacingQuotes() : String(line.prefix(48)).lowercasedFast().replacingQuotes()
        for lead in ["install the ", "download the ", "get the "] where lower.fastHasPrefix(lead) {
            if let r = lower.range(of: " app") {
                let name = lower[lower.index(lower.startIndex, offsetBy: lead.count)..<r.lowerBound]
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
            for (key, outlet) in Gazetteer.outlets where key.count > 3 && lower.contains(key) { return outlet }
        }
        return nil
    }
}
