import NewsCore
import CGumbo

/// Reading the document's nodes: `document.nodes[i]` is a view of node `i` (its name, parent,
/// children, text and attributes), made without copying or counting references.
extension HTMLDocument {
    /// The nodes in document order.
    package struct Nodes: RandomAccessCollection, Sendable {
        let storage: Storage

        init(_ storage: Storage) { self.storage = storage }

        package var startIndex: Int { 0 }
        package var endIndex: Int { storage.count }
        package subscript(_ index: Int) -> Node {
            // The one check of the index: a node's fields are read unchecked (see `Storage`).
            precondition(index >= 0 && index < storage.count, "node index out of range")
            return Node(storage: storage, index: index)
        }
    }

    /// One element or text node. A view: it reads the document's arrays and lives only while the
    /// document does (it is made by `nodes[i]` and used in the code that holds the document).
    package struct Node {
        unowned(unsafe) let storage: Storage
        let index: Int

        /// Lower-case tag name (`p`, `amp-img`), or `#text`.
        package var name: String { storage.names[index] }
        /// Gumbo's tag number (see `Storage.tags`).
        var tag: UInt16 { storage.tags[index] }
        /// Whether this is an element of a tag gumbo knows (`name == "p"` for `GUMBO_TAG_P`, without
        /// comparing strings: an element gumbo does not know never has a known tag's name).
        func isTag(_ tag: GumboTag) -> Bool { storage.tags[index] == UInt16(truncatingIfNeeded: tag.rawValue) }
        /// Whether this is a text node.
        package var isText: Bool { storage.isText[index] }
        /// Index of the parent node; -1 for the root.
        package var parent: Int { Int(storage.parents[index]) }
        /// The children's indexes, in document order.
        package var children: Children { Children(storage: storage, start: index + 1, end: Int(storage.ends[index])) }
        /// The indexes of every node under this one, in document order.
        package var descendants: Range<Int> { (index + 1)..<Int(storage.ends[index]) }

        /// The text of a text node (or of a JSON-LD script), as written.
        package var text: String { String(decoding: utf8Text, as: UTF8.self) }
        /// Whether the text is only white space (`text.allSatisfy(\.isWhitespace)`, read from the bytes
        /// when they are ASCII).
        var isBlank: Bool {
            let bytes = utf8Text
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.allSatisfy(\.isWhitespace) }
            return bytes.allSatisfy { $0 == 0x20 || $0 >= 0x09 && $0 <= 0x0D }
        }

        /// How many words the text has between spaces (`text.split(separator: " ").count`, counted on
        /// the bytes when they are ASCII).
        var spacedWordCount: Int {
            let bytes = utf8Text
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ").count }
            var count = 0
            var previous: UInt8 = 0x20
            for b in bytes {
                if b != 0x20, previous == 0x20 { count += 1 }
                previous = b
            }
            return count
        }

        /// The text's UTF-8 bytes (none for an element), valid while the document lives.
        var utf8Text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage.textBytes[textRange]) }
        /// Where the text's bytes are in the document's text.
        var textRange: Range<Int> { Int(storage.textOffsets[index])..<Int(storage.textOffsets[index + 1]) }

        /// An attribute's value, or nil.
        package subscript(_ name: AttributeName) -> String? {
            guard storage.attributeMasks[index] & 1 << name.rawValue != 0 else { return nil }
            var k = Int(storage.attributeOffsets[index])
            let end = Int(storage.attributeOffsets[index + 1])
            while k < end {
                if storage.attributes[k].name == name { return storage.attributes[k].value }
                k += 1
            }
            return nil
        }

    }

    /// A node's children: its first child, then each child's next sibling (the node after its subtree).
    package struct Children: Sequence {
        unowned(unsafe) let storage: Storage
        let start: Int
        let end: Int

        package struct Iterator: IteratorProtocol {
            unowned(unsafe) let storage: Storage
            var position: Int
            let end: Int

            package mutating func next() -> Int? {
                guard position < end else { return nil }
                defer { position = Int(storage.ends[position]) }
                return position
            }
        }

        package func makeIterator() -> Iterator { Iterator(storage: storage, position: start, end: end) }
    }
}

extension HTMLDocument {
    /// A set of tag names matched by gumbo's tag number (one array look-up), and by name only for
    /// an element gumbo does not know (`amp-img`).
    struct TagSet: Sendable {
        private let known: [Bool]
        private let names: Set<String>

        init(_ names: Set<String>) {
            var known = [Bool](repeating: false, count: Int(GUMBO_TAG_LAST.rawValue) + 1)
            for name in names {
                let tag = gumbo_tag_enum(name)
                if tag != GUMBO_TAG_UNKNOWN, Int(tag.rawValue) < known.count { known[Int(tag.rawValue)] = true }
            }
            (self.known, self.names) = (known, names)
        }

        /// Whether the node is an element with one of the names.
        func contains(_ node: Node) -> Bool {
            let tag = node.tag
            if tag == HTMLDocument.textTag { return false }
            if tag == UInt16(GUMBO_TAG_UNKNOWN.rawValue) || Int(tag) >= known.count { return names.contains(node.name) }
            return known[Int(tag)]
        }
    }
}

extension HTMLDocument {
    /// The text under a node, white space collapsed (`raw`: as written, for a script's JSON): the
    /// text nodes' bytes in document order, a space for each `<br>`, up to a megabyte or so.
    func text(_ index: Int, raw: Bool = false, spaced: Bool = false) -> String {
        let storage = nodes[index].storage
        let end = Int(storage.ends[index])
        let bytes = UnsafeBufferPointer(storage.textBytes)
        var out: [UInt8] = []
        for i in index..<end {
            if storage.isText[i] {
                let text = UnsafeBufferPointer(rebasing: bytes[Int(storage.textOffsets[i])..<Int(storage.textOffsets[i + 1])])
                // `spaced`: texts of different elements written together (`<span>By</span><a>Ann
                // Lee</a>`) apart, as a reader sees a byline's parts.
                if spaced, let last = out.last, last != 0x20, let next = text.first, next > 0x20 { out.append(0x20) }
                if raw {
                    out.append(contentsOf: text)
                } else {
                    // Flattened as it goes: line ends and tabs become spaces.
                    for b in text { out.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b) }
                }
                if out.count > 1 << 20 { break }
            } else if !raw, storage.tags[i] == UInt16(GUMBO_TAG_BR.rawValue) {
                out.append(0x20)
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        return raw ? text : PageArticle.clean(text)
    }

    /// Every node under `index`, in document order (nodes are stored in document order).
    func descendants(of index: Int) -> Range<Int> {
        nodes[index].descendants
    }
}

extension HTMLDocument {
    /// The tree as text, a line per node (index, parent, name, text, attributes): what tests compare
    /// to check that trimming the page for gumbo leaves the tree as it was.
    package var outline: String {
        var out = ""
        let storage = nodes.storage
        for i in nodes.indices {
            let node = nodes[i]
            out += "\(i) \(node.parent) \(node.name) \(node.text.debugDescription)"
            for k in Int(storage.attributeOffsets[i])..<Int(storage.attributeOffsets[i + 1]) {
                out += " \(storage.attributes[k].name.html)=\(storage.attributes[k].value.debugDescription)"
            }
            out += "\n"
        }
        return out
    }
}
