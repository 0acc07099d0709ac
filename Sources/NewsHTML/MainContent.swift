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

        /// Per node, whether a `<main>` is inside it. A `<header>` that holds one is no furniture as a
        /// whole (its other children are judged each): a `<header role="banner">` a page never closes
        /// holds the rest of the page, story and all, as HTML5 builds its tree. Other elements holding
        /// a `<main>` are judged as any (a hidden dialog's own `<main>` stays hidden).
        let holdsMain: [Bool]

        init(_ document: HTMLDocument) {
            let nodes = document.nodes
            hints = nodes.map { $0.isText ? "" : MainContent.withoutTermSlugs(MainContent.hints($0)) }
            markup = [UInt8](repeating: 0, count: nodes.count)
            var holdsMain = [Bool](repeating: false, count: nodes.count)
            for i in nodes.indices where nodes[i].isTag(GUMBO_TAG_MAIN) {
                var p = nodes[i].parent
                while p >= 0, !holdsMain[p] {
                    holdsMain[p] = true
                    p = nodes[p].parent
                }
            }
            self.holdsMain = holdsMain
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
        // Pages repeat their class names (every item of a list has the same): each distinct one is
        // matched against the word lists once.
        var verdicts: [String: Bool] = [:]
        for i in 0..<count {
            let parent = nodes[i].parent
            if parent >= 0 && excluded[parent] {
                excluded[i] = true
                continue
            }
            if evidence.holdsMain[i], nodes[i].isTag(GUMBO_TAG_HEADER) { continue }
            var markup = evidence.markup[i]
            if markup == 0 {
                let node = nodes[i]
                markup = Self.isFurniture(node, hints: "") ? Evidence.furniture
                    : !hintsOf[i].isEmpty && !Self.isEmbeddedPost(node) && !Self.keptByName(node) ? Evidence.judged : Evidence.kept
                evidence.markup[i] = markup
            }
            if markup == Evidence.furniture {
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
            }
        }
        // Children come after their parents: a backward pass sums each subtree.
        for i in stride(from: count - 1, through: 0, by: -1) {
            let node = nodes[i]
            if node.isText, !excluded[i] {
                var n = 0
                var c = 0
                for b in node.utf8Text where b > 0x20 {
                    n += 1
                    if b == 0x2C { c += 1 }
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

    // MARK: - Furniture

    static let furnitureTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "button", "select",
        "input", "textarea", "iframe", "canvas", "header", "menu", "dialog", "head", "map",
        "label", "option",
    ]
    static let furnitureTagSet = HTMLDocument.TagSet(furnitureTags)
    static let furnitureRoles: Set<String> = [
        "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "search", "dialog", "alert",
        "toolbar", "tablist",
    ]
    /// Class or id words that mark furniture unless a word of `contentHints` is there too.
    static let unlikely = [
        "-ad-", "banner", "breadcrumb", "combx", "comment", "community", "disqus", "extra", "footer", "gdpr", "header",
        "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
        "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "masthead", "navbar", "nav",
        "widget", "tags", "hidden", "teaser", "rating", "toolbar", "share", "feedback", "gallery", "slideshow",
    ]
    static let contentHints = ["and", "article", "body", "column", "content", "main", "shadow", "story", "text", "entry", "post"]
    /// Class or id words that mark furniture wherever they occur.
    static let furnitureWords = [
        "sharedaddy", "share-", "-share", "sharing", "social-", "newsletter", "subscribe", "promo", "outbrain",
        "taboola", "recommend", "most-read", "mostread", "most-popular", "most-viewed", "mostviewed",
        "most-shared", "most-commented", "recirc", "read-next", "readnext", "up-next", "upnext", "more-from",
        "editors-picks", "editorspicks", "you-may-like", "related-content", "relatedcontent", "related-links",
        "related-news", "trending", "cookie", "signup", "sign-up",
        "advert", "byline", "author", "breadcrumb", "caption-credit", "image-credit", "photo-credit", "skip-link",
        "skiplink", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "dateline",
        "timestamp", "published-date", "article-date", "post-date", "entry-date", "entry-meta", "post-meta",
        "article-meta", "article-info", "post-info", "ad-container", "ad-slot", "adslot", "advertisement", "sponsored",
        "donate", "more-stories", "also-read", "see-also", "tag-list", "article-tags",
        "post-tags", "keywords", "print-only", "login", "carousel", "comment-", "comments", "commenttext", "commentbody",
        "commentcontent", "commentlist", "relatedposts",
        "related-posts", "related_posts", "related-articles", "related-stories", "yarpp", "next-prev", "prev-next",
        "nextprev", "prevnext", "trackback",
    ]

    static let furnitureWordList = WordList(furnitureWords)
    static let unlikelyList = WordList(unlikely)
    static let contentHintList = WordList(contentHints)

    /// Whether an element is page furniture by its tag, role, visibility or class and id words.
    static func isFurniture(_ node: HTMLDocument.Node, hints words: String, unlikely useUnlikely: Bool = true) -> Bool {
        if node.isText { return false }
        if furnitureTagSet.contains(node) { return true }
        if node[.hidden] != nil || node[.ariaHidden]?.lowercased() == "true" { return true }
        if let style = node[.style], style.lowercasedHasBytes("display:none") || style.lowercasedHasBytes("display: none")
            || style.lowercasedHasBytes("visibility:hidden")
        {
            return true
        }
        if let property = node[.itemprop]?.lowercased(),
            property == "author" || property == "creator" || property == "datepublished" || property == "datemodified"
        {
            return true
        }
        if keptByName(node) { return false }
        if let role = node[.role]?.lowercased(), furnitureRoles.contains(role) { return true }
        if words.isEmpty || isEmbeddedPost(node) { return false }
        return isFurnitureByWords(words, unlikely: useUnlikely)
    }

    /// Elements whose class words never make them furniture.
    static func keptByName(_ node: HTMLDocument.Node) -> Bool {
        keptTagSet.contains(node)
    }

    static let keptTagSet = HTMLDocument.TagSet(["html", "body", "main", "article", "p", "a"])

    /// Whether class and id words (lower-cased) say furniture.
    static func isFurnitureByWords(_ words: String, unlikely useUnlikely: Bool) -> Bool {
        if furnitureWordList.occurs(in: words), !namesAPost(words) || furnitureWordList.occurs(in: withoutTaxonomy(words)) { return true }
        // Blogger's posts widget (`widget Blog`, beside `widget BlogArchive` and the other widgets of
        // its sidebar) holds the page's posts.
        if words.hasBytes("widget"), words.split(separator: " ").contains("blog") { return false }
        if useUnlikely, unlikelyList.occurs(in: words), !contentHintList.occurs(in: words) {
            return true
        }
        return false
    }

    /// Class words that name a post or an entry as a whole (WordPress's `post type-post hentry`,
    /// TypePad's `entry`): on such an element, words made from the post's author, categories and tags
    /// (`entry-author-aws_evangelist`, `category-social-media`, `tag-newsletter`) say nothing of
    /// furniture; its other words still do (`<div class="post" id="author">`).
    static let postWords: Set<Substring> = ["entry", "hentry", "post", "type-post", "h-entry"]

    /// Openings of the class words a blog engine makes from a post's author, categories and tags.
    static let taxonomyPrefixes = ["category-", "tag-", "entry-category-", "entry-author-", "entry-tag-", "post_tag-", "format-", "status-"]

    /// Whether one of the words is, whole, a `postWords` word.
    static func namesAPost(_ words: String) -> Bool {
        words.split(separator: " ").contains { postWords.contains($0) }
    }

    /// The words without those a blog engine makes from a post's author, categories and tags.
    static func withoutTaxonomy(_ words: String) -> String {
        words.split(separator: " ").filter { word in !taxonomyPrefixes.contains { word.hasPrefix($0) } }.joined(separator: " ")
    }

    /// The lower-cased class and id of an element (empty when it has neither), a space between them.
    /// Every word looked for in them is written without a space, so an element with only one of them
    /// has it alone, as written when it is lower-case ASCII (no new string).
    static func hints(_ node: HTMLDocument.Node) -> String {
        let c = node[.class] ?? ""
        let i = node[.id] ?? ""
        if c.isEmpty && i.isEmpty { return "" }
        if i.isEmpty, c.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return c }
        if c.isEmpty, i.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return i }
        guard c.utf8.allSatisfy({ $0 < 0x80 }), i.utf8.allSatisfy({ $0 < 0x80 }) else { return (c + " " + i).lowercased() }
        // ASCII (nearly always): lower-cased byte by byte into one new string.
        return String(unsafeUninitializedCapacity: c.utf8.count + 1 + i.utf8.count) { buffer in
            var k = 0
            for b in c.utf8 {
                buffer[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                k += 1
            }
            buffer[k] = 0x20
            k += 1
            for b in i.utf8 {
                buffer[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                k += 1
            }
            return k
        }
    }

    /// A blog post's class words without the slugs of its categories and tags (WordPress writes
    /// `post type-post status-publish hentry category-social-media tag-sharing`): a post filed under
    /// social media is no share bar.
    static func withoutTermSlugs(_ hints: String) -> String {
        // The slugs first: most elements have none, and then one or two searches settle it.
        guard hints.hasBytes("tag-") || hints.hasBytes("category-"),
            hints.hasBytes("hentry") || hints.hasBytes("status-publish") || hints.hasBytes("type-post")
        else { return hints }
        return hints.split(separator: " ").filter { !$0.hasPrefix("category-") && !$0.hasPrefix("tag-") }.joined(separator: " ")
    }

    /// A tweet, Truth Social, Telegram, Instagram or Bluesky embed.
    static func isEmbeddedPost(_ node: HTMLDocument.Node) -> Bool {
        guard node.isTag(GUMBO_TAG_BLOCKQUOTE) || node.isTag(GUMBO_TAG_DIV) || node.isTag(GUMBO_TAG_FIGURE) else { return false }
        guard let words = node[.class] else { return false }
        return embedWords.occurs(inLowercased: words)
    }

    /// The most text an embedded post holds (an Instagram caption's 2,200 characters and the card).
    static let longestPost = 3000

    static let embedWords = WordList([
        "twitter-tweet", "truth-embed", "truthsocial", "telegram-post", "instagram-media", "bluesky-embed",
        "tiktok-embed", "mastodon-embed", "threads-embed", "x-post",
    ])

    // MARK: - Blocks

    /// One block of text in document order and what it is.
    struct Block {
        enum Role { case paragraph, heading, title, caption, quote, listItem }
        var role: Role
        var text: String
        var links: Int
        var length: Int
        var node: Int
        /// A caption by its elements' names alone (`span.newsCaption`), not by its own element.
        var namedCaption = false
    }

    /// The text under the roots cut into blocks at block-level elements.
    private func blocks(_ roots: [Int]) -> (blocks: [Block], posts: [Article.EmbeddedPost]) {
        let nodes = document.nodes
        var out: [Block] = []
        var posts: [Article.EmbeddedPost] = []
        var text: [UInt8] = []  // the block's text so far, line ends and tabs made spaces
        var links = 0
        var owner: [Int] = []  // block elements open, innermost last
        var cells = Set<Int>()  // cells of a data table's rows: a row is one line
        var inCaption = 0  // elements open whose class says caption
        var (captionBytes, otherBytes) = (0, 0)  // the block's text inside and outside them
        func flush() {
            // Most block elements end with no text of their own (a `<div>` of `<div>`s).
            guard text.contains(where: { $0 != 0x20 }) else {
                text.removeAll(keepingCapacity: true)
                (links, captionBytes, otherBytes) = (0, 0, 0)
                return
            }
            let clean = PageArticle.clean(String(decoding: text, as: UTF8.self))
            text.removeAll(keepingCapacity: true)
            let l = links
            links = 0
            let allCaption = captionBytes > 0 && otherBytes == 0
            (captionBytes, otherBytes) = (0, 0)
            guard !clean.isEmpty, let node = owner.last else { return }
            let element = nodes[node]
            let role: Block.Role
            switch GumboTag(rawValue: UInt32(element.tag)) {
            case GUMBO_TAG_H1: role = .title
            case GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6: role = .heading
            case GUMBO_TAG_FIGCAPTION: role = .caption
            case GUMBO_TAG_BLOCKQUOTE: role = .quote
            case GUMBO_TAG_LI, GUMBO_TAG_DT, GUMBO_TAG_DD: role = .listItem
            // A short block whose every word is in an element named for a caption (`span.newsCaption`
            // in a photo's box, `div.caption > p`) is a caption; a gallery's long slide texts are its story.
            // (The block's own element may be a box with a caption, `has-caption`: its own text is
            // the caption or the credit.)
            default: role = hintsOf[node].hasBytes("caption") || allCaption && clean.utf8.count <= 300 ? .caption : .paragraph
            }
            var length = 0
            for b in clean.utf8 where b > 0x20 { length += 1 }
            let named = allCaption && role == .caption && !hintsOf[node].hasBytes("caption")
            out.append(Block(role: role, text: clean, links: min(l, length), length: length, node: node, namedCaption: named))
        }
        for root in roots {
            // (node, entering): exits are pushed below their children.
            var stack: [(Int, Bool)] = [(root, true)]
            var inLink = 0
            while let (i, entering) = stack.popLast() {
                let node = nodes[i]
                if !entering {
                    if node.isTag(GUMBO_TAG_A) { inLink -= 1 }
                    if Self.namesACaption(hintsOf[i]) { inCaption -= 1 }
                    if cells.contains(i) { continue }
                    if Self.blockTagSet.contains(node) {
                        flush()
                        owner.removeLast()
                    }
                    continue
                }
                if node.isText {
                    for b in node.utf8Text { text.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b) }
                    if textLength[i] > 0 {
                        if inCaption > 0 { captionBytes += textLength[i] } else { otherBytes += textLength[i] }
                    }
                    if inLink > 0 { for b in node.utf8Text where b > 0x20 { links += 1 } }
                    continue
                }
                // (A theme that names the story's own container like an embed — `instagram-media
                // post-template-content` — holds more text than any post.)
                if Self.isEmbeddedPost(node), textLength[i] <= Self.longestPost {
                    flush()
                    if let post = embeddedPost(i) { posts.append(post) }
                    continue
                }
                if excluded[i] { continue }
                if node.isTag(GUMBO_TAG_BR) {
                    flush()
                    continue
                }
                if node.isTag(GUMBO_TAG_A) { inLink += 1 }
                if Self.namesACaption(hintsOf[i]) { inCaption += 1 }
                if node.isTag(GUMBO_TAG_TR), let row = dataRowCells(i) { cells.formUnion(row) }
                if cells.contains(i) {
                    text.append(0x20)
                } else if Self.blockTagSet.contains(node) {
                    flush()
                    owner.append(i)
                } else if owner.isEmpty {
                    owner.append(i)
                    stack.append((i, false))
                    for c in node.children.reversed() { stack.append((c, true)) }
                    continue
                }
                stack.append((i, false))
                for c in node.children.reversed() { stack.append((c, true)) }
            }
            flush()
            owner.removeAll()
        }
        return (out, posts)
    }

    /// Whether class and id words name a caption (`newsCaption`, `caption`, `wp-caption-text`), not a
    /// box with or without one (`withoutCaption`, `has-caption`).
    static func namesACaption(_ hints: String) -> Bool {
        guard !hints.isEmpty, hints.hasBytes("caption") else { return false }
        return !(hints.hasBytes("withoutcaption") || hints.hasBytes("nocaption") || hints.hasBytes("no-caption")
            || hints.hasBytes("has-caption") || hints.hasBytes("hascaption") || hints.hasBytes("with-caption"))
    }

    /// The cells of a table row that holds data, not layout: two cells or more, each short and
    /// without blocks of its own (a paragraph, a line break, a nested table). Such a row reads as
    /// one line (`The Time Travelers 1964 Scientists test a time-viewing device …`).
    private func dataRowCells(_ row: Int) -> [Int]? {
        let nodes = document.nodes
        var cells: [Int] = []
        for c in nodes[row].children {
            let child = nodes[c]
            if child.isText {
                guard child.isBlank else { return nil }
                continue
            }
            guard child.isTag(GUMBO_TAG_TD) || child.isTag(GUMBO_TAG_TH), textLength[c] <= 400, isInlineCell(c) else { return nil }
            cells.append(c)
        }
        return cells.count >= 2 ? cells : nil
    }

    /// Whether a cell holds only inline content: no more than 64 nodes under it, none of them a
    /// block (nested tables cost little).
    private func isInlineCell(_ cell: Int) -> Bool {
        let nodes = document.nodes
        let under = nodes[cell].descendants
        return under.count <= 64 && !under.contains { Self.blockTagSet.contains(nodes[$0]) }
    }

    /// A tweet's text and its `— Name (@handle) date` line.
    private func embeddedPost(_ i: Int) -> Article.EmbeddedPost? {
        let nodes = document.nodes
        var text = ""
        for c in document.descendants(of: i) where nodes[c].name == "p" {
            text = document.text(c)
            break
        }
        let whole = document.text(i)
        if text.isEmpty { text = whole }
        guard !whole.isEmpty else { return nil }
        var author: String?
        var handle: String?
        var date: String?
        if let open = whole.range(of: "(@", options: .backwards),
            let close = whole[open.upperBound...].firstIndex(of: ")")
        {
            handle = String(whole[open.upperBound..<close])
            let rest = whole[whole.index(after: close)...].trimmingCharacters(in: .whitespaces)
            date = rest.isEmpty ? nil : rest
            var before = whole[..<open.lowerBound]
            if let dash = before.lastIndex(where: { "—–-".contains($0) }) { before = before[before.index(after: dash)...] }
            let name = before.trimmingCharacters(in: .whitespaces)
            author = name.isEmpty || name.count > 80 ? nil : name
        }
        if handle?.contains(" ") == true { handle = nil }
        return Article.EmbeddedPost(author: author, handle: handle, date: date, text: text)
    }

    /// Teaser cards: an element with a heading and little text (under 300 bytes) whose link is an
    /// empty `<a>` child laid over the whole card by the stylesheet (`<article><h3>Headline</h3>
    /// <p>Miradas</p><a class="links" href="…"></a></article>`), so that no text of it is inside a
    /// link and its kicker passed for a paragraph. Teasers come in lists: three such cards or none.
    /// An empty anchor with a name or an id (a target: Blogger's `<a name="…">` over each post), or
    /// inside a paragraph, a heading or a cell, makes no card.
    private func overlaidCards(under roots: [Int]) -> Set<Int> {
        let nodes = document.nodes
        var cards = Set<Int>()
        for root in roots {
            for i in nodes[root].descendants where nodes[i].isTag(GUMBO_TAG_A) && textLength[i] == 0 && !excluded[i] {
                let anchor = nodes[i]
                guard anchor[.name] == nil, anchor[.id] == nil, anchor.descendants.allSatisfy({ nodes[$0].isText }) else { continue }
                let card = anchor.parent
                guard card >= 0, !cards.contains(card), textLength[card] > 0, textLength[card] < 300,
                    !Self.textElements.contains(nodes[card]),
                    nodes[card].descendants.contains(where: { Self.teaserHeadings.contains(nodes[$0]) })
                else { continue }
                cards.insert(card)
            }
        }
        return cards.count >= 3 ? cards : []
    }

    /// Elements that hold a line of text, not a card.
    static let textElements = HTMLDocument.TagSet([
        "p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "b", "i", "em", "strong", "a", "font",
    ])
    /// The headings a teaser card's headline is set in.
    static let teaserHeadings = HTMLDocument.TagSet(["h2", "h3", "h4", "h5"])

    // MARK: - The page

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
        if named > 0, named >= found.reduce(0, { $0 + ($1.role == .paragraph ? $1.length : 0) }) {
            for k in found.indices where found[k].namedCaption { found[k].role = .paragraph }
        }
        page.embeddedPosts = posts
        let (headings, inHeaders, onlyH1, firstH1) = headlines()
        page.title = Self.headline(
            metadata: metadata, headings: headings, inHeaders: inHeaders, onlyH1: onlyH1, firstH1: firstH1, above: linesAboveStory(found),
            opening: Self.openingWords(found))
        let titleKey = Self.key(page.title ?? "")

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
        var skipping = false
        for (k, block) in found.enumerated() {
            if skipping {
                skipping = false
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
            let density = block.length == 0 ? 0 : Double(block.links) / Double(block.length)
            if density > 0.5, block.role != .quote, !Self.isLinkedProse(block, density: density) { continue }
            if !seenBody {
                // Above the first paragraph: the headline again, bylines and date stamps.
                if block.role == .title { continue }
                let blockKey = Self.key(block.text)
                if blockKey == titleKey { continue }
                if block.length < 80, page.authors.contains(where: { Self.key($0) == blockKey }) { continue }
                if let stamp = PageArticle.stamp(block.text) {
                    if stamp.updated { page.updated = page.updated ?? stamp.value } else { page.published = page.published ?? stamp.value }
                    continue
                }
            }
            if PageArticle.isDebris(cleaned: block.text) { continue }
            switch block.role {
            case .title, .heading:
                if Self.key(block.text) != titleKey { page.subheadings.append(block.text) }
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
                if block.length >= Self.storyOpening { seenBody = true }
            }
        }
        // The site's notices under the story (`Follow The Gleaner on Twitter …`, `© 2022 … All rights
        // reserved`, `This site uses Akismet to reduce spam`).
        page.body.removeLast(PageArticle.trailingPromotions(page.body))
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
            if page.authors.isEmpty { page.authors = later }
            if page.authors.isEmpty { page.authors = labelledByline().map(Self.tidyName).filter(plausible) }
            if page.authors.isEmpty { page.authors = metadata.cardAuthors.map(Self.tidyName).filter { plausible($0) && !isOutlet($0) } }
            // The story signed under its last paragraph (`<p><b><i>Stefan Wasmer</i></b></p>`): a
            // last paragraph that is only a person's name, a given name newsd knows first.
            if page.authors.isEmpty, let last = page.body.last, let name = Self.signature(last) {
                page.authors = [name]
                page.body.removeLast()
            }
        } else if page.authors.allSatisfy(isOutlet) {
            let printed = pageBylines(roots).map(Self.tidyName).filter { printedName($0) && !isOutlet($0) }
            if !printed.isEmpty { page.authors = printed } else if !later.isEmpty { page.authors = later }
        }
        // A name that runs on into the author's card (`Jane Doe Journaliste au Monde Suivre …`) is
        // the name before it again.
        page.authors = page.authors.enumerated().filter { index, name in
            !page.authors[..<index].contains { name.hasPrefix($0 + " ") }
        }.map(\.element)
        // Numeric dates are read in the order the page writes them (`DayOrder.pageOrder`).
        let order = PageOrder(locale: metadata.localeDayFirst) { [document] in document.nodes.filter(\.isText).map(\.text) }
        if page.published == nil { page.published = pageDate(order: order) }
        if page.published == nil {
            // A day printed in the story's first blocks (`am 20.06.2018`, `Datum: 22.12.2012`), else in a
            // short line anywhere on the page.
            page.published = found.prefix(12).lazy.compactMap { DateText.find(in: String($0.text.prefix(300)), page: order) }.first
                ?? shortTextDate(story: storySpan(found, body: page.body), order: order)
        }

        // The page's own statement of its text wins when the markup yielded much less of it.
        if let stated = metadata.articleBody {
            let paragraphs = stated.components(separatedBy: "\n").map(PageArticle.clean).filter { !$0.isEmpty }
            let statedLength = stated.utf8.count
            let foundLength = page.body.reduce(0) { $0 + $1.utf8.count }
            if statedLength > 400, foundLength * 2 < statedLength {
                page.body = paragraphs
                page.subheadings = []
            }
        }
        if metadata.isLive {
            page.kind = .live
            if !metadata.liveUpdates.isEmpty {
                var body: [String] = []
                var heads: [String] = []
                for update in metadata.liveUpdates {
                    if let h = update.headline { heads.append(h) }
                    body += update.body.components(separatedBy: "\n").map(PageArticle.clean).filter { !$0.isEmpty }
                }
                if body.reduce(0, { $0 + $1.utf8.count }) * 2 >= page.body.reduce(0, { $0 + $1.utf8.count }) {
                    page.body = body
                    page.subheadings = heads
                }
            }
        }
        return page
    }

    /// A paragraph of sentences most of whose words are links (`Monday's best deals include <a>MacBooks
    /// from $700</a>. You'll also find <a>…</a>`): a quarter of it or more is its own words and it
    /// ends a sentence, where a list of links is links alone or a label and links (`Read more: …`).
    static func isLinkedProse(_ block: Block, density: Double) -> Bool {
        guard block.role == .paragraph, density <= 0.75, block.length - block.links >= 25 else { return false }
        guard let last = block.text.utf8.last(where: { $0 > 0x20 }) else { return false }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
    }

    /// Short texts just above the story's first paragraph, nearest first, and then those set apart
    /// in a `<b>`, `<font>` or `<span>` of their own between that paragraph's start and its first
    /// sentence (an unclosed `<p>` can hold the headline): where a page without headings or a usable
    /// `<title>` sets its headline.
    private func linesAboveStory(_ blocks: [Block]) -> (before: [String], inside: [String]) {
        guard let block = blocks.first(where: { $0.role == .paragraph })?.node else { return ([], []) }
        let nodes = document.nodes
        func titleShaped(_ i: Int) -> String? {
            let node = nodes[i]
            guard node.isText, !excluded[i], node.parent >= 0,
                !["script", "style", "noscript", "title", "option", "a"].contains(nodes[node.parent].name)
            else { return nil }
            let text = Self.trimmedSpaces(node.text.flattened)
            let words = text.split(separator: " ")
            guard (3...25).contains(words.count), let last = words.last?.lowercased(),
                !LineFeatures.stopWords.contains(last), !text.hasSuffix("."), !text.hasSuffix(":"), !Self.isOnlyADate(text)
            else { return nil }
            return text
        }
        var before: [String] = []
        var seen = 0
        var i = block - 1
        while i > 0, seen < 40, before.count < 6 {
            defer { i -= 1 }
            guard nodes[i].isText, !nodes[i].isBlank else { continue }
            seen += 1
            if let text = titleShaped(i) { before.append(text) }
        }
        var inside: [String] = []
        var k = block + 1
        while k < min(nodes.count, block + 60), !(nodes[k].isText && nodes[k].spacedWordCount >= 10) {
            if let text = titleShaped(k), ["b", "strong", "font", "span", "big"].contains(nodes[nodes[k].parent].name) {
                inside.append(text)
            }
            k += 1
        }
        return (before, inside)
    }

    /// Heading texts outside furniture in document order: `<h1>` first, then `<h2>`/`<h3>` and elements
    /// whose class or id says headline or title (old pages set their headline in a styled `<span>`);
    /// and apart, the `<h1>`s of an article's own `<header>` (`inArticleHeader`); the page's `<h1>`
    /// when it has only one of either kind; and its first `<h1>` outside furniture.
    private func headlines() -> (texts: [String], inHeaders: [String], onlyH1: String?, firstH1: String?) {
        var first: [String] = []
        var other: [String] = []
        var inHeaders: [String] = []
        for (i, node) in document.nodes.enumerated() where !node.isText {
            if excluded[i] {
                // (Set aside, its text was not counted: a heading of a few elements only, so that
                // headings nested in headers, a hostile page's, cost no more than their own text.)
                guard node.isTag(GUMBO_TAG_H1), node.descendants.count <= 64, inArticleHeader(i) else { continue }
                let text = withoutKicker(i, document.text(i))
                if !text.isEmpty, text.count <= 300 { inHeaders.append(text) }
                continue
            }
            let isH1 = node.isTag(GUMBO_TAG_H1)
            let words = hintsOf[i]
            guard isH1 || node.isTag(GUMBO_TAG_H2) || node.isTag(GUMBO_TAG_H3) || Self.headingWords.occurs(in: words) else { continue }
            guard textLength[i] > 0, textLength[i] <= 300 else { continue }
            let text = withoutKicker(i, document.text(i))
            if text.isEmpty || text.count > 300 { continue }
            if isH1 { first.append(text) } else { other.append(text) }
        }
        let h1s = first + inHeaders
        return (first + other, inHeaders, h1s.count == 1 ? h1s[0] : nil, first.first)
    }

    /// Class and id words of a kicker, the line over a headline that names its subject.
    static let kickerHints = [
        "kicker", "dachzeile", "topic-label", "topline", "overline", "eyebrow", "roofline", "spitzmarke", "supertitle",
        "titleheader", "pretitle", "pre-title", "overtitle",
    ]

    /// A heading's text without the kicker it holds (`<h1><span class="kicker">Klimaschutz</span>
    /// <span class="visually-hidden">: </span><span>Bohren, bis es heiß wird</span></h1>`): the
    /// headline is what follows the kicker. The text itself when it holds none.
    private func withoutKicker(_ i: Int, _ text: String) -> String {
        let nodes = document.nodes
        let inside = nodes[i].descendants
        guard inside.count <= 64 else { return text }
        for j in inside where !nodes[j].isText && Self.kickerHints.contains(where: hintsOf[j].hasBytes) {
            let kicker = document.text(j)
            guard !kicker.isEmpty, text.hasPrefix(kicker) else { continue }
            let rest = text.dropFirst(kicker.count).trimmingCharacters(in: CharacterSet(charactersIn: " :-–—|·•"))
            return Self.wordsIn(rest) >= 2 ? rest : text
        }
        return text
    }

    /// Whether an `<h1>` set aside only for standing in a `<header>` is the story's own heading: the
    /// header is inside an `<article>` or `<main>` (`<article><header><h1>`, where a page's masthead
    /// with its logo is outside them), or the heading says it is the headline (`<h1
    /// itemprop="headline">`, in a header among `<div>`s), and nothing between it and the heading is
    /// furniture.
    private func inArticleHeader(_ i: Int) -> Bool {
        let nodes = document.nodes
        guard nodes[i].isTag(GUMBO_TAG_H1) else { return false }
        // A few levels up at most, each way: an article's header is near its heading and the
        // article near its header (and a hostile page's nesting costs nothing more).
        var top = i
        var steps = 0
        while nodes[top].parent >= 0, excluded[nodes[top].parent] {
            if top != i, Self.isFurniture(nodes[top], hints: hintsOf[top]) { return false }
            top = nodes[top].parent
            steps += 1
            if steps > 8 { return false }
        }
        if Self.isFurniture(nodes[i], hints: hintsOf[i]) { return false }
        guard top != i, nodes[top].isTag(GUMBO_TAG_HEADER), hintsOf[top].isEmpty || !Self.isFurnitureByWords(hintsOf[top], unlikely: false)
        else { return false }
        if nodes[i][.itemprop]?.lowercased() == "headline" { return true }
        var j = nodes[top].parent
        steps = 0
        while j >= 0, steps < 32 {
            if nodes[j].isTag(GUMBO_TAG_ARTICLE) || nodes[j].isTag(GUMBO_TAG_MAIN) { return true }
            j = nodes[j].parent
            steps += 1
        }
        return false
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when the text begins and ends
    /// with ASCII other than a space or tab (nothing to trim).
    static func trimmedSpaces(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static let headingWords = WordList(["headline", "title", "heading"])
    static let dateWords = WordList(["date", "time", "publish", "datum", "posted", "byline", "created", "meta"])

    static func key(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the letters (lower-cased) and digits, byte by byte.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for b in text.utf8 {
                if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                    bytes.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    bytes.append(b + 0x20)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(scalar)
        }
        return String(out)
    }

    /// Characters of the first paragraph that opens the story; shorter lines before it are still
    /// where bylines and date stamps are printed.
    static let storyOpening = 100

    /// A name as a byline box runs it on: without the links beside it (`Rebecca Hersher Twitter`,
    /// `Laura Beck View Profile`),
    /// a month its date begins with (`Paul December 19, 2016` cut at the digits), or itself again
    /// (`Jennifer Rubin Jennifer Rubin`: a photo's text and the link).
    static func tidyName(_ name: String) -> String {
        var words = name.split(separator: " ")
        // `Von Vanessa Franke`, `Erstellt von Andri Bryner`, `Über Creeny`: the byline's opening.
        for opening in openings where words.count > opening.count
            && zip(words, opening).allSatisfy({ $0.lowercased() == $1 })
        {
            words.removeFirst(opening.count)
            break
        }
        while words.count > 1, let last = words.last,
            trailingWords.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters))
        {
            words.removeLast()
        }
        // `FOCUS-Online-Experte Robin Tschöpe`, `Gastautorin Jana Weiß`: a role before the name,
        // written as one word.
        if words.count >= 3, let first = words.first?.lowercased(), leadingRoles.contains(where: { first.hasSuffix($0) }) {
            words.removeFirst()
        }
        if words.count >= 2, words.count % 2 == 0, words[..<(words.count / 2)].elementsEqual(words[(words.count / 2)...]) {
            words.removeLast(words.count / 2)
        }
        return words.count == name.split(separator: " ").count ? name : words.joined(separator: " ")
    }

    /// What a site's template states when it has no author (`<meta name="author" content="No
    /// Author">`), lower-case.
    static let namesNoOne: Set<String> = ["no author", "unknown author", "author unknown", "no byline", "not available"]

    /// Ends of a word that names a role (`…experte`, `Gastautorin`, `Chefredakteur`), lower-case.
    private static let leadingRoles = [
        "experte", "expertin", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin",
        "kolumnist", "kolumnistin", "reporter", "reporterin",
    ]

    /// Whether a "name" is a site's account links (`Login Register Log-out`, `Move Comment`).
    static func isAccountLinks(_ name: String) -> Bool {
        name.split(separator: " ").contains { accountWords.contains($0.lowercased()) }
    }

    private static let accountWords: Set<String> = [
        "login", "log-in", "logout", "log-out", "register", "comment", "comments", "subscribe",
        "gesponserte", "sponsored",
    ]

    /// Social links and the months no one is named after (`May`, `June`, `April` and `August` are
    /// names too).
    private static let openings: [[String]] = [
        ["written", "by"], ["posted", "by"], ["erstellt", "von"], ["veröffentlicht", "von"], ["geschrieben", "von"],
        ["alles", "von"], ["mehr", "von"], ["more", "from"], ["more", "by"], ["all", "posts", "by"],
        ["by"], ["von"], ["par"], ["por"], ["door"], ["über"], ["about"],
    ]

    private static let trailingWords: Set<String> = [
        "twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "rss", "bio", "follow", "view", "profile",
        "january", "february", "march", "september", "october", "november", "december",
        "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "autor", "autorin", "editor", "reporter",
        "correspondent", "journalist", "journalistin", "writer", "columnist", "alle", "all", "artikel", "beiträge",
        "posts", "articles", "stories",
    ]

    /// Authors from the page: `rel=author` links and elements whose class or id says byline or author.
    private func pageBylines(_ roots: [Int]) -> [String] {
        let nodes = document.nodes
        var names: [String] = []
        var first: Int?
        for (i, node) in nodes.enumerated() where !node.isText {
            let words = hintsOf[i]
            // A link to the author's page on the site (`/about/editors/jon-fingas/`, `/autor/…`) is
            // one as `rel=author` is.
            let toAuthorPage = node.isTag(GUMBO_TAG_A) && node[.href].map(Self.isAuthorPage) == true
            let relAuthor = node[.rel]?.lowercased() == "author"
            let isByline = relAuthor || node[.itemprop]?.lowercased() == "author" || toAuthorPage
                || words.hasBytes("byline") || (words.hasBytes("author") && !words.hasBytes("bio") && !words.hasBytes("avatar")
                    // A comment's author (`comment-author-link`) or a comment form's field is a reader's.
                    && !words.hasBytes("comment"))
            guard isByline else { continue }
            let isAuthorLink = relAuthor || toAuthorPage
            // Once the byline is found, only more `rel=author` links add names: a later element
            // classed `author` is a comment's or a widget's.
            if !names.isEmpty, !isAuthorLink { break }
            // More `rel=author` links near the first (co-authors), not those of the related posts'
            // teasers further down; links to authors' pages only right beside it (`Clara Löw,
            // Siddharth Prakash & Klaus Jacob`), where a list of columnists has one per teaser.
            if let first, i - first > (toAuthorPage && !relAuthor ? 12 : 80) { break }
            let text = document.text(i, spaced: true)
            guard !text.isEmpty, text.count <= 120 else { continue }
            var found = PageMetadata.bylineNames(text)
            // A byline of one name (`Heiko`, a blogger's handle), which a byline's element vouches for.
            if found.isEmpty, let single = Self.singleName(text) { found = [single] }
            // A byline box of lines in elements of their own (`<div>By <span>Meg Wagner</span></div>
            // <div>NEW YORK DAILY NEWS</div><time>…`), which run together read as one: each line.
            if found.isEmpty { found = bylinePartNames(i) }
            for name in found where !names.contains(name) { names.append(name) }
            if !names.isEmpty, first == nil { first = i }
            if !names.isEmpty, !isAuthorLink { break }
        }
        return names
    }

    /// A paragraph that is only a person's name (two to four capitalised words of letters, the
    /// first a given name newsd knows: `Stefan Wasmer`, `Marina Mucha`), as a story's signature; nil
    /// otherwise.
    static func signature(_ paragraph: String) -> String? {
        let text = PageArticle.clean(paragraph)
        guard text.count <= 40 else { return nil }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), PageArticle.isGivenName(String(words[0])),
            words.allSatisfy({ word in
                word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" }
            }),
            !PageArticle.isPlace(text)
        else { return nil }
        return text
    }

    /// Whether a link's address is an author's page on a site: a path with a folder of authors
    /// (`/author/jane-doe`, `/about/editors/jon-fingas/`, `/autoren/…`).
    static func isAuthorPage(_ href: String) -> Bool {
        var href = href
        return href.withUTF8 { namesAuthorFolder($0, in: 0..<$0.count) }
    }

    /// Whether `range` of `bytes` (a link's address) holds one of `authorFolders`, in any case,
    /// matched on the bytes at each `/`: no string is made, and most of a page's links are no
    /// author's. Addresses over 400 bytes are not looked at.
    static func namesAuthorFolder(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        guard range.count <= 400 else { return false }
        for k in range where bytes[k] == 0x2F {
            for folder in authorFolderBytes where k + folder.count <= range.upperBound {
                var j = 1
                while j < folder.count, bytes[k + j] | 0x20 == folder[j] { j += 1 }
                if j == folder.count { return true }
            }
        }
        return false
    }

    private static let authorFolders = [
        "/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/auteurs/", "/autore/", "/editors/", "/journalists/",
        "/reporters/",
    ]
    /// The folders as bytes, for `namesAuthorFolder` (letters and `/` only: a byte `| 0x20` is its lower case).
    static let authorFolderBytes = authorFolders.map { Array($0.utf8) }

    /// The names of the first child element of a byline box that reads as a printed byline (`By Meg
    /// Wagner`, a label and names): a box's other lines are as often a comment form's fields or a
    /// widget's.
    private func bylinePartNames(_ box: Int) -> [String] {
        let nodes = document.nodes
        for k in nodes[box].descendants where nodes[k].parent == box && !nodes[k].isText {
            let part = document.text(k, spaced: true)
            guard !part.isEmpty, part.count <= 120 else { continue }
            if let found = PageArticle.printedByline(part), !found.isEmpty { return found }
        }
        return []
    }

    /// A byline's label and its names anywhere on the page, outside readers' comments
    /// (`<span>Author: </span><span>Jacopo Cascioli</span>`, `<h3>Autor</h3><h4>Iris Lange</h4>`):
    /// the label's element, and when it holds the label alone, the element after it.
    private func labelledByline() -> [String] {
        let nodes = document.nodes
        for (i, node) in nodes.enumerated() where node.isText {
            // Labels of who wrote it; `Posted by` and `Submitted by` label readers' posts as often.
            // Checked on the bytes first: most of a page's short texts are no label.
            let bytes = node.utf8Text
            guard bytes.count <= 24, let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D })
            else { continue }
            let lower = bytes[first...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            guard Self.writerLabelBytes.contains(where: lower.starts(with:)), PageArticle.opensWithBylineLabel(node.text) else { continue }
            let element = node.parent
            // Parents come before their children: the walk up ends at the root (-1).
            var ancestor = element
            var inComments = false
            while ancestor >= 0, !inComments {
                inComments = hintsOf[ancestor].hasBytes("comment")
                ancestor = nodes[ancestor].parent
            }
            guard !inComments else { continue }
            var line = PageArticle.clean(node.text)
            if PageArticle.isBylineLabel(line) || PageArticle.isBylineLabel(line + ":") {
                // The label alone in its text: the names are the next text, in the same element or
                // the one after it (not the links to follow them beside it, `Friend Me`).
                let grand = element >= 0 ? nodes[element].parent : -1
                let reach = grand >= 0 ? nodes[grand].descendants.upperBound : nodes.count
                guard let next = ((i + 1)..<min(reach, nodes.count)).first(where: { nodes[$0].isText && !document.text($0).isEmpty })
                else { continue }
                let names = document.text(next)
                guard names.count <= 60 else { continue }
                line = (line.hasSuffix(":") ? line : line + ":") + " " + names
            }
            if let names = PageArticle.printedByline(line), !names.isEmpty { return names }
        }
        return []
    }

    /// Whether an author's name is the outlet's (`source`, the site's name: `ABC News`, `mediagene
    /// Inc.`) or an organisation's (`isOrganisation`): no person who wrote the piece.
    static func namesAnOutlet(_ name: String, source: String?) -> Bool {
        let outlet = source.map(key) ?? ""
        let k = key(name)
        return !outlet.isEmpty && (k == outlet || k.contains(outlet) || outlet.contains(k)) || isOrganisation(name)
    }

    /// Whether a stated author is an organisation by its name (`Hanns-Seidel-Stiftung e.V.`,
    /// `Web Commerce GmbH`, `IT Finanzmagazin`, `Deutsche Welle (www.dw.com)`, `PR Newswire`): like the outlet, it
    /// gives way to the people a byline names.
    static func isOrganisation(_ name: String) -> Bool {
        let lower = " " + name.lowercased() + " "
        if [" e.v. ", " e. v. ", " gmbh ", " ag ", " inc. ", " inc ", " ltd ", " ltd. ", " llc ", " s.a. ", " (www."].contains(where: lower.hasBytes) {
            return true
        }
        return ["stiftung", "verband", "magazin", "zeitung", "illustrierte", "verlag", "landesanstalt", "newswire"].contains(where: lower.hasBytes)
    }

    /// Labels that say who wrote a piece (`labelledByline`), lower-case, as UTF-8.
    static let writerLabelBytes = [
        "author", "autor", "auteur", "written by", "verfasst von", "geschrieben von", "text von", "artikel von",
        "beitrag von", "story by", "words by", "escrito por", "écrit par", "scritto da", "redactado por", "a cura di",
    ].map { Array($0.utf8) }

    /// One name alone (`Heiko`, `happyface313`), after a byline's opening: a word of letters (and
    /// digits), not all capitals, that is no site control, month or stand-in (`admin`).
    static func singleName(_ text: String) -> String? {
        let name = tidyName(text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–—|·•@")))
        guard !name.isEmpty, !name.contains(" "), (2...30).contains(name.count), name.contains(where: \.isLetter),
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
            !standIns.contains(name.lowercased()), !isAccountLinks(name), !trailingWords.contains(name.lowercased()),
            // Capitals alone are an agency's or initials (`AFP`, `JF`), not a signature.
            name.contains(where: \.isLowercase) || !name.contains(where: \.isUppercase)
        else { return nil }
        return name
    }

    /// Names a site's software writes where no one signed.
    static let standIns: Set<String> = [
        "admin", "administrator", "root", "webmaster", "user", "author", "by", "von", "posted", "staff", "guest", "anonymous",
        "alle", "all", "view", "more", "datum", "date", "published", "updated", "unknown", "authors", "autoren", "auteurs",
        "see", "editors", "team", "mehr", "other", "my", "you",
    ]

    /// A date stated in the page's text: an element whose class or id says date, time or published
    /// (its text, or its `title`), else the page's address, else a day in the text above the story.
    private func pageDate(order: PageOrder) -> String? {
        let nodes = document.nodes
        for (i, node) in nodes.enumerated() where !node.isText {
            let words = hintsOf[i]
            guard Self.dateWords.occurs(in: words) || node.isTag(GUMBO_TAG_TIME) else { continue }
            guard !words.hasBytes("update"), !words.hasBytes("modif") else { continue }
            if let title = node[.title], let value = PageArticle.date(title) ?? DateText.find(in: title, page: order) { return value }
            guard textLength[i] <= 200 || excluded[i] else { continue }
            let text = document.text(i)
            guard !text.isEmpty, text.utf8.count <= 200 else { continue }
            if let stamp = PageArticle.stamp(text), !stamp.updated { return stamp.value }
            if let value = PageArticle.date(text) ?? DateText.find(in: text, shortYears: true, page: order) { return value }
        }
        if let url = metadata.url, let value = Self.dateInAddress(url) { return value }
        return nil
    }

    /// The nodes of the story's first, second and last paragraphs that are in its body (the second
    /// is the first when there is one only).
    private func storySpan(_ blocks: [Block], body: [String]) -> (first: Int, second: Int, last: Int)? {
        let kept = Set(body)
        let paragraphs = blocks.lazy.filter { $0.role == .paragraph && kept.contains($0.text) }
        guard let first = paragraphs.first else { return nil }
        let second = paragraphs.dropFirst().first?.node ?? first.node
        return (first.node, second, paragraphs.last?.node ?? first.node)
    }

    /// The first day in a short text node outside furniture (a date line set in a `<span>`), else
    /// the day nearest above the story in a text of furniture that holds little but the day
    /// (`<dd>12.01.2017</dd>`, `Handball Schweiz • 02.02.2022` in a page header, `am 25.01.2022` in
    /// a byline box) and is no link (a teaser's), else such a day between the story's lead and its
    /// next paragraph (a byline box with the share buttons), else just below the story (a footer's
    /// `<h5>23.01.2019</h5>` beside the share buttons).
    private func shortTextDate(story: (first: Int, second: Int, last: Int)?, order: PageOrder) -> String? {
        let nodes = document.nodes
        for (i, node) in nodes.enumerated() where node.isText && !excluded[i] && textLength[i] >= 6 && textLength[i] <= 60 {
            if let day = DateText.find(in: node.text, page: order) { return day }
        }
        guard let story else { return nil }
        func dayAlone(_ i: Int) -> String? {
            let node = nodes[i]
            guard node.isText, excluded[i] else { return nil }
            let text = node.text
            // Spaces and no-break spaces do not count.
            let length = text.unicodeScalars.count { !$0.properties.isWhitespace }
            guard length >= 8, length <= 40, let day = DateText.find(in: text, page: order) else { return nil }
            let letters = text.unicodeScalars.count { $0.properties.isAlphabetic }
            return letters <= 20 && !isInLink(i) ? day : nil
        }
        for i in stride(from: story.first - 1, through: max(0, story.first - Self.dateReach), by: -1) {
            if let day = dayAlone(i) { return day }
        }
        // Between a lead and the paragraphs after it: a byline box (`<h5>23.01.2019</h5>` and the
        // authors beside the share buttons).
        for i in (story.first + 1)..<max(story.first + 1, min(story.second, story.first + 1 + Self.footerReach)) {
            if let day = dayAlone(i) { return day }
        }
        for i in (story.last + 1)..<min(nodes.count, story.last + 1 + Self.footerReach) {
            if let day = dayAlone(i) { return day }
        }
        return nil
    }

    /// How many nodes above the story's first block a date in furniture may be.
    static let dateReach = 400
    /// How many nodes below the story's last block a date in its footer may be.
    static let footerReach = 40

    /// Whether node `i` is inside an `<a>`.
    private func isInLink(_ i: Int) -> Bool {
        var p = document.nodes[i].parent
        var steps = 0
        while p >= 0, steps < 64 {
            if document.nodes[p].isTag(GUMBO_TAG_A) { return true }
            p = document.nodes[p].parent
            steps += 1
        }
        return false
    }

    /// `/2025/05/19/`, `2025-05-19` or `/20250519/` in an address.
    static func dateInAddress(_ url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" }).map(String.init)
        // A day of the calendar (not `2020-02-31`), as `YYYY-MM-DD`.
        func day(_ y: Int, _ m: Int, _ d: Int) -> String? {
            guard y >= 1995, y <= 2100 else { return nil }
            return PageArticle.date(String(format: "%04d-%02d-%02d", y, m, d))
        }
        for part in parts where part.utf8.count == 8 && part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            if let y = Int(part.prefix(4)), let m = Int(part.dropFirst(4).prefix(2)), let d = Int(part.suffix(2)),
                let value = day(y, m, d)
            {
                return value
            }
        }
        guard parts.count >= 3 else { return nil }
        for k in 0..<(parts.count - 2) {
            guard parts[k].count == 4, let y = Int(parts[k]), parts[k + 1].count <= 2, let m = Int(parts[k + 1]),
                parts[k + 2].count <= 2, let d = Int(parts[k + 2]), let value = day(y, m, d)
            else { continue }
            return value
        }
        return nil
    }
}
