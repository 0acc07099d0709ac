import Foundation

/// The headline of a whole page, chosen among the lines above the story and the parts of the page's
/// first line (its `<title>`, which browsers and `html-text` print first) by boosted trees: every
/// candidate gets a score from shallow features (how much of the page title it holds,
/// where it stands against the story, its shape, the line model's score, the byline and date lines
/// around it) and the best one is the headline. Fitted offline by `scripts/train-titles.py` on the
/// train split of the page sets; the trees are data (`TitleModelWeights.swift`).
package enum TitleRanker {
    /// One possible headline and its features, in the order `featureNames` lists them.
    package struct Candidate: Sendable {
        /// The headline's text as the article would get it.
        package let text: String
        /// The line it stands on, or nil for a part of the page's first line.
        package let line: Int?
        package let features: [Double]

        /// A part of the page title, or a line the page title holds or that equals it without its
        /// site name.
        var echoesPageTitle: Bool { features[1] > 0 || features[6] > 0 || features[8] > 0 }
    }

    /// Names of the features, in order (the training script writes them beside the trees).
    package static let featureNames = [
        "bias", "first-line part", "first line whole", "first line site-stripped", "first line weak",
        "part of weak first line", "held by page title", "share of page title", "page title stripped",
        "holds page title", "log distance to story", "after story start", "log words", "words <= 3",
        "words >= 20", "ends with full stop", "menu separator", "capitalised share", "no lowercase",
        "digit share", "line score", "next line score", "byline or date below", "byline or date above",
        "debris", "caption", "holds a date", "log repeats", "subheading", "furniture word",
        "longest held by page title", "log lines from top", "story follows", "link-like", "code-like",
        "site-stripped variant", "words in story opening", "title part printed on the page",
        "log distance of the copy nearest the story", "in a copyright line", "opens page title", "closes page title",
        "log lines from top to first copy", "share of words in page title", "share of page title's words held",
    ]

    /// The model, from the generated tables (`treeFeature` …), made once.
    static let trees = BoostedTrees(
        feature: treeFeature, threshold: treeThreshold, left: treeLeft, right: treeRight, roots: treeRoots, baseline: treeBaseline)

    /// Lines above the story that can be its headline.
    static let reachAbove = 80
    /// Lines into the story (its start can be a standfirst the model kept).
    static let reachBelow = 3

    /// Whether a text is a site's description of itself rather than a headline: a list (two commas or
    /// more, no colon) naming two sections or more (`Latest football news, transfers, reports`,
    /// `Breaking News, Pakistan, World, Cricket, …`). (A welcome is not one: `Welcome to Firefox
    /// Developer Edition` heads its page.)
    package static func describesASite(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        // A colon is a headline's own (`WTA Finals 2023: Latest results, today's matches, …`).
        guard text.utf8.count(where: { $0 == 0x2C }) >= 2, !text.contains(": ") else { return false }
        var sections = 0
        TitleRanker.forEachWord(in: text) { if sectionWords.contains($0) { sections += 1 } }
        return sections >= 2
    }

    /// Names of a news site's sections, as sites list them in their titles.
    static let sectionWords: Set<String> = [
        "news", "weather", "sports", "sport", "traffic", "business", "entertainment", "opinion", "scores", "transfers",
        "politics", "headlines", "videos", "video", "photos", "classifieds", "jobs", "obituaries", "lifestyle",
        "technology", "tech", "health", "science", "travel", "cricket", "football", "reports", "results", "fixtures",
        "breaking", "latest", "local", "world", "national", "international", "arts", "culture", "events", "blogs",
        "columnists", "editorials", "finance", "markets", "celebrity", "gossip", "movies", "music", "autos", "cars",
        "homes", "real", "estate", "shopping", "deals", "reviews", "analysis", "commentary", "community",
    ]

    /// Whether a printed line is a byline (`By Jon King, News Reporter`, `Posted by Chef John at 2:28
    /// PM`, `von David Straub, MDR THÜRINGEN`), which no headline is (`By the numbers: …`, `Von der
    /// Leyen warnt …` are headlines).
    static func isPrintedByline(_ line: String) -> Bool {
        line.utf8.count <= 120 && PageLayout.byline(line) != nil
    }

    /// The best candidate, or nil when there is none.
    static func best(text: [String], first: Int, firstBody: Int, roles: [TextExtractor.Role], layout: PageLayout) -> Candidate? {
        var all = candidates(text: text, first: first, firstBody: firstBody, roles: roles, layout: layout)
        // A site's description of itself (`Latest football news, transfers, reports`) is no headline
        // while anything else is left.
        // A form's spam trap (`Wenn du ein Mensch bist, lasse das Feld leer:`) never is.
        all.removeAll { Debris.isSpamTrap($0.text) }
        // A printed byline (`By Jon King, News Reporter`, `von David Straub, MDR THÜRINGEN`) is the
        // story's, never its headline.
        all.removeAll { $0.line != nil && isPrintedByline($0.text) }
        let undescribed = all.filter { !describesASite($0.text) }
        if !undescribed.isEmpty { all = undescribed }
        var best: (candidate: Candidate, score: Double)?
        for candidate in all {
            let score = trees.score(candidate.features)
            if score > best?.score ?? -.infinity { best = (candidate, score) }
        }
        guard let chosen = best?.candidate else { return nil }
        // A headline printed more than once (in the page title, a breadcrumb, above the story) stands
        // on its last line above the story (or on the story's first line): the byline and date are
        // looked for around it.
        let key = PageLayout.foldKey(chosen.text)
        guard key.count >= 8 else { return chosen }
        var index = min(firstBody, text.count - 1)
        while index > (chosen.line ?? first) {
            // A key has at most as many letters as the line has bytes.
            let line = text[index]
            if line.utf8.count >= key.count, line.utf8.count <= key.count * 3 + 60, isCandidateRole(roles[index]),
                PageLayout.foldKey(line) == key || PageLayout.foldKey(PageLayout.siteStripped(line)) == key
            {
                return Candidate(text: chosen.text, line: index, features: chosen.features)
            }
            index -= 1
        }
        // A part of the page title printed as a line further down: the story starts after it (what
        // was taken for its start is furniture above the headline).
        if chosen.line == nil, key.count >= 16, firstBody + 1 < text.count {
            for index in (firstBody + 1)..<min(text.count, firstBody + 120) {
                let line = text[index]
                if line.utf8.count >= key.count, line.utf8.count <= key.count * 3 + 60, PageLayout.foldKey(line) == key {
                    return Candidate(text: chosen.text, line: index, features: chosen.features)
                }
            }
        }
        return chosen
    }

    /// Every candidate of a page with its features: the first line whole and in its parts, and the
    /// lines from `reachAbove` above the story to `reachBelow` into it (with their site-stripped form
    /// when they hold a separator).
    static func candidates(text: [String], first: Int, firstBody: Int, roles: [TextExtractor.Role], layout: PageLayout) -> [Candidate] {
        let pageTitle = text[first]
        let titleKey = PageLayout.foldKey(pageTitle)
        // In characters, as the shares below count them (once: a String counts by walking it).
        let titleLength = Double(titleKey.count)
        let stripped = PageLayout.siteStripped(pageTitle)
        let strippedKey = PageLayout.foldKey(stripped)
        let weakTitle = Sentences.wordCount(stripped) <= 4
        let upper = min(text.count, firstBody + reachBelow + 1)
        let lower = max(first + 1, firstBody - reachAbove)

        // Keys of the window's lines: repeats, and the longest line the page title holds.
        var keys: [Int: String] = [:]
        var keyCounts: [String: Int] = [:]
        var longestHeld: (index: Int, length: Int)?
        var firstCopy: [String: Int] = [:]
        if lower < upper {
            for index in lower..<upper where !text[index].isEmpty && isCandidateRole(roles[index]) {
                let key = PageLayout.foldKey(text[index])
                keys[index] = key
                keyCounts[key, default: 0] += 1
                if firstCopy[key] == nil { firstCopy[key] = index }
                if key.count >= 8, titleKey.containsUTF8(key), key.count > (longestHeld?.length ?? 0) {
                    longestHeld = (index, key.count)
                }
            }
        }
        let opening = openingWords(text: text, roles: roles, firstBody: firstBody)
        // The page title's words without its site's part: a headline printed in other words than
        // the title's (`Jury Finds Dylann Roof Guilty …` under `Dylann Roof Convicted …`) shares some.
        var titleWords = Set<String>()
        forEachWord(in: stripped) { titleWords.insert($0) }
        func wording(_ candidate: String, _ f: inout [Double]) {
            f[43] = share(of: candidate, in: titleWords)
            f[44] = held(titleWords, by: candidate)
        }

        var out: [Candidate] = []
        // The first line, whole and in parts.
        var parts = [pageTitle]
        if stripped != pageTitle { parts.append(stripped) }
        for part in titleParts(pageTitle) where !parts.contains(part) { parts.append(part) }
        let printed = printedBelow(Set(parts.map(PageLayout.foldKey)), in: text, after: first)
        let owners = copyrightKeys(text)
        // Where a candidate stands against the site's own words: in a copyright line (the site's
        // name), at the start or the end of the page title.
        func place(_ key: String, _ f: inout [Double]) {
            f[39] = key.utf8.count >= 4 && owners.contains { $0.containsUTF8(key) } ? 1 : 0
            f[40] = !key.isEmpty && titleKey.hasPrefix(key) ? 1 : 0
            f[41] = !key.isEmpty && titleKey.hasSuffix(key) ? 1 : 0
        }
        for (n, part) in parts.enumerated() where Sentences.wordCount(part) >= 1 {
            let shape = Shape(part)
            var f = [Double](repeating: 0, count: featureNames.count)
            f[0] = 1
            f[1] = 1
            f[2] = n == 0 ? 1 : 0
            f[3] = part == stripped && n > 0 ? 1 : 0
            f[4] = weakTitle ? 1 : 0
            f[5] = weakTitle ? 1 : 0
            let key = PageLayout.foldKey(part)
            f[7] = titleKey.isEmpty ? 0 : Double(key.count) / titleLength
            f[8] = key == strippedKey ? 1 : 0
            shape.fill(&f)
            f[27] = log1p(Double(keyCounts[key] ?? 0))
            f[36] = share(of: part, in: opening)
            f[37] = n > 0 && printed[key] != nil ? 1 : 0
            if let copies = printed[key] {
                f[38] = log1p(Double(copies.map { abs(firstBody - $0) }.min()!))
                f[42] = log1p(Double(copies[0] - first))
            } else {
                f[38] = 9
                f[42] = 9
            }
            place(key, &f)
            wording(part, &f)
            out.append(Candidate(text: part, line: nil, features: f))
        }
        guard lower < upper else { return out }
        for index in lower..<upper {
            guard let key = keys[index] else { continue }
            let line = text[index]
            let words = Sentences.wordCount(line)
            // (A paragraph written without spaces is one "word" between spaces.)
            guard words >= 1, words <= 40, wordsIn(line, spaced: words) <= 40, !isListItem(line) else { continue }
            var f = [Double](repeating: 0, count: featureNames.count)
            f[0] = 1
            f[4] = weakTitle ? 1 : 0
            let held = key.count >= 8 && titleKey.containsUTF8(key)
            f[6] = held ? 1 : 0
            f[7] = held && !titleKey.isEmpty ? Double(key.count) / titleLength : 0
            f[8] = !strippedKey.isEmpty && key == strippedKey ? 1 : 0
            f[9] = strippedKey.count >= 12 && key != strippedKey && key.containsUTF8(strippedKey) ? 1 : 0
            f[10] = log1p(Double(max(0, firstBody - index)))
            f[11] = index >= firstBody ? 1 : 0
            Shape(line).fill(&f)
            f[20] = layout.score(index)
            if let next = (index + 1..<text.count).first(where: { !text[$0].isEmpty }) { f[21] = layout.score(next) }
            f[22] = nearby(roles, text, from: index, step: 1) ? 1 : 0
            f[23] = nearby(roles, text, from: index, step: -1) ? 1 : 0
            f[24] = Debris.isDebris(line) ? 1 : 0
            f[25] = roles[index] == .caption || Captions.isCaption(line) ? 1 : 0
            f[26] = DateFinder.find(in: line) != nil ? 1 : 0
            f[27] = log1p(Double((keyCounts[key] ?? 1) - 1))
            f[28] = roles[index] == .subheading ? 1 : 0
            f[30] = index == longestHeld?.index ? 1 : 0
            f[31] = log1p(Double(index - first))
            f[32] = (index + 1..<text.count).first(where: { !text[$0].isEmpty }) == firstBody ? 1 : 0
            f[36] = share(of: line, in: opening)
            f[38] = f[10]
            f[42] = log1p(Double((firstCopy[key] ?? index) - first))
            place(key, &f)
            wording(line, &f)
            out.append(Candidate(text: line, line: index, features: f))
            let strippedLine = PageLayout.siteStripped(line)
            if strippedLine != line, Sentences.wordCount(strippedLine) >= 2 {
                var g = f
                Shape(strippedLine).fill(&g)
                g[35] = 1
                g[36] = share(of: strippedLine, in: opening)
                let strippedLineKey = PageLayout.foldKey(strippedLine)
                g[8] = !strippedKey.isEmpty && strippedLineKey == strippedKey ? 1 : 0
                g[6] = strippedLineKey.count >= 8 && titleKey.contains(strippedLineKey) ? 1 : 0
                g[7] = g[6] > 0 && !titleKey.isEmpty ? Double(strippedLineKey.count) / titleLength : 0
                place(strippedLineKey, &g)
                wording(strippedLine, &g)
                out.append(Candidate(text: strippedLine, line: index, features: g))
            }
        }
        return out
    }

    /// Which of `keys` (parts of the page title, as `PageLayout.foldKey` makes them) a line below the
    /// page's first prints as a line of its own, anywhere on the page, and on which lines (in order):
    /// the headline the site's name was cut from, or the site's name in its header. One pass over the
    /// page; a key of fewer than four bytes is never found.
    static func printedBelow(_ keys: Set<String>, in text: [String], after first: Int) -> [String: [Int]] {
        let keys = keys.filter { $0.utf8.count >= 4 }
        guard let shortest = keys.map(\.utf8.count).min(), let longest = keys.map(\.utf8.count).max() else { return [:] }
        var found: [String: [Int]] = [:]
        // The keys' first bytes: a line whose first letter or digit is ASCII and none of them is no
        // copy, and is not folded.
        var openings = [Bool](repeating: false, count: 256)
        for key in keys { openings[Int(key.utf8.first!)] = true }
        // A key has at most as many bytes as its line; a line four times longer is no copy.
        for index in (first + 1)..<text.count {
            let count = text[index].utf8.count
            guard count >= shortest, count <= longest * 4 + 8 else { continue }
            if let opening = text[index].utf8.first(where: { $0 >= 0x80 || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }),
                opening < 0x80, !openings[Int(opening >= 0x41 && opening <= 0x5A ? opening | 0x20 : opening)]
            {
                continue
            }
            let key = PageLayout.foldKey(text[index])
            if keys.contains(key) { found[key, default: []].append(index) }
        }
        return found
    }

    /// Keys (`PageLayout.foldKey`) of the page's copyright lines (`© 2024 Site`, `Copyright …`, `All
    /// rights reserved`), up to `maxOwnerLines` of them: the site's name is printed there, a headline
    /// is not.
    static func copyrightKeys(_ text: [String]) -> [String] {
        var out: [String] = []
        for line in text where line.utf8.count <= 400 {
            if ownerMarks.contains(where: { line.containsBytes($0) }) {
                out.append(PageLayout.foldKey(line))
                if out.count == maxOwnerLines { break }
            }
        }
        return out
    }

    /// Most copyright lines a page's candidates are compared with.
    static let maxOwnerLines = 8
    /// What marks a copyright line, in the cases sites print it (matched as bytes, no line lower-cased).
    static let ownerMarks: [StaticString] = ["\u{A9}", "opyright", "OPYRIGHT", "ights reserved", "ights Reserved", "IGHTS RESERVED"]

    /// A line's length in words: those between spaces, or for text written without them (Chinese,
    /// Japanese, full-width forms) a word for every three of its wide characters, whichever is more.
    /// ASCII text is its words between spaces alone (`spaced` when they are counted already).
    package static func wordsIn(_ text: String, spaced: Int? = nil) -> Int {
        let spaced = spaced ?? text.split(separator: " ").count
        guard text.utf8.contains(where: { $0 >= 0xE2 }) else { return spaced }
        let wide = text.unicodeScalars.lazy.filter { $0.value >= 0x2E80 }.count
        return max(spaced, wide / 3)
    }

    /// The words (lowercased, three letters or more) of the story's first paragraphs, up to 300.
    static func openingWords(text: [String], roles: [TextExtractor.Role], firstBody: Int) -> Set<String> {
        var words = Set<String>()
        var count = 0
        var index = firstBody
        while index < text.count, count < 300 {
            if roles[index] == .paragraph {
                forEachWord(in: text[index]) { word in
                    words.insert(word)
                    count += 1
                }
            }
            index += 1
        }
        return words
    }

    /// The share of a candidate's words (three letters or more) that the story's opening holds.
    package static func share(of candidate: String, in opening: Set<String>) -> Double {
        var total = 0
        var found = 0
        forEachWord(in: candidate) { word in
            total += 1
            if opening.contains(word) { found += 1 }
        }
        return total == 0 ? 0 : Double(found) / Double(total)
    }

    /// The share of `words` (a text's, as `forEachWord` gives them) that a candidate holds.
    package static func held(_ words: Set<String>, by candidate: String) -> Double {
        guard !words.isEmpty else { return 0 }
        var found = Set<String>()
        forEachWord(in: candidate) { if words.contains($0) { found.insert($0) } }
        return Double(found.count) / Double(words.count)
    }

    /// Each word of three bytes or more (runs of ASCII letters and digits, lowercased, and of
    /// non-ASCII bytes), from the bytes without Unicode tables.
    package static func forEachWord(in line: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        func flush() {
            if word.count >= 3 { body(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in line.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...: word.append(byte)
            default: flush()
            }
        }
        flush()
    }

    /// Whether a line is an item of a list as text prints one (`- `, `• `, `* `, `– `): a summary's
    /// bullet or a menu's entry, never the headline.
    static func isListItem(_ line: String) -> Bool {
        let bytes = Array(line.utf8.prefix(4))
        if bytes.count >= 2, bytes[0] == 0x2D || bytes[0] == 0x2A, bytes[1] == 0x20 { return true }
        // `•` is E2 80 A2 and `–` E2 80 93 in UTF-8.
        return bytes.count == 4 && bytes[0] == 0xE2 && bytes[1] == 0x80 && (bytes[2] == 0xA2 || bytes[2] == 0x93) && bytes[3] == 0x20
    }

    /// Lines a headline can be: not a byline, stamp, embedded post or summary bullet.
    private static func isCandidateRole(_ role: TextExtractor.Role) -> Bool {
        role != .byline && role != .dateline && role != .post && role != .summaryItem && role != .summaryHeader
    }

    /// A byline or a date stamp within two non-empty lines of `index`, looking `step`-wards.
    private static func nearby(_ roles: [TextExtractor.Role], _ text: [String], from index: Int, step: Int) -> Bool {
        var seen = 0
        var i = index + step
        while i >= 0, i < text.count, seen < 2 {
            if !text[i].isEmpty {
                if roles[i] == .byline || roles[i] == .dateline || Byline.parse(text[i]) != nil { return true }
                seen += 1
            }
            i += step
        }
        return false
    }

    /// The first line cut at each separator a page title uses (`Headline - Site`, `Site | Section |
    /// Headline`, `TV3 > News > Story > Headline`): every part with at least two words, the first
    /// `maxTitleParts` of them (a page title has a handful; a hostile first line could have
    /// thousands, each a candidate scored against the whole page).
    static func titleParts(_ title: String) -> [String] {
        let title = PageLayout.spacedPipes(title)
        var out: [String] = []
        // Titles written without spaces (Chinese, Japanese) glue their separators to the words
        // (`标题-新华网`).
        let wide = title.unicodeScalars.contains { $0.value >= 0x2E80 }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " » ", " > ", " · ", ": ", " : ", "_"] + (wide ? ["-", "｜", "|"] : [])
        where title.containsUTF8(separator) {
            for part in title.parts(separatedBy: separator) {
                let trimmed = String(part.trimmingBlanks())
                if Sentences.wordCount(trimmed) >= 2 || wide && wordsIn(trimmed) >= 2, !out.contains(trimmed) { out.append(trimmed) }
                if out.count == maxTitleParts { return out }
            }
        }
        return out
    }

    /// Most parts of the page's first line that are candidates.
    static let maxTitleParts = 16

    /// Features of a text's shape alone (words, case, punctuation, links).
    private struct Shape {
        /// What marks a link: `http`, `www.`, `.com`.
        static let addressMarks = ByteNeedles(["http", "www.", ".com"])

        var words = 0
        var capitalised = 0
        var hasLower = false
        var digits = 0
        var letters = 0
        var wide = 0
        let endsFullStop: Bool
        let separator: Bool
        let furniture: Bool
        let linkLike: Bool
        let codeLike: Bool

        init(_ text: String) {
            var startOfWord = true
            for scalar in text.unicodeScalars {
                if scalar == " " {
                    startOfWord = true
                    continue
                }
                let value = scalar.value
                // ASCII (most lines) without the scalar properties' tables.
                let upper = value < 0x80 ? (0x41...0x5A).contains(value) : scalar.properties.isUppercase
                let lower = value < 0x80 ? (0x61...0x7A).contains(value) : scalar.properties.isLowercase
                let digit = (0x30...0x39).contains(value)
                let alpha = value < 0x80 ? upper || lower : scalar.properties.isAlphabetic
                if alpha || digit || value >= 0x80 && scalar.properties.numericType != nil {
                    if startOfWord {
                        words += 1
                        if upper { capitalised += 1 }
                    }
                    startOfWord = false
                }
                if alpha { letters += 1 }
                if lower { hasLower = true }
                if digit { digits += 1 }
                if value >= 0x2E80 { wide += 1 }
            }
            // Text written without spaces: a word for every three wide characters (`wordsIn`).
            words = max(words, wide / 3)
            endsFullStop = text.hasSuffix(".")
            separator = text.containsUTF8(" | ") || text.containsUTF8(" » ") || text.containsUTF8(" > ") || text.containsUTF8(" / ")
            let lower = text.lowercased()
            furniture = lower.containsAny(of: LineFeatures.boilerNeedles)
            linkLike = lower.containsAny(of: Shape.addressMarks)
            codeLike = text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "=") }
        }

        func fill(_ f: inout [Double]) {
            f[12] = log1p(Double(words))
            f[13] = words <= 3 ? 1 : 0
            f[14] = words >= 20 ? 1 : 0
            f[15] = endsFullStop ? 1 : 0
            f[16] = separator ? 1 : 0
            f[17] = words > 0 ? Double(capitalised) / Double(words) : 0
            f[18] = hasLower ? 0 : 1
            f[19] = letters + digits > 0 ? Double(digits) / Double(letters + digits) : 0
            f[29] = furniture ? 1 : 0
            f[33] = linkLike ? 1 : 0
            f[34] = codeLike ? 1 : 0
        }
    }
}
