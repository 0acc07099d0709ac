import Glibc
import Logging
import Testing

@testable import Systemd

/// sd_notify, sd_watchdog_enabled and sd_listen_fds_with_names against stand-ins: NOTIFY_SOCKET and
/// the LISTEN_*/WATCHDOG_* variables are set in this process, so the suite runs one test at a time.
@Suite(.serialized)
struct SystemdNotifierTests {
    @Test func withoutManagerEverySendIsANoOp() {
        withEnvironment(["NOTIFY_SOCKET": nil]) {
            let notifier = SystemdNotifier()
            #expect(!notifier.isEnabled)
            #expect(!notifier.send("READY=1"))
            notifier.ready(status: "nobody listens")
        }
    }

    @Test func readyCarriesAOneLineStatus() throws {
        let manager = try StandInNotifySocket()
        withEnvironment(["NOTIFY_SOCKET": manager.path]) {
            let notifier = SystemdNotifier()
            #expect(notifier.isEnabled)
            notifier.ready(status: "Watching /inbox:\n12 articles")
        }
        #expect(manager.messages() == ["READY=1\nSTATUS=Watching /inbox: 12 articles"])
    }

    @Test func statusWatchdogStoppingAndErrno() throws {
        let manager = try StandInNotifySocket()
        withEnvironment(["NOTIFY_SOCKET": manager.path]) {
            let notifier = SystemdNotifier()
            notifier.status("Catching up on /inbox: 3 pending")
            notifier.watchdog()
            notifier.stopping(status: "Stopping")
            notifier.stopping()
            notifier.failed(errno: EINVAL, status: "Failed: bad\nconfig")
        }
        #expect(
            manager.messages() == [
                "STATUS=Catching up on /inbox: 3 pending", "WATCHDOG=1", "STOPPING=1\nSTATUS=Stopping", "STOPPING=1",
                "ERRNO=\(EINVAL)\nSTATUS=Failed: bad config",
            ])
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let manager = try StandInNotifySocket()
        let before = SystemdNotifier.monotonicMicroseconds()
        withEnvironment(["NOTIFY_SOCKET": manager.path]) { SystemdNotifier().reloading() }
        let after = SystemdNotifier.monotonicMicroseconds()
        let lines = manager.assignments()
        #expect(lines.first == "RELOADING=1")
        let stamp = lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) }
        #expect(stamp.map { (before...after).contains($0) } == true, "MONOTONIC_USEC \(String(describing: stamp))")
    }

    @Test(arguments: [
        (Duration.seconds(60), "EXTEND_TIMEOUT_USEC=60000000"),
        (.milliseconds(1500), "EXTEND_TIMEOUT_USEC=1500000"),
        (.microseconds(7), "EXTEND_TIMEOUT_USEC=7"),
    ])
    func extendTimeoutIsInMicroseconds(duration: Duration, expected: String) throws {
        let manager = try StandInNotifySocket()
        withEnvironment(["NOTIFY_SOCKET": manager.path]) { SystemdNotifier().extendTimeout(by: duration) }
        #expect(manager.messages() == [expected])
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsecForThisProcessOnly() {
        withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(getpid())"]) {
            #expect(SystemdNotifier().watchdogInterval == .milliseconds(1500))
        }
        withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == .milliseconds(1500))
        }
        withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(getpid() + 1)"]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
        withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
    }
}

/// Socket activation: the fd systemd passes at SD_LISTEN_FDS_START (3), found by its name.
@Suite(.serialized)
struct ListenFileDescriptorsTests {
    /// Puts a fresh socket at fd 3 (keeping whatever was there) for the length of `body`.
    func withPassedSocket(_ body: (Int32) throws -> Void) throws {
        let start: Int32 = 3  // SD_LISTEN_FDS_START
        let saved = fcntl(start, F_GETFD) >= 0 ? fcntl(start, F_DUPFD_CLOEXEC, 100) : -1
        let passed = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(passed >= 0)
        #expect(dup2(passed, start) == start)
        close(passed)
        defer {
            if saved >= 0 {
                dup2(saved, start)
                close(saved)
            } else {
                close(start)
            }
        }
        try body(start)
    }

    @Test func takesTheFdNamedControlWhenPassedToThisProcess() throws {
        try withPassedSocket { fd in
            try withEnvironment(["LISTEN_PID": "\(getpid())", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "control"]) {
                #expect(ListenFileDescriptors.take(named: "control") == fd)
                // Cleared, so children (and a second call) do not see them.
                #expect(getenv("LISTEN_FDS") == nil)
                #expect(getenv("LISTEN_PID") == nil)
                #expect(ListenFileDescriptors.take(named: "control") == nil)
                var type: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                #expect(getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0)
                #expect(type == Int32(SOCK_STREAM.rawValue))
                try #require((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0)
            }
        }
    }

    @Test func ignoresFdsMeantForAnotherProcess() throws {
        try withPassedSocket { _ in
            withEnvironment(["LISTEN_PID": "\(getpid() + 1)", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "control"]) {
                #expect(ListenFileDescriptors.take(named: "control") == nil)
            }
        }
    }

    @Test func ignoresAnFdWithAnotherName() throws {
        try withPassedSocket { _ in
            withEnvironment(["LISTEN_PID": "\(getpid())", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "metrics"]) {
                #expect(ListenFileDescriptors.take(named: "control") == nil)
            }
        }
    }

    @Test func nothingPassedIsNil() {
        withEnvironment(["LISTEN_PID": nil, "LISTEN_FDS": nil, "LISTEN_FDNAMES": nil]) {
            #expect(ListenFileDescriptors.take(named: "control") == nil)
        }
    }
}

/// How log events become journal fields.
struct JournalLogHandlerTests {
    @Test(arguments: [
        ("file", "NEWSD_FILE"), ("article.id", "NEWSD_ARTICLE_ID"), ("event", "NEWSD_EVENT"),
        ("client.uid", "NEWSD_CLIENT_UID"), ("ärger-2", "NEWSD__RGER_2"),
    ])
    func metadataKeysBecomeNewsdFields(key: String, field: String) {
        #expect(JournalLogHandler.fieldName(key) == field)
    }

    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func levelsBecomeSyslogPriorities(level: Logger.Level, priority: Int) {
        #expect(JournalLogHandler.priority(level) == priority)
    }

    @Test func journalStreamMustNameStandardErrorItself() throws {
        var pipeFds: [Int32] = [0, 0]
        #expect(pipe(&pipeFds) == 0)
        defer { pipeFds.forEach { close($0) } }
        var info = stat()
        #expect(fstat(pipeFds[1], &info) == 0)
        #expect(JournalLogHandler.matches(journalStream: "\(info.st_dev):\(info.st_ino)", descriptor: pipeFds[1]))
        #expect(!JournalLogHandler.matches(journalStream: "\(info.st_dev):\(info.st_ino + 1)", descriptor: pipeFds[1]))
        #expect(!JournalLogHandler.matches(journalStream: "garbage", descriptor: pipeFds[1]))
        #expect(!JournalLogHandler.matches(journalStream: "", descriptor: pipeFds[1]))
    }
}
