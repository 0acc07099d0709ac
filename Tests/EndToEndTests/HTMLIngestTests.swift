import Foundation
import Glibc
import Testing

/// Saved web pages through the real daemon: an `.html` file and a `.txt` that is really a page
/// become articles with their metadata, a page saved again is the next revision, and a hostile page
/// never takes the daemon down.
@Suite(.serialized)
struct HTMLIngestTests {
    static func page(headline: String, marker: String, updates: Int = 0) -> Data {
        let entries = (0..<updates).map { n in
            #"{"@type":"BlogPosting","headline":"Update \#(n)","articleBody":"Entry \#(n) of the live page, item \#(marker)."}"#
        }.joined(separator: ",")
        let type = updates > 0 ? "LiveBlogPosting" : "NewsArticle"
        return Data(
            """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(headline) | Example News</title>
            <link rel="canonical" href="https://news.example.com/world/\(marker)">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"\(type)","headline":"\(headline)",
            "author":[{"@type":"Person","name":"Jane Doe"}],"datePublished":"2025-05-19T10:00:00+01:00",
            "liveBlogUpdate":[\(entries)]}</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>\(headline)</h1>
            <p>The committee said on Tuesday that item \(marker) would be published after the vote in the chamber.</p>
            <p>Members of the committee met for four hours behind closed doors before the announcement was made.</p>
            </article><footer>© Example News</footer></body></html>
            """.utf8)
    }

    @Test func anHTMLFileBecomesAnArticleWithItsMetadata() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("page.html", Self.page(headline: "Committee delays the vote", marker: "h1page"))
        let file = try daemon.waitFile("page.html") { $0["state"] as? String == "ingested" }
        let id = try #require(file["article_id"] as? Int)
        let shown = try daemon.show(id)
        #expect(shown["title"] as? String == "Committee delays the vote")
        #expect(shown["url"] as? String == "https://news.example.com/world/h1page")
        #expect(shown["authors"] as? [String] == ["Jane Doe"])
        #expect(shown["published"] as? String == "2025-05-19T09:00:00Z")
        let body = shown["body"] as? [String] ?? []
        #expect(body.first?.contains("h1page") == true)
        #expect(!body.contains { $0.contains("Home") || $0.contains("©") })
        let human = try daemon.ctl("show", "\(id)")
        #expect(human.stdout.contains("https://news.example.com/world/h1page"))
    }

    @Test func aTextFileThatIsAPageIsReadAsHTML() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("saved.txt", Self.page(headline: "Bridge reopens after repairs", marker: "t1page"))
        let file = try daemon.waitFile("saved.txt") { $0["state"] as? String == "ingested" }
        let shown = try daemon.show(try #require(file["article_id"] as? Int))
        #expect(shown["title"] as? String == "Bridge reopens after repairs")
        #expect(!(shown["body"] as? [String] ?? []).contains { $0.contains("<") })
    }

    @Test func aLivePageSavedAgainIsTheNextRevision() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("live.html", Self.page(headline: "Election night live", marker: "l1", updates: 2))
        let first = try daemon.waitFile("live.html") { $0["state"] as? String == "ingested" }
        let id = try #require(first["article_id"] as? Int)
        #expect(try daemon.show(id)["kind"] as? String == "live")
        try daemon.dropCarelessly("live.html", Self.page(headline: "Election night live", marker: "l1", updates: 3))
        let shown = try daemon.waitShow(id) { ($0["revision"] as? Int) == 2 }
        // Three updates, each under its headline.
        #expect((shown["body"] as? [String])?.count == 6)
        #expect(shown["subheadings"] as? [String] == ["Update 0", "Update 1", "Update 2"])
        #expect(try daemon.articleCount() == 1)
    }

    @Test func hostilePagesNeverStopTheDaemon() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        try daemon.dropCarefully("deep.html", Data((String(repeating: "<div>", count: 100_000) + "Deep words of a page.").utf8))
        try daemon.dropCarefully("script.html", Data("<html><script>while(1){}</script></html>".utf8))
        try daemon.dropCarefully("binary.html", Data([0x3C, 0x68] + [UInt8](repeating: 0, count: 4096)))
        try daemon.dropCarefully("after.html", Self.page(headline: "Still ingesting", marker: "a1page"))
        let after = try daemon.waitFile("after.html") { $0["state"] as? String == "ingested" }
        #expect(after["article_id"] != nil)
        #expect(try daemon.waitFile("deep.html") { $0["state"] as? String == "ingested" }["article_id"] != nil)
        #expect(try daemon.waitFile("binary.html") { $0["state"] as? String == "failed" }["state"] as? String == "failed")
        #expect(try daemon.fileStatus("script.html")["state"] as? String != "failed")
        #expect(try daemon.status()["state"] as? String != nil)
    }
}
