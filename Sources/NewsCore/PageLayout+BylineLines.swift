import Foundation

/// One line read as a byline: its openings in several languages (`By`, `Von`, `Publié par`, a label
/// and a colon), the names and where they end (a date, a time, a handle, a button, a role), a
/// one-word name where a label or a date vouches for it, and the lines around a byline (stamps,
/// reading times, `Follow` buttons). Where on a page bylines are looked for is
/// `PageLayout+Bylines.swift`.
extension PageLayout {
    /// The names at the start of a byline, before what pages print after them: a date (`By JEFFREY
    /// GETTLEMAN JAN. 13, 2017`, `by Steven Musil January 18, 2017 11:00 PM`), a handle (`By Alissa
    /// Wilkinson @alissamarie Updated …`), `Follow …`, `Edited by …`, `Last updated …`, a reading time
    /// or publication label in other languages (`Lesezeit: 4 Min.`, `Veröffentlicht: …`), a button
    /// (`Email Author`, `Discuss (0)`, `No Comments`).
    static func nameRun(_ body: Substring) -> Substring {
        let words = body.spaceSeparated()
        var end = body.endIndex
        // Each word lower-cased once: the next word's form is this word's on the next turn.
        var lowered = words.first.map { $0.lowercased() } ?? ""
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1].lowercased() : ""
            defer { lowered = next }
            var bare = lowered[...]
            while bare.last == "." || bare.last == "," || bare.last == ":" { bare.removeLast() }
            while bare.first == "." || bare.first == "," { bare.removeFirst() }
            let nextIsNumber = index + 1 < words.count && words[index + 1].first?.isNumber == true
            let role = NameRunWord.table[String(bare)] ?? []
            if word.first?.isNumber == true || word.hasPrefix("@") || role.contains(.endsNames)
                || role.contains(.article) && (next.hasPrefix("kommentar") || next.hasPrefix("comment"))
                // A label after the names (`Gàbor Muniér, Datum: 03.Mär.19`), a profile's link (`Claudio
                // Kummerfeld Twitter Account von Claudio Kummerfeld`).
                || index > 0 && word.hasSuffix(":") && role.contains(.afterNameLabel)
                || index > 0 && role.contains(.socialNetwork)
                // `Text von Christian Seiler Illustration von Markus Roost`, `Por Mariano Martín mmartin@…`.
                || index > 0 && role.contains(.picture)
                || word.utf8.contains(0x40) && word.contains("@")
                // `Houzz Deutschland vor 5 Stunden`, `… hace 13 horas`: an age after the names.
                || role.contains(.age) && nextIsNumber
                || role.contains(.button) || bare == "last" && (next.hasPrefix("updated") || next.hasPrefix("modified"))
                || bare == "no" && next.hasPrefix("comment")
                || role.contains(.weekday) && word.hasSuffix(",")
                // `Heiko Sauer Do 9 Apr 2020`: a weekday, written out or short, before the day.
                || index > 0 && role.contains(.dayOrMonth) && !role.contains(.month) && nextIsNumber
                || role.contains(.month) && nextIsNumber
                || role.contains(.timeWord) && index > 0 && (nextIsNumber || isDayOrMonth(next))
            {
                end = word.startIndex
                break
            }
        }
        return body[..<end].trimmingSpaces()
    }

    /// What a lower-cased word is to `nameRun`: one look-up per word instead of one per list.
    struct NameRunWord: OptionSet {
        let rawValue: UInt16
        /// Ends the names wherever it stands (`updated`, `follow`, `lesezeit`, `leave`).
        static let endsNames = NameRunWord(rawValue: 1 << 0)
        /// An article before `Kommentar`/`comment` (`Ein Kommentar`, `a comment`).
        static let article = NameRunWord(rawValue: 1 << 1)
        static let afterNameLabel = NameRunWord(rawValue: 1 << 2)
        static let socialNetwork = NameRunWord(rawValue: 1 << 3)
        /// A picture's credit (`Illustration`, `Foto`).
        static let picture = NameRunWord(rawValue: 1 << 4)
        /// Opens an age (`vor`, `hace`, `há`).
        static let age = NameRunWord(rawValue: 1 << 5)
        static let button = NameRunWord(rawValue: 1 << 6)
        static let weekday = NameRunWord(rawValue: 1 << 7)
        /// `isDayOrMonth`'s words.
        static let dayOrMonth = NameRunWord(rawValue: 1 << 8)
        /// A key of `DateFinder.months`.
        static let month = NameRunWord(rawValue: 1 << 9)
        static let timeWord = NameRunWord(rawValue: 1 << 10)

        static let table: [String: NameRunWord] = {
            var table: [String: NameRunWord] = [:]
            func add(_ words: some Sequence<String>, _ role: NameRunWord) {
                for word in words { table[word, default: []].insert(role) }
            }
            add(
                [
                    "updated", "follow", "published", "posted", "sponsored", "edited", "lesezeit", "veröffentlicht", "aktualisiert",
                    "publié", "publicado", "pubblicato", "schreibe", "hinterlasse", "leave", "kommentar", "kommentare", "comment",
                    "antworten", "erstellt", "zuletzt",
                ], .endsNames)
            add(["ein", "eine", "keine", "a"], .article)
            add(afterNameLabels, .afterNameLabel)
            add(socialNetworks, .socialNetwork)
            add(["illustration", "illustrationen", "foto", "fotos", "photo", "photos", "bilder", "grafik"], .picture)
            add(["vor", "hace", "há"], .age)
            add(buttons, .button)
            add(weekdays, .weekday)
            add(weekdays.union(DateFinder.months.keys).union(DatelineParser.weekdays).union(shortWeekdays), .dayOrMonth)
            add(DateFinder.months.keys, .month)
            add(timeWords, .timeWord)
            return table
        }()
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
    /// `Post Comment`, `Archive List`, `Increase Text Size`), which a name is not made of: the
    /// buttons' and more.
    static let controls: Set<String> = buttons.union([
        "tools", "pin", "comment", "archive", "list", "print", "save", "subscribe", "login", "menu", "search", "tweet",
        "reply", "rss", "bookmark", "download", "paid", "content", "sponsored", "anzeige", "werbung", "advertorial",
        "increase", "decrease", "text", "size", "font",
    ])

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
        "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì",
        "mercoledì", "giovedì", "venerdì", "sabato", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag",
    ]

    /// Words that put a time or a day after a byline's names (`Geschrieben von Cooper am 25.08.2015`,
    /// `Posted by T. V. Raman at 2:33 PM`, `by oz on December 4, 2006`, `Publié par Unknown à 08:00`,
    /// `Von Jane Roth vom 3. Februar 2022`).
    static let timeWords: Set<String> = ["am", "um", "vom", "at", "on", "à", "le", "el", "il", "op", "dne"]

    /// A weekday or a month's name (`Dienstag`, `December`, `Fr,`), lower-cased.
    static func isDayOrMonth(_ word: String) -> Bool {
        var bare = word[...]
        while let last = bare.last, last == "," || last == "." { bare.removeLast() }
        let key = String(bare)
        return weekdays.contains(key) || DateFinder.months[key] != nil || DatelineParser.weekdays.contains(key) || shortWeekdays.contains(key)
    }

    /// German weekdays as a date's short form prints them (`Do 9 Apr 2020`).
    static let shortWeekdays: Set<String> = ["fr", "mo", "di", "mi", "do", "sa", "so"]

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
                || isDayOrMonth(bare) || ["|", "-", "–", "—", "·", "•", "/", "//", "~", "um", "uhr", "at", "am", "pm", "de", "à", "h"].contains(bare)
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

    /// A line that ends with a byline's opening, the names on the next line (`por`, `Written on Mar
    /// 17 by`).
    static func endsWithOpening(_ line: String) -> Bool {
        // Every case below takes at most 60 bytes once lower-cased, and lower-casing shrinks a
        // scalar's UTF-8 to no less than a third (the Kelvin sign's three bytes become `k`), removing
        // a space before a colon a pair to one byte: a longer line is none of them.
        guard line.utf8.count <= 180 else { return false }
        var lower = line.lowercased()
        if lower.utf8Range(of: " :") != nil { lower = lower.replacingOccurrences(of: " :", with: ":") }
        // `Text` alone is a control's label as often (`Text`, `background`, `effects`).
        if lower != "text", lower != "text:", bylineOpeningCores.contains(lower) { return true }
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

    /// `14 min read`, `Lesezeit: 3 Min.`, `3 Min Lesezeit`, `Lesedauer: 4 Min.`, `1 minuti di lettura`,
    /// `Temps de lecture : 3 min`: how long the story takes to read.
    static func isReadingTime(_ line: String) -> Bool {
        guard line.utf8.count <= 40, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let lower = line.lowercased()
        return readingTimeWords.contains { lower.contains($0) }
    }

    static let readingTimeWords = [
        "min read", "minute read", "mins read", "lesezeit", "lesedauer", "di lettura", "de lecture", "de lectura",
        "de leitura", "leestijd", "czas czytania",
    ]

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
        if DateFinder.find(in: line) != nil || isYearlessDayAndTime(line) { return true }
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
        // `Published 4 months ago`, `Updated 2 hours ago`: a label without its colon, then the age.
        if lower.hasSuffix(" ago"), let label = publicationLabels.first(where: lower.hasPrefix),
            case let after = lower.dropFirst(label.count), after.first == " ", after.dropFirst().first?.isNumber == true
        {
            return true
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

    /// A stamp that is an age (`2 minutes ago`, `vor 3 Stunden`).
    static func isAge(_ line: String) -> Bool {
        let lower = line.lowercased()
        return isStamp(line) && (lower.hasSuffix(" ago") || relativeOpenings.contains(where: lower.hasPrefix))
    }

    /// A day of this year, printed without its year, and a time of day (`mandag 5. august kl. 14:47`,
    /// `Thursday 18 July, 11:48`): a day of the month beside a month's name, and a time, on a short line.
    static func isYearlessDayAndTime(_ line: String) -> Bool {
        guard line.utf8.count <= 60, hasTimeOfDay(line) else { return false }
        let words = line.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.indices.dropLast().contains { k in
            let (a, b) = (words[k], words[k + 1])
            func isDay(_ word: Substring) -> Bool { word.count <= 2 && Int(word).map { (1...31).contains($0) } == true }
            return isDay(a) && DateFinder.months[String(b)] != nil || DateFinder.months[String(a)] != nil && isDay(b)
        }
    }

    /// Whether a line holds a time of day: a digit, a colon, a digit; or German hours and minutes
    /// with a full stop before `Uhr` (`16.03 Uhr`).
    static func hasTimeOfDay(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            func digit(_ k: Int) -> Bool { k >= 0 && k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
            return bytes.indices.dropFirst().dropLast().contains { k in
                bytes[k] == 0x3A && digit(k - 1) && digit(k + 1)
                    || bytes[k] == 0x2E && digit(k - 1) && digit(k + 1) && digit(k + 2) && !digit(k + 3)
                    && bytes[(k + 3)...].starts(with: " Uhr".utf8)
            }
        }
    }

    /// Labels of a revision's stamp, lower-cased: the dateline's own and older pages' (`Last Update`,
    /// `Story Updated`, `Page updated`, `Last modified`), and German broadcasters' `Stand:` ("as of").
    static let updateStampLabels = DatelineParser.updateLabels + [
        "last update", "story updated", "article last updated", "page updated", "last modified", "modified",
        "zuletzt aktualisiert", "geändert", "stand",
    ]
    /// Labels that open a stamp, lower-cased: the revision's, the dateline's others and those of older
    /// pages (`Created`, `Story Published`, Drupal's `Submitted on`).
    static let stampLabels = updateStampLabels + DatelineParser.publicationLabels + DatelineParser.otherLabels + [
        "created", "story published", "article published", "erstellt", "submitted",
    ]

    /// The first two letters of `stampLabels`, for a look at a line's opening.
    private static let stampLabelOpenings = OpeningPairs(stampLabels)

    /// The days a line of stamps gives, when it is one: stamps set apart by ` | `, ` · `, ` • ` or
    /// ` - `, or run together before an update's label, at least one of them labelled, each a date
    /// or a time of day (`Published: January 10 2008 02:00 | Last updated: January 10 2008 02:00`,
    /// `Published Nov. 7, 2012 2:25 pm Updated Nov. 7, 2012 4:01 pm`, `Sunday, December 30, 2007 -
    /// Page updated at 12:00 AM`, `Last updated at 00:11am on 14th January 2008`, `Last Updated:
    /// 12:01am GMT 08/01/2008`). Nil for any other line (`Tucson, Arizona | Published: 01.09.2008`).
    static func labelledStamps(_ line: String) -> (published: String?, updated: String?)? {
        guard line.utf8.count <= 120, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Most lines with a digit neither open with a label's letters nor hold a separator or an
        // update's label run on: they are let go before any copy.
        guard stampLabelOpenings.mayOpen(line.utf8) || line.containsBytes(" | ") || line.containsBytes(" · ")
            || line.containsBytes(" • ") || line.containsBytes(" - ") || line.containsBytes(" – ")
            || line.containsBytes("pdated") || line.containsBytes("PDATED") || line.containsBytes("ktualisiert")
        else { return nil }
        var parts = [Substring(line)]
        for cut in [" | ", " · ", " • ", " - ", " – "] {
            parts = parts.flatMap { $0.split(separator: cut) }
        }
        // An update's label run on after the first stamp.
        parts = parts.flatMap { part -> [Substring] in
            for label in [" last updated", " updated", " aktualisiert"] {
                if let cut = part.range(of: label, options: .caseInsensitive),
                    part[..<cut.lowerBound].utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
                {
                    return [part[..<cut.lowerBound], part[part.index(after: cut.lowerBound)...]]
                }
            }
            return [part]
        }
        var labelled = false
        var published: String?
        var updated: String?
        // The line's words that write the day first hold for each part: `Publié le 06/01/2026 - 14:16
        // UTC+1` is the sixth of January, though `06/01/2026` alone reads month first. (Not a time
        // zone's name: an American page prints `Published 01/08/2008 - 10:07 a.m. GMT`.)
        let order = DayOrder.dayFirst(in: line, byZone: false) ? PageOrder(locale: true) { [] } : nil
        for part in parts {
            var rest = part.trimmingSpaces()
            if rest.isEmpty { continue }
            let update = DatelineParser.afterLabel(rest, among: updateStampLabels)
            let isUpdate = update != nil
            if let after = update ?? DatelineParser.afterLabel(rest, among: stampLabels) {
                labelled = true
                rest = after
                for link in ["at ", "as of "] where rest.lowercased().hasPrefix(link) {
                    rest = rest.dropFirst(link.count)
                }
            }
            guard rest.utf8.count <= 60, onlyDateWords(rest) else { return nil }
            let text = String(rest)
            let day = DatelineParser.parseLine(text)?.value ?? DateFinder.find(in: text, page: order)
            guard day != nil || opensWithTimeOfDay(text) else { return nil }
            if isUpdate { updated = updated ?? day } else { published = published ?? day }
        }
        return labelled ? (published, updated) : nil
    }

    /// Whether every word of a text is a date's (a month, a weekday, a time zone, `am`, `Uhr`, `on`):
    /// `November 7th, 2012 Read the 8 comments` is more than a stamp.
    private static func onlyDateWords(_ text: Substring) -> Bool {
        var word = ""
        func known() -> Bool {
            defer { word = "" }
            if word.isEmpty { return true }
            // A zone's or a country's capitals (`GMT`, `IST`, `ET`, `UK`).
            if word.count <= 4, word.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) { return true }
            let lower = word.lowercased()
            return DatelineParser.dateWords.contains(lower) || DateFinder.months[lower] != nil || stampFillers.contains(lower)
        }
        for c in text.unicodeScalars {
            if c.properties.isAlphabetic {
                word.unicodeScalars.append(c)
            } else if !known() {
                return false
            }
        }
        return known()
    }

    /// Words of a stamp beyond `DatelineParser.dateWords` (which has `am`, `pm`, `on`): `a.m.`'s
    /// letters, German's `Uhr` and `um`, `h`, `Date`, Romance `de` / `le`, `1er`.
    private static let stampFillers: Set<String> = ["a", "m", "p", "uhr", "um", "h", "date", "de", "del", "le", "er"]

    /// Whether a short text is a time of day and little else (`12:00 AM`, `11:31 a.m. ET`, `9.45pm`).
    private static func opensWithTimeOfDay(_ text: String) -> Bool {
        guard text.utf8.count <= 24 else { return false }
        let bytes = Array(text.utf8)
        var k = 0
        while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
        guard (1...2).contains(k), k + 2 < bytes.count, bytes[k] == 0x3A || bytes[k] == 0x2E else { return false }
        return bytes[k + 1] >= 0x30 && bytes[k + 1] <= 0x39 && bytes[k + 2] >= 0x30 && bytes[k + 2] <= 0x39
    }

    /// A stamp that dates a story rather than an item of a list: a reading time, a publication
    /// label, or a time of day beside the date (`4 Min Read`, `Published 22:00, 11 July 2021 BST`,
    /// `Updated: …`); a date alone (`March 15, 2021`) dates a list's items as often.
    static func isStoryStamp(_ line: String) -> Bool {
        guard isStamp(line) else { return false }
        if isReadingTime(line) { return true }
        let lower = line.lowercased()
        if publicationLabels.contains(where: lower.hasPrefix) { return true }
        return hasTimeOfDay(line)
    }

    /// A post's link to its comments or their count, lower-cased (`schreibe einen kommentar`,
    /// `leave a comment`, `3 kommentare`, `0`).
    static func isCommentsLink(_ lower: String) -> Bool {
        if !lower.isEmpty, lower.utf8.count <= 4, lower.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        let words = lower.split(separator: " ", maxSplits: 3)
        guard let first = words.first else { return false }
        if ["schreibe", "hinterlasse", "leave", "kommentieren"].contains(first), words.count > 1 { return true }
        guard first.allSatisfy(\.isNumber), words.count == 2 else { return false }
        return ["kommentar", "kommentare", "comment", "comments", "commentaire", "commentaires", "comentario", "comentarios"].contains(words[1])
    }

    /// Words that label a story's date (`Published`, `Updated`, `Veröffentlicht`, `Posted`).
    static let publicationLabels =
        DatelineParser.publicationLabels + DatelineParser.updateLabels + ["posted"]

    /// Spanish and Portuguese openings of a byline, after which `en` / `em` is no conjunction.
    static let iberianOpenings: Set<String> = ["por ", "escribe ", "publicado por ", "escrito por ", "redactado por "]

    static let bylineOpenings = [
        "by ", "von ", "vom ", "par ", "por ", "di ", "door ", "written by ", "posted by ", "story by ", "words by ", "author: ",
        "authors: ", "autor: ", "autorin: ", "autore: ", "auteur: ", "text: ", "by: ", "von: ", "veröffentlicht von ",
        "eingestellt von ", "erstellt von ", "geschrieben von ", "verfasst von ", "verfasst von: ", "gepostet von ",
        "publié par ", "écrit par ", "publicado por ", "escrito por ", "published by ", "pubblicato da ", "scritto da ",
        "text von ", "artikel von ", "beitrag von ", "post author by ", "submitted by ", "gespeichert von ", "escribe ",
        "redactado por ", "geplaatst door ", "a cura di ", "written by: ", "posted by: ", "thread starter ", "themenstarter ",
        "text & fotos: ", "text und fotos: ", "text & foto: ", "text und foto: ", "text & bilder: ", "redaktion: ", "投稿者 ",
        "投稿者：", "af ", "av ", "skrevet af ", "skrevet av ", "autorin/autor ",
    ]

    /// Whether a lower-cased line's head opens with one of `bylineOpenings`: the first byte turns
    /// most lines away, the rest is compared on bytes where the bytes settle it.
    static func opensWithBylineOpening(_ head: String) -> Bool {
        guard let first = head.utf8.first, bylineOpeningFirstBytes.contains(first) else { return false }
        return bylineOpenings.contains(where: head.fastHasPrefix)
    }

    /// The openings' first bytes, composed and decomposed (`é` opens as `e` and a combining mark too).
    static let bylineOpeningFirstBytes = ByteSet(
        bylineOpenings.flatMap { [$0.utf8.first, $0.decomposedStringWithCanonicalMapping.utf8.first].compactMap { $0 } })

    /// The openings without their closing space, or without their closing colon and space: the
    /// lines that are an opening alone (`By`, `Written by`, `Autor`).
    static let bylineOpeningCores: Set<String> = Set(
        bylineOpenings.filter { $0.hasSuffix(" ") }.map { String($0.dropLast()) } + bylineOpenings.filter { $0.hasSuffix(": ") }.map { String($0.dropLast(2)) })

    /// Openings after which a name of one word (`Geschrieben von Cooper`, `Autor: gnaddrig`) is a
    /// byline without more evidence: every opening but the bare prepositions, which menus and
    /// sentences open with too (`By Topic`, `Von Berlin`).
    static let labelOpenings = Set(bylineOpenings).subtracting(bylineWords + ["vom ", "di ", "text: ", "escribe "])

    /// The one-word openings of a byline without a label (`By`, `Von`, `Par`, `Por`, `Door`) that
    /// are looked for anywhere on a page, lower-cased; `vom`, `di` open dates and phrases as often.
    static let bylineWords = ["by ", "von ", "par ", "por ", "door "]

    /// `Ein Interview von Eugen Zentner`, `Eine Kolumne von Nils Pickert`, `A column by Jane Doe`:
    /// a kind of piece, then its author. The rest of the line from the preposition, or nil; an
    /// interview's partner after it (`… von Eugen Zentner mit Sonja Silberhorn.`, `An interview by
    /// Jane Doe with …`) is cut off.
    static func pieceByline(_ line: Substring) -> Substring? {
        let words = line.prefix(60).spaceSeparated(maxSplits: 3)
        guard words.count == 4, ["ein", "eine", "a", "an", "un", "une", "uno", "una"].contains(words[0].lowercased()),
            ["von", "by", "par", "di", "por", "de"].contains(words[2].lowercased()),
            !["foto", "photo", "bild", "video", "film", "image", "illustration", "grafik", "picture", "podcast"].contains(where: words[1].lowercased().hasPrefix)
        else { return nil }
        var rest = line[words[2].startIndex...]
        for partner in [" mit ", " with ", " avec ", " con ", " met "] {
            if let r = rest.utf8Range(of: partner) { rest = rest[..<r.lowerBound] }
        }
        return rest
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
            // A site's address is the outlet, not a person (`von tennisnet.com`).
            || siteSuffixes.contains(where: lower.hasSuffix)
        {
            return nil
        }
        return String(word)
    }

    /// How a site's address ends.
    static let siteSuffixes = [
        ".com", ".net", ".org", ".info", ".de", ".at", ".ch", ".uk", ".fr", ".it", ".es", ".nl", ".eu", ".io", ".pl", ".be",
        ".dk", ".se", ".no", ".fi", ".ru", ".jp", ".cn", ".in", ".us", ".ca", ".au", ".news", ".tv",
    ]

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

    /// The accounts a blog's software signs with where no one signed (`Posted by admin on …`),
    /// lower-cased; the page reader's `MainContent.standIns` hold them too.
    static let siteAccounts: Set<String> = ["admin", "administrator", "webmaster", "root", "guest", "user"]

    /// `04.02.2022 | 13:10 Uhr | Uta Helkenberg`, `25.10.2022 - Reiner Nagel`: a line of at most 80
    /// bytes that opens with a day, then at most two times of day, and ends with a name alone that
    /// opens with a given name newsd knows (`PageArticle.isKnownPersonsName`).
    static func nameAfterDay(_ line: Substring) -> String? {
        guard line.utf8.count <= 80, line.unicodeScalars.contains(where: Scalars.isDigit) else { return nil }
        for separator in [" | ", " - ", " – ", " · ", " • "] where line.utf8Range(of: separator) != nil {
            let parts = line.components(separatedBy: separator).map { Substring($0).trimmingSpaces() }
            guard (2...4).contains(parts.count), DateFinder.find(in: String(parts[0])) != nil,
                parts.dropFirst().dropLast().allSatisfy(isTimeOfDay), let last = parts.last,
                PageArticle.isKnownPersonsName(last)
            else { continue }
            return String(last)
        }
        return nil
    }

    /// `13:10 Uhr`, `13:10`, `1:10 pm`, `13.10 h`.
    private static func isTimeOfDay(_ part: Substring) -> Bool {
        let words = part.lowercased().split(separator: " ")
        guard let clock = words.first, (1...2).contains(words.count),
            words.dropFirst().allSatisfy({ ["uhr", "h", "am", "pm", "a.m.", "p.m."].contains(String($0)) })
        else { return false }
        let digits = clock.filter(\.isNumber).count
        return (3...4).contains(digits) && clock.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
            && clock.contains { $0 == ":" || $0 == "." }
    }

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
        // `ByAlex Bozarjian`: the opening run into the name, as a page's text joins two elements.
        if line.hasPrefix("By"), let third = line.unicodeScalars.dropFirst(2).first, Scalars.isUpper(third) {
            line = ("By " + line.dropFirst(2))[...]
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
        // `Autor Mark Newton:`: the label without its colon before the name, the colon after it.
        if line.utf8.count <= 60, line.last == ":", let label = ["autor ", "autorin ", "author "].first(where: head.hasPrefix),
            let names = Byline.parse("By " + line.dropFirst(label.count).dropLast().trimmingSpaces())
        {
            return names
        }
        guard opensWithBylineOpening(head) else {
            guard line.utf8.count <= 200 else { return nil }
            // `on March 10, 2015 by Nikhil Marathe`, `1.11.23 20:19 von Lars Sobiraj`: names after a date.
            if line.utf8.count <= 120 {
                // `Posted in Datenschutz by damianduchamps on August 3, 2019`: a category first.
                let filed = ["posted in ", "filed under ", "veröffentlicht in "].contains(where: head.hasPrefix)
                // `Posted on 28. Juli 2019 Author Andreas Kalt 4 Kommentare`: `Author` without a colon too.
                // `05.02.2020 - Redaktion: Eberhard Fuhr`: a label after the day, as after no day.
                for opening in [
                    " by ", " von ", " vom ", " par ", " por ", " door ", " Author: ", " Autor: ", " Author ", " Autor ", " Af ", " af ",
                    " Autorin: ", " Auteur: ", " Autore: ", " Redaktion: ", " Text: ",
                ] {
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
            if let name = nameAfterDay(line) { return [name] }
            return nil
        }
        let label = labelOpenings.contains(where: head.hasPrefix)
        let datedLine = dated || DateFinder.find(in: String(line)) != nil
            || line.contains(where: { $0 == ":" }) && line.utf8.count <= 80 && line.contains(where: \.isNumber) && !head.hasPrefix("by")
        var rest = line
        // An agency credited beside the names (`Von Diana Resnik mit AP`, `By Jane Doe with AFP`,
        // `… with agencies`) is none of them.
        for cut in [" with ", " mit ", " avec ", " con "] {
            if let r = rest.utf8Range(of: cut), case let credited = rest[r.upperBound...].lowercased(),
                Byline.agencies.contains(credited) || ["agencies", "agenturen", "agences", "agencias", "wires"].contains(credited)
            {
                rest = rest[..<r.lowerBound]
            }
        }
        // A role described after the names (`By Alex Heath, a deputy editor and author of …`) goes too.
        for cut in [" | ", " • ", " · ", " // ", " / ", " - ", " – ", " — ", ", updated", ", published", " on ", " Published", " Updated", ", a ", ", an ", ", the ", " le ", " in ", " under "] {
            if let r = rest.utf8Range(of: cut) { rest = rest[..<r.lowerBound] }
        }
        let lower = rest.lowercased()
        var body: Substring?
        for opening in bylineOpenings where lower.hasPrefix(opening) {
            body = rest.dropFirst(opening.count).trimmingSpaces()
            // `Escribe Camila Méndez en Territorio`, `Por João Silva em São Paulo`: after a Spanish or
            // Portuguese opening, `en` and `em` open the section or the place (Dutch `Door A en B`
            // joins two names with it).
            if iberianOpenings.contains(opening), var names = body {
                for cut in [" en ", " em "] {
                    if let r = names.utf8Range(of: cut) { names = names[..<r.lowerBound] }
                }
                body = names
            }
            break
        }
        guard var body, !body.isEmpty else { return nil }
        // What the opening names before the cuts below, for a desk's byline (`By BWW News Desk`).
        let printedBody = body
        var companions: [String] = []
        if let (rest, names) = Byline.companions(String(body)) {
            body = Substring(rest)
            companions = names
        }
        body = Byline.withoutGluedAgency(nameRun(body))
        // `by Andrea Wong Andrea Wong`: the name printed twice (a byline's text, then its link's).
        let words = body.split(separator: " ")
        if words.count >= 4, words.count % 2 == 0, words[..<(words.count / 2)].elementsEqual(words[(words.count / 2)...]) {
            body = Substring(words[..<(words.count / 2)].joined(separator: " "))
        }
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
        // `vom` (`von dem`) opens a byline of a desk or a blog's one-word name (`vom Support Team`,
        // `vom Krimiblogger`); before a person's name it is a heading's (`Vom Grätzltelefon zu Cloud`).
        let contracted = lower.hasPrefix("vom ")
        if !contracted, var names = Byline.parse("By " + body) {
            for name in companions where !names.contains(name) { names.append(name) }
            return names
        }
        if companions.isEmpty, label || datedLine {
            // `Posted by admin on …`: a byline, of no one.
            if siteAccounts.contains(body.lowercased()) { return [] }
            if let name = oneWordName(body) { return [name] }
        }
        if let desk = deskByline(printedBody) { return [desk] }
        if datedLine, let organisation = organisationByline(nameRun(printedBody)) { return [organisation] }
        return nil
    }

    /// A desk's byline alone (`Redaktion`, `Newsdesk`) or a desk's words (`ZDNet Japan Staff`).
    static func isDeskByline(_ name: String) -> Bool {
        deskAlone.contains(name) || deskByline(Substring(name)) != nil
    }

    /// A desk's line under a byline's name: a desk's word and the site's or the section's name after
    /// it (`Redaktion Haus.de`), up to four words.
    static func isDeskLine(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return words.count <= 4 && words.first.map { deskAlone.contains(String($0)) } == true
    }

    /// A line that is one e-mail address (`bruno.cardoso@redebahia.com.br`).
    static func isEmailAddress(_ line: String) -> Bool {
        guard line.utf8.count <= 80, !line.contains(" "), let at = line.firstIndex(of: "@"), at != line.startIndex else { return false }
        let domain = line[line.index(after: at)...]
        return domain.contains(".") && !domain.contains("@") && domain.last != "."
    }

    /// Desks that sign alone, one word.
    static let deskAlone: Set<String> = ["Redaktion", "Rédaction", "Redacción", "Redazione", "Redactie", "Newsroom", "Newsdesk"]

    /// An organisation credited after a dated byline's opening (`By Wikimedia Foundation • 15 January
    /// 2020`, `By THE NEW YORK TIMES SEPT. 15, 2016`): two to five capitalised words, the last one a
    /// word that names an organisation or a paper. As printed.
    static func organisationByline(_ body: Substring) -> String? {
        let words = body.split(separator: " ")
        guard words.count >= 2, words.count <= 5, let last = words.last,
            organisationWords.contains(last.prefix(1).uppercased() + last.dropFirst().lowercased())
        else { return nil }
        for word in words {
            guard let head = word.unicodeScalars.first, Scalars.isUpper(head),
                word.unicodeScalars.allSatisfy({ Scalars.isLetter($0) || $0 == "-" })
            else { return nil }
        }
        return words.joined(separator: " ")
    }

    /// Last words of an organisation's or a paper's name.
    static let organisationWords: Set<String> = [
        "Foundation", "Institute", "Association", "Society", "Council", "Times", "Post", "Tribune", "Herald", "Gazette",
        "Journal", "Stiftung", "Verband", "Institut", "Fondation",
    ]

    /// A desk, a team or a staff credited after a byline's opening instead of a person (`By BWW News
    /// Desk`, `By Smart Shopping Team`, `von auto-motor.at Redaktion`, `By Staff Writer`, `by HLNF
    /// Staff Report`): up to five words, each capitalised or a site's domain, the last one a word
    /// that names such a desk. As printed; nil for anything else (`By the editors`, a label before a
    /// desk's one word: `Author Redaktion`). A reporter's role (`Court Reporter`) is no desk.
    static func deskByline(_ body: Substring) -> String? {
        let words = body.split(separator: " ")
        guard let first = words.first, !["Author", "Autor", "Autorin", "Auteur"].contains(String(first)),
            !bylineOpeningCores.contains(first.lowercased())
        else { return nil }
        guard words.count >= 2, words.count <= 5, let last = words.last, deskWords.contains(String(last)) else { return nil }
        for word in words {
            guard let head = word.unicodeScalars.first, Scalars.isUpper(head) || word.contains(".") && word.utf8.count >= 4,
                word.unicodeScalars.allSatisfy({ Scalars.isLetter($0) || Scalars.isDigit($0) || ".-".unicodeScalars.contains($0) }),
                word.last != "."
            else { return nil }
        }
        return words.joined(separator: " ")
    }

    /// Last words of a desk's byline (`News Desk`, `Shopping Team`, `Staff Writer`, `Redaktion`).
    static let deskWords: Set<String> = [
        "Staff", "Team", "Desk", "Newsroom", "Writer", "Writers", "Report", "Reports", "Editors", "Redaktion",
        "Rédaction", "Redacción", "Redazione", "Redactie", "Newsdesk", "Online",
    ]
}
