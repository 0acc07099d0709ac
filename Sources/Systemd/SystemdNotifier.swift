import CSystemd
import Glibc

/// Tells the service manager what newsd is doing, through libsystemd's `sd_notify`.
///
/// Every call is a no-op when `NOTIFY_SOCKET` is unset (not started by systemd), so callers never
/// need to ask first. Failures to send are ignored: the manager being gone must not stop ingest.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier; it reads `NOTIFY_SOCKET` at each send, as `sd_notify` does.
    public init() {}

    /// True when a service manager listens (`NOTIFY_SOCKET` is set). Read from the live environment,
    /// as libsystemd does, so a change with `setenv` is seen at once.
    public var isEnabled: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// Sends raw `KEY=VALUE` assignments, one per line (wraps `sd_notify(3)`); false when nothing
    /// was sent (no manager, or the send failed), which callers may ignore.
    @discardableResult
    public func send(_ assignments: String) -> Bool {
        assignments.withCString { sd_notify(0, $0) } > 0
    }

    /// READY=1 with a status line: start-up (or a reload) is complete.
    public func ready(status: String) { send("READY=1\nSTATUS=\(Self.oneLine(status))") }

    /// STATUS=: a one-line summary shown by `systemctl status`.
    public func status(_ text: String) { send("STATUS=\(Self.oneLine(text))") }

    /// WATCHDOG=1: the ingest loop is alive.
    public func watchdog() { send("WATCHDOG=1") }

    /// STOPPING=1: graceful shutdown has begun.
    public func stopping(status: String? = nil) {
        send("STOPPING=1" + (status.map { "\nSTATUS=\(Self.oneLine($0))" } ?? ""))
    }

    /// RELOADING=1 with the CLOCK_MONOTONIC time systemd 253+ (Type=notify-reload) requires to tell
    /// this reload from an older one; READY=1 must follow once the reload is done.
    public func reloading() {
        send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// EXTEND_TIMEOUT_USEC: a long start-up step needs this much more time; systemd then waits at
    /// least that long from now before it gives up on READY=1.
    public func extendTimeout(by duration: Duration) {
        send("EXTEND_TIMEOUT_USEC=\(Self.microseconds(duration))")
    }

    /// ERRNO= with a status line: newsd is exiting on an error (`systemctl show -p StatusErrno`).
    public func failed(errno code: Int32, status: String) {
        send("ERRNO=\(code)\nSTATUS=\(Self.oneLine(status))")
    }

    /// How often to send WATCHDOG=1: half the manager's WATCHDOG_USEC, or nil when no watchdog is asked
    /// for this process (wraps `sd_watchdog_enabled(3)`, which honours WATCHDOG_PID).
    public var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(usec / 2))
    }

    /// STATUS= is one line: newlines would end the assignment and start a bogus next one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Whole microseconds of a duration, rounded down, never negative.
    static func microseconds(_ duration: Duration) -> Int64 {
        max(0, duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)
    }

    /// CLOCK_MONOTONIC now, in microseconds (the clock of MONOTONIC_USEC).
    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
    }
}
