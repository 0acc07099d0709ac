import Foundation
import GRDB
import NewsCore

/// Linking at commit, stories: which story an article joins, or the new story it starts.
extension NewsStore {
    /// Puts the article into a story: its first copy's story for an exact duplicate, its first
    /// near-duplicate's story (of `near`, the pairs `linkNear` just recorded), else the best active
    /// story over the threshold, else a new story. A `isNew` article's row is not written yet: its
    /// story goes into the row with it.
    static func linkStory(
        id: Int64, article: Article, features: StoryFeatures, duplicateOf: Int64?, near: [Int64], isNew: Bool,
        now: String, state: inout LinkState, in db: Database
    ) throws -> Int64 {
        var story: Int64?
        var joinedIndex = false
        if let duplicateOf {
            story = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT story_id FROM articles WHERE id = ?"), arguments: [duplicateOf]) ?? nil
        }
        if story == nil, !near.isEmpty {
            let storyOf = try db.cachedStatement(sql: "SELECT story_id FROM articles WHERE id = ?")
            for other in near.sorted() {
                if let found = try Int64.fetchOne(storyOf, arguments: [other]) {
                    story = found
                    break
                }
            }
            if story != nil { state.index.add(features, to: story!); joinedIndex = true }
        }
        var score = 0.0
        if story == nil, let best = state.index.best(for: features) {
            story = best.story
            score = best.score
        }
        let time = article.published
        if let story {
            if !joinedIndex && duplicateOf == nil { state.index.add(features, to: story) }
            try db.cachedStatement(
                sql: """
                    UPDATE stories SET articles = articles + 1,
                        first = CASE WHEN ?2 IS NOT NULL AND (first IS NULL OR ?2 < first) THEN ?2 ELSE first END,
                        last = CASE WHEN ?2 IS NOT NULL AND (last IS NULL OR ?2 > last) THEN ?2 ELSE last END,
                        updated_at = ?3 WHERE id = ?1
                    """
            ).execute(arguments: [story, time, now])
            if db.changesCount == 0 {
                // The index held a story the database no longer has (a failed transaction):
                // start it again under this article.
                state.index.remove(story: story)
                return try newStory(
                    id: id, article: article, features: features, isNew: isNew, now: now, state: &state, in: db)
            }
            // The article that fits the story best is its central one; its title is the story's.
            if duplicateOf == nil, score > 0 {
                try db.cachedStatement(
                    sql: "UPDATE stories SET article_id = ?, title = ?, central_score = ? WHERE id = ? AND central_score < ?"
                ).execute(arguments: [id, article.title, score, story, score])
            }
            if !isNew {
                try db.cachedStatement(sql: "UPDATE articles SET story_id = ? WHERE id = ?").execute(arguments: [story, id])
            }
            return story
        }
        return try newStory(id: id, article: article, features: features, isNew: isNew, now: now, state: &state, in: db)
    }

    private static func newStory(
        id: Int64, article: Article, features: StoryFeatures, isNew: Bool, now: String, state: inout LinkState,
        in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO stories (article_id, title, first, last, articles, central_score, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 1, 0, ?, ?)
                """
        ).execute(arguments: [id, article.title, article.published, article.published, now, now])
        let story = db.lastInsertedRowID
        state.index.add(features, to: story)
        if !isNew {
            try db.cachedStatement(sql: "UPDATE articles SET story_id = ? WHERE id = ?").execute(arguments: [story, id])
        }
        return story
    }

    /// How many stories `loadIndex` brings back, and how many articles of each.
    static let warmStories = 2000
    static let warmArticlesPerStory = 5
}
