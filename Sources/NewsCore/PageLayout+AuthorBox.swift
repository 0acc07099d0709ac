import Foundation

/// Bylines away from the headline: the headline printed in other words than the title (a near
/// copy), one labelled byline anywhere on the page, and an author's box at the end of the story.
/// The text reader asks these when no byline stands near the headline (`PageLayout.authors`).
extension PageLayout {
    /// Lines that print the headline in other words: three in four of the shorter's words (four at
    /// least) in the longer, at about the same length. The page's first line (its window title) and
    /// exact copies (`headlineCopies`) are not among them.
    static func nearHeadlineCopies(_ headline: String, in text: [String]) -> [Int] {
        func words(_ line: String) -> Set<Substring> {
            Set(line.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        }
        let key = words(headline)
        let length = headline.utf8.count
        guard key.count >= 4, let first = text.firstIndex(where: { !$0.isEmpty }) else { return [] }
        let exact = foldKey(headline)
        // Cheap first: a copy holds one of the headline's two longest words as printed.
        let longest = headline.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).sorted { $0.utf8.count > $1.utf8.count }
            .prefix(2).map(String.init)
        return text.indices.dropFirst(first + 1).filter { index in
            let line = text[index]
            guard line.utf8.count * 2 >= length, line.utf8.count <= length * 2,
                longest.contains(where: { line[...].utf8Range(of: $0) != nil })
            else { return false }
            let other = words(line)
            let shared = key.intersection(other).count
            return shared >= 4 && shared * 4 >= min(key.count, other.count) * 3 && foldKey(line) != exact
        }
    }

    /// Labels alone on their line over an author's name (lower-cased): not a bare `By` or `Von`,
    /// which menus and sentences end with too.
    static let labelLines: Set<String> = [
        "von:", "by:", "autor", "autor:", "autorin", "autorin:", "autoren", "autoren:", "author", "author:", "authors",
        "authors:", "auteur", "auteur:", "geschrieben von", "verfasst von", "verfasst von:", "written by", "words by",
        // German's forms for both genders (`Autor*in`, `AUTOR/IN`, `Autor:in`, `Autor_in`).
        "autor*in", "autor*in:", "autor/in", "autor/in:", "autor:in", "autor:in:", "autor_in", "autor_in:",
    ]

    /// Labels that open a byline's line wherever it stands (`Author: Jacopo Cascioli`), lower-cased.
    static let lineLabels = ["author: ", "authors: ", "autor: ", "autorin: ", "autore: ", "auteur: ", "text: ", "verfasst von"]

    /// Labels of a byline that read anywhere on a page (`Posted by`, `Erstellt von`, `Written by`):
    /// the openings that are labels, but for those with a colon, which comment lists print
    /// (`Posted by: …`).
    static let footerLabels = labelOpenings.filter { !$0.hasSuffix(": ") }.sorted()

    /// The first two bytes, either case, of the labels `labelledByline` reads.
    static let labelOpeningPairs = OpeningPairs(lineLabels + footerLabels + Array(labelLines))

    /// A name and a date on one short line, set apart or not (`Saibal Dasgupta / TNN / Updated: Oct
    /// 9, 2019`, `Mike Conley December 18, 2020`): the name.
    static func datedName(_ line: String) -> String? {
        guard line.utf8.count <= 100, DateFinder.find(in: line) != nil else { return nil }
        var part = Substring(line)
        for cut in [" / ", " | ", " - ", " – ", " · ", " • "] {
            if let r = part.utf8Range(of: cut) { part = part[..<r.lowerBound] }
        }
        var names = nameRun(part)
        while names.last == "," || names.last == "." { names.removeLast() }
        guard !names.isEmpty, names.endIndex != line.endIndex || part.endIndex != line.endIndex, Sentences.wordCount(String(names)) <= 4,
            let name = Byline.cleanName(String(names)), isPersonShaped(name),
            !name.split(separator: " ").contains(where: { mediaWords.contains(String($0)) })
        else { return nil }
        return name
    }

    /// A portal's line under a syndicated story's headline: the outlet, the day, then the author
    /// (`Medical Daily 9/21/2016 Lizette Borreli`, `The Guardian 02/10/2020 Anna Fazackerley`). The
    /// author's name, or nil when the words before the day name no outlet.
    static func nameAfterOutletAndDate(_ line: String) -> String? {
        guard line.utf8.count <= 100 else { return nil }
        let words = line.split(separator: " ")
        guard let day = words.firstIndex(where: { $0.first?.isNumber == true }), day >= 1, day <= 4,
            mediaWords.contains(String(words[day - 1])) || Gazetteer.outlets[words[..<day].joined(separator: " ").lowercased()] != nil
        else { return nil }
        var end = day
        while end < words.count, words[end].first?.isNumber == true || isDayOrMonth(words[end].lowercased()) { end += 1 }
        let rest = words[end...].joined(separator: " ")
        guard DateFinder.find(in: words[day..<end].joined(separator: " ")) != nil, (2...4).contains(words.count - end),
            let name = Byline.cleanName(rest), isPersonShaped(name)
        else { return nil }
        return name
    }

    /// Words of an outlet's name, which a dated line under the headline prints as often as a
    /// person's (`Auto Zeitung 12.05.2023`).
    static let mediaWords: Set<String> = [
        "Zeitung", "News", "Times", "Post", "Daily", "Magazin", "Magazine", "Journal", "Tribune", "Herald", "Gazette",
        "Online", "TV", "Radio", "Blog", "Nachrichten", "Kurier", "Rundschau", "Anzeiger", "Presse",
    ]

    /// A labelled byline anywhere on the page (`Author: Jacopo Cascioli` below the story, `Auteur:
    /// Anna Kubišta`, `Text: Klausmartin Friedrich`, a post's footer `Posted by T. V. Raman at 2:33
    /// PM`) when it names one author only: a forum or a comment list labels many. A line that names
    /// only what is no person (`Geschrieben von Global Voices Latin America` under `Geschrieben von
    /// Elisa Marvena`: a desk, a network, a place's name) does not count against a person's.
    static func labelledByline(_ text: [String]) -> (line: Int?, names: [String])? {
        let printed = PrintedLines(text)
        var found: (line: Int?, names: [String])?
        var person: (line: Int?, names: [String])?
        var others = false
        for (index, line) in text.enumerated() where line.utf8.count <= 120 && line.utf8.count > 2 {
            guard labelOpeningPairs.mayOpen(line.utf8) else { continue }
            var names: [String]?
            var at = index
            let head = line.characterPrefix(16).lowercased()
            if lineLabels.contains(where: head.hasPrefix) {
                names = byline(line)
            } else if case let opening = line.characterPrefix(24).lowercased(), footerLabels.contains(where: opening.hasPrefix) {
                // A post's own footer or header line (`Posted by T. V. Raman at 2:33 PM`, `Erstellt
                // von Andri Bryner`); one that gives no name makes such lines a list's (comments,
                // `Posted by click here on …`), and the page's byline none of them.
                guard let given = byline(line), !given.isEmpty else { return nil }
                names = given
            } else if line.utf8.count <= 20, labelLines.contains(String(Substring(head).trimmingBlanks())), let next = printed.next(after: index),
                Sentences.wordCount(text[next]) <= 6
            {
                // `Von:` / `Götz Warnke`, `Geschrieben von` / `Benjamin-Immanuel Hoff`: the label on
                // its own line, the name on the next; not a name of one word, as a menu's `Autoren`
                // / `Newsletter` prints it.
                names = byline("By " + text[next])
                at = next
            }
            guard let names else { continue }
            if !names.isEmpty, names.allSatisfy(isPersonShaped) {
                if let person, person.names != names { return nil }
                if person == nil { person = (at, names) }
            }
            if let found, found.names != names { others = true }
            if found == nil { found = (at, names) }
        }
        return person ?? (others ? nil : found)
    }

    /// A byline as Chinese and Japanese pages label it (`责任编辑：孔德明`, `记者：焦鹏`, `著者：後藤大地`): the
    /// label, then a name of two to four Han characters. Taken when the page labels only one name.
    static func hanLabelledByline(_ text: [String]) -> (line: Int?, names: [String])? {
        var found: (line: Int?, names: [String])?
        for (index, line) in text.enumerated() where line.utf8.count >= 9 && line.utf8.count <= 60 {
            // Every label opens with a Han character (E4–E9 in UTF-8); brackets may enclose the label
            // and the name (`[责任编辑:肖春芳]`, `【责任编辑：孔德明】`).
            var line = Substring(line)
            if let open = line.first, open == "[" || open == "【", let close = line.last, close == "]" || close == "】" {
                line = line.dropFirst().dropLast()
            }
            guard let head = line.utf8.first, head >= 0xE4 && head <= 0xE9,
                let label = hanLabels.first(where: { line.hasPrefix($0) })
            else { continue }
            let name = line.dropFirst(label.count).trimmingCharacters(in: .whitespaces.union(["\u{3000}"]))
            let scalars = name.unicodeScalars
            guard scalars.count >= 2, scalars.count <= 4, scalars.allSatisfy({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else { continue }
            if let found, found.names != [name] { return nil }
            if found == nil { found = (index, [name]) }
        }
        return found
    }

    /// The name of a byline as Chinese and Japanese pages print it under the headline, without a
    /// label: two to four Han characters, then the story's stamp with its time of day (`松村太郎
    /// 2019年04月13日 09時00分`, `谢若含 2017-03-01 14:27:02`). A stamp's own label (`公開日 2019年2月13日
    /// 10:00`, `更新 …`) is no name, nor is a section before a bare day (`科技 2017-03-01`).
    static func hanNameBeforeStamp(_ line: String) -> String? {
        guard line.utf8.count <= 80, let head = line.utf8.first, head >= 0xE4 && head <= 0xE9,
            let gap = line.firstIndex(where: { $0 == " " || $0 == "\u{3000}" })
        else { return nil }
        let name = String(line[..<gap])
        let scalars = name.unicodeScalars
        guard scalars.count >= 2, scalars.count <= 4, scalars.allSatisfy({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }),
            !hanStampLabels.contains(name), let last = name.last, !"日时時期间間".contains(last)
        else { return nil }
        let stamp = String(line[gap...]).trimmingCharacters(in: .whitespaces.union(["\u{3000}"]))
        // A time of day: `09時00分`, `14:27`.
        let bytes = Array(stamp.utf8)
        let digit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let clock = bytes.indices.dropFirst().dropLast().contains { at in
            bytes[at] == 0x3A && digit(bytes[at - 1]) && digit(bytes[at + 1])
        }
        let timed = clock || stamp.contains("時") || stamp.contains("时")
        guard timed, DateFinder.find(in: stamp) != nil else { return nil }
        return name
    }

    /// A blog's or forum's handle beside the post's date, as the line under a headline prints them
    /// (`reineckefuchs — 2. Februar 2022`, `MikeNils 18.10.2019, 15:07 Uhr`, `26 Mai, 2008 | ThE_PaiN |
    /// Kommentare 34`): one word shaped as no section's or category's name is (`Politik — 2. Februar
    /// 2022`, `News · April 19, 2019`): written in lower case (six letters or more), with a capital
    /// inside it, or with a digit or an underscore.
    static func handleBesideDate(_ line: String) -> String? {
        guard line.utf8.count <= 80, DateFinder.find(in: line) != nil else { return nil }
        let words = line.split(separator: " ")
        var handles: [(word: Substring, at: Int)] = []
        for (at, raw) in words.enumerated() {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ",;|·•—–-"))[...]
            // A label (`opublikowano: 2021-04-29`) is no handle.
            guard !word.hasSuffix(":"), isHandle(word) else { continue }
            handles.append((word, at))
        }
        guard handles.count == 1, let (handle, at) = handles.first,
            // Between two stamps it is their label (`19.2.2020 16:20 päivitetty 19.2.2020 16:20`).
            at == 0 || DateFinder.find(in: words[(at + 1)...].joined(separator: " ")) == nil
        else { return nil }
        // The rest is the date and what a post's line prints beside it (separators, a comment count).
        let rest = line.replacingOccurrences(of: String(handle), with: " ")
        guard DateFinder.find(in: rest) != nil,
            !rest.split(separator: " ").contains(where: { word in
                let lower = word.lowercased()
                return word.contains(where: \.isLetter) && !isDayOrMonth(lower) && !handleLineWords.contains(lower)
            })
        else { return nil }
        return String(handle)
    }

    /// Words a post's date line prints beside its author's handle: the time's, the comments'.
    static let handleLineWords: Set<String> = [
        "um", "uhr", "am", "at", "on", "pm", "kommentare", "kommentar", "comments", "comment", "antworten", "replies",
    ]

    /// Words of a stamp in lower case that are no handle (`updated 2 May 2020`, `posted …`).
    static let stampWords: Set<String> = [
        "updated", "posted", "published", "edited", "modified", "aktualisiert", "veröffentlicht", "geändert",
        "actualizado", "publicado", "publié", "modifié", "pubblicato", "aggiornato",
    ]

    /// A word shaped as a handle, not as a word of the language: see `handleBesideDate`.
    static func isHandle(_ word: Substring) -> Bool {
        guard word.count >= 3, word.count <= 30, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
            word.contains(where: \.isLowercase), let first = word.first, first.isLetter,
            !siteSuffixes.contains(where: word.lowercased().hasSuffix), !isDayOrMonth(word.lowercased()),
            !notOneWordNames.contains(word.lowercased()), !TitleRanker.sectionWords.contains(word.lowercased()),
            !handleLineWords.contains(word.lowercased()), !stampWords.contains(word.lowercased())
        else { return false }
        let digitOrUnderscore = word.contains { $0.isNumber || $0 == "_" }
        let innerCapital = word.dropFirst().contains(where: \.isUppercase)
        let lowerCase = first.isLowercase && word.count >= 6 && !word.contains(where: \.isUppercase)
        return digitOrUnderscore || innerCapital || lowerCase
    }

    /// Words a Chinese or Japanese stamp opens with that are no one's name (updated, published).
    static let hanStampLabels: Set<String> = ["更新", "发布", "發布", "发表", "發表", "公開", "公开", "投稿", "掲載", "来源", "來源", "编辑", "編集"]

    /// Labels before a byline's name on Chinese and Japanese pages (editor, author, reporter), with
    /// the full-width colon and the ASCII one.
    static let hanLabels = ["责任编辑：", "责任编辑:", "作者：", "作者:", "记者：", "记者:", "编辑：", "編集：", "著者：", "著者:", "文："]

    /// The person a page's copyright notice names, when the page names no author otherwise: a
    /// personal site's footer (`© 2009-2012 Jonathan Krase. Impressum …`, `(c) Johannes Wolf •
    /// Weitere Rechte …`, `Copyright (c) 2012- Gregory Szorc. All rights reserved.`). The notice opens
    /// its line, in the page's last third; the name is a person's newsd knows (`isKnownPersonsName`)
    /// and ends where the notice goes on after a full stop, a comma or a separator (a photo's credit,
    /// `© Michael Kappeler/dpa`, goes on with its agency and names none). A page with notices naming
    /// two people names neither.
    static func copyrightHolder(_ text: [String]) -> String? {
        var found: String?
        for line in text[(text.count * 2 / 3)...] {
            // Cheap first: the notice opens with `©`, `(c)` or `Copyright`.
            guard line.utf8.count <= 300, let head = line.utf8.first, head == 0xC2 || head == 0x28 || head == 0x43 || head == 0x63,
                let name = copyrightName(line)
            else { continue }
            if let found, found != name { return nil }
            found = name
        }
        return found
    }

    /// The holder's name in a copyright notice that opens a line (`© 2009-2012 Jonathan Krase. …`),
    /// when it is a person's (`copyrightHolder`): the notice has a year or goes on after the name (a
    /// photo's credit, `© Marcel Burkhardt`, is the name alone), and names no second person after a
    /// comma (`Pierre-Yves David, Greg Ward, and contributors`) and no company (`Paul Parey
    /// Zeitschriftenverlag GmbH`, `Luigi LAVAZZA SPA`).
    static func copyrightName(_ line: String) -> String? {
        var rest = Substring(line)
        var marked = false
        while true {
            rest = rest.drop { $0 == " " }
            let lower = rest.prefix(9).lowercased()
            if lower.hasPrefix("©") {
                rest = rest.dropFirst()
            } else if lower.hasPrefix("(c)") {
                rest = rest.dropFirst(3)
            } else if lower.hasPrefix("copyright") {
                rest = rest.dropFirst(9)
            } else {
                break
            }
            marked = true
        }
        guard marked else { return nil }
        // Years, a range of them (`2009-2012`, `2012-`, `2009 – 2020`), and a `by`.
        let years = rest.prefix { $0.isNumber || $0 == " " || $0 == "-" || $0 == "–" || $0 == "," }
        let dated = years.contains(where: \.isNumber)
        rest = rest.dropFirst(years.count)
        if rest.prefix(3).lowercased() == "by " { rest = rest.dropFirst(3) }
        // The name ends at a separator; a full stop after an initial (`James J. Smith`) is the name's.
        let ends: Set<Character> = [".", ",", "•", "|", "·", "–", "—", ";", "(", "/"]
        var end = rest.startIndex
        while end < rest.endIndex {
            let c = rest[end]
            if ends.contains(c) {
                let before = rest[..<end].split(separator: " ").last
                if c == ".", let before, before.count == 1, before.first?.isUppercase == true {
                    end = rest.index(after: end)
                    continue
                }
                break
            }
            end = rest.index(after: end)
        }
        // A photo's credit goes on with its agency or archive (`© Michael Kappeler/dpa`, `© Frank
        // Derer (LBV-Bildarchiv)`).
        if end < rest.endIndex, rest[end] == "/" || rest[end] == "(" { return nil }
        var name = rest[..<end]
        // `Paul Sippel - Alle Rechte vorbehalten!`: a spaced dash ends the name too.
        if let dash = name.range(of: " - ") { name = name[..<dash.lowerBound] }
        while name.last == " " { name = name.dropLast() }
        let after = rest[name.endIndex...].drop { $0 == " " || ends.contains($0) || $0 == "-" }
        guard dated || !after.isEmpty else { return nil }
        if rest[name.endIndex...].hasPrefix(","), case let next = after.prefix(while: { !ends.contains($0) }),
            PageArticle.isKnownPersonsName(next.trimmingCharacters(in: .whitespaces))
        {
            return nil
        }
        guard name.utf8.count <= 40, PageArticle.isKnownPersonsName(name) else { return nil }
        let words = name.split(separator: " ")
        guard !words.contains(where: { word in
            word.count > 1 && word.allSatisfy(\.isUppercase) || companyWords.contains(String(word)) || organisationWords.contains(String(word))
        }) else { return nil }
        return String(name)
    }

    /// Words of a company's or an organisation's name that no person's has.
    static let companyWords: Set<String> = [
        "GmbH", "AG", "SpA", "Inc", "Ltd", "LLC", "University", "Universität", "College", "Communications", "Today", "Media",
        "Group", "Press", "News", "Verlag", "Zeitschriftenverlag", "Productions", "Studios", "Company",
    ]

    /// An author's box, at the end of the story or beside it: a name alone on its line and, on the
    /// next, a role (`Christoph Hein` / `Chefredakteur`), a link to the author's other pieces
    /// (`Alles von Martin Junker`, `More from …`) or a note that opens with the same name and says
    /// what the person does (`Philipp Sarasin lehrt Geschichte …`, `Will Knight is a senior writer
    /// …`), or such a note alone. Taken only when the page has one such box: a team page or a list
    /// of contributors has many.
    static func authorBox(_ text: [String]) -> (line: Int?, names: [String])? {
        let printed = PrintedLines(text)
        var found: (line: Int?, names: [String])?
        for (index, line) in text.enumerated() where !line.isEmpty && line.utf8.count <= 400 {
            // Cheap first: a name opens with a capital letter.
            guard let head = line.utf8.first, head >= 0x41 && head <= 0x5A || head >= 0xC3 else { continue }
            var name: String?
            // A note that says what the person does vouches for the name by itself.
            var bio = false
            if line.utf8.count <= 60, let next = printed.next(after: index) {
                // What is below decides first (cheap), then whether the line is a name.
                let below = text[next]
                let role = below.utf8.count <= 100 && isRoleLine(below)
                let more = !role && below.utf8.count <= 80 && below.utf8.first.map { "AaMmWwVvSsPpTt".utf8.contains($0) } == true
                    && moreFromOpenings.contains(where: below.characterPrefix(16).lowercased().hasPrefix)
                let note = !role && !more && below.utf8.count > line.utf8.count && below.hasPrefix(line + " ")
                // `Christie Wilcox` / `Die Autorin ist Wissenschaftsautorin in Washington`: the note
                // speaks of the author without the name.
                let aboutAuthor = !role && !more && !note && below.utf8.count > 12 && below.utf8.first.map { "DdTtLlE".utf8.contains($0) } == true
                    ? authorNoteOpenings.first(where: below.characterPrefix(16).lowercased().hasPrefix) : nil
                if role || more || note || aboutAuthor != nil, Sentences.wordCount(line) <= 4, let clean = Byline.cleanName(line) {
                    let known = clean.split(separator: " ").first.map { Gazetteer.bylineFirstNames.contains(String($0)) } ?? false
                    // A role of one word under a menu's item (`Closet Diary` / `Designer`) or a label
                    // (`Autor`) over the name below is as common: it takes a known first name, unless
                    // the role is one no menu prints alone (`Chefredakteur`).
                    let oneWord = !below.contains(" ")
                    let menuLike = oneWord && (Byline.roles.contains(Byline.titleCased(below)) || ["Autor", "Autorin", "Author", "Auteur"].contains(below))
                    if role, known || !menuLike {
                        name = clean
                    } else if more, below.hasSuffix(clean) || below.count < 24 && (known || labelAbove(index, text)) {
                        name = clean
                    } else if note, clean == line, isBio(below.dropFirst(clean.count + 1)) {
                        name = clean
                        bio = true
                    } else if let opening = aboutAuthor, clean == line, isBio(below.dropFirst(opening.count)) {
                        name = clean
                        bio = true
                    }
                }
            }
            if name == nil, line.utf8.count >= 40, case let opening = line.characterPrefix(48),
                opening.containsAny(of: bioVerbNeedles)
            {
                // `Will Knight is a senior writer for WIRED, covering …`
                let words = line.split(separator: " ", maxSplits: 4)
                for count in [2, 3] where words.count > count && opensWithBioVerb(line[words[count].startIndex...]) {
                    let head = words.prefix(count).joined(separator: " ")
                    if let clean = Byline.cleanName(head), clean == head, isBio(line[words[count].startIndex...]) {
                        name = clean
                        bio = true
                        break
                    }
                }
                // `Farouq is a Live Page Journalist, …` beside another's note: a page of several
                // contributors (a live blog's), whose authors no one note gives.
                if name == nil, words.count > 1, let first = words[0].unicodeScalars.first, Scalars.isUpper(first),
                    opensWithBioVerb(line[words[1].startIndex...]), oneWordName(words[0]) != nil, LanguageDetector.index[words[0].lowercased()] == nil,
                    !pronouns.contains(words[0].lowercased()), isBio(line[words[1].startIndex...])
                {
                    return nil
                }
            }
            guard let name, bio && !startsAsProse(name) || isPersonShaped(name) else { continue }
            if let found, found.names != [name] { return nil }
            if found == nil { found = (index, [name]) }
        }
        return found
    }

    /// A name whose first word opens sentences (`Doch Moreno`, `Unsere Themen`, `She`).
    static func startsAsProse(_ name: String) -> Bool {
        guard let word = name.split(separator: " ").first else { return true }
        // Given names that are common words too (`Will Knight`, `May Bulman`).
        if Gazetteer.bylineFirstNames.contains(String(word)) || ["Will", "May", "Grant", "Mark", "Frank", "Rich", "Pat", "Chance"].contains(word) {
            return false
        }
        let first = word.lowercased()
        return LanguageDetector.index[first] != nil || determiners.contains(first) || pronouns.contains(first)
            || ["doch", "aber", "but", "and", "und", "so", "also", "dann", "then", "mais", "pero", "ma"].contains(first)
    }

    /// Whether the printed line above `index` labels an author's box (`Autor`, `Über den Autor`,
    /// `About the author`).
    static func labelAbove(_ index: Int, _ text: [String]) -> Bool {
        guard let above = text[..<index].lastIndex(where: { !$0.isEmpty }), text[above].utf8.count <= 24 else { return false }
        let lower = text[above].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        return ["autor", "autorin", "author", "auteur", "über den autor", "über die autorin", "about the author", "zur person"].contains(lower)
    }

    /// A role on its own line (`Chefredakteur`, `Senior Writer`, `Redakteur für Wirtschaft und
    /// Umwelt`): roles and desks up to a preposition, a role among them. A menu's items that hold a
    /// role's word (`Developer Edition`, `Public Editor`, `Letters to the Editor`) are none.
    static func isRoleLine(_ line: String) -> Bool {
        guard let head = line.utf8.first, head >= 0x41 && head <= 0x5A || head >= 0xC3 else { return false }
        // Cheap first: the line opens with a role or a desk (one lower-cased copy of the word says
        // when it cannot, as for most lines).
        let opening = String(line[..<(line.utf8.firstIndex(of: 0x20) ?? line.endIndex)].trimmingPunctuation())
        guard mayBeRoleOrDesk(opening), isRole(opening) || isDesk(opening) else { return false }
        let words = line.split(separator: " ")
        var sawRole = false
        for (index, word) in words.enumerated() {
            let bare = Byline.titleCased(String(word.trimmingPunctuation()))
            if ["For", "Für", "At", "Bei", "De", "Du", "Of", "Der", "Des", "Im", "In", "Und", "And"].contains(bare) { break }
            if isRole(bare) {
                sawRole = true
            } else if !isDesk(bare) {
                // `Periodista Judicial`, `Redakteurin Politik`: a role other than a byline's English
                // ones, then its field, as the last of two words (a menu's `Developer Edition`,
                // `Blogger Stories`, `Author Login` are none).
                let role = Byline.titleCased(String(words[0]))
                return sawRole && index == 1 && words.count == 2 && !Byline.roles.contains(role) && role != "Author" && role != "Blogger"
                    && word.first?.isUppercase == true && word.allSatisfy(\.isLetter)
            }
        }
        return sawRole
    }

    /// Whether `isRole(word) || isDesk(word)` may hold: the word lower-cased is a role's or a desk's,
    /// or ends as a German role does (both compare the title-cased word with title-cased words, so
    /// the lower-cased forms agree).
    static func mayBeRoleOrDesk(_ word: String) -> Bool {
        let lower = word.lowercased()
        return roleOrDeskForms.contains(lower) || Byline.isGermanRole(lower)
    }

    /// The roles', desks' and chief officers' words lower-cased (those written title-cased or in
    /// capitals, which are the only ones `isRole` and `isDesk` can match).
    static let roleOrDeskForms: Set<String> = Set(
        roleWords.union(Byline.desks).filter { $0 == Byline.titleCased($0) }.map { $0.lowercased() }
            + chiefOfficers.map { $0.lowercased() } + deputyWords.map { $0.lowercased() })

    /// The German for deputy and leading, which go before a role (`isDesk`).
    static let deputyWords: Set<String> = ["Stellvertretende", "Stellvertretender", "Leitende", "Leitender"]

    /// A word that goes before a role: a byline's desks, and the German for deputy and leading
    /// (`Stellvertretende Pressesprecherin`).
    static func isDesk(_ word: String) -> Bool {
        Byline.desks.contains(Byline.titleCased(word)) || deputyWords.contains(word)
    }

    /// A name that reads as a person's: a known first name, or no word that opens sentences
    /// (`Unsere Themen`, `Doch Moreno`) and none newsd knows as a place's, an organisation's or a
    /// role's (`Berlin`, `Ministry`).
    static func isPersonShaped(_ name: String) -> Bool {
        if let first = name.split(separator: " ").first, Gazetteer.bylineFirstNames.contains(String(first)) { return true }
        return !startsAsProse(name) && wordsCouldBeAName(name)
    }

    /// Whether no word of `name` is one newsd knows as a place's, an organisation's, a role's or a
    /// people's (`Berlin`, `Ministry`, `Minister`, `German`), nor a word that is never a name.
    static func wordsCouldBeAName(_ name: String) -> Bool {
        let notAPersons: WordInfo.Flags = [.notName, .organisationHead, .roleNoun, .place, .demonym]
        return name.split(separator: " ").allSatisfy { word in
            let info = WordInfo.of(String(word))
            return info.flags.isDisjoint(with: notAPersons) && info.hitIndex < 0
        }
    }

    /// Words that open a sentence about someone already named (`She is a reporter …`).
    static let pronouns: Set<String> = [
        "he", "she", "it", "we", "i", "you", "they", "this", "that", "there", "who", "which", "er", "wir", "ich", "du",
        "man", "dies", "das", "elle", "nous", "je", "on", "ce", "ella", "yo", "esto", "eso", "lui", "lei", "questo",
    ]

    /// Words that open a section's or a menu's label, not a name (`Unsere Themen`, `Our Team`).
    static let determiners: Set<String> = [
        "unsere", "unser", "unseren", "meine", "mein", "deine", "our", "my", "your", "all", "alle", "weitere", "more",
        "nos", "notre", "nuestros", "nuestras", "nuestro", "i", "les", "los", "las", "the",
    ]

    /// What a note on an author says after the name: a verb of what the person does, and a role
    /// within its first words (`is a senior writer for`, `ist Redakteurin bei`, `lehrt Geschichte
    /// der Neuzeit`).
    static func isBio(_ rest: Substring) -> Bool {
        guard opensWithBioVerb(rest) else { return false }
        let words = rest.prefix(160).split(separator: " ").prefix(10).map { String($0.trimmingPunctuation()) }
        guard let verb = words.first?.lowercased() else { return false }
        // Who teaches is an academic's note; who writes or covers may be a story's sentence
        // (`Moreno schreibt, er könne nicht teilnehmen`) unless a role follows.
        if ["lehrt", "teaches", "covers"].contains(verb) { return true }
        // `writes about …`, `schreibt für …`; not `schreibt, er könne …`.
        if ["writes", "schreibt"].contains(verb), !rest.hasPrefix(verb + ","), words.count > 1,
            ["about", "for", "über", "für", "on"].contains(words[1].lowercased())
        {
            return true
        }
        return words.dropFirst().contains { isRole($0) }
    }

    /// Whether `rest`'s first word is a verb a note opens with (`isBio`'s first test, alone: what
    /// is tried on every line that holds such a verb before the costlier look at the name).
    static func opensWithBioVerb(_ rest: Substring) -> Bool {
        let word = rest.prefix(160).drop { $0 == " " }.prefix { $0 != " " }
        return !word.isEmpty && noteVerbs.contains(word.trimmingPunctuation().lowercased())
    }

    /// The verbs a note about an author opens with after the name.
    static let noteVerbs: Set<String> = ["is", "ist", "est", "es", "writes", "schreibt", "lehrt", "teaches", "works", "arbeitet", "covers"]

    /// The verbs `isBio` reads, spaced, to find a note's line cheaply.
    static let bioVerbs = [" is ", " ist ", " est ", " es ", " lehrt ", " teaches ", " covers ", " writes ", " schreibt ", " works ", " arbeitet "]

    /// `bioVerbs`, looked for in one pass.
    static let bioVerbNeedles = ByteNeedles(bioVerbs)

    /// Whether a word names a role an author's box prints: a byline's role (`Writer`), one of the
    /// other languages' below, or a German role by its ending (`Chefredakteurin`, `Werkstudentin`).
    static func isRole(_ word: some StringProtocol) -> Bool {
        roleWords.contains(Byline.titleCased(String(word))) || Byline.isGermanRole(word.lowercased()) || word.utf8.count == 3 && chiefOfficers.contains(word.uppercased())
    }

    /// A firm's chief officers, as their initials are printed (`Gina Trapani CEO`).
    static let chiefOfficers: Set<String> = ["CEO", "CTO", "CFO", "COO", "CMO"]

    /// Roles an author's box names besides a byline's, in French, Spanish, Italian and English.
    static let roleWords: Set<String> = Byline.roles.union([
        "Journaliste", "Rédacteur", "Rédactrice", "Correspondant", "Correspondante", "Periodista", "Redactor", "Redactora",
        "Corresponsal", "Giornalista", "Professor", "Author", "Blogger",
    ])

    /// How a note on the author opens when it does not repeat the name (`Die Autorin ist …`,
    /// `The author is …`), lower-cased: the verb follows.
    static let authorNoteOpenings = ["der autor ", "die autorin ", "the author ", "l'auteur ", "l’auteur ", "l'autrice ", "el autor ", "la autora "]

    /// Links to an author's other pieces, below the name in a box.
    static let moreFromOpenings = [
        "alles von ", "alle artikel", "alle beiträge", "mehr von ", "weitere artikel", "weitere beiträge", "more from ",
        "more by ", "view all posts", "all posts by ", "see all ", "plus d'articles", "tous les articles", "más de ",
    ]
}
