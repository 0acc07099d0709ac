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
        return text.withUTF8 { cut($0, words: count) }
    }

    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, words count: Int) -> String? {
        // Per word: its bytes, whether a hit is open where it starts and where it ends, and for a
        // word inside or holding a hit, the number of its hit key (distinct hit words).
        var starts: [Int] = []
        var ends: [Int] = []
        var openAtStart: [Bool] = []
        var openAtEnd: [Bool] = []
        var keyOf: [Int] = []
        var keyNumbers: [String: Int] = [:]
        var inside = false
        var i = 0
        let n = bytes.count
        func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }
        while i < n {
            while i < n && isSeparator(bytes[i]) { i += 1 }
            if i >= n { break }
            let start = i
            let startedInside = inside
            var touched = inside
            while i < n && !isSeparator(bytes[i]) {
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
            var key = -1
            if touched {
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                let text = stripped(word).lowercased().trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
                if let known = keyNumbers[text] {
                    key = known
                } else {
                    key = keyNumbers.count
                    keyNumbers[text] = key
                }
            }
            starts.append(start)
            ends.append(i)
            openAtStart.append(startedInside)
            openAtEnd.append(inside)
            keyOf.append(key)
        }
        guard !keyNumbers.isEmpty else { return nil }
        let total = starts.count
        let width = min(max(1, count), total)
        // Sliding window: distinct hit keys inside it, best first window.
        var counts = [Int](repeating: 0, count: keyNumbers.count)
        var distinct = 0
        func add(_ w: Int) {
            let key = keyOf[w]
            guard key >= 0 else { return }
            counts[key] += 1
            if counts[key] == 1 { distinct += 1 }
        }
        func remove(_ w: Int) {
            let key = keyOf[w]
            guard key >= 0 else { return }
            counts[key] -= 1
            if counts[key] == 0 { distinct -= 1 }
        }
        for w in 0..<width { add(w) }
        var best = (start: 0, distinct: distinct)
        if width < total {
            for start in 1...(total - width) {
                remove(start - 1)
                add(start + width - 1)
                if distinct > best.distinct { best = (start, distinct) }
            }
        }
        let last = best.start + width - 1
        var text = ""
        if best.start > 0 { text += "…" }
        if openAtStart[best.start] { text += "**" }
        for w in best.start...last {
            if w > best.start { text += " " }
            text += marked(String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[w]..<ends[w]]), as: UTF8.self))
        }
        if openAtEnd[last] { text += "**" }
        if last + 1 < total { text += "…" }
        return text
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
