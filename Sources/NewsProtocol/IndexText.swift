/// Text as the full-text index reads it. Chinese and Japanese are written without spaces between
/// words, so SQLite's `unicode61` tokenizer would index a whole sentence as one token, and a
/// search for a word inside it would find nothing. The index is given such text one character per
/// token instead — a zero-width space (U+200B, a separator to `unicode61`, invisible if shown) between
/// two consecutive Han, Hiragana or Katakana characters — and a query's words the same way, so
/// that a word of several characters is a phrase of its characters, found wherever it is written.
/// Korean is written with spaces and is left as it is. Soft hyphens (U+00AD), which only say where
/// a word may break (`Mes­sen­ger­diens­te`), are left out, so that the word is one token.
public enum IndexText {
    /// What is put between two characters of a script written without spaces.
    public static let separator: Unicode.Scalar = "\u{200B}"

    /// Whether a character belongs to a script written without spaces between words.
    public static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3005...0x3007,  // 々 〆 〇
            0x3040...0x30FF,  // Hiragana, Katakana
            0x31F0...0x31FF,  // Katakana phonetic extensions
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han and its compatibility forms
            0xFF66...0xFF9F,  // half-width Katakana
            0x20000...0x323AF:  // Han extensions B to H
            return true
        default:
            return false
        }
    }

    /// The text with a separator between every two consecutive characters of such a script and
    /// without soft hyphens; the text itself when it has neither (checked on its bytes first: such
    /// characters are three or four bytes in UTF-8, led by E3–E9, EF or F0; a soft hyphen is C2 AD).
    public static func spaced(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0xE3 && $0 <= 0xF0 || $0 == 0xAD }) else { return text }
        // Then on its characters, before anything is built (`í` and `—` pass the byte check too).
        var needed = false
        var before = false
        for scalar in text.unicodeScalars {
            let unspaced = isUnspaced(scalar)
            if scalar == "\u{AD}" || unspaced && before {
                needed = true
                break
            }
            before = unspaced
        }
        guard needed else { return text }
        var out = String.UnicodeScalarView()
        var previous = false
        var changed = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{AD}" {
                changed = true
                continue
            }
            let unspaced = isUnspaced(scalar)
            if unspaced, previous {
                out.append(separator)
                changed = true
            }
            out.append(scalar)
            previous = unspaced
        }
        return changed ? String(out) : text
    }

    /// How many tokens a word is to the index: one, or one per character of a script written
    /// without spaces (what a query's word limits count).
    public static func tokenCount(_ word: some StringProtocol) -> Int {
        var count = 0
        var inWord = false
        for scalar in word.unicodeScalars {
            if isUnspaced(scalar) {
                count += 1
                inWord = false
            } else if !inWord {
                count += 1
                inWord = true
            }
        }
        return max(count, 1)
    }
}
