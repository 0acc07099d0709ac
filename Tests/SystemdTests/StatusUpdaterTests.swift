import Foundation
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

        /// Reads a stand-in manager on a thread of its own, so that its queue never fills: a datagram
        /// socket queues few messages (`net.unix.max_dgram_qlen`, as few as 10) and a sender then
        /// blocks. Children that other tests start meanwhile inherit NOTIFY_SOCKET and send here too;
        /// their messages are read and left out.
        final class Collector: Sendable {
            let manager: StandInNotifySocket
            private let lines = Mutex<[String]>([])
            private let stopped = Atomic<Bool>(false)
            private let ended = Atomic<Bool>(false)

            init() throws {
                manager = try StandInNotifySocket()
                let thread = Thread { [self] in
                    while !stopped.load(ordering: .relaxed) {
                        let messages = manager.messages(timeout: .milliseconds(20))
                        lines.withLock { $0 += messages }
                    }
                    ended.store(true, ordering: .relaxed)
                }
                thread.start()
            }

            /// Every message from this process so far.
            var messages: [String] { lines.withLock { $0 } }

            /// Stops reading, then takes what is left.
            func stop() {
                stopped.store(true, ordering: .relaxed)
                while !ended.load(ordering: .relaxed) { usleep(1000) }
                let rest = manager.messages(timeout: .zero)
                lines.withLock { $0 += rest }
            }
        }

        /// Runs `updater` on `shown` for the length of `body`, with NOTIFY_SOCKET naming a stand-in
        /// manager; then stops it and waits for its end. Returns the messages the manager received.
        func running(
            _ updater: StatusUpdater, _ shown: Shown, _ body: (Collector) async throws -> Void
        ) async throws -> [String] {
            let collector = try Collector()
            try await withEnvironment(["NOTIFY_SOCKET": collector.manager.path]) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // The line READY=1 carried, before the body changes it.
                    let initial = shown.line
                    group.addTask { await updater.run(from: initial) { shown.line } }
                    defer { updater.stop() }
                    try await body(collector)
                }
            }
            collector.stop()
            return collector.messages
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
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Watching /inbox: 0 articles, 0 pending, 0 failed")
            let messages = try await running(updater, shown) { collector in
                shown.set("Watching /inbox: 1 articles, 0 pending, 0 failed")
                updater.changed()
                let sent = try await eventually { count(updater.sent) == 1 }
                #expect(sent, "the change was never sent")
                // The line is current: a second with no change has no wake-up and no send. A slow
                // machine makes fewer wake-ups, never more; a 250 ms ticker would have made four.
                let wakeUps = count(updater.wakeUps)
                try await Task.sleep(for: .seconds(1))
                #expect(count(updater.wakeUps) == wakeUps, "\(count(updater.wakeUps) - wakeUps) idle wake-ups")
            }
            #expect(messages == ["STATUS=Watching /inbox: 1 articles, 0 pending, 0 failed"])
        }

        @Test func aSignalWithoutAChangeSendsNothing() async throws {
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Watching /inbox: 3 articles, 0 pending, 0 failed")
            let messages = try await running(updater, shown) { _ in
                updater.changed()
                let woke = try await eventually { count(updater.wakeUps) == 1 }
                #expect(woke, "the signal never woke the updater")
                shown.set("Paused on /inbox: 3 articles, 0 pending, 0 failed")
                updater.changed()
                let sent = try await eventually { count(updater.sent) == 1 }
                #expect(sent, "the change was never sent")
            }
            #expect(messages == ["STATUS=Paused on /inbox: 3 articles, 0 pending, 0 failed"])
        }

        @Test func aBurstOfChangesSendsAFewLinesEndingWithTheLast() async throws {
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Catching up on /inbox: 0 articles")
            let changes = 5000
            let final = "Catching up on /inbox: \(changes) articles"
            let started = ContinuousClock.now
            let messages = try await running(updater, shown) { _ in
                for n in 1...changes {
                    shown.set("Catching up on /inbox: \(n) articles")
                    updater.changed()
                    // A catch-up spread over a second or more, as batches commit.
                    if n % 10 == 0 { try await Task.sleep(for: .milliseconds(2)) }
                }
                let done = try await eventually { updater.lastSent == final }
                #expect(done, "the final line was never sent")
            }
            let elapsed = started.duration(to: .now)
            #expect(messages.last == "STATUS=" + final)
            #expect(messages.count == count(updater.sent))
            // At least `minimumInterval` lies between two sends, so a burst of any length sends at
            // most one line per interval it lasted (plus the first at once).
            let bound = 1 + Int(elapsed / updater.minimumInterval)
            #expect(messages.count <= bound, "\(messages.count) lines in \(elapsed)")
            #expect(messages.count * 20 < changes, "\(messages.count) lines for \(changes) changes")
            #expect(count(updater.wakeUps) * 10 < changes, "\(count(updater.wakeUps)) wake-ups for \(changes) changes")
        }

        /// A line sent at once (a refused reload, before `systemctl reload` returns) is the line the
        /// next signal compares with: the whole line follows, even when it equals a line sent before.
        @Test func aLineSentAtOnceIsFollowedByTheWholeLine() async throws {
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let whole = "Reload refused: key \"database\" cannot change; Watching /inbox: 2 articles, 0 pending, 0 failed"
            let shown = Shown("Watching /inbox: 2 articles, 0 pending, 0 failed")
            let messages = try await running(updater, shown) { _ in
                for round in 1...2 {
                    updater.sendNow("Reload refused: key \"database\" cannot change")
                    shown.set(whole)
                    updater.changed()
                    let sent = try await eventually { count(updater.sent) == 2 * round }
                    #expect(sent, "the whole line did not follow in round \(round)")
                }
            }
            let bare = "STATUS=Reload refused: key \"database\" cannot change"
            #expect(messages == [bare, "STATUS=" + whole, bare, "STATUS=" + whole])
        }

        @Test func nothingIsSentOnceStopped() async throws {
            let updater = StatusUpdater(notifier: SystemdNotifier())
            let shown = Shown("Watching /inbox: 0 articles, 0 pending, 0 failed")
            let messages = try await running(updater, shown) { _ in
                updater.stop()
                shown.set("Watching /inbox: 1 articles, 0 pending, 0 failed")
                updater.changed()
                // `run` ends by itself once stopped: the group's wait for it returns.
            }
            #expect(messages.isEmpty)
            #expect(count(updater.sent) == 0)
        }
    }
}
