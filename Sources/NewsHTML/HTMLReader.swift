import CGumbo
import Foundation
import NewsCore

/// Reads a saved web page into an article: bytes → characters (byte-order mark, `<meta charset>`,
/// else UTF-8 when valid, else Windows-1252) → gumbo's DOM → metadata (JSON-LD, OpenGraph and
/// `article:*` meta, microdata, `<time>`, bylines) and the main content by block scoring → the same
/// analysis as text. A page is always read whole: one that grows or is saved again is read again.
package enum HTMLReader {
    /// Largest page read; the configured `max_file_bytes` is normally smaller.
    package static let maxBytes = 64 << 20

    /// The articles of one page: one, or none when the page holds no text at all.
    /// - Throws: `ParseError` `.binary` for bytes that are not text (NUL bytes in an 8-bit page).
    package static func articles(_ bytes: [UInt8], aliases: EntityAliases = .builtin) throws(ParseError) -> [Article] {
        let text = try decode(bytes.count > maxBytes ? Array(bytes.prefix(maxBytes)) : bytes)
        let document = HTMLDocument(utf8: text)
        return page(document, text: text).article(aliases: aliases).map { [$0] } ?? []
    }

    /// The page's fields before analysis (metadata and sorted blocks).
    /// When class and id words set so much aside that less text than this is left, they are trusted less.
    static let shortBody = 500
    /// When a pass found this much text, it found the story, and the passes after it leave readers'
    /// comments out (`MainContent.Evidence.setCommentsAside`).
    static let storyBeforeComments = 200

    /// `text` is the page as decoded, before the parser's copy left its scripts out: a date stated
    /// only in a script's data is read from it (`ScriptDates`).
    package static func page(_ document: HTMLDocument, text: [UInt8]? = nil) -> PageArticle {
        let metadata = PageMetadata(document)
        var best: (page: PageArticle, length: Int, content: MainContent)?
        var evidence = MainContent.Evidence(document)
        for strictness in MainContent.Strictness.allCases {
            var content = MainContent(document, metadata: metadata, strictness: strictness, evidence: &evidence)
            let page = content.page()
            // Judged by what the markup yielded: a pass that set the story aside and took the
            // page's stated text (JSON-LD `articleBody`) instead found no story, and the next pass
            // may (Habertürk's stated text lost its apostrophes and kept its entities escaped).
            let length = content.markupLength
            if best == nil || length > best!.length { best = (page, length, content) }
            if length >= shortBody { break }
            if length >= storyBeforeComments { evidence.setCommentsAside() }
        }
        var page = best!.page
        // A day the page prints (`11 maja 2021, 11:49`) keeps the time a script states for the same
        // day (`"datePublished": "2021-05-11 09:49:18"` in JSON-LD too broken to be read as such).
        if let text, page.published.map({ $0.utf8.count == 10 }) ?? true, let stated = ScriptDates.find(in: text),
            page.published.map({ stated.hasPrefix($0) }) ?? true
        {
            page.published = stated
        }
        // No author or no date in the markup of a page that says it is an article: the page's text
        // read as whole-page text names them (the byline near the headline, the stamp beside it, in
        // the forms the text reader knows; docs/EXTRACTION.md). The reading up to the article's
        // fields for a date, which few pages lack; the layout alone for an author. An old page of
        // links and text that says nothing of itself gives the text reader little to find for as
        // much time as the rest of its reading.
        //
        // Authors that only name the outlet or an organisation (`Badische Zeitung`, `Hanns-Seidel-
        // Stiftung e.V.`), stated with no byline in the markup to replace them, give way to the
        // people the text reader finds in the page's byline (`Lisa Petrich`).
        let menuItems = MenuItems(document)
        let person = { (name: String) in
            !MainContent.namesAnOutlet(name, source: metadata.source) && !PageArticle.isPlace(name) && !menuItems.contains(name)
        }
        let outletsOnly = !page.authors.isEmpty && !page.authors.contains(where: person)
        if metadata.statesArticle, page.published == nil {
            let read = PageArticle.textArticle(lines: document.renderedLines(title: metadata.documentTitle), headline: page.title)
            page.published = read?.published
            if page.authors.isEmpty {
                page.authors = (read?.authors ?? []).filter { !menuItems.contains($0) }
            } else if outletsOnly, let people = read?.authors.filter(person), !people.isEmpty {
                page.authors = people
            }
        } else if metadata.statesArticle && page.authors.isEmpty || outletsOnly {
            let found = PageArticle.pageAuthors(lines: document.renderedLines(title: metadata.documentTitle), headline: page.title)
            if page.authors.isEmpty {
                page.authors = found.filter { !menuItems.contains($0) }
            } else if case let people = found.filter(person), !people.isEmpty {
                page.authors = people
            }
        }
        // A page that says it is an article and names no author in its markup nor in its text's
        // byline: a byline word and a known given name anywhere, as on other pages (`MainContent`).
        if metadata.statesArticle, page.authors.isEmpty {
            page.authors = best!.content.bylineWithAKnownName()
        }
        return page
    }

    /// The texts of a page's menus: each link that is the whole of an item in a list of three items
    /// or more (`<li><a href="/topics/kate-middleton">Kate Middleton</a></li>` among a bar of topics).
    /// The text reader sees a name alone on a line above the headline as its byline; a menu's item is
    /// none. Made when first asked.
    final class MenuItems {
        private let document: HTMLDocument
        private var texts: Set<String>?

        init(_ document: HTMLDocument) { self.document = document }

        func contains(_ name: String) -> Bool {
            if texts == nil {
                var found: Set<String> = []
                var items: [Int: Int] = [:]  // per list, its items
                var elements: [Int: Int] = [:]  // per item, the elements it holds
                let nodes = document.nodes
                for node in nodes where !node.isText && node.parent >= 0 {
                    if node.isTag(GUMBO_TAG_LI) { items[node.parent, default: 0] += 1 }
                    if nodes[node.parent].isTag(GUMBO_TAG_LI) { elements[node.parent, default: 0] += 1 }
                }
                for (i, node) in nodes.enumerated() where node.isTag(GUMBO_TAG_A) && found.count < 10_000 {
                    // A link that is its item's one element child, so each item's text is read once.
                    let item = node.parent
                    guard item >= 0, nodes[item].isTag(GUMBO_TAG_LI), elements[item] == 1,
                        items[nodes[item].parent, default: 0] >= 3
                    else { continue }
                    let text = document.text(i)
                    guard text.utf8.count <= 80, text == document.text(item) else { continue }
                    found.insert(text)
                }
                texts = found
            }
            return texts!.contains(name)
        }
    }

    /// Whether a file's first bytes are an HTML page rather than text that mentions a tag: after an
    /// optional byte-order mark and white space it opens with a doctype, `<html>`, `<head>`,
    /// `<?xml …>` or a comment followed by one of these, or with a tag when `<body` or `<html`
    /// follows in the first kilobytes.
    package static func looksLikeHTML(_ head: some Collection<UInt8>) -> Bool {
        var bytes = Array(head.prefix(4096))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16: look at every other byte.
            let low = bytes.starts(with: [0xFF, 0xFE]) ? 0 : 1
            bytes = stride(from: 2 + low, to: bytes.count, by: 2).map { bytes[$0] }
        }
        let lower = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard lower.first == 0x3C else { return false }
        for opening in ["<!doctype html", "<html", "<head"] where lower.starts(with: Array(opening.utf8)) { return true }
        let text = String(decoding: lower, as: UTF8.self)
        return text.contains("<html") || text.contains("<body") || text.contains("<head>")
    }

    // MARK: - Characters

    /// The page as UTF-8: the byte-order mark, else the charset the page declares in its first
    /// kilobytes, else UTF-8 when the bytes are valid, else Windows-1252.
    package static func decode(_ bytes: [UInt8]) throws(ParseError) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(String(decoding: bytes.dropFirst(3), as: UTF8.self).utf8) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
        // Binary: NUL bytes are more than one byte in a hundred of the first 64 KiB. A page with a
        // few damaged bytes (`border=\0`) is a page; the parser reads each NUL as U+FFFD.
        let head = bytes.prefix(1 << 16)
        if let nul = head.firstIndex(of: 0), head.count(where: { $0 == 0 }) > max(16, head.count / 100) {
            throw ParseError(.binary, "NUL byte at offset \(nul): not an HTML page")
        }
        // The declaration, read as the standard reads labels. A page that declares a legacy charset
        // but is valid UTF-8 with some non-ASCII bytes was saved again as UTF-8 (a text in a legacy
        // charset is almost never valid UTF-8): its bytes are kept. Pure ASCII is the same in every
        // charset but the 7-bit ISO-2022 ones.
        let reading = Charset.declaredLabel(bytes.prefix(declarationReach)).flatMap(Charset.reading(ofLabel:))
        if case .converter(let name)? = reading {
            let sevenBit = name.hasPrefix("ISO-2022")
            if !sevenBit, isUTF8(bytes) { return bytes }
            if let converted = Charset.convert(bytes, from: name) { return converted }
        }
        // Validated in place (a String made to validate them would copy the page).
        if isUTF8(bytes) { return bytes }
        // Mostly UTF-8 with a few damaged bytes stays UTF-8 (with replacement characters); Latin-1,
        // Windows-1252, ASCII or a charset newsd cannot convert is read as Windows-1252.
        return Array(PageArticle.decode8Bit(bytes).utf8)
    }

    /// Whether the bytes are UTF-8. ASCII bytes are never part of another character, so the bytes
    /// are UTF-8 when each run of bytes that are not ASCII is: the runs of ASCII (most of a page)
    /// are passed over eight bytes at a time, and the standard library validates the others.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        let span = bytes.span
        return bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i < n {
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                while i < n, raw[i] < 0x80 { i += 1 }
                guard i < n else { return true }
                var end = i + 1
                while end < n, raw[end] >= 0x80 { end += 1 }
                guard (try? UTF8Span(validating: span.extracting(i..<end))) != nil else { return false }
                i = end
            }
            return true
        }
    }

    /// How far into a page its charset declaration is looked for (the standard's prescan reads
    /// 1,024 bytes; pages put the `<meta>` after long comments and scripts).
    static let declarationReach = 16 << 10
}
