import Foundation
import GRDB
import Glibc
import Logging
import NewsStore
import NewsWorker
import Synchronization
import SystemPackage
import Testing

@testable import NewsInbox

/// The ingest loop wakes for events and for what falls due (a file settling, the heartbeat), and
/// otherwise sleeps: an idle pipeline makes no turns of its own.
@Suite struct IngestLoopTests {
    /// A pipeline on a scratch inbox and database, with one real parser worker (newsd's own
    /// `--parser-worker`, from the folder the tests were built in).
    final class Bench: Sendable {
        /// Counts the heartbeat's calls.
        final class Counter: Sendable {
            let value = Atomic<Int>(0)
        }

        let folder: ScratchFolder
        let pipeline: IngestPipeline
        let heartbeats: Counter

        init(folder: ScratchFolder = ScratchFolder(), settle: Duration = .milliseconds(200), heartbeatInterval: Duration? = nil) throws {
            self.folder = folder
            try folder.write("inbox/.keep", "")
            let settings = IngestSettings(
                patterns: defaultPatterns, settle: settle, archiveDir: FilePath(folder.path + "/archive"),
                quarantineDir: FilePath(folder.path + "/quarantine"), reconcileInterval: nil)
            let store = try NewsStore(path: folder.path + "/newsd.db")
            let parsers = ParserPool(
                size: 1, executable: Self.newsd, limits: WorkerLimits(), aliases: nil, logger: Logger(label: "test"))
            let heartbeats = Counter()
            self.heartbeats = heartbeats
            pipeline = try IngestPipeline(
                inbox: FilePath(folder.path + "/inbox"), store: store, settings: settings, parsers: parsers,
                logger: Logger(label: "test"), heartbeatInterval: heartbeatInterval,
                heartbeat: { heartbeats.value.add(1, ordering: .relaxed) })
        }

        /// The newsd executable built beside this test bundle (or in NEWSD_BIN_DIR).
        static var newsd: String {
            if let folder = ProcessInfo.processInfo.environment["NEWSD_BIN_DIR"] { return folder + "/newsd" }
            let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            return bundle.deletingLastPathComponent().appendingPathComponent("newsd").path
        }

        var turns: Int { pipeline.turns.load(ordering: .relaxed) }
        var beats: Int { heartbeats.value.load(ordering: .relaxed) }

        /// Runs the pipeline for the length of `body`, then cancels it.
        func running(_ body: @Sendable (Bench) async throws -> Void) async throws {
            #expect(FileManager.default.isExecutableFile(atPath: Self.newsd), "no parser worker at \(Self.newsd)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { [pipeline] in try await pipeline.run() }
                defer { group.cancelAll() }
                try await body(self)
            }
        }
    }

    /// Waits until `condition` holds, up to a limit far above what it takes: the whole suite runs
    /// in parallel, and on a small shared machine its tasks may wait half a minute for a thread.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        let limit = ContinuousClock.now.advanced(by: .seconds(180))
        while !condition() {
            guard ContinuousClock.now < limit else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    @Test func aFileWrittenWithoutACloseIsIngestedOnceQuietWithNoFurtherEvent() async throws {
        let bench = try Bench()
        try await bench.running { bench in
            let started = try await Self.eventually { bench.turns >= 1 }
            #expect(started, "the start-up scan never ran")
            try bench.folder.write("inbox/slow.txt", "Harbour reopens\n\nThe harbour reopened on Monday.\n")
            // What the watcher sends for a write with no close: the file settles.
            bench.pipeline.submit(.modified(bench.folder.path + "/inbox/slow.txt"))
            let read = try await Self.eventually { bench.pipeline.stats.articles == 1 }
            #expect(read, "never read once quiet")
            #expect(bench.pipeline.stats.pending == 0)
        }
    }

    @Test func aFileADeadRunHadRemovedIsRecordedBeforeANewFileWithItsInodeIsRead() async throws {
        let first = try Bench()
        let folder = first.folder
        try await first.running { bench in
            try bench.folder.write("inbox/a.txt", "Harbour reopens\n\nThe harbour reopened on Monday.\n")
            bench.pipeline.submit(.ready(bench.folder.path + "/inbox/a.txt"))
            let read = try await Self.eventually { bench.pipeline.stats.articles == 1 }
            #expect(read, "a.txt never read")
        }
        // The run dies right after `after_ingest` removed a.txt, before recording it; a new file
        // then gets a.txt's inode (forged here: the row is given b.txt's identity).
        let store = try NewsStore(path: folder.path + "/newsd.db")
        let old = try #require(try await store.fileRecord(path: "a.txt"))
        #expect(unlink(folder.path + "/inbox/a.txt") == 0)
        try folder.write("inbox/b.txt", "Bridge closes\n\nThe bridge closed on Tuesday for repairs.\n")
        var st = stat()
        #expect(lstat(folder.path + "/inbox/b.txt", &st) == 0)
        let reused = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        try await DatabaseQueue(path: folder.path + "/newsd.db").write { db in
            try db.execute(
                sql: "UPDATE files SET device = ?, inode = ? WHERE id = ?",
                arguments: [Int64(bitPattern: reused.device), Int64(bitPattern: reused.inode), old.id])
        }
        do {
            let record = try #require(LeavingFiles(path: folder.path + "/newsd.db.leaving") { _ in false })
            record.enter(.init(id: old.id, "a.txt", reused, movedTo: nil))
        }

        let second = try Bench(folder: folder)
        try await second.running { bench in
            // b.txt is a new file with an article of its own; a.txt's article stays.
            let both = try await Self.eventually { bench.pipeline.stats.articles == 2 }
            #expect(both, "b.txt read as a.txt changed")
        }
        let gone = try #require(try await store.fileRecord(id: old.id))
        #expect(gone.path == "a.txt" && gone.identity == nil && gone.state == .ingested)
        let new = try #require(try await store.fileRecord(path: "b.txt"))
        #expect(new.id != old.id && new.identity == reused)
        #expect(try store.countsNow().articles == 2)
    }

    @Test func aCatchUpsEntityRowsAreWrittenOnceTheInboxIsIdleAndALoneFileGetsItsOwnAtOnce() async throws {
        let bench = try Bench()
        // A start-up scan of more files than a backlog needs (`entityBacklogFiles`).
        let cities = ["Helsinki", "Geneva", "Vienna", "Oslo", "Madrid", "Lisbon", "Athens", "Dublin", "Prague",
                      "Warsaw", "Riga", "Tallinn", "Vilnius", "Berlin", "Paris", "Rome", "Bern", "Sofia", "Zagreb", "Kyiv"]
        #expect(cities.count >= IngestPipeline.entityBacklogFiles)
        for (k, city) in cities.enumerated() {
            try bench.folder.write(
                "inbox/\(k).txt",
                "Talks in \(city)\n\nVladimir Putin met Donald Trump in \(city) on Monday, officials said.\n")
        }
        try await bench.running { bench in
            // The start-up scan's files come as one batch, whose entity rows wait for the idle loop.
            let read = try await Self.eventually { bench.pipeline.stats.articles == cities.count }
            #expect(read, "the catch-up never finished")
            let limit = ContinuousClock.now.advanced(by: .seconds(180))
            while try await bench.pipeline.store.deferredEntityCount() > 0, ContinuousClock.now < limit {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await bench.pipeline.store.deferredEntityCount() == 0, "the entity backlog was never written")
            let people = try await bench.pipeline.store.entities(kind: "person", top: 10)
            #expect(people.map(\.name).sorted() == ["Donald Trump", "Vladimir Putin"])
            #expect(people.allSatisfy { $0.articles == cities.count })
            #expect(Set(try await bench.pipeline.store.entities(kind: "place", top: 50).map(\.name)) == Set(cities))

            try bench.folder.write("inbox/lone.txt", "Talks in Naples\n\nGiorgia Meloni met Keir Starmer in Naples on Friday.\n")
            bench.pipeline.submit(.ready(bench.folder.path + "/inbox/lone.txt"))
            let lone = try await Self.eventually { bench.pipeline.stats.articles == cities.count + 1 }
            #expect(lone, "lone.txt never read")
            let named = try await bench.pipeline.store.entities(kind: "person", top: 10).map(\.name)
            #expect(named.contains("Giorgia Meloni") && named.contains("Keir Starmer"))
        }
    }

    @Test func anIdlePipelineSleepsUntilSomethingIsDue() async throws {
        let bench = try Bench()
        try await bench.running { bench in
            // The start-up scan, then the index merge a quiet second after start: then nothing is due.
            let settled = try await Self.eventually {
                bench.turns >= 1 && !bench.pipeline.indexMergeDue.withLock { $0 }
            }
            #expect(settled, "start-up never finished")
            let before = bench.turns
            try await Task.sleep(for: .seconds(1))
            // A slow machine makes fewer turns, never more; a ticker would have made about ten.
            #expect(bench.turns - before <= 1, "\(bench.turns - before) turns in an idle second")
        }
    }

    @Test func anIdlePipelineWakesForItsHeartbeatAlone() async throws {
        let bench = try Bench(heartbeatInterval: .milliseconds(100))
        try await bench.running { bench in
            let beating = try await Self.eventually { bench.beats >= 4 }
            #expect(beating, "the heartbeat stopped")
            let beats = bench.beats
            // Each beat is a turn of its own; the other turns are the start-up scan and the index merge.
            #expect(bench.turns <= beats + 3, "\(bench.turns) turns for \(beats) heartbeats")
        }
    }

    @Test(arguments: [
        // (seconds since start, poll interval, scan due then)
        (1.0, 2.0 as Double?, nil as String?),
        (2.0, 2.0, "poll"),
        (600.0, 2.0, "periodic reconcile"),
        (599.0, nil, nil),
        (600.0, nil, "periodic reconcile"),
    ])
    func periodicScansFallDueOnTheirIntervals(after seconds: Double, poll: Double?, expected: String?) {
        let start = ContinuousClock.now
        let settings = IngestSettings(
            patterns: defaultPatterns, archiveDir: FilePath("/a"), quarantineDir: FilePath("/q"),
            reconcileInterval: .seconds(600), pollInterval: poll.map { .seconds($0) })
        var scans = IngestPipeline.PeriodicScans(start: start, remote: false)
        #expect(scans.next(settings) == start.advanced(by: .seconds(poll ?? 600)))
        let now = start.advanced(by: .seconds(seconds))
        #expect(scans.due(settings, now: now) == expected)
        if expected != nil {
            // Done: the next is an interval later; a reconcile counts as a poll too.
            #expect(scans.next(settings) == now.advanced(by: .seconds(poll ?? 600)))
        }
    }

    @Test func anInboxInotifyCannotFullySeeIsPolledEveryTwoSecondsWithoutPollInterval() {
        let start = ContinuousClock.now
        let settings = IngestSettings(
            patterns: defaultPatterns, archiveDir: FilePath("/a"), quarantineDir: FilePath("/q"),
            reconcileInterval: nil)
        #expect(IngestPipeline.PeriodicScans(start: start, remote: false).next(settings) == nil)
        var remote = IngestPipeline.PeriodicScans(start: start, remote: true)
        #expect(remote.next(settings) == start.advanced(by: .seconds(2)))
        #expect(remote.due(settings, now: start.advanced(by: .seconds(2))) == "poll")
    }
}
