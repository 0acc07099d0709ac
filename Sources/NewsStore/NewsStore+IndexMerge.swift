import GRDB

extension NewsStore {
    /// Pages one merge step writes at most: a step usually holds the writer for a few
    /// milliseconds (the longest measured: 137 ms at 100,000 articles, 844 ms at a million), and a
    /// file dropped meanwhile waits no longer than that.
    public static let mergeStepPages = 64

    /// One step of merging the full-text index's segments; true when it did work (more may
    /// remain), false when nothing is left to merge.
    ///
    /// Each commit adds a segment and FTS5 merges them four at a time as they pile up, so an
    /// archive built by many commits holds a dozen segments that every query reads side by side,
    /// one iterator each. With `usermerge` 2 (set by the schema) a step merges any level holding
    /// two: run until it returns false, the index ends with a segment or two, and a common word's
    /// walk, count and scores take about half the time.
    public func mergeIndexStep(pages: Int = NewsStore.mergeStepPages) async throws(StoreError) -> Bool {
        try await write { db in
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', ?)", arguments: [pages])
            // FTS5's own test: a step that found nothing to merge changes fewer than two rows.
            return db.totalChangesCount - before >= 2
        }
    }

    /// The full-text index's segments.
    public func indexSegments() async throws(StoreError) -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM articles_fts_idx") ?? 0
        }
    }
}
