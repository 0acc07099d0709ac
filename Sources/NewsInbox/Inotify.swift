import CNewsLinux
import Glibc
import SystemPackage

/// A typed wrapper over one inotify instance (`inotify_init1(2)`, non-blocking, close-on-exec).
public final class Inotify: Sendable {
    /// Which events a watch reports, and what an event was (`inotify(7)` mask bits).
    public struct Mask: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// IN_CLOSE_WRITE: a file opened for writing was closed.
        public static let closeWrite = Mask(rawValue: CNEWS_IN_CLOSE_WRITE)
        /// IN_MOVED_TO: a name was moved into the folder.
        public static let movedTo = Mask(rawValue: CNEWS_IN_MOVED_TO)
        /// IN_MOVED_FROM: a name was moved out of the folder.
        public static let movedFrom = Mask(rawValue: CNEWS_IN_MOVED_FROM)
        /// IN_CREATE: a name was created in the folder.
        public static let create = Mask(rawValue: CNEWS_IN_CREATE)
        /// IN_DELETE: a name was deleted from the folder.
        public static let delete = Mask(rawValue: CNEWS_IN_DELETE)
        /// IN_DELETE_SELF: the watched folder itself was deleted.
        public static let deleteSelf = Mask(rawValue: CNEWS_IN_DELETE_SELF)
        /// IN_MOVE_SELF: the watched folder itself was moved.
        public static let moveSelf = Mask(rawValue: CNEWS_IN_MOVE_SELF)
        /// IN_MODIFY: a file was written to.
        public static let modify = Mask(rawValue: CNEWS_IN_MODIFY)
        /// IN_Q_OVERFLOW: the kernel queue overflowed; events were lost.
        public static let queueOverflow = Mask(rawValue: CNEWS_IN_Q_OVERFLOW)
        /// IN_IGNORED: the watch was removed (folder gone or unmounted).
        public static let ignored = Mask(rawValue: CNEWS_IN_IGNORED)
        /// IN_ISDIR: the event is about a folder.
        public static let isDirectory = Mask(rawValue: CNEWS_IN_ISDIR)
        /// IN_ONLYDIR: only watch the path if it is a folder.
        public static let onlyDirectory = Mask(rawValue: CNEWS_IN_ONLYDIR)
        /// IN_EXCL_UNLINK: no events for names after they were unlinked.
        public static let excludeUnlinked = Mask(rawValue: CNEWS_IN_EXCL_UNLINK)
        /// IN_UNMOUNT: the filesystem was unmounted.
        public static let unmount = Mask(rawValue: CNEWS_IN_UNMOUNT)
    }

    /// One event as the kernel reported it.
    public struct Event: Sendable, Equatable {
        /// The watch it belongs to (-1 for IN_Q_OVERFLOW).
        public var watch: Int32
        /// What happened.
        public var mask: Mask
        /// Pairs IN_MOVED_FROM with its IN_MOVED_TO.
        public var cookie: UInt32
        /// The name inside the watched folder (in `RawName`'s escaped form), nil for events about
        /// the folder itself.
        public var name: String?
    }

    /// The inotify descriptor.
    public let fd: FileDescriptor
    /// An eventfd that `wake()` makes readable, so a `read` waiting with no timeout returns.
    private let wakeFD: FileDescriptor

    /// Creates an inotify instance.
    /// - Throws: `Errno` (EMFILE when the per-user instance limit is reached).
    public init() throws(Errno) {
        let raw = cnews_inotify_init()
        guard raw >= 0 else { throw Errno(rawValue: errno) }
        let wake = cnews_wake_fd()
        guard wake >= 0 else {
            let code = errno
            close(raw)
            throw Errno(rawValue: code)
        }
        fd = FileDescriptor(rawValue: raw)
        wakeFD = FileDescriptor(rawValue: wake)
    }

    deinit {
        try? fd.close()
        try? wakeFD.close()
    }

    /// Makes a `read` in progress (or the next one) return at once, with or without events.
    public func wake() {
        // Fails only when the counter would overflow, and then a wake is pending anyway.
        _ = try? withUnsafeBytes(of: UInt64(1)) { try wakeFD.write($0, retryOnInterrupt: true) }
    }

    /// Watches a path (`inotify_add_watch(2)`); returns the watch descriptor.
    /// - Throws: `Errno` (ENOSPC when `max_user_watches` is reached, ENOENT when the path is gone).
    public func addWatch(_ path: FilePath, mask: Mask) throws(Errno) -> Int32 {
        let wd = path.withPlatformString { cnews_inotify_add_watch(fd.rawValue, $0, mask.rawValue) }
        guard wd >= 0 else { throw Errno(rawValue: errno) }
        return wd
    }

    /// Stops a watch (`inotify_rm_watch(2)`); a watch already gone is not an error.
    public func removeWatch(_ watch: Int32) {
        _ = cnews_inotify_rm_watch(fd.rawValue, watch)
    }

    /// Waits up to `timeoutMilliseconds` (forever when negative) for events (`poll(2)` then
    /// `read(2)`); [] on timeout and when woken (`wake`).
    /// - Throws: `Errno` on a read failure other than EINTR/EAGAIN.
    public func read(timeoutMilliseconds: Int32) throws(Errno) -> [Event] {
        var pfds = [
            pollfd(fd: fd.rawValue, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD.rawValue, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&pfds, 2, timeoutMilliseconds)
        if ready < 0 {
            if errno == EINTR { return [] }
            throw Errno(rawValue: errno)
        }
        if pfds[1].revents != 0 {
            var count: UInt64 = 0
            _ = try? withUnsafeMutableBytes(of: &count) { try wakeFD.read(into: $0, retryOnInterrupt: true) }
        }
        guard pfds[0].revents != 0 else { return [] }
        var buffer = [CChar](repeating: 0, count: 64 * 1024)
        let count: Int
        do {
            count = try buffer.withUnsafeMutableBytes { try fd.read(into: $0, retryOnInterrupt: true) }
        } catch Errno.resourceTemporarilyUnavailable {
            return []
        } catch {
            throw (error as? Errno) ?? .ioError  // `read` throws only `Errno`
        }
        var raw = [cnews_inotify_event](repeating: cnews_inotify_event(), count: 4096)
        let n = buffer.withUnsafeBufferPointer { b in
            raw.withUnsafeMutableBufferPointer { cnews_inotify_parse(b.baseAddress, count, $0.baseAddress, Int32($0.count)) }
        }
        return buffer.withUnsafeBufferPointer { b in
            raw[0..<Int(n)].map { e in
                Event(
                    watch: e.wd, mask: Mask(rawValue: e.mask), cookie: e.cookie,
                    name: e.name_offset == 0 ? nil : Self.name(b.baseAddress! + Int(e.name_offset)))
            }
        }
    }
}

extension Inotify {
    /// A NUL-terminated name from an event, in `RawName`'s escaped form.
    static func name(_ pointer: UnsafePointer<CChar>) -> String {
        RawName.escape(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
    }
}
