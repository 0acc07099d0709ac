import GRDB
import NewsCore
@testable import NewsStore
import Testing

/// Entity rows written with a batch or left to the backlog (`NewsStore.EntityRows`).
@Suite("Entity rows")
struct EntityRowsTests {
    /// Every entity row, as (article, kind, name) sorted.
    static func rows(_ store: NewsStore) throws -> [String] {
        try store.readNow { db in
            try Row.fetchAll(db, sql: "SELECT article_id, kind, name FROM article_entities ORDER BY 1, 2, 3").map {
                "\($0["article_id"] as Int64) \($0["kind"] as String) \($0["name"] as String)"
            }
        }
    }

    static let batch: [FileCommit] = {
        var first = article("Talks", ["Putin and Trump met in Helsinki."], people: ["Vladimir Putin", "Donald Trump"], places: ["Helsinki"])
        first.organisations = ["NATO"]
        let second = article("Aid", ["Aid reached Gaza."], people: ["Tom Fletcher", "Tom Fletcher"], places: ["Gaza", "Rafah"])
        let third = article("Weather", ["Rain all week."])
        return [
            commit("a.txt", inode: 1, size: 10, [first]), commit("b.txt", inode: 2, size: 10, [second]),
            commit("c.txt", inode: 3, size: 10, [third]),
        ]
    }()

    @Test("a batch written later gets, step by step, the same entity rows as one written now")
    func laterEqualsNow() async throws {
        let now = try TemporaryStore()
        _ = try await now.store.commitBatch(Self.batch, entities: .now)
        let expected = try Self.rows(now.store)
        #expect(expected.count == 7)
        #expect(try await now.store.deferredEntityCount() == 0)

        let later = try TemporaryStore()
        _ = try await later.store.commitBatch(Self.batch, entities: .later)
        // Stored and searchable at once; only the entity rows wait.
        #expect(try Self.rows(later.store).isEmpty)
        #expect(try await later.store.counts().articles == 3)
        #expect(try await later.store.entities(kind: "person", top: 10).isEmpty)
        #expect(try await later.store.deferredEntityCount() == 3)
        #expect(later.store.entityBacklogArticles == 3)
        let first = try await later.store.writeDeferredEntities(limit: 2)
        #expect(first.articles == 2 && first.more)
        #expect(later.store.entityBacklogArticles == 1)
        let second = try await later.store.writeDeferredEntities(limit: 2)
        #expect(second.articles == 1 && !second.more)
        #expect(later.store.entityBacklogArticles == 0)
        let none = try await later.store.writeDeferredEntities(limit: 2)
        #expect(none.articles == 0 && !none.more)
        #expect(try Self.rows(later.store) == expected)
        let people = try await later.store.entities(kind: "person", top: 10)
        #expect(Set(people.map(\.name)) == ["Vladimir Putin", "Donald Trump", "Tom Fletcher"])
    }

    @Test("a waiting article revised or deleted before its rows are written: the rows are those of what is stored")
    func revisedAndDeletedWhileWaiting() async throws {
        let t = try TemporaryStore()
        let three = [
            article("One", ["First record."], people: ["Ada Lovelace"]), article("Two", ["Second record."], people: ["Alan Turing"]),
        ]
        let report = try await t.store.commitBatch([commit("feed.jsonl", inode: 1, size: 30, three)], entities: .later)
        let fileID = try #require(report.fileIDs.first)
        // Rewritten: the first record revised (another person), the second gone.
        var revised = commit("feed.jsonl", inode: 1, size: 20, [article("One", ["First record, revised."], people: ["Grace Hopper"])], fileID: fileID)
        revised.offset = 20
        _ = try await t.store.commitBatch([revised], entities: .later)
        #expect(try await t.store.deferredEntityCount() == 2)
        #expect(t.store.entityBacklogArticles == 2)  // the revised article was waiting already
        let step = try await t.store.writeDeferredEntities()
        #expect(step.articles == 2 && !step.more)
        #expect(try Self.rows(t.store) == ["\(report.articles[0].id) person Grace Hopper"])

        // Revised again in a batch of its own: its rows are replaced in that transaction.
        var again = commit("feed.jsonl", inode: 1, size: 25, [article("One", ["First record, again."], people: ["Edsger Dijkstra"])], fileID: fileID)
        again.offset = 25
        _ = try await t.store.commitBatch([again], entities: .now)
        #expect(try Self.rows(t.store) == ["\(report.articles[0].id) person Edsger Dijkstra"])
        #expect(try await t.store.deferredEntityCount() == 0)
    }

    @Test("a waiting article whose stored document is damaged gets no rows and holds up no other")
    func damagedDocument() async throws {
        let t = try TemporaryStore()
        let report = try await t.store.commitBatch(Self.batch, entities: .later)
        try await t.store.write { db in
            try db.execute(sql: "UPDATE articles SET doc = CAST('{not json' AS BLOB) WHERE id = ?", arguments: [report.articles[0].id])
        }
        let step = try await t.store.writeDeferredEntities()
        #expect(step.articles == 3 && !step.more)
        #expect(try Self.rows(t.store).count == 3)  // the second article's people and places
        #expect(try await t.store.deferredEntityCount() == 0)
    }

    @Test("the backlog outlives the store: a store opened again writes what was left")
    func backlogSurvivesReopen() async throws {
        let folder = try TemporaryFolder("newsd-entities")
        do {
            let store = try NewsStore(path: folder.path + "/newsd.db")
            _ = try await store.commitBatch(Self.batch, entities: .later)
        }
        let store = try NewsStore(path: folder.path + "/newsd.db")
        #expect(try await store.deferredEntityCount() == 3)
        #expect(store.entityBacklogArticles == 3)
        while try await store.writeDeferredEntities(limit: 1).more {}
        #expect(try Self.rows(store).count == 7)
        #expect(try await store.deferredEntityCount() == 0)
    }
}
