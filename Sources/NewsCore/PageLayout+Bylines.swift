import Foundation

/// Bylines on a page: where they stand — near the headline, below a copy of it, a bare name beside a
/// stamp, the title bar. How one line reads as a byline is `PageLayout+BylineLines.swift`; the
/// fallbacks away from the headline are `PageLayout+AuthorBox.swift`.
extension PageLayout {
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
        if let found = authors(text: text, printed: printed, anchor: anchor, firstBody: firstBody, headline: headline) { return found }
        if let next = printed.next(after: anchor) {
            if let name = hanNameBeforeStamp(text[next]) { return (next, [name]) }
            // A handle beside the date, on the line right below the headline or the one after it.
            for index in [next, printed.next(after: next)].compactMap({ $0 }) {
                if let name = handleBesideDate(text[index]) { return (index, [name]) }
            }
        }
        if let headline {
            let copies = headlineCopies(headline, in: text).prefix(4).filter { $0 != anchor }
            for copy in copies {
                if let found = bylineBelow(copy, text: text) { return found }
            }
            // A dated name right below a copy (`Saibal Dasgupta / TNN / Updated: Oct 9, 2019` under
            // the second of three copies), once no copy has a byline.
            for copy in copies {
                if let found = datedNameBelow(copy, text: text, printed: printed) { return found }
            }
            // The headline printed in other words than the title's (`Kashmir issue: China snubs …`
            // over a printed `China snubs …`): the byline right below it, or a dated name there.
            for copy in nearHeadlineCopies(headline, in: text).prefix(4) where copy != anchor {
                if let found = bylineBelow(copy, text: text) ?? datedNameBelow(copy, text: text, printed: printed) { return found }
            }
        }
        return labelledByline(text) ?? authorBox(text) ?? titleBarByline(text) ?? hanLabelledByline(text)
    }

    /// Whether a printed line is a section's short name (four words at most, some in lower case, no
    /// sentence) right over the story's stamp (`Energie & Umwelt` / `26. Oktober 2023`).
    static func isSectionOverStamp(_ index: Int, text: [String], printed: PrintedLines) -> Bool {
        let line = text[index]
        // (A credit's agency, `AFP` under a caption, is in capitals.)
        guard line.utf8.count <= 40, Sentences.wordCount(line) <= 4, !TextExtractor.endsASentence(line), !isStamp(line),
            line.contains(where: \.isLowercase)
        else { return false }
        return printed.next(after: index).map { isStamp(text[$0]) } == true
    }

    /// A name and a date on the printed line right below a copy of the headline (`datedName`).
    private static func datedNameBelow(_ copy: Int, text: [String], printed: PrintedLines) -> (line: Int?, names: [String])? {
        guard let next = printed.next(after: copy), let name = datedName(text[next]) ?? nameAfterOutletAndDate(text[next]) else { return nil }
        return (next, [name])
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
            if opensWithBylineOpening(text[index].characterPrefix(20).lowercased()) || rank == 0 && !isStamp(text[index]) { break }
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
    private static func authors(
        text: [String], printed: PrintedLines, anchor: Int, firstBody: Int, headline: String?
    ) -> (line: Int?, names: [String])? {
        let reachAbove = 16
        // Six lines past the story's start; when the start was found above the headline (in the
        // page's furniture), ten below the headline: a picture, its caption and share buttons stand
        // between a headline and its byline.
        let reachBelow = firstBody > anchor ? printed.distance(anchor, min(firstBody, text.count - 1)) + 6 : 10
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
        // When the search starts at the story's first paragraph (no headline line above it), share
        // buttons and a picture's caption often stand between the byline above and the story.
        let bylineAbove = anchor >= firstBody ? 12 : 6
        for index in ordered where (printed.distance(index, anchor) <= bylineAbove || index > anchor) && text[index].utf8.count <= 200 {
            let line = text[index]
            if let names = byline(line) { return (index, names) }
            // `National, News | Published: 5 hours ago | Written by Eliaser Ndeyanale`: a line of the
            // story's facts whose last part is its byline.
            if line.utf8Range(of: " | ") != nil, case let last = String(lastPart(Substring(line))),
                opensWithBylineOpening(last.characterPrefix(20).lowercased()), let names = byline(last)
            {
                return (index, names)
            }
            // A one-word name after a bare opening (`By oradmin`, `von Kathrin`) where its place says
            // it is a byline: right below the headline, or beside a stamp.
            if line.utf8.count <= 60, opensWithBylineOpening(line.characterPrefix(20).lowercased()),
                index > anchor && printed.distance(index, anchor) == 1 || printed.around(index).contains(where: { isStamp(text[$0]) }),
                let names = byline(line, dated: true)
            {
                return (index, names)
            }
            // `por` alone on its line, or ending one (`Written on Mar 17 by`), the names on the next.
            if endsWithOpening(line), let next = printed.next(after: index), next <= index + 2,
                Sentences.wordCount(text[next]) <= 6, let names = byline("By " + text[next], dated: true)
            {
                return (next, names)
            }
        }
        // A `By …` line farther above the story's first paragraph, up to `reachAbove` printed lines,
        // when the search starts there: a row of share buttons (`Share`, `Copy`, `Email`, `Facebook`,
        // `X`, `Reddit`, … `Print`, `Read More`: the AP's thirteen) may stand between.
        if anchor >= firstBody {
            for index in ordered where index < anchor && printed.distance(index, anchor) > bylineAbove && text[index].utf8.count <= 200 {
                let line = text[index]
                if bylineWords.contains(where: line.characterPrefix(8).lowercased().hasPrefix), let names = byline(line) {
                    return (index, names)
                }
            }
        }
        // A name alone on its line (or before a date: `Dan Goodin - Apr 16, 2015`, `Mike Conley December
        // 18, 2020`), close to the headline, when something says it is a person's: a known first
        // name, or a date beside it.
        // Menu items (`Discount Codes`, `Middle East`, `Sign UP Now`) are shaped like names too.
        var undated: (line: Int?, names: [String])?
        for index in ordered where index != anchor && printed.distance(index, anchor) <= reachAbove {
            // `Gina Trapani CEO`, `Sam Stein Senior Politics Editor, The Huffington Post`: a name and
            // the author's role on one line under the headline (a standfirst and a stamp between).
            if index > anchor, printed.distance(index, anchor) <= 4, let name = nameBeforeRole(text[index]) { return (index, [name]) }
            // `Medical Daily 9/21/2016 Lizette Borreli`: a portal's outlet, day and author under the headline.
            if index > anchor, printed.distance(index, anchor) <= 2, let name = nameAfterOutletAndDate(text[index]) { return (index, [name]) }
            // `Artikel veröffentlicht am 28. April 2024, 14:26 Uhr, Tobias Költzsch`: the story's
            // labelled stamp and its author after the last comma, in the story's header or six printed
            // lines under the headline (a standfirst and buttons between).
            if index > anchor, index < firstBody || printed.distance(index, anchor) <= 6, let name = nameAfterLabelledStamp(text[index]) {
                return (index, [name])
            }
            var line = Substring(text[index])
            // A separator left at the line's end (`ET Online |`) is no part of a name.
            while let last = line.last, last == "|" || last == "·" || last == "•" { line = line.dropLast().trimmingSpaces() }
            // `11.12.2019 - Amelie Loevenich`, `September 17, 2019 Helmut Rubik 0`: the date before the name.
            let whole = line
            let datedBefore = withoutLeadingDate(&line)
            // `04.02.2022 | 13:10 Uhr | Uta Helkenberg`, `21. Jan 2022 // Dominik Ricker`: a separator
            // printed between the date and the name, as a stamp's layout does.
            let separatedFromDate = datedBefore && whole[..<line.startIndex].trimmingSpaces().last.map { "|/·•–—-".contains($0) } == true
            // `Par Nicolas Gutierrez C. le 14.09.2020`, `31. Oktober 2023 · Von Campact-Team`: a byline
            // the byline rules above did not take; its opening is no part of the name, which needs a
            // known first name (`By Clean Air - Cool Planet` is an organisation's).
            let head = line.prefix(20).lowercased()
            var opened = false
            if opensWithBylineOpening(head), let opening = bylineOpenings.first(where: head.hasPrefix) {
                line = line.dropFirst(opening.count).trimmingSpaces()
                opened = true
            }
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
                DateFinder.find(in: cutOff) != nil || printed.around(index).contains(where: { isStamp(text[$0]) }),
                let many = byline("By " + line), many.count >= 2,
                many.allSatisfy({ Gazetteer.bylineFirstNames.contains($0.split(separator: " ").first.map(String.init) ?? "") })
            {
                return (index, many)
            }
            // `Ibtisam Mahdi, Ruwaida Kamal Amer` / `Clara Löw, Siddharth Prakash & Klaus Jacob` right
            // over the stamp (or over a section's name over it: `Energie & Umwelt` / `26. Oktober
            // 2023`), close to the headline: every part a person's name.
            if line.utf8Range(of: ", ") != nil || line.utf8Range(of: " & ") != nil, abs(index - anchor) <= 4,
                printed.next(after: index).map({ isStamp(text[$0]) || isSectionOverStamp($0, text: text, printed: printed) }) == true
                    || text[..<index].lastIndex(where: { !$0.isEmpty }).map({ isStamp(text[$0]) }) == true,
                let many = byline("By " + line), many.count >= 2, many.count == namesParts(line),
                many.allSatisfy({ isPersonShaped($0) })
            {
                return (index, many)
            }
            // `John Patrick Pullen, TIME` / `Updated: Dec 15, 2016`: a person's name and, after its
            // comma, the agency or outlet the story comes from (an agency newsd knows, or a short word
            // in capitals), under the headline and right over the story's stamp.
            if index > anchor, printed.distance(index, anchor) <= 4, let name = nameBeforeAgency(line),
                printed.next(after: index).map({ isStamp(text[$0]) }) == true
            {
                return (index, [name])
            }
            var names = nameRun(line)
            // A toolbar (`Print Save EMail Write to Editor`) is no name before its buttons.
            if let cut = line[names.endIndex...].split(separator: " ").first?.lowercased(), buttons.contains(cut) { continue }
            // `26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar`, `September 17, 2019
            // Helmut Rubik 0`: a blog's line of a post's facts prints the comments' link or count
            // after its author.
            let commentsAfter = isCommentsLink(line[names.endIndex...].trimmingSpaces().lowercased())
            cutOff = String(line[names.endIndex...]) + cutOff
            while names.last == "," { names.removeLast() }
            // `John Plunkett. Updated …`: a full stop after a surname (not an initial's) goes.
            if names.last == ".", names.split(separator: " ").last.map({ $0.count > 2 }) == true { names.removeLast() }
            // A post's facts line right under the headline with a one-word name, a date and the
            // comments' link or count: the name first (`Paddy · April 19, 2019 · Mac · 7 comments`),
            // or a handle after the date (`28. Januar 2015 karstenruppert Schreibe einen Kommentar`;
            // a capitalised word there is a category as often).
            if index > anchor, printed.distance(index, anchor) <= 2, !names.contains(" "), let word = oneWordName(names),
                datedBefore ? commentsAfter && isHandle(names) : whole.hasPrefix(names) && DateFinder.find(in: cutOff) != nil
                    && isCommentsLink(lastPart(whole).lowercased()) && wordsCouldBeAName(word),
                !TitleRanker.sectionWords.contains(word.lowercased())
            {
                return (index, [word])
            }
            // `Redaktion 1. November 2023 10:29`, `Redaktion - 31. Januar 2022`, `ZDNet Japan Staff
            // 2019年04月28日`: a desk and the story's date right under the headline.
            // Or the desk alone on its line over the stamp (`Redaktion` / `am 3. Februar 2022 um 21:17`).
            // A desk's line of the site's name (`Redaktion Polizeiticker Schweiz`) beside the stamp too.
            let alone = names == whole.trimmingSpaces()
            if index > anchor, printed.distance(index, anchor) <= 2, !datedBefore,
                isDeskByline(String(names)) || alone && names.contains(" ") && isDeskLine(String(names)),
                DateFinder.find(in: cutOff) != nil || alone && printed.around(index).contains(where: { isStamp(text[$0]) })
            {
                return (index, [String(names)])
            }
            guard Sentences.wordCount(String(names)) <= 4, var name = Byline.cleanName(String(names)),
                !name.split(separator: " ").contains(where: { controls.contains($0.lowercased()) })
            else { continue }
            let first = name.split(separator: " ").first.map(String.init) ?? ""
            let nameWords = name.split(separator: " ")
            // Evidence of a person: a date or a handle beside the name, or a stamp (a date, `11 min
            // read`, `2 hours ago`) on the line before or after it, or a known first name. Menus are
            // full of short capitalised lines, so further from the headline (up to sixteen printed
            // lines: headers that stack the author's card above it) it takes more: a reading time or
            // a `Follow` button beside the name, or a known first name with a stamp beside it.
            let known = Gazetteer.bylineFirstNames.contains(first)
            if opened && !known { continue }
            // The lines right before and after it; for a first name newsd knows, the printed ones (a
            // renderer's blank line between blocks is no neighbour). A menu item next to a date
            // across a blank line (`Discount Codes`) is too common for any other name.
            let beside = known ? printed.around(index) : [index - 1, index + 1].filter { $0 >= 0 && $0 < text.count }
            let after = cutOff.trimmingCharacters(in: .whitespaces)
            // `Zimbili Vilakazi | Published 15 hours ago`: an age after the name dates it as a day does.
            let dated = datedBefore || DateFinder.find(in: cutOff) != nil || after.hasPrefix("@") || isStamp(after)
                || beside.contains { isStamp(text[$0]) }
            // A date before the name is no evidence alone: a category or a label follows a date as
            // often (`07.12.2022 Wissenschaft Atmosphäre Klima`, `04. November 2021 | PAID CONTENT`).
            if datedBefore && !known && !((separatedFromDate || commentsAfter) && printed.distance(index, anchor) <= 1) { continue }
            // After a date, with nothing after the names that ends them, a known first name and a
            // surname: a third word is as often the post's category (`Ulrike Stockhausen Kultur`).
            if datedBefore, known, !separatedFromDate, !commentsAfter, cutOff.allSatisfy({ $0 == " " }), nameWords.count > 2 {
                // Unless the page's menu prints that word alone on its line (`30. Oktober 2023 Carola
                // Pönisch Kultur` under a menu's `Kultur`): the category goes, the name stays.
                guard nameWords.count == 3, case let category = String(nameWords[2]),
                    text.contains(where: { $0.utf8.count == category.utf8.count && $0 == category })
                else { continue }
                name = nameWords[..<2].joined(separator: " ")
            }
            // A name newsd does not know needs words that could be a person's (no article, place,
            // organisation or role), and is no part of the headline or the site's name that opens or
            // closes the title bar (`Der Turm der Wünsche` over a date and the same headline, a blog's
            // name).
            if !known && (!wordsCouldBeAName(name) || isHeadingOrSite(name, headline: headline, text: text)) { continue }
            // A page's tags or topics name it (`Themen: Ehrenamt Jugendverbände`, `Schlagworte` over
            // `Pressemitteilung Aktuell Waffen …`): a category printed with the story's date.
            if isTagged(name, text: text) { continue }
            // `Georg N. am 10.4.2020`: a first name and an initial on a dated line sign a review or a
            // comment.
            if nameWords.count == 2, nameWords[1].count == 2, nameWords[1].hasSuffix("."), datedBefore || DateFinder.find(in: cutOff) != nil {
                continue
            }
            // A possessive is a heading's (`China’s Modus Operandi`), not a name's.
            if name.split(separator: " ").contains(where: { $0.hasSuffix("’s") || $0.hasSuffix("'s") }) { continue }
            // Between the headline and the story's first paragraph (the story's header), a name
            // newsd knows is near too.
            let inHeader = index > anchor && index < firstBody
            // `Headline` / `Stewart Perrie` / `Published 22:00, 11 July 2021 BST`: a name printed
            // under the headline (a standfirst and a caption may stand between) and right over a
            // story's stamp (a time, a label, a reading time: `Discount Codes` over a bare date is
            // a menu's), a role (`Felipe Morales Sierra` / `Periodista Judicial`), a desk's line
            // (`André Borbe` / `Redaktion Haus.de`) or the author's address (`Bruno Wendel` /
            // `bruno.cardoso@…`), blank lines between or not, is the story's header's byline when the line
            // is the name and nothing else (`Economic Stimulus Proposals` is a heading) and reads
            // as a person's (`Unser Bayern`, `FOCUS-Online-Experte Robin Tschöpe` do not). Over the
            // headline, a name and a stamp are a section's or a site's as often.
            // In the story's header, before its first paragraph, a video's length and title, a caption
            // or share and font buttons may push the name and its stamp further down (`01:53` / `Italia
            // muestra …` / `Un centro de recepción … Foto: …` / `María R. Sahuquillo` / `Bruselas - 15 oct
            // 2024 - 08:22 …`): there a story's stamp after it is enough.
            let below = printed.next(after: index).map { text[$0] }
            let overStamp = below.map(isStoryStamp) == true
            let overRoleOrAddress = below.map { $0.utf8.count <= 100 && isRoleLine($0) || isDeskLine($0) || isEmailAddress($0) } == true
            // Or right under the story's stamp in the story's header (`29.06.2023, 15:04 | Lesedauer: 7
            // Minuten` / `Anne-Kathrin Neuberg-Vural`, the WAZ's order).
            let underStamp = inHeader && printed.previous(before: index).map { $0 > anchor && isStoryStamp(text[$0]) } == true
            let underHeadline = index > anchor && (printed.distance(index, anchor) <= 4 || inHeader && (overStamp || underStamp))
                && (overStamp || underStamp || overRoleOrAddress) && name == String(Substring(text[index]).trimmingSpaces())
                && isPersonShaped(name) && !name.split(separator: " ").contains(where: { Byline.isGermanRole($0.lowercased()) })
            // `Mattias Geniar, April 19, 2020`: a name and, after its comma, a date and nothing else
            // is a byline's stamp, near the headline by printed lines too (a renderer's blank lines
            // between blocks do not push it away).
            let nameThenDate = whole.hasPrefix(name + ",")
                && DatelineParser.parse(whole.dropFirst(name.count + 1).trimmingBlanks()) != nil
            // `Nizaar Kinsella 2 minutes ago` under the headline, a standfirst and a caption: a stamp
            // after the name on its line counts the same way.
            // (A story's stamp or an age: a bare day after a section's name is a list's, `Premier League
            // Friday, Jan 11, 2008`.)
            let nameThenStamp = nameThenDate || index > anchor && !after.isEmpty && (isStoryStamp(after) || isAge(after))
            let close = abs(index - anchor) <= 4 || nameThenStamp && printed.distance(index, anchor) <= 4
            let near = close && (dated || known) || inHeader && known || underHeadline
            // `Nuño Domínguez` / `Twitter` / `19 FEB 2020 - 18:37 CET`: the author's profile link
            // between the name and the stamp.
            let profileThenStamp = printed.next(after: index).flatMap { link in
                socialNetworks.contains(text[link].lowercased()) ? printed.next(after: link) : nil
            }.map { isStamp(text[$0]) } == true
            let card = beside.contains { isReadingTime(text[$0]) || isFollow(text[$0]) } || known && dated || profileThenStamp
            guard near || card else { continue }
            // A known first name over the headline with nothing that dates it is a related story's
            // or a column's as often (`Amanda Marcotte` over a teaser's picture): a name under the
            // headline over the story's stamp, further down, is the story's own.
            if index < anchor, !dated, !card {
                if undated == nil { undated = (index, [name]) }
                continue
            }
            return (index, [name])
        }
        // `Verónica De Vita` / `miércoles, 4 de mayo de 2022 00:00 hs` next to the story's first
        // paragraph (over it, or under a standfirst taken for the story's start), however far share
        // buttons push it from the headline: a known person's name alone over the story's stamp.
        if undated == nil, firstBody > anchor, firstBody < text.count {
            let near = (max(anchor + 1, firstBody - 4)..<min(text.count, firstBody + 4)).filter {
                !text[$0].isEmpty && printed.distance($0, firstBody) <= 2
            }
            for index in near {
                // `Amelie Siekmann,` / `am Sonntag, 11.12.2022 - 05:00`: the comma that runs on into
                // the stamp goes.
                var line = Substring(text[index]).trimmingSpaces()
                if line.last == "," { line = line.dropLast() }
                if let name = PageArticle.signedName(String(line)),
                    printed.next(after: index).map({ isStoryStamp(text[$0]) }) == true
                {
                    return (index, [name])
                }
            }
        }
        return undated
    }

    /// A story's stamp opened by a publication label in its first three words (`Artikel veröffentlicht
    /// am 28. April 2024, 14:26 Uhr`, `Published March 3, 2024, 9:15 AM`) and, after its last comma, a
    /// name of two to four words that reads as a person's: the name, or nil.
    static func nameAfterLabelledStamp(_ line: String) -> String? {
        guard line.utf8.count <= 120, let comma = line.utf8Range(of: ", ", backwards: true) else { return nil }
        let stamp = String(line[..<comma.lowerBound])
        // The stamp from each of its first three words on, lower-cased once.
        let lower = stamp.lowercased()
        let openings = [lower[...]] + lower.indices.filter { lower[$0] == " " }.prefix(2).map { lower[lower.index(after: $0)...] }
        guard openings.contains(where: { opening in DatelineParser.publicationLabels.contains { opening.hasPrefix($0 + " ") } }),
            isStoryStamp(stamp)
        else { return nil }
        let name = String(line[comma.upperBound...].trimmingSpaces())
        guard (2...4).contains(name.split(separator: " ").count), Byline.cleanName(name) == name, isPersonShaped(name),
            wordsCouldBeAName(name)
        else { return nil }
        return name
    }

    /// `Jane Doe, Reuters`, `John Patrick Pullen, TIME`: a name of two to four words newsd could take
    /// for a person's (not a place's: `New Orleans, AP`), a comma, and an agency newsd knows or a word
    /// of three to six capitals. The name, or nil.
    static func nameBeforeAgency(_ line: Substring) -> String? {
        guard line.utf8.count <= 60, let comma = line.utf8Range(of: ", ") else { return nil }
        let source = line[comma.upperBound...].trimmingSpaces()
        // Three capitals or more: two are a state's code after a town as often (`New Orleans, LA`).
        let capitals = source.count >= 3 && source.count <= 6 && source.unicodeScalars.allSatisfy { Scalars.isUpper($0) }
        guard capitals || Byline.agencies.contains(source.lowercased()) else { return nil }
        let name = String(line[..<comma.lowerBound].trimmingSpaces())
        guard case 2...4 = name.split(separator: " ").count, !PageArticle.isPlace(name), let clean = Byline.cleanName(name),
            isPersonShaped(clean)
        else { return nil }
        return clean
    }

    /// A line that is a name of two or three words and a role after it, up to a comma (`Gina Trapani
    /// CEO`, `Sam Stein Senior Politics Editor, The Huffington Post`): the name. A role first (`Chief
    /// Washington Correspondent`), a place before the role (`Denis Staunton China Correspondent`) or a
    /// name newsd cannot tell from a heading's words is none.
    static func nameBeforeRole(_ line: String) -> String? {
        guard line.utf8.count <= 100, let head = line.utf8.first, head >= 0x41 && head <= 0x5A || head >= 0xC3 else { return nil }
        let upToComma = line.prefix { $0 != "," }
        let words = upToComma.split(separator: " ")
        guard words.count >= 3, words.count <= 7 else { return nil }
        for count in [2, 3] where words.count > count {
            let role = words[count...].joined(separator: " ")
            guard isRoleLine(role) else { continue }
            let head = words[..<count].joined(separator: " ")
            // `Denis Staunton China Correspondent`: a place of the role's is no part of the name.
            guard let name = Byline.cleanName(head), name == head, isPersonShaped(name), wordsCouldBeAName(name),
                !words[..<count].contains(where: { isRole($0) || isDesk(String($0)) })
            else { return nil }
            return name
        }
        return nil
    }

    /// Whether a line of the page's tags or topics holds `name`: a line that opens with a label of
    /// tags (`Tags:`, `Themen:`, `Schlagwörter:`), or the line after such a label alone.
    static func isTagged(_ name: String, text: [String]) -> Bool {
        var labelAlone = false
        for line in text where !line.isEmpty {
            defer { labelAlone = line.utf8.count <= 16 && isTagLabel(line[...]) }
            guard line.utf8.count <= 400, line.utf8.count > name.utf8.count, line.containsUTF8(name) else { continue }
            if labelAlone { return true }
            guard let colon = line.prefix(16).firstIndex(of: ":") else { continue }
            if isTagLabel(line[..<colon]) { return true }
        }
        return false
    }

    /// Whether a short piece of a line, colons and spaces around it aside, is one of `tagLabels`.
    static func isTagLabel(_ piece: Substring) -> Bool {
        let isEdge = { (c: Character) in c == ":" || c == " " || c == "\u{A0}" || c == "\t" }
        guard let first = piece.firstIndex(where: { !isEdge($0) }), let last = piece.lastIndex(where: { !isEdge($0) })
        else { return false }
        return tagLabels.contains(piece[first...last].lowercased())
    }

    /// Labels of a page's tags and topics.
    static let tagLabels: Set<String> = [
        "tags", "tagged", "topics", "themen", "thema", "schlagworte", "schlagwörter", "stichworte", "stichwörter",
        "kategorie", "kategorien", "rubrik", "categories", "category", "étiquettes", "mots-clés", "etiquetas", "temas",
    ]

    /// What follows a line's last ` · ` or ` | `, trimmed (the whole line when it has neither).
    static func lastPart(_ line: Substring) -> Substring {
        let cuts = [" · ", " | "].compactMap { line.utf8Range(of: $0, backwards: true)?.upperBound }
        guard let cut = cuts.max() else { return line.trimmingSpaces() }
        return line[cut...].trimmingSpaces()
    }

    /// Whether `name` is part of the headline, or the opening part of the page's title bar
    /// (`Silicon Exposed: Headline`, where a site's name stands): a heading's words, not a person's.
    static func isHeadingOrSite(_ name: String, headline: String?, text: [String]) -> Bool {
        let key = foldKey(name)
        guard !key.isEmpty else { return false }
        if let headline, foldKey(headline).containsUTF8(key) { return true }
        guard let first = text.firstIndex(where: { !$0.isEmpty }), text[first].utf8.count <= 300 else { return false }
        let bar = spacedPipes(text[first])
        // The part before the bar's first separator, whichever separator that is, and the part after
        // its last (`Headline - Handball Schweiz`, where the site's name closes the bar).
        let separators = [" | ", " - ", " – ", " — ", ": ", " :: ", " » ", " · "]
        let cuts = separators.compactMap { bar.utf8Range(of: $0)?.lowerBound }
        guard let cut = cuts.min() else { return false }
        if foldKey(String(bar[..<cut])) == key { return true }
        guard let end = separators.compactMap({ bar.utf8Range(of: $0, backwards: true)?.upperBound }).max() else { return false }
        return foldKey(String(bar[end...])) == key
    }

    /// `Headline | by Jane Doe | Site`: the `by` part of the page's first line (its window title);
    /// no line is the byline's own (the first line may still give the title).
    static func titleBarByline(_ text: [String]) -> (line: Int?, names: [String])? {
        guard let first = text.firstIndex(where: { !$0.isEmpty }), text[first].utf8.count <= 300 else { return nil }
        var parts = [Substring(text[first])]
        // Split only at the separators the line holds (Foundation's split is costly on every line).
        for cut in [" | ", " – ", " — ", " · ", " - "]
        where text[first].utf8Range(of: cut) != nil || cut == " · " && text[first].utf8Range(of: " \u{0387} ") != nil {
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
        guard Gazetteer.bylineFirstNames.contains(String(given)) || wordsCouldBeAName(owner) && header.contains(owner) else { return nil }
        for line in text.reversed() where line.utf8.count <= 200 && line.contains("©") {
            guard let mark = line.range(of: "©") else { continue }
            var after = line[mark.upperBound...].trimmingSpaces()
            while let c = after.first, c.isNumber || c == "-" || c == "–" || c == " " { after = after.dropFirst() }
            if after.hasPrefix(owner), after.dropFirst(owner.count).first.map({ !$0.isLetter }) ?? true { return (nil, [owner]) }
        }
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

    /// The non-empty lines right before and after `index`.
    func around(_ index: Int) -> [Int] {
        [previous(before: index), next(after: index)].compactMap { $0 }
    }

    /// The last non-empty line before `index`.
    func previous(before index: Int) -> Int? {
        var i = index - 1
        while i >= 0, text[i].isEmpty { i -= 1 }
        return i >= 0 ? i : nil
    }

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
