import Foundation
import Testing

@testable import NewsInbox

/// The tracker decides when files are ready, from events and looks alone: no file system here.
@Suite struct TrackerTests {
    let start = ContinuousClock.now
    let settle = Duration.milliseconds(500)

    @Test func readyFilesQueueOnceInArrivalOrder() {
        let tracker = Tracker(settle: settle)
        for path in ["/in/a", "/in/b", "/in/a", "/in/c"] { tracker.submit(.ready(path)) }
        #expect(tracker.pending == 3)
        #expect(tracker.takeBatch(2) == ["/in/a", "/in/b"])
        #expect(tracker.takeBatch(10) == ["/in/c"])
        #expect(tracker.takeBatch(10).isEmpty && tracker.isIdle)
    }

    @Test func pathsQueuedRelativeToTheInboxComeBackWhole() {
        let tracker = Tracker(settle: settle, root: "/in")
        let paths = ["/in/a", "/in/sub/b", "/other/c", "/in//d", "/inbox/e", "/in/a"]
        for path in paths { tracker.submit(.ready(path)) }
        #expect(tracker.takeBatch(2) == ["/in/a", "/in/sub/b"])
        tracker.putBackInFront(["/in/sub/b"])
        tracker.submit(.ready("/in/sub/b"))
        #expect(tracker.takeBatch(10) == ["/in/sub/b", "/other/c", "/in//d", "/inbox/e"])
        #expect(tracker.isIdle)
    }

    @Test func aBatchPutBackGoesAheadOfLaterFiles() {
        let tracker = Tracker(settle: settle)
        for path in ["/in/a", "/in/b", "/in/c"] { tracker.submit(.ready(path)) }
        let batch = tracker.takeBatch(2)
        tracker.submit(.ready("/in/d"))
        tracker.putBackInFront(batch)
        #expect(tracker.takeBatch(10) == ["/in/a", "/in/b", "/in/c", "/in/d"])
    }

    @Test func aFileWrittenWithoutCloseSettlesUntilQuiet() {
        let tracker = Tracker(settle: settle)
        #expect(tracker.nextDeadline == nil, "nothing settles: no wake-up")
        tracker.submit(.modified("/in/slow"), now: start)
        #expect(tracker.nextDeadline == start.advanced(by: settle))
        #expect(tracker.takeNewlySettling() == ["/in/slow"])
        #expect(tracker.due(now: start.advanced(by: .milliseconds(100))).isEmpty)
        // More writes move the deadline.
        tracker.submit(.modified("/in/slow"), now: start.advanced(by: .milliseconds(300)))
        #expect(tracker.due(now: start.advanced(by: .milliseconds(600))).isEmpty)
        let later = start.advanced(by: .milliseconds(900))
        let due = tracker.due(now: later)
        #expect(due.keys.sorted() == ["/in/slow"])
        // First look: modified just now (wall clock) → not quiet yet; it waits for a second look.
        let wall: Int64 = 10_000_000_000
        tracker.settled(due, looks: ["/in/slow": .init(size: 10, mtimeNanoseconds: wall - 1_000_000)], wallNow: wall, now: later)
        #expect(tracker.takeBatch(10).isEmpty)
        // Second look, after another `settle`: it grew → still settling.
        let second = later.advanced(by: settle)
        tracker.settled(tracker.due(now: second), looks: ["/in/slow": .init(size: 20, mtimeNanoseconds: wall)], wallNow: wall, now: second)
        #expect(tracker.takeBatch(10).isEmpty && tracker.pending == 1)
        // Third look: unchanged → ready.
        let third = second.advanced(by: settle)
        tracker.settled(tracker.due(now: third), looks: ["/in/slow": .init(size: 20, mtimeNanoseconds: wall)], wallNow: wall, now: third)
        #expect(tracker.takeBatch(10) == ["/in/slow"])
        #expect(tracker.isIdle)
    }

    @Test func theLoopWakesAtTheEarliestSettlingDeadline() {
        let tracker = Tracker(settle: settle)
        tracker.submit(.modified("/in/a"), now: start.advanced(by: .milliseconds(300)))
        tracker.submit(.modified("/in/b"), now: start.advanced(by: .milliseconds(200)))
        #expect(tracker.nextDeadline == start.advanced(by: .milliseconds(700)))
        // A close ends b's settling: a's deadline is the next.
        tracker.submit(.ready("/in/b"))
        #expect(tracker.nextDeadline == start.advanced(by: .milliseconds(800)))
        tracker.settled(tracker.due(now: start.advanced(by: .seconds(1))), looks: [:], wallNow: 0)
        #expect(tracker.nextDeadline == nil, "a gone file is no longer waited for")
    }

    @Test func aCloseEndsSettlingAtOnceAndAGoneFileIsDropped() {
        let tracker = Tracker(settle: settle)
        tracker.submit(.modified("/in/x"), now: start)
        tracker.submit(.modified("/in/y"), now: start)
        tracker.submit(.ready("/in/x"))
        #expect(tracker.takeNewlySettling() == ["/in/y"])
        let later = start.advanced(by: .seconds(1))
        tracker.settled(tracker.due(now: later), looks: [:], wallNow: 0, now: later)
        #expect(tracker.takeBatch(10) == ["/in/x"])
        #expect(tracker.pending == 0)
    }

    @Test func aScanQueuesOldFilesAndLetsFreshOnesSettle() {
        let tracker = Tracker(settle: settle)
        let wall: Int64 = 100_000_000_000
        tracker.submit(.ready("/in/queued"))
        tracker.found(
            [
                ("/in/old", .init(size: 5, mtimeNanoseconds: wall - 10_000_000_000)),
                ("/in/fresh", .init(size: 5, mtimeNanoseconds: wall - 1_000_000)),
                ("/in/queued", .init(size: 5, mtimeNanoseconds: 0)),
            ], wallNow: wall, now: start)
        #expect(tracker.takeBatch(10) == ["/in/queued", "/in/old"])
        #expect(tracker.pending == 1)
        // The fresh one is shown as settling, as one an event named would be.
        #expect(tracker.takeNewlySettling() == ["/in/fresh"])
        let later = start.advanced(by: .seconds(1))
        tracker.settled(tracker.due(now: later), looks: ["/in/fresh": .init(size: 5, mtimeNanoseconds: wall - 1_000_000)], wallNow: wall, now: later)
        #expect(tracker.takeBatch(10) == ["/in/fresh"])
    }

    @Test func rescansAndRemovalsAreTakenOnce() {
        let tracker = Tracker(settle: settle)
        tracker.submit(.rescan(reason: "first"))
        tracker.submit(.rescan(reason: "overflow"))
        tracker.submit(.removed("/in/gone"))
        #expect(!tracker.isIdle)
        #expect(tracker.takeRescan() == "overflow")
        #expect(tracker.takeRescan() == nil)
        #expect(tracker.takeRemovals() == ["/in/gone"])
        #expect(tracker.takeRemovals().isEmpty)
    }
}
