import Foundation
import NewsCore

/// What story linking needs of one article: the weighted words of its title and lead and the
/// people, places and organisations it names (as terms of the same vector), and its time. Made on
/// the parsing thread (`StoredArticle`), from fields at hand, in one pass over each text's scalars.
package struct StoryFeatures: Sendable, Equatable {
    /// Hashed words of the title (counted twice) and the lead, and hashed entity names, with counts.
    package var terms: [UInt64: Double]
    /// Seconds since the epoch of the publication time; for an article that does not say, of the
    /// latest full date its body, photo captions or embedded posts mention (`May 19, 2025`,
    /// `19 May 2025`); nil when there is none.
    package var time: Int64?

    /// Creates features (tests).
    package init(terms: [UInt64: Double], time: Int64?) {
        self.terms = terms
        self.time = time
    }

    /// How many paragraphs of the body make the lead.
    static let leadParagraphs = 3

    /// The features of an article's title, summary, lead paragraphs and entities.
    package init(
        title: String?, summary: [String], body: [String], mentions: [String] = [], entities: [String],
        published: String?
    ) {
        var terms: [UInt64: Double] = [:]
        StoryText.forEachTerm(in: title ?? "") { terms[$0, default: 0] += 2 }
        for text in summary.prefix(2) + body.prefix(Self.leadParagraphs) {
            StoryText.forEachTerm(in: text) { terms[$0, default: 0] += 1 }
        }
        for entity in entities { terms[StoryText.entityHash(entity), default: 0] += 1 }
        self.terms = terms
        self.time = published.flatMap(StoryText.seconds) ?? StoryText.latestMentionedDate(in: body + mentions)
    }
}

/// The words of a text as story linking sees them: runs of letters and digits (combining marks stay
/// inside a word), lowercased, hashed. No `String` is made per word.
enum StoryText {
    /// One word of a text.
    struct Word {
        /// FNV-1a of the lowercased scalars, finalised.
        var hash: UInt64
        /// Scalars in the word.
        var length: Int
        /// Its value when every scalar is an ASCII digit (at most 9 of them), else nil.
        var number: Int?
    }

    /// Calls `body` for each word of `text`.
    @inline(__always)
    static func forEachWord(in text: String, _ body: (Word) -> Void) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var length = 0
        var number = 0
        var digitsOnly = true
        func end() {
            guard length > 0 else { return }
            body(Word(hash: NearDuplicates.mix(h), length: length, number: digitsOnly && length <= 9 ? number : nil))
            h = 0xCBF2_9CE4_8422_2325
            length = 0
            number = 0
            digitsOnly = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x30 && value <= 0x39 {
                    number = number &* 10 &+ Int(value - 0x30)
                } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) {
                    digitsOnly = false
                } else {
                    end()
                    continue
                }
                let lower = value >= 0x41 && value <= 0x5A ? value | 0x20 : value
                h = (h ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                length += 1
                continue
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // A combining accent belongs to the letter before it; alone it is no word.
                if length > 0 { h = (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
                continue
            default:
                break
            }
            guard properties.isAlphabetic || properties.numericType != nil else {
                end()
                continue
            }
            digitsOnly = false
            if properties.changesWhenLowercased {
                for lower in properties.lowercaseMapping.unicodeScalars {
                    h = (h ^ UInt64(lower.value)) &* 0x0000_0100_0000_01B3
                }
            } else {
                h = (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3
            }
            length += 1
        }
        end()
    }

    /// Calls `body` with the hash of each word worth comparing: at least three long, no stop word.
    @inline(__always)
    static func forEachTerm(in text: String, _ body: (UInt64) -> Void) {
        forEachWord(in: text) { word in
            if word.length >= 3 && !stopWords.contains(word.hash) { body(word.hash) }
        }
    }

    /// The hash of one word, as `forEachWord` makes it (of the last word, given several): for the
    /// tables below and tests.
    static func hash(_ text: String) -> UInt64 {
        var result: UInt64 = 0
        forEachWord(in: text) { result = $0.hash }
        return result
    }

    /// A term for a named entity, apart from the words: `entity:` and its lowercased name.
    static func entityHash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in "entity:".utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        for scalar in name.lowercased().unicodeScalars { h = (h ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3 }
        return NearDuplicates.mix(h)
    }

    /// Words that say little about a story, as hashes.
    static let stopWords: Set<UInt64> = Set(
        """
        the and for that with was were are has have had his her its this from but not they their them been
        will would said says say also after about over into more than who what when where which while there
        than other some such only just like could should being our out new one two three can may might
        all any most many much very before since during under against between both each few those these
        she him you your yours off per via upon onto then once here why how because did does doing done
        """.split(whereSeparator: \.isWhitespace).map { hash(String($0)) })

    /// Month names by the hash of the name (January is 1).
    static let months: [UInt64: Int] = Dictionary(
        uniqueKeysWithValues: [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ].enumerated().map { (hash($0.element), $0.offset + 1) })

    /// Seconds since the epoch of the latest full date (`May 19, 2025`, `19 May 2025`) a text
    /// mentions, nil when it mentions none: the best guess of an undated article's time (a report
    /// rarely names a later day than its own).
    static func latestMentionedDate(in paragraphs: [String]) -> Int64? {
        var latest: Int64?
        var words: [Word] = []
        for paragraph in paragraphs where paragraph.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            words.removeAll(keepingCapacity: true)
            forEachWord(in: paragraph) { words.append($0) }
            for (i, word) in words.enumerated() {
                guard word.number == nil, let month = months[word.hash] else { continue }
                var day: Int?
                var year: Int?
                // `May 19, 2025`, else `19 May 2025`.
                if i + 2 < words.count, let d = words[i + 1].number, let y = words[i + 2].number {
                    (day, year) = (d, y)
                } else if i >= 1, i + 1 < words.count, let d = words[i - 1].number, let y = words[i + 1].number {
                    (day, year) = (d, y)
                }
                guard let day, let year, (1...31).contains(day), (1900...2200).contains(year) else { continue }
                let t = Int64(CivilTime.epochSeconds(year, month, day, 0, 0, 0))
                if t > (latest ?? .min) { latest = t }
            }
        }
        return latest
    }

    /// Seconds since the epoch of a stored `published` value (`2025-05-19T16:13:00Z` or a day).
    static func seconds(_ published: String) -> Int64? {
        CivilTime.seconds(ofStored: published).map(Int64.init)
    }
}
