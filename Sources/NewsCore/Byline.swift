import Foundation

/// Bylines: `By James Matthews, US correspondent` → `["James Matthews"]`; roles, agencies and
/// "and" are dropped, and sentences that merely start with "By" (`By now, …`) are not bylines.
enum Byline {
    /// The names in a byline line, or nil when the line is not a byline.
    static func parse(_ line: String) -> [String]? {
        guard line.fastHasPrefix("By ") || line.fastHasPrefix("BY ") || line.fastHasPrefix("by ") else { return nil }
        let rest = line.dropFirst(3).trimmingSpaces()
        guard let first = rest.unicodeScalars.first, Scalars.isUpper(first), rest.count <= 140 else { return nil }
        if let last = rest.last, ".!?:;".contains(last), !rest.hasSuffix("Jr.") { return nil }
        guard rest.split(separator: " ").count <= 16 else { return nil }
        var names: [String] = []
        var text = String(rest)
        for separator in [" and ", " & ", " und ", " et ", " y ", " e ", "|", ";", " - ", " – ", " — "] {
            // Nothing to replace when the separator's bytes do not occur.
            if text.containsUTF8(separator) { text = text.replacingOccurrences(of: separator, with: ",") }
        }
        for part in text.split(separator: ",") {
            var segment = part.trimmingSpaces()
            // `By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU …`: after a name, a role ends the names.
            if !names.isEmpty, segment.split(separator: " ").contains(where: { Gazetteer.titles.contains(String($0)) || roles.contains(String($0)) }) {
                break
            }
            for cut in [" in ", " at ", " from "] {
                if let r = segment.range(of: cut) { segment = segment[..<r.lowerBound] }
            }
            if let name = cleanName(String(segment)) {
                if !names.contains(name) { names.append(name) }
            } else if names.isEmpty {
                return nil
            }
        }
        return names.isEmpty ? nil : names
    }

    /// The segment as a person's name (title-cased when written in capitals), or nil when it is a role,
    /// an agency or anything else.
    static func cleanName(_ raw: String) -> String? {
        var words = raw.split(separator: " ").map(String.init)
        while let w = words.first, Gazetteer.titles.contains(w), words.count > 2 { words.removeFirst() }
        guard words.count >= 2, words.count <= 5 else { return nil }
        let joined = words.joined(separator: " ")
        if Gazetteer.outlets[joined.lowercased()] != nil || Gazetteer.organisations[joined] != nil { return nil }
        var out: [String] = []
        for (index, word) in words.enumerated() {
            if index > 0, index < words.count - 1, particles.contains(word) {
                out.append(word)
                continue
            }
            guard let head = word.unicodeScalars.first, Scalars.isUpper(head), !functionWords.contains(word.lowercased()) else { return nil }
            guard word.unicodeScalars.allSatisfy({ Scalars.isLetter($0) || ".-'’".unicodeScalars.contains($0) })
            else { return nil }
            if index == 0 && (Gazetteer.notNames.contains(word) || Gazetteer.demonyms.contains(word))
                || Gazetteer.organisationHeads.contains(word) || Gazetteer.titles.contains(word) && index == words.count - 1
            {
                return nil
            }
            let isCaps = word.unicodeScalars.allSatisfy { !Scalars.isLower($0) }
            let letters = word.unicodeScalars.filter { Scalars.isLetter($0) }.count
            out.append(isCaps && letters > 2 ? word.prefix(1) + word.dropFirst().lowercased() : word)
        }
        return out.joined(separator: " ")
    }

    /// `Martin Untersinger (avec Damien Leloup et Morgane Tual)`: the byline without the bracket, and
    /// the names the bracket adds (`avec`, `with`, `con`, `mit`); nil when no bracket adds names.
    static func companions(_ text: String) -> (rest: String, names: [String])? {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        let inner = text[text.index(after: open)..<close].trimmingSpaces()
        let lower = inner.lowercased()
        guard let word = ["avec ", "with ", "con ", "mit ", "and "].first(where: { lower.hasPrefix($0) }),
            let names = parse("By " + inner.dropFirst(word.count).trimmingSpaces())
        else { return nil }
        let rest = (text[..<open] + text[text.index(after: close)...]).split(separator: " ").joined(separator: " ")
        return (rest, names)
    }

    /// Job titles a byline prints after the names (`By Andrew Hayden, Software Engineer`).
    static let roles: Set<String> = [
        "Engineer", "Editor", "Correspondent", "Reporter", "Writer", "Producer", "Developer", "Manager", "Analyst",
        "Designer", "Contributor", "Columnist", "Journalist", "Officer", "Scientist", "Researcher", "Photographer",
        "Strategist", "Specialist", "Consultant", "Architect", "Evangelist", "Intern", "Staff", "Lead", "Founder",
    ]

    /// Words no name is made of, in capitals or not (`TO KEVIN WILLIAMSON`, `FOR IMMEDIATE RELEASE`).
    static let functionWords: Set<String> = ["to", "the", "of", "for", "in", "on", "at", "with", "from", "an", "or", "is", "this", "our", "your", "my"]

    static let particles: Set<String> = [
        "von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "dos", "das", "bin", "al", "el", "la",
        "le", "ter", "ten", "zu", "y",
    ]
}
