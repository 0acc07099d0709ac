/// Reading the document's nodes: `document.nodes[i]` is a view of node `i` (its name, parent,
/// children, text and attributes), made without copying or counting references.
extension HTMLDocument {
    /// The nodes in document order.
    package struct Nodes: RandomAccessCollection, Sendable {
        let storage: Storage

        init(_ storage: Storage) { self.storage = storage }

        package var startIndex: Int { 0 }
        package var endIndex: Int { storage.names.count }
        package subscript(_ index: Int) -> Node { Node(storage: storage, index: index) }
    }

    /// One element or text node. A view: it reads the document's arrays and lives only while the
    /// document does (it is made by `nodes[i]` and used in the code that holds the document).
    package struct Node {
        unowned(unsafe) let storage: Storage
        let index: Int

        /// Lower-case tag name (`p`, `amp-img`), or `#text`.
        package var name: String { storage.names[index] }
        /// Whether this is a text node.
        package var isText: Bool { storage.isText[index] }
        /// Index of the parent node; -1 for the root.
        package var parent: Int { Int(storage.parents[index]) }
        /// The children's indexes, in document order.
        package var children: Children { Children(storage: storage, start: index + 1, end: Int(storage.ends[index])) }
        /// The indexes of every node under this one, in document order.
        package var descendants: Range<Int> { (index + 1)..<Int(storage.ends[index]) }

        /// The text of a text node (or of a JSON-LD script), as written.
        package var text: String {
            let range = textRange
            return storage.textBytes.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) }
        }
        /// The text's UTF-8 bytes (none for an element).
        var utf8Text: ArraySlice<UInt8> { storage.textBytes[textRange] }
        /// Where the text's bytes are in the document's text.
        var textRange: Range<Int> { Int(storage.textOffsets[index])..<Int(storage.textOffsets[index + 1]) }

        /// An attribute's value, or nil.
        package subscript(_ name: AttributeName) -> String? {
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
    /// The text under a node, white space collapsed (`raw`: as written, for a script's JSON): the
    /// text nodes' bytes in document order, a space for each `<br>`, up to a megabyte or so.
    func text(_ index: Int, raw: Bool = false) -> String {
        let storage = nodes.storage
        let end = Int(storage.ends[index])
        var out: [UInt8] = []
        storage.textBytes.withUnsafeBufferPointer { bytes in
            for i in index..<end {
                if storage.isText[i] {
                    out.append(contentsOf: bytes[Int(storage.textOffsets[i])..<Int(storage.textOffsets[i + 1])])
                    if out.count > 1 << 20 { break }
                } else if !raw, storage.names[i] == "br" {
                    out.append(0x20)
                }
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        return raw ? text : text.flattened
    }

    /// Every node under `index`, in document order (nodes are stored in document order).
    func descendants(of index: Int) -> Range<Int> {
        nodes[index].descendants
    }
}
