-- What later stages store per article and per story.
CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);

-- Entity keys of each article's analysis, for candidate retrieval by entity.
CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (article_id, entity, label)
);
CREATE INDEX article_entities_entity ON article_entities(entity);

CREATE TABLE stories (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    headline TEXT NOT NULL DEFAULT '',
    outlets TEXT NOT NULL DEFAULT '[]',
    first_published TEXT,
    last_published TEXT
);

-- An article belongs to at most one story.
CREATE TABLE story_members (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
);

CREATE TABLE copies (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    copy_of TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    overlap REAL NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id, copy_of)
);

CREATE TABLE vectors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    dim INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (kind, article_id)
);
