import GRDB
import NewsProtocol

/// The full-text rows one commit adds and removes, written to `articles_fts` at the commit's end.
///
/// `articles_fts` is an external-content FTS5 table over the view `articles_fts_source` (the
/// articles' searchable columns, each cut to `characterLimit` characters): it holds no text of
/// its own, so removing a row needs the values it was indexed with, cut the way the view cuts them. FTS5 keeps a transaction's new terms
/// in memory and writes them as one segment at commit, unless a statement savepoint comes first:
/// any later statement that may change several rows (or has triggers) opens one, and FTS5 then
/// writes out what it holds. Written last, after every other statement of the commit, the
/// batch's terms become one segment instead of one per article.
struct FullTextChanges {
    /// Characters of each column that are indexed (SQLite's `substr` counts code points, as
    /// `unicodeScalars` does). About 16,000 words, past the longest feature article; a longer text is stored whole
    /// and shown whole, and its words past the limit are not found by search.
    static let characterLimit = 100_000

    /// `text` as the view gives it to the index.
    static func indexed(_ text: String) -> String {
        // Each scalar is at most four bytes: a shorter text has fewer scalars than the limit.
        guard text.utf8.count > characterLimit else { return text }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: characterLimit, limitedBy: scalars.endIndex)
        else { return text }
        return String(scalars[..<end])
    }

    /// A text column as the view gives it to the index: cut, then Chinese and Japanese one
    /// character per token (`IndexText`; `newsd_index_text` in the view). The `meta` column's
    /// filter tokens are only cut.
    static func indexedText(_ text: String) -> String {
        IndexText.spaced(indexed(text))
    }

    /// `newsd_index_text(text)`: `IndexText.spaced`, for the view (every connection has it, as
    /// `highlight()` reads the view).
    static let indexTextFunction = DatabaseFunction("newsd_index_text", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(IndexText.spaced)
    }

    /// An article's searchable columns, in `articles_fts` order, as the index holds them.
    struct Columns {
        var title: String?
        var summary: String
        var subheadings: String
        var captions: String
        var posts: String
        var body: String
        var meta: String

        /// From an article's stored text columns.
        init(title: String?, summary: String, subheadings: String, captions: String, posts: String, body: String,
             meta: String) {
            self.title = title.map(indexedText)
            self.summary = indexedText(summary)
            self.subheadings = indexedText(subheadings)
            self.captions = indexedText(captions)
            self.posts = indexedText(posts)
            self.body = indexedText(body)
            self.meta = indexed(meta)
        }

        /// The columns as a row of `articles` holds them (the row must select all seven);
        /// `spaced` false as the index held them before the v10 migration.
        init(_ row: Row, spaced: Bool = true) {
            let text = spaced ? indexedText : indexed
            title = (row["title"] as String?).map(text)
            summary = text(row["summary"])
            subheadings = text(row["subheadings"])
            captions = text(row["captions"])
            posts = text(row["posts"])
            body = text(row["body"])
            meta = indexed(row["meta"])
        }

        /// Binds the seven columns in `articles_fts` order.
        func bind(_ b: inout DirectBinding) {
            b.bind(title)
            b.bind(summary)
            b.bind(subheadings)
            b.bind(captions)
            b.bind(posts)
            b.bind(body)
            b.bind(meta)
        }
    }

    /// The columns `Columns.init(_ row:)` reads, for a SELECT on `articles`.
    static let selection = "title, summary, subheadings, captions, posts, body, meta"

    private enum Change {
        case add(Int64, Columns)
        case remove(Int64, Columns)
    }

    /// In the order they were made: an article revised twice in one commit is removed with the
    /// values of its first revision before its second is added.
    private var changes: [Change] = []

    /// Articles whose copy status the commit may have changed besides those the writer's trigger
    /// records (see `copyTracking`): new copies, revised articles.
    private var copyCandidates: Set<Int64> = []

    mutating func add(_ id: Int64, _ columns: Columns) { changes.append(.add(id, columns)) }

    mutating func remove(_ id: Int64, _ columns: Columns) { changes.append(.remove(id, columns)) }

    /// Asks for the article's `copyToken` to be checked against its `duplicate_of` at the end.
    mutating func checkCopy(_ id: Int64) { copyCandidates.insert(id) }

    /// The `meta` token of an exact copy (`duplicate_of` set): searches that fold copies leave
    /// them out inside the match (`… NOT meta : newsdcopy`), so counting matches needs no look at
    /// the copies. An article's `meta` column is always what the index holds for it.
    static let copyToken = "newsdcopy"

    /// The writer connection's record of articles whose copy status changed (set or cleared
    /// `duplicate_of`): linking updates whole groups by their hash, and this catches each.
    static let copyTracking = """
        CREATE TEMP TABLE IF NOT EXISTS copy_status_changed (id INTEGER PRIMARY KEY);
        CREATE TEMP TRIGGER IF NOT EXISTS copy_status_changes AFTER UPDATE OF duplicate_of ON articles
            WHEN (old.duplicate_of IS NULL) <> (new.duplicate_of IS NULL)
            BEGIN INSERT OR IGNORE INTO copy_status_changed (id) VALUES (new.id); END;
        """

    /// `meta` with the copy token when `copy`, without it otherwise.
    static func meta(_ meta: String, copy: Bool) -> String {
        var tokens = meta.split(separator: " ").filter { $0 != copyToken }.map(String.init)
        if copy { tokens.append(copyToken) }
        return tokens.joined(separator: " ")
    }

    /// Gives each article whose copy status no longer matches its `meta` the right token: the
    /// row's `meta` and its index row change together.
    /// `through`: only articles up to this id (a relink settles each chunk as it links it).
    private mutating func reconcileCopies(in db: Database, through: Int64 = .max) throws {
        let changed = try Int64.fetchAll(db, sql: "SELECT id FROM temp.copy_status_changed WHERE id <= ?", arguments: [through])
        if !changed.isEmpty { try db.execute(sql: "DELETE FROM temp.copy_status_changed WHERE id <= ?", arguments: [through]) }
        let read = try db.cachedStatement(sql: "SELECT duplicate_of, \(Self.selection) FROM articles WHERE id = ?")
        let update = try db.cachedStatement(sql: "UPDATE articles SET meta = ? WHERE id = ?")
        for id in copyCandidates.union(changed).sorted() {
            guard let row = try Row.fetchOne(read, arguments: [id]) else { continue }
            let old = Columns(row)
            let copy = (row["duplicate_of"] as Int64?) != nil
            let meta = Self.meta(old.meta, copy: copy)
            guard meta != old.meta else { continue }
            var new = old
            new.meta = meta
            try update.execute(arguments: [meta, id])
            remove(id, old)
            add(id, new)
        }
        copyCandidates = []
    }

    /// Gives every article up to `through` whose copy status changed the right copy token (a
    /// transaction that changes `duplicate_of` without adding or removing articles: `relink`, which
    /// settles each chunk once it is linked again, so a copy that stays a copy keeps its token and
    /// its index row is not written at all).
    static func updateCopyTokens(in db: Database, through: Int64 = .max) throws {
        var changes = FullTextChanges()
        try changes.reconcileCopies(in: db, through: through)
        try changes.writeChanges(in: db)
    }

    /// Writes the changes, the copy tokens settled first; call it after the commit's last other
    /// statement.
    mutating func write(in db: Database) throws {
        try reconcileCopies(in: db)
        try writeChanges(in: db)
    }

    /// Writes the changes as they are (the schema's migrations, which run before the writer's
    /// copy tracking exists).
    func writeChanges(in db: Database) throws {
        guard !changes.isEmpty else { return }
        let add = try db.cachedStatement(
            sql: """
                INSERT INTO articles_fts(rowid, title, summary, subheadings, captions, posts, body, meta)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let remove = try db.cachedStatement(
            sql: """
                INSERT INTO articles_fts(articles_fts, rowid, title, summary, subheadings, captions, posts, body, meta)
                    VALUES ('delete', ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for change in changes {
            switch change {
            case .add(let id, let columns), .remove(let id, let columns):
                let statement = if case .add = change { add } else { remove }
                try statement.run(in: db) { b in
                    b.bind(id)
                    columns.bind(&b)
                }
            }
        }
    }
}
