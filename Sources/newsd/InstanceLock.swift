import Foundation
import Glibc

/// One newsd per database: an exclusive `flock(2)` on `DATABASE.lock`, held for the life of the
/// process. A second newsd started on the same database exits 73 naming the holder's pid,
/// instead of ingesting beside it with counts that disagree.
final class InstanceLock {
    /// Why the lock could not be had: the line newsd prints before exiting 73.
    struct Refused: Error {
        var message: String
    }

    private let fd: Int32

    /// Takes the lock.
    /// - Throws: `Refused` when another process holds it, or when the lock file cannot be opened.
    init(database: String) throws(Refused) {
        let path = database + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else {
            throw Refused(message: "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            close(fd)
            throw Refused(
                message: busy
                    ? "database \(database) is in use by another newsd (pid \(holder))"
                    : "cannot lock \(path): \(String(cString: strerror(errno)))")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        self.fd = fd
    }

    deinit { close(fd) }
}
