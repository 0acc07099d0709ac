import CGumbo
import Foundation
import NewsCore

/// Finds a page's article text by scoring its DOM: page furniture (navigation, asides, footers,
/// forms, share and related blocks, hidden elements) is set aside, each paragraph-like block gives
/// points to the elements around it by its length and commas, the container with the best score
/// less its link density wins (with those of its siblings that score nearly as well), and its blocks
/// become paragraphs, subheadings, captions and embedded posts in document order.
struct MainContent {
    let document: HTMLDocument
    let metadata: PageMetadata
    /// Node is furniture, or inside furniture.
    private(set) var excluded: [Bool]
    /// Non-space UTF-8 bytes of text under each node (furniture not counted).
    private(set) var textLength: [Int]
    /// The part of `textLength` inside links.
    private(set) var linkLength: [Int]
    /// Commas under each node.
    private(set) var commas: [Int]
    /// Each element's lower-cased class and id (`hints`), made once.
    private(set) var hintsOf: [String]
    /// Which class values three elements or more wear (`Evidence.dresses`).
    let dresses: Dresses
    /// The bytes of the body the markup yielded (`page()`), before the page's stated text may stand in
    /// for it: what the reader's passes compare.
    private(set) var markupLength = 0

    /// How much of the class and id evidence sets furniture aside: `.all`, then (when that leaves
    /// too little text) `.strongWords` without the words a content word can overrule, then `.tagsOnly`.
    enum Strictness: CaseIterable { case all, strongWords, tagsOnly }

    /// What every strictness pass reads the same way, made once per page: each element's hints,
    /// and what its tag, attributes and class words say before a pass weighs the words.
    struct Evidence {
        /// Each element's lower-cased class and id (`hints`; empty for text).
        let hints: [String]
        /// Per node, `0` when not asked yet, else `furniture` (by tag, role or visibility: `isFurniture`
        /// without words), `judged` (not furniture so, and its words count: it has hints and is neither
        /// an embedded post nor kept by name) or `kept` (not furniture, words not weighed).
        fileprivate var markup: [UInt8]
        fileprivate static let furniture: UInt8 = 1
        fileprivate static let judged: UInt8 = 2
        fileprivate static let kept: UInt8 = 3

        /// Per node, whether a `<main>` or an `<article>` is inside it. A `<header>` that holds one is
        /// no furniture as a whole (its other children are judged each): a `<header role="banner">` a
        /// page never closes holds the rest of the page, story and all, as HTML5 builds its tree. Other
        /// elements holding one are judged as any (a hidden dialog's own `<main>` stays hidden).
        let holdsMainOrArticle: [Bool]
        /// Per node, whether its class or id names a dialog laid over the page (`namesADialog`):
        /// furniture at every strictness. A wrapper so named (`cookies-accepted`, `modal-open`) that
        /// holds a `<main>`, an `<article>` or an `<h1>` is no dialog.
        let isDialog: [Bool]
        /// Per node, whether a `<main>`, an `<article>` or an `<h1>` is inside it.
        let holdsStory: [Bool]
        /// Per node, whether its class or id names the readers' comments under a story
        /// (`namesCommentSection`); an element that holds a `<main>`, an `<article>` or an `<h1>` is
        /// none. Furniture in every pass after `setCommentsAside()`; empty until then (most pages never
        /// ask).
        private(set) var isCommentSection: [Bool] = []

        /// Called when a pass found a story (`HTMLReader.page`): the passes that trust class words
        /// less are for a story those words set aside, and a short post's readers can write more than
        /// its author did, so from then on the comments stay out. A page whose strict pass found
        /// nothing (a post with no text, a forum's thread) may be its comments.
        mutating func setCommentsAside() {
            guard isCommentSection.isEmpty else { return }
            isCommentSection = hints.indices.map { i in
                !hints[i].isEmpty && !holdsStory[i] && MainContent.namesCommentSection(hints[i])
            }
        }
        /// Per node, whether it is furniture by its tag that holds the story, and so is none: a
        /// `<noscript>` holding a story's worth of text (`storyInNoscript` bytes or more, and a third
        /// of the page's or more), or an `<aside>` holding an `<h1>` and a story's worth of text.
        /// Blogger's templates put the post in a `<noscript>` for readers without scripts, and an
        /// element a page leaves open inside one (`<noscript><div id="nojava"></noscript>`, whose end
        /// tag HTML then ignores) puts the rest of the page there, as a parser that runs no scripts
        /// builds it; some blog themes set the post itself in an `<aside class="blogPost">`.
        let holdsTheStory: [Bool]
        /// Which class values three elements or more of the page wear (a list's items, teaser
        /// cards), counted when first asked.
        let dresses: Dresses
        /// Per node, whether it is a form for readers to fill in (`isEntryForm`): furniture at every
        /// strictness.
        let isEntryForm: [Bool]
        /// Per node, whether it is an accordion: a `role="tablist"` that holds its `role="tabpanel"`s
        /// (Bootstrap's `panel-group`, a FAQ's or a press release's sections, each opened by its
        /// heading), no furniture by its role as a bar of tabs is.
        let isAccordion: [Bool]

        init(_ document: HTMLDocument) {
            let nodes = document.nodes
            hints = nodes.map { $0.isText ? "" : MainContent.withoutTermSlugs(MainContent.hints($0)) }
            markup = [UInt8](repeating: 0, count: nodes.count)
            dresses = Dresses(document)
            // One walk from the last node to the first (children come after their parents): the
            // text under each node, and what is below it (`holds`, a bit per kind).
            let mainOrArticle: UInt8 = 1
            let panel: UInt8 = 2
            let story: UInt8 = 4
            let heading: UInt8 = 8
            let entry: UInt8 = 16
            let prose: UInt8 = 32
            var holds = [UInt8](repeating: 0, count: nodes.count)
            var text = [Int](repeating: 0, count: nodes.count)
            var noscripts = false
            for i in stride(from: nodes.count - 1, through: 0, by: -1) {
                let node = nodes[i]
                var own: UInt8 = 0
                if node.isText {
                    text[i] = node.utf8Text.count
                    if text[i] >= MainContent.entryFormProse { own = prose }
                } else if node.isTag(GUMBO_TAG_MAIN) || node.isTag(GUMBO_TAG_ARTICLE) {
                    own = mainOrArticle | story
                } else if node.isTag(GUMBO_TAG_H1) {
                    own = story | heading
                } else if node.isTag(GUMBO_TAG_NOSCRIPT) {
                    noscripts = true
                } else if MainContent.isTextEntry(node) {
                    own = entry
                }
                if !node.isText, node[.role]?.lowercased() == "tabpanel" { own |= panel }
                let p = node.parent
                if p >= 0 {
                    text[p] += text[i]
                    holds[p] |= holds[i] | own
                }
            }
            holdsMainOrArticle = holds.map { $0 & mainOrArticle != 0 }
            let storyInside = holds.map { $0 & story != 0 }
            holdsStory = storyInside
            isAccordion = nodes.indices.map { i in holds[i] & panel != 0 && nodes[i][.role]?.lowercased() == "tablist" }
            holdsTheStory = nodes.indices.map { i in
                let node = nodes[i]
                guard text[i] >= MainContent.storyInNoscript else { return false }
                return noscripts && node.isTag(GUMBO_TAG_NOSCRIPT) && text[i] * 3 >= text[0]
                    || holds[i] & heading != 0 && node.isTag(GUMBO_TAG_ASIDE)
            }
            isEntryForm = nodes.indices.map { i in
                holds[i] & (entry | story | prose) == entry && nodes[i].isTag(GUMBO_TAG_FORM)
                    && text[i] < MainContent.entryFormText && text[i] * 2 < text[0]
            }
            isDialog = nodes.indices.map { [hints] i in
                !hints[i].isEmpty && !storyInside[i] && MainContent.dialogTagSet.contains(nodes[i])
                    && MainContent.namesADialog(hints[i])
            }
        }
    }

    /// The class values of a page's elements and how many wear each, counted on the first question:
    /// only an element with a story's class words and little text asks (`baseScore`), and most pages
    /// have none. Shared by the passes of one page.
    final class Dresses {
        private let document: HTMLDocument
        private var worn: [String: Int]?

        init(_ document: HTMLDocument) { self.document = document }

        /// Whether three elements or more wear `dress` as their whole class value.
        func isRepeated(_ dress: String) -> Bool {
            if worn == nil {
                var counts: [String: Int] = [:]
                for node in document.nodes where !node.isText {
                    if let dress = node[.class], !dress.isEmpty { counts[dress, default: 0] += 1 }
                }
                worn = counts
            }
            return worn?[dress] ?? 0 >= 3
        }
    }

    init(_ document: HTMLDocument, metadata: PageMetadata, strictness: Strictness = .all) {
        var evidence = Evidence(document)
        self.init(document, metadata: metadata, strictness: strictness, evidence: &evidence)
    }

    /// `evidence` is the page's (see `Evidence`), shared by the passes of one page.
    init(_ document: HTMLDocument, metadata: PageMetadata, strictness: Strictness, evidence: inout Evidence) {
        self.document = document
        self.metadata = metadata
        let nodes = document.nodes
        let count = nodes.count
        excluded = [Bool](repeating: false, count: count)
        textLength = [Int](repeating: 0, count: count)
        linkLength = [Int](repeating: 0, count: count)
        commas = [Int](repeating: 0, count: count)
        hintsOf = evidence.hints
        dresses = evidence.dresses
        // Pages repeat their class names (every item of a list has the same): each distinct one is
        // matched against the word lists once.
        var verdicts: [String: Bool] = [:]
        for i in 0..<count {
            let parent = nodes[i].parent
            if parent >= 0 && excluded[parent] {
                excluded[i] = true
                continue
            }
            if evidence.holdsMainOrArticle[i], nodes[i].isTag(GUMBO_TAG_HEADER) { continue }
            var markup = evidence.markup[i]
            if markup == 0 {
                let node = nodes[i]
                let furniture = Self.isFurniture(node, hints: "", byRole: !evidence.isAccordion[i])
                markup = furniture && !evidence.holdsTheStory[i] ? Evidence.furniture
                    : !hintsOf[i].isEmpty && !Self.isEmbeddedPost(node) && !Self.keptByName(node) ? Evidence.judged : Evidence.kept
                evidence.markup[i] = markup
            }
            if markup == Evidence.furniture || evidence.isEntryForm[i] {
                excluded[i] = true
            } else if markup == Evidence.judged, evidence.isDialog[i] || !evidence.isCommentSection.isEmpty && evidence.isCommentSection[i] {
                excluded[i] = true
            } else if markup == Evidence.judged, strictness != .tagsOnly {
                let hints = hintsOf[i]
                if let verdict = verdicts[hints] {
                    excluded[i] = verdict
                } else {
                    let verdict = Self.isFurnitureByWords(hints, unlikely: strictness == .all)
                    verdicts[hints] = verdict
                    excluded[i] = verdict
                }
                // A story's dateline set in its first paragraph (`<p><span class="dateline">CAIRO —
                // </span>Gunmen opened fire …`) is its text, where a `dateline` block is a stamp (and
                // so is a day in such a span: `21.01.2022`). Only a paragraph's first element is asked
                // (a page of a thousand such spans in one paragraph reads it once).
                if excluded[i], parent >= 0, nodes[parent].isTag(GUMBO_TAG_P), Self.inlineTagSet.contains(nodes[i]),
                    nodes[parent].children.first(where: { !nodes[$0].isText || nodes[$0].utf8Text.contains { $0 > 0x20 } }) == i,
                    hints.containsUTF8("dateline"), PageArticle.opensWithDateline(document.text(parent))
                {
                    excluded[i] = false
                }
            }
        }
        // Children come after their parents: a backward pass sums each subtree.
        for i in stride(from: count - 1, through: 0, by: -1) {
            let node = nodes[i]
            if node.isText, !excluded[i] {
                var n = 0
                var c = 0
                // Commas of every script: `,`, and the ideographic `、` (E3 80 81), the full-width `，`
                // (EF BC 8C) and the Arabic `،` (D8 8C), told by the bytes before their last.
                var (before, twoBefore): (UInt8, UInt8) = (0, 0)
                for b in node.utf8Text where b > 0x20 {
                    n += 1
                    if b == 0x2C || b == 0x8C && (before == 0xD8 || before == 0xBC && twoBefore == 0xEF)
                        || b == 0x81 && before == 0x80 && twoBefore == 0xE3
                    {
                        c += 1
                    }
                    (before, twoBefore) = (b, before)
                }
                textLength[i] = n
                commas[i] = c
            }
            if node.isTag(GUMBO_TAG_A) { linkLength[i] = textLength[i] }
            let parent = node.parent
            if parent >= 0, !excluded[i] {
                textLength[parent] += textLength[i]
                linkLength[parent] += linkLength[i]
                commas[parent] += commas[i]
            }
        }
    }

    /// The page's fields: metadata, then the blocks sorted.
    mutating func page() -> PageArticle {
        var page = PageArticle()
        page.url = metadata.url
        page.source = metadata.source
        page.language = metadata.language
        page.published = metadata.published
        page.updated = metadata.updated
        page.authors = metadata.authors
        let roots = roots()
        var (found, posts) = blocks(roots)
        // Teaser cards among the story's blocks (`overlaidCards`): their text is a link's.
        let cards = overlaidCards(under: roots)
        if !cards.isEmpty {
            let nodes = document.nodes
            found.removeAll { block in
                var n = block.node
                for _ in 0..<8 where n >= 0 {
                    if cards.contains(n) { return true }
                    n = nodes[n].parent
                }
                return false
            }
        }
        // A gallery's slides are named captions and are its story: when they hold as much text as
        // the paragraphs, they are paragraphs.
        let named = found.reduce(0) { $0 + ($1.namedCaption ? $1.length : 0) }
        let paragraphs = found.reduce(0, { $0 + ($1.role == .paragraph ? $1.length : 0) })
        if named > 0, named >= paragraphs {
            for k in found.indices where found[k].namedCaption { found[k].role = .paragraph }
        } else if case let captions = found.reduce(0, { $0 + ($1.role == .caption ? $1.length : 0) }), captions > 2 * paragraphs {
            // A slideshow's page, its story told in its photos' captions (`div.caption`) under a line
            // of its own: the captions are the story.
            for k in found.indices where found[k].role == .caption { found[k].role = .paragraph }
        }
        page.embeddedPosts = posts
        let (headings, inHeaders, onlyH1, firstH1) = headlines()
        let printedHeadline = Self.printedOrStated(
            metadata: metadata, headings: headings, inHeaders: inHeaders, onlyH1: onlyH1, firstH1: firstH1, above: linesAboveStory(found),
            opening: Self.openingWords(found)
        )
        page.title = printedHeadline.map { Self.withoutKicker($0, metadata: metadata) }.map(PageArticle.withoutAddressOrDay)
        let titleKey = Self.key(page.title ?? "")
        // The headline as the page prints it, with a kicker the title leaves out, is no text of the
        // story either.
        let printedKey = printedHeadline.map { Self.key(PageArticle.withoutAddressOrDay($0)) } ?? titleKey
        let isTheTitle = { (text: String) in
            Self.mayHaveKey(text, printedKey.utf8.count > titleKey.utf8.count ? printedKey : titleKey)
                && [titleKey, printedKey].contains(Self.key(text))
        }

        // Stated names that are no person's (`NBCNews` from a social card) leave the byline to the page.
        let plausible = { (name: String) in
            PageArticle.isPlausibleAuthor(name) && !Self.isAccountLinks(name) && !Self.namesNoOne.contains(name.lowercased())
        }
        // A byline's label alone (`Autor:` in a heading of its own) and the names in the next block
        // (`Peter Maahn/SP-X`), anywhere: both are the byline, neither is text of the story.
        var labelled: [Int: [String]] = [:]
        for k in found.indices.dropLast() where found[k].length <= 24 && found[k + 1].length < 80 && PageArticle.isBylineLabel(found[k].text) {
            if let names = PageArticle.printedByline(found[k].text + " " + found[k + 1].text), !names.isEmpty { labelled[k] = names }
        }
        var seenBody = false
        var openingBlock = -2  // the block that opened the story
        var bylineUnderOpening: [String] = []
        var skipping = false
        var inSummary = false
        for (k, block) in found.enumerated() {
            if skipping {
                skipping = false
                continue
            }
            // Above the story, a list under a summary's label (`Key Points`, `Summary`, `Highlights`)
            // followed by the story's prose is its summary: bullets of their own, not the story's
            // paragraphs, the label neither. (A post that opens with a section so named and goes on
            // with more lists keeps it.)
            if inSummary, block.role == .listItem {
                page.summary.append(block.text)
                continue
            }
            inSummary = false
            if !seenBody, block.length <= 16, PageArticle.isSummaryHeader(block.text),
                found.indices.contains(k + 1), found[k + 1].role == .listItem,
                found[(k + 1)...].first(where: { block in
                    block.role == .heading || block.role == .title
                        || block.role == .paragraph && block.length >= Self.storyOpening
                })?.role == .paragraph
            {
                inSummary = true
                continue
            }
            if let names = labelled[k] {
                if !page.authors.contains(where: plausible) { page.authors = names }
                skipping = true
                continue
            }
            // Above the story a byline is read before links count against a block (the author's name
            // is often a link: `By <a>Jose de la Cruz</a>`), in the forms pages print it when short
            // (`Von David Hutzler, dpa`, a kind of piece and its author: `Eine Kolumne von Nils
            // Pickert`), and names the author where the stated one is no person's (`Nils`).
            if !seenBody, block.role != .title,
                let names = PageArticle.byline(block.text) ?? (block.length < 80 ? PageArticle.printedByline(block.text) : nil),
                !names.isEmpty
            {
                if !page.authors.contains(where: plausible) { page.authors = names }
                continue
            }
            // Just under the story's opening paragraph (a standfirst), a byline in the forms read above
            // it (`By Steven Baxter`, `Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR`)
            // leaves the body; it names the author where the page names no person and no byline's
            // element does (below).
            if seenBody, k == openingBlock + 1, block.role == .paragraph, block.length < 160,
                let names = PageArticle.byline(block.text) ?? (block.length < 80 ? PageArticle.printedByline(block.text) : nil),
                !names.isEmpty
            {
                bylineUnderOpening = names
                continue
            }
            let density = block.length == 0 ? 0 : Double(block.links) / Double(block.length)
            if density > 0.5, block.role != .quote, !Self.isLinkedProse(block, density: density) { continue }
            if !seenBody {
                // Above the first paragraph: the headline again, bylines and date stamps.
                if block.role == .title { continue }
                // (A long block's key is made only when it may be the title's.)
                let blockKey = block.length < 80 || Self.mayHaveKey(block.text, titleKey) ? Self.key(block.text) : nil
                if isTheTitle(block.text) { continue }
                if block.length < 80, page.authors.contains(where: { Self.key($0) == blockKey }) { continue }
                if let stamp = PageArticle.stamp(block.text) {
                    if stamp.updated { page.updated = page.updated ?? stamp.value } else { page.published = page.published ?? stamp.value }
                    continue
                }
                // Stamps the dateline reader does not read whole: two on a line, or a time of day
                // before the day (`Published: … | Last updated: …`, `Last Updated: 12:01am GMT 08/01/2008`).
                if let stamps = PageArticle.labelledStamps(block.text) {
                    page.published = page.published ?? stamps.published
                    page.updated = page.updated ?? stamps.updated
                    continue
                }
                // The sections above the page (`Home > News > Business`).
                if PageArticle.isBreadcrumb(block.text) { continue }
                // A day and time alone above the story (`01-14-2008 15:45`, `14.01.2008`): a stamp the
                // line reader does not read, still no text of the story.
                if block.length <= 40, Self.isOnlyADate(block.text), Self.namesAYear(block.text) { continue }
            }
            if PageArticle.isDebris(cleaned: block.text) { continue }
            // A stamp alone on its line below the story's opening (a related story's day, `January 10,
            // 2008 -`, a revision's `Last Updated: 11:48 IST(11/1/2008)`): no sentence of the story.
            // A time of day alone (`8 p.m.:` in a story told hour by hour) is no stamp.
            if seenBody, block.length <= 80, block.role != .title,
                PageArticle.stamp(block.text) != nil || PageArticle.labelledStamps(block.text) != nil
            {
                continue
            }
            switch block.role {
            case .title, .heading:
                if !isTheTitle(block.text) {
                    page.subheadings.append(block.text)
                    page.subheadingPlacement.append(page.body.count)
                }
            case .caption:
                page.captions.append(block.text)
            case .paragraph, .quote, .listItem:
                if block.role == .paragraph, block.length < 40, PageArticle.isCaption(cleaned: block.text) {
                    page.captions.append(block.text)
                    continue
                }
                page.body.append(block.text)
                // A short line (`Quelle: dpa-AFX`, `Werbung`) does not yet open the story: a byline
                // or a stamp after it is still read as one.
                if block.length >= Self.storyOpening, !seenBody {
                    seenBody = true
                    openingBlock = k
                }
            }
        }
        // The site's notices under the story (`Follow The Gleaner on Twitter …`, `© 2022 … All rights
        // reserved`, `This site uses Akismet to reduce spam`).
        page.body.removeLast(PageArticle.trailingPromotions(page.body))
        // Short lines above the story's dateline (`By Reuters`, a wire slug, a stamp) head the story.
        if case let header = PageArticle.linesAboveDateline(page.body), header > 0 {
            page.body.removeFirst(header)
            page.subheadingPlacement = page.subheadingPlacement.map { max(0, $0 - header) }
        }
        // A byline's element vouches for a name of one word too (`Heiko`), where a stated one may be a
        // social account (`TodayShow`).
        let printedName = { (name: String) in plausible(name) || Self.singleName(name) == name }
        page.authors = page.authors.map(Self.tidyName).filter(plausible)
        // A stated author that is the outlet itself (`ABC News`, `mediagene Inc.`) gives way to the
        // people the page's byline names.
        let isOutlet = { [metadata] (name: String) in Self.namesAnOutlet(name, source: metadata.source) }
        // The outlet named beside its people (`Ariel Melgar Cabrera`, `El Deber`) is no author.
        if page.authors.contains(where: { !isOutlet($0) }) { page.authors.removeAll(where: isOutlet) }
        // A later stated field (`author` after an `article:author` naming the site) when the page
        // prints no byline.
        let later = metadata.laterAuthors.map(Self.tidyName).filter { plausible($0) && !isOutlet($0) }
        if page.authors.isEmpty {
            page.authors = pageBylines(roots).map(Self.tidyName).filter(printedName)
            if page.authors.isEmpty { page.authors = bylineUnderOpening.map(Self.tidyName).filter(plausible) }
            if page.authors.isEmpty { page.authors = later }
            if page.authors.isEmpty { page.authors = labelledByline().map(Self.tidyName).filter(plausible) }
            if page.authors.isEmpty { page.authors = metadata.cardAuthors.map(Self.tidyName).filter { plausible($0) && !isOutlet($0) } }
            // The story signed under its last paragraph (`<p><b><i>Stefan Wasmer</i></b></p>`): a
            // last paragraph that is only a person's name, a given name newsd knows first.
            if page.authors.isEmpty, let last = page.body.last, let name = PageArticle.signedName(last) {
                page.authors = [name]
                page.body.removeLast()
            }
            // A page that says it is an article is read as whole-page text for its byline next
            // (`HTMLReader`); another, by a byline word and a known given name anywhere.
            if page.authors.isEmpty, !metadata.statesArticle { page.authors = bylineWithAKnownName() }
        } else if page.authors.allSatisfy(isOutlet) {
            let printed = pageBylines(roots).map(Self.tidyName).filter { printedName($0) && !isOutlet($0) }
            let under = bylineUnderOpening.map(Self.tidyName).filter { plausible($0) && !isOutlet($0) }
            if !printed.isEmpty {
                page.authors = printed
            } else if !under.isEmpty {
                page.authors = under
            } else if !later.isEmpty {
                page.authors = later
            }
        }
        // Short lines under the story's last sentence (`previous post`, `Comments (+)`) are the page's
        // (after a signature under the story was read as its author).
        page.body.removeLast(PageArticle.trailingShortLines(page.body))
        // A heading under the story's last paragraph heads nothing of it (a comment form's `Speak
        // your mind`, `Related posts` over links that are not kept).
        while let last = page.subheadingPlacement.last, last >= page.body.count, !page.body.isEmpty {
            page.subheadingPlacement.removeLast()
            page.subheadings.removeLast()
        }
        // A name that runs on into the author's card (`Jane Doe Journaliste au Monde Suivre …`) is
        // the name before it again.
        page.authors = page.authors.enumerated().filter { index, name in
            !page.authors[..<index].contains { name.hasPrefix($0 + " ") }
        }.map(\.element)
        // Numeric dates are read in the order the page writes them (`DayOrder.pageOrder`).
        let order = PageOrder(locale: metadata.localeDayFirst) { [document] in document.nodes.filter(\.isText).map(\.text) }
        // Publication fields that disagree on the day (a JSON-LD `datePublished` of 2021-12-06 against
        // an `article:published_time` of 2022-12-15): the one whose day the page prints, when the
        // most trusted one's is not printed, and not the day the page says it was modified (a
        // `datePublished` that a content system rewrites on each change).
        if let stated = page.published, stated == metadata.published, !metadata.otherPublished.isEmpty {
            let printed = printedDays(order: order)
            let modified = metadata.updated?.prefix(10)
            if !printed.contains(String(stated.prefix(10))),
                let other = metadata.otherPublished.first(where: { printed.contains(String($0.prefix(10))) && $0.prefix(10) != modified })
            {
                page.published = other
            }
        }
        // A day printed under a publication label outranks a generic field's (`<meta name="date">`);
        // the field's time stays when its day is the one printed.
        if page.published == nil || metadata.publishedIsGeneric && page.published == metadata.published,
            let printed = labelledDate(order: order), page.published?.hasPrefix(printed) != true
        {
            page.published = printed
        }
        if page.published == nil { page.published = pageDate(order: order) }
        if page.published == nil {
            // A day printed in the story's first blocks (`am 20.06.2018`, `Datum: 22.12.2012`), else in a
            // short line anywhere on the page.
            page.published = found.prefix(12).lazy.compactMap { DateText.find(in: String($0.text.prefix(300)), page: order) }.first
                ?? shortTextDate(story: storySpan(found, body: page.body), order: order)
        }

        // The page's own statement of its text wins when the markup yielded much less of it.
        markupLength = page.body.reduce(0) { $0 + $1.utf8.count }
        if let stated = metadata.articleBody {
            let statedLength = stated.utf8.count
            if statedLength > 400, markupLength * 2 < statedLength {
                page.body = stated.parts(separatedBy: "\n").map { PageArticle.clean(String($0)) }.filter { !$0.isEmpty }
                page.subheadings = []
                page.subheadingPlacement = []
            }
        }
        if metadata.isLive {
            page.kind = .live
            if !metadata.liveUpdates.isEmpty {
                // A post's paragraph is known by its opening, which the page and its metadata print
                // alike where the rest may differ.
                let opening = { (text: String) in String(text.prefix(40)) }
                let posts = metadata.liveUpdates.map { update in
                    update.body.parts(separatedBy: "\n").map { PageArticle.clean(String($0)) }.filter { !$0.isEmpty }
                }
                // The posts the page prints, and those the metadata lists before them: a blog's metadata
                // may hold its whole history, hundreds of posts older than the page shows (the
                // Mirror's), which are no more the page's story than another page's.
                // Each printed paragraph is the first post's that opens so (a later post may repeat
                // an earlier one's first paragraph); openings of forty characters, as a short line (a
                // post's heading, `How you can help the clean-up`) may be printed in a box of links.
                var firstPost: [String: Int] = [:]
                for (k, paragraphs) in posts.enumerated() {
                    for text in paragraphs where text.count >= 40 && firstPost[opening(text)] == nil {
                        firstPost[opening(text)] = k
                    }
                }
                let shown = page.body.compactMap { firstPost[opening($0)] }.max().map { $0 + 1 } ?? posts.count
                var body: [String] = []
                var heads: [String] = []
                var placement: [Int] = []
                for (update, paragraphs) in zip(metadata.liveUpdates, posts).prefix(shown) {
                    if let h = update.headline {
                        heads.append(h)
                        placement.append(body.count)
                    }
                    body += paragraphs
                }
                if body.reduce(0, { $0 + $1.utf8.count }) * 2 >= page.body.reduce(0, { $0 + $1.utf8.count }) {
                    // The blog's introduction stays the body's opening: the sentences of eight words
                    // or more the page prints above the first paragraph of any post (not a post's
                    // stamp, `21 mins ago11:48 Jon King`, nor a player's `Video Loading`).
                    let posted = Set(body.map(opening))
                    let intro = page.body.firstIndex { posted.contains(opening($0)) }
                        .map { page.body[..<$0].filter(Self.isIntroSentence) } ?? []
                    page.body = intro + body
                    page.subheadings = heads
                    page.subheadingPlacement = placement.map { $0 + intro.count }
                }
            }
        }
        return page
    }

    /// Whether a paragraph above a live blog's first post is its introduction: eight words or more
    /// that end a sentence or a quotation. Not the text reader's `endsASentence`, which wants the stop
    /// before a closing quote: the Mirror's introduction ends `… to keep "Nazis off our streets"`.
    static func isIntroSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        return ".!?\"”’»".unicodeScalars.contains(last) && text.split(separator: " ").count >= 8
    }

    /// A paragraph of sentences most of whose words are links (`Monday's best deals include <a>MacBooks
    /// from $700</a>. You'll also find <a>…</a>`): a quarter of it or more is its own words and it
    /// ends a sentence, where a list of links is links alone or a label and links (`Read more: …`).
    static func isLinkedProse(_ block: Block, density: Double) -> Bool {
        guard block.role == .paragraph, density <= 0.75, block.length - block.links >= 25 else { return false }
        guard let last = block.text.utf8.last(where: { $0 > 0x20 }) else { return false }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
    }

    /// Whether an element is a field a reader types into: a `<textarea>`, or an `<input>` for text,
    /// a password, an address or a number (not a hidden field, a button or a box to tick).
    static func isTextEntry(_ node: HTMLDocument.Node) -> Bool {
        if node.isTag(GUMBO_TAG_TEXTAREA) { return true }
        guard node.isTag(GUMBO_TAG_INPUT) else { return false }
        guard let type = node[.type]?.lowercased() else { return true }
        return ["text", "password", "email", "tel", "number", "url"].contains(type)
    }

    /// Bytes of text under which a `<form>` with a field to type into and no `<h1>`, `<main>` or
    /// `<article>` is a form for readers (a comment box, a login, a newsletter's sign-up, a
    /// registration's labels, a story's e-mail-to-a-friend box), not a page a site wraps whole in
    /// its one `<form>` (ASP.NET's), whose text is the page's. A form that holds half the page's
    /// text or more is that page too, however short (a brief of two lines and a search box).
    static let entryFormText = 2000

    /// Bytes of one run of text that make a `<form>` hold prose, not labels and notes: a story
    /// some sites set inside a form is read.
    static let entryFormProse = 200

    /// Bytes of text in a `<noscript>` that make it no furniture (`Evidence.holdsTheStory`): more
    /// than any notice that scripts are off says.
    static let storyInNoscript = 1000

    /// Characters of the first paragraph that opens the story; shorter lines before it are still
    /// where bylines and date stamps are printed.
    static let storyOpening = 100
}
