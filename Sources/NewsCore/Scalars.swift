import Foundation

/// Fast character classes: ASCII is decided by ranges, only other scalars ask the Unicode tables.
package enum Scalars {
    /// Decodes the scalar starting at `i` (valid UTF-8): its value and byte length.
    @inline(__always) package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        if b < 0xE0 { return (Unicode.Scalar(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!, 2) }
        if b < 0xF0 {
            let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if isGeneralPunctuation(s) { return false }
        return isAlphabeticBeyondASCII(s)
    }

    /// U+2000…U+206F (spaces, dashes, curly quotes, bullets): no letters, digits, numerics, cased
    /// or combining scalars, and each is its own lowercase mapping.
    @inline(__always) static func isGeneralPunctuation(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x2000 && s.value <= 0x206F
    }

    // The Unicode look-ups out of line: inlined, they make every caller set up their types, on
    // its ASCII path too.
    @inline(never) static func isAlphabeticBeyondASCII(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @inline(never) static func isUppercaseBeyondASCII(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    @inline(never) static func isLowercaseBeyondASCII(_ s: Unicode.Scalar) -> Bool { s.properties.isLowercase }

    /// Punctuation: Unicode's P* categories (what Foundation's `punctuationCharacters` holds).
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if isGeneralPunctuation(s) { return false }
        return isUppercaseBeyondASCII(s)
    }

    @inline(__always) static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if isGeneralPunctuation(s) { return false }
        return isLowercaseBeyondASCII(s)
    }
}

extension Scalars {
    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one pass.
    static func array(_ text: String) -> [Unicode.Scalar] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(Unicode.Scalar(b))
                    i += 1
                } else {
                    let (s, width) = decode(bytes, i)
                    out.append(s)
                    i += width
                }
            }
            return out
        } ?? Array(text.unicodeScalars)
    }

    /// The text of some scalars; ASCII runs are copied as bytes rather than appended one by one.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var ascii = true
        for s in scalars where s.value >= 0x80 {
            ascii = false
            break
        }
        guard ascii else { return String(String.UnicodeScalarView(scalars)) }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var k = 0
            for s in scalars {
                buffer[k] = UInt8(truncatingIfNeeded: s.value)
                k += 1
            }
            return k
        }
    }
}

extension String {
    /// Byte-level substring test, cheaper than Foundation's `range(of:)` for ASCII needles.
    func containsBytes(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return true }
        return needle.withUTF8Buffer { pattern -> Bool in
            if let found = self.utf8.withContiguousStorageIfAvailable({ Self.search(pattern, in: $0) }) {
                return found
            }
            return Array(self.utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
        }
    }

    /// Substring test (`firstOffset`); an empty pattern occurs everywhere.
    @inline(__always)
    static func search(_ pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        pattern.isEmpty || firstOffset(of: pattern, in: hay) != nil
    }

    /// Where the pattern first occurs (nil for an empty one): `memchr` finds the places where the
    /// pattern's rarest-looking byte occurs, and only there is the whole pattern compared.
    @inline(__always)
    package static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = pattern.count
        guard n > 0, hay.count >= n, let base = hay.baseAddress else { return nil }
        let anchor = anchorIndex(pattern)
        let anchorByte = Int32(pattern[anchor])
        var from = anchor  // first hay index where the anchor byte may sit
        let to = hay.count - n + anchor  // last such index
        while from <= to {
            guard let hit = memchr(base + from, anchorByte, to - from + 1) else { return nil }
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            let start = position - anchor
            var k = 0
            while k < n, hay[start + k] == pattern[k] { k += 1 }
            if k == n { return start }
            from = position + 1
        }
        return nil
    }

    /// The index of the pattern byte least likely to occur in running text: capitals, digits and
    /// punctuation before uncommon lowercase letters before common letters, spaces, commas and dots.
    @inline(__always) static func anchorIndex(_ pattern: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        var bestRank = Int.max
        for (k, b) in pattern.enumerated() {
            let rank: Int
            switch b {
            // e t a o i n s h r d l c u, space, comma, dot
            case 0x65, 0x74, 0x61, 0x6F, 0x69, 0x6E, 0x73, 0x68, 0x72, 0x64, 0x6C, 0x63, 0x75, 0x20, 0x2C, 0x2E: rank = 2
            case 0x61...0x7A: rank = 1
            default: rank = 0
            }
            if rank < bestRank {
                best = k
                bestRank = rank
                if rank == 0 { break }
            }
        }
        return best
    }

    /// The parts between the occurrences of `separator`, left to right, as Foundation's
    /// `components(separatedBy:)` cuts text at a separator that combines with nothing around it,
    /// without bridging to NSString.
    package func parts(separatedBy separator: String) -> [Substring] {
        guard !separator.isEmpty else { return [self[...]] }
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.utf8Range(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }

    /// Whether `needle`'s UTF-8 bytes occur in the text's UTF-8 bytes.
    package func containsUTF8(_ needle: String) -> Bool {
        // Native strings are read in place (no copy, no retain of either).
        if let found = needle.utf8.withContiguousStorageIfAvailable({ pattern in
            pattern.isEmpty || self.utf8.withContiguousStorageIfAvailable { Self.search(pattern, in: $0) }
                ?? Array(self.utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
        }) {
            return found
        }
        var needle = needle
        var text = self
        return needle.withUTF8 { pattern in
            pattern.isEmpty || text.withUTF8 { Self.search(pattern, in: $0) }
        }
    }

    /// Whether an ASCII lowercase word occurs in the text, ignoring ASCII case.
    func containsASCIICaseInsensitive(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { w -> Bool in
            func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                let n = w.count
                guard n > 0 else { return true }
                guard bytes.count >= n, let base = bytes.baseAddress else { return false }
                // `memchr` finds each case of the least common-looking letter; the word is compared there.
                let anchor = Self.anchorIndex(w)
                let lower = w[anchor]
                let upper = lower >= 0x61 && lower <= 0x7A ? lower - 0x20 : lower
                for pass in 0..<(upper == lower ? 1 : 2) {
                    let anchorByte = pass == 0 ? lower : upper
                    var from = anchor
                    let to = bytes.count - n + anchor
                    while from <= to {
                        guard let hit = memchr(base + from, Int32(anchorByte), to - from + 1) else { break }
                        let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                        let start = position - anchor
                        var k = 0
                        while k < n, bytes[start + k] | 0x20 == w[k] { k += 1 }
                        if k == n { return true }
                        from = position + 1
                    }
                }
                return false
            }
            if let found = self.utf8.withContiguousStorageIfAvailable(search) { return found }
            return Array(self.utf8).withUnsafeBufferPointer(search)
        }
    }

    /// `prefix(count)` (the first `count` characters), decided on bytes when the first `count` + 1
    /// bytes are ASCII other than a carriage return: between two such bytes a character always
    /// ends (only CR LF and non-ASCII marks join), so the characters are the bytes.
    func characterPrefix(_ count: Int) -> Substring {
        let end: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard count >= 0 else { return nil }
            if bytes.count <= count {
                for b in bytes where b >= 0x80 || b == 0x0D { return nil }
                return bytes.count
            }
            for k in 0...count where bytes[k] >= 0x80 || bytes[k] == 0x0D { return nil }
            return count
        }
        if let end = end ?? nil { return self[startIndex..<utf8.index(startIndex, offsetBy: end)] }
        return Substring(prefix(count))
    }

    /// `hasPrefix` with its Character semantics, decided on bytes whenever the bytes settle it.
    func fastHasPrefix(_ prefix: String) -> Bool {
        let answer: Bool?? = prefix.utf8.withContiguousStorageIfAvailable { p -> Bool? in
            self.utf8.withContiguousStorageIfAvailable { l -> Bool? in
                var i = 0
                while i < p.count {
                    if i == l.count { return false }
                    if l[i] != p[i] { return l[i] < 0x80 && p[i] < 0x80 ? false : nil }
                    i += 1
                }
                if i == l.count || l[i] < 0x80 { return true }
                return nil
            } ?? nil
        }
        if let settled = answer ?? nil { return settled }
        return hasPrefix(prefix)
    }
}

extension StringProtocol {
    /// The first (or, `backwards`, the last) place where `needle`'s UTF-8 bytes occur in the text's:
    /// Foundation's `range(of:)` without its bridging to `NSString` and its locale (most of its
    /// cost on a short line). The bounds are scalar boundaries of the text, since a needle of valid
    /// UTF-8 can only match there; unlike `range(of:)` it does not match canonically equivalent
    /// spellings (a decomposed `é` for a composed one), which no needle newsd searches for needs.
    package func utf8Range(of needle: String, backwards: Bool = false) -> Range<Index>? {
        var needle = needle
        let offset: Int?? = needle.withUTF8 { pattern -> Int?? in
            utf8.withContiguousStorageIfAvailable { hay -> Int? in
                Self.firstOffset(of: pattern, in: hay, backwards: backwards)
            }
        }
        let found: Int?
        if let known = offset {
            found = known
        } else {
            found = needle.withUTF8 { pattern in
                Array(utf8).withUnsafeBufferPointer { Self.firstOffset(of: pattern, in: $0, backwards: backwards) }
            }
        }
        guard let found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    private static func firstOffset(
        of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, backwards: Bool
    ) -> Int? {
        guard backwards else { return String.firstOffset(of: pattern, in: hay) }
        let n = pattern.count
        guard n > 0, hay.count >= n, let base = hay.baseAddress, let p = pattern.baseAddress else { return nil }
        var start = hay.count - n
        while start >= 0 {
            if base[start] == p[0], memcmp(base + start, p, n) == 0 { return start }
            start -= 1
        }
        return nil
    }

    /// `lowercased()`, which appends each scalar's lowercase mapping, with the mapping of ASCII and of
    /// the Latin-1 and general punctuation blocks (which have no case) decided without the Unicode tables.
    func lowercasedFast() -> String {
        // ASCII text maps byte for byte.
        let ascii: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            for b in bytes where b >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for k in 0..<bytes.count {
                    let b = bytes[k]
                    out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return bytes.count
            }
        }
        if let known = ascii ?? nil { return known }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(truncatingIfNeeded: v)
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else if v < 0xC0 && v != 0xAA && v != 0xB5 && v != 0xBA || v >= 0x2000 && v <= 0x206F {
                out.append(contentsOf: UTF8.encode(scalar)!)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Several byte strings looked for in one pass over a text (`containsBytes` for each would walk the
/// text once per needle): a bitmap of the needles' first two bytes turns most places away with one
/// test, and only at the others are the needles that open with those bytes compared.
struct ByteNeedles: Sendable {
    /// The needles' bytes, one after another.
    private let bytes: [UInt8]
    /// For each needle of two bytes or more, where its bytes are in `bytes`, grouped by its first byte.
    private let spans: [Range<Int>]
    /// For each byte value, the range of `spans` whose needles open with it.
    private let byFirst: [Range<Int>]
    /// The needles' first two bytes, as 65,536 bits (first byte + 256 × second).
    private let pairs: [UInt64]
    /// The needles of one byte.
    private let singles: ByteSet

    init(_ needles: [String]) {
        let all = needles.map { Array($0.utf8) }
        let sorted = all.filter { $0.count >= 2 }.sorted { $0[0] < $1[0] }
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        var byFirst = [Range<Int>](repeating: 0..<0, count: 256)
        var pairs = [UInt64](repeating: 0, count: 1024)
        for needle in sorted {
            let first = Int(needle[0])
            if byFirst[first].isEmpty { byFirst[first] = spans.count..<spans.count }
            spans.append(bytes.count..<bytes.count + needle.count)
            byFirst[first] = byFirst[first].lowerBound..<spans.count
            bytes += needle
            let pair = first | Int(needle[1]) << 8
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.bytes = bytes
        self.spans = spans
        self.byFirst = byFirst
        self.pairs = pairs
        self.singles = ByteSet(all.filter { $0.count == 1 }.map { $0[0] })
    }

    /// Whether any needle occurs in `text`, byte for byte.
    func anyOccurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        guard n > 0 else { return false }
        return bytes.withUnsafeBufferPointer { needles in
            pairs.withUnsafeBufferPointer { pairs in
                for i in 0..<n {
                    if singles.contains(text[i]) { return true }
                    guard i + 1 < n else { break }
                    let pair = Int(text[i]) | Int(text[i + 1]) << 8
                    guard pairs[pair >> 6] >> UInt64(pair & 63) & 1 != 0 else { continue }
                    for span in spans[byFirst[Int(text[i])]] where span.count <= n - i {
                        var k = 2
                        while k < span.count, text[i + k] == needles[span.lowerBound + k] { k += 1 }
                        if k == span.count && text[i + 1] == needles[span.lowerBound + 1] { return true }
                    }
                }
                return false
            }
        }
    }
}

extension StringProtocol {
    /// Whether any of `needles` occurs in the string's UTF-8, byte for byte.
    func containsAny(of needles: ByteNeedles) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ needles.anyOccurs(in: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { needles.anyOccurs(in: $0) }
    }
}

/// A set of bytes as a 256-bit mask.
struct ByteSet: Sendable {
    private var low: UInt128 = 0
    private var high: UInt128 = 0

    init(_ bytes: some Sequence<UInt8>) {
        for b in bytes {
            if b < 128 { low |= 1 << UInt128(b) } else { high |= 1 << UInt128(b - 128) }
        }
    }

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        b < 128 ? low >> UInt128(b) & 1 != 0 : high >> UInt128(b - 128) & 1 != 0
    }
}

/// The first two bytes of a list of openings (labels, words), either case: a look at a text's first
/// two bytes tells that it opens with none of them, as most lines do, before any copy or comparison.
/// `| 0x20` lower-cases an ASCII letter (and the second byte of a Latin-1 letter) on both sides; it
/// may make other bytes look alike, which only lets a text through to the full comparison.
struct OpeningPairs: Sendable {
    /// Per first byte (`| 0x20`), the second bytes (`| 0x20`) that follow it in an opening.
    private let seconds: [ByteSet]

    init(_ openings: some Sequence<String>) {
        var seconds = [[UInt8]](repeating: [], count: 256)
        for opening in openings {
            let bytes = Array(opening.utf8)
            guard let first = bytes.first else { continue }
            // An opening of one byte lets every second byte through.
            seconds[Int(first | 0x20)] += bytes.count > 1 ? [bytes[1] | 0x20] : (0...255).map { UInt8($0) }
        }
        self.seconds = seconds.map { ByteSet($0) }
    }

    /// Whether the text's first two bytes after white space may open one of the openings.
    func mayOpen(_ bytes: some Collection<UInt8>) -> Bool {
        guard let k = bytes.firstNonBlankIndex else { return false }
        let next = bytes.index(after: k)
        guard next != bytes.endIndex else { return false }
        return seconds[Int(bytes[k] | 0x20)].contains(bytes[next] | 0x20)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the character that ends at `offset` is a letter or a digit (`Character.isLetter` or
    /// `isNumber` for the scalar, read back from its UTF-8, which must be valid); false at the start.
    package func isLetterOrDigit(before offset: Int) -> Bool {
        guard offset > 0 else { return false }
        let b = self[offset - 1]
        if b < 0x80 { return b >= 0x30 && b <= 0x39 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        var start = offset - 1
        while start > 0, self[start] & 0xC0 == 0x80 { start -= 1 }
        // The bytes are a string's, valid UTF-8.
        let scalar = Scalars.decode(self, start).0
        return Scalars.isLetter(scalar) || scalar.properties.numericType != nil
    }
}

extension Collection<UInt8> {
    /// The index of the first byte that is not a space, tab, line feed or carriage return (inlined,
    /// so that the other modules' byte scans are specialised for their collection).
    @inlinable package var firstNonBlankIndex: Index? {
        firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    }
}
