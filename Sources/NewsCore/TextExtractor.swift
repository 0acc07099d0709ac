import Foundation

/// Turns the decoded lines of one page into an `Article`: finds the header (metadata, datelines,
/// bylines), sorts every other line into summary, subheading, caption, embedded post, debris or
/// body paragraph, then runs entity, quote and language analysis over what is left.
struct TextExtractor {
    let lines: [String]
    var metadata: Metadata
    let aliases: EntityAliases
    /// JSON records have no header block to look for.
    var readsHeader = true

    init(lines: [String], metadata: Metadata, aliases: EntityAliases, readsHeader: Bool = true, knownHeadline: String? = nil) {
        self.lines = lines
        self.metadata = metadata
        self.aliases = aliases
        self.readsHeader = readsHeader
        self.knownHeadline = knownHeadline
    }

    /// The headline when the caller knows it (`pageAuthors`): found where the page prints it.
    let knownHeadline: String?

    /// What a line turned out to be.
    enum Role: Equatable {
        case paragraph, subheading, caption, debris, byline, dateline, summaryHeader, summaryItem, post, title
    }

    /// Every line sorted by the rules, before the line model has a say.
    struct Classified {
        var text: [String]
        var metadata: Metadata
        var start = 0
        var roles: [Role]
        var datelines: [(index: Int, label: DatelineParser.Label, value: String)] = []
        var authors: [String] = []
        var posts: [Article.EmbeddedPost] = []
        var source: String?
    }

    /// Whole-page text: lines the rules kept as text but the line model calls furniture go, and the
    /// headline and byline are looked for around the story instead of at the top. For text that is
    /// no page, the classified lines as they are.
    private func storyLayout(_ classified: Classified) -> (
        roles: [Role], title: String?, titleLine: Int?, authors: [String], page: (firstBody: Int, anchor: Int)?
    ) {
        let text = classified.text
        let metadata = classified.metadata
        let start = classified.start
        var roles = classified.roles
        var authors = classified.authors
        var page: (firstBody: Int, anchor: Int)?
        var title = metadata.title
        var titleLine: Int?
        if let (layout, storyStart) = pageStory(text: text, start: start, roles: &roles) {
            var firstBody = storyStart
            var anchor = firstBody
            // A headline the caller knows (a web page's, from its markup) is looked for where the
            // page prints it, instead of being chosen by the title model.
            let known = knownHeadline.map { (line: Int?.none, title: $0, inStory: false) }
            if title == nil,
                let headline = known ?? PageLayout.headline(text: text, start: start, firstBody: firstBody, roles: roles, layout: layout)
            {
                title = headline.title
                if let line = headline.line ?? printedHeadline(headline.title, text: text, roles: roles, start: start, firstBody: firstBody) {
                    anchor = line
                    if !headline.inStory {
                        // The headline below what was taken for the story's start: that was furniture.
                        if line > firstBody {
                            for index in firstBody..<line where Self.isText(roles[index]) { roles[index] = .debris }
                            firstBody = Self.storyStart(text: text, roles: roles, from: line) ?? firstBody
                        }
                        titleLine = line
                        roles[line] = .title
                    }
                }
                // A kicker printed on the headline's line before the headline the title bar gives, or a
                // standfirst run into it after.
                // And a headline cut at an ellipsis or at its own dash, completed from the line
                // printing it whole.
                if known == nil, let bar = text.first(where: { !$0.isEmpty }) {
                    if let printed = title,
                        let bare = PageLayout.withoutKicker(printed, titleBar: bar) ?? PageLayout.withoutRunInStandfirst(printed, titleBar: bar)
                    {
                        title = bare
                    }
                    if let cut = title,
                        let whole = PageLayout.uncut(cut, in: text) ?? PageLayout.completedFromTitleBar(cut, titleBar: bar, in: text)
                            ?? PageLayout.printedLonger(cut, titleBar: bar, in: text)
                    {
                        title = whole
                    }
                }
            }
            if metadata.authors == nil {
                if let byline = PageLayout.authors(text: text, anchor: anchor, firstBody: firstBody, headline: title) {
                    let bar = text[start...].first { !$0.isEmpty } ?? ""
                    authors = byline.names.map { PageLayout.withoutSiteName($0, titleBar: bar) }
                    if let line = byline.line { roles[line] = .byline }
                } else if let line = roles.firstIndex(of: .byline), abs(line - anchor) > 8 {
                    authors = []  // a byline far from the story belongs to something else on the page
                }
            }
            page = (firstBody, anchor)
        }
        return (roles, title, titleLine, authors, page)
    }

    /// The authors a page's rendered text names, found as for whole-page text (the byline near the
    /// headline: `headline` where the page prints it, else the one the title model picks); what a
    /// web page's reader asks when its markup named none. None when the text is no whole page.
    package static func pageAuthors(lines: [String], headline: String? = nil, aliases: EntityAliases = .builtin) -> [String] {
        // A byline stands near the headline (an author's box at most a long story's length below it):
        // the rest of a long page is left out, which is most of this reading's cost there.
        let lines = aroundHeadline(lines, headline: headline, before: 40, after: 120)
        let extractor = TextExtractor(lines: lines, metadata: Metadata(), aliases: aliases, knownHeadline: headline)
        let layout = extractor.storyLayout(extractor.classify())
        return layout.page == nil ? [] : layout.authors
    }

    /// A page's first two lines (its window title and the blank after it) and the lines from `before`
    /// above to `after` below the first that prints the headline alone; the lines as they are when
    /// none does or there are no more than that.
    static func aroundHeadline(_ lines: [String], headline: String?, before: Int, after: Int) -> [String] {
        guard let headline, lines.count > 2 + before + after else { return lines }
        guard let at = lines.indices.dropFirst(2).first(where: { lines[$0] == headline }) else { return lines }
        let from = max(2, at - before)
        let to = min(lines.count, at + after)
        return Array(lines[..<2]) + lines[from..<to]
    }

    /// A story's signature: the last of `paragraphs` or the printed line right after it, when it is
    /// only a person's name (`PageArticle.signedName`: a given name newsd knows first), the
    /// page prints it nowhere else (a name a menu repeats is no signature), the story is no interview
    /// of that person (paragraphs that open `Helfrich:`, over a box that names the one asked), and no
    /// other name stands on a short line right before or after it (a letter's signatories, a list
    /// of donors). Or the line right after a paragraph when it is a byline of 60 bytes or fewer (`Von
    /// Cosima Künzel`, as German regional papers sign a story under it): under the last paragraph, or
    /// the only such line under any paragraph but the first two.
    static func signature(text: [String], after paragraphs: [Int]) -> (line: Int, names: [String])? {
        guard let last = paragraphs.last else { return nil }
        let printedAfter = { (line: Int) in (line + 1..<min(text.count, line + 3)).first { !text[$0].isEmpty } }
        let next = printedAfter(last)
        // A byline under a paragraph: right under the last, or under an earlier one when the page
        // prints no other such line among the story's (the reader took teasers under the story for
        // its last paragraphs).
        let bylineUnder = { (paragraph: Int) -> (line: Int, names: [String])? in
            // (A place after the names, `By Nada Tawfik, BBC News, New York`, is none of them.)
            guard let line = printedAfter(paragraph), text[line].utf8.count <= 60,
                case let names = (PageLayout.byline(text[line]) ?? []).filter({ !PageArticle.isPlace($0) }), !names.isEmpty,
                names.allSatisfy({ (2...4).contains($0.split(separator: " ").count) })
            else { return nil }
            return (line, names)
        }
        if let signed = bylineUnder(last) { return signed }
        // (The byline may itself have been read as a paragraph.)
        let under = paragraphs.dropFirst(2).dropLast().compactMap(bylineUnder)
        if let first = under.first, under.allSatisfy({ $0.line == first.line }) { return first }
        // Past the story's source and day printed under it (`Quelle: Science, Rice University` /
        // `28. November 2022` / `- Nadja Podbregar`), two lines at most.
        var past = next
        for _ in 0..<2 {
            guard let line = past, isSourceOrStamp(text[line]) else { break }
            past = printedAfter(line)
        }
        if past == next { past = nil }
        for line in [last, next, past].compactMap({ $0 }) {
            // A dash before the name only there: right under a paragraph it names the one quoted
            // (`"Sushi is designer …"` / `- James Ferraro`).
            let signed = line == past ? withoutDash(text[line]) : text[line]
            guard let name = PageArticle.signedName(signed) else { continue }
            let printed = text[line]
            guard !text.indices.contains(where: { $0 != line && text[$0] == printed }),
                let surname = name.split(separator: " ").last,
                !paragraphs.contains(where: { text[$0].hasPrefix(surname + ":") })
            else { continue }
            let before = text[..<line].lastIndex { !$0.isEmpty }
            if [before, printedAfter(line)].contains(where: { other in
                other.map { text[$0].utf8.count <= 60 && isNameShaped(text[$0].prefix { $0 != "," }) } == true
            }) {
                continue
            }
            return (line, [name])
        }
        return nil
    }

    /// A line under a story that says where it comes from (`Quelle: …`, `Source: …`) or when (a
    /// stamp, `28. November 2022`).
    private static func isSourceOrStamp(_ line: String) -> Bool {
        guard line.utf8.count <= 120 else { return false }
        let lower = line.prefix(8).lowercased()
        return ["quelle:", "quellen:", "source:", "sources:", "fuente:"].contains(where: lower.hasPrefix) || PageLayout.isStamp(line)
    }

    /// A signature's line without the dash a site sets before the name (`- Nadja Podbregar`).
    private static func withoutDash(_ line: String) -> String {
        for dash in ["- ", "– ", "— "] where line.hasPrefix(dash) { return String(line.dropFirst(dash.count)) }
        return line
    }

    /// Two to four words, each capitalised: a name's shape, a person's or an organisation's (an
    /// address block's `Swanlund Administration Building` under the addressee; `isPersonShaped`,
    /// which turns organisations away, would take that addressee for a signature).
    private static func isNameShaped(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (2...4).contains(words.count)
            && words.allSatisfy { $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLetter) }
    }

    /// The article, or nil when the lines hold no text at all.
    func article() -> Article? {
        guard let read = fields() else { return nil }
        return Self.analysed(
            read.parts, subheadingsBefore: read.subheadingPlacement, titleNamesEntities: read.titleNamesEntities,
            language: read.language, aliases: aliases)
    }

    /// The article's fields before its analysis (entities, quotes, language, hash), what a web page's
    /// reader asks of its rendered text; nil when the lines hold no text at all.
    /// `isPage`: whether the lines read as a whole page (menus and all), the layout its byline and
    /// date were looked for in.
    package func unanalysedArticle() -> (article: Article, isPage: Bool)? {
        fields().map { ($0.parts, $0.isPage) }
    }

    private func fields() -> (
        parts: Article, subheadingPlacement: [Int?], titleNamesEntities: Bool, language: String?, isPage: Bool
    )? {
        let classified = classify()
        let text = classified.text
        let metadata = classified.metadata
        let start = classified.start
        let datelines = classified.datelines
        let posts = classified.posts
        let source = classified.source
        var (roles, title, titleLine, authors, page) = storyLayout(classified)
        // Title: metadata, else the first content line (a summary's first bullet on pages that open with one).
        if title == nil {
            for index in start..<text.count where !text[index].isEmpty {
                switch roles[index] {
                case .paragraph, .subheading, .summaryItem:
                    titleLine = index
                case .dateline, .summaryHeader, .debris, .byline, .caption, .post, .title:
                    continue
                }
                break
            }
            // A first line that is a page's `<title>` (`AFP: Headline`, `Headline - Site`) repeated
            // by a later line without its decoration: that line is the headline, the first goes.
            if let t = titleLine, roles[t] != .summaryItem, let headline = PageLayout.repeatedHeadline(of: t, in: text) {
                roles[t] = .debris
                titleLine = headline
            }
            if let t = titleLine {
                let line = roles[t] == .summaryItem ? (Self.bulletText(text[t]) ?? text[t]) : text[t]
                let first = Sentences.first(of: line)
                title = Self.headlineSized(first)
                // A line cut to a headline's size stays in the body: none of its text is lost.
                if roles[t] == .paragraph, title == first, first.count == line.count { roles[t] = .title }
            }
        }

        // Text that is not a page and names nobody in its first lines: a byline near the headline in
        // the forms pages print (`by Steven Musil January 18, 2017`, `Dan Goodin - Apr 16, 2015`),
        // read as a byline, not as text.
        if page == nil, metadata.authors == nil, authors.isEmpty, let anchor = titleLine {
            let firstParagraph = (start..<text.count).first { roles[$0] == .paragraph && $0 != anchor } ?? anchor
            if let byline = PageLayout.authors(text: text, anchor: anchor, firstBody: firstParagraph) {
                authors = byline.names
                if let line = byline.line, Self.isText(roles[line]) { roles[line] = .byline }
            }
        }

        // Text that is not a page with no stamp the dateline parser reads: a stamp that ends no
        // sentence near its headline (`Oct 15, 2015 · 18 min read`), read as a dateline, not as text.
        var stampNearTitle: String?
        if page == nil, metadata.published == nil, datelines.isEmpty,
            let anchor = titleLine ?? (start..<text.count).first(where: { roles[$0] == .paragraph }),
            let stamp = PageLayout.stampNear(text: text, roles: roles, anchor: anchor, reach: 12, datelines: datelines)
        {
            stampNearTitle = stamp.value
            if Self.isText(roles[stamp.line]) { roles[stamp.line] = .dateline }
        }

        var summary: [String] = []
        var subheadings: [String] = []
        var subheadingPlacement: [Int] = []  // the paragraphs before each subheading
        var body: [String] = []
        var captions: [String] = []
        var paragraphIndexes: [Int] = []
        for index in start..<text.count {
            switch roles[index] {
            case .summaryItem: summary.append(Self.bulletText(text[index]) ?? text[index])
            case .subheading:
                subheadings.append(Self.stripHeadingMarks(text[index]))
                subheadingPlacement.append(body.count)
            case .paragraph:
                body.append(text[index])
                paragraphIndexes.append(index)
            case .caption: captions.append(text[index])
            default: break
            }
        }
        guard title != nil || !body.isEmpty || !summary.isEmpty || !subheadings.isEmpty else { return nil }

        // A whole page whose story names nobody near its headline, signed under its last paragraph
        // (`Claudia Duwe` alone on the next line, or as the last paragraph itself).
        if page != nil, metadata.authors == nil, authors.isEmpty,
            let signed = Self.signature(text: text, after: paragraphIndexes)
        {
            authors = signed.names
            // The signature read as a paragraph leaves the body (a subheading after it keeps its place).
            if let k = paragraphIndexes.firstIndex(of: signed.line) {
                body.remove(at: k)
                paragraphIndexes.remove(at: k)
                subheadingPlacement = subheadingPlacement.map { $0 > k ? $0 - 1 : $0 }
            }
        }
        // Failing all of those, the person a personal site's copyright notice names (`© 2009-2012
        // Jonathan Krase.` in its footer).
        if page != nil, metadata.authors == nil, authors.isEmpty, let holder = PageLayout.copyrightHolder(text) {
            authors = [holder]
        }

        // Short lines above a whole page's story dateline (`Associated Press - January 16, 2008 12:55
        // PM ET` over `NEW YORK (AP) - …`) head the story (`WireDateline`).
        if page != nil, case let above = WireDateline.headerLines(body), above > 0 {
            body.removeFirst(above)
            paragraphIndexes.removeFirst(above)
            subheadingPlacement = subheadingPlacement.map { max(0, $0 - above) }
        }

        // Dates: header stamps (before the first paragraph) win; `Published` beats `Updated` there.
        let firstParagraph = paragraphIndexes.first ?? text.count
        let header = datelines.filter { $0.index < firstParagraph }
        var published = metadata.published
        if published == nil, let page {
            published = PageLayout.publicationDate(
                text: text, roles: roles, anchor: page.anchor, above: page.anchor < page.firstBody ? 4 : 12, firstBody: page.firstBody,
                datelines: datelines)
        } else if published == nil {
            published = header.first(where: { $0.label == .published })?.value ?? header.first?.value
                ?? datelines.first(where: { $0.label == .published })?.value ?? datelines.first?.value
            published = published ?? stampNearTitle
        }
        let updated = metadata.updated ?? datelines.first(where: { $0.label == .updated })?.value
        let isLive = summary.count >= 2 || Self.looksLive(text: text, start: start)
        let parts = Article(
            title: title, source: metadata.source ?? source, url: metadata.url, authors: metadata.authors ?? authors,
            published: published, updated: updated, summary: summary, subheadings: subheadings, body: body,
            captions: captions, embeddedPosts: posts, kind: isLive ? .live : .article
        )
        // A headline that is a body line is read with the body, not twice.
        // A subheading goes into the body between two paragraphs only, after one that ends a sentence:
        // above the story or under it, a line that reads as one is as often a menu's or a footer's
        // (`FEATURES`, `Recommended`), and so is one under a window title read as a paragraph.
        let placement = subheadingPlacement.map { at in
            (1..<max(1, body.count)).contains(at) && Self.endsASentence(body[at - 1]) ? at : nil
        }
        return (parts, placement, titleLine == nil || roles[titleLine ?? 0] == .title, metadata.language, page != nil)
    }

    /// Sorts every line by the rules: metadata, datelines, bylines, embedded posts, summary, debris,
    /// captions, subheadings and paragraphs.
    func classify() -> Classified {
        var text = lines.map(Self.clean)
        var metadata = self.metadata
        var start = 0
        if readsHeader { start = Self.readMetadata(&text, into: &metadata) }
        // Diagnostics the site's server printed before its page (`Warning: … on line 46`) are no
        // line of it, nor its window title.
        var top = start
        while top < text.count, text[top].isEmpty || Debris.isServerDiagnostic(text[top]) {
            text[top] = ""
            top += 1
        }
        var roles = [Role](repeating: .debris, count: text.count)
        var datelines: [(index: Int, label: DatelineParser.Label, value: String)] = []
        var authors: [String] = []
        var posts: [Article.EmbeddedPost] = []
        var source: String?
        var contentSeen = 0
        var inSummary = false
        var previousDebris = ""
        for index in start..<text.count {
            let line = text[index]
            if line.isEmpty {
                roles[index] = .debris
                inSummary = false
                continue
            }
            if source == nil { source = Signatures.source(in: line) }
            if inSummary, let item = Self.bulletText(line) {
                roles[index] = Debris.isDebris(item) ? .debris : .summaryItem
                continue
            }
            inSummary = false
            if Self.isSummaryHeader(line), index + 1 < text.count, Self.bulletText(text[index + 1]) != nil {
                roles[index] = .summaryHeader
                inSummary = true
                continue
            }
            if let post = Self.postAttribution(line) {
                roles[index] = .post
                var body = ""
                if let p = (start..<index).last(where: { !text[$0].isEmpty }), roles[p] == .paragraph,
                    text[p].contains("pic.twitter.com") || text[p].count < 600
                {
                    roles[p] = .debris
                    body = text[p]
                }
                posts.append(Article.EmbeddedPost(author: post.author, handle: post.handle, date: post.date, text: body))
                continue
            }
            if let stamp = DatelineParser.parseLine(line) {
                roles[index] = .dateline
                datelines.append((index, stamp.label, stamp.value))
                continue
            }
            // Stamps the dateline reader does not read whole (`Published: … | Last updated: …`,
            // `Last updated at 00:11am on 14th January 2008`).
            if let stamps = PageLayout.labelledStamps(line) {
                roles[index] = .dateline
                if let day = stamps.published { datelines.append((index, .published, day)) }
                if let day = stamps.updated { datelines.append((index, .updated, day)) }
                continue
            }
            if contentSeen < 15, authors.isEmpty, let names = Byline.parse(line) {
                roles[index] = .byline
                authors = names
                continue
            }
            if Debris.isDebris(line) || Debris.isStaffBio(line, after: previousDebris) {
                roles[index] = .debris
                previousDebris = line
                continue
            }
            previousDebris = ""
            if Captions.isCaption(line) {
                roles[index] = .caption
                continue
            }
            contentSeen += 1
            roles[index] = Self.isSubheading(line) ? .subheading : .paragraph
        }
        return Classified(
            text: text, metadata: metadata, start: start, roles: roles, datelines: datelines, authors: authors,
            posts: posts, source: source)
    }

    /// Whole-page text (the rules kept lines the line model calls furniture): those lines become
    /// debris, and the page's layout and the line its story starts at are returned. Nil for an
    /// article's own text, JSON records, and text that opens with a summary block (article text laid
    /// out by its publisher).
    func pageStory(text: [String], start: Int, roles: inout [Role]) -> (layout: PageLayout, firstBody: Int)? {
        let opensWithSummary = (start..<text.count).first(where: { !text[$0].isEmpty }).map { roles[$0] == .summaryHeader } ?? false
        guard readsHeader, !opensWithSummary, let layout = Self.wholePageLayout(text: text, start: start, roles: roles) else {
            return nil
        }
        for index in start..<text.count where Self.isText(roles[index]) && layout.score(index) < PageLayout.threshold {
            roles[index] = .debris
        }
        // A page's first line is its window title (`Headline - Site`): the headline is chosen among
        // its parts, and it is neither the story's start nor a line of it.
        var opening = start
        if let first = (start..<text.count).first(where: { !text[$0].isEmpty }) {
            if Self.isText(roles[first]) { roles[first] = .debris }
            opening = first + 1
        }
        var firstBody = Self.storyStart(text: text, roles: roles, from: opening)
            ?? (start..<text.count).first(where: { roles[$0] == .paragraph }) ?? text.count
        // A breadcrumb trail kept above or at the story's start (`Home > Programs and Activities >
        // Networked Economy Summit > Former Defense Secretary Cohen's Remarks`, eight words and more
        // with the page's title at its end) is the site's.
        var trails = false
        for index in opening..<max(opening, min(text.count, firstBody + 4))
        where Self.isText(roles[index]) && PageArticle.isBreadcrumb(text[index]) {
            roles[index] = .debris
            trails = true
        }
        if trails {
            firstBody = Self.storyStart(text: text, roles: roles, from: opening)
                ?? (start..<text.count).first(where: { roles[$0] == .paragraph }) ?? text.count
        }
        // The site's notices under the story (`Follow The Gleaner on Twitter …`, `© 2022 … All rights
        // reserved`): among its last five paragraphs.
        var lastParagraphs: [Int] = []
        for index in (firstBody..<text.count).reversed() where roles[index] == .paragraph {
            lastParagraphs.insert(index, at: 0)
            if lastParagraphs.count == 5 { break }
        }
        let notices = Promotions.trailing(lastParagraphs.map { text[$0] })
        for index in lastParagraphs.suffix(notices) { roles[index] = .debris }
        return (layout, firstBody)
    }

    /// The story starts at its first full paragraph (eight words or more) from `from` on; a stray
    /// short line the model kept does not start it.
    static func storyStart(text: [String], roles: [Role], from: Int) -> Int? {
        (from..<text.count).first { roles[$0] == .paragraph && Sentences.wordCount(text[$0]) >= 8 }
    }

    /// The headline candidates of a whole page with their features (what `scripts/train-titles.py`
    /// fits the title model on), or nil when the text is not a page or states its title.
    func titleCandidates() -> [TitleRanker.Candidate]? {
        var classified = classify()
        guard classified.metadata.title == nil,
            let (layout, firstBody) = pageStory(text: classified.text, start: classified.start, roles: &classified.roles),
            let first = classified.text[classified.start...].firstIndex(where: { !$0.isEmpty })
        else { return nil }
        let roles = classified.roles
        if roles[first] == .summaryHeader || roles[first] == .summaryItem { return nil }
        return TitleRanker.candidates(text: classified.text, first: first, firstBody: firstBody, roles: roles, layout: layout)
    }

    /// Roles of lines that the rules kept as article text.
    /// The line that prints a headline taken from the page's first line, when it heads more of the
    /// text kept as the story than it would set aside (a headline repeated in a share box or a
    /// footer below the story is not where the story starts).
    private func printedHeadline(_ title: String, text: [String], roles: [Role], start: Int, firstBody: Int) -> Int? {
        guard let line = PageLayout.printedHeadline(title, in: text, after: start) else { return nil }
        guard line > firstBody else { return line }
        var before = 0
        var after = 0
        for index in firstBody..<text.count where Self.isText(roles[index]) {
            if index < line { before += text[index].utf8.count } else { after += text[index].utf8.count }
        }
        return after >= before ? line : nil
    }

    static func isText(_ role: Role) -> Bool {
        role == .paragraph || role == .subheading || role == .caption || role == .summaryItem
    }

    /// Lines a whole page can have: ten times the longest page of the public page sets (4,271
    /// lines, a Dragnet page with its readers' comments).
    static let maximumPageLines = 40_000

    /// The line model's view of the page when the text is a whole page (menus, related links…),
    /// nil for an article's own text.
    static func wholePageLayout(text: [String], start: Int, roles: [Role]) -> PageLayout? {
        // A text of more lines than any page prints is read as an article's own text: the line
        // model's features for a million short lines would take the worker past its memory limit.
        guard start < text.count, text.count - start <= maximumPageLines else { return nil }
        // Too few text lines to be a page, or too few lines that look like page furniture at all
        // (short, or not ending a sentence): the model is not run. On the public page sets and the
        // generated corpus the model never called such a text a page (docs/EXTRACTION.md), and
        // plain article text, where this saves half of the model's runs, is mostly long sentences.
        var candidates = 0
        var furnitureLike = 0
        for index in start..<text.count where isText(roles[index]) {
            candidates += 1
            if PageLayout.looksLikeFurniture(text[index]) { furnitureLike += 1 }
        }
        guard PageLayout.isWholePage(rejected: furnitureLike, candidates: candidates) else { return nil }
        let layout = PageLayout(text: text, start: start)
        var kept = 0
        var rejected = 0
        for index in start..<text.count where isText(roles[index]) {
            kept += 1
            if layout.score(index) < PageLayout.threshold { rejected += 1 }
        }
        if PageLayout.isWholePage(rejected: rejected, candidates: kept) { return layout }
        // A long story under a site's menu: few of its lines are furniture, but no article's own
        // text opens with a menu.
        if menuAboveStory(text: text, start: start) { return layout }
        // Fewer lines rejected, but the first line (a window title) printed again below as the
        // headline: a page, which plain article text never looks like.
        // (The line search only for texts that pass with half as many lines rejected.)
        guard PageLayout.isWholePage(rejected: rejected * 2, candidates: kept), let first = text[start...].firstIndex(where: { !$0.isEmpty }),
            let printed = PageLayout.printedHeadline(text[first], in: text, after: start), printed - first <= 60
        else { return nil }
        return layout
    }

    /// Whether eight lines or more of a word to three, none ending a sentence (`NEWS`, `FEATURES`,
    /// `Privacy Policy`), stand between the first line and the first full paragraph (twelve words or
    /// more ending a sentence): a site's menu printed above its story.
    static func menuAboveStory(text: [String], start: Int) -> Bool {
        guard let first = text[start...].firstIndex(where: { !$0.isEmpty }) else { return false }
        var short = 0
        for line in text[(first + 1)...].prefix(80) where !line.isEmpty {
            let words = Sentences.wordCount(line)
            let ends = line.unicodeScalars.last.map { ".!?\"”".unicodeScalars.contains($0) } ?? false
            if words >= 12 && ends { return false }
            if words <= 3 && !ends {
                short += 1
                if short >= 8 { return true }
            }
        }
        return false
    }

    /// How much of a body (in UTF-8 bytes) entity and quote extraction reads.
    static let analysedBytes = 256 * 1024

    /// Trims a line and collapses runs of white space (spaces, tabs, no-break, thin and zero-width
    /// spaces, byte-order marks), and drops soft hyphens (`Mat\u{AD}thi\u{AD}as`, a page's hints where
    /// a word may break, which no reader sees and which would split the word for search). Control
    /// characters but line breaks go.
    static func clean(_ line: String) -> String {
        // Most lines are tidy already: no leading, trailing or doubled space and no other white space.
        let tidy: Bool? = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = 0x20
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 || b == 0x20 && previous == 0x20 { return false }
                if b == 0xC2 || b == 0xE2 || b == 0xEF, whiteSpaceWidth(bytes, i) > 0 || isSoftHyphen(bytes, i) { return false }
                previous = b
                i += 1
            }
            return previous != 0x20
        }
        if tidy == true { return line }
        var line = line
        line.makeContiguousUTF8()
        return line.utf8.withContiguousStorageIfAvailable { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var space = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                let width = whiteSpaceWidth(bytes, i)
                if width > 0 {
                    space = true
                    i += width
                    continue
                }
                if isSoftHyphen(bytes, i) {
                    i += 2
                    continue
                }
                if b < 0x20, b != 0x0A, b != 0x0D {
                    // Control characters (`WWF\u{7} (2020)`, a DOS end of file) print as nothing. Line
                    // breaks stay: a block's text is split at them after this.
                    i += 1
                    continue
                }
                if space, !out.isEmpty { out.append(0x20) }
                space = false
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? line
    }

    /// Whether a soft hyphen (U+00AD) starts at `i`.
    @inline(__always) static func isSoftHyphen(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        bytes[i] == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xAD
    }

    /// Width in bytes of the white-space scalar starting at `i` (space, tab, vertical tab, form feed,
    /// no-break, thin or zero-width space, byte-order mark), or 0.
    @inline(__always) static func whiteSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = bytes.count
        switch bytes[i] {
        case 0x20, 0x09, 0x0B, 0x0C: return 1
        case 0xC2: return i + 1 < n && bytes[i + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            return i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF || bytes[i + 2] == 0x8B)
                ? 3 : 0
        case 0xEF: return i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Front matter (`---` … `---`) or leading `Key: value` lines; returns the first line after them.
    static func readMetadata(_ text: inout [String], into metadata: inout Metadata) -> Int {
        guard let first = text.firstIndex(where: { !$0.isEmpty }) else { return text.count }
        if text[first] == "---" {
            if let end = text[(first + 1)...].prefix(60).firstIndex(where: { $0 == "---" || $0 == "..." }) {
                var key = ""
                for line in text[(first + 1)..<end] {
                    if line.fastHasPrefix("- "), !key.isEmpty {
                        var list = metadata.authors ?? []
                        if ["author", "authors"].contains(key) {
                            list.append(String(line.dropFirst(2)).trimming(" \"'"))
                            metadata.authors = list
                        }
                        continue
                    }
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    key = String(line[..<colon]).lowercased()
                    let value = String(line[line.index(after: colon)...])
                    if !value.trimming(" ").isEmpty { _ = metadata.set(key: key, value: value) }
                }
                return end + 1
            }
            return first
        }
        var index = first
        while index < text.count, index - first < 12 {
            let line = text[index]
            if line.isEmpty, index > first {
                index += 1
                break
            }
            guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 16,
                !line[..<colon].contains(" ") || line[..<colon].lowercased() == "last updated"
            else { break }
            var probe = metadata
            guard probe.set(key: String(line[..<colon]), value: String(line[line.index(after: colon)...])) else { break }
            metadata = probe
            index += 1
        }
        return index
    }

    static func isSummaryHeader(_ line: String) -> Bool {
        guard line.utf8.count <= 16 else { return false }
        let l = line.lowercasedFast().trimming(": ")
        return ["summary", "key points", "highlights", "in brief", "at a glance", "the latest", "key events"].contains(l)
    }

    /// The text of a `- ` / `• ` / `* ` bullet, or nil.
    static func bulletText(_ line: String) -> String? {
        for marker in ["- ", "• ", "* ", "– ", "· "] where line.fastHasPrefix(marker) {
            let rest = line.dropFirst(marker.count).trimmingSpaces()
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    /// `— The White House (@WhiteHouse) May 19, 2025`.
    static func postAttribution(_ line: String) -> (author: String?, handle: String?, date: String?)? {
        guard line.containsBytes("(@"), let dash = line.unicodeScalars.first, ["—", "–", "-", "―", "~"].contains(dash),
            let open = line.range(of: "(@", options: .backwards), line.count < 200,
            let close = line[open.upperBound...].firstIndex(of: ")")
        else { return nil }
        let author = line[line.index(after: line.startIndex)..<open.lowerBound].trimmingSpaces()
        let handle = line[open.upperBound..<close]
        let date = line[line.index(after: close)...].trimmingSpaces()
        guard !handle.contains(" "), !handle.isEmpty else { return nil }
        return (author.isEmpty ? nil : String(author), String(handle), date.isEmpty ? nil : String(date))
    }

    /// Question lines and capitalised section heads.
    static func isSubheading(_ line: String) -> Bool {
        if line.fastHasPrefix("#") { return true }
        var words: Int?
        if line.utf8.last == 0x3F, line.hasSuffix("?") {
            let count = Sentences.wordCount(line)
            words = count
            // A quotation mark can only be a character of the line where its bytes occur. The first
            // sentence is the whole line exactly when it has all its bytes (a shorter one ends at a
            // grapheme boundary before more text).
            if count <= 14, count >= 2, !(Self.mayHoldQuotationMark(line) && line.contains(where: { "\"“”„«»".contains($0) })),
                Sentences.first(of: line).utf8.count == line.utf8.count
            {
                return true
            }
        }
        // Any lowercase letter rules a head out; ASCII is decided by ranges.
        var letters = 0
        var ascii = true
        for b in line.utf8 {
            if b >= 0x80 {
                ascii = false
                break
            }
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
        }
        if !ascii {
            letters = 0
            for scalar in line.unicodeScalars {
                if scalar.properties.isLowercase { return false }
                if Scalars.isLetter(scalar) { letters += 1 }
            }
        }
        return letters >= 3 && (words ?? Sentences.wordCount(line)) <= 10 && !line.hasSuffix(".")
    }

    /// False when none of `"`, `“`, `”`, `„`, `«`, `»` occurs in the line's UTF-8.
    static func mayHoldQuotationMark(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b == 0x22 { return true }
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB { return true }
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x9C, bytes[i + 2] <= 0x9E { return true }
                i += 1
            }
            return false
        }
    }

    static func stripHeadingMarks(_ line: String) -> String {
        guard line.fastHasPrefix("#") else { return line }
        return String(line.drop(while: { $0 == "#" }).trimmingSpaces())
    }

    /// `GEORGE W. BUSH` → `George W. Bush`, so names in capitals are recognised.
    static func readableCase(_ line: String) -> String {
        guard !line.unicodeScalars.contains(where: { Scalars.isLower($0) }) else { return line }
        return line.split(separator: " ").map { word -> String in
            let letters = word.unicodeScalars.filter { Scalars.isLetter($0) }.count
            if letters <= 2 && word.contains(".") { return String(word) }
            if Gazetteer.organisations[String(word)] != nil || Gazetteer.places[String(word)] != nil { return String(word) }
            return word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    static func looksLive(text: [String], start: Int) -> Bool {
        var clock = 0
        for (k, line) in text[start...].enumerated() {
            if k < 4 {
                let lower = line.lowercasedFast()
                // Foundation's `contains` is asked only when the bytes already hold the phrase.
                if lower.fastHasPrefix("live:") || lower.fastHasPrefix("live updates") || lower.fastHasPrefix("live blog")
                    || lower.containsBytes("follow the latest") && lower.contains("follow the latest")
                    || lower.containsBytes("follow our coverage") && lower.contains("follow our coverage")
                    || lower.containsBytes("follow live") && lower.contains("follow live")
                    || lower.containsBytes("live coverage") && lower.contains("live coverage")
                {
                    return true
                }
            }
            if line.utf8.count <= 12, line.utf8.count >= 4,
                line.unicodeScalars.allSatisfy({ "0123456789:.apmAPM ".unicodeScalars.contains($0) }),
                line.contains(":"), DatelineParser.parse(Substring("2000-01-01 " + line)) == nil
            {
                clock += 1
            }
        }
        return clock >= 3
    }
}

extension TextExtractor {
    /// What every article gets once its parts are known, text and web pages alike: people, places
    /// and organisations, quotes with their speakers, language, word count and content hash.
    /// Entities and quotes come from the paragraphs that start in the first `analysedBytes` of the
    /// body: a very large file is stored and indexed whole, but not analysed word by word.
    /// The article's `body` is its text in reading order: the paragraphs of `parts.body` with each of
    /// `parts.subheadings` that has a place before the paragraph it preceded, as a reader sees them
    /// (the subheadings stay a list of their own too); the analysis, word count and content hash read
    /// the paragraphs.
    /// - Parameters:
    ///   - placement: for each subheading, how many paragraphs come before it; nil for one that is
    ///     listed apart only.
    ///   - titleNamesEntities: whether the title is read for entities (not when it is a body line).
    ///   - language: the language metadata states; detected from the body when nil.
    static func analysed(
        _ parts: Article, subheadingsBefore placement: [Int?], titleNamesEntities: Bool, language: String?,
        aliases: EntityAliases
    ) -> Article {
        let title = parts.title.map(Self.headlineSized)
        let (summary, subheadings, body, captions) = (parts.summary, parts.subheadings, parts.body, parts.captions)
        var analysis = EntityRecognizer(aliases: aliases)
        var quotes: [Article.Quote] = []
        var texts: [String] = []
        if let title, titleNamesEntities { texts.append(title) }
        texts.append(contentsOf: summary)
        texts.append(contentsOf: subheadings.map(Self.readableCase))
        let headTokens = (texts + parts.authors).map(EntityTokenizer.tokens(of:))
        var analysed = 0
        var offset = 0
        while analysed < body.count, offset < Self.analysedBytes {
            offset += body[analysed].utf8.count + 1
            analysed += 1
        }
        let bodyTokens = body[..<analysed].map(EntityTokenizer.tokens(of:))
        let captionTokens = captions.map { caption -> [EntityTokenizer.Token] in
            // The photographer's credit after the last full stop names no one in the story.
            let scene = caption.range(of: ". ", options: .backwards).map { String(caption[..<$0.lowerBound]) } ?? caption
            return EntityTokenizer.tokens(of: scene)
        }
        let allMentions = analysis.prepare(headTokens + bodyTokens + captionTokens)
        for mentions in allMentions[..<headTokens.count] { analysis.record(mentions) }
        // A pronoun that opens a paragraph's quote refers to the previous paragraphs' speaker or subject,
        // not to whoever was mentioned last.
        var topic: String?
        for (k, paragraph) in body[..<analysed].enumerated() {
            let (found, scalars) = QuoteFinder.quotesAndScalars(in: paragraph)
            let mentions = allMentions[headTokens.count + k]
            analysis.record(mentions, excluding: found.map(\.range))
            let attributed = QuoteFinder.attribute(found, scalars: scalars, mentions: mentions, previous: topic)
            quotes.append(contentsOf: attributed)
            // Only a person carries over: `The European Commission president … „ready to go“` leaves
            // the person before it as the one `she` refers to.
            let speaker = attributed.last { quote in
                quote.speaker != nil
                    && (quote.speaker == topic || mentions.contains { $0.kind == .person && $0.name == quote.speaker })
            }?.speaker
            topic = speaker ?? QuoteFinder.subject(of: paragraph, mentions: mentions) ?? topic
        }
        for mentions in allMentions[(headTokens.count + bodyTokens.count)...] { analysis.record(mentions) }

        var article = parts
        article.title = title
        article.people = analysis.people
        article.places = analysis.places
        article.organisations = analysis.organisations
        article.quotes = quotes
        article.language = language ?? LanguageDetector.detect(body.isEmpty ? [title ?? ""] : body)
        var words = Sentences.wordCount(title ?? "")
        for part in [summary, subheadings, body] { for line in part { words += Sentences.wordCount(line) } }
        article.wordCount = words
        article.contentHash = ContentHash.of(body)
        article.body = inReadingOrder(paragraphs: body, subheadings: subheadings, before: placement)
        return article
    }

    /// Most characters a title has: the longest headlines of the page sets have about 250. A first
    /// line with no sentence end (a file of one line, a minified script, a page rendered as one line)
    /// would otherwise be a title of any length, shown whole by every listing.
    package static let maxTitleCharacters = 300

    /// A title on one line and of at most `maxTitleCharacters`: in a title that holds a line break
    /// (a stated title whose closing quotation mark is missing runs over the page's script), each run
    /// of white space is one space; a longer title is cut after its last whole word within the limit
    /// (or at the limit, in text written without spaces) and ends with `…`.
    static func headlineSized(_ title: String) -> String {
        var title = title
        if title.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        guard title.utf8.count > maxTitleCharacters, title.count > maxTitleCharacters else { return title }
        let limit = title.index(title.startIndex, offsetBy: maxTitleCharacters - 1)
        var cut = title[..<limit]
        if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: cut.startIndex, to: space) >= maxTitleCharacters / 2 {
            cut = cut[..<space]
        }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Whether a paragraph ends a sentence: a full stop, `!`, `?`, `…` or `:` last, before any closing
    /// quotation marks or brackets.
    static func endsASentence(_ paragraph: String) -> Bool {
        let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", "»", "«", ")", "]", " "]
        guard let last = paragraph.unicodeScalars.last(where: { !closers.contains($0) }) else { return false }
        return [".", "!", "?", "…", ":"].contains(last)
    }

    /// Paragraphs with each subheading before the paragraph `placement` counts up to (after the last
    /// paragraph when the count is past them); a subheading with no place (nil, or past the end of
    /// `placement`) is left out.
    static func inReadingOrder(paragraphs: [String], subheadings: [String], before placement: [Int?]) -> [String] {
        let placed = zip(subheadings, placement).compactMap { heading, place in place.map { (heading, $0) } }
        guard !placed.isEmpty else { return paragraphs }
        var text: [String] = []
        text.reserveCapacity(paragraphs.count + placed.count)
        var next = 0
        for index in 0...paragraphs.count {
            let last = index == paragraphs.count
            while next < placed.count, last || placed[next].1 <= index {
                text.append(placed[next].0)
                next += 1
            }
            if !last { text.append(paragraphs[index]) }
        }
        return text
    }
}
