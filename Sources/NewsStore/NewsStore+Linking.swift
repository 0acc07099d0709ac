import Foundation
import GRDB
import NewsCore

/// What linking does at commit: find exact duplicates, near-duplicates and stories.
public struct LinkSettings: Sendable, Equatable {
    /// Exact and near-duplicates (`duplicates`, default true).
    public var duplicates: Bool
    /// Stories (`stories`, default true).
    public var stories: Bool

    /// Both on by default.
    public init(duplicates: Bool = true, stories: Bool = true) {
        self.duplicates = duplicates
        self.stories = stories
    }
}

/// The writer's linking state: the settings and the active-story index.
struct LinkState: Sendable {
    var settings = LinkSettings()
    var index = StoryIndex()
    /// False until the index was rebuilt from the stored stories (on the first commit).
    var loaded = false
    /// Bucket rows of the articles linked since the last merge (rebuilt on the first commit).
    var recent = RecentBands()
    /// The bucket keys `lsh_buckets` may hold (rebuilt on the first commit).
    var tableKeys = BucketFilter()
    /// The signatures of the articles linked last (emptied on the first commit).
    var signatures = RecentSignatures()
    /// Merge the recent rows into `lsh_buckets` from this many rows (tests set it low).
    var mergeAtRows: Int?
}

/// What linking decided for one article.
struct ArticleLinks: Sendable {
    var duplicateOf: Int64?
    var storyID: Int64?
}

extension StoryFeatures {
    /// The features of a parsed article: its dates mentioned in photo captions and embedded posts
    /// count for an undated one.
    init(_ article: Article) {
        self.init(
            title: article.title, summary: article.summary, body: article.body,
            mentions: article.captions + article.embeddedPosts.compactMap(\.date),
            entities: article.people + article.places + article.organisations, published: article.published)
    }
}

extension NewsStore {
    /// Exact duplicates, near-duplicates and stories at commit, as set by `duplicates` and `stories`.
    public var linkSettings: LinkSettings {
        get { linking.withLock { $0.settings } }
        set { linking.withLock { $0.settings = newValue } }
    }

    /// Stories the active-story index holds now, and its approximate size in bytes.
    public var activeStories: (stories: Int, bytes: Int) {
        linking.withLock { ($0.index.count, $0.index.approximateBytes) }
    }

    /// Near-duplicate bucket rows held in memory until their next merge, and their approximate
    /// size in bytes.
    public var recentBuckets: (rows: Int, bytes: Int) {
        linking.withLock {
            ($0.recent.count, $0.recent.approximateBytes + $0.tableKeys.approximateBytes + $0.signatures.approximateBytes)
        }
    }

    /// Links one article just written (new, or `revised`): its exact-duplicate group, its
    /// near-duplicates and its story. A revised article's links are dropped first, so a revision
    /// and a relink re-evaluate them.
    static func link(
        id: Int64, article: Article, stored: StoredArticle, revised: Bool, now: String = Timestamp.now(),
        state: inout LinkState, in db: Database
    ) throws -> ArticleLinks {
        if !state.loaded {
            try loadIndex(&state, in: db)
        }
        if revised {
            try unlink(id: id, keepStory: false, state: &state, in: db)
        }
        var links = ArticleLinks()
        var near: [Int64] = []
        if state.settings.duplicates {
            links.duplicateOf = try linkExact(
                id: id, hash: article.contentHash, hasBody: hasCopyableBody(stored.body), isNew: !revised, in: db)
            if links.duplicateOf == nil, let signature = stored.signature {
                near = try linkNear(id: id, signature: signature, state: &state, in: db)
            }
        }
        if state.settings.stories {
            links.storyID = try linkStory(
                id: id, article: article, features: stored.features, duplicateOf: links.duplicateOf, near: near,
                isNew: !revised, now: now, state: &state, in: db)
        }
        return links
    }

    /// Drops an article's near-duplicate pairs, LSH buckets and story membership (before it is
    /// linked again, or deleted).
    static func unlink(id: Int64, keepStory: Bool, state: inout LinkState, in db: Database) throws {
        if !state.loaded {
            // After a start or a failed transaction the memory may not match the tables yet.
            try loadIndex(&state, in: db)
        }
        let held = state.signatures.signature(of: id)
        state.signatures.remove(id)
        if let signature = try held ?? storedSignature(of: id, in: db) {
            let keys = NearDuplicates.bucketKeys(signature)
            if state.recent.holds(id) {
                state.recent.remove(keys, id: id)
            } else {
                let delete = try db.cachedStatement(sql: "DELETE FROM lsh_buckets WHERE bucket = ? AND article_id = ?")
                for key in keys { try delete.execute(arguments: [key, id]) }
            }
            try db.cachedStatement(sql: "DELETE FROM article_signatures WHERE article_id = ?").execute(arguments: [id])
        }
        let others = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT other_id FROM near_duplicates WHERE article_id = ?"), arguments: [id])
        if !others.isEmpty {
            let delete = try db.cachedStatement(sql: "DELETE FROM near_duplicates WHERE article_id = ? AND other_id = ?")
            for other in others {
                try delete.execute(arguments: [id, other])
                try delete.execute(arguments: [other, id])
            }
        }
        guard !keepStory,
            let story = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT story_id FROM articles WHERE id = ?"), arguments: [id]) ?? nil
        else { return }
        try db.cachedStatement(sql: "UPDATE articles SET story_id = NULL WHERE id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "UPDATE stories SET articles = articles - 1 WHERE id = ?").execute(arguments: [story])
        let left = try Int.fetchOne(db.cachedStatement(sql: "SELECT articles FROM stories WHERE id = ?"), arguments: [story])
        if (left ?? 0) <= 0 {
            try db.cachedStatement(sql: "DELETE FROM stories WHERE id = ?").execute(arguments: [story])
            state.index.remove(story: story)
        } else if try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT article_id FROM stories WHERE id = ?"), arguments: [story]) == id
        {
            // Its central article left: the newest remaining one stands in.
            try db.cachedStatement(
                sql: """
                    UPDATE stories SET article_id = (SELECT max(id) FROM articles WHERE story_id = ?1),
                        title = (SELECT title FROM articles WHERE id = (SELECT max(id) FROM articles WHERE story_id = ?1)),
                        central_score = 0 WHERE id = ?1
                    """
            ).execute(arguments: [story])
        }
    }

    /// Bodies of fewer words are never exact duplicates: two pages whose body is empty, or only
    /// says "Read more", are no copies of one article.
    package static let exactMinimumWords = 10

    /// Whether a body (paragraphs joined by line breaks) has at least `exactMinimumWords` words.
    /// Articles with the same `content_hash` have the same normalised body, so this holds for all
    /// of a group or for none.
    static func hasCopyableBody(_ body: String) -> Bool {
        var words = 0
        var inWord = false
        for byte in body.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord {
                words += 1
                if words >= exactMinimumWords { return true }
            }
            inWord = !space
        }
        return false
    }

    /// Sets `duplicate_of` for every article with the same normalised body (`content_hash`):
    /// each points at the first (lowest id); the first points at nothing. Returns the article's own.
    /// Articles whose body has fewer than `exactMinimumWords` words are never duplicates.
    /// An `isNew` article is not written yet and has the highest id: its own row comes with its
    /// link, and no other article can point at it, so nothing is updated.
    static func linkExact(id: Int64, hash: String, hasBody: Bool, isNew: Bool, in db: Database) throws -> Int64? {
        guard hasBody else {
            if !isNew {
                try db.cachedStatement(sql: "UPDATE articles SET duplicate_of = NULL WHERE id = ?")
                    .execute(arguments: [id])
            }
            return nil
        }
        let first = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT min(id) FROM articles WHERE content_hash = ?"),
            arguments: [hash]) ?? id
        if first < id {
            if !isNew {
                try db.cachedStatement(sql: "UPDATE articles SET duplicate_of = ? WHERE id = ?")
                    .execute(arguments: [first, id])
            }
            return first
        }
        if isNew { return nil }
        // The article is the first of its group (a new group, or a revision that now matches
        // later articles): the others point at it.
        try db.cachedStatement(sql: "UPDATE articles SET duplicate_of = NULL WHERE id = ? AND duplicate_of IS NOT NULL")
            .execute(arguments: [id])
        try db.cachedStatement(
            sql: """
                UPDATE articles SET duplicate_of = ?1
                    WHERE content_hash = ?2 AND id > ?1 AND duplicate_of IS NOT ?1
                """
        ).execute(arguments: [id, hash])
        return nil
    }

    /// Copies that pointed at an article whose text changed (`previousBody`, hashed `previousHash`)
    /// point at the next first of their group.
    static func regroup(previousHash: String, previousBody: String, in db: Database) throws {
        guard hasCopyableBody(previousBody),
            let first = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT min(id) FROM articles WHERE content_hash = ?"),
                arguments: [previousHash])
        else { return }
        try db.cachedStatement(
            sql: """
                UPDATE articles SET duplicate_of = CASE WHEN id = ?1 THEN NULL ELSE ?1 END
                    WHERE content_hash = ?2
                """
        ).execute(arguments: [first, previousHash])
    }

    /// Candidates checked per article at most (the most recent articles sharing a bucket with
    /// it), and near-duplicate pairs it records at most: a corpus of many near-identical articles
    /// costs a bounded amount per article instead of a comparison with every earlier one.
    package static let maximumCandidates = 100
    package static let maximumNear = 50
    /// Articles read per bucket at most, the most recent first: a bucket that many articles share
    /// (a stock sentence or footer in a band's shingles) tells little, and reading all of it made
    /// the probe grow with the archive; a true near-duplicate shares several buckets.
    static let bucketMembersRead = 16

    /// The newest articles of each of 1…30 buckets in `lsh_buckets`, as many of each as its
    /// second argument says.
    private static let bucketProbe = (1...NearDuplicates.bands).map { count in
        Array(
            repeating: "SELECT * FROM (SELECT article_id FROM lsh_buckets WHERE bucket = ? ORDER BY article_id DESC LIMIT ?)",
            count: count
        ).joined(separator: " UNION ALL ")
    }

    /// An article's signature as `article_signatures` holds it, or nil.
    static func storedSignature(of id: Int64, in db: Database) throws -> NearDuplicates.Signature? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT minhash, shingles FROM article_signatures WHERE article_id = ?"),
            arguments: [id])
        else { return nil }
        return NearDuplicates.Signature(data: row["minhash"], shingles: row["shingles"])
    }

    /// Finds the article's near-duplicates through the LSH buckets, checks each candidate's
    /// signature, records the pairs both ways, and files the article's own buckets. Returns the
    /// near-duplicates found.
    static func linkNear(
        id: Int64, signature: NearDuplicates.Signature, state: inout LinkState, in db: Database
    ) throws -> [Int64] {
        let keys = NearDuplicates.bucketKeys(signature)
        // The articles sharing a bucket, the most recent `bucketMembersRead` of each: from memory
        // (every article there is newer than those in the table), then, while fewer than
        // `maximumCandidates` were found, the rest of each bucket's share from the table (the newest
        // end of its key range). The most recent `maximumCandidates` are checked.
        var found = Set<Int64>()
        let taken = state.recent.members(of: keys, into: &found, perBucket: bucketMembersRead)
        if found.count < maximumCandidates && state.recent.mergedThrough > 0 {
            var probe: StatementArguments = []
            var probed = 0
            for (key, count) in zip(keys, taken) where count < bucketMembersRead && state.tableKeys.mayContain(key) {
                _ = probe.append(contentsOf: [key, bucketMembersRead - count])
                probed += 1
            }
            if probed > 0 {
                let members = try Int64.fetchCursor(db.cachedStatement(sql: bucketProbe[probed - 1]), arguments: probe)
                while let other = try members.next() { found.insert(other) }
            }
        }
        found.remove(id)
        var near: [Int64] = []
        for other in found.sorted(by: >).prefix(maximumCandidates) where near.count < maximumNear {
            guard let theirs = try state.signatures.signature(of: other) ?? storedSignature(of: other, in: db),
                NearDuplicates.areNear(signature, theirs)
            else { continue }
            near.append(other)
        }
        if !near.isEmpty {
            let pairs = Array(repeating: "(?, ?), (?, ?)", count: near.count).joined(separator: ", ")
            var arguments: StatementArguments = []
            for other in near { _ = arguments.append(contentsOf: [id, other, other, id]) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO near_duplicates (article_id, other_id) VALUES \(pairs)",
                arguments: arguments)
        }
        if state.recent.holds(id) {
            state.recent.insert(keys, id: id)
        } else {
            // A revision of an article older than the last merge: its rows go to the table.
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO lsh_buckets (bucket, article_id) VALUES (?, ?)")
            for key in keys {
                try insert.execute(arguments: [key, id])
                state.tableKeys.insert(key)
            }
        }
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO article_signatures (article_id, minhash, shingles) VALUES (?, ?, ?)"
        ).execute(arguments: [id, signature.data, signature.shingles])
        state.signatures.insert(signature, id: id)
        return near
    }
}
