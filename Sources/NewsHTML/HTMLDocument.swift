import CGumbo
import Glibc
import NewsCore

/// A page parsed by gumbo (Google's HTML5 parser) and copied into flat arrays, so everything after
/// parsing walks plain values without recursion, and a page costs a few arrays rather than an object,
/// a child list and an attribute list per node. Hostile input is bounded before gumbo sees it: start
/// tags past `maxDepth` open elements are dropped (their text stays), gumbo keeps no error list, and
/// only the attributes newsd reads are copied, each cut to `maxAttributeBytes`.
package struct HTMLDocument: Sendable {
    /// Every node in document order; index 0 is the `html` element (the document's root).
    package let nodes: Nodes

    /// Open elements beyond which start tags are dropped: real pages nest a few dozen deep, and
    /// gumbo's tree building slows with the square of the depth.
    package static let maxDepth = 400
    /// The tag number of a text node (past gumbo's).
    static let textTag = UInt16.max
    /// Longest attribute value kept (the rest of a 20 MB attribute is never copied).
    package static let maxAttributeBytes = 4096

    /// Parses UTF-8 text; never fails (HTML5 parsing always yields a tree). `trimmed`: gumbo is spared
    /// the script, style and comment text and the attributes never read, and gets runs of text as
    /// placeholders put back in the copy (the tree is the same).
    package init(utf8 text: [UInt8], trimmed: Bool = true) {
        self.init(utf8: text, trimmed: trimmed, puttingAside: trimmed)
    }

    /// `puttingAside`: runs of text go to gumbo as placeholders (`TextRuns`); false only to check
    /// that the tree is the same without them.
    package init(utf8 text: [UInt8], trimmed: Bool, puttingAside: Bool) {
        let (input, runs) = Self.prepared(text, hollowing: trimmed, puttingAside: puttingAside)
        var options = kGumboDefaultOptions
        options.max_errors = 0
        options.stop_on_first_error = false
        var builder = Builder()
        text.withUnsafeBufferPointer { page in
            input.withUnsafeBytes { bytes in
                GumboArena.parse(bytes.assumingMemoryBound(to: CChar.self), options: options) { output in
                    builder.copy(output.pointee.root, runs: runs.map { ($0, page) })
                }
            }
        }
        if builder.fields.names.isEmpty { builder.fields.append(name: "html", tag: UInt16(GUMBO_TAG_HTML.rawValue), parent: -1) }
        nodes = Nodes(Storage(builder.fields))
    }
}

// MARK: - Storage

extension HTMLDocument {
    /// The attributes copied from gumbo's tree (`href` of `<link>`, and of an `<a>` to an author's
    /// page); the others are never read.
    package enum AttributeName: UInt8, CaseIterable, Sendable {
        case id, `class`, itemprop, property, name, content, rel, href, datetime, type, role
        case hidden, style, ariaHidden, lang, title, pubdate, xmlLang

        /// The name as HTML writes it (gumbo lower-cases HTML attribute names).
        var html: String {
            switch self {
            case .ariaHidden: "aria-hidden"
            case .xmlLang: "xml:lang"
            default: "\(self)"
            }
        }

        /// The names' bytes by case, to match gumbo's C strings without making a String of each.
        static let utf8: [[UInt8]] = allCases.map { Array($0.html.utf8) }

        /// The kept attribute a C string names, or nil.
        init?(_ cName: UnsafePointer<CChar>) {
            let length = strnlen(cName, 16)
            let bytes = UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self)
            for (k, name) in Self.utf8.enumerated() where name.count == length && memcmp(bytes, name, length) == 0 {
                self.init(rawValue: UInt8(k))
                return
            }
            return nil
        }
    }

    /// The nodes' fields, one buffer each, shared by every copy of the document. Built once and never
    /// changed. The fields of fixed size are read through buffers of their own, without reference
    /// counting or bounds checks on every read (reading a node's fields is most of the work after
    /// parsing): `Nodes` checks an index once when it makes a `Node`, and every index the tree itself
    /// holds (parents, subtree ends, text and attribute offsets) is in range by construction.
    final class Storage: @unchecked Sendable {
        /// How many nodes.
        let count: Int
        /// Lower-case tag name (`p`, `amp-img`), or `#text`.
        let names: [String]
        /// Gumbo's tag number (`GUMBO_TAG_UNKNOWN` for a name it does not know, `textTag` for text).
        let tags: UnsafeMutableBufferPointer<UInt16>
        let isText: UnsafeMutableBufferPointer<Bool>
        /// Index of the parent node; -1 for the root.
        let parents: UnsafeMutableBufferPointer<Int32>
        /// Index just past the node's last descendant: nodes are in document order, so a node's
        /// subtree is `i..<ends[i]`, its first child `i + 1` and the next sibling of a child `c` is `ends[c]`.
        let ends: UnsafeMutableBufferPointer<Int32>
        /// The text of every text node (and JSON-LD script), as written, one after another: node `i`'s
        /// is `textBytes[textOffsets[i]..<textOffsets[i + 1]]`.
        let textBytes: UnsafeMutableBufferPointer<UInt8>
        let textOffsets: UnsafeMutableBufferPointer<Int32>
        /// The kept attributes of every element in the order written: node `i`'s are
        /// `attributes[attributeOffsets[i]..<attributeOffsets[i + 1]]`.
        let attributes: [(name: AttributeName, value: String)]
        let attributeOffsets: UnsafeMutableBufferPointer<Int32>
        /// One bit per attribute a node has (`1 << name.rawValue`): most lookups are for one it has not.
        let attributeMasks: UnsafeMutableBufferPointer<UInt32>

        init(_ fields: Fields) {
            var ends = fields.ends
            // Each node's subtree ends where its last child's does (children come after their parent).
            for i in stride(from: fields.names.count - 1, through: 1, by: -1) {
                let parent = Int(fields.parents[i])
                if parent >= 0, ends[i] > ends[parent] { ends[parent] = ends[i] }
            }
            precondition(
                fields.tags.count == fields.names.count && fields.isText.count == fields.names.count
                    && fields.parents.count == fields.names.count && ends.count == fields.names.count
                    && fields.attributeMasks.count == fields.names.count && fields.textOffsets.count == fields.names.count + 1
                    && fields.attributeOffsets.count == fields.names.count + 1
            )
            count = fields.names.count
            names = fields.names
            attributes = fields.attributes
            tags = Self.buffer(fields.tags)
            isText = Self.buffer(fields.isText)
            parents = Self.buffer(fields.parents)
            self.ends = Self.buffer(ends)
            textBytes = Self.buffer(fields.textBytes)
            textOffsets = Self.buffer(fields.textOffsets)
            attributeOffsets = Self.buffer(fields.attributeOffsets)
            attributeMasks = Self.buffer(fields.attributeMasks)
        }

        deinit {
            tags.deallocate()
            isText.deallocate()
            parents.deallocate()
            ends.deallocate()
            textBytes.deallocate()
            textOffsets.deallocate()
            attributeOffsets.deallocate()
            attributeMasks.deallocate()
        }

        /// A buffer of its own holding the array's elements.
        private static func buffer<T: BitwiseCopyable>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
        }
    }

    /// `Storage`'s fields while gumbo's tree is copied.
    struct Fields {
        var names: [String] = []
        var tags: [UInt16] = []
        var isText: [Bool] = []
        var attributeMasks: [UInt32] = []
        var parents: [Int32] = []
        var ends: [Int32] = []
        var textBytes: [UInt8] = []
        var textOffsets: [Int32] = [0]
        var attributes: [(name: AttributeName, value: String)] = []
        var attributeOffsets: [Int32] = [0]

        /// Adds a node whose text and attributes were appended just before.
        mutating func append(name: String, tag: UInt16, parent: Int) {
            names.append(name)
            tags.append(tag)
            isText.append(tag == HTMLDocument.textTag)
            var mask: UInt32 = 0
            for attribute in attributes[Int(attributeOffsets[attributeOffsets.count - 1])...] { mask |= 1 << attribute.name.rawValue }
            attributeMasks.append(mask)
            parents.append(Int32(parent))
            ends.append(Int32(names.count))
            textOffsets.append(Int32(textBytes.count))
            attributeOffsets.append(Int32(attributes.count))
        }
    }

    /// Builds the storage from gumbo's tree.
    private struct Builder {
        var fields = Fields()

        /// Copies gumbo's tree with an explicit stack (a deep tree must not exhaust the thread's stack);
        /// `runs`: the runs of text gumbo got as placeholders, and the page they are in.
        mutating func copy(_ root: UnsafeMutablePointer<GumboNode>, runs: (TextRuns, page: UnsafeBufferPointer<UInt8>)?) {
            var stack: [(UnsafeMutablePointer<GumboNode>, Int)] = [(root, -1)]
            while let (node, parent) = stack.popLast() {
                let index = fields.names.count
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
                    let attributes = element.attributes
                    let first = fields.attributes.count
                    for k in 0..<Int(attributes.length) {
                        guard let raw = attributes.data[k] else { continue }
                        let attribute = raw.assumingMemoryBound(to: GumboAttribute.self).pointee
                        guard let cName = attribute.name, let key = AttributeName(cName), let cValue = attribute.value
                        else { continue }
                        // Only the canonical `<link>`'s address is read, and an `<a>`'s to an
                        // author's page (the only one of an `<a>`'s the input pass keeps).
                        if key == .href, element.tag != GUMBO_TAG_LINK, element.tag != GUMBO_TAG_A { continue }
                        // The first of a repeated attribute counts, as in HTML.
                        if fields.attributes[first...].contains(where: { $0.name == key }) { continue }
                        let value = Self.value(cValue, runs: runs)
                        if key == .href, element.tag == GUMBO_TAG_A, !MainContent.isAuthorPage(value) { continue }
                        fields.attributes.append((key, value))
                    }
                    fields.append(name: name, tag: UInt16(truncatingIfNeeded: element.tag.rawValue), parent: parent)
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
                    let owner = UInt32(fields.tags[parent])
                    // Script and style text is never content; a JSON-LD script's text is metadata. A
                    // ruby annotation's reading (`<ruby>子<rt>こ</rt></ruby>`, the small kana over a
                    // Japanese word) is not the text's own: read with it, `子こども` is no word.
                    if owner == GUMBO_TAG_STYLE.rawValue || owner == GUMBO_TAG_NOSCRIPT.rawValue || owner == GUMBO_TAG_TEMPLATE.rawValue
                        || owner == GUMBO_TAG_RT.rawValue || owner == GUMBO_TAG_RP.rawValue
                    {
                        continue
                    }
                    if owner == GUMBO_TAG_SCRIPT.rawValue, !isJSONLD(parent) { continue }
                    let length = strlen(cText)
                    UnsafeRawPointer(cText).withMemoryRebound(to: UInt8.self, capacity: length) {
                        let bytes = UnsafeBufferPointer(start: $0, count: length)
                        if let (runs, page) = runs, TextRuns.holdsPlaceholderBytes(bytes) {
                            // A script's data (JSON-LD) is raw text, as written.
                            runs.expand(bytes, from: page, into: &fields.textBytes, asWritten: owner == GUMBO_TAG_SCRIPT.rawValue)
                        } else {
                            fields.textBytes.append(contentsOf: bytes)
                        }
                    }
                    fields.append(name: "#text", tag: HTMLDocument.textTag, parent: parent)
                default:
                    continue  // comments and the document node
                }
            }
        }

        /// Whether a `<script>`'s type says JSON-LD.
        func isJSONLD(_ script: Int) -> Bool {
            let attributes = fields.attributes[Int(fields.attributeOffsets[script])..<Int(fields.attributeOffsets[script + 1])]
            let type = attributes.first { $0.name == .type }?.value
            return type?.lowercased().containsUTF8("ld+json") ?? false
        }

        /// Tag names by gumbo's tag number, made once.
        static let tagNames: [String] = (0..<Int(GUMBO_TAG_LAST.rawValue)).map { tag in
            String(cString: gumbo_normalized_tagname(GumboTag(UInt32(tag))))
        }

        /// An attribute's value: its placeholders put back, cut to `maxAttributeBytes`.
        static func value(_ cString: UnsafePointer<CChar>, runs: (TextRuns, page: UnsafeBufferPointer<UInt8>)?) -> String {
            let start = UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self)
            guard let (runs, page) = runs else {
                return bounded(UnsafeBufferPointer(start: start, count: strnlen(cString, maxAttributeBytes + 1)))
            }
            let value = UnsafeBufferPointer(start: start, count: strlen(cString))
            guard TextRuns.holdsPlaceholderBytes(value) else { return bounded(value) }
            var expanded: [UInt8] = []
            runs.expand(value, from: page, into: &expanded, asWritten: true, limit: maxAttributeBytes)
            return expanded.withUnsafeBufferPointer { bounded($0) }
        }

        /// Bytes cut to `maxAttributeBytes` (at a character boundary).
        static func bounded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            var end = min(bytes.count, maxAttributeBytes)
            if bytes.count > maxAttributeBytes {
                while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }

        /// The name of an element gumbo does not know, from its original text (`<amp-img src=…>` → `amp-img`).
        static func originalName(_ piece: GumboStringPiece) -> String {
            guard let data = piece.data, piece.length > 1 else { return "unknown" }
            let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
            var out: [UInt8] = []
            var i = 1
            while i < min(piece.length, 64) {
                let b = bytes[i]
                if b.isHTMLSpace || b == 0x3E || b == 0x2F { break }
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                i += 1
            }
            return out.isEmpty ? "unknown" : String(decoding: out, as: UTF8.self)
        }
    }
}
