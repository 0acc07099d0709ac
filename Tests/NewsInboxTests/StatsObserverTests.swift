import Foundation
import Synchronization
import Testing

@testable import NewsInbox

/// STATUS= is recomputed only when the pipeline says its stats changed: every change must reach the
/// stats observers, and an idle pipeline must send none.
@Suite struct StatsObserverTests {
    /// What the observer saw: the stats as they were at each call.
    final class Seen: Sendable {
        let snapshots = Mutex<[IngestStats]>([])

        /// Records the pipeline's stats at each call of its stats observers.
        init(watching pipeline: IngestPipeline) {
            pipeline.observeStats { [unowned pipeline] in
                let stats = pipeline.stats
                self.snapshots.withLock { $0.append(stats) }
            }
        }

        var count: Int { snapshots.withLock { $0.count } }
        func contains(_ predicate: (IngestStats) -> Bool) -> Bool {
            snapshots.withLock { $0.contains(where: predicate) }
        }
    }

    @Test func everyChangeOfTheStatsReachesTheObserversAndAnIdlePipelineSendsNone() async throws {
        let bench = try IngestLoopTests.Bench()
        let seen = Seen(watching: bench.pipeline)
        try await bench.running { bench in
            // The start-up scan ends the catch-up; the index merge a quiet second later changes no stats.
            let settled = try await IngestLoopTests.eventually {
                seen.contains { !$0.catchingUp } && !bench.pipeline.indexMergeDue.withLock { $0 }
            }
            #expect(settled, "the observer never heard the end of the catch-up")
            let calls = seen.count
            try await Task.sleep(for: .seconds(1))
            #expect(seen.count == calls, "\(seen.count - calls) calls in an idle second")

            // A file read and committed: the new count reaches the observer with nothing else asked.
            try bench.folder.write("inbox/harbour.txt", "Harbour reopens\n\nThe harbour reopened on Monday.\n")
            bench.pipeline.submit(.ready(bench.folder.path + "/inbox/harbour.txt"))
            let ingested = try await IngestLoopTests.eventually {
                seen.contains { $0.articles == 1 && $0.pending == 0 }
            }
            #expect(ingested, "the observer never saw the article")

            // The inbox deleted (what the watcher reports then is a rescan): degraded, with its reason.
            try FileManager.default.removeItem(atPath: bench.folder.path + "/inbox")
            bench.pipeline.submit(.rescan(reason: "inbox deleted"))
            let degraded = try await IngestLoopTests.eventually {
                seen.contains { $0.degraded && $0.lastError?.contains("is missing") == true }
            }
            #expect(degraded, "the observer never saw the inbox missing")

            // Back again: the next scan clears it.
            try bench.folder.write("inbox/.keep", "")
            bench.pipeline.submit(.rescan(reason: "inbox created"))
            let back = try await IngestLoopTests.eventually { bench.pipeline.stats.degraded == false }
            #expect(back, "never watching again")
            #expect(seen.contains { !$0.degraded && $0.lastError == nil && $0.articles == 1 })
        }
    }

    @Test func pauseAndResumeReachTheObservers() async throws {
        let bench = try IngestLoopTests.Bench()
        let seen = Seen(watching: bench.pipeline)
        bench.pipeline.setPaused(true)
        #expect(seen.contains(\.paused))
        let calls = seen.count
        bench.pipeline.setPaused(true)
        #expect(seen.count == calls, "a pause that changed nothing was announced")
        bench.pipeline.setPaused(false)
        #expect(seen.snapshots.withLock { $0.last?.paused } == false)
    }
}
