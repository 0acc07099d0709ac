import Foundation

/// Bylines on a page: `By …` lines and their other forms, a bare name beside a stamp, an author's
/// card above the headline, the title bar.
extension PageLayout {
    /// The names at the start of a byline, before what pages print after them: a date (`By JEFFREY
    /// GETTLEMAN JAN. 13, 2017`, `by Steven Musil January 18, 2017 11:00 PM`), a handle (`By Alissa
    /// Wilkinson @alissamarie Updated …`), `Follow …`, `Edited by …`, `Last updated …`, a reading time
    /// or publication label in other languages (`Lesezeit: 4 Min.`, `Veröffentlicht: …`), a button
    /// (`Email Author`, `Discuss (0)`, `No Comments`).
    static func nameRun(_ body: Substring) -> Substring {
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        var end = body.endIndex
        for (index, word) in words.enumerated() {
            var bare = word.lowercased()[...]
            while bare.last == "." || bare.last == "," || bare.last == ":" { bare.removeLast() }
            while bare.first == "." || bare.first == "," { bare.removeFirst() }
            let nextIsNumber = index + 1 < words.count && words[index + 1].first?.isNumber == true
            let next = index + 1 < words.count ? words[index + 1].lowercased() : ""
            if word.first?.isNumber == true || word.hasPrefix("@") || ["updated", "follow", "published", "posted", "sponsored", "edited"].contains(bare)
                || ["lesezeit", "veröffentlicht", "aktualisiert", "publié", "publicado", "pubblicato"].contains(bare)
                || ["schreibe", "hinterlasse", "leave", "kommentar", "kommentare", "comment", "antworten", "erstellt", "zuletzt"].contains(bare)
                || ["ein", "eine", "keine", "a"].contains(bare) && ["kommentar", "comment"].contains(where: next.hasPrefix)
                // A label after the names (`Gàbor Muniér, Datum: 03.Mär.19`), a profile's link (`Claudio
                // Kummerfeld Twitter Account von Claudio Kummerfeld`).
                || index > 0 && word.hasSuffix(":") && afterNameLabels.contains(String(bare))
                || index > 0 && socialNetworks.contains(String(bare))
                // `Text von Christian Seiler Illustration von Markus Roost`, `Por Mariano Martín mmartin@…`.
                || index > 0 && ["illustration", "illustrationen", "foto", "fotos", "photo", "photos", "bilder", "grafik"].contains(bare)
                || word.contains("@")
                // `Houzz Deutschland vor 5 Stunden`, `… hace 13 horas`: an age after the names.
                || ["vor", "hace", "há"].contains(bare) && nextIsNumber
                || buttons.contains(String(bare)) || bare == "last" && (next.hasPrefix("updated") || next.hasPrefix("modified"))
                || bare == "no" && next.hasPrefix("comment")
                || weekdays.contains(String(bare)) && nextIsNumber || weekdays.contains(String(bare)) && word.hasSuffix(",")
                || DateFinder.months[String(bare)] != nil && nextIsNumber
                || timeWords.contains(String(bare)) && index > 0 && (nextIsNumber || isDayOrMonth(next))
            {
                end = word.startIndex
                break
            }
        }
        return body[..<end].trimmingSpaces()
    }

    /// Labels a byline's line prints after the names (`Datum:`, `Kategorie:`, `Fotos:`).
    static let afterNameLabels: Set<String> = [
        "datum", "date", "fecha", "data", "kategorie", "kategorien", "category", "categories", "rubrik", "stand", "tags", "foto", "fotos",
        "photo", "photos", "bild", "bilder", "quelle", "source",
    ]

    static let socialNetworks: Set<String> = ["twitter", "facebook", "instagram", "linkedin", "xing", "mastodon", "youtube", "tiktok"]

    /// Buttons and links a byline prints after the names (`By David Axe Email Author`, `by Cory
    /// Gunther Discuss (0)`, `Share`, `Contact`).
    static let buttons: Set<String> = ["email", "e-mail", "discuss", "share", "contact", "comments"]

    /// Words of a page's controls and link labels beside a story's date (`Article Tools`, `Pin It`,
    /// `Post Comment`, `Archive List`), which a name is not made of: the buttons' and more.
    static let controls: Set<String> = buttons.union([
        "tools", "pin", "comment", "archive", "list", "print", "save", "subscribe", "login", "menu", "search", "tweet",
        "reply", "rss", "bookmark", "download",
    ])

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
        "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì",
        "mercoledì", "giovedì", "venerdì", "sabato", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag",
    ]

    /// Words that put a time or a day after a byline's names (`Geschrieben von Cooper am 25.08.2015`,
    /// `Posted by T. V. Raman at 2:33 PM`, `by oz on December 4, 2006`, `Publié par Unknown à 08:00`).
    static let timeWords: Set<String> = ["am", "um", "at", "on", "à", "le", "el", "il", "op", "dne"]

    /// A weekday or a month's name (`Dienstag`, `December`, `Fr,`), lower-cased.
    static func isDayOrMonth(_ word: String) -> Bool {
        var bare = word[...]
        while let last = bare.last, last == "," || last == "." { bare.removeLast() }
        return weekdays.contains(String(bare)) || DateFinder.months[String(bare)] != nil || DatelineParser.weekdays.contains(String(bare))
            || ["fr", "mo", "di", "mi", "do", "sa", "so"].contains(bare)
    }

    /// Bylines near the headline: `By …` (and its other languages), `Author: …`, or a bare name
    /// standing next to the date line; failing those, a `by …` part of the page's title bar
    /// (`Headline | by Jane Doe | Site`). Distances count printed lines: the blank lines a renderer
    /// puts between blocks do not push a byline away from its headline.
    ///
    /// Failing those, the other lines that print the headline (`headline`, or the page's title bar
    /// in full: a list of stories, a sticky header or a modal repeats it) are tried too, with only
    /// the lines right below each (`bylineBelow`): the story's own header may be one of them when
    /// the one taken for the headline is another copy.
    static func authors(text: [String], anchor: Int, firstBody: Int, headline: String? = nil) -> (line: Int?, names: [String])? {
        guard anchor >= 0, anchor < text.count else { return titleBarByline(text) }
        let printed = PrintedLines(text)
        if let found = authors(text: text, printed: printed, anchor: anchor, firstBody: firstBody) { return found }
        if let headline {
            for copy in headlineCopies(headline, in: text).prefix(4) where copy != anchor {
                if let found = bylineBelow(copy, text: text) { return found }
            }
            // The headline printed in other words than the title's (`Kashmir issue: China snubs …`
            // over a printed `China snubs …`): the byline right below it, or a dated name there.
            for copy in nearHeadlineCopies(headline, in: text).prefix(4) where copy != anchor {
                if let found = bylineBelow(copy, text: text) { return found }
                if let next = printed.next(after: copy), let name = datedName(text[next]) { return (next, [name]) }
            }
        }
        return labelledByline(text) ?? authorBox(text) ?? titleBarByline(text)
    }

    /// The byline right below a copy of the headline: a `By …` line next to it or after a stamp
    /// (in a list of stories, a `By` line after another line may be the next story's, and the first
    /// line that opens as a byline decides), or the next printed line when it is a name alone and
    /// the line after it a dated stamp (`JANE DOE` / `Associated Press December 2, 2016`). A list prints a
    /// headline, a name and a date in the same order, but a headline that is this story's is this
    /// story's in a list too. A name-shaped line that the page prints alone elsewhere as well is a
    /// section's or a menu's label (`Whats New`), not a byline.
    static func bylineBelow(_ copy: Int, text: [String]) -> (line: Int?, names: [String])? {
        var below: [Int] = []
        var index = copy + 1
        while below.count < 2, index < text.count {
            if !text[index].isEmpty { below.append(index) }
            index += 1
        }
        for (rank, index) in below.enumerated() where text[index].utf8.count <= 200 {
            if let names = byline(text[index]) { return (index, names) }
            if bylineOpenings.contains(where: text[index].prefix(20).lowercased().hasPrefix) || rank == 0 && !isStamp(text[index]) { break }
        }
        guard below.count == 2, text[below[0]].utf8.count <= 60, Sentences.wordCount(text[below[0]]) <= 4,
            let name = Byline.cleanName(text[below[0]]), DateFinder.find(in: text[below[1]]) != nil, isStamp(text[below[1]]),
            !text.indices.contains(where: { $0 != below[0] && text[$0] == text[below[0]] })
        else { return nil }
        return (below[0], [name])
    }

    /// The lines after the page's first (its window title) that print the headline, or the window
    /// title in full, alone: at least three words and sixteen letters, so that a menu item or a
    /// section name that happens to equal a short headline is no copy.
    static func headlineCopies(_ headline: String, in text: [String]) -> [Int] {
        guard let first = text.firstIndex(where: { !$0.isEmpty }) else { return [] }
        let keys = Set([headline, text[first]].filter { Sentences.wordCount($0) >= 3 }.map(foldKey).filter { $0.count >= 16 })
        guard let longest = keys.map(\.count).max(), let shortest = keys.map(\.count).min() else { return [] }
        return text.indices.dropFirst(first + 1).filter { index in
            // A key has at most as many letters as its line has bytes.
            let line = text[index]
            return line.utf8.count >= shortest && line.utf8.count <= longest * 4 && keys.contains(foldKey(line))
        }
    }

    /// The byline near the line taken for the headline.
    private static func authors(text: [String], printed: PrintedLines, anchor: Int, firstBody: Int) -> (line: Int?, names: [String])? {
        let reachAbove = 16
        let reachBelow = printed.distance(anchor, min(max(anchor, firstBody), text.count - 1)) + 6
        var ordered: [Int] = []
        var index = anchor
        while index >= 0, printed.distance(index, anchor) <= reachAbove {
            ordered.append(index)
            index -= 1
        }
        index = anchor + 1
        while index < text.count, printed.distance(anchor, index) <= reachBelow {
            ordered.append(index)
            index += 1
        }
        ordered.removeAll { text[$0].isEmpty }
        // Nearest first; of two as near, the one below the headline.
        ordered.sort { (printed.distance($0, anchor), -$0) < (printed.distance($1, anchor), -$1) }
        for index in ordered where (printed.distance(index, anchor) <= 6 || index > anchor) && text[index].utf8.count <= 200 {
            let line = text[index]
            if let names = byline(line) { return (index, names) }
            // `por` alone on its line, or ending one (`Written on Mar 17 by`), the names on the next.
            if endsWithOpening(line), let next = printed.next(after: index), next <= index + 2,
                Sentences.wordCount(text[next]) <= 6, let names = byline("By " + text[next], dated: true)
            {
                return (next, names)
            }
        }
        // A name alone on its line (or before a date: `Dan Goodin - Apr 16, 2015`, `Mike Conley December
        // 18, 2020`), close to the headline, when something says it is a person's: a known first
        // name, or a date beside it.
        // Menu items (`Discount Codes`, `Middle East`, `Sign UP Now`) are shaped like names too.
        for index in ordered where index != anchor && printed.distance(index, anchor) <= reachAbove {
            var line = Substring(text[index])
            // `11.12.2019 - Amelie Loevenich`, `September 17, 2019 Helmut Rubik 0`: the date before the name.
            let datedBefore = withoutLeadingDate(&line)
            var cutOff = ""
            for cut in [" - ", " – ", " | ", " • ", " · ", " / "] {
                // `Will Leitch / November 18, 2016`; not a picture's credit (`Noah Berger / AP`).
                if cut == " / ", let r = line.utf8Range(of: cut), DateFinder.find(in: String(line[r.upperBound...])) == nil { continue }
                if let r = line.utf8Range(of: cut) {
                    cutOff = String(line[r.upperBound...]) + cutOff
                    line = line[..<r.lowerBound]
                }
            }
            // The name and what dates it, not a sentence that opens with a name (`Paul Dhaliwal, 19,
            // told …`).
            guard line.utf8.count <= 80 else { continue }
            // `Julia Carrie Wong and Sam Levin` over the stamp: names joined as a byline joins them,
            // each opening with a known first name.
            if line.utf8Range(of: " and ") != nil, abs(index - anchor) <= 4 || index > anchor,
                DateFinder.find(in: cutOff) != nil || [index - 1, index + 1].contains(where: { $0 >= 0 && $0 < text.count && isStamp(text[$0]) }),
                let many = byline("By " + line), many.count >= 2,
                many.allSatisfy({ Gazetteer.firstNames.contains($0.split(separator: " ").first.map(String.init) ?? "") })
            {
                return (index, many)
            }
            // `Ibtisam Mahdi, Ruwaida Kamal Amer` / `Clara Löw, Siddharth Prakash & Klaus Jacob` right
            // over the stamp, close to the headline: every part a person's name.
            if line.utf8Range(of: ", ") != nil || line.utf8Range(of: " & ") != nil, abs(index - anchor) <= 4,
                printed.next(after: index).map({ isStamp(text[$0]) }) == true
                    || text[..<index].lastIndex(where: { !$0.isEmpty }).map({ isStamp(text[$0]) }) == true,
                let many = byline("By " + line), many.count >= 2, many.count == namesParts(line),
                many.allSatisfy({ isPersonShaped($0) })
            {
                return (index, many)
            }
            var names = nameRun(line)
            // A toolbar (`Print Save EMail Write to Editor`) is no name before its buttons.
            if let cut = line[names.endIndex...].split(separator: " ").first?.lowercased(), buttons.contains(cut) { continue }
            cutOff = String(line[names.endIndex...]) + cutOff
            while names.last == "," { names.removeLast() }
            // `John Plunkett. Updated …`: a full stop after a surname (not an initial's) goes.
            if names.last == ".", names.split(separator: " ").last.map({ $0.count > 2 }) == true { names.removeLast() }
            guard Sentences.wordCount(String(names)) <= 4, let name = Byline.cleanName(String(names)),
                !name.split(separator: " ").contains(where: { controls.contains($0.lowercased()) })
            else { continue }
            let first = name.split(separator: " ").first.map(String.init) ?? ""
            // Evidence of a person: a date or a handle beside the name, or a stamp (a date, `11 min
            // read`, `2 hours ago`) on the line before or after it, or a known first name. Menus are
            // full of short capitalised lines, so further from the headline (up to sixteen printed
            // lines: headers that stack the author's card above it) it takes more: a reading time or
            // a `Follow` button beside the name, or a known first name with a stamp beside it.
            let beside = [index - 1, index + 1].filter { $0 >= 0 && $0 < text.count }
            let dated = datedBefore || DateFinder.find(in: cutOff) != nil || cutOff.trimmingCharacters(in: .whitespaces).hasPrefix("@")
                || beside.contains { isStamp(text[$0]) }
            let known = Gazetteer.firstNames.contains(first)
            // A date before the name is no evidence alone: a category or a label follows a date as
            // often (`07.12.2022 Wissenschaft Atmosphäre Klima`, `04. November 2021 | PAID CONTENT`).
            if datedBefore && !known { continue }
            let near = abs(index - anchor) <= 4 && (dated || known)
            let card = beside.contains { isReadingTime(text[$0]) || isFollow(text[$0]) } || known && dated
            guard near || card else { continue }
            return (index, [name])
        }
        return nil
    }

    /// Drops a date (and a time) that opens the line, with the separator after it (`28. Juni 2019 |
    /// `, `18/03/2019 - `, `September 17, 2019 `); whether one was dropped.
    static func withoutLeadingDate(_ line: inout Substring) -> Bool {
        guard let first = line.unicodeScalars.first, first.properties.numericType != nil || isDayOrMonth(String(line.prefix(12).lowercased().split(separator: " ").first ?? "")),
            DateFinder.find(in: String(line.prefix(40))) != nil
        else { return false }
        var rest = line[...]
        var dropped = false
        while let word = rest.split(separator: " ", maxSplits: 1).first {
            let bare = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            let dateish = word.unicodeScalars.allSatisfy { $0.properties.numericType != nil || "./-:,".unicodeScalars.contains($0) }
                || isDayOrMonth(bare) || ["|", "-", "–", "—", "·", "•", "/", "~", "um", "uhr", "at", "am", "pm", "de", "à", "h"].contains(bare)
            guard dateish else { break }
            rest = rest[word.endIndex...].drop { $0 == " " }
            dropped = true
        }
        guard dropped, !rest.isEmpty else { return false }
        line = rest
        return true
    }

    /// How many parts a list of names has as `Byline.parse` splits it (`A, B y C` has three).
    static func namesParts(_ line: Substring) -> Int {
        var text = String(line)
        for joiner in [" and ", " & ", " und ", " y ", " et ", " e "] where text.containsUTF8(joiner) {
            text = text.replacingOccurrences(of: joiner, with: ",")
        }
        return text.split(separator: ",").filter { !$0.allSatisfy(\.isWhitespace) }.count
    }

    /// `Headline | by Jane Doe | Site`: the `by` part of the page's first line (its window title);
    /// no line is the byline's own (the first line may still give the title).
    static func titleBarByline(_ text: [String]) -> (line: Int?, names: [String])? {
        guard let first = text.firstIndex(where: { !$0.isEmpty }), text[first].utf8.count <= 300 else { return nil }
        var parts = [Substring(text[first])]
        for cut in [" | ", " – ", " — ", " · ", " - "] {
            parts = parts.flatMap { $0.components(separatedBy: cut).map { Substring($0) } }
        }
        for part in parts.dropFirst() {
            let part = part.trimmingSpaces()
            guard part.lowercased().hasPrefix("by "), let names = Byline.parse("By " + part.dropFirst(3)) else { continue }
            return (nil, names)
        }
        // A personal site: the title bar ends with a person's name that the copyright line names too
        // (`Headline | Code | Jane Doe` … `© 2012 Jane Doe`), a name newsd knows as a first name or
        // that the site's header prints alone on its line as well.
        guard parts.count > 1, let owner = Byline.cleanName(String(parts[parts.count - 1].trimmingSpaces())),
            let given = owner.split(separator: " ").first, owner.split(separator: " ").count >= 2
        else { return nil }
        let header = text[first...].lazy.filter { !$0.isEmpty }.dropFirst().prefix(12)
        guard Gazetteer.firstNames.contains(String(given)) || wordsCouldBeAName(owner) && header.contains(owner) else { return nil }
        for line in text.reversed() where line.utf8.count <= 200 && line.contains("©") {
            guard let mark = line.range(of: "©") else { continue }
            var after = line[mark.upperBound...].trimmingSpaces()
            while let c = after.first, c.isNumber || c == "-" || c == "–" || c == " " { after = after.dropFirst() }
            if after.hasPrefix(owner), after.dropFirst(owner.count).first.map({ !$0.isLetter }) ?? true { return (nil, [owner]) }
        }
        return nil
    }

    /// A line that ends with a byline's opening, the names on the next line (`por`, `Written on Mar
    /// 17 by`).
    static func endsWithOpening(_ line: String) -> Bool {
        let lower = line.lowercased().replacingOccurrences(of: " :", with: ":")
        // `Text` alone is a control's label as often (`Text`, `background`, `effects`).
        if lower != "text", lower != "text:", bylineOpenings.contains(lower + " ") || bylineOpenings.contains(lower + ": ") { return true }
        // `Kommentar von`, `Disko Von`: a kind of piece or a section, then the opening.
        if lower.utf8.count <= 30, lower.hasSuffix(" von") || lower.hasSuffix(" par") || lower.hasSuffix(" por"),
            Sentences.wordCount(lower) <= 3, !["provisto", "présenté", "propulsé", "präsentiert", "unterstützt", "gesponsert", "patrocinado", "ofrecido"].contains(where: lower.hasPrefix)
        {
            return true
        }
        guard lower.utf8.count <= 60, lower.hasSuffix(" by") || lower.hasSuffix(" by:") else { return false }
        // A sponsor's line is no byline (`Supported by`, `Presented by`).
        return !["supported", "sponsored", "presented", "powered", "brought to you", "funded", "produced", "paid for", "published"].contains { lower.contains($0) }
    }

    /// `14 min read`, `Lesezeit: 3 Min.`: how long the story takes to read.
    static func isReadingTime(_ line: String) -> Bool {
        guard line.utf8.count <= 40 else { return false }
        let lower = line.lowercased()
        return lower.contains(where: \.isNumber) && (lower.contains("min read") || lower.contains("minute read") || lower.contains("lesezeit"))
    }

    /// A profile button beside a name: `Follow`, `Profile Follow Unfollow`, `Follow Following`.
    static func isFollow(_ line: String) -> Bool {
        guard line.utf8.count <= 40 else { return false }
        let words = line.lowercased().split(separator: " ")
        return !words.isEmpty && words.contains("follow") && words.allSatisfy { ["follow", "following", "unfollow", "profile", "+"].contains($0) }
    }

    /// A short line that dates what is beside it: a date, a reading time (`11 min read`) or an age
    /// (`2 hours ago`).
    static func isStamp(_ line: String) -> Bool {
        guard line.utf8.count <= 80 else { return false }
        if DateFinder.find(in: line) != nil { return true }
        let lower = line.lowercased()
        // An age in several languages (`vor 2 Stunden`, `il y a 3 heures`, `hace 2
        // horas`, `2 ore fa`, `há 2 horas`, `2 uur geleden`, `před 2 hodinami`).
        if relativeOpenings.contains(where: { lower.hasPrefix($0) }), lower.contains(where: \.isNumber), line.utf8.count <= 40 {
            return true
        }
        // `Erstellt: vor 4 Stunden`, `Updated: 2 hours ago`: a label, then the age.
        if let colon = lower.firstIndex(of: ":"), lower.distance(from: lower.startIndex, to: colon) <= 16,
            !lower[..<colon].contains(where: \.isNumber)
        {
            let after = lower[lower.index(after: colon)...].trimmingSpaces()
            if after.first != nil, !after.hasPrefix(":") { return isStamp(String(after)) }
        }
        guard lower.first?.isNumber == true else { return false }
        if lower.hasSuffix(" fa") || lower.hasSuffix(" geleden") { return true }
        // A short date with a two-digit year and a time (`9/11/13 10:00AM`).
        if line.utf8.count <= 24, lower.contains(":"), lower.split(separator: " ").first?.filter({ $0 == "/" || $0 == "." }).count == 2 {
            return true
        }
        return lower.contains("min read") || lower.hasSuffix(" ago") || lower.contains(" ago ")
    }

    static let relativeOpenings = ["vor ", "il y a ", "hace ", "há ", "před "]

    static let bylineOpenings = [
        "by ", "von ", "par ", "por ", "di ", "door ", "written by ", "posted by ", "story by ", "words by ", "author: ",
        "authors: ", "autor: ", "autorin: ", "autore: ", "auteur: ", "text: ", "by: ", "von: ", "veröffentlicht von ",
        "eingestellt von ", "erstellt von ", "geschrieben von ", "verfasst von ", "verfasst von: ", "gepostet von ",
        "publié par ", "écrit par ", "publicado por ", "escrito por ", "published by ", "pubblicato da ", "scritto da ",
        "text von ", "artikel von ", "beitrag von ", "post author by ",
    ]

    /// Openings after which a name of one word (`Geschrieben von Cooper`, `Autor: gnaddrig`) is a
    /// byline without more evidence: every opening but the bare prepositions, which menus and
    /// sentences open with too (`By Topic`, `Von Berlin`).
    static let labelOpenings = Set(bylineOpenings).subtracting(["by ", "von ", "par ", "por ", "di ", "door ", "text: "])

    /// `Ein Interview von Eugen Zentner`, `Eine Kolumne von Nils Pickert`, `A column by Jane Doe`:
    /// a kind of piece, then its author. The rest of the line from the preposition, or nil.
    static func pieceByline(_ line: Substring) -> Substring? {
        let words = line.prefix(60).split(separator: " ", maxSplits: 3)
        guard words.count == 4, ["ein", "eine", "a", "an", "un", "une", "uno", "una"].contains(words[0].lowercased()),
            ["von", "by", "par", "di", "por", "de"].contains(words[2].lowercased()),
            !["foto", "photo", "bild", "video", "film", "image", "illustration", "grafik", "picture", "podcast"].contains(where: words[1].lowercased().hasPrefix)
        else { return nil }
        return line[words[2].startIndex...]
    }

    /// A byline's one-word name (`Cooper`, `gizzmo`, `C.Habermueller`, `Redaktion`): a handle or a
    /// given name as blogs print them, or nil for a word no author goes by (a place, a weekday, a
    /// menu's or a sentence's word).
    static func oneWordName(_ body: Substring) -> String? {
        var word = body.trimmingSpaces()
        while let last = word.last, last == "." || last == "," || last == ":" { word = word.dropLast() }
        let scalars = word.unicodeScalars
        guard !word.contains(" "), scalars.count >= 2, scalars.count <= 40, let first = scalars.first, Scalars.isLetter(first),
            scalars.allSatisfy({ Scalars.isLetter($0) || ($0.value >= 0x30 && $0.value <= 0x39) || "._-".unicodeScalars.contains($0) })
        else { return nil }
        let lower = word.lowercased()
        if Byline.functionWords.contains(lower) || isDayOrMonth(lower) || timeWords.contains(lower) || Gazetteer.places[String(word)] != nil
            || Gazetteer.places[Byline.titleCased(String(word))] != nil
            || notOneWordNames.contains(lower) || Gazetteer.demonyms.contains(String(word))
        {
            return nil
        }
        return String(word)
    }

    /// Words after `By` or `Von` that name no author: what menus sort by and sentences go on with.
    static let notOneWordNames: Set<String> = [
        "now", "default", "topic", "topics", "date", "category", "region", "country", "name", "subject", "author",
        "authors", "type", "price", "popularity", "relevance", "email", "e-mail", "phone", "appointment", "heute",
        "gestern", "morgen", "hier", "dort", "uns", "mir", "dir", "ihm", "ihr", "ihnen", "euch", "allen", "anfang",
        "beginn", "anonymous", "unknown", "me", "us", "him", "her", "them", "you", "way", "far", "design", "hand", "mail",
        "post", "car", "bus", "train", "air", "sea", "land", "invitation", "request", "the", "a", "an", "moi", "nous",
        "about", "contact", "home", "menu", "search", "login", "share", "impressum", "kontakt", "suche", "startseite",
        "stand", "last", "reset", "range", "permalink", "agencies", "agency", "print", "drucken", "top", "more", "mehr",
    ]

    /// `By A and B`, `Von A`, `Par A`, `Por A`, `Written by A`, `Author: A`, `By A | May 2, 2015`.
    ///
    /// A name of one word (`By Daniel | Published: 23. Juli 2017`, `Veröffentlicht am 12. Juni 2017
    /// von gizzmo`) is taken after a label (`Autor:`, `Geschrieben von`), when the line is dated, or
    /// when the caller has other evidence (`dated`: a label line above it); a bare `By X` is too
    /// often a menu's or a sentence's.
    static func byline(_ line: String, dated: Bool = false) -> [String]? {
        // Cheap first: the line must open with one of the openings below (which the cuts never
        // reach, since they only shorten the line from its end).
        // Decoration before the opening (`// By A • Nov 11, 2020`) goes.
        var line = Substring(line)
        while let c = line.unicodeScalars.first, "/|•·—–-*>".unicodeScalars.contains(c) || c == " " { line = line.dropFirst() }
        // `Auteur : Kossivi Tiassou`: the colon set apart, as French prints it.
        if let r = line.prefix(12).utf8Range(of: " : ") {
            line = (line[..<r.lowerBound] + ": " + line[r.upperBound...])[...]
        }
        var head = line.prefix(20).lowercased()
        // `By by JOSH HASKELL`, `By : Joe S.`: an opening printed twice, a colon set apart.
        if head.hasPrefix("by by ") {
            line = line.dropFirst(3)
            head = line.prefix(20).lowercased()
        }
        if let piece = pieceByline(line) {
            return byline(String(piece), dated: dated)
        }
        guard bylineOpenings.contains(where: head.hasPrefix) else {
            guard line.utf8.count <= 200 else { return nil }
            // `on March 10, 2015 by Nikhil Marathe`, `1.11.23 20:19 von Lars Sobiraj`: names after a date.
            if line.utf8.count <= 120 {
                // `Posted in Datenschutz by damianduchamps on August 3, 2019`: a category first.
                let filed = ["posted in ", "filed under ", "veröffentlicht in "].contains(where: head.hasPrefix)
                // `Posted on 28. Juli 2019 Author Andreas Kalt 4 Kommentare`: `Author` without a colon too.
                for opening in [" by ", " von ", " par ", " por ", " door ", " Author ", " Autor "] {
                    if let r = line.utf8Range(of: opening), filed || DateFinder.find(in: String(line[..<r.lowerBound])) != nil {
                        return byline("By " + line[r.upperBound...], dated: true)
                    }
                }
            }
            // `Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger`, `Accueil | Par Loïc Le Clerc |
            // 30 septembre 2018`: the byline in a dated line's parts.
            if line.utf8Range(of: " | ") != nil, DateFinder.find(in: String(line)) != nil {
                for part in line.components(separatedBy: " | ").dropFirst() {
                    let part = Substring(part).trimmingSpaces()
                    if bylineOpenings.contains(where: part.prefix(20).lowercased().hasPrefix) { return byline(String(part), dated: true) }
                }
            }
            return nil
        }
        let label = labelOpenings.contains(where: head.hasPrefix)
        let datedLine = dated || DateFinder.find(in: String(line)) != nil
            || line.contains(where: { $0 == ":" }) && line.utf8.count <= 80 && line.contains(where: \.isNumber) && !head.hasPrefix("by")
        var rest = line
        // A role described after the names (`By Alex Heath, a deputy editor and author of …`) goes too.
        for cut in [" | ", " • ", " · ", " // ", " / ", " - ", " – ", " — ", ", updated", ", published", " on ", " Published", " Updated", ", a ", ", an ", ", the "] {
            if let r = rest.utf8Range(of: cut) { rest = rest[..<r.lowerBound] }
        }
        let lower = rest.lowercased()
        var body: Substring?
        for opening in bylineOpenings where lower.hasPrefix(opening) {
            body = rest.dropFirst(opening.count).trimmingSpaces()
            break
        }
        guard var body, !body.isEmpty else { return nil }
        var companions: [String] = []
        if let (rest, names) = Byline.companions(String(body)) {
            body = Substring(rest)
            companions = names
        }
        body = nameRun(body)
        // `By Tatyana Turner.`: a full stop after a surname (not an initial's) goes.
        if body.last == ".", body.split(separator: " ").last.map({ $0.count > 3 }) == true { body = body.dropLast() }
        guard !body.isEmpty else { return nil }
        // `Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)`: roles in brackets go, and
        // with them a name credited for pictures or video, who is no author.
        while let open = body.firstIndex(of: "("), let close = body[open...].firstIndex(of: ")") {
            let role = body[open..<close].lowercased()
            var from = open
            if ["photo", "video", "illustration", "graphic", "picture", "image"].contains(where: { role.contains($0) }) {
                let before = body[..<open]
                from = [" and ", ", ", " & ", " und ", " et "].compactMap { before.utf8Range(of: $0, backwards: true)?.lowerBound }
                    .max() ?? body.startIndex
            }
            body = (body[..<from] + body[body.index(after: close)...]).split(separator: " ").joined(separator: " ")[...]
        }
        if var names = Byline.parse("By " + body) {
            for name in companions where !names.contains(name) { names.append(name) }
            return names
        }
        if companions.isEmpty, label || datedLine, let name = oneWordName(body) { return [name] }
        return nil
    }
}

/// The printed lines of a text: how far apart two lines are when the blank lines between blocks do
/// not count.
struct PrintedLines {
    /// For every line, how many non-empty lines come before it.
    private let rank: [Int]
    private let text: [String]

    init(_ text: [String]) {
        var count = 0
        var rank: [Int] = []
        rank.reserveCapacity(text.count)
        for line in text {
            rank.append(count)
            if !line.isEmpty { count += 1 }
        }
        self.rank = rank
        self.text = text
    }

    /// Printed lines from one line to another (either order).
    func distance(_ a: Int, _ b: Int) -> Int { abs(rank[a] - rank[b]) }

    /// The next non-empty line after `index`.
    func next(after index: Int) -> Int? {
        var i = index + 1
        while i < text.count {
            if !text[i].isEmpty { return i }
            i += 1
        }
        return nil
    }
}
