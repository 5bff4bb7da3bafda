-- Articles and their full-text index. A corrected text at a URL already stored is a new row whose
-- previous_id points at the version it replaces.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    published TEXT,
    published_source TEXT NOT NULL DEFAULT 'unknown',
    author TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    fetched_at TEXT,
    origin TEXT,
    removed TEXT NOT NULL DEFAULT '[]',
    source_id TEXT,
    previous_id TEXT REFERENCES articles(id)
);

CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_previous ON articles(previous_id);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
