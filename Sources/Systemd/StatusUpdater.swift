import Synchronization

/// Keeps systemd's STATUS= line current without a timer.
///
/// Whatever changes what the line shows calls `changed()`; `run` waits for that signal, recomputes
/// the line and sends STATUS= only when it differs from the last one sent. Signals coalesce (one
/// waits at most, however many come), and while changes keep coming at most one STATUS= goes out
/// per `minimumInterval`: a catch-up of thousands of files sends a few lines a second, not one per
/// file, and the last line sent is always the line of the last change. When nothing changes, `run`
/// waits with no timer at all.
public final class StatusUpdater: Sendable {
    /// The shortest time between two STATUS= sends (250 ms by default).
    public let minimumInterval: Duration
    let notifier: SystemdNotifier
    let signals: AsyncStream<Void>
    let signal: AsyncStream<Void>.Continuation
    /// Whether `stop()` was called: nothing is sent after it. Sends happen under this lock, so none
    /// can slip in after `stop()` returns.
    private let stopped = Mutex(false)
    /// The last line `run` sent, nil before the first.
    private let lastLine = Mutex<String?>(nil)
    /// How many times `run` woke for a signal; tests count them to see that an idle updater sleeps.
    let wakeUps = Atomic<Int>(0)
    /// How many STATUS= lines `run` sent.
    let sent = Atomic<Int>(0)

    /// Creates an updater that sends through `notifier`. Signals that come before `run` starts are
    /// kept (one of them).
    public init(notifier: SystemdNotifier, minimumInterval: Duration = .milliseconds(250)) {
        self.notifier = notifier
        self.minimumInterval = minimumInterval
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Says that what the line shows may have changed. Cheap and callable from any thread: it only
    /// wakes `run`, which does the work.
    public func changed() {
        signal.yield()
    }

    /// Sends STATUS= whenever `line()` differs from the line last sent (`current` at first: the line
    /// READY=1 carried) until `stop()` or cancellation. `line` is called on each signal. Run it once.
    public func run(from current: String, line: () -> String) async {
        lastLine.withLock { $0 = $0 ?? current }
        var lastSend: ContinuousClock.Instant?
        for await _ in signals {
            wakeUps.add(1, ordering: .relaxed)
            var next = line()
            // The last line sent by `run` or by `sendNow`.
            var last = lastSent ?? current
            guard next != last else { continue }
            if let lastSend, lastSend.advanced(by: minimumInterval) > .now {
                // A rate limit while changes come, not a poll: the changes meanwhile are in the line
                // computed after it, and their signal (one) wakes this loop once more.
                do {
                    try await Task.sleep(until: lastSend.advanced(by: minimumInterval), clock: .continuous)
                } catch {
                    return
                }
                next = line()
                last = lastSent ?? current
                guard next != last else { continue }
            }
            guard send(next) else { return }
            lastSend = .now
        }
    }

    /// Sends `text` at once (unless stopped), outside the rate limit: for a status the caller must
    /// see in systemd before it answers (a refused reload). The next signal compares against it, so
    /// the whole line follows.
    public func sendNow(_ text: String) {
        _ = send(text)
    }

    /// Ends `run` and any STATUS= from it: once this returns, nothing more is sent, so the caller's
    /// STOPPING=1 with its status is the last word.
    public func stop() {
        stopped.withLock { $0 = true }
        signal.finish()
    }

    /// The last line `run` sent, nil before the first.
    var lastSent: String? { lastLine.withLock { $0 } }

    /// Sends one line unless stopped; false when stopped.
    private func send(_ text: String) -> Bool {
        let done = stopped.withLock { stopped in
            guard !stopped else { return false }
            notifier.status(text)
            return true
        }
        guard done else { return false }
        lastLine.withLock { $0 = text }
        sent.add(1, ordering: .relaxed)
        return true
    }
}
