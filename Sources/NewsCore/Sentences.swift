import Foundation

/// Sentence and word boundaries good enough for titles and counts (abbreviations such as
/// `U.S.`, `Mr.` and initials such as `J.` do not end a sentence).
enum Sentences {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "prof", "jr", "sr",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "approx", "fig", "vol", "rev", "adm", "hon", "mt", "ft",
    ]

    /// The first sentence of a paragraph (the whole paragraph when it has one sentence).
    static func first(of text: String) -> String {
        let scalars = Scalars.array(text)
        var i = 0
        var depth = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "“" || c == "„" || c == "«" { depth += 1 }
            if c == "”" || c == "»" || (c == "“" && depth > 1) { depth = max(0, depth - 1) }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < scalars.count, "\"”’'“»)".unicodeScalars.contains(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == " ", j + 1 < scalars.count {
                    let next = scalars[j + 1]
                    if (Scalars.isUpper(next) || next.properties.numericType != nil || "\"“„‘'«".unicodeScalars.contains(next)),
                        c != "." || !isAbbreviation(scalars, before: i)
                    {
                        return String(String.UnicodeScalarView(scalars[0..<j]))
                    }
                }
            }
            i += 1
        }
        return text
    }

    static func isAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int) -> Bool {
        // ASCII words are decided without building a string unless they are short enough to be listed.
        var start = dot
        var ascii = true
        while start > 0, scalars[start - 1] != " " {
            start -= 1
            if scalars[start].value >= 0x80 { ascii = false }
        }
        if ascii {
            let word = scalars[start..<dot]
            if word.contains(".") { return true }
            if word.count == 1, let c = word.first, c.value >= 0x41, c.value <= 0x5A { return true }
            guard word.count <= 6 else { return false }
            return abbreviations.contains(Scalars.string(word).lowercasedFast())
        }
        let scalarsOfWord = scalars[start..<dot]
        let word = Scalars.string(scalarsOfWord)
        // The text search can only match where a dot scalar is.
        if scalarsOfWord.contains("."), word.contains(".") { return true }
        if scalarsOfWord.count == 1, scalarsOfWord.first!.properties.isUppercase { return true }
        return abbreviations.contains(word.lowercasedFast())
    }

    /// For each ASCII byte: 1 for the white space that separates words (space, tab, line feed),
    /// 2 for letters and digits, 0 for anything else.
    static let asciiKinds: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        switch b {
        case 0x20, 0x09, 0x0A: return 1
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 2
        default: return 0
        }
    }

    /// Words: runs of non-space characters holding at least one letter or digit.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var hasAlnum = false
        // ASCII is decided by ranges (letters and digits are its only alphanumerics); other
        // scalars are decoded and asked the Unicode tables only while the word has no alphanumeric.
        var text = text
        text.makeContiguousUTF8()
        let counted: Int? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            // `hasAlnum` implies a word is open, so a word ends counted exactly when white space
            // meets `hasAlnum`; ASCII bytes update the state without branching on the byte.
            var count = 0
            var inWord = false
            var hasAlnum = false
            var i = 0
            let n = bytes.count
            let kinds = asciiKinds
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                    let kind = kinds[Int(b)]
                    let isSpace = kind == 1
                    count &+= isSpace && hasAlnum ? 1 : 0
                    hasAlnum = !isSpace && (hasAlnum || kind == 2)
                    inWord = !isSpace
                } else {
                    let (s, width) = Scalars.decode(bytes, i)
                    i += width
                    inWord = true
                    if !hasAlnum, !Scalars.isGeneralPunctuation(s), Scalars.isLetter(s) || s.properties.numericType != nil {
                        hasAlnum = true
                    }
                }
            }
            if inWord, hasAlnum { count += 1 }
            return count
        }
        if let counted { return counted }
        count = 0
        inWord = false
        hasAlnum = false
        for s in text.unicodeScalars {
            if s == " " || s == "\t" || s == "\n" {
                if inWord, hasAlnum { count += 1 }
                inWord = false
                hasAlnum = false
            } else {
                inWord = true
                if !hasAlnum, Scalars.isLetter(s) || s.properties.numericType != nil { hasAlnum = true }
            }
        }
        if inWord, hasAlnum { count += 1 }
        return count
    }
}
