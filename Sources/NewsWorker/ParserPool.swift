import Foundation
import Logging
import Synchronization
import SystemPackage

/// The daemon's parser workers: up to `size` child processes, started on first use, each lent to
/// one parsing thread at a time. A worker that dies, hangs or hits its memory limit is replaced,
/// and the file is tried once more, alone, in a fresh worker; only a second failure fails the file.
package final class ParserPool: Sendable {
    /// Counters for `metrics` and the log.
    package struct Counters: Sendable, Equatable {
        /// Workers started since the daemon started.
        package var started = 0
        /// Failures by kind (`crashed`, `timeout`, `memory`, `unavailable`).
        package var failures: [String: Int] = [:]
        /// Files that failed twice (quarantined).
        package var filesFailed = 0
    }

    private struct Idle: @unchecked Sendable {
        // A worker is used by one thread at a time: it leaves this list while lent.
        var workers: [ParserWorker] = []
    }

    private let executable: String
    /// Most workers at once: how many files are parsed at the same time.
    package let size: Int
    private let settings: Mutex<(limits: WorkerLimits, aliases: Data?, generation: Int)>
    private let idle = Mutex(Idle())
    private let counters = Mutex(Counters())
    /// A worker that parsed this many bytes in one file is replaced afterwards, so the memory it
    /// grew to goes back to the system.
    static let retireAfterBytes: Int64 = 8 << 20

    /// Creates a pool of at most `size` workers running `executable --parser-worker`.
    package init(size: Int, executable: String, limits: WorkerLimits, aliases: Data?, logger: Logger) {
        self.logger = logger
        self.size = max(1, size)
        self.executable = executable
        self.settings = Mutex((limits, aliases, 0))
        // Several threads may ask at once: each gets its own worker, up to `size`, then waits.
        self.slots = DispatchSemaphore(value: max(1, size))
    }

    private let slots: DispatchSemaphore
    private let logger: Logger

    /// A snapshot of the counters.
    package var snapshot: Counters { counters.withLock { $0 } }

    /// New limits or aliases: workers started under the old ones are replaced when next returned.
    package func update(limits: WorkerLimits, aliases: Data?) {
        settings.withLock { $0 = (limits, aliases, $0.generation + 1) }
        let old = idle.withLock { i -> [ParserWorker] in
            defer { i.workers.removeAll() }
            return i.workers
        }
        for worker in old { worker.terminate() }
    }

    /// Parses one file in a worker, trying a second, fresh worker when the first one fails.
    /// Blocks the calling thread (never call it from the cooperative pool).
    package func parse(_ request: ParseRequest, file: FileDescriptor, path: String)
        -> Result<ParseReply, WorkerFailure>
    {
        slots.wait()
        defer { slots.signal() }
        var lastFailure = WorkerFailure.unavailable("no attempt")
        for attempt in 0..<2 {
            let worker: ParserWorker
            let generation: Int
            do {
                (worker, generation) = try checkOut(fresh: attempt > 0)
            } catch {
                lastFailure = error
                count(error)
                continue
            }
            do {
                let reply = try worker.parse(request, file: file)
                checkIn(worker, generation: generation, retire: request.size >= Self.retireAfterBytes)
                return .success(reply)
            } catch {
                worker.terminate()
                lastFailure = error
                count(error)
                logger.warning(
                    "parser worker \(worker.pid) failed on \(path): \(error.reason)\(attempt == 0 ? "; trying once more in a fresh worker" : "")\(worker.lastWords.map { " (it said: \($0))" } ?? "")",
                    metadata: ["file": "\(path)", "event": "parser_failed", "worker.pid": "\(worker.pid)"])
            }
        }
        counters.withLock { $0.filesFailed += 1 }
        return .failure(lastFailure)
    }

    /// Stops every idle worker (shutdown); lent ones stop when returned.
    package func shutdown() {
        update(limits: settings.withLock { $0.limits }, aliases: settings.withLock { $0.aliases })
    }

    /// The pids of the running workers that are idle now (for tests and `status`).
    package var idlePIDs: [Int32] { idle.withLock { $0.workers.map(\.pid) } }

    private func count(_ failure: WorkerFailure) {
        counters.withLock { $0.failures[failure.kind, default: 0] += 1 }
    }

    private func checkOut(fresh: Bool) throws(WorkerFailure) -> (ParserWorker, Int) {
        let current = settings.withLock { $0 }
        if !fresh, let worker = idle.withLock({ $0.workers.popLast() }) {
            if worker.isRunning { return (worker, current.generation) }
            worker.terminate()
        }
        let worker = try ParserWorker(executable: executable, limits: current.limits, aliases: current.aliases)
        counters.withLock { $0.started += 1 }
        return (worker, current.generation)
    }

    private func checkIn(_ worker: ParserWorker, generation: Int, retire: Bool) {
        let current = settings.withLock { $0.generation }
        guard !retire, generation == current else {
            worker.terminate()
            return
        }
        let extra = idle.withLock { i -> ParserWorker? in
            if i.workers.count >= size { return worker }
            i.workers.append(worker)
            return nil
        }
        extra?.terminate()
    }
}
