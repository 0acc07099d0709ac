import Foundation
import GRDB
import GRDBSQLite

/// `newsd_rank(articles_fts, lo, hi, w0, …, wN)`: an FTS5 auxiliary function that scores a match
/// as FTS5's `bm25(articles_fts, w0, …, wN)` does (k1 1.2, b 0.75, the row's length in tokens
/// against the average, each column's weight), at a cost bounded by the page asked for.
///
/// bm25 weighs each phrase by its inverse document frequency, and to learn it reads the phrase's
/// whole doclist the first time it scores a row: for a common word that is every match in the
/// archive, and for a date filter's tokens (weight 0, so they add nothing to a score) it is every
/// article of those days. `newsd_rank` counts a phrase's matches only when the phrase first
/// counts in a row's score, and counts at most `exactHits` of them: past that, their number is
/// estimated from the share of the id range (`lo` … `hi`, the archive's lowest and highest id)
/// they covered. Below `exactHits` matches the score is bm25's, to the last bit.
enum RankFunction {
    /// The function's SQL name.
    static let name = "newsd_rank"

    /// Matches of a phrase counted one by one before their number is estimated.
    static let exactHits: Int64 = 2000

    /// Registers the function on a connection.
    /// - Throws: `StoreError.cannotOpen` when SQLite has no FTS5.
    static func register(_ db: Database) throws {
        guard let api = fts5API(db), let create = api.pointee.xCreateFunction else {
            throw StoreError(.cannotOpen, "this SQLite has no FTS5")
        }
        let code = create(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
        guard code == SQLITE_OK else {
            throw StoreError(.cannotOpen, "cannot register \(name): SQLite error \(code)")
        }
    }

    /// FTS5's API pointer, handed out by `SELECT fts5(?)` bound to a pointer of type "fts5_api_ptr".
    /// (GRDB's `FTS5.api(_:)` does the same but stops the process when FTS5 is missing; the daemon
    /// says so and exits instead.)
    private static func fts5API(_ db: Database) -> UnsafePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?)", -1, &statement, nil) == SQLITE_OK else {
            return nil
        }
        defer { sqlite3_finalize(statement) }
        var api: UnsafePointer<fts5_api>?
        let bound = withUnsafeMutablePointer(to: &api) { pointer in
            sqlite3_bind_pointer(statement, 1, pointer, "fts5_api_ptr", nil)
        }
        guard bound == SQLITE_OK else { return nil }
        _ = sqlite3_step(statement)
        return api
    }
}

/// What one query's scores share: set up at its first scored row (FTS5 keeps it as the query's
/// auxiliary data and drops it with the query).
private final class RankQuery {
    let rows: Double
    let averageLength: Double
    let lo: Int64
    let hi: Int64
    let weights: [Double]
    /// Per phrase; nil until the phrase first counts in a row's score.
    var idf: [Double?]
    /// Per phrase, the current row's weighted hits (scratch).
    var frequency: [Double]

    init(rows: Int64, tokens: Int64, lo: Int64, hi: Int64, weights: [Double], phrases: Int) {
        self.rows = Double(rows)
        averageLength = rows > 0 ? Double(tokens) / Double(rows) : 0
        self.lo = lo
        self.hi = hi
        self.weights = weights
        idf = Array(repeating: nil, count: phrases)
        frequency = Array(repeating: 0, count: phrases)
    }
}

/// A phrase's matches while they are counted (`xQueryPhrase`'s user data).
private struct HitCount {
    var hits: Int64 = 0
    var lastRowID: Int64 = 0
}

private let rank: fts5_extension_function = { api, fts, context, count, values in
    guard let api, let fts else { return }
    let x = api.pointee
    func fail(_ code: Int32) { sqlite3_result_error_code(context, code) }
    guard let query = rankQuery(x, fts, count: count, values: values) else { return fail(SQLITE_ERROR) }
    var instances: Int32 = 0
    var code = x.xInstCount!(fts, &instances)
    guard code == SQLITE_OK else { return fail(code) }
    for i in query.frequency.indices { query.frequency[i] = 0 }
    for i in 0..<instances {
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        code = x.xInst!(fts, i, &phrase, &column, &offset)
        guard code == SQLITE_OK else { return fail(code) }
        let weight = Int(column) < query.weights.count ? query.weights[Int(column)] : 1
        query.frequency[Int(phrase)] += weight
    }
    var tokens: Int32 = 0
    code = x.xColumnSize!(fts, -1, &tokens)
    guard code == SQLITE_OK else { return fail(code) }
    let k1 = 1.2
    let b = 0.75
    let length = Double(tokens)
    var score = 0.0
    for phrase in query.frequency.indices where query.frequency[phrase] > 0 {
        let idf: Double
        if let known = query.idf[phrase] {
            idf = known
        } else {
            guard let hits = phraseHits(x, fts, Int32(phrase), query: query) else { return fail(SQLITE_ERROR) }
            let computed = log((query.rows - hits + 0.5) / (hits + 0.5))
            idf = computed <= 0 ? 1e-6 : computed
            query.idf[phrase] = idf
        }
        let f = query.frequency[phrase]
        score += idf * ((f * (k1 + 1)) / (f + k1 * (1 - b + b * length / query.averageLength)))
    }
    sqlite3_result_double(context, -score)
}

/// The query's shared data, made at its first row.
private func rankQuery(
    _ x: Fts5ExtensionApi, _ fts: OpaquePointer, count: Int32, values: UnsafeMutablePointer<OpaquePointer?>?
) -> RankQuery? {
    if let data = x.xGetAuxdata!(fts, 0) {
        return Unmanaged<RankQuery>.fromOpaque(data).takeUnretainedValue()
    }
    guard count >= 2, let values else { return nil }
    var rows: Int64 = 0
    var tokens: Int64 = 0
    guard x.xRowCount!(fts, &rows) == SQLITE_OK, x.xColumnTotalSize!(fts, -1, &tokens) == SQLITE_OK else { return nil }
    let weights = (2..<Int(count)).map { sqlite3_value_double(values[$0]) }
    let query = RankQuery(
        rows: rows, tokens: tokens, lo: sqlite3_value_int64(values[0]), hi: sqlite3_value_int64(values[1]),
        weights: weights, phrases: Int(x.xPhraseCount!(fts)))
    let retained = Unmanaged.passRetained(query).toOpaque()
    // On failure FTS5 calls the destructor itself.
    guard x.xSetAuxdata!(fts, retained, releaseRankQuery) == SQLITE_OK else { return nil }
    return query
}

private let releaseRankQuery: @convention(c) (UnsafeMutableRawPointer?) -> Void = { data in
    if let data { Unmanaged<RankQuery>.fromOpaque(data).release() }
}

/// The number of rows a phrase matches: counted up to `RankFunction.exactHits`, estimated past it
/// from the share of the id range the counted ones covered (FTS5 walks them in ascending id order).
private func phraseHits(_ x: Fts5ExtensionApi, _ fts: OpaquePointer, _ phrase: Int32, query: RankQuery) -> Double? {
    var count = HitCount()
    let code = withUnsafeMutablePointer(to: &count) { pointer in
        x.xQueryPhrase!(fts, phrase, pointer, countHit)
    }
    guard code == SQLITE_OK else { return nil }
    guard count.hits >= RankFunction.exactHits else { return Double(count.hits) }
    let covered = Double(max(count.lastRowID - query.lo + 1, 1))
    let span = Double(max(query.hi - query.lo + 1, 1))
    return min(query.rows, Double(count.hits) * max(span / covered, 1))
}

private let countHit: @convention(c) (UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = {
    api, fts, data in
    guard let api, let fts, let data else { return SQLITE_ERROR }
    let count = data.assumingMemoryBound(to: HitCount.self)
    count.pointee.hits += 1
    guard count.pointee.hits >= RankFunction.exactHits else { return SQLITE_OK }
    count.pointee.lastRowID = api.pointee.xRowid!(fts)
    return SQLITE_DONE
}
