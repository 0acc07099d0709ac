import Foundation
import Glibc
import Testing

/// Duplicates, near-duplicates and stories through the built newsd and newsctl.
@Suite("duplicates and stories end to end")
struct DuplicateTests {
    static func seed(_ prefix: String) throws -> URL {
        try #require(Binaries.seedFiles.first { $0.lastPathComponent.hasPrefix(prefix) })
    }

    static func show(_ daemon: DaemonUnderTest, _ id: Int) throws -> [String: Any] {
        let r = try daemon.ctl("--json", "show", String(id))
        #expect(r.status == 0, "show \(id): \(r.stderr)")
        return try #require(try r.json() as? [String: Any])
    }

    /// The article id of a file, by its path in the inbox.
    static func articleID(_ daemon: DaemonUnderTest, _ name: String) throws -> Int {
        let r = try daemon.ctl("--json", "status", name)
        let file = try #require(try r.json() as? [String: Any])
        return try #require(file["article_id"] as? Int, "no article for \(name): \(r.stdout)")
    }

    @Test("the seeds are two stories; an exact copy has duplicate_of; seed 003 plus a paragraph is a near-duplicate both ways")
    func seeds() throws {
        let daemon = try DaemonUnderTest()
        #expect(daemon.waitReady())
        for seed in Binaries.seedFiles {
            try daemon.dropCarefully(seed.lastPathComponent, Data(contentsOf: seed))
        }
        try daemon.waitArticles(5)
        let ids = try ["000", "001", "002", "003", "004"].map { prefix in
            try Self.articleID(daemon, try Self.seed(prefix).lastPathComponent)
        }
        let stories = try ids.map { try Self.show(daemon, $0)["story_id"] as? Int }
        #expect(stories.allSatisfy { $0 != nil })
        #expect(Set(stories[0...3]).count == 1, "000–003 are one story: \(stories)")
        #expect(stories[4] != stories[0], "004 (18 March 2025) is a story of its own: \(stories)")
        let listed = try #require(try daemon.ctl("--json", "stories").json() as? [String: Any])
        let list = try #require(listed["stories"] as? [[String: Any]])
        #expect(list.count == 2)
        for story in list {
            for key in ["id", "title", "articles", "sources", "first", "last"] {
                #expect(story.keys.contains(key), "stories entry lacks \(key)")
            }
        }
        #expect(list.compactMap { $0["articles"] as? Int }.sorted() == [1, 4])
        let story = try #require(try daemon.ctl("--json", "story", String(stories[0]!)).json() as? [String: Any])
        #expect((story["results"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.sorted() == Array(ids[0...3]))
        let filtered = try #require(
            try daemon.ctl("--json", "query", "--story", String(stories[4]!)).json() as? [String: Any])
        #expect((filtered["results"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [ids[4]])
        #expect(try daemon.ctl("--json", "story", "999999").status == 1)

        // An exact copy of seed 003 under another name.
        let original = try Data(contentsOf: Self.seed("003"))
        try daemon.dropCarefully("copy-of-003.txt", original)
        try daemon.waitArticles(6)
        let copy = try Self.articleID(daemon, "copy-of-003.txt")
        let copied = try Self.show(daemon, copy)
        #expect(copied["duplicate_of"] as? Int == ids[3])
        #expect(copied["story_id"] as? Int == stories[3])
        #expect(try Self.show(daemon, ids[3])["copies"] as? [Int] == [copy])
        #expect(try Self.show(daemon, ids[3])["duplicate_of"] is NSNull)
        // query folds the copy into its first article, --all lists it.
        let folded = try #require(try daemon.ctl("--json", "query").json() as? [String: Any])
        #expect(folded["total"] as? Int == 5)
        let first = (folded["results"] as? [[String: Any]])?.first { $0["id"] as? Int == ids[3] }
        #expect(first?["duplicates"] as? Int == 1)
        let all = try #require(try daemon.ctl("--json", "query", "--all").json() as? [String: Any])
        #expect(all["total"] as? Int == 6)

        // Seed 003 with one paragraph added.
        var text = String(decoding: original, as: UTF8.self)
        text += "\nOfficials in Kyiv said they would study the outcome of the call closely before any further talks with Moscow were arranged, and that European partners would be consulted first.\n"
        try daemon.dropCarefully("003-updated.txt", Data(text.utf8))
        try daemon.waitArticles(7)
        let updated = try Self.articleID(daemon, "003-updated.txt")
        let near = try Self.show(daemon, updated)
        #expect(near["duplicate_of"] is NSNull)
        #expect((near["near_duplicates"] as? [Int])?.contains(ids[3]) == true, "\(near["near_duplicates"] ?? "-")")
        #expect((try Self.show(daemon, ids[3])["near_duplicates"] as? [Int])?.contains(updated) == true)
        #expect((try Self.show(daemon, ids[0])["near_duplicates"] as? [Int]) == [])

        // relink recomputes the same links in the background; a second one meanwhile may be busy.
        let relink = try daemon.ctl("relink")
        #expect(relink.status == 0, "\(relink.stderr)")
        var relinked = false
        for _ in 0..<200 where !relinked {
            usleep(100_000)
            let copyLink = try Self.show(daemon, copy)["duplicate_of"] as? Int
            let nearLinks = try Self.show(daemon, updated)["near_duplicates"] as? [Int] ?? []
            let listed = try daemon.ctl("--json", "stories").json() as? [String: Any]
            relinked = copyLink == ids[3] && nearLinks.contains(ids[3]) && (listed?["stories"] as? [Any])?.count == 2
        }
        #expect(relinked, "after relink: the same duplicates, near-duplicates and two stories")
        #expect(daemon.stop() == 0)
    }
}
