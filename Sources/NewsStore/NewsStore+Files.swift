import Foundation
import GRDB
import NewsCore

extension NewsStore {
    static let fileColumns = """
        id, path, device, inode, size, mtime_ns, offset, state, error,
        moved_to, updated_at, (SELECT min(a.id) FROM articles a WHERE a.file_id = files.id) AS article_id
        """

    static func fileRecord(_ row: Row) -> FileRecord {
        let device: Int64? = row["device"]
        let inode: Int64? = row["inode"]
        return FileRecord(
            id: row["id"], path: row["path"],
            identity: device.flatMap { d in inode.map { FileIdentity(device: UInt64(bitPattern: d), inode: UInt64(bitPattern: $0)) } },
            size: row["size"], mtimeNanoseconds: row["mtime_ns"], offset: row["offset"],
            state: FileState(rawValue: row["state"]) ?? .seen, error: row["error"],
            movedTo: row["moved_to"], articleID: row["article_id"], updatedAt: row["updated_at"])
    }

    /// The rows of the files with these identities, for the tracker to compare against disk.
    /// Blocking: call it off the cooperative pool (the pipeline's file thread).
    public func fileRecords(for identities: [FileIdentity]) throws(StoreError) -> [FileIdentity: FileRecord] {
        try readNow { db in
            var found: [FileIdentity: FileRecord] = [:]
            let statement = try db.cachedStatement(
                sql: "SELECT \(Self.fileColumns) FROM files WHERE device = ? AND inode = ?")
            for identity in identities {
                let args: StatementArguments = [Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode)]
                if let row = try Row.fetchOne(statement, arguments: args) {
                    found[identity] = Self.fileRecord(row)
                }
            }
            return found
        }
    }

    /// The rows that still claim these paths (relative to the inbox) with an identity, newest per
    /// path: a file that is now a different inode under a known name replaced that row's file
    /// (an editor's save by rename). Blocking: call it off the cooperative pool.
    public func presentFileRecords(paths: [String]) throws(StoreError) -> [String: FileRecord] {
        try readNow { db in
            var found: [String: FileRecord] = [:]
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(Self.fileColumns) FROM files WHERE path = ? AND device IS NOT NULL
                        AND state NOT IN ('gone', 'failed') ORDER BY id DESC LIMIT 1
                    """)
            for path in paths {
                if let row = try Row.fetchOne(statement, arguments: [path]) { found[path] = Self.fileRecord(row) }
            }
            return found
        }
    }

    /// The ids of the files still expected in the inbox (not gone) whose identity `isPresent` does
    /// not find: those a reconcile scan no longer saw. Blocking. The rows are streamed, ids and
    /// identities only, and only the missing ones are kept, so a large archive costs little memory.
    public func filesNotFound(_ isPresent: (FileIdentity) -> Bool) throws(StoreError) -> [Int64] {
        try readNow { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, device, inode FROM files
                    WHERE state NOT IN ('gone', 'failed') AND device IS NOT NULL AND inode IS NOT NULL
                    """)
            var missing: [Int64] = []
            while let row = try rows.next() {
                let device: Int64 = row["device"]
                let inode: Int64 = row["inode"]
                if !isPresent(FileIdentity(device: UInt64(bitPattern: device), inode: UInt64(bitPattern: inode))) {
                    missing.append(row["id"])
                }
            }
            return missing
        }
    }

    /// The newest row for a path relative to the inbox.
    public func fileRecord(path: String) async throws(StoreError) -> FileRecord? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.fileColumns) FROM files WHERE path = ? ORDER BY id DESC LIMIT 1",
                arguments: [path]
            ).map(Self.fileRecord)
        }
    }

    /// A row by id.
    public func fileRecord(id: Int64) async throws(StoreError) -> FileRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.fileColumns) FROM files WHERE id = ?", arguments: [id])
                .map(Self.fileRecord)
        }
    }

    /// Quarantined files, newest first.
    public func failedFiles() async throws(StoreError) -> [FileRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.fileColumns) FROM files WHERE state = 'failed' ORDER BY updated_at DESC")
                .map(Self.fileRecord)
        }
    }

    /// Records that files left the inbox: they keep their history (and `ingested` state when they
    /// were archived or deleted after ingest) but lose their identity, so a new file that reuses the
    /// inode is a new file. `movedTo` says where each went (archive), absent when it vanished.
    public func markLeft(ids: [Int64], movedTo: [Int64: String] = [:], vanished: Bool) async throws(StoreError) {
        guard !ids.isEmpty else { return }
        let now = Timestamp.now()
        try await write { db in
            try Self.markLeft(ids.map { LeftFile(id: $0, movedTo: movedTo[$0]) }, vanished: vanished, now: now, in: db)
        }
    }

    /// A file that left the inbox after its commit (`after_ingest`): its row, and where it went
    /// (nil when deleted).
    public struct LeftFile: Sendable, Hashable {
        /// The file's row.
        public var id: Int64
        /// The archive path, nil when the file was deleted.
        public var movedTo: String?
        /// The (device, inode) the row held for the file: the row is recorded only while it still
        /// holds it (a record kept beside a database that was since replaced names rows of other
        /// files). nil: whatever the row holds.
        public var identity: FileIdentity?

        /// Creates an entry.
        public init(id: Int64, movedTo: String?, identity: FileIdentity? = nil) {
            self.id = id
            self.movedTo = movedTo
            self.identity = identity
        }
    }

    static func markLeft(_ files: [LeftFile], vanished: Bool, now: String, in db: Database) throws {
        guard !files.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                UPDATE files SET state = CASE WHEN ? AND state <> 'failed' THEN 'gone' ELSE state END,
                    device = NULL, inode = NULL, moved_to = coalesce(?, moved_to), updated_at = ?
                WHERE id = ? AND (? IS NULL OR device = ? AND inode = ?)
                """)
        for file in files {
            try statement.run(in: db) { b in
                b.bind(Int64(vanished ? 1 : 0))
                b.bind(file.movedTo)
                b.bind(now)
                b.bind(file.id)
                let device = file.identity.map { Int64(bitPattern: $0.device) }
                b.bind(device)
                b.bind(device)
                b.bind(file.identity.map { Int64(bitPattern: $0.inode) })
            }
        }
    }

    /// A file being written without close events, as the pipeline saw it.
    public struct SettlingFile: Sendable {
        /// Path relative to the inbox.
        public var path: String
        /// (device, inode).
        public var identity: FileIdentity
        /// Modification time seen.
        public var mtimeNanoseconds: Int64

        /// Creates an entry.
        public init(path: String, identity: FileIdentity, mtimeNanoseconds: Int64) {
            self.path = path
            self.identity = identity
            self.mtimeNanoseconds = mtimeNanoseconds
        }
    }

    /// Records files that are being written and wait for `settle_ms` of quiet: a new `settling`
    /// row (offset 0, nothing read), or a `seen` row (an empty file) turned `settling`. Rows of
    /// files that already yielded articles are left alone: their offset stays what was committed.
    public func markSettling(_ files: [SettlingFile]) async throws(StoreError) {
        guard !files.isEmpty else { return }
        let now = Timestamp.now()
        try await write { db in
            let find = try db.cachedStatement(sql: "SELECT id, state FROM files WHERE device = ? AND inode = ?")
            for file in files {
                let device = Int64(bitPattern: file.identity.device)
                let inode = Int64(bitPattern: file.identity.inode)
                if let row = try Row.fetchOne(find, arguments: [device, inode]) {
                    let state: String = row["state"]
                    guard state == FileState.seen.rawValue else { continue }
                    try db.execute(
                        sql: "UPDATE files SET state = 'settling', path = ?, updated_at = ? WHERE id = ?",
                        arguments: [file.path, now, row["id"] as Int64])
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO files
                                (path, device, inode, size, mtime_ns, offset, state, updated_at, created_at)
                                VALUES (?, ?, ?, 0, ?, 0, 'settling', ?, ?)
                            """,
                        arguments: [file.path, device, inode, file.mtimeNanoseconds, now, now])
                }
            }
        }
    }

    /// Resets a quarantined file for another try after it was moved back into the inbox.
    public func resetForRetry(id: Int64, identity: FileIdentity?) async throws(StoreError) {
        let now = Timestamp.now()
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE files SET state = 'seen', error = NULL, moved_to = NULL, offset = 0, head_hash = '',
                        head_length = 0, parser_state = NULL, size = 0, device = ?, inode = ?, updated_at = ?
                        WHERE id = ?
                    """,
                arguments: [
                    identity.map { Int64(bitPattern: $0.device) }, identity.map { Int64(bitPattern: $0.inode) }, now, id,
                ])
        }
    }
}
