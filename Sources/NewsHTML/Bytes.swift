import NewsCore

/// Byte-level string helpers: class names and hints are ASCII, and Foundation's `contains` costs more
/// than the rest of a page's reading.
extension String {
    /// `lowercased().containsUTF8(needle)` for a lower-case ASCII needle, without the lower-cased copy
    /// when the string is ASCII.
    func lowercasedHasBytes(_ needle: StaticString) -> Bool {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return lowercased().containsUTF8(needle.description) }
        var haystack = self
        return haystack.withUTF8 { h in
            let p = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            let n = h.count
            let m = p.count
            guard m > 0 else { return true }
            guard n >= m else { return false }
            var i = 0
            while i <= n - m {
                var k = 0
                while k < m {
                    let b = h[i + k]
                    if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != p[k] { break }
                    k += 1
                }
                if k == m { return true }
                i += 1
            }
            return false
        }
    }

    /// The text on one line: line ends and tabs become spaces, runs of white space one space, trimmed.
    var flattened: String {
        var needsWork = false
        for b in utf8 where b == 0x0A || b == 0x0D || b == 0x09 {
            needsWork = true
            break
        }
        guard needsWork else { return PageArticle.clean(self) }
        let bytes = utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }
        return PageArticle.clean(String(decoding: bytes, as: UTF8.self))
    }
}

/// A list of ASCII words to look for in class and id hints, matched in one pass over the text: each
/// position's two bytes are checked against the words' first two, and only the words that start so
/// are compared (where `list.contains { text.containsUTF8($0) }` scans the text once per word).
struct WordList: Sendable {
    /// The words by their first two bytes.
    private let words: [UInt16: [[UInt8]]]
    /// One bit per two-byte start that some word has.
    private let starts: [UInt64]
    /// Words shorter than two bytes (matched by `containsUTF8`).
    private let short: [String]

    init(_ list: [String]) {
        var words: [UInt16: [[UInt8]]] = [:]
        var starts = [UInt64](repeating: 0, count: 1024)
        var short: [String] = []
        for word in list {
            let bytes = Array(word.utf8)
            guard bytes.count >= 2 else {
                short.append(word)
                continue
            }
            let key = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            words[key, default: []].append(bytes)
            starts[Int(key >> 6)] |= 1 << UInt64(key & 63)
        }
        (self.words, self.starts, self.short) = (words, starts, short)
    }

    /// `occurs(in: text.lowercased())`, without making the lower-cased copy when the text is ASCII
    /// (its bytes are lower-cased as they are read).
    func occurs(inLowercased text: String) -> Bool {
        guard short.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }) else { return occurs(in: text.lowercased()) }
        var text = text
        return text.withUTF8 { h in
            let n = h.count
            guard n >= 2 else { return false }
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
            var b0 = lower(h[0])
            for i in 0..<(n - 1) {
                let b1 = lower(h[i + 1])
                defer { b0 = b1 }
                let key = UInt16(b0) << 8 | UInt16(b1)
                guard starts[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let candidates = words[key] else { continue }
                for word in candidates where word.count <= n - i {
                    var k = 2
                    while k < word.count, lower(h[i + k]) == word[k] { k += 1 }
                    if k == word.count { return true }
                }
            }
            return false
        }
    }

    /// Whether one of the words occurs in the text (as `containsUTF8`).
    func occurs(in text: String) -> Bool {
        if short.contains(where: { text.containsUTF8($0) }) { return true }
        var text = text
        return text.withUTF8 { h in
            let n = h.count
            guard n >= 2 else { return false }
            for i in 0..<(n - 1) {
                let key = UInt16(h[i]) << 8 | UInt16(h[i + 1])
                guard starts[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let candidates = words[key] else { continue }
                for word in candidates where word.count <= n - i {
                    var k = 2
                    while k < word.count, h[i + k] == word[k] { k += 1 }
                    if k == word.count { return true }
                }
            }
            return false
        }
    }
}

extension UInt8 {
    /// Whether the byte is white space as HTML reads it: space, tab, line feed, form feed, return.
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
}
