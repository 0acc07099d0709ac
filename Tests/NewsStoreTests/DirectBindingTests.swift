import Foundation
import GRDB
import GRDBSQLite
@testable import NewsStore
import Testing

/// The writer's direct bindings store what GRDB's arguments would, and fail as GRDB's statements do.
@Suite struct DirectBindingTests {
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT, b BLOB, UNIQUE (s))")
        }
        return queue
    }

    @Test func valuesArriveAsGRDBWouldBindThem() throws {
        let queue = try Self.database()
        let rows: [(Int64?, String?, Data?)] = [
            (42, "Zürich — 東京 \u{1F600}", Data([0, 1, 255])),
            (nil, "", Data()),
            (-1, nil, nil),
            (.max, String(repeating: "ab", count: 40_000), Data(repeating: 7, count: 100_000)),
        ]
        try queue.write { db in
            let direct = try db.cachedStatement(sql: "INSERT INTO t (id, n, s, b) VALUES (?, ?, ?, ?)")
            let viaGRDB = try db.cachedStatement(sql: "INSERT INTO t (id, n, s, b) VALUES (?, ?, ?, ?)")
            for (k, (n, s, b)) in rows.enumerated() {
                try direct.run(in: db) { binding in
                    binding.bind(k + 1)
                    binding.bind(n)
                    binding.bind(s)
                    binding.bind(b)
                }
                try viaGRDB.execute(arguments: [k + 101, n, s.map { $0 + "/grdb" }, b])
            }
        }
        try queue.read { db in
            for k in rows.indices {
                let mine = try #require(try Row.fetchOne(db, sql: "SELECT n, s, b, typeof(s) AS ts, typeof(b) AS tb FROM t WHERE id = ?", arguments: [k + 1]))
                let theirs = try #require(try Row.fetchOne(db, sql: "SELECT n, s, b, typeof(s) AS ts, typeof(b) AS tb FROM t WHERE id = ?", arguments: [k + 101]))
                #expect(mine["n"] as Int64? == rows[k].0)
                #expect(mine["s"] as String? == rows[k].1)
                #expect(mine["b"] as Data? == rows[k].2)
                #expect(mine["n"] as Int64? == theirs["n"] as Int64?)
                #expect(mine["ts"] as String == theirs["ts"] as String)
                #expect(mine["tb"] as String == theirs["tb"] as String)
            }
            // An empty text and an empty blob are values, not NULL.
            #expect(try String.fetchOne(db, sql: "SELECT typeof(s) FROM t WHERE id = 2") == "text")
            #expect(try String.fetchOne(db, sql: "SELECT typeof(b) FROM t WHERE id = 2") == "blob")
        }
    }

    @Test func theStatementKeepsNoCopyOfTheValuesAfterItsRun() throws {
        let queue = try Self.database()
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (n, s, b) VALUES (?, ?, ?)")
            try insert.run(in: db) { b in
                b.bind(7)
                b.bind(String(repeating: "a long body ", count: 100_000))
                b.bind(Data(repeating: 1, count: 100_000))
            }
            // The SQL with the values bound now: all NULL, so the cached statement holds no copy of
            // a long text while the daemon is idle.
            let expanded = try #require(sqlite3_expanded_sql(insert.sqliteStatement))
            defer { sqlite3_free(expanded) }
            #expect(String(cString: expanded) == "INSERT INTO t (n, s, b) VALUES (NULL, NULL, NULL)")
            #expect(try Int.fetchOne(db, sql: "SELECT length(s) FROM t WHERE n = 7") == 1_200_000)
        }
    }

    @Test func aConstraintFailureIsADatabaseErrorAndTheStatementRunsAgain() throws {
        let queue = try Self.database()
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)")
            try insert.run(in: db) { b in
                b.bind(1)
                b.bind("same")
            }
            let error = #expect(throws: DatabaseError.self) {
                try insert.run(in: db) { b in
                    b.bind(2)
                    b.bind("same")
                }
            }
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(error?.sql == "INSERT INTO t (n, s) VALUES (?, ?)")
            try insert.run(in: db) { b in
                b.bind(3)
                b.bind("other")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }

    @Test func tooFewOrTooManyValuesAreErrorsNotRows() throws {
        let queue = try Self.database()
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)")
            #expect(throws: DatabaseError.self) { try insert.run(in: db) { $0.bind(1) } }
            #expect(throws: DatabaseError.self) {
                try insert.run(in: db) { b in
                    b.bind(1)
                    b.bind("x")
                    b.bind("one too many")
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 0)
        }
    }
}
