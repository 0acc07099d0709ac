import CNewsLinux
import Foundation
import Glibc
import NewsStore
import SystemPackage

/// The inbox as a boundary. Every file under it is reached relative to the inbox folder's own
/// descriptor, never through a symlink (`openat2(2)` with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS,
/// or a walk of `openat(O_NOFOLLOW)` on older kernels), and files are moved or deleted only
/// after checking, through the folder that holds them, that the name still stands for the
/// (device, inode) that was read. The inbox path itself is the operator's and may be a symlink.
struct InboxDirectory: Sendable {
    /// The inbox folder.
    var root: FilePath

    /// Paths relative to the inbox, in `RawName`'s escaped form.
    typealias Relative = String

    /// A descriptor of the inbox folder.
    /// - Throws: `Errno` when the inbox is missing or unreadable.
    func openRoot() throws(Errno) -> FileDescriptor {
        do {
            return try FileDescriptor.open(root, .readOnly, options: [.directory, .closeOnExec], retryOnInterrupt: true)
        } catch {
            throw error as? Errno ?? .ioError
        }
    }

    /// Opens a file under the inbox for reading, following no symlink.
    /// - Throws: `Errno` (ELOOP for a symlink, ENOENT when gone).
    func open(_ relative: Relative) throws(Errno) -> FileDescriptor {
        let rootFD = try openRoot()
        defer { try? rootFD.close() }
        let fd = RawName.bytesCString(relative) { cnews_open_beneath(rootFD.rawValue, $0, CNEWS_O_RDONLY) }
        guard fd >= 0 else { throw Errno(rawValue: errno) }
        return FileDescriptor(rawValue: fd)
    }

    /// `fstatat(AT_SYMLINK_NOFOLLOW)` of a name under the inbox, through folders that are not
    /// symlinks; nil when it is not there (or only reachable through a symlink).
    func stat(_ relative: Relative) throws(Errno) -> FileStat? {
        let rootFD: FileDescriptor
        do { rootFD = try openRoot() } catch Errno.noSuchFileOrDirectory { return nil }
        defer { try? rootFD.close() }
        return try RawName.bytesCString(relative) { (pointer: UnsafePointer<CChar>) throws(Errno) -> FileStat? in
            var offset = 0
            let parent = cnews_open_parent_beneath(rootFD.rawValue, pointer, &offset)
            if parent < 0 {
                if [ENOENT, ENOTDIR, ELOOP, EXDEV].contains(errno) { return nil }
                throw Errno(rawValue: errno)
            }
            defer { close(parent) }
            do throws(Errno) {
                return FileStat(try Stat(pointer + offset, relativeTo: FileDescriptor(rawValue: parent), flags: .symlinkNoFollow))
            } catch Errno.noSuchFileOrDirectory, Errno.notDirectory {
                return nil
            }
        }
    }

    /// Removes a name under the inbox, if it still stands for `identity`.
    /// - Throws: `Errno`; ESTALE when the name now stands for another file (left alone).
    func remove(_ relative: Relative, identity: FileIdentity) throws(Errno) {
        try withParent(relative, identity: identity) { (parent, name) throws(Errno) in
            guard unlinkat(parent, name, 0) == 0 else { throw Errno(rawValue: errno) }
        }
    }

    /// Moves a name under the inbox to `destination` (created folders 0750; a copy and unlink
    /// across filesystems), if it still stands for `identity`.
    /// - Throws: `Errno`; ESTALE when the name now stands for another file (left alone).
    func move(_ relative: Relative, identity: FileIdentity, to destination: FilePath) throws(Errno) {
        try Self.makeParent(of: destination)
        try withParent(relative, identity: identity) { (parent, name) throws(Errno) in
            let renamed = destination.withPlatformString { renameat(parent, name, AT_FDCWD, $0) }
            if renamed == 0 { return }
            guard errno == EXDEV else { throw Errno(rawValue: errno) }
            // Another filesystem: copy what this name holds, then unlink the name.
            let source = openat(parent, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard source >= 0 else { throw Errno(rawValue: errno) }
            defer { close(source) }
            let target: FileDescriptor
            do {
                target = try FileDescriptor.open(
                    destination, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                    permissions: [.ownerReadWrite, .groupRead], retryOnInterrupt: true)
            } catch {
                throw error as? Errno ?? .ioError
            }
            defer { try? target.close() }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(source, &buffer, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Errno(rawValue: errno)
                }
                if n == 0 { break }
                do {
                    _ = try buffer[0..<n].withUnsafeBytes { try target.writeAll($0) }
                } catch {
                    throw error as? Errno ?? .ioError
                }
            }
            guard unlinkat(parent, name, 0) == 0 else { throw Errno(rawValue: errno) }
        }
    }

    /// Moves a file of newsd's own (a quarantined one, on `retry`) back to a name under the inbox,
    /// through folders that are not symlinks, never over an existing file.
    /// - Throws: `Errno` (EEXIST when the name is taken, ELOOP for a symlink on the way).
    func moveIn(_ source: FilePath, to relative: Relative) throws(Errno) {
        let rootFD = try openRoot()
        defer { try? rootFD.close() }
        try RawName.bytesCString(relative) { (pointer: UnsafePointer<CChar>) throws(Errno) in
            var offset = 0
            var parent = cnews_open_parent_beneath(rootFD.rawValue, pointer, &offset)
            if parent < 0, errno == ENOENT {
                // Its folder is gone: make it again (inside the inbox), then look through no symlink.
                try Self.makeParent(of: FileProcessor.path(root, relative))
                parent = cnews_open_parent_beneath(rootFD.rawValue, pointer, &offset)
            }
            guard parent >= 0 else { throw Errno(rawValue: errno) }
            defer { close(parent) }
            let moved = source.withPlatformString { cnews_renameat_noreplace(AT_FDCWD, $0, parent, pointer + offset) }
            guard moved == 0 else { throw Errno(rawValue: errno) }
        }
    }

    /// Creates `path`'s parent folders (0750) when missing.
    static func makeParent(of path: FilePath) throws(Errno) {
        let parent = path.removingLastComponent()
        guard !parent.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: parent.string, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw .permissionDenied
        }
    }

    private func withParent(
        _ relative: Relative, identity: FileIdentity, _ body: (Int32, UnsafePointer<CChar>) throws(Errno) -> Void
    ) throws(Errno) {
        let rootFD = try openRoot()
        defer { try? rootFD.close() }
        try RawName.bytesCString(relative) { (pointer: UnsafePointer<CChar>) throws(Errno) in
            var offset = 0
            let parent = cnews_open_parent_beneath(rootFD.rawValue, pointer, &offset)
            guard parent >= 0 else { throw Errno(rawValue: errno) }
            defer { close(parent) }
            let st = FileStat(try Stat(pointer + offset, relativeTo: FileDescriptor(rawValue: parent), flags: .symlinkNoFollow))
            guard st.identity == identity, st.isRegular else { throw Errno.staleNFSFileHandle }
            try body(parent, pointer + offset)
        }
    }
}

extension RawName {
    /// Runs `body` with the NUL-terminated bytes an escaped path stands for.
    static func bytesCString<R, E: Error>(_ escaped: String, _ body: (UnsafePointer<CChar>) throws(E) -> R) throws(E) -> R {
        var bytes = bytes(escaped).map { CChar(bitPattern: $0) }
        bytes.append(0)
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        defer { pointer.deallocate() }
        pointer.initialize(from: bytes, count: bytes.count)
        return try body(pointer)
    }
}
