import CGumbo
import NewsCore

/// Scoring: which containers of a page hold its story. Each paragraph-like block gives points to
/// the elements around it; the best container less its link density wins, widened to its parent
/// while that holds little else (up to `<article>` or `<main>`), with the siblings that score nearly
/// as well or are plainly parts of the same story.
extension MainContent {
    static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "td", "li", "dd"]
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "br", "hr",
        "address", "center", "fieldset", "details", "summary", "body", "html",
    ]

    static let paragraphTagSet = HTMLDocument.TagSet(paragraphTags)
    static let blockTagSet = HTMLDocument.TagSet(blockTags)

    /// Text (non-space bytes) under which a container is too short to stand for a page on its class
    /// words alone (`roots`).
    static let shortContainer = 200

    /// Bytes of text typed straight into a division, beside its blocks, from which that text counts
    /// as a paragraph of it however much more the blocks hold.
    static let typedInRun = 200

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// Points an element starts with by its tag and its class and id words.
    private func baseScore(_ i: Int) -> Double {
        let node = document.nodes[i]
        var score: Double
        switch node.name {
        case "article": score = 10
        case "main", "div", "section": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if node[.itemprop]?.lowercased() == "articlebody" { score += 60 }
        let words = hintsOf[i]
        // A class that names a story or its body, worn by three elements or more with little text
        // each, is a teaser card's or an excerpt's (`story-content` on every card of other stories,
        // `elementor-post__excerpt`): it gives no points (an aside's words still take some away).
        if !words.isEmpty {
            let story: Double =
                Self.storyBodyWords.occurs(in: words) ? 35 : Self.storyWords.occurs(in: words) ? 20 : 0
            if story > 0, !(textLength[i] < Self.teaserLength && node[.class].map(dresses.isRepeated) == true) {
                score += story
            }
            if Self.asideWords.occurs(in: words) { score -= 20 }
        }
        return score
    }

    /// Bytes of text under which an element that wears a repeated class is taken for a teaser.
    static let teaserLength = 300

    static let storyBodyWords = WordList([
        "article-body", "articlebody", "article__body", "story-body", "storybody", "entry-content", "post-content",
        "article-content", "story-content", "article-text", "articletext", "post-body", "body-text", "bodytext",
        "main-content", "story-text", "article_body", "text-body",
    ])
    static let leadWords = WordList(["summary", "standfirst", "lede", "article-lead", "story-lead", "intro", "dek"])
    static let storyWords = WordList(["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story"])
    static let asideWords = WordList([
        "comment", "meta", "footer", "footnote", "masthead", "media", "outbrain", "promo", "related", "scroll", "shoutbox",
        "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "teaser", "card", "list",
    ])

    /// The containers that hold the article text: the best-scoring element and its good siblings.
    func roots() -> [Int] {
        let nodes = document.nodes
        var score = [Double](repeating: 0, count: nodes.count)
        var touched = [Bool](repeating: false, count: nodes.count)
        var typedIn = [Bool](repeating: false, count: nodes.count)  // containers that are a paragraph by their own text
        var candidates: [Int] = []
        for i in nodes.indices where !excluded[i] && !nodes[i].isText {
            let node = nodes[i]
            var isParagraph = Self.paragraphTagSet.contains(node)
            var length = textLength[i]
            var commaCount = commas[i]
            var ancestor = nodes[i].parent
            if !isParagraph, node.isTag(GUMBO_TAG_DIV) || node.isTag(GUMBO_TAG_SECTION) || node.isTag(GUMBO_TAG_SPAN)
                || node.isTag(GUMBO_TAG_FONT) || node.isTag(GUMBO_TAG_CENTER)
            {
                // A container that holds text directly (not only in child blocks) counts as a paragraph.
                var direct = 0
                var directCommas = 0
                var holdsBlocks = false
                for c in nodes[i].children {
                    if nodes[c].isText || !Self.blockTagSet.contains(nodes[c]) {
                        direct += textLength[c]
                        directCommas += commas[c]
                    } else if textLength[c] > 0 {
                        holdsBlocks = true
                    }
                }
                isParagraph = direct >= 25 && direct * 2 >= textLength[i]
                // A division that holds a story's first paragraphs typed between line breaks, and its
                // later ones in a block left open after them (a blog post's `<div>` never closed), has
                // those paragraphs too: without them, the block alone was taken for the story.
                if !isParagraph, holdsBlocks, direct >= Self.typedInRun, node.isTag(GUMBO_TAG_DIV) || node.isTag(GUMBO_TAG_SECTION) {
                    isParagraph = true
                }
                // Styling nested around the same text (`<font><font><font>…`, seven deep on old pages)
                // is one paragraph, the outermost: counted at each level, a sidebar's teaser scored
                // seven times over the story beside it.
                func styling(_ n: Int) -> Bool {
                    nodes[n].isTag(GUMBO_TAG_FONT) || nodes[n].isTag(GUMBO_TAG_SPAN) || nodes[n].isTag(GUMBO_TAG_CENTER)
                }
                if isParagraph, styling(i), case let up = node.parent, up >= 0, styling(up), textLength[up] == textLength[i] {
                    isParagraph = false
                }
                typedIn[i] = isParagraph
                if isParagraph, holdsBlocks, !node.isTag(GUMBO_TAG_SPAN), !node.isTag(GUMBO_TAG_FONT), !node.isTag(GUMBO_TAG_CENTER) {
                    // A division's text beside its blocks is a paragraph inside it (as Readability wraps
                    // such runs in a `<p>`): the division is that paragraph's parent, scored for it (a
                    // story typed straight into a column beside its headline and share buttons).
                    (length, commaCount, ancestor) = (direct, directCommas, i)
                }
            }
            guard isParagraph, length >= 25 else { continue }
            if linkDensity(i) > 0.5 { continue }
            let points = 1 + Double(commaCount) + min(Double(length) / 100, 3)
            var level = 0
            while ancestor >= 0, level < 5 {
                if !touched[ancestor] {
                    touched[ancestor] = true
                    score[ancestor] = baseScore(ancestor)
                    candidates.append(ancestor)
                }
                let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
                score[ancestor] += points / divider
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        guard !candidates.isEmpty else { return [0] }
        var best = candidates[0]
        var bestScore = -Double.infinity
        for c in candidates {
            score[c] *= 1 - linkDensity(c)
            if score[c] > bestScore {
                bestScore = score[c]
                best = c
            }
        }
        // A container of a sentence or two that its class words put first (`td.polltext`, a poll's
        // question in a sidebar, lifted by `text`) does not stand for the page when another one that
        // scores at least half as well holds eight times its text or more, little of it in links:
        // that is the story (typed straight into a table's cell between line breaks, as pages of
        // the 2000s did, it is one paragraph to the scoring, however long).
        if textLength[best] < Self.shortContainer {
            var longer: Int?
            for c in candidates where score[c] >= bestScore * 0.5 && textLength[c] >= textLength[best] * 8 && linkDensity(c) < 0.3 {
                if longer.map({ score[c] > score[$0] }) ?? true { longer = c }
            }
            if let longer { best = longer }
        }
        // The story in the article its stated title heads, not in the next one the page appends: what
        // stands beside it is that next story.
        let stated = inStatedArticle(best, among: candidates, score: score)
        let switched = stated != best
        best = stated
        best = commonContainer(of: best, among: candidates, score: score)
        // A container whose parent holds little else stands for its parent (the text often continues
        // in wrappers beside it), up to the page's `<article>` or `<main>`: what is around those is the
        // site's (a "Trending" heading above, the publisher's address below).
        var top = best
        while nodes[top].parent >= 0, nodes[top].name != "body", !nodes[top].isTag(GUMBO_TAG_ARTICLE), !nodes[top].isTag(GUMBO_TAG_MAIN) {
            let parent = nodes[top].parent
            guard textLength[parent] > 0, Double(textLength[top]) / Double(textLength[parent]) > 0.85 else { break }
            guard nodes[parent].name != "body", nodes[parent].name != "html" else { break }
            top = parent
        }
        let parent = nodes[top].parent
        guard parent >= 0 else { return [top] }
        // A page that marks its main content `<main>` has said where it ends: what stands beside it is
        // other stories' teasers and the site's furniture.
        if nodes[top].isTag(GUMBO_TAG_MAIN) || switched { return [top] }
        let threshold = max(10, score[best] * 0.2)
        // The story's paragraphs' dress: the first word of their class (`zn-body__paragraph`, also
        // worn as `zn-body__paragraph speakable`).
        let dressOf = { (node: Int) -> Substring? in
            nodes[node][.class].flatMap { $0.split(separator: " ").first }
        }
        var storyDress = Set<Substring>()
        for c in nodes[top].children where typedIn[c] || nodes[c].isTag(GUMBO_TAG_P) {
            if let dress = dressOf(c) { storyDress.insert(dress) }
        }
        var out: [Int] = []
        // The siblings that hold text, each with its place among them (`besideAnother`).
        var withText = (list: [Int](), place: [Int: Int]())
        for child in nodes[parent].children where textLength[child] > 0 {
            withText.place[child] = withText.list.count
            withText.list.append(child)
        }
        for sibling in nodes[parent].children where !excluded[sibling] && !nodes[sibling].isText {
            if sibling == top {
                out.append(sibling)
                continue
            }
            var keep = touched[sibling] && score[sibling] >= threshold
            // A sibling dressed like the story's container (the same class: the next section of a
            // story split in several) joins it when it holds text of its own, as Readability does:
            // paragraphs that scored it or, deeper than the five levels a paragraph scores (MDR's
            // `div.con > div.modCon > div.mod > div.boxCon > div.box > div.paragraph > p`), an element
            // inside it.
            if !keep, let dress = nodes[top][.class], !dress.isEmpty, nodes[sibling][.class] == dress,
                touched[sibling] || touched[nodes[sibling].descendants].contains(true), linkDensity(sibling) < 0.15
            {
                keep = true
            }
            if !keep, nodes[sibling].name == "p" || wrapsOneParagraph(sibling) && besideAnother(sibling, among: withText) {
                let length = textLength[sibling]
                let density = linkDensity(sibling)
                keep = length > 80 && density < 0.25 || length > 0 && length <= 80 && density == 0
                    && document.text(sibling).containsUTF8(". ")
            }
            // A paragraph typed into a division dressed like the story's own (`zn-body__paragraph`
            // beside the container that holds the rest of them), or such a paragraph alone in a
            // wrapper of its own (the first, under the outlet's name: `div.el__leafmedia > p`).
            if !keep, typedIn[sibling], let dress = dressOf(sibling), storyDress.contains(dress) {
                keep = linkDensity(sibling) < 0.25
            }
            if !keep, !typedIn[sibling], let only = onlyBlock(of: sibling), nodes[only].isTag(GUMBO_TAG_P),
                let dress = dressOf(only), storyDress.contains(dress), textLength[only] * 10 >= textLength[sibling] * 9
            {
                keep = linkDensity(sibling) < 0.25
            }
            // The story's lead or standfirst typed into a division of its own (`article__summary`).
            if !keep, typedIn[sibling], Self.leadWords.occurs(in: hintsOf[sibling]) {
                keep = textLength[sibling] > 80 && linkDensity(sibling) < 0.25
            }
            if keep, !isTeaserList(sibling) {
                out.append(sibling)
            } else if !keep, let part = partOfStory(in: sibling, dressedAs: best) {
                out.append(part)
            }
        }
        return out
    }

    /// The best container of the `<article>` headed by the page's stated title, when the best
    /// container lies in another `<article>`, headed by another story's `<h1>`: a page that appends
    /// the next story under the first (Dagbladet's `#second-article`) has the longer story win.
    /// Otherwise the best container itself.
    private func inStatedArticle(_ best: Int, among candidates: [Int], score: [Double]) -> Int {
        guard let stated = metadata.title.map(Self.key), !stated.isEmpty else { return best }
        let nodes = document.nodes
        func article(of node: Int) -> Int? {
            var n = node
            while n >= 0 {
                if nodes[n].isTag(GUMBO_TAG_ARTICLE) { return n }
                n = nodes[n].parent
            }
            return nil
        }
        // Whether an article's first `<h1>` is the stated title (the title may go on with the site's
        // name: `Headline | Site`); nil for an article without one. Each article is read once (a page
        // of many candidates in one long article asks for it as often).
        var verdicts: [Int: Bool?] = [:]
        func headedByTitle(_ article: Int) -> Bool? {
            if let known = verdicts[article] { return known }
            var verdict: Bool?
            if let h1 = nodes[article].descendants.first(where: { nodes[$0].isTag(GUMBO_TAG_H1) }) {
                let head = Self.key(document.text(h1))
                verdict = head == stated || head.count >= 10 && stated.hasPrefix(head)
            }
            verdicts[article] = verdict
            return verdict
        }
        guard let own = article(of: best), headedByTitle(own) == false else { return best }
        var found: Int?
        for c in candidates where score[c] > 0 && c != own && !nodes[own].descendants.contains(c) {
            guard let other = article(of: c), headedByTitle(other) == true else { continue }
            if found.map({ score[c] > score[$0] }) ?? true { found = c }
        }
        return found ?? best
    }

    /// The element that holds the best container and three or more of the four next best, when those
    /// score nearly as well as it (three quarters of its score or more) and wear its class (its first
    /// word), as Readability unites close candidates: a story set one paragraph to a division, each
    /// dressed alike with a class that lifts it (`text-trout`), is as many containers as paragraphs,
    /// and the best may lie in a later part of the story than the others (the second of two rows that
    /// each hold a column of paragraphs and an aside). Otherwise the best container itself.
    private func commonContainer(of best: Int, among candidates: [Int], score: [Double]) -> Int {
        let nodes = document.nodes
        let dress = { (node: Int) -> Substring? in nodes[node][.class].flatMap { $0.split(separator: " ").first } }
        guard let worn = dress(best) else { return best }
        let leaders = candidates.sorted { score[$0] > score[$1] }.prefix(5)
        let close = leaders.filter { $0 != best && score[$0] >= score[best] * 0.75 && dress($0) == worn }
        guard close.count >= 3 else { return best }
        var ancestor = nodes[best].parent
        while ancestor >= 0, !nodes[ancestor].isTag(GUMBO_TAG_BODY) {
            let under = nodes[ancestor].descendants
            if close.filter({ under.contains($0) }).count >= 3 { return ancestor }
            ancestor = nodes[ancestor].parent
        }
        return best
    }

    /// Whether a division holds one paragraph and nothing else of note (Telegraph's `div.firstPar >
    /// p`), directly or in a wrapper or two of its own (Spiegel's `div[data-area=text] >
    /// div.RichText > p`): Readability puts such a paragraph in its wrapper's place.
    private func wrapsOneParagraph(_ container: Int) -> Bool {
        let nodes = document.nodes
        let isWrapper = { (node: Int) in nodes[node].isTag(GUMBO_TAG_DIV) || nodes[node].isTag(GUMBO_TAG_SECTION) }
        guard isWrapper(container), var only = onlyBlock(of: container) else { return false }
        for _ in 0..<2 where isWrapper(only) {
            guard let inner = onlyBlock(of: only) else { return false }
            only = inner
        }
        return nodes[only].isTag(GUMBO_TAG_P) && textLength[only] * 10 >= textLength[container] * 9
    }

    /// Whether the element before or after a division that wraps one paragraph (text of it, ignoring
    /// white space and empty elements) does so too: a story set one paragraph to a division.
    private func besideAnother(_ container: Int, among siblings: (list: [Int], place: [Int: Int])) -> Bool {
        guard let at = siblings.place[container] else { return false }
        return [at - 1, at + 1].contains { $0 >= 0 && $0 < siblings.list.count && wrapsOneParagraph(siblings.list[$0]) }
    }

    /// The one child element of a container that holds text, when it has no other child with text.
    private func onlyBlock(of container: Int) -> Int? {
        var found: Int?
        for c in document.nodes[container].children where textLength[c] > 0 {
            if found != nil || document.nodes[c].isText { return nil }
            found = c
        }
        return found
    }

    /// Whether a container is a list of other stories' teasers: three list items or more with text,
    /// nearly all of them opening with a link of a dozen characters or more (a headline, then its
    /// excerpt: a news ticker).
    private func isTeaserList(_ container: Int) -> Bool {
        let nodes = document.nodes
        var items = 0
        var linked = 0
        var stack = [container]
        var visited = 0
        while let i = stack.popLast(), visited < 5000 {
            visited += 1
            if excluded[i] || nodes[i].isText { continue }
            if nodes[i].isTag(GUMBO_TAG_LI) {
                guard textLength[i] >= 25 else { continue }
                items += 1
                if opensWithALink(i) { linked += 1 }
                continue
            }
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        return items >= 3 && linked * 5 >= items * 4
    }

    /// Whether the first text under an element is a link's, a headline's length (not a footnote's `^`).
    private func opensWithALink(_ element: Int) -> Bool {
        let nodes = document.nodes
        var stack: [(node: Int, inLink: Bool)] = [(element, false)]
        while let (i, inLink) = stack.popLast() {
            if excluded[i] { continue }
            if nodes[i].isText {
                if textLength[i] > 0 { return inLink && textLength[i] >= 12 }
                continue
            }
            let linked = inLink || nodes[i].isTag(GUMBO_TAG_A)
            for c in nodes[i].children.reversed() { stack.append((c, linked)) }
        }
        return false
    }

    /// A container in `sibling` dressed like `best`, the one holding most of the story's paragraphs
    /// (the same class), with much text and few links: the story's first part, set apart from the
    /// rest by the wrappers of a figure or a pull quote (`post__content` in each section of a
    /// feature). Looked for a few levels down only.
    private func partOfStory(in sibling: Int, dressedAs best: Int) -> Int? {
        let nodes = document.nodes
        guard let dress = nodes[best][.class], !dress.isEmpty, textLength[sibling] >= 25 else { return nil }
        var stack: [(node: Int, depth: Int)] = [(sibling, 0)]
        while let (i, depth) = stack.popLast() {
            if excluded[i] || nodes[i].isText { continue }
            if i != sibling, nodes[i].name == nodes[best].name, nodes[i][.class] == dress {
                // As long as a part of a story, not a teaser's excerpt or an author's card.
                let long = textLength[i] >= 500 && textLength[i] * 5 >= textLength[best]
                return long && linkDensity(i) < 0.25 ? i : nil
            }
            if depth < 8 { for c in nodes[i].children.reversed() { stack.append((c, depth + 1)) } }
        }
        return nil
    }
}
