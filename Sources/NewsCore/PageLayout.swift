import Foundation

/// Whole-page text (a browser's "save as text", `html-text`): the page's `<title>` on the first
/// line, then menus, the headline, a byline and date block, the story, related links and a footer.
/// `PageLayout` decides whether a text is such a page and, when it is, where the story is and which
/// of its lines are the headline, the byline and the publication date.
struct PageLayout {
    /// Probability that each line (from the extractor's first line on) is article text.
    let scores: [Double]
    let start: Int

    /// Line scores below this are page furniture.
    static let threshold = 0.5

    init(text: [String], start: Int) {
        self.start = start
        self.scores = LineClassifier.scores(text[start...])
    }

    func score(_ index: Int) -> Double { scores[index - start] }

    /// A page, not an article's text: enough lines the rules kept as text are furniture by the line
    /// model (at least six, and a fifth of at least fifteen). Plain article text, where every line is the story,
    /// never gets here, so its parse does not change.
    static func isWholePage(rejected: Int, candidates: Int) -> Bool {
        candidates >= 15 && rejected >= 6 && rejected * 5 >= candidates
    }

    /// A line the line model could take for furniture: one that does not end a sentence, or has
    /// fewer than twelve words. The model has not been seen to reject other lines in numbers.
    static func looksLikeFurniture(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last, last == "." || last == "\"" || last == "”" || last == "?" || last == "!"
        else { return true }
        return Sentences.wordCount(line) < 12
    }

    /// The headline: the best of the lines above the story and the parts of the page's first line
    /// by the title model (`TitleRanker`); nil when the page opens with a summary block (its first
    /// bullet is the headline). `inStory`: the line is a paragraph of the story that the page title
    /// does not hold (the model found nothing better); it stays in the body.
    static func headline(text: [String], start: Int, firstBody: Int, roles: [TextExtractor.Role], layout: PageLayout)
        -> (line: Int?, title: String, inStory: Bool)?
    {
        guard let first = text[start...].firstIndex(where: { !$0.isEmpty }) else { return nil }
        if roles[first] == .summaryHeader || roles[first] == .summaryItem { return nil }
        guard let best = TitleRanker.best(text: text, first: first, firstBody: firstBody, roles: roles, layout: layout) else {
            return nil
        }
        let inStory = best.line.map { $0 >= firstBody && roles[$0] == .paragraph } == true && !best.echoesPageTitle
        return (best.line, withoutAddressOrDay(best.text), inStory)
    }

    /// A headline without the site's address or a day set off by a separator at its start or end
    /// (`makrophotos von insekten » gizmeo.eu`, `mediaarchitecture.de // » Jens Weber`, `23.01.2022 -
    /// Dorothea Wierer darf …`), when two words or more are left; the headline as it is otherwise.
    static func withoutAddressOrDay(_ headline: String) -> String {
        let words = headline.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" })
        guard words.count >= 4, words.count <= 60 else { return headline }
        var start = 0
        var end = words.count
        if isAddressOrDay(words[0]), words.count > 1, titleSeparators.contains(words[1]) {
            start = 1
            while start < end, titleSeparators.contains(words[start]) { start += 1 }
        }
        if end - start >= 3, isAddress(words[end - 1]), titleSeparators.contains(words[end - 2]) {
            end -= 1
            while end > start, titleSeparators.contains(words[end - 1]) { end -= 1 }
        }
        guard start > 0 || end < words.count else { return headline }
        let kept = words[start..<end].joined(separator: " ")
        return Sentences.wordCount(kept) >= 2 ? kept : headline
    }

    /// Words that set a site's name or address apart from a headline.
    static let titleSeparators: Set<Substring> = ["»", "«", "//", ">", "|", "-", "–", "—", "•", "·", "::"]

    /// A name that runs into the site's name as the page's title bar ends or opens with it (`Sarah
    /// Schnieder Reiterrevue International` on a page titled `Heulage: … - Reiterrevue
    /// International`): the name without it, when the site's name has two words or more and two words
    /// or more are left.
    static func withoutSiteName(_ name: String, titleBar: String) -> String {
        let words = spacedPipes(titleBar).split(separator: " ")
        guard let cut = words.firstIndex(where: titleSeparators.contains),
            let last = words.lastIndex(where: titleSeparators.contains)
        else { return name }
        // A site's name of one word is as often the person's own (`Longfellow - Poems`).
        for site in [words[..<cut], words[(last + 1)...]] where site.count >= 2 {
            let suffix = " " + site.joined(separator: " ")
            guard name.hasSuffix(suffix) else { continue }
            let rest = String(name.dropLast(suffix.count))
            if rest.split(separator: " ").count >= 2 { return rest }
        }
        return name
    }

    /// A site's address as a word (`gizmeo.eu`, `www.example.com`, `Tagesschau.de`): letters, digits,
    /// hyphens and dots, ending in a suffix of `siteSuffixes`.
    static func isAddress(_ word: Substring) -> Bool {
        guard word.utf8.count <= 60, word.contains("."),
            word.unicodeScalars.allSatisfy({ Scalars.isLetter($0) || Scalars.isDigit($0) || $0 == "." || $0 == "-" })
        else { return false }
        let lower = word.lowercased()
        return siteSuffixes.contains(where: lower.hasSuffix) && !lower.hasPrefix(".")
    }

    /// A site's address, or a day written as one word (`23.01.2022`, `2022-01-23`, `23/01/2022`).
    static func isAddressOrDay(_ word: Substring) -> Bool {
        if isAddress(word) { return true }
        let parts = word.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        return DateFinder.find(in: String(word)) != nil
    }

    /// The first line after the page's first (its window title) that prints the headline taken from
    /// that title: where the story's header stands, wherever the story's start was found.
    static func printedHeadline(_ title: String, in text: [String], after start: Int) -> Int? {
        let key = foldKey(title)
        guard key.count >= 12, Sentences.wordCount(title) >= 3,
            let first = text[start...].firstIndex(where: { !$0.isEmpty })
        else { return nil }
        return text.indices.dropFirst(first + 1).first { index in
            text[index].utf8.count >= key.count && text[index].utf8.count <= key.count * 4 && foldKey(text[index]) == key
        }
    }

    /// A later line (within `repeatReach`) that the line at `first` holds with more around it: `AFP:
    /// Headline` or `Headline - Site` printed before `Headline`. Nil when the first line is itself
    /// the headline (plain article text).
    static func repeatedHeadline(of first: Int, in text: [String]) -> Int? {
        let key = foldKey(text[first])
        // Counted once: a string's count walks all its characters.
        let keyLength = key.count
        guard keyLength >= 16 else { return nil }
        var best: (index: Int, length: Int)?
        for index in (first + 1)..<min(text.count, first + repeatReach) where !text[index].isEmpty {
            // A key has at most as many letters as the line has bytes: a line under a quarter of the
            // headline's key cannot be held by it.
            guard text[index].utf8.count * 4 >= keyLength else { continue }
            // An ASCII line's key is its letters and digits: as many as the headline's, or more,
            // and the headline's key cannot hold it with room to spare (checked before any count
            // that walks the line twice).
            if let alphanumerics = Self.asciiAlphanumerics(text[index]), alphanumerics >= keyLength { continue }
            let words = Sentences.wordCount(text[index])
            guard words >= 2, words <= 30 else { continue }
            // Whether the key holds the line's first (cheap, and false for nearly every line), then
            // the lengths, which walk the characters.
            let lineKey = foldKey(text[index])
            guard key.containsUTF8(lineKey) else { continue }
            let lineLength = lineKey.count
            guard lineLength >= 8, keyLength > lineLength, lineLength > (best?.length ?? 0) else { continue }
            // At least half the first line, or a part of it set off by separators (`Rutger Bregman:
            // Unser wahres Ich - brand eins online` over `Unser wahres Ich`), looked for only in a
            // title bar of title length: `isSetOff` runs Foundation's case-insensitive search, which
            // a hostile first line of megabytes must not get.
            if lineLength >= 12 && lineLength * 2 >= keyLength
                || lineLength * 4 >= keyLength && text[first].utf8.count <= 400 && isSetOff(text[index], in: text[first])
            {
                best = (index, lineLength)
            }
        }
        return best?.index
    }

    /// The letters and digits of an ASCII line (the length of its `foldKey`); nil when the line
    /// holds any other byte.
    static func asciiAlphanumerics(_ line: String) -> Int? {
        var line = line
        return line.withUTF8 { bytes -> Int? in
            var count = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let folded = byte | 0x20
                if folded >= 0x61 && folded <= 0x7A || byte >= 0x30 && byte <= 0x39 { count += 1 }
            }
            return count
        }
    }

    /// Whether `part` stands in `line` between separators (or at an end): `Site: Part - Section`,
    /// `site.de // » Part`, `Part, par Name`.
    static func isSetOff(_ part: String, in line: String) -> Bool {
        guard let range = line.range(of: part, options: .caseInsensitive) else { return false }
        let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let after = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let marks = ":|-–—»/·,("
        let openOK = before.isEmpty || before.last.map { marks.contains($0) } == true
        let closeOK = after.isEmpty || after.first.map { marks.contains($0) } == true
        return openOK && closeOK && !(before.isEmpty && after.isEmpty)
    }

    /// How many lines after a page's first its headline is looked for again (`repeatedHeadline`): a
    /// site's menus stand between them.
    static let repeatReach = 120

    /// `Headline - Site`, `Site | Headline`, `Headline :: Site` → the part with most words.
    static func siteStripped(_ title: String) -> String {
        let title = spacedPipes(title)
        for separator in [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " : ", ": ", "｜", " － "] where title.containsUTF8(separator) {
            // `AFP: Headline` yes, `Trump: I will win` no: a colon cuts off a short lead only.
            if separator == ": ", case let colonParts = title.parts(separatedBy: ": "), colonParts.count == 2,
                Sentences.wordCount(String(colonParts[0])) > 3 || Byline.cleanName(String(colonParts[0])) != nil
            {
                continue
            }
            let parts = title.parts(separatedBy: separator).map { String($0.trimmingBlanks()) }
            let words = { (part: String) in TitleRanker.wordsIn(part, spaced: Sentences.wordCount(part)) }
            if let best = parts.max(by: { words($0) < words($1) }), !best.isEmpty {
                return best
            }
        }
        return title
    }

    /// A bar with a space on one side only is a separator too (`Headline| Sport | Site`): it gets a
    /// space on both. A bar between two words (`a|b`) is left alone.
    static func spacedPipes(_ title: String) -> String {
        guard title.utf8.contains(0x7C) else { return title }
        let bytes = Array(title.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (i, byte) in bytes.enumerated() {
            guard byte == 0x7C else {
                out.append(byte)
                continue
            }
            let spaceBefore = i > 0 && bytes[i - 1] == 0x20
            let spaceAfter = i + 1 < bytes.count && bytes[i + 1] == 0x20
            if spaceAfter && !spaceBefore && i > 0 { out.append(0x20) }
            out.append(byte)
            if spaceBefore && !spaceAfter && i + 1 < bytes.count { out.append(0x20) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters and digits only, lowercased: how a headline and the page title are compared. The
    /// definition is `lowercased()` and then the scalars the Unicode tables call alphabetic or
    /// numeric; ASCII (most of any line) and the General Punctuation block (curly quotes, dashes,
    /// bullets: no letters or digits) are decided without the tables, and the key is built as bytes.
    static func foldKey(_ line: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(truncatingIfNeeded: v)
                switch byte {
                case 0x41...0x5A: bytes.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                default: continue
                }
            } else if v >= 0x2000 && v <= 0x206F {
                continue
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars
                where lower.properties.isAlphabetic || lower.properties.numericType != nil {
                    bytes.append(contentsOf: UTF8.encode(lower)!)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The publication day in a page: a labelled stamp (`Published …`) in the header block (from
    /// `above` lines above the headline, or above the story when no headline line was found, to a
    /// few lines into the story) first; else the date nearest the headline in a short line (a stamp,
    /// not a date mentioned in prose) anywhere on the page; else the nearest date in any line of
    /// ordinary length.
    static func publicationDate(
        text: [String], roles: [TextExtractor.Role], anchor: Int, above: Int, firstBody: Int,
        datelines: [(index: Int, label: DatelineParser.Label, value: String)]
    ) -> String? {
        var finder = NearestDate(text: text, roles: roles, datelines: datelines)
        let low = max(0, anchor - above)
        let high = min(text.count, max(anchor, firstBody) + 8)
        var best: (distance: Int, value: String)?
        for stamp in datelines where stamp.index >= low && stamp.index < high && stamp.label == .published
            && !finder.inList(stamp.index, stamp.value)
        {
            let d = NearestDate.distance(stamp.index, from: anchor)
            if best == nil || d < best!.distance { best = (d, stamp.value) }
        }
        if let best { return best.value }
        let nearest = finder.nearest(to: anchor, within: Int.max)
        return nearest.stamp?.value ?? nearest.inProse
    }

    /// A date in a short line within `reach` lines of an article's headline (`Oct 15, 2015 · 18 min
    /// read`, `Veröffentlicht am 16.08.2019`): for text that is not a whole page and has no stamp
    /// the dateline parser reads.
    static func stampNear(
        text: [String], roles: [TextExtractor.Role], anchor: Int, reach: Int,
        datelines: [(index: Int, label: DatelineParser.Label, value: String)]
    ) -> (line: Int, value: String)? {
        var finder = NearestDate(text: text, roles: roles, datelines: datelines)
        return finder.nearest(to: anchor, within: reach, endingSentences: false).stamp
    }

}

/// Dates around a line of a text, nearest first: a line above the anchor counts twice its distance
/// (the date block usually follows the headline). A date with other dates in short lines within
/// three lines belongs to a list of stories or comments and is never read; an `Updated …` stamp
/// beside the published one, or a date mentioned in a paragraph, makes no list. The dates of
/// embedded posts and photo captions are theirs, not the page's.
struct NearestDate {
    let text: [String]
    let roles: [TextExtractor.Role]
    let updates: Set<Int>
    private var found: [Int: String?] = [:]
    /// The page's order of numeric dates.
    private let order: PageOrder

    init(text: [String], roles: [TextExtractor.Role], datelines: [(index: Int, label: DatelineParser.Label, value: String)]) {
        self.text = text
        self.roles = roles
        self.updates = Set(datelines.lazy.filter { $0.label == .updated }.map(\.index))
        self.order = PageOrder { text }
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        return last == "." || last == "!" || last == "?"
    }

    /// The characters of a long line in which a dateline is looked for.
    static let opening = 40

    static func distance(_ index: Int, from anchor: Int) -> Int {
        index < anchor ? 2 * (anchor - index) : index - anchor
    }

    /// The day written in a line of ordinary length, or opening a longer one (a story's dateline:
    /// `Karlsruhe, (12.11.2021). Traditionell …`), if any (memoised: the list test reads neighbours).
    mutating func date(_ index: Int) -> String? {
        if let known = found[index] { return known }
        let line = text[index]
        let value = line.isEmpty || roles[index] == .post || roles[index] == .caption
            ? nil : DateFinder.find(in: line.utf8.count > 300 ? String(line.prefix(Self.opening)) : line, page: order)
        found[index] = value
        return value
    }

    mutating func inList(_ index: Int, _ value: String) -> Bool {
        let day = value.prefix(10)
        for other in max(0, index - 3)...min(text.count - 1, index + 3) where other != index && !updates.contains(other) {
            if let d = date(other), d != day, Sentences.wordCount(text[other]) <= 15 { return true }
        }
        return false
    }

    /// The nearest date in a short line (at most fifteen words; with `endingSentences` false, one
    /// that ends no sentence), and the nearest in any line, within `reach` (in distance units) of the
    /// anchor.
    mutating func nearest(
        to anchor: Int, within reach: Int, endingSentences: Bool = true
    ) -> (stamp: (line: Int, value: String)?, inProse: String?) {
        var inProse: String?
        var step = 0
        while step <= reach, anchor + step < text.count || anchor - step / 2 >= 0 {
            for index in step > 0 && step % 2 == 0 ? [anchor + step, anchor - step / 2] : [anchor + step]
            where index >= 0 && index < text.count {
                guard let value = date(index), !inList(index, value) else { continue }
                if Sentences.wordCount(text[index]) <= 15, endingSentences || !Self.endsSentence(text[index]) {
                    return ((index, value), inProse ?? value)
                }
                if inProse == nil { inProse = value }
            }
            step += 1
        }
        return (nil, inProse)
    }
}

/// Finds a calendar day written anywhere in a short line, in the forms pages use: ISO
/// (`2014-07-19`), `19.07.2014`, `7/19/2014` (month first unless the line says otherwise:
/// `DayOrder`), `19 July 2014` and `July 19, 2014` with month names in English and the languages
/// of `MonthNames`, and `2014. július 19.`.
enum DateFinder {
    /// The first day in `line`; `page` gives the page's order of numeric dates, asked only when a
    /// date could be read either way and the line says nothing of its own.
    static func find(in line: String, page: PageOrder? = nil) -> String? {
        // Every form read below has at least four ASCII digits (`1.1.23`, a year of four).
        var digits = 0
        for byte in line.utf8 where byte >= 0x30 && byte <= 0x39 {
            digits += 1
            if digits == 4 { break }
        }
        guard digits == 4 else { return nil }
        let scalars = Array(line.lowercased().unicodeScalars)
        var tokens: [(text: String, isNumber: Bool, end: Unicode.Scalar?)] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.value >= 0x30 && c.value <= 0x39 {
                var s = ""
                while i < scalars.count, scalars[i].value >= 0x30, scalars[i].value <= 0x39 {
                    s.unicodeScalars.append(scalars[i])
                    i += 1
                }
                tokens.append((s, true, i < scalars.count ? scalars[i] : nil))
            } else if c.properties.isAlphabetic {
                var s = ""
                while i < scalars.count, scalars[i].properties.isAlphabetic {
                    s.unicodeScalars.append(scalars[i])
                    i += 1
                }
                tokens.append((s, false, i < scalars.count ? scalars[i] : nil))
            } else {
                i += 1
            }
        }
        func valid(_ y: Int, _ m: Int, _ d: Int) -> String? {
            guard y >= 1990, y <= 2100, m >= 1, m <= 12, d >= 1, d <= DatelineParser.daysIn(month: m, year: y) else {
                return nil
            }
            return DatelineParser.formatDate(y, m, d)
        }
        for k in 0..<tokens.count {
            let t = tokens[k]
            // `2019年4月21日` (Chinese, Japanese), `2019년 4월 21일` (Korean): each number ends in its unit.
            if t.isNumber, t.text.count == 4, k + 4 < tokens.count, t.end == "年" || t.end == "년",
                tokens[k + 2].isNumber, tokens[k + 2].text.count <= 2, tokens[k + 2].end == "月" || tokens[k + 2].end == "월",
                tokens[k + 4].isNumber, tokens[k + 4].text.count <= 2, tokens[k + 4].end == "日" || tokens[k + 4].end == "일",
                let v = valid(Int(t.text) ?? 0, Int(tokens[k + 2].text) ?? 0, Int(tokens[k + 4].text) ?? 0)
            {
                return v
            }
            if t.isNumber, k + 2 < tokens.count, tokens[k + 1].isNumber, tokens[k + 2].isNumber {
                let a = Int(t.text) ?? 0
                let b = Int(tokens[k + 1].text) ?? 0
                let c = Int(tokens[k + 2].text) ?? 0
                if t.text.count == 4, t.end == "-" || t.end == "/" || t.end == ".", let v = valid(a, b, c) { return v }
                // `17.11.19`, `1.11.23 20:19`: a two-digit year only between dots, and not in a longer
                // dotted number (`version - 9.5.3.72`) or a version (`Kernel version 2.6.29`).
                if tokens[k + 2].text.count == 2, t.end == ".", tokens[k + 1].end == ".", t.text.count <= 2,
                    tokens[k + 1].text.count <= 2, k + 3 >= tokens.count || tokens[k + 2].end != ".",
                    k == 0 || !(tokens[k - 1].isNumber && tokens[k - 1].end == "." || versionWords.contains(tokens[k - 1].text)),
                    let v = valid(2000 + c, b, a)
                {
                    return v
                }
                if tokens[k + 2].text.count == 4, t.text.count <= 2, tokens[k + 1].text.count <= 2 {
                    if t.end == ".", let v = valid(c, b, a) { return v }
                    if t.end == "/" || t.end == "-" {
                        // Month first unless the line (`02/11/2023 GMT`) or the page says day first.
                        let monthFirst = a <= 12 && (b > 12 || !(DayOrder.dayFirst(in: line) || page?.dayFirst == true))
                        if let v = monthFirst ? valid(c, a, b) : valid(c, b, a) { return v }
                    }
                }
            }
            if !t.isNumber, let month = months[t.text] {
                // Month Day, Year
                if k + 2 < tokens.count, tokens[k + 1].isNumber, tokens[k + 1].text.count <= 2 {
                    var y = k + 2
                    if !tokens[y].isNumber, ["st", "nd", "rd", "th"].contains(tokens[y].text) { y += 1 }
                    if y < tokens.count, tokens[y].isNumber, tokens[y].text.count == 4,
                        let v = valid(Int(tokens[y].text) ?? 0, month, Int(tokens[k + 1].text) ?? 0)
                    {
                        return v
                    }
                }
                // Day Month Year
                var d = k - 1
                // `23 de març`, `23 d'abril` (Catalan), `1st`, `1er`.
                if d >= 0, !tokens[d].isNumber, ["de", "d", "st", "nd", "rd", "th", "er"].contains(tokens[d].text) { d -= 1 }
                if d >= 0, tokens[d].isNumber, tokens[d].text.count <= 2 {
                    var y = k + 1
                    if y < tokens.count, !tokens[y].isNumber, tokens[y].text == "de" { y += 1 }
                    if y < tokens.count, tokens[y].isNumber, tokens[y].text.count == 4,
                        let v = valid(Int(tokens[y].text) ?? 0, month, Int(tokens[d].text) ?? 0)
                    {
                        return v
                    }
                }
                // Year. Month Day (Hungarian: `2020. március 23.`).
                if k >= 1, k + 1 < tokens.count, tokens[k - 1].isNumber, tokens[k - 1].text.count == 4, tokens[k - 1].end == ".",
                    tokens[k + 1].isNumber, tokens[k + 1].text.count <= 2,
                    let v = valid(Int(tokens[k - 1].text) ?? 0, month, Int(tokens[k + 1].text) ?? 0)
                {
                    return v
                }
            }
        }
        return nil
    }

    /// Words before a version number (`version 2.6.29`, `v 1.2.23`), which reads as a day with a
    /// two-digit year.
    static let versionWords: Set<String> = ["version", "versión", "versão", "v", "ver", "release", "build", "kernel", "firmware"]

    static let months: [String: Int] = {
        var table = DatelineParser.months
        for (name, month) in MonthNames.european + MonthNames.slavicAndArabic { table[name] = month }
        return table
    }()
}
