import Foundation
import NewsCore
import NewsProtocol
@testable import NewsStore
import Testing

/// A store on a temporary database file, removed afterwards.
/// A folder of its own under the temporary directory, removed with the object: for tests that open
/// and close a store themselves (an older schema, a reopened archive).
final class TemporaryFolder {
    let path: String

    init(_ prefix: String) throws {
        path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

final class TemporaryStore {
    let folder: String
    let store: NewsStore

    init() throws {
        folder = NSTemporaryDirectory() + "newsd-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try NewsStore(path: folder + "/newsd.db")
        // Many suites run at once on a busy machine: the deadline is tested on its own.
        store.queryTimeout = .seconds(120)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

func article(
    _ title: String, _ body: [String], people: [String] = [], places: [String] = [], source: String? = nil,
    published: String? = nil
) -> Article {
    var a = Article(
        title: title, source: source, published: published, body: body, people: people,
        wordCount: body.joined(separator: " ").split(separator: " ").count,
        contentHash: "h-\(body.joined(separator: "\n"))")
    a.places = places
    return a
}

func commit(_ path: String, inode: UInt64, size: Int64, _ articles: [Article]?, fileID: Int64? = nil) -> FileCommit {
    FileCommit(
        fileID: fileID, path: path, identity: FileIdentity(device: 1, inode: inode),
        size: size, mtimeNanoseconds: size, offset: size, state: .ingested,
        articles: articles)
}

@Suite("NewsStore")
struct NewsStoreTests {
    @Test("a committed article is counted, searchable with a marked snippet, and shown whole")
    func commitAndSearch() async throws {
        let t = try TemporaryStore()
        let committed = try await t.store.commit([
            commit("a.txt", inode: 10, size: 100, [article("Ceasefire talks", ["Leaders discussed a ceasefire in Kyiv."])])
        ])
        #expect(committed.count == 1)
        #expect(committed.first?.revision == 1)
        #expect(try await t.store.counts().articles == 1)
        let result = try await t.store.search(QueryParams(text: "ceasefire"))
        #expect(result.total == 1)
        #expect(result.results.first?.snippet.contains("**ceasefire**") == true)
        #expect(result.results.first?.path == "a.txt")
        let document = try #require(try await t.store.document(id: committed[0].id))
        #expect(document.article.body == ["Leaders discussed a ceasefire in Kyiv."])
        #expect(document.article.title == "Ceasefire talks")
        #expect(document.revision == 1)
    }

    @Test("a commit holds one copy of a body: its stored text whole, the article its first paragraph; stored whole")
    func oneCopyOfTheBody() async throws {
        let body = ["Leaders met in Kyiv on Monday.", "", "Talks — «the ceasefire» — resume in Zürich 東京.", "Last."]
        let file = commit("long.txt", inode: 11, size: 100, [article("Talks", body)])
        #expect(file.articles?.first?.body == ["Leaders met in Kyiv on Monday."])
        #expect(file.stored?.first?.body == body.joined(separator: "\n"))
        for lines in [[], [""], ["one"], ["", ""], body, ["a\u{301}", "\u{1F600}", ""]] {
            #expect(StoredArticle.joinedLines(lines) == lines.joined(separator: "\n"))
        }
        let t = try TemporaryStore()
        let committed = try await t.store.commit([file])
        #expect(committed.first?.article.body == ["Leaders met in Kyiv on Monday."])
        let document = try #require(try await t.store.document(id: committed[0].id))
        #expect(document.article.body == body)
        #expect(try await t.store.search(QueryParams(text: "zurich")).total == 1)

        // A subheading standing before the first paragraph is not what a notification shows.
        var headed = article("Talks", ["Background", "Leaders met in Kyiv on Monday.", "Last."])
        headed.subheadings = ["Background"]
        #expect(commit("headed.txt", inode: 12, size: 100, [headed]).articles?.first?.body == ["Leaders met in Kyiv on Monday."])
    }

    @Test("porter stemming and diacritics: 'negotiating' finds 'negotiations', 'zurich' finds 'Zürich'")
    func tokenizer() async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([
            commit("a.txt", inode: 1, size: 10, [article("Talks", ["The negotiations moved to Zürich."])])
        ])
        #expect(try await t.store.search(QueryParams(text: "negotiating")).total == 1)
        #expect(try await t.store.search(QueryParams(text: "zurich")).total == 1)
    }

    @Test("a changed article gets the next revision and its index row follows; an unchanged one does not")
    func revisions() async throws {
        let t = try TemporaryStore()
        let first = try await t.store.commit([commit("live.txt", inode: 5, size: 10, [article("Live", ["alpha"])])])
        let fileID = try #require(try await t.store.fileRecord(path: "live.txt")?.id)
        let second = try await t.store.commit([
            commit("live.txt", inode: 5, size: 20, [article("Live", ["alpha", "bravo"])], fileID: fileID)
        ])
        #expect(second.first?.id == first.first?.id)
        #expect(second.first?.revision == 2)
        #expect(try await t.store.search(QueryParams(text: "bravo")).total == 1)
        let same = try await t.store.commit([
            commit("live.txt", inode: 5, size: 30, [article("Live", ["alpha", "bravo"])], fileID: fileID)
        ])
        #expect(same.isEmpty)
        #expect(try await t.store.document(id: first[0].id)?.revision == 2)
        let replaced = try await t.store.commit([
            commit("live.txt", inode: 5, size: 5, [article("Live", ["charlie"])], fileID: fileID)
        ])
        #expect(replaced.first?.revision == 3)
        #expect(try await t.store.search(QueryParams(text: "bravo")).total == 0)
        #expect(try await t.store.counts().articles == 1)
    }

    @Test("one commit that adds, revises twice and drops articles leaves the full-text index equal to the articles")
    func fullTextInOneCommit() async throws {
        let t = try TemporaryStore()
        let before = try await t.store.commit([
            commit("feed.jsonl", inode: 3, size: 10, [article("One", ["kestrel"]), article("Two", ["osprey"])])
        ])
        #expect(before.count == 2)
        // One batch: the feed is revised twice (its second record gone, then the first changed
        // again), and another file arrives; the index is written once, at the end.
        _ = try await t.store.commit([
            commit("feed.jsonl", inode: 3, size: 20, [article("One", ["kestrel", "merlin"])]),
            commit("feed.jsonl", inode: 3, size: 30, [article("One revised", ["harrier"])]),
            commit("other.txt", inode: 4, size: 10, [article("Other", ["osprey again"])]),
        ])
        #expect(try await t.store.integrityCheck() == "ok")
        #expect(try await t.store.search(QueryParams(text: "kestrel")).total == 0)
        #expect(try await t.store.search(QueryParams(text: "merlin")).total == 0)
        #expect(try await t.store.search(QueryParams(text: "harrier")).results.map(\.id) == [before[0].id])
        #expect(try await t.store.search(QueryParams(text: "revised")).total == 1)
        #expect(try await t.store.search(QueryParams(text: "osprey")).results.map(\.path) == ["other.txt"])
        #expect(try await t.store.counts().articles == 2)
    }

    @Test("a rename moves the articles' path without a new revision")
    func rename() async throws {
        let t = try TemporaryStore()
        let first = try await t.store.commit([commit("a.txt", inode: 7, size: 10, [article("T", ["x"])])])
        let fileID = try #require(try await t.store.fileRecord(path: "a.txt")?.id)
        _ = try await t.store.commit([commit("sub/b.txt", inode: 7, size: 10, nil, fileID: fileID)])
        let document = try #require(try await t.store.document(id: first[0].id))
        #expect(document.path == "sub/b.txt")
        #expect(document.revision == 1)
    }

    @Test("files are found by identity; a file that left keeps its history but frees its inode")
    func identity() async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([commit("a.txt", inode: 42, size: 10, [article("T", ["x"])])])
        let found = try t.store.fileRecords(for: [FileIdentity(device: 1, inode: 42), FileIdentity(device: 1, inode: 43)])
        #expect(found.count == 1)
        let record = try #require(found[FileIdentity(device: 1, inode: 42)])
        #expect(record.state == .ingested)
        #expect(record.offset == 10)
        #expect(record.articleID != nil)
        try await t.store.markLeft(ids: [record.id], vanished: true)
        #expect(try t.store.fileRecords(for: [FileIdentity(device: 1, inode: 42)]).isEmpty)
        #expect(try await t.store.fileRecord(path: "a.txt")?.state == .gone)
        #expect(try await t.store.counts().articles == 1, "articles of a gone file stay searchable")
    }

    @Test("a file that left is recorded only on a row that still holds its (device, inode)")
    func leftOnlyWhereTheRowHoldsTheFile() async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([commit("a.txt", inode: 42, size: 10, [article("T", ["x"])])])
        let row = try #require(try await t.store.fileRecord(path: "a.txt"))
        // A record kept beside a database since replaced: the id is that of another file's row.
        _ = try await t.store.commitBatch([], left: [.init(id: row.id, movedTo: "/archive/z.txt", identity: FileIdentity(device: 1, inode: 99))])
        let untouched = try #require(try await t.store.fileRecord(id: row.id))
        #expect(untouched.identity == FileIdentity(device: 1, inode: 42) && untouched.movedTo == nil)
        // The file's own identity: recorded, its inode freed.
        _ = try await t.store.commitBatch([], left: [.init(id: row.id, movedTo: "/archive/a.txt", identity: FileIdentity(device: 1, inode: 42))])
        let moved = try #require(try await t.store.fileRecord(id: row.id))
        #expect(moved.identity == nil && moved.movedTo == "/archive/a.txt" && moved.state == .ingested)
    }

    @Test("filters: source, since/until, person; listing without text is newest first")
    func filters() async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([
            commit("1.txt", inode: 1, size: 1, [article("One", ["peace talks"], people: ["Vladimir Putin"], source: "Reuters", published: "2025-03-18T14:00:00Z")]),
            commit("2.txt", inode: 2, size: 1, [article("Two", ["peace talks"], people: ["Donald Trump"], source: "Sky News", published: "2025-05-19T16:13:00Z")]),
        ])
        #expect(try await t.store.search(QueryParams(text: "peace", source: "reuters")).results.map(\.title) == ["One"])
        #expect(try await t.store.search(QueryParams(text: "peace", since: "2025-05-01")).results.map(\.title) == ["Two"])
        #expect(try await t.store.search(QueryParams(text: "peace", until: "2025-05-01")).results.map(\.title) == ["One"])
        #expect(try await t.store.search(QueryParams(text: "peace"), people: ["Donald Trump"]).results.map(\.title) == ["Two"])
        #expect(try await t.store.search(QueryParams()).results.map(\.title) == ["Two", "One"])
        #expect(try await t.store.search(QueryParams(limit: 1, offset: 1)).results.map(\.title) == ["One"])
        let sources = try await t.store.sources()
        #expect(Set(sources.compactMap(\.source)) == ["Reuters", "Sky News"])
        let people = try await t.store.entities(kind: "person", top: 10)
        #expect(Set(people.map(\.name)) == ["Vladimir Putin", "Donald Trump"])
    }

    @Test("a commit reports its files' rows and what it changed in the counts, as the database has them")
    func commitReport() async throws {
        let t = try TemporaryStore()
        func counts() throws -> (articles: Int, failed: Int) {
            let c = try t.store.countsNow()
            return (c.articles, c.failed)
        }
        // A JSON Lines file with three records and a file that fails.
        let three = [article("One", ["First record."]), article("Two", ["Second record."]), article("Three", ["Third."])]
        var bad = commit("bad.txt", inode: 2, size: 5, nil)
        bad.state = .failed
        bad.error = "parser_crashed: signal 11 (SIGSEGV)"
        let first = try await t.store.commitBatch([commit("feed.jsonl", inode: 1, size: 30, three), bad])
        #expect(first.fileIDs.count == 2)
        #expect(first.articleChange == 3 && first.failedChange == 1)
        #expect(try counts() == (3, 1))
        let feed = try #require(try await t.store.fileRecord(path: "feed.jsonl"))
        let failed = try #require(try await t.store.fileRecord(path: "bad.txt"))
        #expect(first.fileIDs == [feed.id, failed.id])
        // Rewritten shorter (one record left), and the failed file read again and ingested.
        var fixed = commit("bad.txt", inode: 2, size: 9, [article("Fixed", ["Readable now."])], fileID: failed.id)
        fixed.offset = 9
        let second = try await t.store.commitBatch([
            commit("feed.jsonl", inode: 1, size: 10, [three[0]], fileID: feed.id), fixed,
        ])
        #expect(second.fileIDs == [feed.id, failed.id])
        #expect(second.articleChange == -2 + 1 && second.failedChange == -1)
        #expect(try counts() == (2, 0))
        // Unchanged bytes under a new name: no article changes, the row is the same.
        let renamed = try await t.store.commitBatch([commit("renamed.jsonl", inode: 1, size: 10, nil, fileID: feed.id)])
        #expect(renamed.fileIDs == [feed.id] && renamed.articleChange == 0 && renamed.failedChange == 0)
    }

    @Test("a common word: the newest matches are ranked, the total counts every match, deep pages still work")
    func rankWindow() async throws {
        let t = try TemporaryStore()
        let count = 1_200
        var commits: [FileCommit] = []
        for n in 1...count {
            // The oldest and the 1,100th articles say "peace" most; every other says it once.
            let strong = n == 1 || n == 1_100
            let body = strong ? ["peace peace peace, peace"] : ["talk of peace and other things number \(n)"]
            let source = n % 2 == 0 ? "Reuters" : "Sky News"
            commits.append(commit("\(n).txt", inode: UInt64(n), size: 1, [article(strong ? "Peace \(n)" : "Item \(n)", body, source: source)]))
        }
        _ = try await t.store.commit(commits)
        let top = try await t.store.search(QueryParams(text: "peace", limit: 3))
        #expect(top.total == count)
        #expect(top.results.first?.title == "Peace 1100")
        #expect(!top.results.map(\.title).contains("Peace 1"))  // older than the newest 1,000 matches
        let filtered = try await t.store.search(QueryParams(text: "peace", source: "reuters", limit: 5))
        #expect(filtered.total == count / 2)
        #expect(filtered.results.first?.title == "Peace 1100")
        let deep = try await t.store.search(QueryParams(text: "peace", limit: 50, offset: count - 10))
        #expect(deep.total == count)
        #expect(deep.results.count == 10)
        let all = try await t.store.search(QueryParams(text: "peace", limit: 50, offset: 0))
        #expect(Set(all.results.map(\.id)).count == 50)
    }

    @Test("bad raw FTS5 syntax is a bad_query error; the same text typed as a query is not an error",
          arguments: ["\"unterminated", "AND", "a NEAR(", "((", "*", "Trump-Putin", "source:reuters"])
    func badQuery(text: String) async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([commit("a.txt", inode: 1, size: 1, [article("T", ["x"])])])
        await #expect {
            _ = try await t.store.search(QueryParams(text: text, fts: true))
        } throws: { error in
            (error as? StoreError)?.code == .badQuery
        }
        _ = try await t.store.search(QueryParams(text: text))
    }

    @Test("a failed file is listed with its reason and reset by retry")
    func failedFiles() async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([
            FileCommit(
                fileID: nil, path: "bad.txt", identity: FileIdentity(device: 1, inode: 9), size: 3, mtimeNanoseconds: 1,
                offset: 0, state: .failed, error: "binary: NUL byte at offset 1",
                movedTo: "/q/bad.txt", articles: nil)
        ])
        let failed = try await t.store.failedFiles()
        #expect(failed.map(\.error) == ["binary: NUL byte at offset 1"])
        #expect(try await t.store.counts().failed == 1)
        try await t.store.resetForRetry(id: failed[0].id, identity: FileIdentity(device: 1, inode: 9))
        #expect(try await t.store.failedFiles().isEmpty)
    }

    @Test("reopening runs no migration twice and the file is sound")
    func reopen() async throws {
        let t = try TemporaryStore()
        _ = try await t.store.commit([commit("a.txt", inode: 1, size: 1, [article("T", ["x"])])])
        try t.store.close()
        let again = try NewsStore(path: t.folder + "/newsd.db")
        again.queryTimeout = .seconds(120)  // a busy test machine is not what this test is about
        #expect(try await again.counts().articles == 1)
        #expect(try await again.integrityCheck() == "ok")
        try await again.rebuildIndex()
        #expect(try await again.search(QueryParams(text: "x")).total == 1)
    }

    @Test("a database path that cannot be created is cannot_open")
    func cannotOpen() {
        #expect {
            _ = try NewsStore(path: "/proc/newsd-cannot-exist/db.sqlite")
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen
        }
    }
}
