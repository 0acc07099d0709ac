import Foundation
import Glibc
import NewsProtocol
import Synchronization
import Testing

/// Where the built binaries are: $NEWSD_BIN_DIR (set by `make test`), else .build/debug.
enum Binaries {
    static let directory: String = {
        if let dir = ProcessInfo.processInfo.environment["NEWSD_BIN_DIR"] { return dir }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }()
    static var newsd: String { directory + "/newsd" }
    static var newsctl: String { directory + "/newsctl" }
    static let seeds: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")
    static var seedFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// A stand-in for systemd's notify socket: a datagram socket the test binds, collecting every
/// message newsd sends with sd_notify.
final class NotifySocket: Sendable {
    let path: String
    private let fd: Int32
    private let messages = Mutex<[String]>([])
    private let stopped = Atomic<Bool>(false)

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while !stopped.load(ordering: .relaxed) {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    let text = String(decoding: buffer[..<n], as: UTF8.self)
                    messages.withLock { $0.append(text) }
                }
            }
        }
        thread.start()
    }

    deinit {
        stopped.store(true, ordering: .relaxed)
        close(fd)
        unlink(path)
    }

    /// Every datagram so far.
    var all: [String] { messages.withLock { $0 } }

    /// Every `KEY=value` line so far.
    var assignments: [String] { all.flatMap { $0.split(separator: "\n").map(String.init) } }

    /// Waits until some line satisfies `predicate`.
    func wait(for description: String, timeout: Double = 30, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if assignments.contains(where: predicate) { return true }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(description); saw \(assignments)")
        return false
    }
}

/// The result of running a command.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// stdout parsed as one JSON document.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}

/// Runs a program to completion.
func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], input: Data? = nil)
    throws -> CommandResult
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    let errData = Mutex(Data())
    DispatchQueue.global().async(group: group) {
        let data = err.fileHandleForReading.readDataToEndOfFile()
        errData.withLock { $0 = data }
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder: Sendable {
    let path: String
    init() {
        var template = Array("/tmp/newsd-test.XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A newsd started for one test in its own folder, with a stand-in notify socket.
final class DaemonUnderTest {
    let folder = TemporaryFolder()
    let notify: NotifySocket
    let process = Process()
    let stderrPipe = Pipe()
    /// newsd's log, read as it is written: a pipe nobody reads fills up (64 KiB) and then stops
    /// the daemon at its next log line.
    let log = OutputCollector()
    var inbox: String { folder.path + "/inbox" }
    var database: String { folder.path + "/newsd.db" }
    var socket: String { folder.path + "/control.sock" }
    var configFile: String { folder.path + "/newsd.json" }

    /// Starts newsd with `config` written as its config file (paths default into the folder).
    init(config: [String: Any] = [:], extraArguments: [String] = [], environment: [String: String] = [:],
         start: Bool = true) throws {
        notify = try NotifySocket(path: folder.path + "/notify.sock")
        try FileManager.default.createDirectory(atPath: folder.path + "/inbox", withIntermediateDirectories: true)
        var full: [String: Any] = ["inbox": inbox, "database": database, "socket": socket, "settle_ms": 200]
        full.merge(config) { _, new in new }
        try JSONSerialization.data(withJSONObject: full).write(to: URL(fileURLWithPath: configFile))
        process.executableURL = URL(fileURLWithPath: Binaries.newsd)
        process.arguments = ["--config", configFile] + extraArguments
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = notify.path
        env.removeValue(forKey: "JOURNAL_STREAM")
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardError = stderrPipe
        process.standardOutput = FileHandle.nullDevice
        if start { try launch() }
    }

    func launch() throws {
        try process.run()
        log.collect(stderrPipe.fileHandleForReading)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Waits for READY=1.
    @discardableResult
    func waitReady(timeout: Double = 60) -> Bool { notify.wait(for: "READY=1", timeout: timeout) { $0 == "READY=1" } }

    /// Runs newsctl against this daemon.
    func ctl(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
        try run(Binaries.newsctl, ["--socket", socket] + arguments, environment: environment)
    }

    /// `newsctl --json status`'s fields.
    func status() throws -> [String: Any] {
        let r = try ctl("--json", "status")
        return (try? r.json() as? [String: Any]) ?? [:]
    }

    /// Waits until `status` satisfies `predicate`.
    @discardableResult
    func waitStatus(_ description: String, timeout: Double = 60, _ predicate: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String: Any] = [:]
        while Date() < deadline {
            last = try status()
            if predicate(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(description); last status \(last); newsd's log ends:\n\(log.tail())")
        return last
    }

    /// Waits until at least `count` articles are stored and nothing is pending.
    @discardableResult
    func waitArticles(_ count: Int, timeout: Double = 60) throws -> [String: Any] {
        try waitStatus("\(count) articles", timeout: timeout) {
            ($0["articles"] as? Int ?? -1) >= count && ($0["pending"] as? Int ?? 1) == 0
        }
    }

    /// Sends a signal and waits for exit; returns the exit status.
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Everything newsd wrote to stderr so far (all of it once it has exited).
    var stderr: String { log.text(waitForEnd: !process.isRunning) }

    /// Writes a file the careful way: a dot-name, then a rename into place.
    func dropCarefully(_ name: String, _ data: Data) throws {
        let temporary = inbox + "/." + name + ".part"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, inbox + "/" + name) == 0 else { throw POSIXError(.EIO) }
    }

    /// Writes a file in place (open, write, close under its final name).
    func dropCarelessly(_ name: String, _ data: Data) throws {
        let fd = open(inbox + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

/// Reads a child's output on a thread of its own until the end, keeping the last `limit` bytes.
final class OutputCollector: Sendable {
    private let state = Mutex<(bytes: [UInt8], ended: Bool)>(([], false))
    let limit = 4 << 20

    func collect(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                // What the pipe holds now (`read(upToCount:)` waits for the whole count or the end,
                // so a running daemon's lines would show only 64 KiB at a time); empty at the end.
                let chunk: Data? = handle.availableData
                let ended = chunk?.isEmpty ?? true
                state.withLock { state in
                    if let chunk { state.bytes += chunk }
                    if state.bytes.count > limit { state.bytes.removeFirst(state.bytes.count - limit) }
                    state.ended = ended
                }
                if ended { return }
            }
        }
        thread.start()
    }

    /// The output so far; with `waitForEnd`, first waits (up to 5 s) for the end of it.
    func text(waitForEnd: Bool = false) -> String {
        let deadline = Date().addingTimeInterval(5)
        while waitForEnd, !state.withLock({ $0.ended }), Date() < deadline { usleep(10_000) }
        return String(decoding: state.withLock { $0.bytes }, as: UTF8.self)
    }

    /// The last lines of the output, for a failure's message.
    func tail(lines: Int = 400) -> String {
        text().split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}
