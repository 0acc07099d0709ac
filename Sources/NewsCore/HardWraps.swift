/// Text broken into lines at a fixed width (`lynx -dump`, `w3m -dump`, a mail client's 72 columns,
/// wire copy): each paragraph's lines are joined back into one, so that a paragraph is a paragraph
/// and not three lines the rules would each weigh as short text.
///
/// A text is taken as wrapped when its lines stop at a common width and its long lines break where
/// the next word would not have fitted (`wrapWidth`; text that is not wrapped has lines of every
/// length, its widest an outlier, and words that would have fitted). A line then runs on into the
/// next when the next one's first word would not have fitted after it, the line is at least three
/// fifths of the width, the next line is no list item, blank line or further-indented block, and
/// the two are not both a header's labelled fields (`From: …`). Where the text sets its
/// paragraphs apart by blank lines, a sentence's end at a line's end runs on too; where it does not,
/// a line that ends a sentence ends its paragraph. A line that ends a word with a hyphen runs on
/// without a space (`E-Mail-` / `Adresse`), as do two wide (CJK) characters.
enum HardWraps {
    /// The lines with each wrapped paragraph's lines joined; the lines as they are when the text is
    /// not wrapped.
    static func unwrapped(_ lines: [String]) -> [String] {
        guard lines.count >= 6 else { return lines }
        let widths = lines.map { line in line.utf8.count > 1000 ? 1000 : columns(trimmedEnd(line)) }
        guard let width = wrapWidth(lines, widths) else { return lines }
        let blanks = lines.count(where: { $0.allSatisfy(\.isWhitespace) })
        // Paragraphs set apart by blank lines (a fifth of the lines or more).
        let spaced = blanks * 5 >= lines.count
        var out: [String] = []
        out.reserveCapacity(lines.count)
        // The paragraph being joined, in place: a copy of it per line joined would take the square
        // of its length.
        var current = lines[0]
        for index in 1..<lines.count {
            // The paragraph's last line as written is the line above.
            if runsOn(lines[index - 1], width: widths[index - 1], into: lines[index], wrap: width, spaced: spaced) {
                join(&current, lines[index].drop { $0 == " " || $0 == "\t" })
            } else {
                out.append(current)
                current = lines[index]
            }
        }
        out.append(current)
        return out
    }

    /// Appends the next line's text to a paragraph: after a space, or without one after a word broken
    /// at its hyphen and between two wide characters.
    static func join(_ paragraph: inout String, _ next: Substring) {
        while paragraph.last == " " || paragraph.last == "\t" { paragraph.removeLast() }
        let glued = paragraph.last == "-" && paragraph.dropLast().last?.isLetter == true
            || isWide(paragraph.unicodeScalars.last) && isWide(next.unicodeScalars.first)
        if !glued { paragraph.append(" ") }
        paragraph.append(contentsOf: next)
    }

    /// The width the text is wrapped at, or nil when it is not wrapped: the widest lines but one in
    /// fifty (a long address or an unbroken word may pass the width) end at a width of 30 to 160
    /// columns; half the lines between half that width and it end within twelve columns of it; and
    /// where a line of three fifths of the width or more is followed by another, the next one's first
    /// word would not have fitted after it at least three times and four times as often as it would
    /// have, and the next line opens in lower case at least two times in five (a list of headlines
    /// of about one length fits words and opens in capitals).
    static func wrapWidth(_ lines: [String], _ widths: [Int]) -> Int? {
        let sorted = widths.filter { $0 > 0 }.sorted()
        guard sorted.count >= 6 else { return nil }
        let width = sorted[(sorted.count - 1) - sorted.count / 50]
        guard width >= 30, width <= 160 else { return nil }
        let wide = sorted.filter { $0 * 2 >= width && $0 <= width }
        guard wide.count(where: { $0 + 12 >= width }) * 2 >= wide.count else { return nil }
        var (breaks, fits, lowercase) = (0, 0, 0)
        for index in lines.indices.dropLast() where widths[index] * 5 >= width * 3 && widths[index] <= width {
            let next = lines[index + 1].drop { $0 == " " || $0 == "\t" }
            guard let first = next.first, !opensListItem(next) else { continue }
            if overflows(widths[index], next, wrap: width) {
                breaks += 1
                if first.isLowercase { lowercase += 1 }
            } else {
                fits += 1
            }
        }
        guard breaks >= 3, fits * 4 <= breaks, lowercase * 5 >= breaks * 2 else { return nil }
        return width
    }

    /// The line without the white space at its end.
    static func trimmedEnd(_ line: String) -> Substring {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
            end = line.index(before: end)
        }
        return line[..<end]
    }

    /// Whether `line` continues the paragraph whose last line as written is `above` (`width` columns
    /// wide).
    static func runsOn(_ above: String, width: Int, into line: String, wrap: Int, spaced: Bool) -> Bool {
        guard width * 5 >= wrap * 3, width <= wrap else { return false }
        let next = line.drop { $0 == " " || $0 == "\t" }
        guard let first = next.first, !opensListItem(next) else { return false }
        // Indented further than the text of the line above: a new paragraph's first line, a
        // quotation, a nested item (a list item's lines run on under its text, past its bullet).
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        let aboveText = above.drop { $0 == " " || $0 == "\t" }
        let aboveIndent = above.prefix { $0 == " " || $0 == "\t" }.count + (opensListItem(aboveText) ? 2 : 0)
        guard indent <= aboveIndent else { return false }
        if !spaced, TextExtractor.endsASentence(above), first.isUppercase || first.isNumber || "\"“„«'‘".contains(first) { return false }
        // A header's fields, each on a line of its own (`Next message: …` / `Previous message: …`).
        if opensWithLabel(aboveText), opensWithLabel(next) { return false }
        return overflows(width, next, wrap: wrap)
    }

    /// Whether the first word of `next` (its text, indentation dropped) would not have fitted after a
    /// line `width` columns wide, wrapped at `wrap`.
    static func overflows(_ width: Int, _ next: Substring, wrap: Int) -> Bool {
        width + 1 + columns(next.prefix { $0 != " " && $0 != "\t" }) > wrap
    }

    /// A list item's bullet or number (`• `, `* `, `- `, `□ `, `1. `, `a) `).
    static func opensListItem(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        let rest = text.dropFirst()
        if "•*-–□+·◦▪".contains(first) { return rest.first == " " }
        if first.isNumber {
            let tail = rest.drop { $0.isNumber }
            return (tail.first == "." || tail.first == ")") && tail.dropFirst().first == " "
        }
        return false
    }

    /// Whether a line opens with a label: up to three words, the first capitalised, and a colon
    /// within the first 24 characters (`From:`, `Next message:`).
    static func opensWithLabel(_ text: Substring) -> Bool {
        guard text.first?.isUppercase == true, let colon = text.prefix(24).firstIndex(of: ":") else { return false }
        return text[..<colon].split(separator: " ").count <= 3
    }

    /// Columns a terminal gives the text: two for a wide (CJK) character, none for a combining
    /// accent (U+0300–U+036F), one for any other. Read on the UTF-8 bytes: most lines are ASCII.
    static func columns(_ text: Substring) -> Int {
        var count = 0
        var scalar: UInt32 = 0
        var pending = 0
        for byte in text.utf8 {
            if byte < 0x80 {
                count += 1
                pending = 0
            } else if byte >= 0xC0 {
                // A lead byte: the scalar's first bits, and how many bytes follow.
                pending = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                scalar = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
            } else if pending > 0 {
                scalar = scalar << 6 | UInt32(byte & 0x3F)
                pending -= 1
                if pending == 0 {
                    if scalar >= 0x300 && scalar <= 0x36F { continue }
                    count += isWide(Unicode.Scalar(scalar)) ? 2 : 1
                }
            }
        }
        return count
    }

    /// A character a terminal prints two columns wide: Hangul, CJK, kana and full-width forms.
    static func isWide(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }
}
