import Glibc

/// Runs of a page's text that gumbo is given as one character each. Gumbo tokenizes text one
/// character at a time and hands each to its tree building, which is most of its work on a page;
/// the tree it builds does not depend on what the characters of a run are, only on whether the run
/// holds any that is not white space (HTML reads white space apart in a few places: before `<body>`,
/// in tables, in a frameset). So the trimming pass puts one private-use character (planes 15 and
/// 16, four bytes in UTF-8) in place of each run of text that starts and ends with a character
/// that is not white space, and the copy of gumbo's tree puts the run back: the tree is the one
/// gumbo builds from the trimmed page without placeholders (`TrimmingTests`, and the `html` fuzz
/// target checks it on any bytes).
///
/// Attribute values go the same way (a class list or an address is a third of what gumbo reads on
/// a page of today): the quoted value of an attribute newsd copies, in a tag whose attributes the
/// pass may trim, becomes one placeholder, which the copy of the tree puts back as written. HTML's
/// tree building reads no such value (`type` stays, as do the attributes of formatting elements,
/// which it compares); a value holding a reference, a control, a noncharacter, a carriage return or
/// bytes that are not UTF-8 stays as written.
///
/// What gumbo reads differently from plain characters is never put aside: character references
/// (`&amp;`, `&#8217;` and the name or number after the `&`), the characters it reads as U+FFFD
/// or drops (NUL, controls, noncharacters, bytes that are not UTF-8), runs of four bytes or
/// fewer, text where the pass leaves everything as written (raw text but a JSON-LD script's data,
/// which goes whole as one placeholder and comes back as written; `<pre>`, SVG and MathML), and
/// everything after a `<![CDATA[` (whose end the pass does not look for). A page that holds any
/// character of planes 12 to 16 (lead byte `F3` or `F4`) gets no placeholders at all, so every such
/// character in gumbo's tree is one.
struct TextRuns {
    /// The runs put aside, by placeholder number: offsets in the page as decoded.
    private(set) var ranges: [(start: Int32, end: Int32)] = []
    /// Whether more runs may be put aside (false after a `<![CDATA[` or when all numbers are used).
    private(set) var open = true

    /// Placeholders: U+F0000 to U+FFFFD, then U+100000 to U+10FFFD (no noncharacters).
    static let perPlane = 0xFFFE
    static let capacity = 2 * perPlane
    /// Shortest run put aside (a placeholder is four bytes).
    static let shortest = 5

    /// Whether a page holds bytes a placeholder starts with.
    static func holdsPlaceholderBytes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        return memchr(base, 0xF3, text.count) != nil || memchr(base, 0xF4, text.count) != nil
    }

    /// No more runs are put aside.
    mutating func stop() { open = false }

    /// Records a run and returns its placeholder, or nil when none is left.
    mutating func add(_ range: Range<Int>) -> Int? {
        guard open, ranges.count < Self.capacity, range.upperBound <= Int(Int32.max) else {
            open = false
            return nil
        }
        let k = ranges.count
        ranges.append((Int32(range.lowerBound), Int32(range.upperBound)))
        return k < Self.perPlane ? 0xF0000 + k : 0x100000 + (k - Self.perPlane)
    }

    /// Appends a placeholder's four bytes of UTF-8.
    static func append(_ scalar: Int, to out: inout [UInt8]) {
        out.append(UInt8(0xF0 | scalar >> 18))
        out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
        out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
        out.append(UInt8(0x80 | scalar & 0x3F))
    }

    /// The placeholder number of the four bytes at `i`, or nil when they are no placeholder.
    func index(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i + 3 < bytes.count, bytes[i] == 0xF3 || bytes[i] == 0xF4 else { return nil }
        let scalar = Int(bytes[i] & 0x07) << 18 | Int(bytes[i + 1] & 0x3F) << 12 | Int(bytes[i + 2] & 0x3F) << 6
            | Int(bytes[i + 3] & 0x3F)
        let k = scalar >= 0x100000 ? scalar - 0x100000 + Self.perPlane : scalar - 0xF0000
        return k >= 0 && k < ranges.count ? k : nil
    }

    /// Appends gumbo's text with each placeholder replaced by its run as gumbo would have copied it
    /// (each run of white space as its first byte, a carriage return as a line feed), or with
    /// `asWritten` (an attribute value) by the bytes it stands for, stopping once `out` holds more
    /// than `limit` bytes (a value is kept up to a bound: a 20 MB class list is not copied whole).
    func expand(
        _ bytes: UnsafeBufferPointer<UInt8>, from page: UnsafeBufferPointer<UInt8>, into out: inout [UInt8],
        asWritten: Bool = false, limit: Int = .max
    ) {
        var i = 0
        while i < bytes.count, out.count <= limit {
            guard let k = index(bytes, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let original = page[Int(ranges[k].start)..<Int(ranges[k].end)]
            if asWritten {
                out.append(contentsOf: original.prefix(limit == .max ? original.count : limit + 1 - out.count))
            } else {
                var space = false
                for b in original {
                    if b.isHTMLSpace, space { continue }
                    space = b.isHTMLSpace
                    out.append(b == 0x0D ? 0x0A : b)
                }
            }
            i += 4
        }
    }
}

extension InputPass {
    /// Text between tags (`range` holds no `<` but maybe at its start) with its runs put aside as
    /// placeholders where `TextRuns` allows, white space collapsed as `collapseSpace` does elsewhere.
    mutating func putAside(_ range: Range<Int>) {
        guard runs?.open == true, text[range.lowerBound] != 0x3C else {
            collapseSpace(range)
            return
        }
        // White space before the first character and after the last stays (collapsed): HTML reads
        // it apart before `<body>` and in tables.
        var first = range.lowerBound
        while first < range.upperBound, isSpace(text[first]) { first += 1 }
        var last = range.upperBound
        while last > first, isSpace(text[last - 1]) { last -= 1 }
        collapseSpace(range.lowerBound..<first)
        var start = first
        while start < last {
            var end = start
            var written = 0
            while end < last {
                let (length, asWritten) = character(at: end)
                if asWritten {
                    written = length
                    break
                }
                end += length
            }
            if end - start >= TextRuns.shortest, let placeholder = runs?.add(start..<end) {
                leaveOut(upTo: start, resumingAt: end)
                TextRuns.append(placeholder, to: &out)
            } else {
                collapseSpace(start..<end)
            }
            guard end < last else { break }
            // A reference's `&` and the name or number after it, or a character gumbo replaces, as written.
            start = end + written
            if text[end] == 0x26 {
                while start < last, isReferenceByte(text[start]) { start += 1 }
            }
        }
        collapseSpace(last..<range.upperBound)
    }

    /// The length of the character at `k`, and whether gumbo reads it otherwise than as it is written:
    /// `&` opening a reference; NUL, controls other than white space, C1 controls and noncharacters,
    /// which it reads as U+FFFD or drops; a byte that is not UTF-8, which it replaces as its decoder
    /// decides (length 1).
    func character(at k: Int) -> (length: Int, asWritten: Bool) {
        let b = text[k]
        if b < 0x80 { return (1, b == 0x26 || b == 0x7F || b < 0x20 && !isSpace(b)) }
        let n = text.count
        func continuation(_ i: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { i < n && range.contains(text[i]) }
        switch b {
        case 0xC2...0xDF:
            guard continuation(k + 1) else { return (1, true) }
            return (2, b == 0xC2 && text[k + 1] <= 0x9F)  // U+0080 to U+009F
        case 0xE0...0xEF:
            let second: ClosedRange<UInt8> = b == 0xE0 ? 0xA0...0xBF : b == 0xED ? 0x80...0x9F : 0x80...0xBF
            guard continuation(k + 1, second), continuation(k + 2) else { return (1, true) }
            let nonCharacter = b == 0xEF && (text[k + 1] == 0xB7 && (0x90...0xAF).contains(text[k + 2]) || text[k + 1] == 0xBF && text[k + 2] >= 0xBE)
            return (3, nonCharacter)  // U+FDD0 to U+FDEF, U+FFFE, U+FFFF
        case 0xF0...0xF4:
            let second: ClosedRange<UInt8> = b == 0xF0 ? 0x90...0xBF : b == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            guard continuation(k + 1, second), continuation(k + 2), continuation(k + 3) else { return (1, true) }
            return (4, text[k + 1] & 0x0F == 0x0F && text[k + 2] == 0xBF && text[k + 3] >= 0xBE)  // U+1FFFE, U+1FFFF …
        default:
            return (1, true)
        }
    }

    /// A quoted attribute value in one pass: whether it holds a control byte (the tag then keeps
    /// all its attributes), and whether it reads as written, so that it can be a placeholder: no
    /// character `character(at:)` marks, and no carriage return (HTML reads `CR LF` as `LF`).
    /// `references`: whether an `&` opens a reference (not in a script's data).
    func readValue(_ value: Range<Int>, references: Bool = true) -> (control: Bool, plain: Bool) {
        var plain = true
        var k = value.lowerBound
        while k < value.upperBound {
            // Eight bytes at a time while none is a control, `&`, DEL or beyond ASCII (nearly all of a
            // class list or an address).
            if k + 8 <= value.upperBound, let base = text.baseAddress {
                let word = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let ampersands = word ^ (ones &* 0x26)
                // A byte below 0x20, a byte 0x26 (zero after the xor), a byte 0x7F (0x80 after adding
                // one), or a byte with its high bit set.
                let special = (word &- ones &* 0x20) | (ampersands &- ones) & ~ampersands | (word &+ ones) | word
                if special & highs == 0 {
                    k += 8
                    continue
                }
            }
            let b = text[k]
            if b >= 0x20 && b < 0x7F {
                if b == 0x26, references { plain = false }
                k += 1
                continue
            }
            if b < 0x80 {
                if b == 0x7F || !isSpace(b) { return (true, false) }
                if b == 0x0D { plain = false }
                k += 1
                continue
            }
            let (length, asWritten) = character(at: k)
            if asWritten || k + length > value.upperBound { plain = false }
            k += length
        }
        return (false, plain)
    }

    private func isReferenceByte(_ b: UInt8) -> Bool {
        b >= 0x30 && b <= 0x39 || b >= 0x41 && b <= 0x5A || b >= 0x61 && b <= 0x7A || b == 0x23 || b == 0x3B
    }
}
