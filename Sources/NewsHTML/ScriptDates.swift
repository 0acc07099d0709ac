import Glibc
import NewsCore

/// The publication date a page states only in its scripts' data: sites built on JavaScript
/// frameworks put the article's fields in a JSON state object (`__NEXT_DATA__`, `window.__INITIAL_STATE__`)
/// rather than in JSON-LD or meta tags: `"datePublished":"2020-04-28T06:00:00Z"`,
/// `"publishedAt":"…"`. The first such key followed by an ISO 8601 date is read, from the page's
/// text as it was before scripts were taken out for the parser; it is the last resort, after the
/// metadata, the dates the page prints and the day in its address.
enum ScriptDates {
    /// Keys that name an article's publication in such objects (quoted, as JSON writes them).
    static let keys = [
        "datePublished", "publishedAt", "published_at", "publishDate", "publish_date", "firstPublishedAt",
        "first_published_at", "pubDate", "date_published", "publishedDate", "published_date", "publicationDate",
        "publication_date",
    ].map { Array("\"\($0)\"".utf8) }

    /// How far into a page the keys are looked for (a state object can be megabytes; the article's
    /// own fields come early).
    static let reach = 4 << 20

    /// The publication date in the article's form (an instant in UTC, or a day), or nil.
    static func find(in text: [UInt8]) -> String? {
        let end = min(text.count, reach)
        return text.withUnsafeBufferPointer { bytes -> String? in
            // Every key opens with a quote then a letter among `d`, `p`, `f`: the quotes found by
            // `memchr`, the keys compared after those only.
            guard let base = bytes.baseAddress else { return nil }
            var i = 0
            while i < end, let hit = memchr(base + i, 0x22, end - i) {
                let quote = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                i = quote + 1
                guard i < end, bytes[i] == 0x64 || bytes[i] == 0x70 || bytes[i] == 0x66 else { continue }
                for key in keys where quote + key.count <= end && bytes[quote..<(quote + key.count)].elementsEqual(key) {
                    if let date = value(in: text, after: quote + key.count, end: end) { return date }
                }
            }
            return nil
        }
    }

    /// The ISO 8601 date in `"…"` after a key's colon (spaces allowed around it), or nil.
    static func value(in text: [UInt8], after start: Int, end: Int) -> String? {
        var j = start
        while j < end, text[j] == 0x20 { j += 1 }
        guard j < end, text[j] == 0x3A else { return nil }
        j += 1
        while j < end, text[j] == 0x20 { j += 1 }
        guard j < end, text[j] == 0x22 else { return nil }
        j += 1
        var k = j
        while k < end, k - j < 40, text[k] != 0x22 { k += 1 }
        guard k < end, text[k] == 0x22, k - j >= 10 else { return nil }
        let raw = text[j..<k]
        // `YYYY-MM-DD` first: a number or a word is no date here.
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ raw[j + $0] >= 0x30 && raw[j + $0] <= 0x39 }), raw[j + 4] == 0x2D, raw[j + 7] == 0x2D else {
            return nil
        }
        return PageArticle.date(String(decoding: raw, as: UTF8.self))
    }
}
