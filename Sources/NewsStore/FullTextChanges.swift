import GRDB

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

    /// An article's searchable columns, in `articles_fts` order, as the index holds them.
    struct Columns {
        var title: String?
        var summary: String
        var subheadings: String
        var captions: String
        var posts: String
        var body: String
        var meta: String

        init(title: String?, stored: StoredArticle) {
            self.title = title.map(indexed)
            summary = indexed(stored.summary)
            subheadings = indexed(stored.subheadings)
            captions = indexed(stored.captions)
            posts = indexed(stored.posts)
            body = indexed(stored.body)
            meta = indexed(stored.meta)
        }

        /// The columns as a row of `articles` holds them (the row must select all seven).
        init(_ row: Row) {
            title = (row["title"] as String?).map(indexed)
            summary = indexed(row["summary"])
            subheadings = indexed(row["subheadings"])
            captions = indexed(row["captions"])
            posts = indexed(row["posts"])
            body = indexed(row["body"])
            meta = indexed(row["meta"])
        }

        var arguments: StatementArguments { [title, summary, subheadings, captions, posts, body, meta] }
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

    mutating func add(_ id: Int64, _ columns: Columns) { changes.append(.add(id, columns)) }

    mutating func remove(_ id: Int64, _ columns: Columns) { changes.append(.remove(id, columns)) }

    /// Writes the changes; call it after the commit's last other statement.
    func write(in db: Database) throws {
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
            case .add(let id, let columns): try add.execute(arguments: [id] + columns.arguments)
            case .remove(let id, let columns): try remove.execute(arguments: [id] + columns.arguments)
            }
        }
    }
}
