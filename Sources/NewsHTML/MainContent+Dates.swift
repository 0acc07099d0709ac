import CGumbo
import Foundation
import NewsCore

/// The story's date where the page's metadata states none: an element that says date, the address,
/// a day printed in the story's first blocks or in a short line near it.
extension MainContent {
    static let dateWords = WordList(["date", "time", "publish", "datum", "posted", "byline", "created", "meta"])

    /// A date stated in the page's text: an element whose class or id says date, time or published
    /// (its text, or its `title`) and is not in an embedded post or a list of related stories, else
    /// the page's address.
    func pageDate(order: PageOrder) -> String? {
        let nodes = document.nodes
        for (i, node) in nodes.enumerated() where !node.isText {
            let words = hintsOf[i]
            guard Self.dateWords.occurs(in: words) || node.isTag(GUMBO_TAG_TIME) else { continue }
            guard !words.containsUTF8("update"), !words.containsUTF8("modif") else { continue }
            // An embedded post's time, a related story's, or a linked card's (`<a><h2>Follow us
            // <span class="date">…`) is theirs.
            guard !PageMetadata.inAnotherStory(i, nodes), !inLinkedCard(i) else { continue }
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

    /// The days the page prints in its text (`15.12.2022`, `6. November 2023`), one per short text
    /// (up to 120 bytes) outside scripts, embedded posts and lists of related stories: read only for a page
    /// whose stated fields disagree.
    func printedDays(order: PageOrder) -> Set<String> {
        let nodes = document.nodes
        var days: Set<String> = []
        for (i, node) in nodes.enumerated() where node.isText && node.utf8Text.count <= 120 {
            guard node.utf8Text.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), node.parent >= 0,
                !Self.unprintedTagSet.contains(nodes[node.parent]),
                let day = DateText.find(in: node.text, page: order), !PageMetadata.inAnotherStory(i, nodes)
            else { continue }
            days.insert(day)
        }
        return days
    }

    /// Elements whose text the page does not print: its scripts' data (JSON-LD) and styles.
    static let unprintedTagSet = HTMLDocument.TagSet(["script", "style", "template"])

    /// The day the page prints under a publication label (`Veröffentlicht am 16.08.2019`, `Erschienen
    /// am:` with the day in the next element, `Published: 3 March 2020`, `Publié le 29 juin 2019`),
    /// in the story's byline or in the page's footer, when every such label on the page gives the
    /// same day (a list of posts or comments, each with its own, gives none). Not in a link, an
    /// embedded post or a list of related stories.
    func labelledDate(order: PageOrder) -> String? {
        let nodes = document.nodes
        var found: String?
        for (i, node) in nodes.enumerated() where node.isText && node.utf8Text.count <= 120 {
            // Most texts open with no label's first two letters: told from the bytes, no string made.
            guard PageArticle.mayOpenWithDateLabel(utf8: node.utf8Text),
                let rest = PageArticle.afterPublicationLabel(node.text), !isInLink(i)
            else { continue }
            var day = DateText.find(in: String(rest), page: order)
            if day == nil, !rest.contains(where: { $0.isLetter || $0.isNumber }) {
                // The label alone; the day in the next text (`<span>Erschienen am:</span> <h2>13.10.2021</h2>`).
                day = nodes[(i + 1)..<min(nodes.count, i + 4)].lazy
                    .filter { $0.isText && $0.text.utf8.count <= 80 && $0.text.contains(where: \.isNumber) }.first
                    .flatMap { DateText.find(in: $0.text, page: order) }
            }
            guard let day, !PageMetadata.inAnotherStory(i, nodes) else { continue }
            if let found, found != day { return nil }
            found = day
        }
        return found
    }

    /// The nodes of the story's first, second and last paragraphs that are in its body (the second
    /// is the first when there is one only).
    func storySpan(_ blocks: [Block], body: [String]) -> (first: Int, second: Int, last: Int)? {
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
    func shortTextDate(story: (first: Int, second: Int, last: Int)?, order: PageOrder) -> String? {
        let nodes = document.nodes
        for (i, node) in nodes.enumerated() where node.isText && !excluded[i] && textLength[i] >= 6 && textLength[i] <= 60 {
            if let day = DateText.find(in: node.text, page: order), !PageMetadata.inAnotherStory(i, nodes) { return day }
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
            return letters <= 20 && !isInLink(i) && !PageMetadata.inAnotherStory(i, nodes) ? day : nil
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

    /// Whether node `i` is inside a card that one link makes of a heading (`<a href="/other"><h2>Title
    /// <span class="date">…</span></h2><p>…</p></a>`): another page's teaser. A permalink around a
    /// story's own date (`<a rel="bookmark"><time>…`) holds no heading. A card is small: only a
    /// link's first 200 nodes are looked at.
    private func inLinkedCard(_ i: Int) -> Bool {
        let nodes = document.nodes
        var p = nodes[i].parent
        for _ in 0..<8 where p >= 0 {
            if nodes[p].isTag(GUMBO_TAG_A) {
                return nodes[p].descendants.prefix(200).contains { Self.cardHeadingTags.contains(nodes[$0]) }
            }
            p = nodes[p].parent
        }
        return false
    }

    static let cardHeadingTags = HTMLDocument.TagSet(["h1", "h2", "h3", "h4", "h5", "h6"])

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
