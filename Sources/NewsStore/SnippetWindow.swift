import Foundation

/// A search snippet cut from a column that FTS5's `highlight()` marked: the run of `words` words
/// holding the most distinct hits, with `**` around each hit and `…` where text was left out.
///
/// FTS5's own `snippet()` scores every candidate window against every hit, which is quadratic in
/// the hits of a row; a hostile file of one word repeated ten thousand times, searched for with
/// that word, held a reader for minutes (SQLite checks its interrupt only between rows).
/// `highlight()` is one pass over the text and its hits, and so is this.
enum SnippetWindow {
    /// What `highlight()` is asked to put around hits (private-use code points, which no parsed
    /// text is expected to hold; one that does only moves a `**`).
    static let open = "\u{E000}"
    static let close = "\u{E001}"

    /// The snippet, or nil when the text has no hit. Words are separated by ASCII spaces, tabs and
    /// line feeds; the text is read as UTF-8 bytes (the markers are `EE 80 80` and `EE 80 81`), and
    /// only the hits' words and the window's are made into strings.
    static func cut(_ highlighted: String, words count: Int = 16) -> String? {
        var text = highlighted
        return text.withUTF8 { cut(UnsafeRawBufferPointer($0), words: count) }
    }

    /// A hit: the number of its word, and of its key (its distinct word, in any case).
    private struct Hit {
        var word: Int
        var key: Int
    }

    /// The snippet of UTF-8 bytes (as `cut(_:words:)`), e.g. a column as SQLite holds it. Two
    /// passes: the first counts the words and notes the hits, the window is chosen among the hits
    /// alone, the second finds the window's words.
    static func cut(_ bytes: UnsafeRawBufferPointer, words count: Int) -> String? {
        var hits: [Hit] = []
        var keyNumbers: [String: Int] = [:]
        var total = 0
        var scan = Words(bytes)
        while let word = scan.next() {
            if word.touched {
                let key = Self.key(UnsafeRawBufferPointer(rebasing: bytes[word.range]))
                let number = keyNumbers[key] ?? keyNumbers.count
                if number == keyNumbers.count { keyNumbers[key] = number }
                hits.append(Hit(word: total, key: number))
            }
            total += 1
        }
        guard !hits.isEmpty else { return nil }
        let width = min(max(1, count), total)
        // The first window holding the most distinct keys. Their number rises only where a hit
        // comes into the window from the right, so the windows to try start at 0 and wherever a
        // hit is the window's last word.
        var counts = [Int](repeating: 0, count: keyNumbers.count)
        var distinct = 0
        var best = (start: 0, distinct: -1)
        var entering = 0  // hits before it are in or past the window
        var leaving = 0  // hits before it are left of the window
        var tried = -1
        for candidate in [0] + hits.map({ min(max(0, $0.word - width + 1), total - width) }) where candidate > tried {
            tried = candidate
            while entering < hits.count && hits[entering].word < candidate + width {
                counts[hits[entering].key] += 1
                if counts[hits[entering].key] == 1 { distinct += 1 }
                entering += 1
            }
            while leaving < entering && hits[leaving].word < candidate {
                counts[hits[leaving].key] -= 1
                if counts[hits[leaving].key] == 0 { distinct -= 1 }
                leaving += 1
            }
            if distinct > best.distinct { best = (candidate, distinct) }
        }
        let last = best.start + width - 1
        var text = ""
        if best.start > 0 { text += "…" }
        scan = Words(bytes)
        var number = 0
        while let word = scan.next() {
            defer { number += 1 }
            if number < best.start { continue }
            if number == best.start {
                if word.openAtStart { text += "**" }
            } else if !word.joined {
                text += " "
            }
            text += marked(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[word.range]), as: UTF8.self))
            if number == last {
                if word.openAtEnd { text += "**" }
                break
            }
        }
        if last + 1 < total { text += "…" }
        return text
    }

    /// The words of marked text, in order: their bytes, whether a hit is open where they start and
    /// where they end, and whether they are or hold part of a hit.
    private struct Words {
        let bytes: UnsafeRawBufferPointer
        var i = 0
        var inside = false

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        struct Word {
            var range: Range<Int>
            var openAtStart: Bool
            var openAtEnd: Bool
            var touched: Bool
            /// Only the index's zero-width separator (`IndexText`) stands before it: a character of
            /// a sentence written without spaces, joined to the one before it when shown.
            var joined: Bool
        }

        /// The length of the separator at `k`: 1 for an ASCII space, tab or line feed, 3 for the
        /// zero-width space (E2 80 8B), 0 for none.
        private func separator(at k: Int) -> Int {
            let b = bytes[k]
            if b == 0x20 || b == 0x0A || b == 0x09 { return 1 }
            if b == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x8B { return 3 }
            return 0
        }

        mutating func next() -> Word? {
            let n = bytes.count
            var joined = i > 0
            while i < n {
                let length = separator(at: i)
                guard length > 0 else { break }
                if length == 1 { joined = false }
                i += length
            }
            guard i < n else { return nil }
            let start = i
            let startedInside = inside
            var touched = inside
            while i < n && separator(at: i) == 0 {
                if bytes[i] == 0xEE && i + 2 < n && bytes[i + 1] == 0x80 {
                    if bytes[i + 2] == 0x80 {
                        inside = true
                        touched = true
                    } else if bytes[i + 2] == 0x81 {
                        inside = false
                    }
                }
                i += 1
            }
            return Word(range: start..<i, openAtStart: startedInside, openAtEnd: inside, touched: touched, joined: joined)
        }
    }

    /// What makes two hits the same: the word without markers, lower case, without punctuation at
    /// its ends. ASCII words are read byte by byte; others through Foundation.
    static func key(_ word: UnsafeRawBufferPointer) -> String {
        var plain: [UInt8] = []
        plain.reserveCapacity(word.count)
        var i = 0
        while i < word.count {
            let b = word[i]
            if b == 0xEE, i + 2 < word.count, word[i + 1] == 0x80, word[i + 2] == 0x80 || word[i + 2] == 0x81 {
                i += 3
                continue
            }
            guard b < 0x80 else {
                let text = String(decoding: word, as: UTF8.self)
                return stripped(text).lowercased().trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
            }
            plain.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            i += 1
        }
        func isAlphanumeric(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x61...0x7A).contains(b) }
        guard let first = plain.firstIndex(where: isAlphanumeric), let end = plain.lastIndex(where: isAlphanumeric) else {
            return ""
        }
        return String(decoding: plain[first...end], as: UTF8.self)
    }

    /// The text without the markers.
    static func stripped(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" }))
    }

    /// The text with `**` for each marker.
    private static func marked(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{E000}" || $0 == "\u{E001}" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\u{E000}" || scalar == "\u{E001}" {
                out.append("*")
                out.append("*")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
