import Foundation
import GRDB
import GRDBSQLite

/// Values bound straight to a prepared statement's SQLite handle, for the writer's statements that
/// run for every article (the file's row, the article's row, its full-text row). GRDB's
/// `StatementArguments` box every value in an existential and copy the list on `+`: with two dozen
/// columns an article, that was a tenth of the writer's own instructions. Positions are bound in
/// order from 1; every parameter of the statement must be bound on each run.
struct DirectBinding {
    fileprivate let handle: OpaquePointer
    fileprivate var position: Int32 = 1
    fileprivate var failure: Int32 = SQLITE_OK

    /// SQLite copies the text or blob before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        position += 1
    }

    mutating func bind(_ value: Int64?) {
        guard let value else { return check(sqlite3_bind_null(handle, position)) }
        check(sqlite3_bind_int64(handle, position, value))
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    mutating func bind(_ value: String?) {
        guard var value else { return check(sqlite3_bind_null(handle, position)) }
        let code = value.withUTF8 { utf8 -> Int32 in
            guard utf8.count <= Int32.max else { return SQLITE_TOOBIG }
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                return sqlite3_bind_text(handle, position, "", 0, Self.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, position, $0, Int32(utf8.count), Self.transient)
            }
        }
        check(code)
    }

    mutating func bind(_ value: Data?) {
        guard let value else { return check(sqlite3_bind_null(handle, position)) }
        let code = value.withUnsafeBytes { raw -> Int32 in
            // An empty blob is a blob, not NULL (a nil pointer would bind NULL).
            guard raw.count <= Int32.max else { return SQLITE_TOOBIG }
            guard let base = raw.baseAddress, !raw.isEmpty else { return sqlite3_bind_zeroblob(handle, position, 0) }
            return sqlite3_bind_blob(handle, position, base, Int32(raw.count), Self.transient)
        }
        check(code)
    }
}

extension Statement {
    /// Binds the values `bind` gives, in order, and runs the statement to its end (an INSERT,
    /// UPDATE or DELETE). Errors are GRDB's `DatabaseError`, with the statement's SQL.
    func run(in db: Database, _ bind: (inout DirectBinding) -> Void) throws {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        var binding = DirectBinding(handle: handle)
        bind(&binding)
        if binding.failure == SQLITE_OK, binding.position - 1 != sqlite3_bind_parameter_count(handle) {
            binding.failure = SQLITE_RANGE
        }
        guard binding.failure == SQLITE_OK else {
            sqlite3_reset(handle)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: binding.failure),
                message: "binding \(binding.position - 1) values: \(String(cString: sqlite3_errstr(binding.failure)))",
                sql: sql)
        }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
        sqlite3_reset(handle)
        // The cached statement would keep its copies of the values until the next run: a long
        // article's body for as long as the daemon is idle.
        sqlite3_clear_bindings(handle)
    }
}
