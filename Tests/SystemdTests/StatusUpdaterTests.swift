import Glibc
import Synchronization
import Testing

@testable import Systemd

extension ProcessStateTests {
    /// STATUS= without a timer, against a stand-in manager: the updater wakes for signals only, sends
    /// a line only when it changed, and sends at most one per interval while changes keep coming.
    @Suite
    struct StatusUpdaterTests {
        /// The line the updater shows, changed by the test as the daemon's counts would be.
        final class Shown: Sendable {
            let text: Mutex<String>
            init(_ text: String) { self.text = Mutex(text) }
            var line: String { text.withLock { $0 } }
            func set(_ line: String) { text.withLock { $0 = line } }
        }

        /// Runs `updater` on `shown` for the length of `body`, with NOTIFY_SOCKET set to `manager`;
        /// then stops it and waits for its end.
        func running(
            _ updater: StatusUpdater, _ shown: Shown, manager: StandInNotifySocket,
            _ body: () async throws -> Void
        ) async throws {
            try await withEnvironment(["NOTIFY_SOCKET": manager.path]) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // The line READY=1 carried, before the body changes it.
                    let initial = shown.line
                    group.addTask { await updater.run(from: initial) { shown.line } }
                    defer { updater.stop() }
                    try await body()
                }
            }
        }

        /// Waits until `condition` holds, up to a limit far above what it takes on a busy machine.
        func eventually(_ condition: () -> Bool) async throws -> Bool {
            let limit = ContinuousClock.now.advanced(by: .seconds(60))
            while !condition() {
                guard ContinuousClock.now < limit else { return false }
                try await Task.sleep(for: .milliseconds(10))
            }
            return true
        }

        func count(_ atomic: borrowing Atomic<Int>) -> Int { atomic.load(ordering: .relaxed) }

        @Test func aChangeIsSentAtOnceAndAnIdleUpdaterSleeps() async throws {
            let manager = try StandInNotifySocket()
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Watching /inbox: 0 articles, 0 pending, 0 failed")
            try await running(updater, shown, manager: manager) {
                shown.set("Watching /inbox: 1 articles, 0 pending, 0 failed")
                updater.changed()
                let sent = try await eventually { count(updater.sent) == 1 }
                #expect(sent, "the change was never sent")
                #expect(manager.messages() == ["STATUS=Watching /inbox: 1 articles, 0 pending, 0 failed"])
                // The line is current: a second with no change has no wake-up and no send. A slow
                // machine makes fewer wake-ups, never more; a 250 ms ticker would have made four.
                let wakeUps = count(updater.wakeUps)
                try await Task.sleep(for: .seconds(1))
                #expect(count(updater.wakeUps) == wakeUps, "\(count(updater.wakeUps) - wakeUps) idle wake-ups")
                #expect(manager.messages(timeout: .zero).isEmpty)
            }
        }

        @Test func aSignalWithoutAChangeSendsNothing() async throws {
            let manager = try StandInNotifySocket()
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Watching /inbox: 3 articles, 0 pending, 0 failed")
            try await running(updater, shown, manager: manager) {
                updater.changed()
                let woke = try await eventually { count(updater.wakeUps) == 1 }
                #expect(woke, "the signal never woke the updater")
                shown.set("Paused on /inbox: 3 articles, 0 pending, 0 failed")
                updater.changed()
                let sent = try await eventually { count(updater.sent) == 1 }
                #expect(sent, "the change was never sent")
            }
            #expect(manager.messages() == ["STATUS=Paused on /inbox: 3 articles, 0 pending, 0 failed"])
        }

        @Test func aBurstOfChangesSendsAFewLinesEndingWithTheLast() async throws {
            let manager = try StandInNotifySocket()
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Catching up on /inbox: 0 articles")
            let changes = 5000
            let started = ContinuousClock.now
            try await running(updater, shown, manager: manager) {
                for n in 1...changes {
                    shown.set("Catching up on /inbox: \(n) articles")
                    updater.changed()
                    // A catch-up spread over a second or more, as batches commit.
                    if n % 10 == 0 { try await Task.sleep(for: .milliseconds(2)) }
                }
                let final = "Catching up on /inbox: \(changes) articles"
                let done = try await eventually { updater.lastSent == final }
                #expect(done, "the final line was never sent")
            }
            let elapsed = started.duration(to: .now)
            let lines = manager.messages()
            #expect(lines.last == "STATUS=Catching up on /inbox: \(changes) articles")
            #expect(lines.count == count(updater.sent))
            // At least `minimumInterval` lies between two sends, so a burst of any length sends at
            // most one line per interval it lasted (plus the first at once).
            let bound = 1 + Int(elapsed / updater.minimumInterval)
            #expect(lines.count <= bound, "\(lines.count) lines in \(elapsed)")
            #expect(lines.count * 20 < changes, "\(lines.count) lines for \(changes) changes")
            #expect(count(updater.wakeUps) * 10 < changes, "\(count(updater.wakeUps)) wake-ups for \(changes) changes")
        }

        @Test func nothingIsSentOnceStopped() async throws {
            let manager = try StandInNotifySocket()
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Watching /inbox: 0 articles, 0 pending, 0 failed")
            await withEnvironment(["NOTIFY_SOCKET": manager.path]) {
                await withTaskGroup(of: Void.self) { group in
                    let initial = shown.line
                    group.addTask { await updater.run(from: initial) { shown.line } }
                    updater.stop()
                    shown.set("Watching /inbox: 1 articles, 0 pending, 0 failed")
                    updater.changed()
                    // `run` ends by itself once stopped.
                    await group.waitForAll()
                }
            }
            #expect(manager.messages(timeout: .milliseconds(100)).isEmpty)
        }
    }
}
