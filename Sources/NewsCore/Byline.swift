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
        for separator in [" and ", " And ", " AND ", " & ", " und ", " et ", " y ", " e ", "|", ";", " - ", " – ", " — "] {
            // Nothing to replace when the separator's bytes do not occur.
            if text.containsUTF8(separator) { text = text.replacingOccurrences(of: separator, with: ",") }
        }
        for part in text.split(separator: ",") {
            var segment = part.trimmingSpaces()
            // `By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU …`: after a name, a role ends the names.
            if !names.isEmpty, segment.split(separator: " ").contains(where: { Gazetteer.titles.contains(String($0)) || roles.contains(String($0)) }) {
                break
            }
            // `Uta Staschewski, Projektleiterin der HSS`: a German role, a compound of one word.
            if !names.isEmpty, let head = segment.split(separator: " ").first, isGermanRole(head.lowercased()) {
                break
            }
            for cut in [" in ", " at ", " from ", " for ", " For ", " FOR "] {
                if let r = segment.utf8Range(of: cut) { segment = segment[..<r.lowerBound] }
            }
            if let name = cleanName(String(segment), opened: true) {
                if !names.contains(name) { names.append(name) }
            } else if names.isEmpty {
                return nil
            }
        }
        return names.isEmpty ? nil : names
    }

    /// The segment as a person's name (title-cased when written in capitals), or nil when it is a role,
    /// an agency or anything else.
    ///
    /// `opened`: the segment follows a byline's opening (`By April Glaser`), where a month that is
    /// also a given name opens a name.
    static func cleanName(_ raw: String, opened: Bool = false) -> String? {
        var words = raw.split(separator: " ").map(String.init)
        while let w = words.first, Gazetteer.titles.contains(w), words.count > 2 { words.removeFirst() }
        words = withoutOutletAndRole(words)
        guard words.count >= 2, words.count <= 5, !agencies.contains(words[0].lowercased()) else { return nil }
        if words.lazy.map(titleCased).contains(where: { notNameWords.contains($0) || roles.contains($0) }) { return nil }
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
            let givenMonth = opened && index == 0 && givenMonths.contains(word) && !Gazetteer.notNames.contains(words[1])
            if index == 0 && (Gazetteer.notNames.contains(word) && !givenMonth || Gazetteer.demonyms.contains(word))
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

    /// A name's words without what an outlet's byline prints around them: an outlet and a role
    /// before the name (`CNN Political Reporter Shannon Travis`, `NBC News' Akbar Shinwari`), and an
    /// outlet or a role after it (`Joseph White AP Sports Writer`, `Jane O'Brien BBC`, `Pedro Gil
    /// Publicado`). What is left may be no name at all (`Herald Reporter` leaves one word).
    static func withoutOutletAndRole(_ words: [String]) -> [String] {
        var words = words
        // A name printed twice in a row (`Martin Gramnæs Martin Gramnæs`: a picture's text beside the
        // name's) is one.
        if words.count >= 4, words.count % 2 == 0, words[..<(words.count / 2)] == words[(words.count / 2)...] {
            words.removeLast(words.count / 2)
        }
        // A story's kind before the byline's `von` (`Kolumne von Carla Siepmann`).
        if words.count >= 4, words[1] == "von", genres.contains(titleCased(words[0])) { words.removeFirst(2) }
        // Before: up to an outlet's possessive, or a role within the first four words with two after it.
        if let k = words.prefix(4).firstIndex(where: isPossessive), words.count - k - 1 >= 2,
            Gazetteer.outlets[(words[..<k] + [String(words[k].prefix { $0 != "'" && $0 != "’" })]).joined(separator: " ").lowercased()] != nil
        {
            words.removeFirst(k + 1)
        } else if let k = words.prefix(4).lastIndex(where: { roles.contains(titleCased($0)) }), k > 0, words.count - k - 1 >= 2 {
            words.removeFirst(k + 1)
        }
        // After: from the first agency, outlet of two words or role past the second word.
        var index = 2
        while index < words.count {
            let word = words[index]
            let cased = titleCased(word)
            let pair = index + 1 < words.count ? (word + " " + words[index + 1]).lowercased() : ""
            let germanRole = index == words.count - 1 && isGermanRole(word.lowercased())
            if roles.contains(cased) || afterNameWords.contains(cased) || agencies.contains(word.lowercased())
                || Gazetteer.outlets[pair] != nil || germanRole
            {
                words.removeSubrange(index...)
                // `Lindsey Hilsum, International Editor`, `Sameer Hashmi, Mumbai correspondent`, `Sina
                // Zehrfeld Landespolitische Korrespondentin` printed without their commas.
                while let last = words.last,
                    desks.contains(titleCased(last)) || Gazetteer.places[last] != nil
                        || germanRole && words.count > 2 && isGermanAdjective(last)
                {
                    words.removeLast()
                }
                break
            }
            index += 1
        }
        return words
    }

    /// The kinds of story a German byline names before its `von` (`Kolumne von …`, `Gastbeitrag von …`).
    static let genres: Set<String> = [
        "Kolumne", "Kommentar", "Analyse", "Gastbeitrag", "Gastkommentar", "Essay", "Interview", "Reportage", "Glosse",
        "Rezension", "Leitartikel", "Meinung", "Porträt", "Bericht", "Text", "Fotos",
    ]

    /// Whether a word is a German adjective of the kind that goes before a role (`Landespolitische
    /// Korrespondentin`, `Wissenschaftlicher Redakteur`).
    static func isGermanAdjective(_ word: String) -> Bool {
        let lower = word.lowercased()
        return ["ische", "ischer", "liche", "licher", "ierte", "ierter"].contains(where: lower.hasSuffix)
    }

    /// Words that go before a role (`International Editor`, `Senior Political Correspondent`).
    static let desks: Set<String> = [
        "International", "Foreign", "Political", "Politics", "Education", "Environment", "Environmental", "Science",
        "Health", "Medical", "Business", "Economics", "Economic", "Technology", "Tech", "Security", "Diplomatic",
        "Defence", "Defense", "Legal", "Transport", "Home", "Social", "Affairs", "Arts", "Culture", "Media", "Royal",
        "Entertainment", "Travel", "Crime", "Religion", "Chief", "Senior", "Deputy", "Associate", "Assistant",
        "Executive", "Managing", "Contributing", "Special", "Digital", "World", "Sports", "Sport", "Games", "Gaming",
        "Food", "Music", "Film", "Books", "Fashion", "Style", "Weather", "Opinion", "News", "Video", "Photo", "Features",
        "Money", "Markets", "Energy", "Climate", "Property", "Motoring", "Wine", "Beauty", "Staff", "Tv", "Radio", "Online",
        "Freelance", "Freier", "Freie", "Head", "Web", "Investigative", "Data", "Visual", "National", "Local", "Regional",
        "Lifestyle", "Showbiz", "Consumer", "Parliamentary",
    ]

    private static func isPossessive(_ word: String) -> Bool {
        word.hasSuffix("'") || word.hasSuffix("’") || word.hasSuffix("'s") || word.hasSuffix("’s")
    }

    /// News agencies and broadcasters whose name follows a reporter's (`Joseph White AP Sports Writer`).
    static let agencies: Set<String> = [
        "ap", "afp", "reuters", "bbc", "cnn", "upi", "dpa", "npr", "efe", "ansa", "xinhua", "pa", "ritzau", "ntb", "tt", "anp",
        "belga", "apa", "sda", "kyodo", "yonhap", "tass", "aap",
    ]

    /// `Peter Maahn/SP-X` → `Peter Maahn`: an agency glued to a byline's last name by a slash (its
    /// known name, or a short word of capitals). Only for a line that says it is a byline: a photo
    /// credit is printed the same way (`Chuck Burton/AP`).
    static func withoutGluedAgency(_ body: Substring) -> Substring {
        guard let space = body.lastIndex(of: " "), let slash = body[space...].firstIndex(of: "/"),
            body.index(after: space) != slash
        else { return body }
        let agency = body[body.index(after: slash)...]
        let capitals = agency.count >= 2 && agency.count <= 6 && agency.unicodeScalars.allSatisfy { Scalars.isUpper($0) || $0 == "-" }
        return agencies.contains(agency.lowercased()) || capitals ? body[..<slash] : body
    }

    /// Months that are given names too (`April Glaser`, `May Bulman`, `June Thomas`).
    static let givenMonths: Set<String> = ["April", "May", "June"]

    /// `WRITER` → `Writer`.
    static func titleCased(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst().lowercased()
    }

    /// Words printed after a name that end it (`Pedro Gil Publicado`, `Chris Jung Veröffentlicht`).
    static let afterNameWords: Set<String> = [
        "Published", "Posted", "Updated", "Publicado", "Publicada", "Publié", "Publiée", "Veröffentlicht", "Pubblicato",
    ]

    /// Words that make a byline's segment no person's name (`Guest Author`, `PA Sport`, `Staff Report`).
    static let notNameWords: Set<String> = [
        "Guest", "Author", "Authors", "Sport", "Sports", "Report", "Desk", "Team", "Staff", "Photos", "Blog", "Admin",
    ]

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

    /// Whether a lower-cased word is a German role, compounds included (`projektleiterin`,
    /// `pressesprecher`, `chefredakteurin`): by its ending.
    static func isGermanRole(_ lower: String) -> Bool {
        // An ASCII word can only end with an ASCII ending, byte for byte (`hasSuffix` compares
        // characters, which for ASCII are its bytes); the others are compared as characters.
        let ascii: Bool? = lower.utf8.withContiguousStorageIfAvailable { word in
            guard let last = word.last, !word.contains(where: { $0 >= 0x80 }) else { return nil }
            let n = word.count
            // The last byte first: most words end otherwise than every ending.
            for ending in asciiGermanRoleEndings where ending.count <= n && ending[ending.count - 1] == last {
                let offset = n - ending.count
                var k = 0
                while k < ending.count, word[offset + k] == ending[k] { k += 1 }
                if k == ending.count { return true }
            }
            return false
        } ?? nil
        return ascii ?? germanRoleEndings.contains(where: lower.hasSuffix)
    }

    /// The ASCII ones of `germanRoleEndings`, as bytes.
    static let asciiGermanRoleEndings: [[UInt8]] = germanRoleEndings.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }

    /// How German roles end, in both genders.
    static let germanRoleEndings = [
        "leiter", "leiterin", "referent", "referentin", "sprecher", "sprecherin", "redakteur", "redakteurin",
        "korrespondent", "korrespondentin", "direktor", "direktorin", "vorsitzender", "vorsitzende", "beauftragter",
        "beauftragte", "journalist", "journalistin", "autor", "autorin", "experte", "expertin", "reporterin", "kolumnist",
        "kolumnistin", "volontär", "volontärin", "herausgeber", "herausgeberin", "professorin", "bloggerin",
        "werkstudent", "werkstudentin", "doktorand", "doktorandin", "praktikant", "praktikantin",
    ]

    /// Job titles a byline prints after the names (`By Andrew Hayden, Software Engineer`).
    static let roles: Set<String> = [
        "Engineer", "Editor", "Correspondent", "Reporter", "Writer", "Producer", "Developer", "Manager", "Analyst",
        "Designer", "Contributor", "Columnist", "Journalist", "Officer", "Scientist", "Researcher", "Photographer",
        "Strategist", "Specialist", "Consultant", "Architect", "Evangelist", "Intern", "Staff", "Lead", "Founder",
    ]

    /// Words no name is made of, in capitals or not (`TO KEVIN WILLIAMSON`, `FOR IMMEDIATE RELEASE`).
    static let functionWords: Set<String> = [
        "to", "the", "of", "for", "in", "on", "at", "with", "from", "an", "or", "is", "this", "our", "your", "my", "and",
    ]

    static let particles: Set<String> = [
        "von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "dos", "das", "bin", "al", "el", "la",
        "le", "ter", "ten", "zu", "y",
    ]
}
