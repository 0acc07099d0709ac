import Logging
import NewsStore

/// The commit of a batch through the `Committer`, and what it changes in the counters.
extension IngestPipeline {
    /// Returns false when the transaction failed (nothing of the batch was committed).
    func commit(_ outcomes: [FileOutcome], settings: IngestSettings, entities: NewsStore.EntityRows = .now) async -> Bool {
        let disposer = Disposer(directory: InboxDirectory(root: inbox), settings: settings, logger: logger)
        switch await committer.commit(outcomes, disposer: disposer, entities: entities) {
        case .nothing:
            return true
        case .failed(let reason):
            statsBox.withLock {
                $0.degraded = true
                $0.lastError = reason
            }
            return false
        case .committed(let report, let files, let resumed):
            if outcomes.reduce(0, { $0 + ($1.commit?.size ?? 0) }) >= Self.trimAfterBytes {
                // A very large file leaves its copies in freed heap pages; they are given back once
                // the loop is idle, when the batch's arrays are gone (here they are still held).
                heapTrimDue.withLock { $0 = true }
            }
            // The writer counted in the transaction what it created, deleted and failed.
            statsBox.withLock {
                $0.articles += report.articleChange
                $0.failed += report.failedChange
                $0.ingestedSinceStart += report.articles.count
                $0.filesSinceStart += files
                $0.commitsSinceStart += 1
                if resumed {
                    $0.degraded = false
                    $0.lastError = nil
                }
            }
            return true
        }
    }

    /// Records the files that left the inbox since the last transaction when no batch will: before
    /// a scan or a look at removals (which would take them for vanished), when the loop goes idle,
    /// and at shutdown.
    func recordLeft() async {
        if let problem = await committer.recordLeft() { statsBox.withLock { $0.lastError = problem } }
    }

    /// Whether a failed write still holds ingest back.
    var isBackingOff: Bool { committer.isBackingOff }

    /// A batch of at least this many bytes is followed by a `malloc_trim` when the loop goes idle.
    static let trimAfterBytes: Int64 = 16 * 1024 * 1024
}
