import CGumbo
import Foundation
import NewsCore

/// Where a page sets its headline: its headings outside furniture, an article header's `<h1>`, and
/// short lines just above the story; and the key two texts are compared by.
extension MainContent {
    /// Short texts just above the story's first paragraph, nearest first, and then those set apart
    /// in a `<b>`, `<font>` or `<span>` of their own between that paragraph's start and its first
    /// sentence (an unclosed `<p>` can hold the headline): where a page without headings or a usable
    /// `<title>` sets its headline.
    func linesAboveStory(_ blocks: [Block]) -> (before: [String], inside: [String]) {
        guard let block = blocks.first(where: { $0.role == .paragraph })?.node else { return ([], []) }
        let nodes = document.nodes
        func titleShaped(_ i: Int) -> String? {
            let node = nodes[i]
            guard node.isText, !excluded[i], node.parent >= 0,
                !["script", "style", "noscript", "title", "option", "a"].contains(nodes[node.parent].name)
            else { return nil }
            let text = Self.trimmedSpaces(node.text.flattened)
            return Self.isTitleShaped(text) ? text : nil
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
        // A first paragraph of a few words (`The Hindu / Print Edition` over the site's menu, a date
        // stamp's cell) is not where the story starts: the title-shaped lines just above its first
        // paragraph of ten words or more are read too, in whatever element they stand (`<td><u>`).
        if let long = blocks.first(where: { $0.role == .paragraph && $0.text.split(separator: " ").count >= 10 })?.node, long > block {
            var seen = 0
            var j = long - 1
            while j > block, seen < 4 {
                defer { j -= 1 }
                guard nodes[j].isText, !nodes[j].isBlank else { continue }
                seen += 1
                if let text = titleShaped(j), !inside.contains(text) { inside.append(text) }
            }
        }
        return (before, inside)
    }

    /// Whether a line can be a headline set apart above a story: three to twenty-five words, not
    /// ending in a common word, a full stop or a colon, not only a date; neither a byline (`By Andrea
    /// Wolf, Globe Correspondent`), a reader's comment opening in lower case (`ahh, these shoes are
    /// brilliant!`) nor a label's count (`Word Count: 676`).
    static func isTitleShaped(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (3...25).contains(words.count), let last = words.last?.lowercased(), !LineFeatures.stopWords.contains(last),
            !text.hasSuffix("."), !text.hasSuffix(":"), !isOnlyADate(text), text.first?.isLowercase == false,
            !text.lowercased().hasPrefix("by ")
        else { return false }
        guard let colon = text.range(of: ": ", options: .backwards) else { return true }
        return !text[colon.upperBound...].allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    /// Heading texts outside furniture in document order: `<h1>` first, then `<h2>`/`<h3>` and elements
    /// whose class or id says headline or title (old pages set their headline in a styled `<span>`);
    /// and apart, the `<h1>`s of an article's own `<header>` (`inArticleHeader`); the page's `<h1>`
    /// when it has only one of either kind; and its first `<h1>` outside furniture.
    func headlines() -> (texts: [String], inHeaders: [String], onlyH1: String?, firstH1: String?) {
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
            let isHeading = isH1 || node.isTag(GUMBO_TAG_H2) || node.isTag(GUMBO_TAG_H3)
            guard isHeading || Self.headingWords.occurs(in: hintsOf[i]) else { continue }
            guard textLength[i] > 0, textLength[i] <= 300 else { continue }
            // An element named for the headline is read up to a block it holds (`ownLine`).
            let text = withoutKicker(i, isHeading ? document.text(i) : ownLine(i))
            if text.isEmpty || text.count > 300 { continue }
            if isH1 { first.append(text) } else { other.append(text) }
        }
        let h1s = first + inHeaders
        return (first + other, inHeaders, h1s.count == 1 ? h1s[0] : nil, first.first)
    }

    /// The text of an element named for a headline up to the first block inside it that follows
    /// some (`<td class="articalTitle">Junk food advertising ban comes into force<table><tr><td
    /// class="dates">Published: …`): the line the page prints as its headline, not the stamp or the
    /// standfirst set under it in the same element. Its whole text when it has none before a block.
    private func ownLine(_ i: Int) -> String {
        let nodes = document.nodes
        let inside = nodes[i].descendants
        // A few elements at most (a hostile page's nested headings cost no more than their text).
        guard inside.count <= 64,
            let block = nodes[i].children.first(where: {
                !nodes[$0].isText && Self.blockTagSet.contains(nodes[$0]) && !nodes[$0].isTag(GUMBO_TAG_BR) && !nodes[$0].isTag(GUMBO_TAG_HR)
            }),
            (inside.lowerBound..<block).contains(where: { nodes[$0].isText && !nodes[$0].isBlank })
        else { return document.text(i) }
        let before = nodes[i].children.prefix { $0 != block }
        return PageArticle.clean(before.map { nodes[$0].isTag(GUMBO_TAG_BR) ? " " : document.text($0) }.joined())
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
        for j in inside where !nodes[j].isText && Self.kickerHints.contains(where: hintsOf[j].containsUTF8) {
            let kicker = document.text(j)
            guard !kicker.isEmpty, text.hasPrefix(kicker) else { continue }
            if let stated = statedWhole(text) { return stated }
            let rest = text.dropFirst(kicker.count).trimmingCharacters(in: CharacterSet(charactersIn: " :-–—|·•"))
            return Self.wordsIn(rest) >= 2 ? rest : text
        }
        return text
    }

    /// The title the page states (its JSON-LD headline, its social card's, its `<title>` up to the
    /// site's name) when it is the whole of a heading, kicker and headline (`Bubi-Bomber wieder da:
    /// Thioune fordert Geduld mit Niemiec` stated over `<span class="kicker">Bubi-Bomber wieder
    /// da</span><span class="separator">: </span><span>Thioune …</span>`): the page names its story
    /// with the kicker, as it prints it. (A stated title of more than 600 bytes is no heading's: a
    /// hostile page's headings each cost no more than their own text.)
    private func statedWhole(_ text: String) -> String? {
        let whole = Self.key(text)
        guard !whole.isEmpty else { return nil }
        for stated in [metadata.title, metadata.socialTitle, metadata.documentTitle] {
            guard let stated, stated.utf8.count <= 600 else { continue }
            if Self.key(stated) == whole { return stated }
            for separator in [" - ", " | ", " – ", " — "] {
                if let cut = stated.range(of: separator, options: .backwards), Self.key(String(stated[..<cut.lowerBound])) == whole {
                    return String(stated[..<cut.lowerBound])
                }
            }
        }
        return nil
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

    /// Whether `key(text)` may be `key`: false when the text holds more ASCII letters and digits
    /// than the key has bytes (each is one byte of its key), counted without making the key.
    static func mayHaveKey(_ text: String, _ key: String) -> Bool {
        let limit = key.utf8.count
        var count = 0
        for b in text.utf8 where b >= 0x30 && b <= 0x7A && (b <= 0x39 || b >= 0x61 || b >= 0x41 && b <= 0x5A) {
            count += 1
            if count > limit { return false }
        }
        return true
    }

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
}
