import Foundation
import Testing
@testable import NewsCore

/// The byte searches the parser uses in place of Foundation's `range(of:)`: the same places on any
/// text, as indices valid in the string a substring comes from.
@Suite struct ByteSearchTests {
    @Test func anASCIILinesAlphanumericsAreItsFoldedKeysLength() {
        let ascii = [
            "Harbour reopens after storm", "AFP: Talks in Geneva - 2015", "", "  --  ", "R2-D2 & C-3PO @ [home]^_`{|}~",
            "\u{01}\u{1A}\u{7F}\t", "By JANE DOE, 04.05.2015",
        ]
        for line in ascii {
            #expect(PageLayout.asciiAlphanumerics(line) == PageLayout.foldKey(line).count, "\(line)")
        }
        for line in ["Zürich talks", "“Quoted”", "日本", "a\u{2009}b"] {
            #expect(PageLayout.asciiAlphanumerics(line) == nil, "\(line)")
        }
    }

    /// `firstOffset(of:in:)` finds what Foundation's literal search finds, in a whole text and from
    /// any start within it (a rebased slice, as `hasWord(startingWith:)` searches on).
    @Test func firstOffsetIsFoundationsLiteralSearch() {
        for line in ["follow us, follow @site", "é é é", "aaa", "日本 subscribe 日本", "ab ab"] {
            for needle in ["follow", "é", "a", "aa", "subscribe", "ab", "x"] {
                let hay = Array(line.utf8)
                for from in 0..<hay.count {
                    let found = hay.withUnsafeBufferPointer { h in
                        Array(needle.utf8).withUnsafeBufferPointer {
                            String.firstOffset(of: $0, in: UnsafeBufferPointer(rebasing: h[from...]))
                        }
                    }
                    let rest = String(decoding: hay[from...], as: UTF8.self)
                    let theirs = rest.range(of: needle, options: .literal).map {
                        rest.utf8.distance(from: rest.startIndex, to: $0.lowerBound)
                    }
                    // A slice starting inside a scalar decodes to other text: compared only at scalar starts.
                    if hay[from] & 0xC0 != 0x80 { #expect(found == theirs, "\(line) / \(needle) / \(from)") }
                }
            }
        }
    }

    /// The first look at a line: its first two bytes, either case, after white space, open one of
    /// the openings, or the line is passed over.
    @Test func openingPairsLetThroughOnlyTheirFirstTwoLetters() {
        let pairs = OpeningPairs(["author: ", "posted by", "é", "Überschrift"])
        for line in ["Author: Jane Doe", "AUTHOR", "  posted by x", "Posted", "él", "Écrit", "überschrift", "ÜBERSCHRIFT"] {
            #expect(pairs.mayOpen(line.utf8), "\(line)")
        }
        for line in ["Ahead", "Paris", "", " ", "a", "Ober"] {
            #expect(!pairs.mayOpen(line.utf8), "\(line)")
        }
    }

    @Test func findsWhatFoundationFindsForwardAndBackward() {
        let lines = [
            "By Jane Doe | May 2, 2015 | The Daily Example", "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger",
            "“Quoted” — by the café’s owner | Zürich | ", " | ", "no separator here", "", "||| | |", "é | é | é",
        ]
        for line in lines {
            for needle in [" | ", " by ", "é", "é | ", "Example", "x"] {
                for backwards in [false, true] {
                    let ours = line.utf8Range(of: needle, backwards: backwards)
                    let theirs = line.range(of: needle, options: backwards ? [.backwards, .literal] : [.literal])
                    #expect(ours == theirs, "\(line) / \(needle) / \(backwards)")
                }
            }
        }
    }

    @Test func cutsWhereFoundationCuts() {
        let titles = [
            "Headline - Site", "Site | Section | Headline", "a - b - c", " - ", "- lead", "trail - ", "", "no cut",
            "AFP: Headline: more", "é - é – é | x", "Über: „Zitat“ - Zürich", "x -  - y", "日本 - 新闻 | 网",
        ]
        for title in titles {
            for separator in [" - ", " | ", ": ", " – ", "-", "x"] {
                #expect(title.parts(separatedBy: separator).map(String.init) == title.components(separatedBy: separator), "\(title) / \(separator)")
            }
        }
    }

    /// The trims that take the place of Foundation's `trimmingCharacters(in:)` for punctuation and
    /// blanks keep what it keeps, on strings drawn from punctuation of many scripts, symbols that are
    /// no punctuation, spaces of every width, marks that combine and letters.
    @Test func trimsWhatFoundationTrims() {
        let alphabet: [String] = [
            "a", "Z", "é", "e\u{301}", "ß", "日", "я", "1", " ", "\t", "\n", "\u{A0}", "\u{2003}", "\u{3000}", ".", ",", ":",
            "!", "?", "'", "\"", "-", "_", "(", ")", "[", "]", "{", "}", "@", "#", "%", "&", "*", "/", "\\", "$", "+", "<",
            "=", ">", "^", "`", "|", "~", "«", "»", "“", "”", "„", "‘", "’", "–", "—", "…", "·", "•", "。", "、", "「", "」",
            "¿", "¡", "§", "©", "€", "\u{301}", "\u{200B}", "🙂", "🇩🇪",
        ]
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<4000 {
            let text = (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(String(Substring(text).trimmingPunctuation()) == text.trimmingCharacters(in: .punctuationCharacters), "\(text.debugDescription)")
            #expect(String(Substring(text).trimmingBlanks()) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func aSubstringsRangeIsInItsBaseString() {
        let text = "Héadline – Site | By Jane Doe | 2 May"
        let tail = text[text.utf8Range(of: "Site")!.lowerBound...]
        let bar = tail.utf8Range(of: " | ")!
        #expect(String(tail[..<bar.lowerBound]) == "Site")
        #expect(String(text[bar.upperBound...]) == "By Jane Doe | 2 May")
        let last = tail.utf8Range(of: " | ", backwards: true)!
        #expect(String(text[last.upperBound...]) == "2 May")
        #expect(tail.utf8Range(of: "Héadline") == nil)
        #expect(tail.utf8Range(of: "") == nil)
        #expect("ab".utf8Range(of: "abc") == nil)
    }

    /// Texts made of the pieces that decide where characters end: ASCII, CR LF, combining marks
    /// after ASCII letters, precomposed and two-byte letters, emoji, the Kelvin sign.
    static func generatedTexts(_ count: Int) -> [String] {
        let pieces = ["a", "B", " ", "\r", "\n", "\r\n", "e\u{301}", "\u{301}", "é", "ß", "K", "\u{212A}", "👍🏽", ":", "by", "http", ".com", "@", "|"]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func characterPrefixIsPrefix() {
        for text in Self.generatedTexts(3000) {
            for count in [0, 1, 2, 5, 16, 20, 31, 48] {
                #expect(text.characterPrefix(count) == text.prefix(count), "\(text.debugDescription) / \(count)")
                #expect(text.characterPrefix(count).endIndex == text.prefix(count).endIndex)
            }
        }
    }

    @Test func needlesInOnePassAsOneByOne() {
        let needles = ByteNeedles(LineFeatures.boilerWords.map(\.description) + ["http", "www.", ".com", "@", "é", "K"])
        let words = LineFeatures.boilerWords.map(\.description) + ["http", "www.", ".com", "@", "é", "K"]
        var texts = Self.generatedTexts(3000)
        texts += ["cookie", "xcookiex", "cooki", "sign i", "sign in", "©", "\u{A9}2020", "", "log", "log in", "read mor"]
        for text in texts {
            #expect(text.containsAny(of: needles) == words.contains { text.utf8Range(of: $0) != nil }, "\(text.debugDescription)")
        }
        #expect(!"anything".containsAny(of: ByteNeedles([])))
    }

    /// Splitting at spaces on the bytes gives the pieces `split(separator:maxSplits:)` gives, for any
    /// runs of spaces and any limit, as slices of the same text.
    @Test func spaceSeparatedIsSplitAtSpaces() {
        let texts = ["", " ", "   ", "one", " one", "one ", "  one  two   three ", "Jane Doe 12 May 2024 Updated",
            "Zoë  Müller\tvon 5 Min.", "日本 語  テキスト", "a b c d e f", "By  Jane   Doe ", "no-space-here"]
        for text in texts {
            let line = Substring("«" + text + "»").dropFirst().dropLast()
            for limit in [0, 1, 2, 3, 4, Int.max] {
                let bytes = line.spaceSeparated(maxSplits: limit)
                let characters = line.split(separator: " ", maxSplits: limit)
                #expect(bytes == characters, "\(text.debugDescription) \(limit)")
                #expect(bytes.map(\.startIndex) == characters.map(\.startIndex), "\(text.debugDescription) \(limit)")
            }
        }
    }

    @Test func germanRolesByBytesAsByCharacters() {
        let words = ["chefredakteur", "redakteurin", "autor", "autorin", "volontär", "volontärin", "volontar", "tor", "", "r",
            "praktikant", "korrespondentin", "leiter", "bauleiter", "xautor", "autorx", "vorsitzende", "volonta\u{308}r"]
        for word in words {
            #expect(Byline.isGermanRole(word) == Byline.germanRoleEndings.contains(where: word.hasSuffix), "\(word)")
        }
        #expect(Byline.isGermanRole("chefredakteurin"))
        #expect(!Byline.isGermanRole("redaktion"))
    }

    @Test func aLineEndingWithAnOpening() {
        for line in ["By", "by:", "Written by", "Written on Mar 17 by", "Autor :", "Kommentar von", "Text", "Text:", "Supported by",
            "Presented by", "Veröffentlicht von", "A long line that says nothing of an opening at all"]
        {
            let expected = ["By", "by:", "Written by", "Written on Mar 17 by", "Autor :", "Kommentar von", "Veröffentlicht von"].contains(line)
            #expect(PageLayout.endsWithOpening(line) == expected, "\(line)")
        }
        // Kelvin signs (three bytes) lower-case to `k`: 58 of them and ` by` (177 bytes) lower-case
        // to 61 bytes, too long for an opening's line; 61 (186 bytes) the length bound turns away
        // before lower-casing; 20 (63 bytes) lower-case to 23 bytes that end with ` by`.
        #expect(!PageLayout.endsWithOpening(String(repeating: "\u{212A}", count: 58) + " by"))
        #expect(!PageLayout.endsWithOpening(String(repeating: "\u{212A}", count: 61) + " by"))
        #expect(PageLayout.endsWithOpening(String(repeating: "\u{212A}", count: 20) + " by"))
    }
}
