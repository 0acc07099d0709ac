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
        let report: NewsStore.CommitReport
        do {
            report = try await store.commitBatch(commits)
        } catch {
            backOff(after: error)
            return false
        }
        recovered()
        journal?.end(commits.compactMap(\.identity))
        // The writer counted in the transaction what it created, deleted and failed.
        statsBox.withLock {
            $0.articles += report.articleChange
            $0.failed += report.failedChange
            $0.ingestedSinceStart += report.articles.count
            $0.filesSinceStart += commits.count
            $0.commitsSinceStart += 1
        }
        for observer in observers.withLock({ $0 }) { observer(report.articles) }
        await afterCommit(Self.identified(outcomes, fileIDs: report.fileIDs), settings: settings)
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

    /// The outcomes with each commit's file row id as the commit gave it (`fileIDs`, in the order of
    /// the commits), so a new file's row need not be looked up again.
    static func identified(_ outcomes: [FileOutcome], fileIDs: [Int64]) -> [FileOutcome] {
        var ids = fileIDs[...]
        return outcomes.map { outcome in
            switch outcome {
            case .skip:
                return .skip
            case .commit(var commit, let dispose):
                commit.fileID = ids.popFirst() ?? commit.fileID
                return .commit(commit, dispose: dispose)
            case .quarantine(var commit, let source, let destination):
                commit.fileID = ids.popFirst() ?? commit.fileID
                return .quarantine(commit, source: source, destination: destination)
            }
        }
    }

    /// Quarantine moves and `after_ingest`, strictly after the commit that records them.
    func afterCommit(_ outcomes: [FileOutcome], settings: IngestSettings) async {
        let disposer = Disposer(directory: InboxDirectory(root: inbox), settings: settings, logger: logger)
        // The parsing threads may hold every thread of the pool while they read the next batch.
        guard disposer.hasWork(outcomes) else { return }
        guard let left = try? await threadPool.runIfActive({ disposer.dispose(outcomes) }) else { return }
        guard !left.isEmpty else { return }
        var ids: [Int64] = []
        var movedTo: [Int64: String] = [:]
        for file in left {
            guard let fileID = file.fileID else { continue }
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
