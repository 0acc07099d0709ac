import Foundation
import NewsCore

/// The headline among what a page offers: its metadata's title, its `<title>` (often wrapped in the
/// site's name and sections), and its headings. The story's opening words settle between them: a
/// headline shares words with the story it heads, a site's or a menu's name does not.
extension MainContent {
    /// `withoutKicker` against each title the page states: its headline and its social card's (a
    /// JSON-LD headline often keeps the kicker as printed, `"Es wird bald beginnen": Trump spricht …`,
    /// where `og:title` leaves it out).
    static func withoutKicker(_ headline: String, metadata: PageMetadata) -> String {
        withoutKicker(withoutKicker(headline, stated: metadata.title), stated: metadata.socialTitle)
    }

    /// The stated title when a headline is that title with up to six words before it: a kicker the
    /// page prints in its heading and leaves out of the title it states (`Neue Leipziger Schule: Judy
    /// Lybke, ganz und gar nicht eigenartig` printed, `Judy Lybke, …` stated; a kicker's span run
    /// into the headline's, `"Es wird bald beginnen"Trump spricht …`), set off by a mark, not by a
    /// space alone. The stated title has three words or more.
    static func withoutKicker(_ headline: String, stated: String?) -> String {
        guard let stated else { return headline }
        let isWordCharacter = { (c: Character) in c.isLetter || c.isNumber }
        let printed = headline.split { !isWordCharacter($0) }
        let title = stated.lowercased().split { !isWordCharacter($0) }
        guard title.count >= 3, printed.count > title.count, printed.count - title.count <= 6,
            printed.suffix(title.count).map({ $0.lowercased() }).elementsEqual(title.map(String.init))
        else { return headline }
        // The kicker is set off by a mark (`:`, a dash, a quotation mark, a hyphen), not by a space
        // alone: `Officials Eyeing Possible Tsunami Debris off Wash.` is one headline that a social
        // card shortened.
        let cut = printed[printed.count - title.count].startIndex
        let before = headline[printed[printed.count - title.count - 1].endIndex..<cut]
        return before.contains(where: { !$0.isWhitespace }) ? stated : headline
    }

    /// The headline: metadata's, trimmed of a site name the page's own heading does not carry, else
    /// the part of the `<title>` the story repeats, else the heading (or short line `above` the story)
    /// the story repeats, else the first heading. A metadata title that names only the site (`Edmonton Sun`), a heading that is
    /// only a date (`01-14-2008 15:45`) and a `<title>` of the site alone are passed over.
    ///
    /// A page's only `<h1>` that the headline so chosen holds with more around it (`Chronik: Lotte
    /// Tobisch ist tot` over `Lotte Tobisch ist tot`, `Rutger Bregman: Unser wahres Ich - brand eins
    /// online` over `Unser wahres Ich`) is the headline: what is around it is a kicker, a section
    /// or the site.
    ///
    /// This is the headline as the page prints it when it prints it; one that is the stated title
    /// with a kicker before it, the stated title without one, gives way to the stated title
    /// (`withoutKicker(_:metadata:)`, which the caller applies).
    static func printedOrStated(
        metadata: PageMetadata, headings allHeadings: [String], inHeaders: [String], onlyH1: String?,
        firstH1: String?, above: (before: [String], inside: [String]), opening: Set<String>
    ) -> String? {
        let (chosen, statedOnly) = chosenHeadline(metadata: metadata, headings: allHeadings, inHeaders: inHeaders, above: above, opening: opening)
        guard let chosen else { return nil }
        let k = key(chosen)
        // A title the metadata or the `<title>` states and no heading prints is often the one
        // written for search engines and social cards (`Jennifer Aniston on Leaving the Tags on Her
        // Coat`); the page's `<h1>` is the headline its readers see (`… Her Céline Coat: 'I Wore It
        // for Weeks'`) when it has two words or more, is not the site's name, the story repeats a
        // third of its words and nearly as many as the stated title's (`Read more`, `Detailansicht`
        // and `Navigation und Service` are no headline),
        // and unless it holds the stated title with more around it (a kicker, a date or the site:
        // `Tunesien Große Aufgaben für die neue Regierung`).
        // An `<h1>` that prints every word of the stated title with more between them is the fuller
        // form of the same headline, whatever the story repeats (`… No Longer In The Running To
        // Become Donald Trump’s Secretary Of State` printed, `… For Secretary Of State` stated).
        func printedWins(_ h1: String) -> Bool {
            let hk = key(h1)
            guard statedOnly && !hk.isEmpty && !hk.contains(k) && hk != metadata.source.map(key) && wordsIn(h1) >= 2 else {
                return false
            }
            if printsWithMore(h1, chosen) { return true }
            return opening.count >= 20
                && Self.share(h1, opening) >= 0.34 && Self.share(h1, opening) + 0.1 >= Self.share(chosen, opening)
        }
        // `Penny - Stardew Valley Wiki` stated, `<h1>Penny</h1>` printed: the page's `<h1>` that is the
        // stated title's first or last part is the headline, the rest the site's name or its section,
        // however long (`Bielersee-Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin`),
        // when the story's opening repeats half its words, or as many as it repeats of the rest
        // (`„Unermüdlicher Einsatz“ - Die Neue Südtiroler Tageszeitung`, neither repeated: the longer
        // site's name was taken).
        if statedOnly, let h1 = (onlyH1 ?? firstH1).map(withoutTrailingDate), !isOnlyADate(h1),
            let title = metadata.title, isSeparatedPart(h1, of: title), case let hk = key(h1), hk.count >= 3,
            !hk.contains(k), hk != metadata.source.map(key), !describesASite(h1),
            opening.count < 20 || Self.share(h1, opening) >= min(0.5, Self.share(chosen, opening))
        {
            return h1
        }
        // `<title>Hund vertreibt Einbrecher – Zeugenaufruf – Hildesheimer Presse</title>` trimmed to its
        // first part, `<h1>` printing the first two: the `<title>` is the `<h1>` and the site's name,
        // and the `<h1>` the headline whole.
        if statedOnly, let h1 = (onlyH1 ?? firstH1).map(withoutTrailingDate), !isOnlyADate(h1),
            let document = metadata.documentTitle, case let hk = key(h1), hk.count > k.count, hk.contains(k),
            isSeparatedPart(h1, of: document), !describesASite(h1)
        {
            return h1
        }
        guard let onlyH1, !isOnlyADate(onlyH1) else {
            // Of several `<h1>`s, the first (outside the page's furniture) the same way.
            if onlyH1 == nil, let firstH1, !isOnlyADate(firstH1), case let h1 = withoutTrailingDate(firstH1), printedWins(h1) { return h1 }
            return chosen
        }
        let h1 = withoutTrailingDate(onlyH1)
        let hk = key(h1)
        if !hk.isEmpty && hk.count < k.count && k.contains(hk) { return h1 }
        if statedOnly, k.count >= 8, hk.count > k.count, hk.hasPrefix(k), Self.goesOnInWords(onlyH1, after: chosen) { return h1 }
        return printedWins(h1) ? h1 : chosen
    }

    /// Whether a printed headline that opens with the stated one goes on in words only: no more
    /// digits and no more separators than the stated title has (not a count, a stamp or the site's
    /// sections run on: `… 149 Comments`, `… Politics news, Updated Nov 06, 2012`, `… - House Sell -
    /// Sales`).
    static func goesOnInWords(_ printed: String, after stated: String) -> Bool {
        func digits(_ text: String) -> Int { text.utf8.count { $0 >= 0x30 && $0 <= 0x39 } }
        func separators(_ text: String) -> Int {
            // ` · ` also as the Greek ano teleia (U+0387), which Foundation's search takes for it.
            [" - ", " – ", " | ", " • ", " · ", " \u{0387} ", " :: "].reduce(0) { $0 + text.parts(separatedBy: $1).count - 1 }
        }
        return digits(printed) <= digits(stated) && separators(printed) <= separators(stated)
    }

    /// Whether `printed` holds every word of `stated` (three words or more, common words not
    /// counted) and more words than it.
    static func printsWithMore(_ printed: String, _ stated: String) -> Bool {
        var words = Set<String>()
        var counted = 0
        TitleRanker.forEachWord(in: printed) { words.insert($0) }
        TitleRanker.forEachWord(in: stated) { word in
            if !LineFeatures.stopWords.contains(word) { counted += 1 }
        }
        return counted >= 3 && wordsIn(printed) > wordsIn(stated) && share(stated, words) == 1
    }

    /// The share of a text's words the story repeats (`opening`), common words (`the`, `and`) not
    /// counted.
    static func share(_ text: String, _ opening: Set<String>) -> Double {
        var total = 0
        var found = 0
        TitleRanker.forEachWord(in: text) { word in
            guard !LineFeatures.stopWords.contains(word) else { return }
            total += 1
            if opening.contains(word) { found += 1 }
        }
        return total == 0 ? 0 : Double(found) / Double(total)
    }

    /// The headline by the rules above, before the page's only `<h1>` is weighed against it, and
    /// whether it is the metadata's title or the `<title>` (trimmed) that no heading prints.
    private static func chosenHeadline(
        metadata: PageMetadata, headings allHeadings: [String], inHeaders: [String],
        above: (before: [String], inside: [String]), opening: Set<String>
    ) -> (String?, statedOnly: Bool) {
        let headings = allHeadings.filter { !isOnlyADate($0) }.map(withoutTrailingDate)
        // Enough of the story to judge by, in words written with spaces between them.
        let judged = opening.count >= 20
        func share(_ text: String) -> Double { Self.share(text, opening) }
        func spaced(_ text: String) -> Bool {
            let ascii = text.utf8.lazy.filter { $0 < 0x80 }.count
            return ascii * 2 > text.utf8.count
        }
        let document = metadata.documentTitle.flatMap { $0.isEmpty || $0.count > 400 ? nil : $0 }

        // A site's description of itself (`Providence, Rhode Island News, Weather, Traffic and Sports`)
        // that the story does not repeat is no headline.
        func describesTheSite(_ text: String) -> Bool { describesASite(text) && (!judged || share(text) < 0.5) }

        // A heading that is the first or the last part of a title, between separators, and neither
        // the site's name nor its description.
        let site = metadata.source.map(key) ?? ""
        func separatedPart(of title: String) -> String? {
            let k = key(title)
            return headings.prefix(8).first { h in
                let hk = key(h)
                guard hk.count >= 3, hk.count < k.count, hk != site, !describesASite(h) else { return false }
                guard !judged || share(h) >= 0.5 else { return false }
                return Self.isSeparatedPart(h, of: title)
            }
        }

        if var title = metadata.title, !title.isEmpty {
            if let document, let full = completed(title, from: document) { title = full }
            // `<meta name="title" content="Edmonton Sun">`: no word of it in the story, where the
            // `<title>` has some.
            // (A title a heading prints whole is the page's own, however little the story's opening
            // repeats it: `Unstillbares Heimweh` over an essay, `<title>` `Unstillbares Heimweh – tell`.)
            let k = key(title)
            let printedWhole = headings.contains { key($0) == k } || inHeaders.contains { key($0) == k }
            let namesTheSite = judged && spaced(title) && share(title) == 0 && document.map { share($0) > 0 } == true
                && !printedWhole
                || describesTheSite(stripSiteName(title, source: metadata.source))
            if !namesTheSite {
                // The page's headings, then those of an article's header (`<article><header><h1>`),
                // which are set aside with the header's other furniture.
                let printed = headings + inHeaders.filter { !isOnlyADate($0) }.map(withoutTrailingDate)
                let keys = printed.map(key)
                if let j = keys.firstIndex(of: k) { return (printed[j], false) }
                // `Headline | Site`, `Headline (Published 2016)`: the heading is the headline.
                if let j = keys.firstIndex(where: { !$0.isEmpty && k.hasPrefix($0) && $0.count * 2 > k.count }) {
                    return (printed[j], false)
                }
                return (statedTitleStripped(title, source: metadata.source, document: document, printed: keys), true)
            }
        }
        if let document {
            // The longest heading the `<title>` holds is the headline (`Site: Headline`, `Headline - Site`).
            let k = key(document)
            let held = headings.compactMap { h -> (heading: String, length: Int)? in
                let hk = key(h)
                let length = hk.count
                return length >= 12 && k.contains(hk) && h.split(separator: " ").count >= 3 ? (h, length) : nil
            }
            if let best = held.max(by: { $0.length < $1.length }) { return (best.heading, false) }
            // A shorter heading that is the `<title>`'s part before or after a separator (`Jens Weber`
            // in `mediaarchitecture.de // » Jens Weber`, `maudlin` in `A.Word.A.Day --maudlin`, `Emden`
            // in `Emden - Sehenswürdigkeiten Attraktionen`): the headline, when it is not the site's
            // name and the story repeats its words.
            if let part = separatedPart(of: document) { return (part, false) }
            // `Site: Headline`, `Section - Headline`: the page prints the end of its `<title>` alone
            // in a styled line above the story (`<b>Trio set for Derby debuts</b>`), and what stands
            // before it is shorter and ends in a separator (`IOL: `, `Site - `), not in a word or a
            // comma (the end of `Post title - Blog Name`, printed in the blog's header, is the site's).
            let printedEnd = (above.before + above.inside).compactMap { line -> (line: String, length: Int)? in
                let lk = key(line)
                guard lk.count >= 12, lk.count < k.count, k.hasSuffix(lk), line.split(separator: " ").count >= 3,
                    let at = document.range(of: line, options: [.caseInsensitive, .backwards])
                else { return nil }
                let before = document[..<at.lowerBound]
                let gap = before.reversed().prefix { $0 == " " || $0 == "\t" }
                let head = before.dropLast(gap.count)
                let separated = gap.contains("\t") || gap.count >= 2 || head.last.map { ":-|–—»·/>".contains($0) } == true
                return separated && head.split(separator: " ").count < line.split(separator: " ").count ? (line, lk.count) : nil
            }
            if let best = printedEnd.max(by: { $0.length < $1.length }) { return (best.line, false) }
            var stripped = stripSiteName(document, source: metadata.source)
            guard judged, spaced(document) else { return (stripped, false) }
            // `Site / Network - City News, Weather and Sports | Headline`: the part the story repeats,
            // when the others share clearly less with it.
            let parts = titleParts(document, source: metadata.source).filter { $0.split(separator: " ").count >= 3 && !isOnlyADate($0) }
            if describesTheSite(stripped) {
                // The site's description: another part the story repeats, else a heading it repeats.
                let others = parts.filter { !describesASite($0) }
                if let best = others.max(by: { share($0) < share($1) }), share(best) >= 0.34 { return (best, false) }
                if let heading = storyLine(headings.filter { !describesASite($0) }, above, share: share, floor: 0.4) {
                    return (heading, false)
                }
            }
            if stripped == document, parts.count > 1, !goesOnInLowerCase(parts), let best = parts.max(by: { share($0) < share($1) }), share(best) >= 0.5,
                parts.allSatisfy({ $0 == best || share($0) + 0.25 <= share(best) })
            {
                stripped = best
            }
            // A `<title>` that names only the site or section (`The Sports Network - National Hockey
            // League`) shares few words with the story and none with the page's headings; a heading
            // whose words the story repeats is its headline.
            let echoed = headings.contains { h in
                guard h.split(separator: " ").count >= 3 else { return false }
                var shared = 0
                TitleRanker.forEachWord(in: h) { if k.contains($0) { shared += 1 } }
                return shared >= 2
            }
            // A `<title>` of names only (`The Sports Network - National Hockey League`: no part over
            // four words) holds no headline when a heading the story repeats is there.
            let namesOnly = parts.count > 1 && parts.allSatisfy { $0.split(separator: " ").count <= 4 }
            if namesOnly, !echoed, let heading = storyLine(headings, above, share: share, floor: 0.5) {
                return (heading, false)
            }
            if share(stripped) < 0.34, !echoed, let heading = storyLine(headings, above, share: share, floor: share(stripped) == 0 ? 0.4 : 0.5) {
                return (heading, false)
            }
            // A `<title>` of two to four words, none of its parts over three (`Press TV`,
            // `SportsAustralia.com :: News Article`), that no heading prints, over a heading of four
            // words of letters or more the story repeats (`'No exceptions to settlement freeze'`): the
            // site's or the section's name over the story's headline, however much the story names
            // the site itself (`… told Press TV`). (A one-word `<title>`, `Hope!`, is as often the
            // headline; a date's heading, `JANUARY 13TH, 2005 | ARCHIVE`, is none.)
            // (`parts` holds the parts of three words or more.)
            let titleWords = stripped.split(separator: " ").count
            let strippedKey = key(stripped)
            if titleWords >= 2, titleWords <= 4, parts.allSatisfy({ $0.split(separator: " ").count <= 3 }),
                !headings.contains(where: { key($0).contains(strippedKey) }),
                let heading = storyHeading((headings + above.before).filter { Self.lettersOnlyWords($0) >= 4 }, share: share, floor: 0.5)
            {
                return (heading, false)
            }
            return (stripped, true)
        }
        // No `<title>`: the first heading, unless the story does not repeat it and repeats another.
        if judged, let first = headings.first, share(first) < 0.2, let heading = storyLine(headings, above, share: share, floor: 0.5) {
            return (heading, false)
        }
        if headings.isEmpty, judged, let line = storyLine([], above, share: share, floor: 0.5) { return (line, false) }
        return (headings.first, false)
    }

    /// A stated title (`og:title`, JSON-LD) without its site's name (`stripSiteName`), when the
    /// `<title>` ends or opens with each part cut off after the headline too (`Headline | Site`
    /// stated and in the `<title>`): a part that only the stated title has after a separator is the
    /// headline's own (`This County Criminalized Students for Bad Grades – Until Now`, whose
    /// `<title>` ends in `| American Civil Liberties Union`). The site's stated name is cut wherever
    /// it stands; with no `<title>`, and before the headline, as `stripSiteName` cuts. A stated title
    /// of two parts that the `<title>` holds whole, the site's name after it, stays whole, unless
    /// the part kept is `printed` as a heading of its own (keys).
    static func statedTitleStripped(_ title: String, source: String?, document: String?, printed: [String] = []) -> String {
        let stripped = stripSiteName(title, source: source)
        guard stripped != title, let document, !document.isEmpty else { return stripped }
        let documentKey = key(document)
        let strippedKey = key(stripped)
        let titleKey = key(title)
        // Only what follows the headline: a site or a section before it (`Fachmeldungen - …`) is cut
        // as before.
        let siteKey = source.map { key($0) } ?? ""
        // `Silver Society – The young old people` stated, its `<title>` the same and `| OTRSmag`: the
        // site put its name after the stated title, whose two parts are both the headline's (unless
        // the page prints the second alone as a heading: `Fachmeldungen - …` is a section).
        if documentKey.count > titleKey.count, isSeparatedPart(title, of: document),
            siteKey.isEmpty || !titleKey.contains(siteKey), !printed.contains(strippedKey),
            split(title, at: separators + [" : ", ": "], siteColon: siteKey).count == 2
        {
            return title
        }
        guard let after = titleKey.range(of: strippedKey)?.upperBound else { return stripped }
        let cut = split(title, at: separators + [" : ", ": "], siteColon: siteKey).map(key)
            .filter { !$0.isEmpty && !strippedKey.contains($0) && titleKey[after...].contains($0) }
        // The site's name (`og:site_name`, the publisher) is cut wherever it stands.
        let sites = cut.allSatisfy {
            documentKey.hasSuffix($0) || documentKey.hasPrefix($0) || !siteKey.isEmpty && ($0.contains(siteKey) || siteKey.contains($0))
        }
        return sites ? stripped : title
    }

    /// Whether `part` opens or closes `title` with only separators (`|`, `-`, `»`, `:` …) and spaces
    /// between it and the rest, compared without case.
    static func isSeparatedPart(_ part: String, of title: String) -> Bool {
        let marks = CharacterSet(charactersIn: "|-–—:»«/·_>｜•")
        func separated(_ gap: Substring) -> Bool {
            let trimmed = gap.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && trimmed.unicodeScalars.allSatisfy(marks.contains)
        }
        if let r = title.range(of: part, options: [.caseInsensitive, .anchored]) {
            let rest = title[r.upperBound...]
            let gap = rest.prefix { !$0.isLetter && !$0.isNumber }
            return gap.count < rest.count && separated(gap)
        }
        if let r = title.range(of: part, options: [.caseInsensitive, .anchored, .backwards]) {
            let head = title[..<r.lowerBound]
            let gap = head.reversed().prefix { !$0.isLetter && !$0.isNumber }
            return gap.count < head.count && separated(Substring(String(gap.reversed())))
        }
        return false
    }

    /// Whether a text is a site's description of itself rather than a headline (`TitleRanker`).
    static func describesASite(_ text: String) -> Bool { TitleRanker.describesASite(text) }

    /// How many of a text's words (between spaces) hold letters and no digit.
    static func lettersOnlyWords(_ text: String) -> Int {
        text.split(separator: " ").filter { word in word.contains(where: \.isLetter) && !word.contains(where: \.isNumber) }.count
    }

    /// The heading or line above the story the story repeats (`storyHeading`), the lines inside its
    /// first paragraph only when no heading or line above qualifies.
    private static func storyLine(
        _ headings: [String], _ above: (before: [String], inside: [String]), share: (String) -> Double, floor: Double
    ) -> String? {
        storyHeading(headings + above.before, share: share, floor: floor) ?? storyHeading(above.inside, share: share, floor: floor)
    }

    /// The heading of three content words or more (and at most thirty words) whose words the story's opening repeats most, when that
    /// share reaches `floor`.
    private static func storyHeading(_ headings: [String], share: (String) -> Double, floor: Double) -> String? {
        let shaped = headings.filter { heading in
            var content = 0
            TitleRanker.forEachWord(in: heading) { if !LineFeatures.stopWords.contains($0) { content += 1 } }
            return content >= 3 && heading.split(separator: " ").count <= 30
        }
        guard let best = shaped.max(by: { share($0) < share($1) }), share(best) >= floor else { return nil }
        return best
    }

    /// `Headline | Site`, `Site: Headline`, `Site > Section > Headline` → `Headline`: the longest part
    /// when the others are short or the site's name. A colon stays inside a headline (`Brexit: what
    /// happens next`, `Xbox One X review: a console that keeps up`) unless what stands before it is the
    /// site (`NDTV.com: …`) or colons make a trail; a part that goes on in lower case (`… - an async task framework`) is a
    /// subtitle, not a site. Text written without spaces (Chinese, Japanese) is measured in
    /// characters (`wordsIn`), and a site named after a full-width colon (`…が受賞：朝日新聞デジタル`)
    /// is cut there too.
    static func stripSiteName(_ title: String, source: String?) -> String {
        let siteKey = source.map { key($0) } ?? ""
        // Colons twice make a trail (`The Hindu : Business : Headline`, `Headline: Sport: Rugby:
        // Site`); ` : ` once is French typography, `: ` once part of the headline — but not in a
        // title written without spaces (`…第１戦 : スポーツ`).
        let trail = title.parts(separatedBy: ": ").count > 2 || !title.utf8.allSatisfy({ $0 < 0x80 }) && isUnspaced(title)
        let parts = split(title, at: separators + (trail ? [" : ", ": "] : []), siteColon: siteKey)
        guard parts.count > 1 else { return title }
        let words = wordsIn
        // A date is no headline (`Wochenbericht 14. - 20. Januar 2022 - SLF`).
        guard let longest = parts.max(by: { words($0) < words($1) }), !isOnlyADate(longest) else { return title }
        let rest = parts.filter { $0 != longest }
        let named = { (part: String) in !siteKey.isEmpty && key(part).contains(siteKey) }
        // Only cut when every other part is short (a site or section name), never inside a headline;
        // a short headline only from the site's own name (`atg 1700 - Pastebin.com`).
        guard words(longest) >= 3 || words(longest) >= 2 && rest.allSatisfy(named),
            rest.allSatisfy({ words($0) <= 4 || named($0) })
        else { return title }
        // A part that exclaims or asks (`… -- STOLEN!!!`) is the headline's, not a site's.
        if goesOnInLowerCase(parts) || rest.contains(where: { ($0.hasSuffix("!") || $0.hasSuffix("?")) && !named($0) }) { return title }
        return longest
    }

    /// A title's length in words: those between spaces, or for text written without them (Chinese,
    /// Japanese, full-width forms) a word for every three of its wide characters, whichever is more.
    static func wordsIn(_ text: String) -> Int { TitleRanker.wordsIn(text) }

    /// Whether most of a text's characters are wide ones (CJK, kana, full-width forms), written
    /// without spaces between words.
    static func isUnspaced(_ text: String) -> Bool {
        var wide = 0
        var total = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            total += 1
            if scalar.value >= 0x2E80 { wide += 1 }
        }
        return wide * 2 > total
    }

    /// Whether a part after the first opens in lower case with three words or more: a subtitle
    /// (`… - an async task framework`), not a site's name.
    private static func goesOnInLowerCase(_ parts: [String]) -> Bool {
        parts.dropFirst().contains { $0.split(separator: " ").count >= 3 && $0.utf8.first.map { (0x61...0x7A).contains($0) } == true }
    }

    /// A `<title>` cut at each separator a site puts around a headline.
    static func titleParts(_ title: String, source: String?) -> [String] {
        split(title, at: separators + [" : ", "- "], siteColon: source.map { key($0) } ?? "")
            .filter { $0.split(separator: " ").count >= 2 }
    }

    private static let separators = [" | ", " - ", " – ", " — ", " -- ", " :: ", " > ", " » ", " « ", " · ", " / ", "_", "｜"]

    /// The parts between separators, and after `Site: ` when the text before the colon is the site's
    /// name or a web address.
    private static func split(_ title: String, at separators: [String], siteColon siteKey: String) -> [String] {
        var parts = [title]
        // A part holds a separator only where the separator's bytes are (none of their characters is
        // canonically equivalent to another but the middle dot, which U+0387 is): a part without
        // them stays whole without asking Foundation.
        for separator in separators {
            parts = parts.flatMap { part -> [String] in
                if separator == " · " { return part.components(separatedBy: separator) }
                return part.containsUTF8(separator) ? part.parts(separatedBy: separator).map(String.init) : [part]
            }
        }
        // Text written without spaces puts its site after a bare `-` or `|` (`…英雄的城！-新华网`,
        // `NEWS WEB EASY|子どもへの…`): cut there when a wide character stands beside the mark, not
        // inside a Latin name or number (`COVID-19`).
        if isUnspaced(title) { parts = parts.flatMap(splitBesideWide) }
        parts = parts.flatMap { part -> [String] in
            guard let colon = part.utf8Range(of: ": ") else { return [part] }
            let head = part[..<colon.lowerBound]
            let headKey = key(String(head))
            let lowerHead = head.lowercased()
            let isSite = !siteKey.isEmpty && headKey.containsUTF8(siteKey)
                || [".com", ".net", ".org", ".co.", ".tv"].contains {
                    lowerHead.hasSuffix($0) || lowerHead.containsUTF8($0 + " ")
                }
            return isSite ? [String(head), String(part[colon.upperBound...])] : [part]
        }
        // `Headline：Site`: a full-width colon before the site's own name.
        if !siteKey.isEmpty, let last = parts.last, let colon = last.utf8Range(of: "：", backwards: true),
            key(String(last[colon.upperBound...])).containsUTF8(siteKey)
        {
            parts[parts.count - 1] = String(last[..<colon.lowerBound])
            parts.append(String(last[colon.upperBound...]))
        }
        return parts.map { PageArticle.clean($0) }.filter { !$0.isEmpty }
    }

    /// A stated title cut short, completed from the `<title>` when it goes on from it: `… califica a
    /// Biden de` where the `<title>` says `… Biden de "incapacitado"` (an attribute ended by the
    /// quotation mark it holds), a JSON-LD headline stopped mid-sentence at
    /// 110 characters (`… ei ole` before `otettu riittävästi huomioon” | Uusi Suomi`), or one ended in
    /// an ellipsis. The longer text must go on in lower case or with a quotation mark (a capital may
    /// open the site's name: `Headline Site`), or after the ellipsis; it is taken up to its next
    /// separator; a byline's opening word (`von`, `by`) is no continuation, nor letters run on to the
    /// last word without a space. Nil when `short` is no such cut.
    static func completed(_ short: String, from longer: String) -> String? {
        let (stem, ellipsis) = CutHeadline.stem(trimmedSpaces(short))
        guard wordsIn(String(stem)) >= 3, longer.count > stem.count + 1, longer.hasPrefix(stem) else { return nil }
        var rest = Substring(longer.dropFirst(stem.count))
        let word = rest.drop { $0 == " " }.prefix { $0 != " " }
        guard let next = word.first, ellipsis || rest.first == " " || !(stem.last?.isLetter ?? false),
            next.isLowercase && !bylineOpenings.contains(word.lowercased()) || "\"“”„«'‘’".contains(next) || ellipsis && (next.isLetter || next.isNumber)
        else { return nil }
        rest = CutHeadline.upToSeparator(rest, separators: separators + [" :: "])
        let full = PageArticle.clean(String(stem + rest))
        return full.count > stem.count ? full : nil
    }

    /// Words that open a byline after a title (`Spring in China von Alexey Kruglov`): no headline
    /// goes on with them.
    private static let bylineOpenings: Set<String> = ["by", "von", "par", "por", "door", "av", "af", "przez", "od"]

    /// A part cut at each ASCII `-` or `|` with a wide character (`isUnspaced`'s) on either side.
    private static func splitBesideWide(_ part: String) -> [String] {
        let scalars = Array(part.unicodeScalars)
        var parts: [String] = []
        var start = 0
        for k in scalars.indices where scalars[k] == "-" || scalars[k] == "|" {
            let before = k > 0 ? scalars[k - 1].value : 0
            let after = k + 1 < scalars.count ? scalars[k + 1].value : 0
            guard before >= 0x2E80 || after >= 0x2E80 else { continue }
            parts.append(String(String.UnicodeScalarView(scalars[start..<k])))
            start = k + 1
        }
        guard start > 0 else { return [part] }
        parts.append(String(String.UnicodeScalarView(scalars[start...])))
        return parts
    }

    /// A text that says only when (`01-14-2008 15:45`, `Tuesday January 15`): digits, month and
    /// weekday names, clock words, no other word.
    static func isOnlyADate(_ text: String) -> Bool {
        // ASCII without a digit has no number (most headings).
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x30 && $0 <= 0x39) }) { return false }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return isOnlyADate(ascii: text) }
        // A token is a number when its first character is one (`Character.isNumber`): without any
        // numeric scalar there is none.
        guard text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        var digits = false
        var other = false
        for token in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            if token.allSatisfy(\.isNumber) {
                digits = true
            } else if DateText.months[String(token)] == nil, !clockWords.contains(String(token)) {
                let stripped = token.drop(while: \.isNumber)
                if !["st", "nd", "rd", "th"].contains(String(stripped)) || stripped.count == token.count { other = true }
            }
        }
        return digits && !other
    }

    /// Whether a text holds a year of four digits (`1900`–`2099`), as a date stamp does and a score
    /// (`81-65`) or a count does not.
    static func namesAYear(_ text: String) -> Bool {
        var run = 0
        var value = 0
        let isYear = { run == 4 && (1900...2099).contains(value) }
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                run += 1
                // (Only a run's first five digits are summed: a longer one is no year, and a hostile
                // page's thousand digits would overflow.)
                if run <= 5 { value = value * 10 + Int(b - 0x30) }
            } else {
                if isYear() { return true }
                (run, value) = (0, 0)
            }
        }
        return isYear()
    }

    /// `isOnlyADate` for ASCII text, on the bytes: the tokens are the runs of letters and digits
    /// (lower-cased), as `Character`'s `isLetter` and `isNumber` cut ASCII.
    private static func isOnlyADate(ascii text: String) -> Bool {
        var digits = false
        var token: [UInt8] = []
        token.reserveCapacity(16)
        // Whether a token says something other than a date; false when it is fine.
        func other(_ token: [UInt8]) -> Bool {
            var leading = 0
            while leading < token.count, token[leading] >= 0x30 && token[leading] <= 0x39 { leading += 1 }
            if leading == token.count {
                digits = true
                return false
            }
            let word = String(decoding: token, as: UTF8.self)
            guard DateText.months[word] == nil, !clockWords.contains(word) else { return false }
            // `21st`: digits, then an ordinal's ending.
            guard leading > 0, token.count - leading == 2 else { return true }
            let (a, b) = (token[leading], token[leading + 1])
            return !(a == 0x73 && b == 0x74 || a == 0x6E && b == 0x64 || a == 0x72 && b == 0x64 || a == 0x74 && b == 0x68)
        }
        for b in text.utf8 {
            if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                token.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                token.append(b + 0x20)
            } else if !token.isEmpty {
                if other(token) { return false }
                token.removeAll(keepingCapacity: true)
            }
        }
        if !token.isEmpty, other(token) { return false }
        return digits
    }

    /// `Wurz joins Honda as test driver Thursday, 10, January, 2008, 09:14` → the headline without
    /// the stamp run on after it (three words at least stay). A date the headline's last words lead
    /// to is the headline's own (`LWN.net Weekly Edition for March 26, 2015`).
    static func withoutTrailingDate(_ text: String) -> String {
        guard text.utf8.count <= 300, text.utf8.last.map({ (0x30...0x39).contains($0) }) == true else { return text }
        let words = text.split(separator: " ")
        guard words.count >= 5 else { return text }
        // A date from word `k` on names a month or a weekday at or after `k`. The text ends with a
        // digit, so every run of words to its end holds a number, and a run that is only a date
        // stays one when shortened from the front: the longest is found from the end, a word at a time.
        guard let named = words.lastIndex(where: { namesAMonthOrDay($0) }), named >= 3 else { return text }
        var first: Int?
        var k = min(words.count - 2, named)
        while k >= 3, isOnlyADate(words[k...].joined(separator: " ")) {
            first = k
            k -= 1
        }
        guard let first else { return text }
        if leadingWords.contains(words[first - 1].lowercased()) { return text }
        return words[..<first].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;|-–—"))
    }

    /// Words after which a date belongs to the sentence (`… for March 26, 2015`, `… since May 2020`).
    private static let leadingWords: Set<String> = [
        "for", "of", "since", "until", "till", "from", "to", "by", "before", "after", "through", "ending", "week",
        "in", "on", "vom", "am", "im", "seit", "bis", "ab", "du", "au", "le", "del", "dal", "al", "van", "sinds",
    ]

    /// Whether a word is a month's or a weekday's name (a run of numbers alone is a score).
    private static func namesAMonthOrDay(_ word: Substring) -> Bool {
        guard word.utf8.contains(where: { $0 >= 0x41 }) else { return false }
        let w = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
        return DateText.months[w] != nil || weekdays.contains(w)
    }

    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// Words a stamp holds beside its numbers and month: weekdays, clock and zone words, labels.
    private static let clockWords: Set<String> = weekdays.union([
        "first", "last", "published", "updated", "posted", "modified", "on", "at",
        "a", "p", "m", "am", "pm", "pt", "et", "ct", "mt", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest",
    ])

    /// The words of the story's first paragraphs (up to 300), as the title model counts them.
    static func openingWords(_ blocks: [Block]) -> Set<String> {
        var words = Set<String>(minimumCapacity: 512)
        var count = 0
        for block in blocks where block.role == .paragraph && block.length > 0 && block.links * 2 <= block.length {
            TitleRanker.forEachWord(in: block.text) { word in
                words.insert(word)
                count += 1
            }
            if count >= 300 { break }
        }
        return words
    }
}
