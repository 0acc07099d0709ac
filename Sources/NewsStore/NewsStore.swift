import Foundation
import GRDB
import GRDBSQLite
import NewsCore
import NewsProtocol
import Synchronization

/// The SQLite archive: files, articles and their full-text index. One writer (the ingest pipeline
/// through `commit`), many readers from a WAL pool that never block it.
public final class NewsStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    private let timeout = Mutex<Duration>(.milliseconds(2000))
    /// Linking settings and the active-story index, used inside the write transactions.
    let linking = Mutex(LinkState())
    /// Articles named in `entity_backlog` (`EntityRows`), as the committed transactions left it.
    let entityBacklog = Atomic<Int>(0)

    /// How long a query may read before it is stopped (`query_timeout_ms`, default 2 s).
    public var queryTimeout: Duration {
        get { timeout.withLock { $0 } }
        set { timeout.withLock { $0 = newValue } }
    }

    /// The writer connection's page cache, in KiB (readers keep SQLite's 2 MiB each). 4 MiB holds
    /// a busy batch's dirty pages; 32 MiB made catch-up of 100,000 files about 5 % faster for 28 MiB
    /// more resident memory, and 8 MiB cost 4 MiB more than 4 for no measured speed
    /// (docs/BENCHMARKS.md, "Memory").
    static let writerCacheKiB = 4 * 1024
    /// Pages in the write-ahead log before the writer copies them into the database (64 MiB).
    static let autocheckpointPages = 16 * 1024

    /// Opens (creating if needed) and migrates the database at `path`.
    /// - Throws: `StoreError.cannotOpen` naming the file and SQLite's reason.
    public init(path: String, maximumReaders: Int = 8) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.maximumReaderCount = maximumReaders
        config.label = "newsd"
        config.prepareDatabase { db in
            // NORMAL is durable in WAL mode across process crashes; only power loss can lose the
            // last transactions, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try RankFunction.register(db)
            db.add(function: FullTextChanges.indexTextFunction)
            if !db.configuration.readonly {
                // The writer's page cache holds a batch's dirty pages (articles, the full-text
                // index, the near-duplicate buckets) without spilling them into the log mid-transaction.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
                // Catching up, a page written by many batches is copied into the database once per
                // checkpoint, not once per batch; the pipeline checkpoints (and truncates) when idle.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
            // The pool's one writer connection keeps its temporary trigger for its lifetime.
            try pool.writeWithoutTransaction { db in try db.execute(sql: FullTextChanges.copyTracking) }
            let waiting = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_backlog") ?? 0 }
            entityBacklog.store(waiting, ordering: .relaxed)
        } catch {
            throw StoreError(.cannotOpen, "cannot open database \(path): \(Self.reason(error))")
        }
    }

    /// Copies the write-ahead log into the database and truncates it (after a bulk ingest, so
    /// readers do not search a long log). Best effort: readers in the way just make it partial.
    public func checkpoint() async {
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Flushes the WAL and closes every connection; further calls fail.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw StoreError(.database, Self.reason(error)) }
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }

    /// Runs a read, mapping SQLite errors to `StoreError`.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.reason(error))
        }
    }

    /// Runs a read that is stopped (`sqlite3_interrupt`, through GRDB's task cancellation) when it
    /// takes longer than `timeout` or when the calling task is cancelled (its client went away).
    /// - Throws: `StoreError.timeout`, `.cancelled`, or the read's own error.
    func read<T: Sendable>(deadline timeout: Duration, _ body: @Sendable @escaping (Database) throws -> T)
        async throws(StoreError) -> T
    {
        let pool = self.pool
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await pool.read(body) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                if let first = try await group.next(), let value = first { return value }
                if Task.isCancelled { throw CancellationError() }
                throw StoreError(.timeout, "query stopped after \(Self.milliseconds(timeout)) ms (query_timeout_ms)")
            }
        } catch let error as StoreError {
            throw error
        } catch is CancellationError {
            throw StoreError(.cancelled, "query cancelled: the client went away")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw StoreError(Task.isCancelled ? .cancelled : .timeout, "query interrupted")
        } catch {
            throw StoreError(.database, Self.reason(error))
        }
    }

    static func milliseconds(_ d: Duration) -> Int64 {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    /// Runs a blocking read on the calling thread (never from the cooperative pool).
    func readNow<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.reason(error))
        }
    }

    /// Runs a write transaction, mapping SQLite errors to `StoreError`.
    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, Self.reason(error))
        }
    }
}

extension NewsStore {
    /// SQLite's heap in this process (every connection's page cache, prepared statements, FTS5's
    /// pending terms), now and at its highest since start, in bytes.
    public static var sqliteMemory: (used: Int64, highest: Int64) {
        (sqlite3_memory_used(), sqlite3_memory_highwater(0))
    }
}
