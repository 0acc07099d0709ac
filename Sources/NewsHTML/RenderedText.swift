import CGumbo
import NewsCore

/// The page as text, line by line, the way `html-text` (or a browser's "save as text") renders it:
/// the `<title>` first, then each block element's text on lines of its own, a blank line around
/// paragraphs, headings and sections, inline elements run together. What the whole-page text
/// reader is given when the markup named no author (`HTMLReader.page`).
extension HTMLDocument {
    /// Elements that stand on lines of their own with a blank line around them: paragraphs,
    /// headings, lists, quotes, as `html-text` sets them apart.
    static let blankLineTags: Set<UInt16> = Set(
        [
            GUMBO_TAG_P, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6,
            GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE, GUMBO_TAG_FIGURE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_DL, GUMBO_TAG_ADDRESS,
        ].map { UInt16(truncatingIfNeeded: $0.rawValue) })
    /// Elements that stand on lines of their own: containers (`<div>`, `<article>`, `<nav>` …) and
    /// items, with no blank line around them, as `html-text` renders them (a byline's name in one
    /// `<div>` and its date in the next are lines next to each other, as the text reader expects).
    static let lineTags: Set<UInt16> = Set(
        [
            GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_OPTION, GUMBO_TAG_DIV,
            GUMBO_TAG_ARTICLE, GUMBO_TAG_SECTION, GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER, GUMBO_TAG_NAV, GUMBO_TAG_ASIDE,
            GUMBO_TAG_MAIN, GUMBO_TAG_TABLE, GUMBO_TAG_FORM, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HR,
        ].map { UInt16(truncatingIfNeeded: $0.rawValue) })

    /// At most this many lines are rendered (a page of a hundred thousand list items is read up to
    /// them): the reader of whole-page text looks for a byline near the headline, high on a page.
    static let renderedLineLimit = 600

    /// The page's lines, `title` (its `<title>`) first.
    func renderedLines(title: String?) -> [String] {
        var lines: [String] = []
        if let title, !title.isEmpty { lines += [title, ""] }
        var current: [UInt8] = []
        var open: [(end: Int, blank: Bool)] = []
        let br = UInt16(truncatingIfNeeded: GUMBO_TAG_BR.rawValue)
        func flush(blank: Bool) {
            let line = PageArticle.clean(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
            if !line.isEmpty { lines.append(line) }
            if blank, let last = lines.last, !last.isEmpty { lines.append("") }
        }
        for i in nodes.indices {
            if lines.count >= Self.renderedLineLimit { break }
            while let last = open.last, i >= last.end {
                flush(blank: last.blank)
                open.removeLast()
            }
            let node = nodes[i]
            if node.isText {
                let parent = node.parent
                if parent >= 0, nodes[parent].isTag(GUMBO_TAG_SCRIPT) || nodes[parent].isTag(GUMBO_TAG_TITLE) { continue }
                // Line ends and tabs in the markup are spaces on the rendered line.
                for b in node.utf8Text { current.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b) }
                continue
            }
            let tag = node.tag
            if tag == br {
                flush(blank: false)
            } else if Self.blankLineTags.contains(tag) || Self.lineTags.contains(tag) {
                let blank = Self.blankLineTags.contains(tag)
                flush(blank: blank)
                open.append((end: node.descendants.upperBound, blank: blank))
            }
        }
        flush(blank: false)
        return lines
    }
}
