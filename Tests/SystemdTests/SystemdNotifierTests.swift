import Glibc
import Logging
import Testing

@testable import Systemd

/// The tests that change process-wide state (environment variables, forks): one at a time, so a
/// fork never happens while another of them holds the environment's lock.
@Suite(.serialized)
enum ProcessStateTests {}

extension ProcessStateTests {
    /// sd_notify and sd_watchdog_enabled against a stand-in manager: NOTIFY_SOCKET and the
    /// WATCHDOG_* variables are set in this process.
    @Suite
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
                    "STATUS=Catching up on /inbox: 3 pending", "WATCHDOG=1", "STOPPING=1\nSTATUS=Stopping",
                    "STOPPING=1", "ERRNO=\(EINVAL)\nSTATUS=Failed: bad config",
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
}

extension ProcessStateTests {
    /// Socket activation: the fds systemd passes from SD_LISTEN_FDS_START (3) on, found by name.
    ///
    /// Each case runs in a forked child, which puts its sockets at fd 3 and up and sets LISTEN_PID to
    /// its own pid: the test process's own fd 3 (an event loop's epoll fd) must not be touched.
    @Suite
    struct ListenFileDescriptorsTests {
        /// What the child found, as its exit status (0: as expected).
        enum Outcome: Int32 {
            case asExpected = 0, wrongFd, variablesLeft, secondTakeFound, notTheSocket, notCloseOnExec
            case forkFailed, hung
        }

        /// Forks; the child places `count` fresh stream sockets at fds 3…, sets the LISTEN_* variables
        /// (`pid` nil: its own pid), calls `take(named: "control")` and checks it got `expected`.
        func child(count: Int32, names: String?, pid: Int32? = nil, expected: Int32?) -> Outcome {
            let child = fork()
            if child < 0 { return .forkFailed }
            if child == 0 {
                for i in 0..<count {
                    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
                    if fd != 3 + i {
                        dup2(fd, 3 + i)
                        close(fd)
                    }
                }
                setenv("LISTEN_PID", "\(pid ?? getpid())", 1)
                setenv("LISTEN_FDS", "\(count)", 1)
                if let names { setenv("LISTEN_FDNAMES", names, 1) } else { unsetenv("LISTEN_FDNAMES") }
                let found = ListenFileDescriptors.take(named: "control")
                _exit(check(found: found, expected: expected).rawValue)
            }
            var status: Int32 = 0
            for _ in 0..<1000 {
                if waitpid(child, &status, WNOHANG) == child {
                    return Outcome(rawValue: (status >> 8) & 0xff) ?? .hung
                }
                usleep(10_000)
            }
            kill(child, SIGKILL)
            waitpid(child, &status, 0)
            return .hung
        }

        /// The child's verdict on what `take` returned and left behind.
        func check(found: Int32?, expected: Int32?) -> Outcome {
            guard found == expected else { return .wrongFd }
            for name in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] where getenv(name) != nil {
                return .variablesLeft
            }
            guard ListenFileDescriptors.take(named: "control") == nil else { return .secondTakeFound }
            guard let found else { return .asExpected }
            var type: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(found, SOL_SOCKET, SO_TYPE, &type, &length) == 0, type == Int32(SOCK_STREAM.rawValue)
            else { return .notTheSocket }
            return fcntl(found, F_GETFD) & FD_CLOEXEC != 0 ? .asExpected : .notCloseOnExec
        }

        @Test func takesTheFdNamedControlWhenPassedToThisProcess() {
            #expect(child(count: 1, names: "control", expected: 3) == .asExpected)
        }

        @Test func findsControlAmongSeveral() {
            #expect(child(count: 3, names: "metrics:control:admin", expected: 4) == .asExpected)
        }

        @Test func takesASingleUnnamedFd() {
            #expect(child(count: 1, names: nil, expected: 3) == .asExpected)
        }

        @Test func ignoresFdsMeantForAnotherProcess() {
            #expect(child(count: 1, names: "control", pid: 1, expected: nil) == .asExpected)
        }

        @Test func ignoresAnFdWithAnotherName() {
            #expect(child(count: 1, names: "metrics", expected: nil) == .asExpected)
        }

        @Test func nothingPassedIsNil() {
            withEnvironment(["LISTEN_PID": nil, "LISTEN_FDS": nil, "LISTEN_FDNAMES": nil]) {
                #expect(ListenFileDescriptors.take(named: "control") == nil)
            }
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
        let name = "\(info.st_dev):\(info.st_ino)"
        #expect(JournalLogHandler.matches(journalStream: name, descriptor: pipeFds[1]))
        #expect(!JournalLogHandler.matches(journalStream: "\(info.st_dev):\(info.st_ino + 1)", descriptor: pipeFds[1]))
        #expect(!JournalLogHandler.matches(journalStream: "garbage", descriptor: pipeFds[1]))
        #expect(!JournalLogHandler.matches(journalStream: "", descriptor: pipeFds[1]))
    }
}
