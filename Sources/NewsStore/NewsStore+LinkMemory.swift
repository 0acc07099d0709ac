import Foundation
import GRDB
import NewsCore

/// Linking's memory: the recent near-duplicate bucket rows and when they move to the table, and
/// what a start (or a rolled-back transaction) loads again.
extension NewsStore {
    /// Recent bucket rows gathered at least before they move to `lsh_buckets`, and at most (the
    /// memory they take: about 24 bytes a row).
    static let minimumMergeRows = 150_000
    static let maximumMergeRows = 400_000

    /// Moves the recent bucket rows into the large table, in key order, when there are enough of
    /// them: at least `minimumMergeRows`, and a sixteenth of the large table (estimated from the
    /// articles stored), so a merge, which touches most of the large table's pages, comes
    /// less often as the table grows and its cost per article stays flat, up to
    /// `maximumMergeRows`.
    static func mergeBucketsIfDue(_ state: inout LinkState, in db: Database) throws {
        let due = state.mergeAtRows
            ?? min(maximumMergeRows, max(minimumMergeRows, Int(state.recent.newest) * NearDuplicates.bands / 16))
        guard state.recent.entries >= due else { return }  // removed rows too: they take memory
        // 400 rows a statement, handed over in key order straight from the table's arrays.
        let chunk = 400
        var arguments: StatementArguments = []
        var pending = 0
        func flush() throws {
            guard pending > 0 else { return }
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO lsh_buckets (bucket, article_id) VALUES "
                    + Array(repeating: "(?, ?)", count: pending).joined(separator: ", ")
            ).execute(arguments: arguments)
            arguments = []
            pending = 0
        }
        var filter = state.tableKeys
        state.tableKeys = BucketFilter()  // a small one while `filter` is filled (should this throw, all is loaded again)
        try state.recent.drain { bucket, article in
            _ = arguments.append(contentsOf: [bucket, article])
            filter.insert(bucket)
            pending += 1
            if pending == chunk { try flush() }
        }
        try flush()
        state.tableKeys = filter
        try db.cachedStatement(sql: "UPDATE lsh_merged SET through = ?").execute(arguments: [state.recent.mergedThrough])
        if state.tableKeys.isFull {
            try loadTableKeys(&state, in: db)
        }
    }

    /// Builds the filter of the table's bucket keys from the table, for half as many again as the
    /// keys it may hold (30 per article up to `mergedThrough`, and those revised later): it is
    /// built anew when that fills, and the larger margin was memory held for the next rebuild.
    static func loadTableKeys(_ state: inout LinkState, in db: Database) throws {
        let held = max(state.tableKeys.count, Int(state.recent.mergedThrough) * NearDuplicates.bands)
        // Filled in place, so the old filter is gone before the new one is made (should the read
        // fail, the transaction rolls back and the next commit loads everything again).
        state.tableKeys = BucketFilter(capacity: held + held / 2)
        let keys = try Int64.fetchCursor(db, sql: "SELECT bucket FROM lsh_buckets")
        while let key = try keys.next() { state.tableKeys.insert(key) }
    }

    /// Rebuilds the recent bucket rows from the signatures of the articles linked since the last
    /// merge.
    static func loadRecentBands(_ state: inout LinkState, in db: Database) throws {
        let through = try Int64.fetchOne(db, sql: "SELECT through FROM lsh_merged") ?? 0
        state.recent.reset(mergedThrough: through)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT article_id, minhash, shingles FROM article_signatures WHERE article_id > ? ORDER BY article_id",
            arguments: [through])
        while let row = try rows.next() {
            guard let signature = NearDuplicates.Signature(data: row["minhash"], shingles: row["shingles"]) else { continue }
            state.recent.insert(NearDuplicates.bucketKeys(signature), id: row["article_id"])
        }
    }

    /// Loads linking's memory now (the recent bucket rows, the filter of the table's keys, the
    /// active stories) rather than in the first commit after a start, which on a large archive it
    /// holds up for seconds (2 s at 100,000 articles): the pipeline calls this once the inbox is
    /// idle. Returns false when it was loaded already.
    public func loadLinking() async throws(StoreError) -> Bool {
        guard !linking.withLock({ $0.loaded }) else { return false }
        do {
            return try await write { db in
                try self.linking.withLock { state in
                    guard !state.loaded else { return false }
                    try Self.loadIndex(&state, in: db)
                    return true
                }
            }
        } catch {
            linking.withLock { $0.loaded = false }
            throw error
        }
    }

    /// Whether linking's memory is loaded.
    public var linkingLoaded: Bool { linking.withLock { $0.loaded } }

    /// Rebuilds the active-story index from the most recently updated stories (after a start).
    static func loadIndex(_ state: inout LinkState, in db: Database) throws {
        state.loaded = true
        state.index.reset()
        state.signatures.reset()
        try loadRecentBands(&state, in: db)
        try loadTableKeys(&state, in: db)
        guard state.settings.stories else { return }
        let stories = try Int64.fetchAll(
            db, sql: "SELECT id FROM stories ORDER BY updated_at DESC, id DESC LIMIT ?", arguments: [warmStories])
        let articles = try db.cachedStatement(
            sql: """
                SELECT doc, body FROM articles
                    WHERE story_id = ? AND duplicate_of IS NULL ORDER BY id DESC LIMIT ?
                """)
        for story in stories.reversed() {
            for row in try Row.fetchAll(articles, arguments: [story, warmArticlesPerStory]).reversed() {
                guard let article = StoredArticle.article(doc: row["doc"], body: row["body"]) else { continue }
                let features = StoryFeatures(article)
                _ = state.index.best(for: features)  // counts its words into the document frequencies
                state.index.add(features, to: story)
            }
        }
    }
}
