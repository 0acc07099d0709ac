import Foundation
import NewsCore
import Testing

@testable import NewsWorker

/// The binary form a worker's reply takes to the daemon: everything arrives, and bytes a
/// taken-over worker could send are errors, never traps.
@Suite struct ReplyWireTests {
    /// An article with every field set to something other than its default.
    static let full = Article(
        title: "Talks resume in Geneva", source: "Reuters", url: "https://example.com/a?b=c", authors: ["Ann Lee", "Bo Chen"],
        published: "2025-05-19T16:13:00Z", updated: "2025-05-20", summary: ["First point", "Second point"],
        subheadings: ["What next?"], body: ["Diplomats met on Monday.", "", "“Quotes” and émojis 🙂 survive."],
        captions: ["FILE PHOTO: a hall. REUTERS/Name"],
        embeddedPosts: [.init(author: "The White House", handle: "WhiteHouse", date: "May 19, 2025", text: "Post"),
                        .init(author: nil, handle: nil, date: nil, text: "Anonymous post")],
        kind: .live, people: ["Donald Trump"], places: ["Geneva"], organisations: ["NATO"],
        quotes: [.init(speaker: "Donald Trump", text: "It went very well"), .init(speaker: nil, text: "Unattributed")],
        language: "en", wordCount: 1234, contentHash: String(repeating: "ab", count: 32))

    static let reply = ParseReply(offset: 987_654_321_012, articles: [full, Article(title: "Second")])

    @Test func everyFieldArrives() throws {
        #expect(try ReplyWire.decode(ReplyWire.encode(Self.reply)) == Self.reply)
        let failed = ParseReply(offset: 0, articles: [], error: ParseError(.invalidJSON, "line 3: ünexpected"))
        #expect(try ReplyWire.decode(ReplyWire.encode(failed)) == failed)
    }

    @Test(arguments: [
        ParseRequest(format: .text, size: 1234),
        ParseRequest(format: .jsonLines, size: 1 << 40, testFault: "crash"),
    ])
    func requestsArriveWhole(request: ParseRequest) throws {
        #expect(try ReplyWire.decodeRequest(ReplyWire.encode(request)) == request)
        let bytes = ReplyWire.encode(request)
        for length in 0..<bytes.count {
            #expect(throws: FrameError.self) { try ReplyWire.decodeRequest(bytes.prefix(length)) }
        }
    }

    /// The layout writes each stored property by hand: a field added to `Article` (or to a post or a
    /// quote) must be added to it, or this fails.
    @Test func theLayoutCoversEveryStoredProperty() {
        #expect(Mirror(reflecting: Article()).children.count == ReplyWire.articleFields)
        #expect(Mirror(reflecting: Self.full.embeddedPosts[0]).children.count == 4)
        #expect(Mirror(reflecting: Self.full.quotes[0]).children.count == 2)
    }

    @Test func everyTruncationIsAnError() throws {
        let bytes = ReplyWire.encode(Self.reply)
        for length in 0..<bytes.count {
            #expect(throws: FrameError.self) { try ReplyWire.decode(bytes.prefix(length)) }
        }
    }

    @Test func trailingBytesAreAnError() {
        var bytes = ReplyWire.encode(Self.reply)
        bytes.append(0)
        #expect(throws: FrameError.self) { try ReplyWire.decode(bytes) }
    }

    @Test(arguments: [
        // offset, no error, then a list of 4 billion articles in 0 bytes
        Data([0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]),
        // an optional tag that is neither 0 nor 1
        Data([0, 0, 0, 0, 0, 0, 0, 0, 7]),
        // an error code newsd does not know
        Data([0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0, 0, 0]) + Data("bad".utf8) + Data([0, 0, 0, 0, 0, 0, 0, 0]),
        // a string that is not UTF-8 (the error code)
        Data([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0xC3, 0x28, 0, 0, 0, 0, 0, 0, 0, 0]),
        // an error code longer than the reply
        Data([0, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0x7F, 1]),
    ])
    func forgedRepliesAreErrors(bytes: Data) {
        #expect(throws: FrameError.self) { try ReplyWire.decode(bytes) }
    }

    @Test func anUnknownArticleKindIsAnError() throws {
        let good = ReplyWire.encode(ParseReply(offset: 1, articles: [Article(kind: .live)]))
        let live = Data("\u{4}\u{0}\u{0}\u{0}live".utf8)
        let range = try #require(good.range(of: live))
        var bad = good
        bad.replaceSubrange(range, with: Data("\u{4}\u{0}\u{0}\u{0}dead".utf8))
        #expect(throws: FrameError.self) { try ReplyWire.decode(bad) }
    }

    @Test func randomDamageNeverTraps() {
        let bytes = [UInt8](ReplyWire.encode(Self.reply))
        var rng = UInt64(0x9E37_79B9_7F4A_7C15)
        var refused = 0
        for _ in 0..<2000 {
            var damaged = bytes
            for _ in 0..<3 {
                rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                damaged[Int(rng >> 33) % damaged.count] = UInt8(truncatingIfNeeded: rng >> 17)
            }
            // Either a reply or an error, never a trap.
            if (try? ReplyWire.decode(Data(damaged))) == nil { refused += 1 }
        }
        #expect(refused > 0)
    }
}
