import Foundation
import Glibc
import Testing

/// systemd's STATUS= line: it follows every change of what it shows (counts, state, last error, a
/// refused reload) with no other event to prompt it, stays silent while nothing changes, and
/// coalesces bursts into a few lines.
@Suite struct StatusTests {
    /// The STATUS= values of the datagrams from the `from`-th on, READY=1's included: when the
    /// start-up scan ends before READY=1 is sent, READY=1 carries the first "Watching" line and no
    /// line of its own follows it. STOPPING=1's is left out.
    static func statusLines(_ daemon: DaemonUnderTest, from: Int = 0) -> [String] {
        daemon.notify.all.dropFirst(from).filter { !$0.hasPrefix("STOPPING=1") }.compactMap { datagram in
            datagram.split(separator: "\n").first { $0.hasPrefix("STATUS=") }.map { String($0.dropFirst("STATUS=".count)) }
        }
    }

    /// Waits for a STATUS= line from the `from`-th datagram on that satisfies `predicate`.
    static func waitLine(
        _ daemon: DaemonUnderTest, from: Int, _ description: String, _ predicate: (String) -> Bool
    ) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if statusLines(daemon, from: from).contains(where: predicate) { return true }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(description); saw \(statusLines(daemon, from: from))")
        return false
    }

    static func story(_ title: String, _ word: String) -> Data {
        Data("\(title)\n\nBy Staff Reporter\n\nThe \(word) story was reported on Tuesday in the port city.\n".utf8)
    }

    @Test func statusFollowsEachChangeByItselfAndIsSilentWhenNothingChanges() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        let inbox = daemon.inbox
        let empty = "Watching \(inbox): 0 articles, 0 pending, 0 failed"
        let one = "Watching \(inbox): 1 articles, 0 pending, 0 failed"
        #expect(Self.waitLine(daemon, from: 0, "watching") { $0 == empty })

        // The line is current: an idle second sends nothing (no STATUS=, no other datagram).
        var seen = daemon.notify.all.count
        Thread.sleep(forTimeInterval: 1.2)
        #expect(daemon.notify.all.count == seen, "idle datagrams: \(daemon.notify.all.dropFirst(seen))")

        // A file ingested: the new count, with no client asking.
        try daemon.dropCarefully("harbour.txt", Self.story("The harbour reopens", "harbour"))
        #expect(Self.waitLine(daemon, from: seen, "one article") { $0 == one })

        // The inbox gone: degraded with its reason; back: watching again.
        seen = daemon.notify.all.count
        #expect(rename(inbox, daemon.folder.path + "/aside") == 0)
        #expect(
            Self.waitLine(daemon, from: seen, "degraded") {
                $0.hasPrefix("Degraded on \(inbox): 1 articles, 0 pending, 0 failed; last error: inbox ")
                    && $0.contains("is missing")
            })
        seen = daemon.notify.all.count
        #expect(rename(daemon.folder.path + "/aside", inbox) == 0)
        #expect(Self.waitLine(daemon, from: seen, "watching again") { $0 == one })

        // A reload refused on SIGHUP heads the line at once; a reload that works takes it away.
        let good = try Data(contentsOf: URL(fileURLWithPath: daemon.configFile))
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: daemon.configFile))
        seen = daemon.notify.all.count
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(
            Self.waitLine(daemon, from: seen, "the refusal") {
                $0.hasPrefix("Reload refused: ") && $0.hasSuffix("; " + one)
            })
        try good.write(to: URL(fileURLWithPath: daemon.configFile))
        seen = daemon.notify.all.count
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(Self.waitLine(daemon, from: seen, "the line without the refusal") { $0 == one })

        // STOPPING=1 with its status is still the last word.
        #expect(daemon.stop() == 0)
        #expect(daemon.notify.wait(for: "STOPPING=1") { $0 == "STOPPING=1" })
        #expect(daemon.notify.all.last == "STOPPING=1\nSTATUS=Stopping: finishing the open transaction")
    }

    /// How many times each thread of `pid` gave up the CPU by itself (it slept: waiting for an
    /// event, a lock or a timer), by thread id; threads that end meanwhile are left out.
    static func voluntarySwitches(_ pid: Int32) -> [String: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var switches: [String: Int] = [:]
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else {
                continue
            }
            for line in status.split(separator: "\n") where line.hasPrefix("voluntary_ctxt_switches:") {
                switches[task] = Int(line.split(separator: "\t").last ?? "")
            }
        }
        return switches
    }

    @Test func anIdleDaemonHardlyWakes() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        #expect(Self.waitLine(daemon, from: 0, "watching") { $0.hasPrefix("Watching ") })
        // The index merge a quiet second after the start-up scan, then nothing is due.
        Thread.sleep(forTimeInterval: 2)
        let pid = daemon.process.processIdentifier
        let before = Self.voluntarySwitches(pid)
        Thread.sleep(forTimeInterval: 2)
        let after = Self.voluntarySwitches(pid)
        let wakeUps = after.reduce(0) { sum, thread in sum + thread.value - (before[thread.key] ?? 0) }
        // Every wake-up of a sleeping thread ends in one such switch, and a slow machine makes no more
        // of them. A 250 ms ticker would make about 30 in two seconds (each of its sleeps wakes
        // dispatch threads); what is left is the runtime's own housekeeping, about once a second.
        #expect(wakeUps <= 8, "\(wakeUps) wake-ups in an idle two seconds")
    }

    @Test func aBurstOfFilesSendsAFewLinesEndingWithTheFinalOne() throws {
        let daemon = try DaemonUnderTest()
        daemon.waitReady()
        let inbox = daemon.inbox
        #expect(Self.waitLine(daemon, from: 0, "watching") { $0.hasPrefix("Watching ") })
        let seen = daemon.notify.all.count
        let started = ContinuousClock.now
        let files = 600
        for n in 1...files {
            try daemon.dropCarefully("burst-\(n).txt", syntheticArticle(n))
        }
        let final = "Watching \(inbox): \(files) articles, 0 pending, 0 failed"
        #expect(Self.waitLine(daemon, from: seen, "the final count") { $0 == final })
        let elapsed = started.duration(to: .now)
        // Nothing follows the final line.
        Thread.sleep(forTimeInterval: 0.5)
        let lines = Self.statusLines(daemon, from: seen)
        #expect(lines.last == final)
        // Each file changed the line at least once (its count); at least 250 ms lie between two
        // lines, so there are at most as many as quarter seconds the burst took, plus the first.
        #expect(lines.count <= 1 + Int(elapsed / .milliseconds(250)), "\(lines.count) lines in \(elapsed)")
        #expect(lines.count * 5 < files, "\(lines.count) lines for \(files) files")
    }
}
