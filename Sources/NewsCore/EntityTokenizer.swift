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
        /// What the word lists say about `text` and `base` (capitalised words only).
        var info: WordInfo
        var baseInfo: WordInfo
        /// Alias-table keys of `text` and `base` (capitalised words only).
        var key: String?
        var baseKey: String?
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        Scalars.isLetter(s) || Scalars.isDigit(s) || s == "'" || s == "’" || s == "-" || s == "."
            || s == "&"
    }

    /// The ASCII bytes `isWordScalar` accepts.
    static let asciiWordBytes = ByteSet((0..<128).filter { isWordScalar(Unicode.Scalar(UInt8($0))) }.map { UInt8($0) })

    static func tokens(of text: String) -> [Token] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { tokens(utf8: $0) } ?? []
    }


    /// The tokens of a text given as UTF-8; `start` and `end` count Unicode scalars.
    static func tokens(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        let n = bytes.count
        let asciiWordBytes = Self.asciiWordBytes
        // About one word per six bytes of running text.
        out.reserveCapacity(n / 5 + 1)
        var i = 0  // byte offset
        var si = 0  // scalar offset
        while i < n {
            let (s, width) = Scalars.decode(bytes, i)
            guard Scalars.isLetter(s) || Scalars.isDigit(s) else {
                if !out.isEmpty, s != " " { out[out.count - 1].breaksAfter = true }
                i += width
                si += 1
                continue
            }
            let startByte = i
            let start = si
            // Word scalars; remember where the last scalar began for trimming.
            var endByte = i
            var end = si
            while endByte < n {
                let b = bytes[endByte]
                if b < 0x80 {
                    // `isWordScalar` for ASCII.
                    guard asciiWordBytes.contains(b) else { break }
                    endByte += 1
                    end += 1
                    continue
                }
                let (c, w) = Scalars.decode(bytes, endByte)
                guard isWordScalar(c) else { break }
                endByte += w
                end += 1
            }
            i = endByte
            si = end
            // Trailing punctuation that is not part of the word.
            var breaks = false
            while endByte > startByte {
                let last = bytes[endByte - 1]
                if last == 0x27 || last == 0x2D || last == 0x26 {
                    endByte -= 1
                } else if last == 0x99, endByte - startByte >= 3, bytes[endByte - 2] == 0x80, bytes[endByte - 3] == 0xE2 {
                    endByte -= 3
                } else {
                    break
                }
                end -= 1
                breaks = true
            }
            var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[startByte..<endByte]), as: UTF8.self)
            if bytes[endByte - 1] == 0x2E, dropsFinalDot(word, UnsafeBufferPointer(rebasing: bytes[startByte..<endByte])) {
                if endByte - startByte >= 2, bytes[endByte - 2] < 0x80 {
                    // After an ASCII byte the dot is a character of its own.
                    word = String(decoding: UnsafeBufferPointer(rebasing: bytes[startByte..<(endByte - 1)]), as: UTF8.self)
                } else {
                    word.removeLast()
                }
                endByte -= 1
                end -= 1
                breaks = true
            }
            let wordBytes = UnsafeBufferPointer(rebasing: bytes[startByte..<endByte])
            let head = Scalars.decode(wordBytes, 0).0
            var base = word
            var baseCount = wordBytes.count
            var possessive = false
            let m = wordBytes.count
            if m >= 2, wordBytes[m - 1] == 0x73, wordBytes[m - 2] == 0x27 {
                baseCount = m - 2
                possessive = true
            } else if m >= 4, wordBytes[m - 1] == 0x73, wordBytes[m - 2] == 0x99, wordBytes[m - 3] == 0x80, wordBytes[m - 4] == 0xE2 {
                baseCount = m - 4
                possessive = true
            } else if m >= 2, wordBytes[m - 1] == 0x27, wordBytes[m - 2] == 0x73 {
                baseCount = m - 1
                possessive = true
            } else if m >= 4, wordBytes[m - 1] == 0x99, wordBytes[m - 2] == 0x80, wordBytes[m - 3] == 0xE2, wordBytes[m - 4] == 0x73 {
                baseCount = m - 3
                possessive = true
            }
            let baseBytes = UnsafeBufferPointer(rebasing: wordBytes[0..<baseCount])
            if possessive { base = String(decoding: baseBytes, as: UTF8.self) }
            let capital = Scalars.isUpper(head)
            // Letter counts and shape matter for capitalised words only (`isAllCaps`, `isNameLike`).
            var letters = 0
            var lower = false
            var nameLike = true
            var k = capital ? 0 : baseBytes.count
            while k < baseBytes.count {
                let (c, w) = Scalars.decode(baseBytes, k)
                k += w
                if Scalars.isLetter(c) {
                    letters += 1
                    if Scalars.isLower(c) { lower = true }
                } else if c == "-" || c == "'" || c == "’" || c == "." {
                    continue
                } else {
                    nameLike = false
                }
            }
            // Only capitalised words are looked up here; the recognizer asks about the few others it needs.
            var info = WordInfo()
            var baseInfo = info
            var key: String?
            var baseKey: String?
            if capital {
                var ascii = true
                for b in wordBytes where b >= 0x80 {
                    ascii = false
                    break
                }
                if ascii {
                    // `WordInfo.of` for ASCII words, from the bytes at hand.
                    info = WordInfo.asciiTable.find(wordBytes) ?? WordInfo()
                    baseInfo = possessive ? WordInfo.asciiTable.find(baseBytes) ?? WordInfo() : info
                } else {
                    info = WordInfo.of(word, ascii: ascii)
                    baseInfo = possessive ? WordInfo.of(base, ascii: ascii) : info
                }
                key = ascii ? asciiLowercased(wordBytes) : EntityRecognizer.key(word)
                baseKey = possessive ? (ascii ? asciiLowercased(baseBytes) : EntityRecognizer.key(base)) : key
            }
            out.append(Token(
                text: word, base: base, start: start, end: end, possessive: possessive, breaksAfter: breaks,
                isCapitalised: capital, isAllCaps: capital && !lower && letters >= 2, isNameLike: nameLike && capital,
                info: info, baseInfo: baseInfo, key: key, baseKey: baseKey
            ))
        }
        return out
    }

    /// `String(decoding: bytes).lowercased()` for ASCII bytes.
    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (k, b) in bytes.enumerated() { out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            return bytes.count
        }
    }

    static let keptDots: Set<String> = ["Mr", "Ms", "Dr", "St", "Jr", "Sr", "Lt"]

    /// Whether a word's final dot is punctuation rather than part of initials (`U.S.`, `J.`, `Mr.`).
    static func dropsFinalDot(_ word: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let segments = word.split(separator: ".")
            let initials = segments.allSatisfy { $0.count <= 2 } && !segments.isEmpty
            return !initials || segments.count == 1 && segments[0].count == 2 && segments[0].uppercased() != segments[0]
                && !keptDots.contains(String(segments[0]))
        }
        // ASCII: segments between dots, empty ones skipped.
        var segments = 0
        var longest = 0
        var length = 0
        var firstSegment: Range<Int> = 0..<0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x2E {
                if length > 0 {
                    if segments == 0 { firstSegment = (index - length)..<index }
                    segments += 1
                    longest = max(longest, length)
                }
                length = 0
            } else {
                length += 1
            }
        }
        if length > 0 {
            if segments == 0 { firstSegment = (bytes.count - length)..<bytes.count }
            segments += 1
            longest = max(longest, length)
        }
        let initials = longest <= 2 && segments > 0
        if !initials { return true }
        guard segments == 1, firstSegment.count == 2 else { return false }
        let a = bytes[firstSegment.lowerBound]
        let b = bytes[firstSegment.lowerBound + 1]
        let hasLower = (a >= 0x61 && a <= 0x7A) || (b >= 0x61 && b <= 0x7A)
        return hasLower && !keptDots.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[firstSegment]), as: UTF8.self))
    }
}
