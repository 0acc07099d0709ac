import Foundation

/// An article whose structure a document's markup already states (an HTML page read by NewsHTML):
/// title, bylines, dates and blocks come sorted, so no line is guessed at; only the analysis that
/// every article gets (entities, quotes, language, word count, content hash) runs over it.
package struct PageArticle: Sendable, Equatable {
    /// Headline from the page's metadata or its heading.
    package var title: String?
    /// The outlet, from metadata (`og:site_name`, JSON-LD `publisher`).
    package var source: String?
    /// The canonical address of the page.
    package var url: String?
    /// Author names as the page states them (cleaned by `authorNames`).
    package var authors: [String] = []
    /// Normalised by `date(_:)`: an instant in UTC or a day.
    package var published: String?
    /// Same form as `published`.
    package var updated: String?
    /// ISO 639-1 code from `<html lang>` / `inLanguage`, or nil to detect it from the text.
    package var language: String?
    /// Summary bullets (a live blog's key points, a standfirst list).
    package var summary: [String] = []
    /// Section heads inside the body.
    package var subheadings: [String] = []
    /// For each of `subheadings`, how many of `body`'s paragraphs come before it (never fewer than
    /// the one before's): the article's body is its text in reading order, its subheadings among
    /// its paragraphs. A subheading without one comes after the last paragraph.
    package var subheadingPlacement: [Int] = []
    /// Body paragraphs in order (list items and block quotes included).
    package var body: [String] = []
    /// Figure captions.
    package var captions: [String] = []
    /// Embedded social posts.
    package var embeddedPosts: [Article.EmbeddedPost] = []
    /// `live` for a live blog.
    package var kind: Article.Kind = .article

    /// An empty page.
    package init() {}

    /// The page as an article after the same analysis as text gets, or nil when it holds no text.
    package func article(aliases: EntityAliases) -> Article? {
        let clean = { (lines: [String]) in lines.map(TextExtractor.clean).filter { !$0.isEmpty } }
        // Paragraphs and subheadings cleaned; a subheading's place counts the paragraphs left before
        // it (`kept[i]`: how many of the first `i` paragraphs are not empty once cleaned).
        let paragraphs = self.body.map(TextExtractor.clean)
        var kept = [0]
        kept.reserveCapacity(paragraphs.count + 1)
        for paragraph in paragraphs { kept.append(kept[kept.count - 1] + (paragraph.isEmpty ? 0 : 1)) }
        let body = paragraphs.filter { !$0.isEmpty }
        var subheadings: [String] = []
        var placement: [Int?] = []
        for (k, heading) in self.subheadings.map(TextExtractor.clean).enumerated() where !heading.isEmpty {
            let before = subheadingPlacement.indices.contains(k) ? subheadingPlacement[k] : paragraphs.count
            subheadings.append(heading)
            placement.append(kept[min(max(0, before), paragraphs.count)])
        }
        let summary = clean(self.summary)
        let captions = clean(self.captions)
        let title = self.title.map(TextExtractor.clean).flatMap { $0.isEmpty ? nil : $0 }
            ?? body.first.map { Sentences.first(of: $0) }
        guard title != nil || !body.isEmpty || !summary.isEmpty else { return nil }

        let parts = Article(
            title: title, source: source, url: url, authors: authors, published: published, updated: updated,
            summary: summary, subheadings: subheadings, body: body, captions: captions, embeddedPosts: embeddedPosts,
            kind: kind)
        return TextExtractor.analysed(
            parts, subheadingsBefore: placement, titleNamesEntities: true, language: language,
            aliases: aliases)
    }

    /// A date as metadata states it (ISO 8601, RFC 2822, `May 19, 2025`…) in the article's form: an
    /// instant in UTC, or the day when no time is given; nil when it is not a date, or when it is a
    /// placeholder a system writes for "no date": a year before 1800 (`0001-01-01T00:00:00Z`, the zero
    /// time of .NET and Go) or the Unix epoch itself (`1970-01-01T00:00:00Z`).
    package static func date(_ raw: String) -> String? {
        guard let value = JSONRecord.recordDate(TextExtractor.clean(raw)) else { return nil }
        guard let year = Int(value.prefix(4)), year >= 1800, !value.hasPrefix("1970-01-01T00:00:00"), value != "1970-01-01" else {
            return nil
        }
        return value
    }

    /// A whole line that is a (labelled) date stamp: `Published 19 May 2025 10:00 BST`.
    package static func stamp(_ line: String) -> (value: String, updated: Bool)? {
        guard let found = DatelineParser.parseLine(TextExtractor.clean(line)) else { return nil }
        return (found.value, found.label == .updated)
    }

    /// The days of a line that holds stamps and nothing else, labelled (`Published: … | Last updated:
    /// …`, `Last updated at 00:11am on 14th January 2008`), or nil for any other line.
    package static func labelledStamps(_ line: String) -> (published: String?, updated: String?)? {
        PageLayout.labelledStamps(TextExtractor.clean(line))
    }

    /// The names in an author field (`By A, B and C`, `A & B`): roles and agencies dropped.
    package static func authorNames(_ raw: String) -> [String] {
        let text = TextExtractor.clean(raw)
        if let (rest, companions) = Byline.companions(text) {
            var names = authorNames(rest)
            for name in companions where !names.contains(name) { names.append(name) }
            return names
        }
        if let names = Byline.parse(text) { return names }
        return Metadata.splitAuthors(text)
    }

    /// The names of a byline line (`By Jane Doe, Reuters`), or nil when the line is not one.
    package static func byline(_ line: String) -> [String]? {
        Byline.parse(TextExtractor.clean(line))
    }

    /// A page's rendered lines read as whole-page text, before the article's analysis, or nil when
    /// they hold no text or do not read as a whole page (menus and all), where its byline and date
    /// are looked for beside the headline.
    package static func textArticle(lines: [String], headline: String? = nil) -> Article? {
        guard let read = TextExtractor(lines: lines, metadata: Metadata(), aliases: .builtin, knownHeadline: headline).unanalysedArticle(),
            read.isPage
        else { return nil }
        return read.article
    }

    /// Whether a line is a summary's label (`Key Points`, `Summary`, `Highlights`, `At a glance`).
    package static func isSummaryHeader(_ line: String) -> Bool {
        TextExtractor.isSummaryHeader(line)
    }

    /// The authors a page's rendered lines name when read as whole-page text (`TextExtractor`).
    package static func pageAuthors(lines: [String], headline: String? = nil) -> [String] {
        TextExtractor.pageAuthors(lines: lines, headline: headline)
    }

    /// Whether a line is a byline's label alone, its names elsewhere (`Autor:`, `Written by`); not a
    /// bare preposition (`By`, `Von`), which menus print as well.
    package static func isBylineLabel(_ line: String) -> Bool {
        PageLayout.labelOpenings.contains(labelForm(line) + " ")
    }

    /// A line as labels are listed: clean, lower-cased, no space before a colon (`autor:`).
    private static func labelForm(_ line: String) -> String {
        let lower = TextExtractor.clean(line).lowercased()
        return lower.containsBytes(" :") ? lower.replacingOccurrences(of: " :", with: ":") : lower
    }

    /// Whether a line opens with a byline's label (`Author: Jacopo Cascioli`, `Autor:`), or is one
    /// without its colon (`Autor`, `Author`: words of five letters or more; `By` is a menu's too).
    package static func opensWithBylineLabel(_ line: String) -> Bool {
        let lower = labelForm(line)
        if PageLayout.labelOpenings.contains(where: { (lower + " ").hasPrefix($0) }) { return true }
        return lower.count >= 5 && PageLayout.labelOpenings.contains(lower + ": ")
    }

    /// The names of a byline as pages print it, with what follows the names cut off (`By Nathan
    /// Willis March 25, 2015`, `By Alissa Wilkinson @alissamarie Updated …`), or nil.
    package static func printedByline(_ line: String) -> [String]? {
        PageLayout.byline(TextExtractor.clean(line))
    }

    /// The accounts a blog's software signs with where no one signed (`Posted by admin on …`),
    /// lower-cased: a byline of no one, in text and in pages.
    package static var siteAccounts: Set<String> { PageLayout.siteAccounts }

    /// Whether a stated author reads as a person's name: at least two words, one of them of three
    /// letters or more (`T. V. Raman`), or text in a script written without spaces (`肖春芳`). A lone
    /// word (`folha`, `FAIL`, `CBSNews.com`) or initials alone (`J J`) are not.
    package static func isPlausibleAuthor(_ name: String) -> Bool {
        if name.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) { return true }
        let words = name.split(separator: " ")
        return words.count >= 2 && words.contains { $0.unicodeScalars.filter(Scalars.isLetter).count >= 3 }
    }

    /// What follows a publication label that opens `text` (`Veröffentlicht am 16.08.2019` →
    /// `16.08.2019`, `Published: 3 March 2020`), the label's `on` and a colon skipped; nil when it
    /// opens with none.
    package static func afterPublicationLabel(_ text: String) -> Substring? {
        // Most texts open with none of the labels' first two letters: the bytes tell, no copy made.
        guard DatelineParser.mayOpenWithLabel(text.utf8) else { return nil }
        return DatelineParser.afterLabel(text[...], among: DatelineParser.publicationLabels)
    }

    /// Whether a text's UTF-8 may open with a label of a date (`afterPublicationLabel`'s first look):
    /// a page's text node is asked before it is made a string.
    package static func mayOpenWithDateLabel(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        DatelineParser.mayOpenWithLabel(bytes)
    }

    /// Two to four words that open with a given name newsd knows, each capitalised (after a hyphen
    /// too: `Hall-Jones`, not `News-gazette`), a full stop only at a word's end (`J.`, not
    /// `Offoffoff.com`), and no place: a person's name where nothing else says it is one.
    package static func isKnownPersonsName(_ name: some StringProtocol) -> Bool {
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count), isGivenName(String(words[0])), !isPlace(String(name)) else { return false }
        return words.allSatisfy { word in
            word.split(separator: "-").allSatisfy { part in
                part.first?.isUppercase == true && part.dropLast().allSatisfy { $0.isLetter || $0 == "'" }
                    && part.last.map { $0.isLetter || $0 == "." } == true
            }
        }
    }

    /// Whether a word is a given name newsd knows in bylines (`Stefan`, `Marina`).
    package static func isGivenName(_ word: String) -> Bool {
        Gazetteer.bylineFirstNames.contains(word)
    }

    /// Whether a name is a place newsd knows (`New York`, `Berlin`): no author.
    package static func isPlace(_ name: String) -> Bool {
        Gazetteer.places[name] != nil
    }

    /// One person's name from a metadata field (`Jane Doe`), or nil when it is an outlet or a role.
    package static func personName(_ raw: String) -> String? {
        Byline.cleanName(TextExtractor.clean(raw))
    }

    /// A headline without the site's address or a day set off by a separator at its start or end
    /// (`makrophotos von insekten » gizmeo.eu`, `23.01.2022 - Headline`), as whole-page text cuts it.
    package static func withoutAddressOrDay(_ headline: String) -> String {
        PageLayout.withoutAddressOrDay(headline)
    }

    /// The one-word openings of a byline without a label (`by `, `von `, `par `, `por `, `door `).
    package static var bylineWords: [String] { PageLayout.bylineWords }

    /// What a byline opens with before the names (`By `, `Veröffentlicht von `), lower-cased, as the
    /// text reader reads them.
    package static var bylineOpenings: [String] { PageLayout.bylineOpenings }

    /// Trims and collapses white space as for every line of text.
    package static func clean(_ text: String) -> String {
        TextExtractor.clean(text)
    }

    /// A line that is only a person's name, as a story's signature under its last paragraph: at most
    /// 40 characters once cleaned, two to four capitalised words, the first a given name newsd knows
    /// (`isKnownPersonsName`: `Stefan Wasmer`, `Claudia Duwe`); nil otherwise.
    package static func signedName(_ line: String) -> String? {
        let name = clean(line)
        return name.count <= 40 && isKnownPersonsName(name) ? name : nil
    }

    /// The outlet a domain belongs to (`bbc.co.uk` → `BBC News`), when newsd knows it.
    package static func outlet(domain: String) -> String? {
        var d = domain.lowercased()
        if d.hasPrefix("www.") { d.removeFirst(4) }
        return Gazetteer.domains[d]
    }

    /// Whether a line reads as a photo caption (`FILE PHOTO: … REUTERS/Name`).
    package static func isCaption(_ line: String) -> Bool {
        Captions.isCaption(TextExtractor.clean(line))
    }

    /// Whether a line is a breadcrumb trail: the sections above the page, set apart by `>`, `»`, `›`
    /// or `>>` (`Home > News > Business`, `You are here: Home » Design » Poltrona`), the last of
    /// them often the page's own title. Not a sentence that names a menu's path (`Sie wählen Design
    /// > Widgets aus.`) or a quoted reply (`Peter wrote: > WebKit is …`).
    package static func isBreadcrumb(_ line: String) -> Bool {
        guard line.utf8.count <= 200, line.contains(where: { $0 == ">" || $0 == "»" || $0 == "›" }) else { return false }
        var trail = Substring(TextExtractor.clean(line))
        // A label before the trail (`You are here:`, `Full list of categories:`).
        if let colon = trail.firstIndex(of: ":"), trail[..<colon].split(separator: " ").count <= 5 {
            trail = trail[trail.index(after: colon)...]
        }
        trail = trail.drop { $0 == " " || $0 == ">" || $0 == "»" || $0 == "›" }
        guard let last = trail.last, last != "." else { return false }
        let parts = trail.split(separator: " ").split { $0 == ">" || $0 == ">>" || $0 == "»" || $0 == "›" }
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        // Sections are a few words each; the last, the page's title, may be longer.
        return parts.dropLast().allSatisfy { $0.count <= 5 } && parts[parts.count - 1].count <= 20
    }

    /// Whether a line is page furniture (`Advertisement`, `Share this article`, `Read more`).
    package static func isDebris(_ line: String) -> Bool {
        Debris.isDebris(TextExtractor.clean(line))
    }

    /// How many of a story's last paragraphs (through `clean`) are a site's notices under it: calls to
    /// follow or subscribe, copyright and licence, spam and editor's notes (`Promotions`).
    package static func trailingPromotions(_ paragraphs: [String]) -> Int { Promotions.trailing(paragraphs) }

    /// How many of a story's last paragraphs (up to three) are short lines of five words or fewer
    /// that end no sentence, under a paragraph that ends one: a page's links and labels under its
    /// story (`previous post`, `next post`, `Compartir Noticia`, `Comments (+)`, a photo's credit).
    package static func trailingShortLines(_ paragraphs: [String]) -> Int {
        var count = 0
        for line in paragraphs.reversed().prefix(3) {
            guard !TextExtractor.endsASentence(line), Sentences.wordCount(line) <= 5 || isBareStamp(line) else { break }
            count += 1
        }
        guard count > 0, count < paragraphs.count, TextExtractor.endsASentence(paragraphs[paragraphs.count - 1 - count]) else {
            return 0
        }
        return count
    }

    /// A stamp (`PageLayout.isStamp`: `Last updated: 28-Nov-04 01:13 GMT`, `Wed, Jan 16 2008, 06:54
    /// GMT`, `November 9, 2012, | Permalink`) that names no one: a blog's `Posted by … at …` signs
    /// the post as well as dating it.
    static func isBareStamp(_ line: String) -> Bool {
        guard PageLayout.isStamp(line) else { return false }
        let lower = line.lowercased()
        return !lower.hasPrefix("by ") && !lower.contains(" by ") && !lower.contains(" by:")
    }

    /// `isDebris` and `isCaption` of a line already through `clean` (a block's text).
    package static func isDebris(cleaned line: String) -> Bool { Debris.isDebris(line) }
    package static func isCaption(cleaned line: String) -> Bool { Captions.isCaption(line) }

    /// Decodes an 8-bit text as Windows-1252 unless it is (mostly) UTF-8.
    package static func decode8Bit(_ bytes: [UInt8]) -> String {
        LineDecoder.decode(bytes)
    }
}
