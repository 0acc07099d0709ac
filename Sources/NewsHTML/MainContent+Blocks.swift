import CGumbo
import Foundation
import NewsCore

/// The story's blocks: paragraphs, subheadings, list items, quotes, captions and embedded posts under
/// the winning containers, in document order, with what each holds in links.
extension MainContent {
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
    func blocks(_ roots: [Int]) -> (blocks: [Block], posts: [Article.EmbeddedPost]) {
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
            default:
                role = hintsOf[node].containsUTF8("caption") || allCaption && clean.utf8.count <= 300 ? .caption : .paragraph
            }
            var length = 0
            for b in clean.utf8 where b > 0x20 { length += 1 }
            let named = allCaption && role == .caption && !hintsOf[node].containsUTF8("caption")
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
                    if Self.namesACaption(hintsOf[i]), textLength[i] <= Self.longestCaption { inCaption -= 1 }
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
                if Self.namesACaption(hintsOf[i]), textLength[i] <= Self.longestCaption { inCaption += 1 }
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

    /// The most text (bytes other than spaces) an element named for a caption holds for its blocks
    /// to be captions: a photo blog that sets each photo's story in its `div.caption-image`, several
    /// paragraphs long, sets no caption.
    static let longestCaption = 500

    /// Whether class and id words name a caption (`newsCaption`, `caption`, `wp-caption-text`), not a
    /// box with or without one (`withoutCaption`, `has-caption`).
    static func namesACaption(_ hints: String) -> Bool {
        guard !hints.isEmpty, hints.containsUTF8("caption") else { return false }
        let marks = ["withoutcaption", "nocaption", "no-caption", "has-caption", "hascaption", "with-caption"]
        return !marks.contains(where: hints.containsUTF8)
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
    func overlaidCards(under roots: [Int]) -> Set<Int> {
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
}
