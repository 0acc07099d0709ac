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

    private struct Word {
        var text: Substring
        /// The word is inside a hit, or holds part of one.
        var hit: Bool
        /// The hit's word, lower-cased and without the punctuation around it, for counting distinct hits.
        var key: Substring?
        /// A hit is open when the word starts (it began at an earlier word).
        var openAtStart: Bool
        /// A hit is still open when the word ends.
        var openAtEnd: Bool
    }

    /// The snippet, or nil when the text has no hit.
    static func cut(_ highlighted: String, words count: Int = 16) -> String? {
        let openScalar = open.unicodeScalars.first!
        let closeScalar = close.unicodeScalars.first!
        var words: [Word] = []
        var inside = false
        var anyHit = false
        for piece in highlighted.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let startedInside = inside
            var touched = inside
            for scalar in piece.unicodeScalars {
                if scalar == openScalar {
                    inside = true
                    touched = true
                } else if scalar == closeScalar {
                    inside = false
                }
            }
            anyHit = anyHit || touched
            let key = touched
                ? Substring(stripped(piece).lowercased().trimmingCharacters(in: CharacterSet.alphanumerics.inverted))
                : nil
            words.append(Word(text: piece, hit: touched, key: key, openAtStart: startedInside, openAtEnd: inside))
        }
        guard anyHit, !words.isEmpty else { return nil }
        let width = min(max(1, count), words.count)
        // Sliding window: distinct hit keys inside it, best first window.
        var counts: [Substring: Int] = [:]
        var distinct = 0
        func add(_ i: Int) {
            guard let key = words[i].key else { return }
            counts[key, default: 0] += 1
            if counts[key] == 1 { distinct += 1 }
        }
        func remove(_ i: Int) {
            guard let key = words[i].key else { return }
            counts[key]! -= 1
            if counts[key] == 0 { distinct -= 1 }
        }
        for i in 0..<width { add(i) }
        var best = (start: 0, distinct: distinct)
        if width < words.count {
            for start in 1...(words.count - width) {
                remove(start - 1)
                add(start + width - 1)
                if distinct > best.distinct { best = (start, distinct) }
            }
        }
        let window = words[best.start..<(best.start + width)]
        var text = window.map { marked($0.text) }.joined(separator: " ")
        if window.first!.openAtStart { text = "**" + text }
        if window.last!.openAtEnd { text += "**" }
        if best.start > 0 { text = "…" + text }
        if best.start + width < words.count { text += "…" }
        return text
    }

    /// The text without the markers.
    static func stripped(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" }))
    }

    private static func marked(_ text: Substring) -> String {
        text.replacingOccurrences(of: open, with: "**").replacingOccurrences(of: close, with: "**")
    }
}
