import Glibc
import Testing

/// `SO_PASSCRED` / `SCM_CREDENTIALS` (asm-generic/socket.h), which Glibc only exports under _GNU_SOURCE.
private let soPassCred: Int32 = 16
private let scmCredentials: Int32 = 2

/// A stand-in for systemd's notify socket: a datagram socket bound to a fresh path, which keeps the
/// messages this very process sent (the sender's pid comes with each one, as systemd checks it), so a
/// child that inherited NOTIFY_SOCKET from a concurrently running test cannot confuse us.
final class StandInNotifySocket: Sendable {
    let path: String
    private let fd: Int32

    init() throws {
        path = "/tmp/newsd-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Errno(errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, soPassCred, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            throw Errno(errno)
        }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Every message from this process received so far, waiting up to `timeout` for the first one.
    func messages(timeout: Duration = .seconds(2)) -> [String] {
        var result: [String] = []
        var waitMilliseconds = Int32(timeout / .milliseconds(1))
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, waitMilliseconds) > 0 else { return result }
            waitMilliseconds = 0
            if let (pid, text) = receive(), pid == getpid() { result.append(text) }
        }
    }

    /// Every `KEY=VALUE` line of every message from this process.
    func assignments(timeout: Duration = .seconds(2)) -> [String] {
        messages(timeout: timeout).flatMap { $0.split(separator: "\n").map(String.init) }
    }

    /// One datagram and the pid the kernel says sent it.
    private func receive() -> (pid: Int32, text: String)? {
        var data = [UInt8](repeating: 0, count: 4096)
        var control = [UInt8](repeating: 0, count: 64)
        let count = data.withUnsafeMutableBytes { dataBytes in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: dataBytes.baseAddress, iov_len: dataBytes.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var header = msghdr()
                    header.msg_iov = vectorPointer
                    header.msg_iovlen = 1
                    header.msg_control = controlBytes.baseAddress
                    header.msg_controllen = controlBytes.count
                    return recvmsg(fd, &header, 0)
                }
            }
        }
        guard count >= 0 else { return nil }
        // struct cmsghdr { size_t len; int level; int type; } then struct ucred { pid; uid; gid }.
        let level = control.withUnsafeBytes { $0.load(fromByteOffset: 8, as: Int32.self) }
        let type = control.withUnsafeBytes { $0.load(fromByteOffset: 12, as: Int32.self) }
        guard level == SOL_SOCKET, type == scmCredentials else { return nil }
        let pid = control.withUnsafeBytes { $0.load(fromByteOffset: 16, as: Int32.self) }
        return (pid, String(decoding: data[..<count], as: UTF8.self))
    }
}

/// A C errno as a Swift error, for the stand-ins' set-up failures.
struct Errno: Error {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}

/// Environment variables set for a while (a nil value unsets), and what was there before.
private struct SavedEnvironment {
    private var saved: [String: String?] = [:]

    init(setting changes: [String: String?]) {
        for (name, value) in changes {
            saved[name] = getenv(name).map { String(cString: $0) }
            Self.set(name, value)
        }
    }

    /// Puts back what was there.
    func restore() {
        for (name, value) in saved { Self.set(name, value) }
    }

    private static func set(_ name: String, _ value: String?) {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
}

/// Runs `body` with some environment variables set (a nil value unsets), then puts back what was there.
func withEnvironment<T>(_ changes: [String: String?], _ body: () throws -> T) rethrows -> T {
    let saved = SavedEnvironment(setting: changes)
    defer { saved.restore() }
    return try body()
}

/// `withEnvironment` for an async body.
func withEnvironment<T>(_ changes: [String: String?], _ body: () async throws -> T) async rethrows -> T {
    let saved = SavedEnvironment(setting: changes)
    defer { saved.restore() }
    return try await body()
}
