import CSystemd
import Foundation

/// Tells the service manager what newsd is doing, through libsystemd's `sd_notify`.
///
/// Every call is a no-op when `NOTIFY_SOCKET` is unset (not started by systemd), so callers never
/// need to ask first. Failures to send are ignored: the manager being gone must not stop ingest.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier; it reads `NOTIFY_SOCKET` at each send, as `sd_notify` does.
    public init() {}

    /// True when a service manager listens (`NOTIFY_SOCKET` is set).
    public var isEnabled: Bool { ProcessInfo.processInfo.environment["NOTIFY_SOCKET"] != nil }

    /// Sends raw `KEY=VALUE` assignments, one per line (wraps `sd_notify(3)`).
    public func send(_ assignments: String) {
        _ = assignments.withCString { sd_notify(0, $0) }
    }

    /// READY=1 with a status line: start-up is complete.
    public func ready(status: String) { send("READY=1\nSTATUS=\(Self.oneLine(status))") }

    /// STATUS=: a one-line summary shown by `systemctl status`.
    public func status(_ text: String) { send("STATUS=\(Self.oneLine(text))") }

    /// WATCHDOG=1: the ingest loop is alive.
    public func watchdog() { send("WATCHDOG=1") }

    /// STOPPING=1: graceful shutdown has begun.
    public func stopping(status: String? = nil) {
        send("STOPPING=1" + (status.map { "\nSTATUS=\(Self.oneLine($0))" } ?? ""))
    }

    /// RELOADING=1 with the monotonic time systemd 253+ asks for; READY=1 must follow.
    public func reloading() {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let usec = UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(usec)")
    }

    /// EXTEND_TIMEOUT_USEC: a long start-up step needs this much more time.
    public func extendTimeout(by duration: Duration) {
        let usec = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        send("EXTEND_TIMEOUT_USEC=\(usec)")
    }

    /// ERRNO= with a status line: newsd is exiting on an error.
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

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
