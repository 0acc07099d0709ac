import CGumbo
import Glibc
import NewsCore

/// A page parsed by gumbo (Google's HTML5 parser) and copied into flat Swift arrays, so everything
/// after parsing walks plain values without recursion. Hostile input is bounded before gumbo sees it:
/// start tags past `maxDepth` open elements are dropped (their text stays), gumbo keeps no error
/// list, and only the attributes newsd reads are copied, each cut to `maxAttributeBytes`.
package struct HTMLDocument: Sendable {
    /// One element or text node. A class, so walking the tree copies no strings or lists; nodes are
    /// only changed while the document is built, which makes sharing them across threads safe.
    package final class Node: @unchecked Sendable {
        /// Lower-case tag name (`p`, `amp-img`), or `#text`.
        package let name: String
        /// Index of the parent node; -1 for the root.
        package let parent: Int
        /// Indexes of the children, in document order.
        package var children: [Int] = []
        /// The text of a text node (or of a JSON-LD script), as written.
        package var text: String = ""
        /// The attributes newsd reads (`class`, `id`, `itemprop`, `content`…), names lower-cased, in
        /// the order written (a handful per element: a list is faster than a dictionary).
        package var attributes: [(name: String, value: String)] = []

        init(name: String, parent: Int) {
            self.name = name
            self.parent = parent
        }

        /// An attribute's value, or nil.
        package subscript(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
        /// Whether this is a text node.
        package var isText: Bool { name == "#text" }
    }

    /// Every node; index 0 is the `html` element (the document's root).
    package private(set) var nodes: [Node] = []

    /// Open elements beyond which start tags are dropped: real pages nest a few dozen deep, and
    /// gumbo's tree building slows with the square of the depth.
    package static let maxDepth = 400
    /// Longest attribute value kept (the rest of a 20 MB attribute is never copied).
    package static let maxAttributeBytes = 4096

    /// Parses UTF-8 text; never fails (HTML5 parsing always yields a tree).
    package init(utf8 text: [UInt8]) {
        let bounded = Self.boundingDepth(text)
        var options = kGumboDefaultOptions
        options.max_errors = 0
        options.stop_on_first_error = false
        bounded.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            guard let base, let output = gumbo_parse_with_options(&options, base, buffer.count) else { return }
            defer { gumbo_destroy_output(&options, output) }
            copy(output.pointee.root)
        }
        if nodes.isEmpty { nodes = [Node(name: "html", parent: -1)] }
    }

    /// Attributes copied from gumbo's tree; the others are never read.
    static let keptAttributes: Set<String> = [
        "id", "class", "itemprop", "itemtype", "itemscope", "property", "name", "content", "rel", "href", "datetime",
        "type", "role", "hidden", "style", "aria-hidden", "lang", "charset", "http-equiv", "data-testid",
        "data-component", "cite", "title", "pubdate",
    ]

    /// Tag names by gumbo's tag number, made once.
    static let tagNames: [String] = (0..<Int(GUMBO_TAG_LAST.rawValue)).map { tag in
        String(cString: gumbo_normalized_tagname(GumboTag(UInt32(tag))))
    }

    /// Copies gumbo's tree with an explicit stack (a deep tree must not exhaust the thread's stack).
    private mutating func copy(_ root: UnsafeMutablePointer<GumboNode>) {
        var stack: [(UnsafeMutablePointer<GumboNode>, Int)] = [(root, -1)]
        while let (node, parent) = stack.popLast() {
            let index = nodes.count
            switch node.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = node.pointee.v.element
                let name: String
                if element.tag == GUMBO_TAG_UNKNOWN {
                    name = Self.originalName(element.original_tag)
                } else {
                    let tag = Int(element.tag.rawValue)
                    name = tag < Self.tagNames.count ? Self.tagNames[tag] : "unknown"
                }
                let item = Node(name: name, parent: parent)
                let attributes = element.attributes
                for k in 0..<Int(attributes.length) {
                    guard let raw = attributes.data[k] else { continue }
                    let attribute = raw.assumingMemoryBound(to: GumboAttribute.self).pointee
                    guard let cName = attribute.name else { continue }
                    let key = String(cString: cName)  // gumbo lower-cases HTML attribute names
                    guard Self.keptAttributes.contains(key), let cValue = attribute.value else { continue }
                    if item[key] == nil { item.attributes.append((key, Self.bounded(cValue))) }
                }
                if parent >= 0 { nodes[parent].children.append(index) }
                nodes.append(item)
                let children = element.children
                // Pushed in reverse so they pop in document order.
                var k = Int(children.length) - 1
                while k >= 0 {
                    if let child = children.data[k] {
                        stack.append((child.assumingMemoryBound(to: GumboNode.self), index))
                    }
                    k -= 1
                }
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                guard parent >= 0, let cText = node.pointee.v.text.text else { continue }
                let owner = nodes[parent].name
                // Script and style text is never content; a JSON-LD script's text is metadata.
                if owner == "style" || owner == "noscript" || owner == "template" { continue }
                if owner == "script", !(nodes[parent]["type"]?.lowercased().hasBytes("ld+json") ?? false) { continue }
                let item = Node(name: "#text", parent: parent)
                item.text = String(cString: cText)
                nodes[parent].children.append(index)
                nodes.append(item)
            default:
                continue  // comments and the document node
            }
        }
    }

    /// A C string cut to `maxAttributeBytes` (at a character boundary).
    private static func bounded(_ cString: UnsafePointer<CChar>) -> String {
        let length = strnlen(cString, maxAttributeBytes + 1)
        let bytes = UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self)
        var end = min(length, maxAttributeBytes)
        if length > maxAttributeBytes {
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: end), as: UTF8.self)
    }

    /// The name of an element gumbo does not know, from its original text (`<amp-img src=…>` → `amp-img`).
    private static func originalName(_ piece: GumboStringPiece) -> String {
        guard let data = piece.data, piece.length > 1 else { return "unknown" }
        let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        var out: [UInt8] = []
        var i = 1
        while i < min(piece.length, 64) {
            let b = bytes[i]
            if b == 0x20 || b == 0x3E || b == 0x2F || b == 0x09 || b == 0x0A || b == 0x0D { break }
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            i += 1
        }
        return out.isEmpty ? "unknown" : String(decoding: out, as: UTF8.self)
    }

    // MARK: - Depth bound

    /// Elements that never count towards the depth: void elements, and those HTML closes by itself
    /// (`<p>` closes an open `<p>`, `<li>` an open `<li>`).
    static let uncounted: Set<[UInt8]> = Set(
        [
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr", "keygen", "frame", "basefont", "bgsound", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
            "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "html", "head", "body", "!doctype",
        ].map { Array($0.utf8) })

    /// Elements whose content is raw text, where `<` starts no tag.
    static let rawText: Set<[UInt8]> = Set(["script", "style", "textarea", "title", "xmp", "plaintext"].map { Array($0.utf8) })

    /// The text with the start tags dropped that would open more than `maxDepth` elements (and an
    /// unclosed `<title>` closed at the next tag). The count
    /// is an estimate from the tags alone (unclosed elements count until their end tag), so it errs on
    /// the side of dropping; a real page never comes near it.
    package static func boundingDepth(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var open: [[UInt8]] = []  // the counted elements open, innermost last
        var dropped = false  // the text was changed
        var i = 0
        let n = text.count
        var copied = 0
        out.reserveCapacity(n)
        while i < n {
            guard text[i] == 0x3C, i + 1 < n else {
                i += 1
                continue
            }
            let closing = text[i + 1] == 0x2F
            var j = closing ? i + 2 : i + 1
            if !closing, text[j] == 0x21, j + 2 < n, text[j + 1] == 0x2D, text[j + 2] == 0x2D {
                // A comment: skip to its end.
                var k = j + 3
                while k + 2 < n, !(text[k] == 0x2D && text[k + 1] == 0x2D && text[k + 2] == 0x3E) { k += 1 }
                i = k + 3
                continue
            }
            let nameStart = j
            while j < n, j - nameStart < 32 {
                let b = text[j]
                guard b > 0x20, b != 0x3E, b != 0x2F else { break }
                j += 1
            }
            let first = j > nameStart ? text[nameStart] | 0x20 : 0
            guard first >= 0x61 && first <= 0x7A || first == 0x21 else {
                i += 1
                continue
            }
            let name = text[nameStart..<j].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            var end = j
            while end < n, text[end] != 0x3E { end += 1 }
            if end >= n { break }  // a tag cut off at the end of the file opens nothing
            let selfClosing = end > j && text[end - 1] == 0x2F
            if closing {
                // An end tag closes its element and everything opened inside it; one that matches no
                // open element closes nothing (as in HTML).
                if let k = open.lastIndex(of: name) { open.removeSubrange(k...) }
                i = end + 1
                continue
            }
            if rawText.contains(name) {
                // Skip to the matching end tag so `<` inside a script starts nothing.
                let close = Array("</".utf8) + name
                var k = end + 1
                search: while k + close.count <= n {
                    if text[k] == 0x3C, text[k + 1] == 0x2F {
                        var match = true
                        for m in 2..<close.count where (text[k + m] | 0x20) != close[m] {
                            match = false
                            break
                        }
                        if match { break search }
                    }
                    k += 1
                }
                if k + close.count > n, name == Array("title".utf8) {
                    // A `<title>` never closed would swallow the page (RCDATA runs to the end): it ends
                    // at the next tag instead, as lenient parsers read it.
                    var next = end + 1
                    while next < n, text[next] != 0x3C { next += 1 }
                    out.append(contentsOf: text[copied..<next])
                    out.append(contentsOf: Array("</title>".utf8))
                    copied = next
                    dropped = true
                    i = next
                    continue
                }
                i = k
                continue
            }
            if uncounted.contains(name) || selfClosing {
                i = end + 1
                continue
            }
            if open.count >= maxDepth {
                out.append(contentsOf: text[copied..<i])
                copied = min(n, end + 1)
                dropped = true
            } else {
                open.append(name)
            }
            i = end + 1
        }
        guard dropped else { return text }
        if copied < n { out.append(contentsOf: text[copied...]) }
        return out
    }
}
