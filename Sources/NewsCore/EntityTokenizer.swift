/// Splits text into words for entity recognition, keeping their Unicode scalar offsets and whether
/// punctuation follows them (which ends a run of capitalised words).
enum EntityTokenizer {
    /// One word.
    struct Token {
        var text: String
        /// The word without a possessive `’s`.
        var base: String
        var start: Int
        var end: Int
        var possessive: Bool
        var breaksAfter: Bool
        var isCapitalised: Bool
        var isAllCaps: Bool
        /// Letters (and the odd hyphen, apostrophe or dot of initials) only.
        var isNameLike: Bool
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        Scalars.isLetter(s) || Scalars.isDigit(s) || s == "'" || s == "’" || s == "-" || s == "."
            || s == "&"
    }

    static func tokens(of text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for s in scalars {
            offsets.append(offset)
            offset += s.value < 0x80 ? 1 : s.value < 0x800 ? 2 : s.value < 0x10000 ? 3 : 4
        }
        offsets.append(offset)
        var out: [Token] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            guard Scalars.isLetter(s) || Scalars.isDigit(s) else {
                if !out.isEmpty, s != " " { out[out.count - 1].breaksAfter = true }
                i += 1
                continue
            }
            let start = i
            while i < n, isWordScalar(scalars[i]) { i += 1 }
            var end = i
            // Trailing punctuation that is not part of the word.
            var breaks = false
            while end > start, ["'", "’", "-", "&"].contains(scalars[end - 1]) {
                end -= 1
                breaks = true
            }
            var word = String(decoding: bytes[offsets[start]..<offsets[end]], as: UTF8.self)
            if word.hasSuffix(".") {
                let segments = word.split(separator: ".")
                let initials = segments.allSatisfy { $0.count <= 2 } && !segments.isEmpty
                if !initials || segments.count == 1 && segments[0].count == 2 && segments[0].uppercased() != segments[0]
                    && !["Mr", "Ms", "Dr", "St", "Jr", "Sr", "Lt"].contains(String(segments[0]))
                {
                    word.removeLast()
                    end -= 1
                    breaks = true
                }
            }
            guard let head = word.unicodeScalars.first else { continue }
            var base = word
            var possessive = false
            if word.hasSuffix("’s") || word.hasSuffix("'s") {
                base = String(word.dropLast(2))
                possessive = true
            } else if word.hasSuffix("s’") || word.hasSuffix("s'") {
                base = String(word.dropLast(1))
                possessive = true
            }
            var letters = 0
            var lower = false
            var nameLike = true
            for c in base.unicodeScalars {
                if Scalars.isLetter(c) {
                    letters += 1
                    if Scalars.isLower(c) { lower = true }
                } else if c == "-" || c == "'" || c == "’" || c == "." {
                    continue
                } else {
                    nameLike = false
                }
            }
            let capital = Scalars.isUpper(head)
            out.append(Token(
                text: word, base: base, start: start, end: end, possessive: possessive, breaksAfter: breaks,
                isCapitalised: capital, isAllCaps: capital && !lower && letters >= 2, isNameLike: nameLike && capital
            ))
        }
        return out
    }
}
