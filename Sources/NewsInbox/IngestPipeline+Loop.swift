import CNewsLinux
import ServiceLifecycle
import SystemPackage

/// The loop itself: it sleeps until an event comes or until the earliest time something is due
/// (a settling file's deadline, the watchdog heartbeat, the periodic reconcile or poll, the end of
/// a write back-off, the next slice of an index merge), never on a fixed tick. An idle daemon with
/// nothing due sleeps until its next real deadline.
extension IngestPipeline {
    /// Runs until cancelled or until graceful shutdown: the open batch is finished first.
    public func run() async throws {
        submit(.rescan(reason: "start-up scan"))
        let remote = Self.remoteFilesystem(inbox)
        if let remote {
            logger.notice(
                "inbox is on \(remote), where inotify misses changes made by other hosts; polling it",
                metadata: ["event": "polling", "inbox": "\(inbox)"])
        }
        var scans = PeriodicScans(start: .now, remote: remote != nil)
        var events = wake.cancelOnGracefulShutdown().makeAsyncIterator()
        while await wait(for: &events, until: nextDeadline(scans)) {
            turns.add(1, ordering: .relaxed)
            beatIfDue()
            if let reason = scans.due(settings, now: .now) {
                // Straight to the tracker: this turn takes it, no wake-up needed.
                tracker.submit(.rescan(reason: reason))
            }
            await turn()
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
        }
        await recordLeft()
        wakeContinuation.finish()
        journal?.clear()
    }

    /// When the periodic scans are due: the reconcile (`reconcile_interval_s`) and the poll
    /// (`poll_interval_s`, or every 2 s on a network or FUSE filesystem). A reconcile is a full
    /// scan, so it counts as a poll too.
    struct PeriodicScans {
        var lastReconcile: ContinuousClock.Instant
        var lastPoll: ContinuousClock.Instant
        /// The inbox is on a filesystem inotify does not fully see.
        var remote: Bool

        init(start: ContinuousClock.Instant, remote: Bool) {
            lastReconcile = start
            lastPoll = start
            self.remote = remote
        }

        func pollInterval(_ settings: IngestSettings) -> Duration? {
            settings.pollInterval ?? (remote ? IngestPipeline.remotePollInterval : nil)
        }

        /// The next time a scan is due, nil when neither is configured.
        func next(_ settings: IngestSettings) -> ContinuousClock.Instant? {
            let reconcile = settings.reconcileInterval.map { lastReconcile.advanced(by: $0) }
            let poll = pollInterval(settings).map { lastPoll.advanced(by: $0) }
            return [reconcile, poll].compactMap { $0 }.min()
        }

        /// The reason of the scan due at `now`, if one is; it counts as done.
        mutating func due(_ settings: IngestSettings, now: ContinuousClock.Instant) -> String? {
            if let every = settings.reconcileInterval, lastReconcile.duration(to: now) >= every {
                lastReconcile = now
                lastPoll = now
                return "periodic reconcile"
            }
            if let every = pollInterval(settings), lastPoll.duration(to: now) >= every {
                lastPoll = now
                return "poll"
            }
            return nil
        }
    }

    /// The earliest time the loop has something to do without an event; nil when nothing is due
    /// until an event comes. Only what the next turn takes is counted: a time that has passed and
    /// that a turn would not act on would spin the loop.
    func nextDeadline(_ scans: PeriodicScans) -> ContinuousClock.Instant? {
        var times: [ContinuousClock.Instant?] = [tracker.nextDeadline, scans.next(settings)]
        if heartbeatInterval != nil { times.append(nextHeartbeat.withLock { $0 }) }
        // While ingest is paused, ready files wait for `resume` (an event); a write back-off ends by itself.
        if !statsBox.withLock({ $0.paused }), let until = committer.backoffUntil { times.append(until) }
        if tracker.isIdle, let resume = entityBacklog.withLock({ $0.due ? $0.resume : nil }) {
            times.append(max(lastBatch.withLock { $0 }.advanced(by: Self.mergeQuiet), resume))
        }
        if tracker.isIdle, indexMergeDue.withLock({ $0 }) {
            let quiet = lastBatch.withLock { $0 }.advanced(by: Self.mergeQuiet)
            times.append(max(quiet, mergeResume.withLock { $0 }))
        }
        return times.compactMap { $0 }.min()
    }

    /// Waits for the next event or until `deadline`, whichever comes first; false when the events
    /// ended (cancellation or graceful shutdown). The timer is a child task that feeds the same
    /// stream the events come by, and it ends with the wait.
    func wait(
        for events: inout AsyncCancelOnGracefulShutdownSequence<AsyncStream<Void>>.AsyncIterator,
        until deadline: ContinuousClock.Instant?
    ) async -> Bool {
        guard let deadline else { return await events.next() != nil }
        return await withTaskGroup(of: Void.self) { timer in
            timer.addTask { [wakeContinuation] in
                // Cancelled when an event came first: it then wakes no one.
                if (try? await Task.sleep(until: deadline, clock: .continuous)) != nil { wakeContinuation.yield() }
            }
            let woke = await events.next() != nil
            timer.cancelAll()
            return woke
        }
    }

    /// Calls `heartbeat` when its interval has passed since the last call (every call when no
    /// interval was given). Loop turns and long batches call this.
    func beatIfDue() {
        guard let every = heartbeatInterval else { return heartbeat() }
        let now = ContinuousClock.now
        let due = nextHeartbeat.withLock { next -> Bool in
            guard now >= next else { return false }
            next = now.advanced(by: every)
            return true
        }
        if due { heartbeat() }
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
}
