import CNewsLinux
import Foundation
import Logging
import NIOPosix
import NewsCore
import NewsStore
import NewsWorker
import ServiceLifecycle
import Synchronization
import SystemPackage

/// The ingest loop: the only writer to the database. It gathers inbox events, decides which files
/// are ready, reads and parses them on the thread pool, and commits each batch in one transaction
/// (file offsets and articles together), then moves files as `after_ingest` says and tells its
/// observers. Ingest never waits for a client: observers get values, not locks.
public final class IngestPipeline: Service, Sendable {
    /// Called after each commit with the articles created or revised.
    public typealias CommitObserver = @Sendable ([CommittedArticle]) -> Void

    typealias Retry = (ids: [Int64]?, done: CheckedContinuation<Int, Never>)

    /// The watched folder.
    public let inbox: FilePath
    let store: NewsStore
    let logger: Logger
    /// Which files are ready to be read.
    let tracker: Tracker
    let settingsBox: Mutex<IngestSettings>
    let retries = Mutex<[Retry]>([])
    let wake: AsyncStream<Void>
    let wakeContinuation: AsyncStream<Void>.Continuation
    /// The counters and state; a change tells the stats observers (STATUS=).
    let statsBox: StatsBox
    /// The one writer: commits, counts, observers, disposition, back-off.
    let committer: Committer
    let heartbeat: @Sendable () -> Void
    /// How often `heartbeat` wants a call; nil: once a turn, with no wake-up of its own.
    let heartbeatInterval: Duration?
    /// When `heartbeat` is next due (with `heartbeatInterval`).
    let nextHeartbeat = Mutex(ContinuousClock.now)
    let threadPool: NIOThreadPool
    /// The parser workers: every file's bytes are parsed there, never in the daemon.
    package let parsers: ParserPool
    /// The files being read, kept beside the database for a restart after a crash.
    let journal: InFlightJournal?
    /// Loading the linking memory while idle failed once: left to the next commit.
    let linkingLoadFailed = Mutex(false)
    /// Files committed when the log was last checkpointed.
    let filesAtCheckpoint = Mutex(0)
    /// Set by a scan or a burst of files: the heap they used is given back once the loop is idle.
    let heapTrimDue = Mutex(false)
    /// True when a commit may have left the full-text index segments to merge.
    let indexMergeDue = Mutex(true)
    /// When the last batch was read: merging waits for `mergeQuiet` after it.
    let lastBatch = Mutex(ContinuousClock.now)
    /// The merge under way: its steps and its longest step, logged when it ends.
    let mergeProgress = Mutex<(steps: Int, longest: Duration)>((0, .zero))
    /// A merge cut short by `mergeSlice` goes on from here: it gets as long a pause as a slice.
    let mergeResume = Mutex(ContinuousClock.now)
    /// A batch that holds, with the files waiting behind it, this many files or more is a backlog:
    /// its entity rows wait for the inbox to go idle.
    static let entityBacklogFiles = 16
    /// The entity rows waiting for an idle moment (`writeEntitiesWhileIdle`).
    let entityBacklog = Mutex(EntityBacklog())
    /// Loop turns since the start; tests count them to see that an idle loop sleeps.
    let turns = Atomic<Int>(0)

    /// Creates the pipeline. `heartbeat` is called by the loop itself, so that a stuck loop stops
    /// calling it (the systemd watchdog): every `heartbeatInterval` (the loop wakes for it when
    /// nothing else comes), or once a turn when that is nil (the default).
    /// - Throws: `StoreError` when the counts cannot be read from the database.
    package init(
        inbox: FilePath, store: NewsStore, settings: IngestSettings, parsers: ParserPool, logger: Logger,
        threadPool: NIOThreadPool = .singleton, heartbeatInterval: Duration? = nil,
        heartbeat: @escaping @Sendable () -> Void = {}
    ) throws(StoreError) {
        self.inbox = inbox
        self.parsers = parsers
        self.journal = InFlightJournal(path: store.path + ".inflight")
        self.store = store
        self.logger = logger
        self.tracker = Tracker(settle: settings.settle, root: RawName.string(inbox))
        self.settingsBox = Mutex(settings)
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.heartbeat = heartbeat
        self.heartbeatInterval = heartbeatInterval
        self.threadPool = threadPool
        // Files a run that died had moved or removed without recording it: recorded before anything is read.
        let directory = InboxDirectory(root: inbox)
        let leaving =
            LeavingFiles(path: store.path + ".leaving") { entry in
                (try? directory.stat(entry.path))??.identity == entry.identity
            } ?? LeavingFiles()
        if leaving.count > 0 {
            logger.notice(
                "\(leaving.count) files a previous run archived or deleted are recorded before anything is read",
                metadata: ["event": "leaving-recovered", "files": "\(leaving.count)"])
        }
        self.committer = Committer(
            store: store, journal: journal, logger: logger, threadPool: threadPool, leaving: leaving)
        let counts = try store.countsNow()
        self.statsBox = StatsBox(IngestStats(articles: counts.articles, failed: counts.failed))
    }

    /// A snapshot of the counters.
    public var stats: IngestStats { statsBox.withLock { $0 } }

    /// The settings in force.
    public var settings: IngestSettings { settingsBox.withLock { $0 } }

    /// Registers an observer of commits (follow streams, the log).
    public func observe(_ observer: @escaping CommitObserver) {
        committer.observe(observer)
    }

    /// Registers an observer of `stats`: called, on whatever thread made it, after each change of
    /// the counts, the pending files, the state or the last error. It must return at once (it
    /// signals; it does not do the work), and it may read `stats`.
    public func observeStats(_ observer: @escaping @Sendable () -> Void) {
        statsBox.observe(observer)
    }

    /// Feeds an inbox event (from the watcher's thread or a poller).
    public func submit(_ event: InboxEvent) {
        tracker.submit(event)
        wakeContinuation.yield()
    }

    /// Applies reloaded settings; they take effect from the next batch.
    public func update(settings: IngestSettings) {
        settingsBox.withLock { $0 = settings }
        tracker.settle = settings.settle
        wakeContinuation.yield()
    }

    /// Stops or restarts reading files; events keep queueing while paused.
    public func setPaused(_ paused: Bool) {
        statsBox.withLock { $0.paused = paused }
        wakeContinuation.yield()
    }

    /// Puts quarantined files (all when `ids` is nil) back into the inbox and reads them again;
    /// returns how many were put back.
    public func retry(ids: [Int64]?) async -> Int {
        await withCheckedContinuation { done in
            retries.withLock { $0.append((ids, done)) }
            wakeContinuation.yield()
        }
    }

    /// One loop turn: retries, due settling files, a rescan when asked, then batches until the
    /// queue is empty (or paused).
    func turn() async {
        let requests = retries.withLock { r in
            defer { r.removeAll() }
            return r
        }
        for request in requests {
            request.done.resume(returning: await putBack(ids: request.ids))
        }
        await recordLeft()
        await promoteSettled()
        if let rescan = tracker.takeRescan() { await reconcile(reason: rescan) }
        // After the rescan: a fresh file it found is shown as settling now, not at the next wake.
        await recordSettling()
        await handleRemovals()
        // Batch n+1 is read and parsed while batch n commits (and moves its files): the writer and
        // the parsing threads work at once. The commit is the task group's one child (at most one
        // runs); a file of batch n queued again waits for that commit, so that its look-up and its
        // disposition see it.
        await withTaskGroup(of: Void.self) { commits in
            var committing = false
            var inFlight: Set<String> = []
            let writer = WriterState()
            while !statsBox.withLock({ $0.paused }) && !isBackingOff {
                let settings = self.settings
                var batch = tracker.takeBatch(settings.batchMaxArticles)
                updatePending()
                if batch.isEmpty { break }
                let waiting = batch.filter(inFlight.contains)
                if !waiting.isEmpty {
                    batch.removeAll(where: inFlight.contains)
                    putBackInFront(waiting)
                    if batch.isEmpty {
                        if committing { await commits.next() }
                        committing = false
                        inFlight = []
                        continue
                    }
                }
                if let alone = suspect(in: batch) {
                    // A file that was in flight when newsd died is read and committed alone, so that
                    // it alone is blamed if that happens again.
                    if committing { await commits.next() }
                    committing = false
                    inFlight = []
                    putBackInFront(batch.filter { $0 != alone })
                    batch = [alone]
                }
                let done = await read(batch, settings: settings, writer: writer)
                if committing { await commits.next() }
                committing = false
                inFlight = []
                beatIfDue()
                if let (outcomes, readPaths) = done {
                    indexMergeDue.withLock { $0 = true }
                    lastBatch.withLock { $0 = .now }
                    inFlight = Set(readPaths)
                    writer.begin()
                    let paths = Array(readPaths)
                    // During a backlog the articles' entity rows wait for the inbox to go idle
                    // (`NewsStore.EntityRows`); a few files get them in their own transaction.
                    let backlog = batch.count + tracker.pending >= Self.entityBacklogFiles
                    let entities: NewsStore.EntityRows = backlog ? .later : .now
                    if backlog { entityBacklog.withLock { $0.due = true } }
                    commits.addTask {
                        if !(await self.commit(outcomes, settings: settings, entities: entities)) {
                            // Nothing was committed: the files wait, counted in `pending`, and are read again.
                            self.putBackInFront(paths)
                        }
                        writer.end()
                    }
                    committing = true
                }
            }
        }
        if tracker.isIdle || statsBox.withLock({ $0.paused }) { await recordLeft() }
        if tracker.isIdle {
            statsBox.withLock { $0.catchingUp = false }
            let committed = statsBox.withLock { $0.filesSinceStart }
            if committed - filesAtCheckpoint.withLock({ $0 }) >= 1000 {
                filesAtCheckpoint.withLock { $0 = committed }
                heapTrimDue.withLock { $0 = true }
                await store.checkpoint()
            }
            if heapTrimDue.withLock({ due in defer { due = false }; return due }) {
                // A catch-up or a reconcile leaves the queue's and the batches' memory in freed
                // heap pages scattered between live ones; glibc keeps them unless asked.
                _ = cnews_malloc_trim()
            }
            await loadLinkingWhileIdle()
            await writeEntitiesWhileIdle()
            await mergeIndexWhileIdle()
        }
        updatePending()
    }

    private func updatePending() {
        let pending = tracker.pending
        statsBox.withLock { $0.pending = pending }
    }

    /// Files written without a close event are ready once quiet for `settle_ms`: no write event
    /// since the deadline was set, and size and mtime unchanged since the last look (writes
    /// through mmap send no events; the mtime still moves). A file whose mtime is already
    /// `settle_ms` old at the first look is quiet at once.
    private func promoteSettled() async {
        let due = tracker.due()
        guard !due.isEmpty else { return }
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        // Looks are system calls: they run on the thread pool, not the cooperative one.
        let looks = (try? await threadPool.runIfActive { () -> [String: Tracker.Look] in
            var looks: [String: Tracker.Look] = [:]
            for path in due.keys {
                if let look = processor.stat(path) { looks[path] = .init(size: look.size, mtimeNanoseconds: look.mtimeNanoseconds) }
            }
            return looks
        }) ?? [:]
        tracker.settled(due, looks: looks, wallNow: Self.wallClockNanoseconds())
    }

    /// Gives files that started settling a `settling` row, so `status PATH` can say so. Files
    /// that already yielded an article keep their `ingested` row while an append settles.
    private func recordSettling() async {
        let paths = tracker.takeNewlySettling()
        guard !paths.isEmpty else { return }
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        let entries = (try? await threadPool.runIfActive { () -> [NewsStore.SettlingFile] in
            paths.compactMap { path in
                guard let look = processor.stat(path), look.isRegular else { return nil }
                return .init(path: processor.relative(path), identity: look.identity, mtimeNanoseconds: look.mtimeNanoseconds)
            }
        }) ?? []
        do {
            try await store.markSettling(entries)
        } catch {
            record(error: "recording settling files failed: \(error)")
        }
    }

    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Stats, looks up and reads one chunk of a batch (on a thread-pool thread). Rows of files that
    /// left the inbox but are not yet recorded so (`leaving`) match no file.
    private static func read(
        _ chunk: ArraySlice<String>, processor: FileProcessor, store: NewsStore, leaving: LeavingFiles
    ) throws -> [FileOutcome] {
        var stats: [(String, FileStat)] = []
        for path in chunk {
            guard let st = processor.stat(path), st.isRegular, st.size >= 0 else { continue }
            stats.append((path, st))
        }
        var known = try store.fileRecords(for: stats.map(\.1.identity))
        if leaving.count > 0 { known = known.filter { !leaving.contains($0.value.id) } }
        let unknown = stats.filter { known[$0.1.identity] == nil }.map { processor.relative($0.0) }
        var byPath = unknown.isEmpty ? [:] : try store.presentFileRecords(paths: unknown)
        if leaving.count > 0 { byPath = byPath.filter { !leaving.contains($0.value.id) } }
        return stats.map { path, st in
            var record = known[st.identity]
            if record == nil, let previous = byPath[processor.relative(path)], previous.identity != st.identity {
                // A new inode under a known name: it replaced that file (rename over it).
                record = previous
            }
            return processor.process(path, stat: st, record: record)
        }
    }

    /// How many files a batch may grow to while the previous one commits: larger transactions cost
    /// less CPU per file (fewer full-text segments to write and merge), but every file read waits in
    /// memory, parsed, until its commit. 96 rather than 192: 4–5 MiB less at the peak of a
    /// catch-up, and the writer's CPU per file the same within the measurements' spread
    /// (docs/BENCHMARKS.md, "Memory").
    static let busyWriterBatch = 96

    /// Reads and parses one batch; files left when `batch_max_delay` ran out go back to the front
    /// of the queue. Returns the outcomes and the paths read, nil when reading failed (recorded as
    /// the last error).
    private func read(_ paths: [String], settings: IngestSettings, writer: WriterState) async
        -> (outcomes: [FileOutcome], read: ArraySlice<String>)?
    {
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        let store = self.store
        let leaving = committer.leaving
        let outcomes: [FileOutcome]
        let claimed: Int
        // A batch closes when it holds `batch_max_articles` files or when `batch_max_delay` has
        // passed since its first file was read, whichever comes first: slow parsing never holds
        // back the commit of files already read. While the previous batch is still committing,
        // reading goes on (its commit could not start sooner), up to `busyWriterBatch` files, so
        // batches grow when the writer is the slower side and each transaction carries more files.
        let budget = settings.batchMaxDelay
        let started = ContinuousClock.now
        let cursor = BatchCursor()
        let workers = parsers.size
        do {
            // Parsing is the costly part: every core of the thread pool takes chunks of the batch.
            // Each claimed chunk is read whole, so the files read are exactly a prefix of `paths`.
            let chunks = try await withThrowingTaskGroup(of: [(Int, [FileOutcome])].self) { group in
                for _ in 0..<workers {
                    group.addTask { [threadPool] in
                        try await threadPool.runIfActive { () throws -> [(Int, [FileOutcome])] in
                            var done: [(Int, [FileOutcome])] = []
                            while started.duration(to: .now) < budget
                                || writer.isBusy && !cursor.isPast(Self.busyWriterBatch)
                                || done.isEmpty && cursor.isFirst
                            {
                                let start = cursor.claim(16)
                                guard start < paths.count else { break }
                                let chunk = paths[start..<min(paths.count, start + 16)]
                                done.append((start, try Self.read(chunk, processor: processor, store: store, leaving: leaving)))
                            }
                            return done
                        }
                    }
                }
                var all: [(Int, [FileOutcome])] = []
                for try await part in group { all += part }
                return all.sorted { $0.0 < $1.0 }
            }
            outcomes = chunks.flatMap { $0.1 }
            claimed = chunks.last.map { min(paths.count, $0.0 + 16) } ?? 0
        } catch {
            record(error: "reading batch failed: \(error)")
            return nil
        }
        putBackInFront(Array(paths[claimed...]))
        return (outcomes, paths[..<claimed])
    }

    /// The first file of a batch (of several) that was in flight when newsd died, if any.
    private func suspect(in batch: [String]) -> String? {
        guard batch.count > 1, let journal, journal.hasSuspects else { return nil }
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        return batch.first { path in processor.stat(path).map { journal.deaths($0.identity) > 0 } ?? false }
    }

    /// Returns paths to the front of the ready queue, ahead of files that came later.
    private func putBackInFront(_ paths: [String]) {
        tracker.putBackInFront(paths)
    }

    func record(error: String) {
        logger.error("\(error)", metadata: ["event": "ingest_error"])
        statsBox.withLock { $0.lastError = error }
    }
}
