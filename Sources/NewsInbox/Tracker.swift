import Foundation
import NewsStore
import Synchronization

/// Decides when files are ready to be read, from the watcher's events and the scans: the ready
/// queue (arrival order, each path once), the files still being written (`settling`), removals and
/// rescan requests. Pure bookkeeping: it never touches the file system; the pipeline gives it
/// what `stat` saw. Paths are absolute, in `RawName`'s escaped form. Thread-safe.
///
/// The ready queue holds the whole inbox during a catch-up, so it keeps names relative to the
/// inbox, packed in one buffer (`NameQueue`); paths come in and go out absolute.
final class Tracker: Sendable {
    /// A file written without a close event, waiting for `settle_ms` of quiet.
    struct Settle: Equatable {
        /// When to look at it again.
        var deadline: ContinuousClock.Instant
        /// Size and mtime at the last look, nil before the first.
        var last: Look?
    }

    /// What a look at a file saw.
    struct Look: Equatable {
        var size: Int64
        var mtimeNanoseconds: Int64
    }

    private struct State {
        var ready = NameQueue()
        var settling: [String: Settle] = [:]
        /// Paths that started settling since the last turn, for their `settling` rows.
        var newlySettling: [String] = []
        var removed: [String] = []
        var rescan: String?
        var settle: Duration
    }

    private let state: Mutex<State>
    /// The inbox (escaped form) with a trailing slash: queued paths under it lose this prefix.
    private let prefix: String

    /// Creates a tracker that waits `settle` of quiet for files written without a close. Paths
    /// under `root` (the inbox) are queued by their relative name.
    init(settle: Duration, root: String = "") {
        state = Mutex(State(settle: settle))
        prefix = root.isEmpty || root.hasSuffix("/") ? root : root + "/"
    }

    /// The name a path is queued under: relative to the inbox when it lies inside (such a name
    /// never starts with `/`), else the whole path (absolute: it starts with `/`).
    private func queued(_ path: String) -> String {
        // Bytes, not characters: `hasPrefix` would match a prefix in another Unicode normal form.
        guard !prefix.isEmpty, path.utf8.starts(with: prefix.utf8) else { return path }
        let name = path.utf8.dropFirst(prefix.utf8.count)
        guard let first = name.first, first != UInt8(ascii: "/") else { return path }
        return String(decoding: name, as: UTF8.self)
    }

    /// The absolute path of a queued name.
    private func path(_ queued: String) -> String {
        queued.utf8.first == UInt8(ascii: "/") ? queued : prefix + queued
    }

    /// The quiet time in force (it changes on reload).
    var settle: Duration {
        get { state.withLock { $0.settle } }
        set { state.withLock { $0.settle = newValue } }
    }

    /// Takes one watcher event.
    func submit(_ event: InboxEvent, now: ContinuousClock.Instant = .now) {
        state.withLock { s in
            switch event {
            case .ready(let path):
                s.settling[path] = nil
                s.ready.append(queued(path))
            case .modified(let path):
                guard !s.ready.contains(queued(path)) else { return }
                let deadline = now.advanced(by: s.settle)
                if s.settling[path] == nil {
                    s.settling[path] = Settle(deadline: deadline)
                    s.newlySettling.append(path)
                } else {
                    s.settling[path]?.deadline = deadline
                }
            case .removed(let path):
                s.removed.append(path)
            case .rescan(let reason):
                s.rescan = reason
            }
        }
    }

    /// Files a scan found: ready at once, unless written in the last `settle` (wall clock), which
    /// may still be open: those settle first, and get their `settling` row like a file an event
    /// named.
    func found(_ files: [(path: String, look: Look)], wallNow: Int64, now: ContinuousClock.Instant = .now) {
        state.withLock { s in
            let settleNanoseconds = Self.nanoseconds(s.settle)
            for (path, look) in files where !s.ready.contains(queued(path)) {
                if wallNow - look.mtimeNanoseconds < settleNanoseconds {
                    if s.settling[path] == nil {
                        s.settling[path] = Settle(deadline: now.advanced(by: s.settle), last: look)
                        s.newlySettling.append(path)
                    }
                } else {
                    s.settling[path] = nil
                    s.ready.append(queued(path))
                }
            }
        }
    }

    /// Up to `count` ready files, in arrival order; they leave the queue.
    func takeBatch(_ count: Int) -> [String] {
        state.withLock { s in
            let n = min(count, s.ready.count)
            var batch: [String] = []
            batch.reserveCapacity(n)
            for _ in 0..<n {
                if let name = s.ready.removeFirst() { batch.append(path(name)) }
            }
            return batch
        }
    }

    /// Returns paths to the front of the queue, ahead of files that came later (those of a batch
    /// that could not be read or committed now).
    func putBackInFront(_ paths: [String]) {
        state.withLock { s in
            for path in paths.reversed() { s.ready.prepend(queued(path)) }
        }
    }

    /// Settling files whose deadline has passed: the pipeline looks at them and calls `settled`.
    func due(now: ContinuousClock.Instant = .now) -> [String: Settle] {
        state.withLock { s in s.settling.filter { $0.value.deadline <= now } }
    }

    /// The earliest deadline of a settling file: the loop wakes then even when no event comes.
    var nextDeadline: ContinuousClock.Instant? {
        state.withLock { s in s.settling.values.lazy.map(\.deadline).min() }
    }

    /// What the looks at due files saw: a file is quiet once its size and mtime did not change
    /// since the last look (writes through mmap send no events; the mtime still moves), or, at the
    /// first look, when its mtime is already `settle` old. Quiet files become ready; the others
    /// wait another `settle`; a file that is gone is dropped (its removal event follows).
    func settled(_ due: [String: Settle], looks: [String: Look], wallNow: Int64, now: ContinuousClock.Instant = .now) {
        state.withLock { s in
            let settleNanoseconds = Self.nanoseconds(s.settle)
            for (path, entry) in due {
                // A newer event may have moved the deadline while the pipeline looked.
                guard let current = s.settling[path], current.deadline == entry.deadline else { continue }
                guard let look = looks[path] else {
                    s.settling[path] = nil
                    continue
                }
                let quiet = entry.last.map { $0 == look } ?? (wallNow - look.mtimeNanoseconds >= settleNanoseconds)
                if quiet {
                    s.settling[path] = nil
                    s.ready.append(queued(path))
                } else {
                    s.settling[path] = Settle(deadline: now.advanced(by: s.settle), last: look)
                }
            }
        }
    }

    /// Paths that started settling since the last call and still are.
    func takeNewlySettling() -> [String] {
        state.withLock { s in
            defer { s.newlySettling.removeAll() }
            return s.newlySettling.filter { s.settling[$0] != nil }
        }
    }

    /// The rescan asked for since the last call, with its reason.
    func takeRescan() -> String? {
        state.withLock { s in
            defer { s.rescan = nil }
            return s.rescan
        }
    }

    /// Paths reported removed since the last call.
    func takeRemovals() -> [String] {
        state.withLock { s in
            defer { s.removed.removeAll() }
            return s.removed
        }
    }

    /// Files waiting to be read: queued or settling.
    var pending: Int { state.withLock { $0.ready.count + $0.settling.count } }

    /// Nothing queued, settling or asked for.
    var isIdle: Bool { state.withLock { $0.ready.isEmpty && $0.settling.isEmpty && $0.rescan == nil } }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
