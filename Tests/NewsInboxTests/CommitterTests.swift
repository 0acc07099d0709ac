import Foundation
import GRDB
import Glibc
import Logging
import NIOPosix
import NewsCore
import NewsStore
import Synchronization
import SystemPackage
import Testing

@testable import NewsInbox

/// The writer stage on a real database: one transaction per batch, counts from the transaction,
/// observers after it, disposition under the rows it handed back, and a back-off after a failed write.
@Suite struct CommitterTests {
    /// What the committer's observer was given, batch by batch.
    final class Observed: Sendable {
        let batches = Mutex<[[CommittedArticle]]>([])
    }

    /// A scratch folder with an inbox, an archive folder and a database.
    final class Bench: Sendable {
        let folder = ScratchFolder()
        let store: NewsStore
        let committer: Committer
        let observed = Observed()

        init() throws {
            try folder.write("inbox/.keep", "")
            store = try NewsStore(path: folder.path + "/newsd.db")
            committer = Committer(store: store, journal: nil, logger: Logger(label: "test"), threadPool: .singleton)
            committer.observe { [observed] articles in observed.batches.withLock { $0.append(articles) } }
        }

        func disposer(_ afterIngest: Disposition) -> Disposer {
            let settings = IngestSettings(
                patterns: FilePatterns(include: ["*.txt"], ignore: []), afterIngest: afterIngest,
                archiveDir: FilePath(folder.path + "/archive"), quarantineDir: FilePath(folder.path + "/quarantine"))
            return Disposer(directory: InboxDirectory(root: FilePath(folder.path + "/inbox")), settings: settings, logger: Logger(label: "test"))
        }

        /// A file in the inbox and its commit with one article.
        func file(_ name: String, title: String) throws -> FileOutcome {
            try folder.write("inbox/" + name, title + "\n\nA paragraph.\n")
            var st = stat()
            _ = lstat(folder.path + "/inbox/" + name, &st)
            var article = Article(title: title, body: ["A paragraph about \(title)."])
            article.contentHash = "hash-" + title
            let commit = FileCommit(
                fileID: nil, path: name, identity: FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)),
                size: Int64(st.st_size), mtimeNanoseconds: 0, offset: Int64(st.st_size), state: .ingested,
                articles: [article])
            return .commit(commit, dispose: true)
        }

        /// Runs SQL on a connection of its own, as another process would.
        func sideways(_ sql: String) throws {
            let queue = try DatabaseQueue(path: folder.path + "/newsd.db")
            try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        }
    }

    @Test func aBatchIsCommittedCountedObservedAndArchivedUnderItsNewRows() async throws {
        let bench = try Bench()
        let outcomes = [try bench.file("a.txt", title: "Alpha"), .skip, try bench.file("b.txt", title: "Beta")]
        guard case .committed(let report, let files, let resumed) = await bench.committer.commit(
            outcomes, disposer: bench.disposer(.archive))
        else { Issue.record("not committed"); return }
        #expect(files == 2 && !resumed)
        #expect(report.articleChange == 2 && report.failedChange == 0)
        #expect(bench.observed.batches.withLock { $0.map { $0.map(\.article.title) } } == [["Alpha", "Beta"]])
        // Archived; the rows the commit made (new files: no id before it) are to be recorded so by
        // the next transaction, and until then keep their identity.
        #expect(bench.committer.leaving.pending().map(\.id) == report.fileIDs)
        for (name, id) in zip(["a.txt", "b.txt"], report.fileIDs) {
            #expect(try await bench.store.fileRecord(id: id)?.identity != nil)
            #expect(FileManager.default.fileExists(atPath: bench.folder.path + "/archive/" + name))
        }
        // No batch follows: the loop records them in a transaction of their own.
        #expect(await bench.committer.recordLeft() == nil)
        #expect(bench.committer.leaving.count == 0)
        for (name, id) in zip(["a.txt", "b.txt"], report.fileIDs) {
            let record = try #require(try await bench.store.fileRecord(id: id))
            #expect(record.path == name && record.identity == nil && record.state == .ingested)
            #expect(record.movedTo == bench.folder.path + "/archive/" + name)
        }
    }

    @Test func theNextBatchRecordsWhereTheLastOnesFilesWentInItsOwnTransaction() async throws {
        let bench = try Bench()
        guard case .committed(let first, _, _) = await bench.committer.commit(
            [try bench.file("a.txt", title: "Alpha")], disposer: bench.disposer(.delete))
        else { Issue.record("not committed"); return }
        #expect(!FileManager.default.fileExists(atPath: bench.folder.path + "/inbox/a.txt"))
        #expect(bench.committer.leaving.contains(first.fileIDs[0]))

        // A failed transaction records nothing: the file stays to be recorded.
        try bench.sideways(
            "CREATE TRIGGER refuse BEFORE INSERT ON files BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        let beta = try bench.file("b.txt", title: "Beta")
        guard case .failed = await bench.committer.commit([beta], disposer: bench.disposer(.keep)) else {
            Issue.record("the write went through"); return
        }
        #expect(bench.committer.leaving.contains(first.fileIDs[0]))
        #expect(try await bench.store.fileRecord(id: first.fileIDs[0])?.identity != nil)

        try bench.sideways("DROP TRIGGER refuse")
        guard case .committed = await bench.committer.commit([beta], disposer: bench.disposer(.keep)) else {
            Issue.record("not committed after the fault went"); return
        }
        #expect(bench.committer.leaving.count == 0)
        let record = try #require(try await bench.store.fileRecord(id: first.fileIDs[0]))
        #expect(record.identity == nil && record.state == .ingested && record.movedTo == nil)
        #expect(try bench.store.countsNow().articles == 2)
    }

    @Test func aBatchOfSkippedFilesWritesNothingAndTellsNoOne() async throws {
        let bench = try Bench()
        guard case .nothing = await bench.committer.commit([.skip, .skip], disposer: bench.disposer(.keep)) else {
            Issue.record("something was written"); return
        }
        #expect(bench.observed.batches.withLock { $0.isEmpty })
    }

    @Test func aFailedWriteBacksOffKeepsTheFilesAndTheNextWriteResumes() async throws {
        let bench = try Bench()
        try bench.sideways(
            "CREATE TRIGGER refuse BEFORE INSERT ON files BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        let outcome = try bench.file("a.txt", title: "Alpha")
        guard case .failed(let reason) = await bench.committer.commit([outcome], disposer: bench.disposer(.archive)) else {
            Issue.record("the write went through"); return
        }
        #expect(reason.contains("database write failed") && reason.contains("disk I/O error"))
        #expect(bench.committer.isBackingOff && bench.committer.lastWriteFailed)
        #expect(bench.committer.backoffUntil.map { $0 > .now } == true, "the loop wakes when the back-off ends")
        #expect(bench.observed.batches.withLock { $0.isEmpty })
        #expect(FileManager.default.fileExists(atPath: bench.folder.path + "/inbox/a.txt"), "nothing moved")
        #expect(try bench.store.countsNow().articles == 0)

        try bench.sideways("DROP TRIGGER refuse")
        guard case .committed(let report, _, let resumed) = await bench.committer.commit(
            [outcome], disposer: bench.disposer(.keep))
        else { Issue.record("not committed after the fault went"); return }
        #expect(resumed && report.articleChange == 1)
        #expect(!bench.committer.isBackingOff && !bench.committer.lastWriteFailed)
        #expect(bench.committer.backoffUntil == nil)
    }

    @Test func commitRowIdsGoToTheirOwnOutcomesSkippedOnesIncluded() {
        let commit = FileCommit(
            fileID: nil, path: "a.txt", identity: FileIdentity(device: 1, inode: 2), size: 1, mtimeNanoseconds: 0,
            offset: 1, state: .ingested)
        var known = commit
        known.fileID = 5
        let outcomes: [FileOutcome] = [
            .skip, .commit(commit, dispose: true), .skip,
            .quarantine(
                known, reason: .tooLarge(bytes: 2, limit: 1), source: "b.txt", destination: FilePath("/q/b.txt")),
        ]
        let ids = Committer.identified(outcomes, fileIDs: [11, 5]).map { $0.commit?.fileID }
        #expect(ids == [nil, 11, nil, 5])
    }
}
