import Glibc

/// The page as gumbo gets it: one pass over the bytes that bounds the nesting depth and, when asked,
/// leaves out what newsd never reads, so that gumbo (most of a page's reading time) tokenizes less.
/// What goes is only what cannot change the tree newsd copies:
/// - the text of `<script>` (other than JSON-LD) and `<style>` elements, whose text is dropped anyway;
/// - the text of comments (`<!-- … -->` becomes `<!---->`, so text nodes stay split where they were);
/// - the attributes newsd does not copy (`src`, `srcset`, `data-…`, `onclick`), except those HTML's
///   tree building reads (`<font color>`, `<input type>`);
/// - all but the first byte of each run of white space in text outside `<pre>` and `<listing>` (the
///   indentation between tags): gumbo hands text to its tree one character at a time, and newsd
///   reads any run of white space as one space (a text that was white space alone still is);
/// - the characters of each run of text, and of each quoted value of an attribute newsd copies
///   (but `type`), and of a JSON-LD script, which gumbo gets as one placeholder character that the
///   copy of its tree replaces by the run, the value or the script's data (`TextRuns`).
/// Each is left alone whenever gumbo might read it differently from this pass (a script holding `<!--`,
/// an end tag not followed by a space, `/` or `>`, text, comments and placeholders inside `<svg>` or
/// `<math>`, where only the attributes never read go).
extension HTMLDocument {
    /// The text with the start tags dropped that would open more than `maxDepth` elements (and an
    /// unclosed `<title>` closed at the next tag). The count
    /// is an estimate from the tags alone (unclosed elements count until their end tag), so it errs on
    /// the side of dropping; a real page never comes near it.
    package static func boundingDepth(_ text: [UInt8]) -> [UInt8] {
        prepared(text, hollowing: false)
    }

    /// `boundingDepth`, and with `hollowing` the script, style and comment text, the attributes never
    /// read and the repeats in runs of white space left out.
    static func prepared(_ text: [UInt8], hollowing: Bool) -> [UInt8] {
        prepared(text, hollowing: hollowing, puttingAside: false).text
    }

    /// `prepared`, and with `puttingAside` (and `hollowing`) runs of text as placeholders
    /// (`TextRuns`), nil when none was put aside.
    static func prepared(_ text: [UInt8], hollowing: Bool, puttingAside: Bool) -> (text: [UInt8], runs: TextRuns?) {
        text.withUnsafeBufferPointer { buffer in
            var pass = InputPass(text: buffer, hollowing: hollowing, puttingAside: puttingAside)
            pass.run()
            let runs = pass.runs.flatMap { $0.ranges.isEmpty ? nil : $0 }
            return (pass.changed ? pass.out : text, runs)
        }
    }
}

/// A tag name as the depth bound compares it: its first 32 bytes, lower-cased, in four words (no
/// allocation per tag).
struct TagName: Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var count = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for k in range.prefix(32) {
            var b = bytes[k]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            let shift = UInt64((count & 7) * 8)
            switch count >> 3 {
            case 0: words.0 |= UInt64(b) << shift
            case 1: words.1 |= UInt64(b) << shift
            case 2: words.2 |= UInt64(b) << shift
            default: words.3 |= UInt64(b) << shift
            }
            count += 1
        }
    }

    init(_ name: String) {
        let bytes = Array(name.utf8)
        self = bytes.withUnsafeBufferPointer { TagName($0, 0..<$0.count) }
    }

    static func == (a: TagName, b: TagName) -> Bool {
        a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
            && a.words.3 == b.words.3
    }

    /// Whether the name is in a set of names of 16 bytes or fewer.
    func isIn(_ set: TagNameSet) -> Bool {
        guard count <= 16 else { return false }
        for name in set.buckets[TagNameSet.bucket(self)] where name.words.0 == words.0 && name.count == count && name.words.1 == words.1 {
            return true
        }
        return false
    }

    /// Elements that never count towards the depth: void elements, and those HTML closes by itself
    /// (`<p>` closes an open `<p>`, `<li>` an open `<li>`).
    static let uncounted = TagNameSet([
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen", "frame", "basefont", "bgsound", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
        "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "html", "head", "body", "!doctype",
    ].map(TagName.init))

    /// Elements whose content is raw text, where `<` starts no tag.
    static let rawText = TagNameSet(["script", "style", "textarea", "title", "xmp", "plaintext"].map(TagName.init))

    /// Elements whose text HTML reads as raw that the depth bound does not skip (`<noscript>` too, as
    /// a browser reads it), and those inside which a `<style>` is not raw text (`<select>`) or
    /// nothing is (a frameset).
    static let rawElsewhere = TagNameSet(["iframe", "noembed", "noframes", "noscript", "select", "frameset"].map(TagName.init))
    /// Attributes gumbo is given: those newsd copies and those HTML's tree building reads.
    static let readAttributes = TagNameSet((HTMLDocument.AttributeName.allCases.map(\.html)
        + ["color", "face", "size", "encoding", "prompt", "action"]).map(TagName.init))
    /// Attributes whose values gumbo may get as placeholders (`TextRuns`): those newsd copies but
    /// `type`, whose value HTML's tree building reads (`<input type=hidden>`).
    static let asideAttributes = TagNameSet(
        HTMLDocument.AttributeName.allCases.filter { $0 != .type }.map(\.html).map(TagName.init))
    /// HTML's formatting elements but `<a>`: those it may reopen, told apart by their attributes.
    static let formatting = TagNameSet(
        ["b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"].map(TagName.init))
    static let link = TagName("link")
    static let anchor = TagName("a")
    static let href = TagName("href")
    static let plaintext = TagName("plaintext")
    static let frameset = TagName("frameset")
    static let script = TagName("script")
    static let style = TagName("style")
    static let title = TagName("title")
    /// Elements inside which HTML's own rules give way to XML's (CDATA sections, scripts parsed as markup).
    static let foreign = TagNameSet(["svg", "math"].map(TagName.init))
    /// Elements whose white space HTML keeps as written (`<textarea>` is raw text, skipped whole).
    static let preformatted = TagNameSet(["pre", "listing"].map(TagName.init))
}

/// The byte strings `InputPass` looks for, made once.
private enum Needles {
    static let ldJSON = Array("ld+json".utf8)
    static let commentOpening = Array("<!--".utf8)
    static let commentBangEnd = Array("--!>".utf8)
    static let scriptOpening = Array("<script".utf8)
}

/// What `InputPass.scanTag` takes out of a tag: an attribute left out (with the white space before
/// it), or an attribute's value given to gumbo as a placeholder.
struct TagCut {
    let range: Range<Int>
    let placeholder: Bool
}

/// A few dozen tag or attribute names, found by a hash of their first eight bytes.
struct TagNameSet {
    let buckets: [[TagName]]

    init(_ names: [TagName]) {
        var buckets = [[TagName]](repeating: [], count: 64)
        for name in names { buckets[Self.bucket(name)].append(name) }
        self.buckets = buckets
    }

    static func bucket(_ name: TagName) -> Int {
        Int(truncatingIfNeeded: (name.words.0 &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }
}

/// One pass of `HTMLDocument.prepared`: the bytes are copied to `out` lazily, only once something
/// is left out (a page with nothing to leave out is returned as it came).
struct InputPass {
    let text: UnsafeBufferPointer<UInt8>
    let hollowing: Bool
    var out: [UInt8] = []
    /// Bytes before this offset are in `out` already (or left out).
    var copied = 0
    var changed = false
    /// The counted elements open, innermost last.
    var open: [TagName] = []
    /// How many of `open` are `<svg>` or `<math>`.
    var foreignOpen = 0
    /// How many of `open` are `<pre>` or `<listing>`.
    var preformattedOpen = 0
    /// `scanTag`'s lists, kept between tags (a tag costs no allocation).
    var left: [TagCut] = []
    var names: [TagName] = []
    /// Nothing is left out before this offset: the rest of a tag whose quoted value holds `>`, a
    /// bogus comment (`<?php … ?>`), or an element whose text HTML reads as raw (`<iframe>`).
    var keepUntil = 0

    /// The runs of text put aside (`TextRuns`), nil when none are.
    var runs: TextRuns?

    init(text: UnsafeBufferPointer<UInt8>, hollowing: Bool, puttingAside: Bool = false) {
        self.text = text
        self.hollowing = hollowing
        if hollowing, puttingAside, !TextRuns.holdsPlaceholderBytes(text) { runs = TextRuns() }
    }

    /// Copies the text up to `offset`, then skips to `resume`.
    mutating func leaveOut(upTo offset: Int, resumingAt resume: Int) {
        if !changed {
            out.reserveCapacity(text.count)
            changed = true
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<offset]))
        copied = resume
    }

    var insideForeignContent: Bool { foreignOpen > 0 }

    mutating func run() {
        let n = text.count
        var i = 0
        while i < n {
            guard text[i] == 0x3C, i + 1 < n else {
                let next = nextOpening(from: i + 1)
                if hollowing, i >= keepUntil, foreignOpen == 0, preformattedOpen == 0 { putAside(i..<next) }
                i = next
                continue
            }
            let closing = text[i + 1] == 0x2F
            var j = closing ? i + 2 : i + 1
            if !closing, text[j] == 0x21, j + 2 < n, text[j + 1] == 0x2D, text[j + 2] == 0x2D {
                // A comment: skip to its end.
                var k = j + 3
                while k + 2 < n, !(text[k] == 0x2D && text[k + 1] == 0x2D && text[k + 2] == 0x3E) { k += 1 }
                if hollowing { keepOnIfSkipping(from: i, to: k + 3) }
                if hollowing, k + 2 < n, !isPlainComment(j + 3..<k) {
                    // HTML ends this comment earlier (`<!-->`, `--!>`) and reads on from there.
                    keepUntil = n
                }
                if hollowing, i >= keepUntil, k + 2 < n, k > j + 3, !insideForeignContent {
                    // `<!--` stays, its text goes, `-->` stays: `<!---->`.
                    leaveOut(upTo: j + 3, resumingAt: k)
                }
                i = k + 3
                continue
            }
            let nameStart = j
            // A tag's name ends at white space, `/` or `>` only: another control byte is part of it
            // (`<title\u{1A}>` opens no title), as HTML's tokenizer reads it.
            while j < n, j - nameStart < 32 {
                let b = text[j]
                guard b != 0x20, b != 0x09, b != 0x0A, b != 0x0C, b != 0x0D, b != 0x3E, b != 0x2F else { break }
                j += 1
            }
            // The name's first byte, a capital letter in lower case. (`| 0x20` on every byte would make
            // `!` of U+0001, and `<\u{1}` opens nothing in HTML: it is text.)
            let head = j > nameStart ? text[nameStart] : 0
            let first = head >= 0x41 && head <= 0x5A ? head | 0x20 : head
            // `<![CDATA[`: its text ends at `]]>` in SVG and MathML, which this pass does not look for.
            if first == 0x21, nameStart + 1 < n, text[nameStart + 1] == 0x5B { runs?.stop() }
            guard first >= 0x61 && first <= 0x7A || first == 0x21 else {
                if hollowing, closing || text[i + 1] == 0x3F {
                    // `</ …>` and `<? …>` are comments to the next `>` in HTML.
                    var next = i + 1
                    while next < n, text[next] != 0x3E { next += 1 }
                    keepUntil = max(keepUntil, next + 1)
                }
                i += 1
                continue
            }
            let name = TagName(text, nameStart..<j)
            let end = next(0x3E, from: j)
            if end >= n { break }  // a tag cut off at the end of the file opens nothing
            // Whether this tag may lose attributes or content: not inside text read as raw.
            var free = hollowing && i >= keepUntil
            let selfClosing = end > j && text[end - 1] == 0x2F
            // Inside SVG and MathML too: their tags are read as HTML's, and the attributes their
            // tree building reads (`<font color>`, `<annotation-xml encoding>`) are kept.
            let trims = free && !closing && end - j > 1
            if hollowing, first != 0x21, trims || hasQuote(j..<end) {
                let scanned = scanTag(from: nameStart, of: name)
                if scanned.end != end {
                    // A `>` inside a quoted value: HTML's tag ends later than this pass's, and from
                    // here the two read the page differently. Nothing more is left out.
                    keepUntil = n
                    free = false
                } else if trims, !scanned.left.isEmpty {
                    let isRaw = name.isIn(TagName.rawText)
                    let dropped = !isRaw && !name.isIn(TagName.uncounted) && !selfClosing && open.count >= HTMLDocument.maxDepth
                    if !dropped { cut(scanned.left) }
                }
            }
            if closing {
                // An end tag closes its element and everything opened inside it; one that matches no
                // open element closes nothing (as in HTML).
                if let k = open.lastIndex(of: name) {
                    for closed in open[k...] {
                        if closed.isIn(TagName.foreign) { foreignOpen -= 1 }
                        if closed.isIn(TagName.preformatted) { preformattedOpen -= 1 }
                    }
                    open.removeSubrange(k...)
                }
                i = end + 1
                continue
            }
            if name.isIn(TagName.rawText) {
                // Skip to the matching end tag so `<` inside a script starts nothing.
                let k = endTag(of: name, from: end + 1)
                let found = k + name.count + 2 <= n
                let after = k + name.count + 2
                if hollowing { keepOnIfSkipping(from: i, to: after) }
                if hollowing, name == TagName.script, contains(Needles.commentOpening, in: end + 1..<k, ignoringCase: false),
                    contains(Needles.scriptOpening, in: end + 1..<k, ignoringCase: true)
                {
                    // `<!--` then `<script` inside a script: HTML ends it at a later `</script>`.
                    keepUntil = n
                }
                let properEnd = after < n && (isSpaceOrEnd(text[after]) || text[after] == 0x2F)
                if found, !properEnd, name == TagName.title, endTag(of: name, properAfter: after) == nil {
                    // `</titlevalue="true" -->` with no proper `</title>` after it (a template's
                    // comment cut into the end tag): HTML's title would run to the end of the page and
                    // leave no body; it ends there instead, as lenient parsers read it.
                    var close = after
                    while close < n, text[close] != 0x3E, text[close] != 0x3C { close += 1 }
                    let resume = close < n && text[close] == 0x3E ? close + 1 : close
                    leaveOut(upTo: k, resumingAt: resume)
                    out.append(contentsOf: Array("</title>".utf8))
                    i = resume
                    continue
                }
                if hollowing, name == TagName.plaintext || found && !properEnd || !found && name != TagName.title {
                    // `</titlevalue`, which ends this pass's skip but not the element, `<plaintext>`,
                    // which nothing ends, or no end tag at all: HTML reads on as raw text to the end,
                    // and nothing more is left out.
                    keepUntil = n
                }
                if !found, name == TagName.title {
                    // A `<title>` never closed would swallow the page (RCDATA runs to the end): it ends
                    // at the next tag instead, as lenient parsers read it.
                    var next = end + 1
                    while next < n, text[next] != 0x3C { next += 1 }
                    leaveOut(upTo: next, resumingAt: next)
                    out.append(contentsOf: Array("</title>".utf8))
                    i = next
                    continue
                }
                if free, found, k > end + 1, isHollowable(name, tag: i..<end, content: end + 1..<k) {
                    leaveOut(upTo: end + 1, resumingAt: k)
                } else if free, found, isPlainJSONLD(name, tag: i..<end, content: end + 1..<k),
                    let placeholder = runs?.add(end + 1..<k)
                {
                    // A JSON-LD script's data, which newsd copies as written: one placeholder.
                    leaveOut(upTo: end + 1, resumingAt: k)
                    TextRuns.append(placeholder, to: &out)
                }
                i = k
                continue
            }
            if hollowing, name.isIn(TagName.rawElsewhere) {
                // Text HTML reads as raw but this pass does not skip: nothing in it is left out.
                let k = name == TagName.frameset ? n : endTag(of: name, from: end + 1)
                keepUntil = max(keepUntil, k)
            }
            if name.isIn(TagName.uncounted) || selfClosing {
                i = end + 1
                continue
            }
            if open.count >= HTMLDocument.maxDepth {
                leaveOut(upTo: i, resumingAt: min(n, end + 1))
            } else {
                open.append(name)
                if name.isIn(TagName.foreign) { foreignOpen += 1 }
                if name.isIn(TagName.preformatted) { preformattedOpen += 1 }
            }
            i = end + 1
        }
        if changed, copied < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...])) }
    }

    /// Leaves out all but the first byte of each run of HTML white space in `range` (text between tags).
    mutating func collapseSpace(_ range: Range<Int>) {
        var k = range.lowerBound
        while k < range.upperBound {
            guard text[k] <= 0x20, isSpace(text[k]) else {
                k += 1
                continue
            }
            var end = k + 1
            while end < range.upperBound, isSpace(text[end]) { end += 1 }
            if end - k > 1 { leaveOut(upTo: k + 1, resumingAt: end) }
            k = end
        }
    }

    /// A tag read as HTML's tokenizer reads it, from its name: where it ends (its `>`, or the end of
    /// the text), and the attributes newsd does not read, each with the white space before it, to
    /// be left out. None is left out of a tag written unusually (an attribute glued to the one
    /// before, a NUL or control byte, a name of 32 bytes or more) or that repeats an attribute
    /// (gumbo then drops the value of whichever attribute comes next, so its neighbours matter), nor
    /// out of a formatting element other than `<a>` (`<b>`, `<font>`: HTML compares their attributes
    /// to decide which of several open ones it reopens; at most one `<a>` is ever open). An `href` is
    /// left out of every tag but `<link>` (newsd reads only the canonical link's). The quoted values
    /// of the attributes kept that `TextRuns` allows are listed to go to gumbo as placeholders.
    mutating func scanTag(from nameStart: Int, of tag: TagName) -> (end: Int, left: [TagCut]) {
        let n = text.count
        var k = nameStart
        while k < n, !isSpace(text[k]), text[k] != 0x2F, text[k] != 0x3E { k += 1 }
        left.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        var keeps = !tag.isIn(TagName.formatting)  // the attributes can be trimmed
        let readsHref = tag == TagName.link
        var afterSlash = false
        // Before an attribute name.
        while k < n {
            let spaceStart = k
            while k < n, isSpace(text[k]) { k += 1 }
            guard k < n else { break }
            if text[k] == 0x3E { return (k, keeps ? left : []) }
            if text[k] == 0x2F {
                k += 1
                afterSlash = true
                continue
            }
            // White space after `/` (`<a/ x=1>`) stays, and so does the attribute after it.
            let spaced = k > spaceStart && !afterSlash
            afterSlash = false
            let nameStart = k
            k += 1  // a name's first byte may be `=`
            while k < n, !isSpace(text[k]), text[k] != 0x2F, text[k] != 0x3D, text[k] != 0x3E { k += 1 }
            let nameEnd = k
            var m = k
            var value: Range<Int>?
            var plain = false
            while m < n, isSpace(text[m]) { m += 1 }
            if m < n, text[m] == 0x3D {
                m += 1
                while m < n, isSpace(text[m]) { m += 1 }
                if m < n, text[m] == 0x22 || text[m] == 0x27 {
                    let valueStart = m + 1
                    m = next(text[m], from: valueStart)
                    guard m < n else { return (n, []) }
                    value = valueStart..<m
                    let read = readValue(valueStart..<m)
                    if read.control { keeps = false }
                    plain = read.plain
                    m += 1
                } else if m < n, text[m] != 0x3E {
                    while m < n, !isSpace(text[m]), text[m] != 0x3E { m += 1 }
                }
                k = m
            }
            let attributeEnd = k
            let name = TagName(text, nameStart..<nameEnd)
            if names.count >= 64 || names.contains(name) || nameEnd - nameStart >= 32 { keeps = false }
            names.append(name)
            for b in text[nameStart..<(value?.lowerBound ?? attributeEnd)] where b < 0x20 && !isSpace(b) || b == 0x7F {
                keeps = false
            }
            // (`/` after a quoted value: `<path d="…"/>` is `<path/>` without it.)
            let followed = attributeEnd < n
                && (isSpace(text[attributeEnd]) || text[attributeEnd] == 0x3E || value != nil && text[attributeEnd] == 0x2F)
            guard keeps else { continue }
            // An `<a>`'s `href` stays when it is an author's page (`MainContent.pageBylines`).
            let authorPage = tag == TagName.anchor && name == TagName.href && value.map(namesAuthorPage) == true
            if spaced, followed, !name.isIn(TagName.readAttributes) || !readsHref && !authorPage && name == TagName.href {
                left.append(TagCut(range: spaceStart..<attributeEnd, placeholder: false))
            } else if plain, let value, value.count >= TextRuns.shortest, runs?.open == true, !insideForeignContent,
                name.isIn(TagName.asideAttributes)
            {
                left.append(TagCut(range: value, placeholder: true))
            }
        }
        return (n, [])
    }

    /// Whether a link's address (`range` of the page's bytes) is an author's page on the site
    /// (`MainContent.isAuthorPage`).
    func namesAuthorPage(_ range: Range<Int>) -> Bool {
        MainContent.namesAuthorFolder(text, in: range)
    }

    /// Leaves out what `scanTag` found, in order: attributes newsd does not read, and values given to
    /// gumbo as placeholders.
    mutating func cut(_ cuts: [TagCut]) {
        for cut in cuts {
            if cut.placeholder {
                guard let placeholder = runs?.add(cut.range) else { continue }
                leaveOut(upTo: cut.range.lowerBound, resumingAt: cut.range.upperBound)
                TextRuns.append(placeholder, to: &out)
            } else {
                leaveOut(upTo: cut.range.lowerBound, resumingAt: cut.range.upperBound)
            }
        }
    }

    /// Inside text HTML reads as raw (`<iframe>`, `<noscript>`), this pass's skips (a comment, a
    /// script) may run past where HTML's raw text ends, and miss what HTML reads after it: when one
    /// does, nothing more is left out.
    mutating func keepOnIfSkipping(from start: Int, to end: Int) {
        if start < keepUntil, end > keepUntil { keepUntil = text.count }
    }

    /// Whether a range holds a quote (without one, a tag ends at its first `>`).
    func hasQuote(_ range: Range<Int>) -> Bool {
        text[range].contains { $0 == 0x22 || $0 == 0x27 }
    }

    func isSpace(_ b: UInt8) -> Bool { b.isHTMLSpace }

    /// Where the end tag of a raw-text element starts (`</script`, any case); when there is none,
    /// where the search stopped (less than the tag's length before the end).
    func endTag(of name: TagName, from start: Int) -> Int {
        let n = text.count
        let length = name.count + 2
        var k = start
        while k + length <= n {
            if text[k] == 0x3C, text[k + 1] == 0x2F, TagName(text, k + 2..<(k + length)) == name { return k }
            // The next `<` that leaves room for the end tag, else where the search stops.
            k = min(nextOpening(from: k + 1), n - length + 1)
        }
        return k
    }

    /// The offset of the first end tag of `name` from `start` that HTML reads as one (its name
    /// followed by a space, `/` or `>`), or nil.
    func endTag(of name: TagName, properAfter start: Int) -> Int? {
        let n = text.count
        var k = endTag(of: name, from: start)
        while k + name.count + 2 <= n {
            let after = k + name.count + 2
            if after < n, isSpaceOrEnd(text[after]) || text[after] == 0x2F { return k }
            k = endTag(of: name, from: k + 1)
        }
        return nil
    }

    /// The offset of the next `<` from `start`, or the end of the text (`memchr`: most of a page is
    /// text between tags).
    func nextOpening(from start: Int) -> Int {
        next(0x3C, from: start)
    }

    /// The offset of the next `byte` from `start`, or the end of the text.
    func next(_ byte: UInt8, from start: Int) -> Int {
        let n = text.count
        guard start < n, let base = text.baseAddress else { return n }
        guard let found = memchr(base + start, Int32(byte), n - start) else { return n }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    func isSpaceOrEnd(_ b: UInt8) -> Bool {
        b == 0x3E || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    /// Whether a raw-text element's content can go: a script that is not JSON-LD or a style sheet,
    /// ended by a real end tag (`</script>`, `</script >`), not inside SVG or MathML, and (a script)
    /// holding no `<!--`, after which HTML's script states end it elsewhere.
    func isHollowable(_ name: TagName, tag: Range<Int>, content: Range<Int>) -> Bool {
        let isScript = name == TagName.script
        guard isScript || name == TagName.style else { return false }
        let after = content.upperBound + name.count + 2
        guard after < text.count else { return false }
        let b = text[after]
        guard b == 0x3E || b == 0x2F || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D else { return false }
        if isScript {
            if contains(Needles.ldJSON, in: tag, ignoringCase: true) { return false }
            if contains(Needles.commentOpening, in: content, ignoringCase: false) { return false }
        }
        return !insideForeignContent
    }

    /// Whether a script is JSON-LD whose data gumbo reads as written (`TextRuns`), so that it can
    /// go to gumbo as a placeholder: ended by a real end tag, not inside SVG or MathML, holding no
    /// `<!--`, and no character `readValue` marks (an `&` opens no reference there).
    func isPlainJSONLD(_ name: TagName, tag: Range<Int>, content: Range<Int>) -> Bool {
        guard name == TagName.script, content.count >= TextRuns.shortest, runs?.open == true, !insideForeignContent else {
            return false
        }
        let after = content.upperBound + name.count + 2
        guard after < text.count, isSpaceOrEnd(text[after]) || text[after] == 0x2F else { return false }
        guard contains(Needles.ldJSON, in: tag, ignoringCase: true),
            !contains(Needles.commentOpening, in: content, ignoringCase: false)
        else { return false }
        let read = readValue(content, references: false)
        return !read.control && read.plain
    }

    /// Whether a comment's text ends where gumbo ends it too: not `<!-->` or `<!--->` (ended at
    /// once), and no `--!>` inside.
    func isPlainComment(_ content: Range<Int>) -> Bool {
        guard !content.isEmpty else { return true }
        let first = text[content.lowerBound]
        if first == 0x3E { return false }
        if first == 0x2D, content.count > 1, text[content.lowerBound + 1] == 0x3E { return false }
        return !contains(Needles.commentBangEnd, in: content, ignoringCase: false)
    }

    /// Whether `needle` (lower-case ASCII holding a byte that is no letter: `<!--`, `<script`,
    /// `ld+json`) occurs in a range of the text. That byte is looked for with `memchr` (a script
    /// is searched whole), then the needle compared around it.
    func contains(_ needle: [UInt8], in range: Range<Int>, ignoringCase: Bool) -> Bool {
        guard let anchor = needle.firstIndex(where: { !($0 >= 0x61 && $0 <= 0x7A) }) else {
            assertionFailure("a needle of letters only")
            return false
        }
        guard range.count >= needle.count, let base = text.baseAddress else { return false }
        let last = range.upperBound - needle.count  // the last place the needle may start
        var start = range.lowerBound
        while start <= last {
            // The next anchor byte at or after `start + anchor`, with room for the needle.
            guard let found = memchr(base + start + anchor, Int32(needle[anchor]), last - start + 1) else { return false }
            let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - anchor
            var m = 0
            while m < needle.count {
                var c = text[k + m]
                if ignoringCase, c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != needle[m] { break }
                m += 1
            }
            if m == needle.count { return true }
            start = k + 1
        }
        return false
    }
}
