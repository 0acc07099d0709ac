import Foundation
import Glibc
import NewsStore
import Synchronization

/// Files that `after_ingest` archived or deleted whose rows still hold their (device, inode): the
/// next batch's transaction records where they went (`NewsStore.commitBatch(_:left:)`), or, when
/// no batch follows at once, a write of their own when the loop goes idle. Until then the look-ups
/// that match files on disk to rows pass over these rows, so a new file that reuses a freed inode
/// is a new file, not the old one changed. A file is entered before it is moved or removed (its
/// inode cannot be reused before), and taken out again when that fails.
///
/// The entries are also written down beside the database (`DATABASE.leaving`, a JSON line each),
/// so that a daemon that dies before recording them finds them when it starts again: those whose
/// file is no longer at its inbox path with its identity left, and are recorded before anything is
/// read; the others never moved.
final class LeavingFiles: Sendable {
    /// One file about to leave or gone.
    struct Entry: Codable, Equatable, Sendable {
        /// The file's row.
        var id: Int64
        /// Its path relative to the inbox (`RawName`'s escaped form).
        var path: String
        var device: UInt64
        var inode: UInt64
        /// The archive path; nil when it is deleted.
        var movedTo: String?

        var identity: FileIdentity { FileIdentity(device: device, inode: inode) }

        init(id: Int64, _ path: String, _ identity: FileIdentity, movedTo: String?) {
            self.id = id
            self.path = path
            device = identity.device
            inode = identity.inode
            self.movedTo = movedTo
        }
    }

    private struct State {
        var files: [Int64: Entry] = [:]
        /// The record beside the database; -1 without one.
        var fd: Int32 = -1
    }

    private let state: Mutex<State>

    /// Entries kept in memory only (tests).
    init() {
        state = Mutex(State())
    }

    /// Opens (or creates) the record at `path` and takes over what a run that died left in it:
    /// the entries whose file `stillThere` does not find at its path with its identity. nil when
    /// the record cannot be opened (the entries are then kept in memory only).
    init?(path: String, stillThere: (Entry) -> Bool) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { return nil }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= Self.maxRecordBytes {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        var files: [Int64: Entry] = [:]
        let decoder = JSONDecoder()
        for line in bytes.split(separator: 0x0A) {
            // A line cut short by the death is no entry: that file had not begun to move.
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)), !stillThere(entry) else { continue }
            files[entry.id] = entry
        }
        state = Mutex(State(files: files, fd: fd))
        rewrite()
    }

    deinit { _ = state.withLock { close($0.fd) } }

    /// A record larger than this is not read further (it holds a batch's files at most).
    static let maxRecordBytes = 16 << 20

    /// Enters a file about to leave: `movedTo` is its archive path, nil when it is deleted.
    func enter(_ entry: Entry) {
        state.withLock { s in
            s.files[entry.id] = entry
            guard s.fd >= 0, var line = try? JSONEncoder().encode(entry) else { return }
            line.append(0x0A)
            _ = line.withUnsafeBytes { pwrite(s.fd, $0.baseAddress, $0.count, lseek(s.fd, 0, SEEK_END)) }
        }
    }

    /// Takes back a file that did not leave after all (the move or removal failed).
    func stay(_ id: Int64) {
        _ = state.withLock { $0.files.removeValue(forKey: id) }
        rewrite()
    }

    /// Whether the row is that of a file that left and is not yet recorded so.
    func contains(_ id: Int64) -> Bool {
        state.withLock { $0.files[id] != nil }
    }

    /// How many wait to be recorded.
    var count: Int { state.withLock { $0.files.count } }

    /// The files waiting to be recorded, in row order. They stay entered until `recorded`.
    func pending() -> [NewsStore.LeftFile] {
        state.withLock { $0.files.values.map { NewsStore.LeftFile(id: $0.id, movedTo: $0.movedTo, identity: $0.identity) } }.sorted { $0.id < $1.id }
    }

    /// Forgets files whose rows a committed transaction has recorded.
    func recorded(_ done: [NewsStore.LeftFile]) {
        guard !done.isEmpty else { return }
        state.withLock { s in
            for file in done where s.files[file.id]?.movedTo == file.movedTo { s.files.removeValue(forKey: file.id) }
        }
        rewrite()
    }

    /// Writes the record again with the entries left (empty, most times).
    private func rewrite() {
        state.withLock { s in
            guard s.fd >= 0 else { return }
            var bytes = Data()
            let encoder = JSONEncoder()
            for entry in s.files.values.sorted(by: { $0.id < $1.id }) {
                guard let line = try? encoder.encode(entry) else { continue }
                bytes += line
                bytes.append(0x0A)
            }
            _ = ftruncate(s.fd, 0)
            if !bytes.isEmpty { _ = bytes.withUnsafeBytes { pwrite(s.fd, $0.baseAddress, $0.count, 0) } }
        }
    }
}
