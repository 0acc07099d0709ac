import CNewsLinux
import Foundation
import Logging
import NIOPosix
import NewsCore
import NewsStore
import NewsWorker
import SystemPackage

/// The commit of a batch and what follows it: counters, observers, the files' disposition, and
/// the back-off after a failed write.
extension IngestPipeline {
    /// Returns false when the transaction failed (nothing of the batch was committed).
    func commit(_ outcomes: [FileOutcome], settings: IngestSettings) async -> Bool {
        var commits: [FileCommit] = []
        for outcome in outcomes {
            switch outcome {
            case .skip: continue
            case .commit(let commit, _), .quarantine(let commit, _, _): commits.append(commit)
            }
        }
        guard !commits.isEmpty else { return true }
        let committed: [CommittedArticle]
        do {
            committed = try await store.commit(commits)
        } catch {
            backOff(after: error)
            return false
        }
        recovered()
        journal?.end(commits.compactMap(\.identity))
        let newArticles = committed.filter { $0.revision == 1 }.count
        let failures = outcomes.filter { if case .quarantine = $0 { true } else { false } }.count
        statsBox.withLock {
            $0.articles += newArticles
            $0.failed += failures
            $0.ingestedSinceStart += committed.count
            $0.filesSinceStart += commits.count
            $0.commitsSinceStart += 1
        }
        for observer in observers.withLock({ $0 }) { observer(committed) }
        await afterCommit(outcomes, settings: settings)
        if commits.reduce(0, { $0 + $1.size }) >= Self.trimAfterBytes {
            // A very large file leaves its copies in freed heap pages: give them back.
            _ = cnews_malloc_trim()
        }
        return true
    }

    /// A failed write (the disk full, the database read-only): ingest pauses as `degraded` with
    /// the reason, and tries again after 1 s, doubling up to 60 s; one log line when it starts.
    func backOff(after error: any Error) {
        let reason = "database write failed: \(error); ingest paused, retrying"
        let first = backoff.withLock { state -> Bool in
            let delay = min(Duration.seconds(60), (state?.delay ?? .milliseconds(500)) * 2)
            let first = state == nil
            state = (ContinuousClock.now.advanced(by: delay), delay)
            return first
        }
        statsBox.withLock {
            $0.degraded = true
            $0.lastError = reason
        }
        if first { logger.error("\(reason)", metadata: ["event": "ingest_paused"]) }
    }

    /// A commit went through after failed ones: ingest runs again.
    func recovered() {
        guard backoff.withLock({ state in defer { state = nil }; return state != nil }) else { return }
        statsBox.withLock {
            $0.degraded = false
            $0.lastError = nil
        }
        logger.notice("database writes work again; ingest resumed", metadata: ["event": "ingest_resumed"])
    }

    /// Whether a failed write still holds ingest back.
    var isBackingOff: Bool {
        backoff.withLock { $0.map { ContinuousClock.now < $0.until } ?? false }
    }

    /// Quarantine moves and `after_ingest`, strictly after the commit that records them.
    func afterCommit(_ outcomes: [FileOutcome], settings: IngestSettings) async {
        let disposer = Disposer(directory: InboxDirectory(root: inbox), settings: settings, logger: logger)
        // The parsing threads may hold every thread of the pool while they read the next batch.
        guard disposer.hasWork(outcomes) else { return }
        guard let left = try? await threadPool.runIfActive({ disposer.dispose(outcomes) }) else { return }
        guard !left.isEmpty else { return }
        // New files have no id in their commit: find them by path.
        var ids: [Int64] = []
        var movedTo: [Int64: String] = [:]
        for file in left {
            var fileID = file.fileID
            if fileID == nil { fileID = try? await store.fileRecord(path: file.path)?.id }
            guard let fileID else { continue }
            ids.append(fileID)
            if let destination = file.movedTo { movedTo[fileID] = destination }
        }
        do {
            try await store.markLeft(ids: ids, movedTo: movedTo, vanished: false)
        } catch {
            record(error: "recording disposition failed: \(error)")
        }
    }
}
