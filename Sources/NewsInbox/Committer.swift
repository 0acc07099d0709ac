import Logging
import NIOPosix
import NewsCore
import NewsStore
import Synchronization
import SystemPackage

/// The writer stage of the pipeline. A batch goes into the database in one transaction
/// (`NewsStore.commitBatch`: the files' offsets and states, their articles, the full-text rows and
/// what the counts gained or lost), then its articles go to the observers (follow streams, the
/// log) and its files to the `Disposer` (quarantine, `after_ingest`). The files that left are
/// recorded, under the row ids the commit handed back, by the next batch's transaction, or by
/// `recordLeft` when the loop goes idle first: no transaction of their own while batches follow.
/// A failed write backs off: ingest pauses, tries again after 1 s, doubling up to 60 s, and logs
/// one line when it starts and one when writes work again.
final class Committer: Sendable {
    /// Called after each commit with the articles created or revised.
    typealias Observer = IngestPipeline.CommitObserver

    /// What a call of `commit` did, for the pipeline's counters and `status`.
    enum Outcome: Sendable {
        /// Nothing to write: every file of the batch was skipped.
        case nothing
        /// Written (with the disposition of earlier batches' files). `resumed` when it ended a back-off.
        case committed(NewsStore.CommitReport, files: Int, resumed: Bool)
        /// The transaction rolled back and nothing of the batch is in the database; `reason` is for
        /// `status`.
        case failed(reason: String)
    }

    let store: NewsStore
    let journal: InFlightJournal?
    let logger: Logger
    let threadPool: NIOThreadPool
    private let observers = Mutex<[Observer]>([])
    /// Files that left the inbox and wait for the next transaction to record it.
    let leaving: LeavingFiles
    /// After a failed write: when to try again, and the delay that led there.
    private let backoff = Mutex<(until: ContinuousClock.Instant, delay: Duration)?>(nil)

    init(
        store: NewsStore, journal: InFlightJournal?, logger: Logger, threadPool: NIOThreadPool,
        leaving: LeavingFiles = LeavingFiles()
    ) {
        self.store = store
        self.leaving = leaving
        self.journal = journal
        self.logger = logger
        self.threadPool = threadPool
    }

    /// Registers an observer of commits.
    func observe(_ observer: @escaping Observer) {
        observers.withLock { $0.append(observer) }
    }

    /// Whether a failed write still holds ingest back.
    var isBackingOff: Bool {
        backoff.withLock { $0.map { ContinuousClock.now < $0.until } ?? false }
    }

    /// When the back-off after a failed write ends, while it lasts.
    var backoffUntil: ContinuousClock.Instant? {
        backoff.withLock { state in state.map(\.until).flatMap { $0 > .now ? $0 : nil } }
    }

    /// Whether the last write failed (and none has worked since).
    var lastWriteFailed: Bool { backoff.withLock { $0 != nil } }

    /// Commits the batch's outcomes, tells the observers, and disposes of the files.
    /// `entities`: whether the articles' entity rows are written in this transaction or later.
    func commit(_ outcomes: [FileOutcome], disposer: Disposer, entities: NewsStore.EntityRows = .now) async -> Outcome {
        let commits = outcomes.compactMap(\.commit)
        guard !commits.isEmpty else { return .nothing }
        let report: NewsStore.CommitReport
        let left = leaving.pending()
        do {
            report = try await store.commitBatch(commits, left: left, entities: entities)
        } catch {
            return .failed(reason: backOff(after: error))
        }
        leaving.recorded(left)
        let resumed = recovered()
        journal?.end(commits.compactMap(\.identity))
        for observer in observers.withLock({ $0 }) { observer(report.articles) }
        await dispose(Self.identified(outcomes, fileIDs: report.fileIDs), disposer: disposer)
        return .committed(report, files: commits.count, resumed: resumed)
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
            case .quarantine(var commit, let reason, let source, let destination):
                commit.fileID = ids.popFirst() ?? commit.fileID
                return .quarantine(commit, reason: reason, source: source, destination: destination)
            }
        }
    }

    /// Quarantine moves and `after_ingest`, strictly after the commit that records them. The files
    /// that left wait in `leaving` for the next transaction (their rows keep the files' (device,
    /// inode) until then, which the look-ups pass over).
    private func dispose(_ outcomes: [FileOutcome], disposer: Disposer) async {
        // The parsing threads may hold every thread of the pool while they read the next batch.
        guard disposer.hasWork(outcomes) else { return }
        _ = try? await threadPool.runIfActive { [leaving] in disposer.dispose(outcomes, leaving: leaving) }
    }

    /// Records the files that left the inbox since the last transaction, in one of their own: the
    /// loop calls it when no batch follows (idle, paused, before a scan, at shutdown). Returns a
    /// problem for `status`; the files stay to be recorded by the next transaction.
    func recordLeft() async -> String? {
        let left = leaving.pending()
        guard !left.isEmpty else { return nil }
        do {
            _ = try await store.commitBatch([], left: left)
            leaving.recorded(left)
            return nil
        } catch {
            let problem = "recording disposition failed: \(error)"
            logger.error("\(problem)", metadata: ["event": "ingest_error"])
            return problem
        }
    }

    /// Starts or lengthens the back-off after a failed write; returns the reason for `status`.
    private func backOff(after error: any Error) -> String {
        let reason = "database write failed: \(error); ingest paused, retrying"
        let first = backoff.withLock { state -> Bool in
            let delay = min(Duration.seconds(60), (state?.delay ?? .milliseconds(500)) * 2)
            let first = state == nil
            state = (ContinuousClock.now.advanced(by: delay), delay)
            return first
        }
        if first { logger.error("\(reason)", metadata: ["event": "ingest_paused"]) }
        return reason
    }

    /// Ends a back-off after a commit went through; true when there was one.
    private func recovered() -> Bool {
        guard backoff.withLock({ state in defer { state = nil }; return state != nil }) else { return false }
        logger.notice("database writes work again; ingest resumed", metadata: ["event": "ingest_resumed"])
        return true
    }
}

extension FileOutcome {
    /// What the outcome writes, nil for a skipped file.
    var commit: FileCommit? {
        switch self {
        case .skip: nil
        case .commit(let commit, _), .quarantine(let commit, _, _, _): commit
        }
    }
}
