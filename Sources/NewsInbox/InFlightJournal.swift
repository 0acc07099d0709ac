import Foundation
import Glibc
import NewsStore
import Synchronization

/// The files being read, written down beside the database (`DATABASE.inflight`) so that a daemon
/// that dies while reading them (SIGKILL, the OOM killer) knows them when it starts again. Parsing
/// happens in workers, so a poison file cannot kill the daemon; this is the guard for anything
/// else: a file that was in flight when newsd died twice in a row is quarantined instead of being
/// read a third time. No restart loop, ever.
final class InFlightJournal: Sendable {
    /// How many deaths in a row with the file in flight make it quarantined.
    static let deathsBeforeQuarantine = 2

    private struct State {
        var fd: Int32
        /// Files in flight now, with the deaths they had already seen.
        var inFlight: [FileIdentity: Int] = [:]
        /// Files that were in flight when earlier runs died, and how many times.
        var suspects: [FileIdentity: Int] = [:]
    }

    private let state: Mutex<State>

    /// Opens (or creates) the journal and reads what the previous run left in it. nil when it
    /// cannot be opened (newsd then runs without it, as before).
    init?(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { return nil }
        var suspects: [FileIdentity: Int] = [:]
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 || bytes.count > 16 << 20 { break }
            bytes += buffer[0..<n]
        }
        for line in bytes.split(separator: 0x0A) {
            let fields = line.split(separator: 0x20).compactMap { UInt64(String(decoding: $0, as: UTF8.self)) }
            guard fields.count == 3 else { continue }
            let identity = FileIdentity(device: fields[0], inode: fields[1])
            suspects[identity] = max(suspects[identity] ?? 0, Int(fields[2]) + 1)
        }
        state = Mutex(State(fd: fd, suspects: suspects))
        rewrite()
    }

    deinit { _ = state.withLock { close($0.fd) } }

    /// How many earlier runs died while this file was in flight.
    func deaths(_ identity: FileIdentity) -> Int {
        state.withLock { $0.suspects[identity] ?? 0 }
    }

    /// Whether earlier runs died while this file was in flight.
    var hasSuspects: Bool { state.withLock { !$0.suspects.isEmpty } }

    /// Notes that a file is about to be read (one appended line).
    func begin(_ identity: FileIdentity) {
        state.withLock { s in
            let deaths = s.suspects[identity] ?? 0
            s.inFlight[identity] = deaths
            let line = Array("\(identity.device) \(identity.inode) \(deaths)\n".utf8)
            _ = pwrite(s.fd, line, line.count, lseek(s.fd, 0, SEEK_END))
        }
    }

    /// Notes that files were committed (or given up): they are no longer in flight, and no
    /// longer suspects.
    func end(_ identities: some Sequence<FileIdentity>) {
        state.withLock { s in
            for identity in identities {
                s.inFlight[identity] = nil
                s.suspects[identity] = nil
            }
        }
        rewrite()
    }

    /// Clean shutdown: nothing is in flight.
    func clear() {
        state.withLock { s in
            s.inFlight.removeAll()
            _ = ftruncate(s.fd, 0)
        }
    }

    private func rewrite() {
        state.withLock { s in
            let text = s.inFlight.map { "\($0.key.device) \($0.key.inode) \($0.value)\n" }.joined()
                + s.suspects.filter { s.inFlight[$0.key] == nil }.map {
                    // A suspect not yet read again keeps its count (minus the death that made it one).
                    "\($0.key.device) \($0.key.inode) \($0.value - 1)\n"
                }.joined()
            let bytes = Array(text.utf8)
            _ = ftruncate(s.fd, 0)
            _ = pwrite(s.fd, bytes, bytes.count, 0)
        }
    }
}
