import Foundation
import Logging
import Synchronization
import SystemPackage

/// Watches the inbox with inotify: one watch per folder (recursive), new folders watched and
/// scanned as they appear, and every event that may have lost information (queue overflow, a
/// failed watch, the inbox deleted or moved) turned into a full rescan, never a lost file.
public final class InboxWatcher: Sendable {
    /// What a watch on a folder asks for.
    static let folderMask: Inotify.Mask = [
        .closeWrite, .movedTo, .movedFrom, .create, .delete, .modify, .deleteSelf, .moveSelf, .onlyDirectory,
        .excludeUnlinked,
    ]

    struct Watches {
        var byDescriptor: [Int32: FilePath] = [:]
        var rootWatch: Int32?
        var scanner: InboxScanner
    }

    /// The inbox folder.
    public let inbox: FilePath
    private let inotify: Inotify
    private let watches: Mutex<Watches>
    private let sink: @Sendable (InboxEvent) -> Void
    private let logger: Logger

    /// Creates a watcher that reports to `sink` (called from the watcher's own thread).
    /// - Throws: `Errno` when no inotify instance can be had.
    public init(scanner: InboxScanner, logger: Logger, sink: @escaping @Sendable (InboxEvent) -> Void) throws(Errno) {
        self.inbox = scanner.root
        self.inotify = try Inotify()
        self.watches = Mutex(Watches(scanner: scanner))
        self.sink = sink
        self.logger = logger
    }

    /// Replaces the include/ignore patterns (on reload); they apply to events from now on.
    public func update(patterns: FilePatterns) {
        watches.withLock { $0.scanner.patterns = patterns }
    }

    /// Sets the watches on the inbox and its folders. Call before READY=1. A missing inbox is
    /// watched once it appears.
    /// - Throws: `Errno` when the inbox itself cannot be watched (EACCES, ENOSPC).
    public func start() throws(Errno) {
        do {
            try watchTree(inbox, isRoot: true)
        } catch .noSuchFileOrDirectory {
            // newsd never creates the inbox (a mistyped path would be created silently): it
            // reports `degraded` and watches as soon as the folder exists.
            logger.error(
                "inbox \(inbox) does not exist; waiting for it", metadata: ["event": "inbox_missing", "inbox": "\(inbox)"])
            sink(.rescan(reason: "inbox missing"))
        }
    }

    /// Number of folders watched.
    public var watchCount: Int { watches.withLock { $0.byDescriptor.count } }

    /// Reads events until the task is cancelled. Runs its blocking loop on a thread of its own.
    public func run() async {
        let stop = StopFlag()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let thread = Thread { [self] in
                    self.loop(stop: stop)
                    done.resume()
                }
                thread.name = "newsd-inotify"
                thread.start()
            }
        } onCancel: {
            stop.value.store(true, ordering: .relaxed)
            inotify.wake()
        }
    }

    /// Starts the read loop on a thread of its own, without needing a task to be scheduled first
    /// (tests whose cooperative threads are busy use it); the returned function stops the loop and
    /// waits for the thread to end.
    package func startThread() -> @Sendable () -> Void {
        let stop = StopFlag()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            self.loop(stop: stop)
            finished.signal()
        }
        thread.name = "newsd-inotify"
        thread.start()
        return { [inotify] in
            stop.value.store(true, ordering: .relaxed)
            inotify.wake()
            finished.wait()
        }
    }

    private func loop(stop: StopFlag) {
        while !stop.value.load(ordering: .relaxed) {
            let rootMissing = watches.withLock { $0.rootWatch == nil }
            if rootMissing {
                reestablish()
            }
            do {
                // Blocks until events come or the loop is stopped (`wake`); while the inbox is missing,
                // it looks for it again every 200 ms.
                let events = try inotify.read(timeoutMilliseconds: rootMissing ? 200 : -1)
                for event in events { handle(event) }
            } catch {
                logger.error("inotify read failed", metadata: ["error": "\(error)", "event": "watch_failed"])
                sink(.rescan(reason: "inotify read failed: \(error)"))
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// Waits for a deleted or moved inbox to exist again, then watches it and asks for a rescan.
    private func reestablish() {
        var st = stat()
        guard inbox.withPlatformString({ stat($0, &st) }) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        do {
            try watchTree(inbox, isRoot: true)
            logger.notice("inbox is back; watching it again", metadata: ["event": "inbox_restored"])
            sink(.rescan(reason: "inbox recreated"))
        } catch {
            logger.warning("inbox exists again but cannot be watched yet", metadata: ["error": "\(error)"])
        }
    }

    private func watchTree(_ folder: FilePath, isRoot: Bool) throws(Errno) {
        let scanner = watches.withLock { $0.scanner }
        let folders: [FilePath]
        do {
            folders = try scanner.folders(under: folder)
        } catch {
            if isRoot { throw error }
            logger.warning("cannot list new folder", metadata: ["file": "\(folder)", "error": "\(error)"])
            return
        }
        for (index, path) in folders.enumerated() {
            do {
                let wd = try inotify.addWatch(path, mask: Self.folderMask)
                watches.withLock {
                    $0.byDescriptor[wd] = path
                    if isRoot && index == 0 { $0.rootWatch = wd }
                }
            } catch {
                if isRoot && index == 0 { throw error }
                // ENOSPC (max_user_watches) or a folder that vanished: a rescan catches what we miss.
                logger.warning(
                    "cannot watch folder", metadata: ["file": "\(path)", "error": "\(error)", "event": "watch_failed"])
                sink(.rescan(reason: "cannot watch \(path): \(error)"))
            }
        }
    }

    private func handle(_ event: Inotify.Event) {
        if event.mask.contains(.queueOverflow) {
            logger.warning("inotify queue overflowed; rescanning", metadata: ["event": "overflow"])
            sink(.rescan(reason: "inotify queue overflow"))
            return
        }
        let (folder, isRoot, scanner) = watches.withLock {
            ($0.byDescriptor[event.watch], $0.rootWatch == event.watch, $0.scanner)
        }
        if event.mask.contains(.ignored) {
            watches.withLock {
                $0.byDescriptor[event.watch] = nil
                if $0.rootWatch == event.watch { $0.rootWatch = nil }
            }
            return
        }
        guard let folder else { return }
        if event.name == nil {
            if event.mask.contains(.deleteSelf) || event.mask.contains(.moveSelf), isRoot {
                logger.warning("inbox was deleted or moved; waiting for it", metadata: ["event": "inbox_lost"])
                dropAllWatches()
                sink(.rescan(reason: "inbox deleted or moved"))
            }
            return
        }
        guard let name = event.name else { return }
        let path = FileProcessor.path(folder, name)
        if event.mask.contains(.isDirectory) {
            if event.mask.contains(.create) || event.mask.contains(.movedTo) {
                guard scanner.recursive, scanner.patterns.accepts(directoryName: name),
                    !scanner.excluded.contains(path)
                else { return }
                // Watch first, then scan: a file written between the two is reported twice, never lost.
                try? watchTree(path, isRoot: false)
                do {
                    try scanner.scan(under: path) { files in for file in files { sink(.ready(file)) } }
                } catch {
                    sink(.rescan(reason: "cannot scan new folder \(path): \(error)"))
                }
            } else if event.mask.contains(.movedFrom) {
                sink(.rescan(reason: "folder moved away: \(path)"))
            }
            return
        }
        guard scanner.patterns.accepts(fileName: name) else { return }
        if event.mask.contains(.closeWrite) || event.mask.contains(.movedTo) {
            sink(.ready(RawName.string(path)))
        } else if event.mask.contains(.modify) || event.mask.contains(.create) {
            sink(.modified(RawName.string(path)))
        } else if event.mask.contains(.movedFrom) || event.mask.contains(.delete) {
            sink(.removed(RawName.string(path)))
        }
    }

    private func dropAllWatches() {
        let all = watches.withLock { state -> [Int32] in
            let wds = Array(state.byDescriptor.keys)
            state.byDescriptor.removeAll()
            state.rootWatch = nil
            return wds
        }
        for wd in all { inotify.removeWatch(wd) }
    }
}

/// A flag a cancellation handler sets and a thread polls.
final class StopFlag: Sendable {
    let value = Atomic<Bool>(false)
}
