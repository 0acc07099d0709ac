import CNewsLinux
import Foundation
import Glibc
import SystemPackage

/// Why a worker gave no answer for a file. Its `reason` is the quarantine reason of a file that
/// fails twice.
package enum WorkerFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The worker died: by a signal, or exiting with a status.
    case crashed(signal: Int32?, status: Int32?)
    /// It took longer than `parse_timeout_s` and was killed.
    case timeout(seconds: Double)
    /// It ran into `parse_memory_mb`.
    case memory(megabytes: Int)
    /// A worker could not be started.
    case unavailable(String)

    /// The stable code of the quarantine reason: `parser_crashed`, `parser_timeout`,
    /// `parser_memory` or `parser_unavailable`.
    package var code: String {
        switch self {
        case .crashed: "parser_crashed"
        case .timeout: "parser_timeout"
        case .memory: "parser_memory"
        case .unavailable: "parser_unavailable"
        }
    }

    /// What happened, for people: the signal or exit status, the limit that was hit.
    package var message: String {
        switch self {
        case .crashed(let signal?, _): "signal \(signal) (\(Self.signalName(signal)))"
        case .crashed(nil, let status): "exit status \(status ?? -1)"
        case .timeout(let seconds): "\(Self.format(seconds)) s"
        case .memory(let megabytes): "\(megabytes) MiB"
        case .unavailable(let why): why
        }
    }

    /// The reason as `newsctl failed` and `status PATH` show it: `code: message`.
    package var reason: String { "\(code): \(message)" }

    package var description: String { reason }

    /// The metric label of this kind of failure.
    package var kind: String {
        switch self {
        case .crashed: "crashed"
        case .timeout: "timeout"
        case .memory: "memory"
        case .unavailable: "unavailable"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL"
        case SIGSEGV: "SIGSEGV"
        case SIGTERM: "SIGTERM"
        case SIGSYS: "SIGSYS"
        case SIGXFSZ: "SIGXFSZ"
        case SIGXCPU: "SIGXCPU"
        default: "signal \(signal)"
        }
    }
}

/// Limits for every worker.
package struct WorkerLimits: Sendable, Equatable {
    /// Wall time for one file.
    package var timeout: Duration
    /// RLIMIT_AS of a worker, in MiB.
    package var memoryMB: Int

    /// The longest reply the daemon reads for a file of `bytes`: its text fits several times
    /// (the body, its quotes and names, field lengths) with room to spare; a worker that sends more is broken.
    package static func replyLimit(forFileBytes bytes: Int64) -> Int {
        Int(min(Int64(1) << 31, 16 << 20 + 8 * max(0, bytes)))
    }

    /// Creates limits.
    package init(timeout: Duration = .seconds(30), memoryMB: Int = 512) {
        self.timeout = timeout
        self.memoryMB = memoryMB
    }
}

/// The daemon's handle on one parser worker process: spawned by `newsd` itself, killed and
/// reaped by it. Blocking; used by one thread at a time (the pool lends it to one thread, hence
/// the unchecked conformance).
package final class ParserWorker: @unchecked Sendable {
    /// The worker's process id.
    package let pid: pid_t
    /// The daemon's end of the worker's socketpair.
    let socket: FrameSocket
    /// The worker's stderr: a memory file read after a crash (it says "out of memory", or where it trapped).
    let errors: FileDescriptor
    private let limits: WorkerLimits
    /// Files this worker parsed; after a very large one it is replaced, so its memory goes back.
    package private(set) var bytesParsed: Int64 = 0
    private var reaped = false
    /// Whether `socket` and `errors` are closed: they are closed once, whoever asks first.
    private var closed = false
    /// The first line the worker wrote to stderr before it died (the fatal error), for the log.
    package private(set) var lastWords: String?

    /// Starts `executable --parser-worker MB` with its end of a socketpair as fd 3.
    /// - Throws: `WorkerFailure.unavailable` when the socketpair or the spawn fails.
    package init(executable: String, limits: WorkerLimits, aliases: Data?) throws(WorkerFailure) {
        var pair: [Int32] = [-1, -1]
        guard cnews_worker_socketpair(&pair) == 0 else {
            throw .unavailable("socketpair: \(Errno(rawValue: errno))")
        }
        let memfd = cnews_memfd("newsd-parser-stderr")
        var environment = ["SWIFT_BACKTRACE=enable=no", "LANG=C.UTF-8"]
        if let tz = ProcessInfo.processInfo.environment["TZ"] { environment.append("TZ=\(tz)") }
        let arguments = ["newsd-parser-worker", "--parser-worker", String(limits.memoryMB)]
        var pid: pid_t = 0
        let rc = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environment) { envp in
                cnews_spawn_worker(executable, argv, envp, pair[1], memfd, &pid)
            }
        }
        close(pair[1])
        guard rc == 0 else {
            close(pair[0])
            if memfd >= 0 { close(memfd) }
            throw .unavailable("spawn \(executable): \(Errno(rawValue: rc))")
        }
        self.pid = pid
        self.socket = FrameSocket(fd: FileDescriptor(rawValue: pair[0]))
        self.errors = FileDescriptor(rawValue: memfd)
        self.limits = limits
        do {
            try socket.send(Frame.payload(header: WorkerSetup(aliases: aliases)))
        } catch {
            terminate()
            throw .unavailable("set-up: \(error)")
        }
    }

    deinit { terminate() }

    /// Sends one file to the worker and waits for its answer, at most `limits.timeout`.
    /// - Throws: `WorkerFailure` when the worker dies, hangs or breaks the protocol; the worker is
    ///   gone afterwards and must be replaced.
    package func parse(_ request: ParseRequest, file: FileDescriptor) throws(WorkerFailure) -> ParseReply {
        let deadline = ContinuousClock.now.advanced(by: limits.timeout)
        do {
            try socket.send(ReplyWire.encode(request), file: file)
        } catch {
            throw ended()
        }
        let received: FrameSocket.Received
        do {
            received = try socket.receive(until: deadline, limit: WorkerLimits.replyLimit(forFileBytes: request.size))
        } catch {
            kill(pid, SIGKILL)
            throw ended()
        }
        switch received {
        case .timedOut:
            kill(pid, SIGKILL)
            _ = reap(block: true)
            let seconds = Double(limits.timeout.components.seconds)
                + Double(limits.timeout.components.attoseconds) / 1e18
            throw .timeout(seconds: seconds)
        case .closed:
            throw ended()
        case .payload(let payload, let extra):
            try? extra?.close()
            do {
                let reply = try ParserWorkerMain.decode(payload)
                bytesParsed += max(0, request.size)
                return reply
            } catch {
                kill(pid, SIGKILL)
                _ = reap(block: true)
                throw .crashed(signal: nil, status: nil)
            }
        }
    }

    /// Kills the worker (if it still runs), reaps it and closes its descriptors. Safe to call again
    /// (the pool terminates a failed or retired worker and `deinit` follows): the descriptors are
    /// closed once, since by the second call their numbers may belong to something else the daemon
    /// opened meanwhile (a control connection, the database), which a second close would shut.
    package func terminate() {
        if !reaped {
            kill(pid, SIGKILL)
            _ = reap(block: true)
        }
        guard !closed else { return }
        closed = true
        try? socket.fd.close()
        try? errors.close()
    }

    /// Whether the process is still there (not yet exited).
    package var isRunning: Bool { !reaped && reap(block: false) == nil }

    /// What the worker died of, once it is gone.
    private func ended() -> WorkerFailure {
        guard let (status, maxRSSKiB) = reap(block: true) else { return .crashed(signal: nil, status: nil) }
        let said = stderrText()
        lastWords = said.split(separator: "\n").first.map(String.init)
        // A worker that ran into RLIMIT_AS dies of a failed allocation: the runtime says so when it
        // still can, and otherwise aborts with most of its address space in use.
        let nearLimit = maxRSSKiB >= limits.memoryMB * 1024 / 2
        if said.contains("allocate") || said.contains("out of memory") || said.contains("bad_alloc")
            || nearLimit && cnews_wifsignaled(status) != 0
        {
            return .memory(megabytes: limits.memoryMB)
        }
        if cnews_wifsignaled(status) != 0 {
            return .crashed(signal: cnews_wtermsig(status), status: nil)
        }
        return .crashed(signal: nil, status: cnews_wexitstatus(status))
    }

    /// Waits for the worker's exit; nil when it still runs (`block` false) or was reaped before.
    @discardableResult
    private func reap(block: Bool) -> (status: Int32, maxRSSKiB: Int)? {
        guard !reaped else { return nil }
        var status: Int32 = 0
        var rss = 0
        let r = cnews_wait_child(pid, block ? 1 : 0, &status, &rss)
        guard r == 1 else { return nil }
        reaped = true
        return (status, rss)
    }

    /// What the worker wrote to stderr (its first 64 KiB).
    package func stderrText() -> String {
        guard let end = try? errors.seek(offset: 0, from: .end), end > 0 else { return "" }
        let from: Int64 = 0
        let size = min(end, 64 << 10)
        var buffer = [UInt8](repeating: 0, count: Int(size - from))
        let n = (try? buffer.withUnsafeMutableBytes { try errors.read(fromAbsoluteOffset: from, into: $0) }) ?? 0
        return String(decoding: buffer.prefix(n), as: UTF8.self)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
