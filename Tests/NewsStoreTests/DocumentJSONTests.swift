import Foundation
import NewsCore
import Testing

@testable import NewsStore

/// The stored document written by hand is byte for byte what `JSONEncoder` wrote before it, so a
/// re-parse of an unchanged file still compares equal to its stored row (no new revision).
@Suite struct DocumentJSONTests {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func viaCodable(_ article: Article) throws -> Data {
        var rest = article
        rest.body = []
        return try encoder.encode(rest)
    }

    /// Every control character, quotes, backslashes, slashes, non-ASCII and astral scalars.
    static let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "\"quoted\" back\\slash a/b/c é ü “curly” 🙂 \u{2028}\u{2029}\u{7F} \u{FEFF}"

    static let articles: [Article] = [
        Article(),
        Article(
            title: awkward, source: "Reuters", url: "https://example.com/a?b=c&d=e", authors: ["Ann Lee", awkward],
            published: "2025-05-19T16:13:00Z", updated: "2025-05-20", summary: ["One", awkward], subheadings: ["What next?"],
            body: ["Body is not in the document."], captions: [awkward],
            embeddedPosts: [.init(author: "The White House", handle: "WhiteHouse", date: "May 19, 2025", text: awkward),
                            .init(author: nil, handle: "x", date: nil, text: "t"), .init(author: nil, handle: nil, date: nil, text: "")],
            kind: .live, people: ["Donald Trump", "Vladimir Putin"], places: ["Geneva"], organisations: ["NATO"],
            quotes: [.init(speaker: "Donald Trump", text: awkward), .init(speaker: nil, text: "Unattributed")],
            language: "en", wordCount: 1_234_567, contentHash: String(repeating: "ab", count: 32)),
    ]

    @Test(arguments: articles)
    func sameBytesAsJSONEncoder(article: Article) throws {
        #expect(DocumentJSON.encode(article) == (try Self.viaCodable(article)))
    }

    @Test func theSeedsGiveTheSameBytesAsJSONEncoder() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count == 5)
        for name in names {
            var parser = ArticleParser(format: .text)
            try parser.consume([UInt8](try Data(contentsOf: seeds.appendingPathComponent(name))))
            for article in try parser.articles() {
                #expect(DocumentJSON.encode(article) == (try Self.viaCodable(article)), "\(name)")
            }
        }
    }

    /// Written field by field: a field added to `Article` must be added to the document, or this fails.
    @Test func theDocumentCoversEveryStoredProperty() {
        #expect(Mirror(reflecting: Article()).children.count == DocumentJSON.articleFields)
    }

    @Test func theDocumentReadsBackAsTheArticleWithoutItsBody() throws {
        let article = Self.articles[1]
        var expected = article
        expected.body = []
        #expect(try JSONDecoder().decode(Article.self, from: DocumentJSON.encode(article)) == expected)
    }
}
