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

    /// A file written without a close event, waiting for `settle_ms` of quiet.
    struct Settle {
        /// When to look at it again.
        var deadline: ContinuousClock.Instant
        /// Size and mtime at the last look, nil before the first.
        var last: (size: Int64, mtime: Int64)?
    }

    struct Queue {
        var ready: [String] = []
        var readySet: Set<String> = []
        var settling: [String: Settle] = [:]
        /// Paths that started settling since the last turn, for their `settling` rows.
        var newlySettling: [String] = []
        var removed: [String] = []
        var rescan: String?
        var retry: [(ids: [Int64]?, done: CheckedContinuation<Int, Never>)] = []
        var settings: IngestSettings
    }

    /// The watched folder.
    public let inbox: FilePath
    private let store: NewsStore
    private let logger: Logger
    private let queue: Mutex<Queue>
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    private let statsBox: Mutex<IngestStats>
    private let observers: Mutex<[CommitObserver]> = Mutex([])
    private let heartbeat: @Sendable () -> Void
    private let threadPool: NIOThreadPool
    /// The parser workers: every file's bytes are parsed there, never in the daemon.
    package let parsers: ParserPool
    /// The files being read, kept beside the database for a restart after a crash.
    private let journal: InFlightJournal?
    /// After a failed write: when to try again, and the delay that led there.
    private let backoff = Mutex<(until: ContinuousClock.Instant, delay: Duration)?>(nil)
    /// Files committed when the log was last checkpointed.
    private let filesAtCheckpoint = Mutex(0)

    /// Creates the pipeline. `heartbeat` is called from every loop turn (at least ten times a
    /// second), so the watchdog is fed by the loop itself.
    package init(
        inbox: FilePath, store: NewsStore, settings: IngestSettings, parsers: ParserPool, logger: Logger,
        threadPool: NIOThreadPool = .singleton, heartbeat: @escaping @Sendable () -> Void = {}
    ) throws(StoreError) {
        self.inbox = inbox
        self.parsers = parsers
        self.journal = InFlightJournal(path: store.path + ".inflight")
        self.store = store
        self.logger = logger
        self.queue = Mutex(Queue(settings: settings))
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.heartbeat = heartbeat
        self.threadPool = threadPool
        let counts = try store.countsNow()
        self.statsBox = Mutex(IngestStats(articles: counts.articles, failed: counts.failed))
    }

    /// A snapshot of the counters.
    public var stats: IngestStats { statsBox.withLock { $0 } }

    /// The settings in force.
    public var settings: IngestSettings { queue.withLock { $0.settings } }

    /// Registers an observer of commits (follow streams, STATUS=).
    public func observe(_ observer: @escaping CommitObserver) {
        observers.withLock { $0.append(observer) }
    }

    /// Feeds an inbox event (from the watcher's thread or a poller).
    public func submit(_ event: InboxEvent) {
        queue.withLock { q in
            switch event {
            case .ready(let path):
                q.settling[path] = nil
                if q.readySet.insert(path).inserted { q.ready.append(path) }
            case .modified(let path):
                if !q.readySet.contains(path) {
                    let deadline = ContinuousClock.now.advanced(by: q.settings.settle)
                    if q.settling[path] == nil {
                        q.settling[path] = Settle(deadline: deadline)
                        q.newlySettling.append(path)
                    } else {
                        q.settling[path]?.deadline = deadline
                    }
                }
            case .removed(let path):
                q.removed.append(path)
            case .rescan(let reason):
                q.rescan = reason
            }
        }
        wakeContinuation.yield()
    }

    /// Applies reloaded settings; they take effect from the next batch.
    public func update(settings: IngestSettings) {
        queue.withLock { $0.settings = settings }
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
            queue.withLock { $0.retry.append((ids, done)) }
            wakeContinuation.yield()
        }
    }

    /// Runs until cancelled or until graceful shutdown: the open batch is finished first.
    public func run() async throws {
        submit(.rescan(reason: "start-up scan"))
        let remote = Self.remoteFilesystem(inbox)
        if let remote {
            logger.notice(
                "inbox is on \(remote), where inotify misses changes made by other hosts; polling it",
                metadata: ["event": "polling", "inbox": "\(inbox)"])
        }
        await withDiscardingTaskGroup { group in
            group.addTask { [wakeContinuation] in
                // The ticker: settle deadlines, the heartbeat and periodic reconcile need a turn even
                // when no event comes.
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    wakeContinuation.yield()
                }
            }
            var lastReconcile = ContinuousClock.now
            var lastPoll = ContinuousClock.now
            for await _ in wake.cancelOnGracefulShutdown() {
                heartbeat()
                let settings = self.settings
                if let every = settings.reconcileInterval, lastReconcile.duration(to: .now) >= every {
                    lastReconcile = .now
                    submit(.rescan(reason: "periodic reconcile"))
                } else if let every = settings.pollInterval ?? (remote == nil ? nil : Self.remotePollInterval),
                    lastPoll.duration(to: .now) >= every
                {
                    lastPoll = .now
                    submit(.rescan(reason: "poll"))
                }
                await turn()
                if Task.isCancelled || Task.isShuttingDownGracefully { break }
            }
            group.cancelAll()
        }
        wakeContinuation.finish()
        journal?.clear()
    }

    /// How often an inbox on a network or FUSE filesystem is polled when `poll_interval_s` is 0.
    static let remotePollInterval: Duration = .seconds(2)

    /// The name of the inbox's filesystem (`statfs(2)`) when inotify cannot be trusted on it
    /// (NFS, CIFS/SMB, FUSE, 9p, AFS, Ceph, Lustre…): changes made elsewhere send no events there.
    /// nil for local filesystems and when `statfs` fails.
    package static func remoteFilesystem(_ path: FilePath) -> String? {
        let type = path.withPlatformString { cnews_filesystem_type($0) }
        guard type != -1 else { return nil }
        return remoteFilesystemNames[UInt32(truncatingIfNeeded: type)]
    }

    /// `f_type` magic numbers (linux/magic.h) of filesystems inotify does not fully see.
    static let remoteFilesystemNames: [UInt32: String] = [
        0x6969: "NFS", 0x517B: "SMB", 0xFF53_4D42: "CIFS", 0xFE53_4D42: "SMB2", 0x6573_5546: "FUSE",
        0x0102_1997: "9p", 0x5346_414F: "AFS", 0x00C3_6400: "Ceph", 0x0BD0_0BD0: "Lustre",
        0x6B41_4653: "AFS",
    ]

    /// One loop turn: retries, due settling files, a rescan when asked, then batches until the
    /// queue is empty (or paused).
    private func turn() async {
        let retries = queue.withLock { q in
            defer { q.retry.removeAll() }
            return q.retry
        }
        for request in retries {
            request.done.resume(returning: await putBack(ids: request.ids))
        }
        promoteSettled()
        await recordSettling()
        let rescan = queue.withLock { q in
            defer { q.rescan = nil }
            return q.rescan
        }
        if let rescan { await reconcile(reason: rescan) }
        await handleRemovals()
        // Batch n+1 is read and parsed while batch n commits (and moves its files): the writer and
        // the parsing threads work at once. A file of batch n queued again waits for that commit,
        // so that its look-up and its disposition see it.
        var committing: Task<Void, Never>?
        var inFlight: Set<String> = []
        let writer = WriterState()
        while !statsBox.withLock({ $0.paused }) && !isBackingOff {
            var (batch, settings) = queue.withLock { q -> ([String], IngestSettings) in
                let n = min(q.settings.batchMaxArticles, q.ready.count)
                let batch = Array(q.ready.prefix(n))
                q.ready.removeFirst(n)
                for path in batch { q.readySet.remove(path) }
                return (batch, q.settings)
            }
            updatePending()
            if batch.isEmpty { break }
            let waiting = batch.filter(inFlight.contains)
            if !waiting.isEmpty {
                batch.removeAll(where: inFlight.contains)
                putBackInFront(waiting)
                if batch.isEmpty {
                    await committing?.value
                    committing = nil
                    inFlight = []
                    continue
                }
            }
            let done = await read(batch, settings: settings, writer: writer)
            await committing?.value
            committing = nil
            inFlight = []
            heartbeat()
            if let (outcomes, readPaths) = done {
                inFlight = Set(readPaths)
                writer.begin()
                let paths = Array(readPaths)
                committing = Task {
                    if !(await self.commit(outcomes, settings: settings)) {
                        // Nothing was committed: the files wait, counted in `pending`, and are read again.
                        self.putBackInFront(paths)
                    }
                    writer.end()
                }
            }
        }
        await committing?.value
        let idle = queue.withLock { $0.ready.isEmpty && $0.settling.isEmpty && $0.rescan == nil }
        if idle {
            statsBox.withLock { $0.catchingUp = false }
            let committed = statsBox.withLock { $0.filesSinceStart }
            if committed - filesAtCheckpoint.withLock({ $0 }) >= 1000 {
                filesAtCheckpoint.withLock { $0 = committed }
                await store.checkpoint()
            }
        }
        updatePending()
    }

    private func updatePending() {
        let pending = queue.withLock { $0.ready.count + $0.settling.count }
        statsBox.withLock { $0.pending = pending }
    }

    /// Files written without a close event are ready once quiet for `settle_ms`: no write event
    /// since the deadline was set, and size and mtime unchanged since the last look (writes
    /// through mmap send no events; the mtime still moves). A file whose mtime is already
    /// `settle_ms` old at the first look is quiet at once.
    private func promoteSettled() {
        let now = ContinuousClock.now
        let (due, settle) = queue.withLock { q in
            (q.settling.filter { $0.value.deadline <= now }, q.settings.settle)
        }
        guard !due.isEmpty else { return }
        var looks: [String: FileStat] = [:]
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        for path in due.keys {
            if let look = processor.stat(path) { looks[path] = look }
        }
        let wallNow = Self.wallClockNanoseconds()
        let settleNanoseconds = Self.nanoseconds(settle)
        queue.withLock { q in
            for (path, entry) in due {
                // A newer event may have moved the deadline while we looked.
                guard let current = q.settling[path], current.deadline == entry.deadline else { continue }
                guard let look = looks[path] else {
                    q.settling[path] = nil  // gone: its removal event follows
                    continue
                }
                let quiet: Bool
                if let last = entry.last {
                    quiet = last.size == look.size && last.mtime == look.mtimeNanoseconds
                } else {
                    quiet = wallNow - look.mtimeNanoseconds >= settleNanoseconds
                }
                if quiet {
                    q.settling[path] = nil
                    if q.readySet.insert(path).inserted { q.ready.append(path) }
                } else {
                    q.settling[path] = Settle(
                        deadline: now.advanced(by: settle), last: (look.size, look.mtimeNanoseconds))
                }
            }
        }
    }

    /// Gives files that started settling a `settling` row, so `status PATH` can say so. Files
    /// that already yielded an article keep their `ingested` row while an append settles.
    private func recordSettling() async {
        let paths = queue.withLock { q in
            defer { q.newlySettling.removeAll() }
            return q.newlySettling.filter { q.settling[$0] != nil }
        }
        guard !paths.isEmpty else { return }
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        var entries: [NewsStore.SettlingFile] = []
        for path in paths {
            guard let look = processor.stat(path), look.isRegular else { continue }
            entries.append(
                .init(
                    path: processor.relative(path), identity: look.identity,
                    mtimeNanoseconds: look.mtimeNanoseconds))
        }
        do {
            try await store.markSettling(entries)
        } catch {
            record(error: "recording settling files failed: \(error)")
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Stats, looks up and reads one chunk of a batch (on a thread-pool thread).
    private static func read(_ chunk: ArraySlice<String>, processor: FileProcessor, store: NewsStore) throws
        -> [FileOutcome]
    {
        var stats: [(String, FileStat)] = []
        for path in chunk {
            guard let st = processor.stat(path), st.isRegular, st.size >= 0 else { continue }
            stats.append((path, st))
        }
        let known = try store.fileRecords(for: stats.map(\.1.identity))
        let unknown = stats.filter { known[$0.1.identity] == nil }.map { processor.relative($0.0) }
        let byPath = unknown.isEmpty ? [:] : try store.presentFileRecords(paths: unknown)
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
    /// memory, parsed, until its commit.
    static let busyWriterBatch = 192
    /// A batch of at least this many bytes is followed by a `malloc_trim`.
    static let trimAfterBytes: Int64 = 16 * 1024 * 1024

    /// Reads and parses one batch; files left when `batch_max_delay` ran out go back to the front
    /// of the queue. Returns the outcomes and the paths read, nil when reading failed (recorded as
    /// the last error).
    private func read(_ paths: [String], settings: IngestSettings, writer: WriterState) async
        -> (outcomes: [FileOutcome], read: ArraySlice<String>)?
    {
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        let store = self.store
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
                                done.append((start, try Self.read(chunk, processor: processor, store: store)))
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

    /// Returns paths to the front of the ready queue, ahead of files that came later.
    private func putBackInFront(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        queue.withLock { q in
            let fresh = paths.filter { q.readySet.insert($0).inserted }
            q.ready.insert(contentsOf: fresh, at: 0)
        }
    }

    /// Commits what a batch read, in one transaction, then tells the observers and moves files.
    /// Returns false when the transaction failed (nothing of the batch was committed).
    private func commit(_ outcomes: [FileOutcome], settings: IngestSettings) async -> Bool {
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
    private func backOff(after error: any Error) {
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
    private func recovered() {
        guard backoff.withLock({ state in defer { state = nil }; return state != nil }) else { return }
        statsBox.withLock {
            $0.degraded = false
            $0.lastError = nil
        }
        logger.notice("database writes work again; ingest resumed", metadata: ["event": "ingest_resumed"])
    }

    /// Whether a failed write still holds ingest back.
    private var isBackingOff: Bool {
        backoff.withLock { $0.map { ContinuousClock.now < $0.until } ?? false }
    }

    /// Quarantine moves and `after_ingest`, strictly after the commit that records them.
    private func afterCommit(_ outcomes: [FileOutcome], settings: IngestSettings) async {
        let directory = InboxDirectory(root: inbox)
        let logger = self.logger
        let left: [(Int64?, String, String?)]
        do {
            left = try await threadPool.runIfActive { () -> [(Int64?, String, String?)] in
                var left: [(Int64?, String, String?)] = []
                for outcome in outcomes {
                    switch outcome {
                    case .skip:
                        continue
                    case .quarantine(let commit, let source, let destination):
                        do {
                            guard let identity = commit.identity else { continue }
                            try directory.move(source, identity: identity, to: destination)
                            try FileMover.writeReason(commit.error ?? "unknown", for: destination, original: commit.path)
                            logger.warning(
                                "quarantined \(commit.path): \(commit.error ?? "")",
                                metadata: ["file": "\(commit.path)", "event": "quarantined"])
                        } catch {
                            logger.error(
                                "cannot quarantine \(commit.path): \(error)",
                                metadata: ["file": "\(commit.path)", "event": "quarantine_failed"])
                        }
                    case .commit(let commit, let dispose):
                        guard dispose, settings.afterIngest != .keep, let identity = commit.identity else { continue }
                        do {
                            // Only the file that was read goes: the name must still stand for its inode.
                            if settings.afterIngest == .delete {
                                try directory.remove(commit.path, identity: identity)
                                left.append((commit.fileID, commit.path, nil))
                            } else {
                                let destination = FileProcessor.freeName(FileProcessor.path(settings.archiveDir, commit.path))
                                try directory.move(commit.path, identity: identity, to: destination)
                                left.append((commit.fileID, commit.path, RawName.string(destination)))
                            }
                        } catch {
                            logger.error(
                                "cannot \(settings.afterIngest.rawValue) \(commit.path): \(error)",
                                metadata: ["file": "\(commit.path)", "event": "dispose_failed"])
                        }
                    }
                }
                return left
            }
        } catch {
            return
        }
        guard !left.isEmpty else { return }
        // New files have no id in their commit: find them by path.
        var ids: [Int64] = []
        var movedTo: [Int64: String] = [:]
        for (id, path, destination) in left {
            var fileID = id
            if fileID == nil { fileID = try? await store.fileRecord(path: path)?.id }
            guard let fileID else { continue }
            ids.append(fileID)
            if let destination { movedTo[fileID] = destination }
        }
        do {
            try await store.markLeft(ids: ids, movedTo: movedTo, vanished: false)
        } catch {
            record(error: "recording disposition failed: \(error)")
        }
    }

    /// Compares the whole inbox with the database: every file is queued (unchanged ones are
    /// skipped without being read) and rows whose file is no longer there are marked gone. A scan
    /// that fails marks nothing gone.
    private func reconcile(reason: String) async {
        let settings = self.settings
        let scanner = InboxScanner(
            root: inbox, patterns: settings.patterns, recursive: settings.recursive,
            excluded: [settings.quarantineDir, settings.archiveDir])
        let store = self.store
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        logger.debug("reconcile scan", metadata: ["reason": "\(reason)"])
        do {
            let (files, gone) = try await threadPool.runIfActive { () throws -> ([(String, FileStat)], [Int64]) in
                let paths = try scanner.files()
                var identities = Set<FileIdentity>()
                var files: [(String, FileStat)] = []
                for path in paths {
                    // A file that vanished between the walk and the look is simply not there.
                    let name = RawName.string(path)
                    if let st = processor.stat(name) {
                        identities.insert(st.identity)
                        files.append((name, st))
                    }
                }
                let gone = try store.presentFiles().filter { !identities.contains($0.identity) }.map(\.id)
                return (files, gone)
            }
            let failedWrites = backoff.withLock { $0 != nil }
            statsBox.withLock {
                if $0.degraded, !failedWrites {
                    $0.degraded = false
                    $0.lastError = nil
                }
            }
            // Files written to in the last `settle_ms` may still be open: they settle first.
            let wallNow = Self.wallClockNanoseconds()
            let settle = settings.settle
            let settleNanoseconds = Self.nanoseconds(settle)
            queue.withLock { q in
                for (path, st) in files where !q.readySet.contains(path) {
                    if wallNow - st.mtimeNanoseconds < settleNanoseconds {
                        if q.settling[path] == nil {
                            q.settling[path] = Settle(
                                deadline: .now.advanced(by: settle), last: (st.size, st.mtimeNanoseconds))
                        }
                    } else {
                        q.settling[path] = nil
                        q.readySet.insert(path)
                        q.ready.append(path)
                    }
                }
            }
            try await store.markLeft(ids: gone, vanished: true)
        } catch {
            statsBox.withLock { $0.degraded = true }
            if case Errno.noSuchFileOrDirectory? = error as? Errno {
                record(error: "inbox \(inbox) is missing (\(reason)); waiting for it")
            } else {
                record(error: "scan of \(inbox) failed: \(error)")
            }
        }
    }

    /// Marks files moved away or deleted from the inbox as gone (when nothing of theirs is left).
    private func handleRemovals() async {
        let removed = queue.withLock { q in
            defer { q.removed.removeAll() }
            return q.removed
        }
        guard !removed.isEmpty else { return }
        let processor = FileProcessor(inbox: inbox, settings: settings, parsers: parsers, journal: journal)
        var ids: [Int64] = []
        for path in removed {
            guard processor.stat(path) == nil else { continue }  // back already
            if let record = try? await store.fileRecord(path: processor.relative(path)),
                record.identity != nil, record.state != .failed
            {
                ids.append(record.id)
            }
        }
        try? await store.markLeft(ids: ids, vanished: true)
    }

    /// Moves quarantined files back to their inbox path and resets their rows.
    private func putBack(ids: [Int64]?) async -> Int {
        let records: [FileRecord]
        do {
            let failed = try await store.failedFiles()
            records = ids.map { wanted in failed.filter { wanted.contains($0.id) } } ?? failed
        } catch {
            record(error: "retry failed: \(error)")
            return 0
        }
        var count = 0
        for record in records {
            guard let from = record.movedTo else { continue }
            let destination = FileProcessor.path(inbox, record.path)
            do {
                try FileMover.move(RawName.path(from), to: destination)
                _ = RawName.path(from + ".reason").withPlatformString { unlink($0) }
                let identity = (try? FileStat.of(destination))??.identity
                try await store.resetForRetry(id: record.id, identity: identity)
                submit(.ready(RawName.string(destination)))
                count += 1
            } catch {
                logger.error("cannot put \(from) back: \(error)", metadata: ["file": "\(record.path)"])
            }
        }
        if count > 0 { statsBox.withLock { $0.failed = max(0, $0.failed - count) } }
        return count
    }

    private func record(error: String) {
        logger.error("\(error)", metadata: ["event": "ingest_error"])
        statsBox.withLock { $0.lastError = error }
    }
}

/// Hands out consecutive chunks of a batch to the parsing threads.
final class BatchCursor: Sendable {
    private let next = Atomic<Int>(0)

    /// The start of the next `count` paths.
    func claim(_ count: Int) -> Int { next.wrappingAdd(count, ordering: .relaxed).oldValue }

    /// True until the first chunk is claimed: a batch always reads at least one chunk.
    var isFirst: Bool { next.load(ordering: .relaxed) == 0 }

    /// Whether chunks up to `count` paths have been handed out.
    func isPast(_ count: Int) -> Bool { next.load(ordering: .relaxed) >= count }
}

/// Whether a batch is being committed, for the parsing threads of the next one.
final class WriterState: Sendable {
    private let busy = Atomic<Bool>(false)

    func begin() { busy.store(true, ordering: .releasing) }
    func end() { busy.store(false, ordering: .releasing) }
    var isBusy: Bool { busy.load(ordering: .acquiring) }
}
