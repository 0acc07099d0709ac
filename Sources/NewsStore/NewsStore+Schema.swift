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
        return migrator
    }
}
