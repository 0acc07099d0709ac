import Foundation
import NewsCore

/// An article's stored document (every field but the body, which has its own column) written as
/// JSON field by field: the same bytes as `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` (a test holds it to that, so documents written before compare equal),
/// at a small part of its cost — through `Codable`, encoding the document was a third of the
/// daemon's work per file outside the writer.
enum DocumentJSON {
    /// Stored properties of `Article` written below; a test holds it to the type's own count.
    static let articleFields = 19

    static func encode(_ a: Article) -> Data {
        var w = Writer()
        w.out.reserveCapacity(1024)
        // Keys in sorted order, as `.sortedKeys` puts them.
        w.raw("{\"authors\":")
        w.strings(a.authors)
        w.raw(",\"body\":[],\"captions\":")
        w.strings(a.captions)
        w.raw(",\"content_hash\":")
        w.string(a.contentHash)
        w.raw(",\"embedded_posts\":[")
        for (k, post) in a.embeddedPosts.enumerated() {
            if k > 0 { w.raw(",") }
            // A post's absent fields are left out (its synthesised encoding), not written as null.
            w.raw("{")
            if let author = post.author { w.raw("\"author\":"); w.string(author); w.raw(",") }
            if let date = post.date { w.raw("\"date\":"); w.string(date); w.raw(",") }
            if let handle = post.handle { w.raw("\"handle\":"); w.string(handle); w.raw(",") }
            w.raw("\"text\":")
            w.string(post.text)
            w.raw("}")
        }
        w.raw("],\"kind\":")
        w.string(a.kind.rawValue)
        w.raw(",\"language\":")
        w.optional(a.language)
        w.raw(",\"organisations\":")
        w.strings(a.organisations)
        w.raw(",\"people\":")
        w.strings(a.people)
        w.raw(",\"places\":")
        w.strings(a.places)
        w.raw(",\"published\":")
        w.optional(a.published)
        w.raw(",\"quotes\":[")
        for (k, quote) in a.quotes.enumerated() {
            if k > 0 { w.raw(",") }
            w.raw("{")
            if let speaker = quote.speaker { w.raw("\"speaker\":"); w.string(speaker); w.raw(",") }
            w.raw("\"text\":")
            w.string(quote.text)
            w.raw("}")
        }
        w.raw("],\"source\":")
        w.optional(a.source)
        w.raw(",\"subheadings\":")
        w.strings(a.subheadings)
        w.raw(",\"summary\":")
        w.strings(a.summary)
        w.raw(",\"title\":")
        w.optional(a.title)
        w.raw(",\"updated\":")
        w.optional(a.updated)
        w.raw(",\"url\":")
        w.optional(a.url)
        w.raw(",\"word_count\":")
        w.raw(String(a.wordCount))
        w.raw("}")
        return Data(w.out)
    }

    struct Writer {
        var out: [UInt8] = []

        mutating func raw(_ s: String) { out.append(contentsOf: s.utf8) }

        mutating func optional(_ s: String?) {
            if let s { string(s) } else { raw("null") }
        }

        mutating func strings(_ list: [String]) {
            out.append(UInt8(ascii: "["))
            for (k, s) in list.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(s)
            }
            out.append(UInt8(ascii: "]"))
        }

        /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`,
        /// everything else (slashes, non-ASCII) as it is.
        mutating func string(_ s: String) {
            out.append(UInt8(ascii: "\""))
            for byte in s.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
