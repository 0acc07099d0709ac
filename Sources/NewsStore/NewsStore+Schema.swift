import GRDB

extension NewsStore {
    /// The schema, one migration per version. Never edit a shipped migration: add the next one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE files (
                        id INTEGER PRIMARY KEY,
                        path TEXT NOT NULL,
                        device INTEGER,
                        inode INTEGER,
                        head_hash TEXT NOT NULL DEFAULT '',
                        head_length INTEGER NOT NULL DEFAULT 0,
                        size INTEGER NOT NULL DEFAULT 0,
                        mtime_ns INTEGER NOT NULL DEFAULT 0,
                        offset INTEGER NOT NULL DEFAULT 0,
                        parser_state BLOB,
                        state TEXT NOT NULL,
                        error TEXT,
                        moved_to TEXT,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    );
                    CREATE UNIQUE INDEX files_identity ON files(device, inode);
                    CREATE INDEX files_path ON files(path);
                    CREATE INDEX files_state ON files(state);

                    CREATE TABLE articles (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES files(id),
                        ordinal INTEGER NOT NULL,
                        title TEXT,
                        source TEXT,
                        published TEXT,
                        kind TEXT NOT NULL,
                        language TEXT,
                        word_count INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        body TEXT NOT NULL,
                        doc BLOB NOT NULL,
                        path TEXT NOT NULL,
                        ingested_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        revision INTEGER NOT NULL DEFAULT 1,
                        UNIQUE (file_id, ordinal)
                    );
                    CREATE INDEX articles_published ON articles(published);
                    CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
                    CREATE INDEX articles_content_hash ON articles(content_hash);

                    CREATE TABLE article_entities (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        PRIMARY KEY (article_id, kind, name)
                    ) WITHOUT ROWID;
                    CREATE INDEX article_entities_name ON article_entities(kind, name);

                    CREATE VIRTUAL TABLE articles_fts USING fts5(
                        title, body,
                        content = 'articles', content_rowid = 'id',
                        tokenize = 'porter unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
                    END;
                    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, body)
                            VALUES ('delete', old.id, old.title, old.body);
                    END;
                    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, body)
                            VALUES ('delete', old.id, old.title, old.body);
                        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
                    END;
                    """
            )
        }
        // v2: everything a reader sees is searchable, each part in its own column so ranking can
        // weigh it (summary bullets, subheadings, captions, embedded posts), and a `meta` column
        // of filter tokens (outlet, publication year, month, day) so filters narrow a match
        // inside FTS5. Existing articles get the new columns from their stored document.
        migrator.registerMigration("v2") { db in
            db.add(function: metaFunction)
            try db.execute(
                sql: """
                    ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT '';
                    ALTER TABLE articles ADD COLUMN subheadings TEXT NOT NULL DEFAULT '';
                    ALTER TABLE articles ADD COLUMN captions TEXT NOT NULL DEFAULT '';
                    ALTER TABLE articles ADD COLUMN posts TEXT NOT NULL DEFAULT '';
                    ALTER TABLE articles ADD COLUMN meta TEXT NOT NULL DEFAULT '';
                    UPDATE articles SET
                        summary = coalesce((SELECT group_concat(value, char(10))
                            FROM json_each(CAST(doc AS TEXT), '$.summary')), ''),
                        subheadings = coalesce((SELECT group_concat(value, char(10))
                            FROM json_each(CAST(doc AS TEXT), '$.subheadings')), ''),
                        captions = coalesce((SELECT group_concat(value, char(10))
                            FROM json_each(CAST(doc AS TEXT), '$.captions')), ''),
                        posts = coalesce((SELECT group_concat(
                                ltrim(coalesce(json_extract(value, '$.author') || ' ', '')
                                    || coalesce(json_extract(value, '$.handle') || ' ', '')
                                    || coalesce(json_extract(value, '$.text'), '')), char(10))
                            FROM json_each(CAST(doc AS TEXT), '$.embedded_posts')), ''),
                        meta = newsd_meta(source, published);

                    DROP TRIGGER articles_fts_insert;
                    DROP TRIGGER articles_fts_delete;
                    DROP TRIGGER articles_fts_update;
                    DROP TABLE articles_fts;
                    CREATE VIRTUAL TABLE articles_fts USING fts5(
                        title, summary, subheadings, captions, posts, body, meta,
                        content = 'articles', content_rowid = 'id',
                        tokenize = 'porter unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                        INSERT INTO articles_fts(rowid, title, summary, subheadings, captions, posts, body, meta)
                            VALUES (new.id, new.title, new.summary, new.subheadings, new.captions, new.posts,
                                new.body, new.meta);
                    END;
                    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, summary, subheadings, captions, posts,
                            body, meta)
                            VALUES ('delete', old.id, old.title, old.summary, old.subheadings, old.captions,
                                old.posts, old.body, old.meta);
                    END;
                    CREATE TRIGGER articles_fts_update
                        AFTER UPDATE OF title, summary, subheadings, captions, posts, body, meta ON articles
                    BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, summary, subheadings, captions, posts,
                            body, meta)
                            VALUES ('delete', old.id, old.title, old.summary, old.subheadings, old.captions,
                                old.posts, old.body, old.meta);
                        INSERT INTO articles_fts(rowid, title, summary, subheadings, captions, posts, body, meta)
                            VALUES (new.id, new.title, new.summary, new.subheadings, new.captions, new.posts,
                                new.body, new.meta);
                    END;
                    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                    """
            )
        }
        // v3: exact duplicates (`duplicate_of`, the first article with the same normalised body),
        // near-duplicates (MinHash signatures, their LSH buckets, and the pairs found, both ways)
        // and stories. Existing articles are linked by `relink`.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
                    ALTER TABLE articles ADD COLUMN story_id INTEGER;
                    CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
                    CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;

                    CREATE TABLE article_signatures (
                        article_id INTEGER PRIMARY KEY,
                        minhash BLOB NOT NULL,
                        shingles INTEGER NOT NULL
                    );
                    CREATE TABLE lsh_buckets (
                        bucket INTEGER NOT NULL,
                        article_id INTEGER NOT NULL,
                        PRIMARY KEY (bucket, article_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE near_duplicates (
                        article_id INTEGER NOT NULL,
                        other_id INTEGER NOT NULL,
                        PRIMARY KEY (article_id, other_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE stories (
                        id INTEGER PRIMARY KEY,
                        article_id INTEGER,
                        title TEXT,
                        first TEXT,
                        last TEXT,
                        articles INTEGER NOT NULL DEFAULT 0,
                        central_score REAL NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    );
                    CREATE INDEX stories_updated ON stories(updated_at);
                    """
            )
        }
        // v4: the page's address (`url`, from a web page's canonical link or a record's field) in a
        // column of its own; articles stored before it get it from their document.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    ALTER TABLE articles ADD COLUMN url TEXT;
                    UPDATE articles SET url = json_extract(CAST(doc AS TEXT), '$.url');
                    CREATE INDEX articles_url ON articles(url);
                    """
            )
        }
        // v5: new articles' LSH bucket rows go to a small table first and reach the large one in
        // key order, many at a time (`NewsStore.mergeBuckets`): thirty rows at random places of
        // a table of millions for every article cost more with every article stored.
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE lsh_recent (
                        bucket INTEGER NOT NULL,
                        article_id INTEGER NOT NULL,
                        PRIMARY KEY (bucket, article_id)
                    ) WITHOUT ROWID;
                    """
            )
        }
        // v6: the full-text index is written by the commit itself, at its end (`FullTextChanges`),
        // not by triggers. A trigger makes each article's statement open a statement journal, and
        // FTS5 writes its pending terms out as a new segment at every statement savepoint after it
        // was touched: a segment (and merge work) per article instead of one per batch.
        // The index reads its text through a view that keeps the first
        // `FullTextChanges.characterLimit` characters of each column: FTS5 ranks (bm25) one row
        // at a time without looking at SQLite's interrupt, so a row's size bounds what one step of
        // a query can cost past its deadline (a hostile file of one word repeated millions of
        // times, searched for with that word many times, held a reader for minutes).
        migrator.registerMigration("v6") { db in
            let limit = FullTextChanges.characterLimit
            try db.execute(
                sql: """
                    DROP TRIGGER articles_fts_insert;
                    DROP TRIGGER articles_fts_delete;
                    DROP TRIGGER articles_fts_update;
                    DROP TABLE articles_fts;
                    CREATE VIEW articles_fts_source AS SELECT id,
                        substr(title, 1, \(limit)) AS title, substr(summary, 1, \(limit)) AS summary,
                        substr(subheadings, 1, \(limit)) AS subheadings, substr(captions, 1, \(limit)) AS captions,
                        substr(posts, 1, \(limit)) AS posts, substr(body, 1, \(limit)) AS body,
                        substr(meta, 1, \(limit)) AS meta
                        FROM articles;
                    CREATE VIRTUAL TABLE articles_fts USING fts5(
                        title, summary, subheadings, captions, posts, body, meta,
                        content = 'articles_fts_source', content_rowid = 'id',
                        tokenize = 'porter unicode61 remove_diacritics 2'
                    );
                    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                    """
            )
        }
        // v7: the recent LSH bucket rows are held in memory by the writer (`RecentBands`), rebuilt
        // from the signatures of the articles above `lsh_merged.through` at start: writing thirty
        // rows per article to `lsh_recent` and probing it was a quarter of the writer's time.
        migrator.registerMigration("v7") { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO lsh_buckets (bucket, article_id)
                        SELECT bucket, article_id FROM lsh_recent ORDER BY bucket, article_id;
                    DROP TABLE lsh_recent;
                    CREATE TABLE lsh_merged (through INTEGER NOT NULL);
                    INSERT INTO lsh_merged (through) SELECT coalesce(max(article_id), 0) FROM article_signatures;
                    """
            )
        }
        // v8: merge steps (`mergeIndexStep`, run by the pipeline when the inbox is idle) merge
        // segments two at a time, so the index ends with a segment or two instead of a dozen.
        migrator.registerMigration("v8") { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('usermerge', 2)")
        }
        // v9: exact copies carry `FullTextChanges.copyToken` in `meta`, in the row and in the
        // index, so searches leave them out inside the match.
        migrator.registerMigration("v9") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, \(FullTextChanges.selection) FROM articles WHERE duplicate_of IS NOT NULL")
            let update = try db.makeStatement(sql: "UPDATE articles SET meta = ? WHERE id = ?")
            var fullText = FullTextChanges()
            for row in rows {
                let id: Int64 = row["id"]
                let old = FullTextChanges.Columns(row, spaced: false)  // the index before v10
                var new = old
                new.meta = FullTextChanges.meta(old.meta, copy: true)
                try update.execute(arguments: [new.meta, id])
                fullText.remove(id, old)
                fullText.add(id, new)
            }
            try fullText.writeChanges(in: db)
        }
        // v10: Chinese and Japanese are indexed one character per token (`IndexText`), so that a
        // word inside a sentence written without spaces is found. The view gives the index its
        // text through `newsd_index_text`; the rows it changes (those holding such text) are
        // indexed again, removed with the values they were indexed with.
        migrator.registerMigration("v10") { db in
            let limit = FullTextChanges.characterLimit
            let textColumns = ["title", "summary", "subheadings", "captions", "posts", "body"]
            let cut = { (column: String) in "substr(\(column), 1, \(limit))" }
            let changed = textColumns.map { "newsd_index_text(\(cut($0))) IS NOT \(cut($0))" }.joined(separator: " OR ")
            try db.execute(
                sql: """
                    DROP VIEW articles_fts_source;
                    CREATE VIEW articles_fts_source AS SELECT id,
                        \(textColumns.map { "newsd_index_text(\(cut($0))) AS \($0)" }.joined(separator: ", ")),
                        \(cut("meta")) AS meta
                        FROM articles;
                    CREATE TEMP TABLE respaced AS SELECT id FROM articles WHERE \(changed);
                    INSERT INTO articles_fts(articles_fts, rowid, \(FullTextChanges.selection))
                        SELECT 'delete', id, \((textColumns + ["meta"]).map(cut).joined(separator: ", "))
                        FROM articles WHERE id IN (SELECT id FROM temp.respaced);
                    INSERT INTO articles_fts(rowid, \(FullTextChanges.selection))
                        SELECT id, \(FullTextChanges.selection) FROM articles_fts_source
                        WHERE id IN (SELECT id FROM temp.respaced);
                    DROP TABLE temp.respaced;
                    """
            )
        }
        // v11: articles whose entity rows wait for an idle moment (`EntityRows`): a batch written
        // during a backlog names its articles here instead of writing their rows.
        migrator.registerMigration("v11") { db in
            try db.execute(sql: "CREATE TABLE entity_backlog (article_id INTEGER PRIMARY KEY)")
        }
        return migrator
    }

    /// `newsd_meta(source, published)`: an article's filter tokens (`metaText`), for the migration.
    static let metaFunction = DatabaseFunction("newsd_meta", argumentCount: 2, pure: true) { values in
        metaText(source: String.fromDatabaseValue(values[0]), published: String.fromDatabaseValue(values[1]))
    }
}
