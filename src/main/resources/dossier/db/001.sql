-- 001: the first archive schema: articles, their originals, tags, full-text index
CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL DEFAULT '',
  source         TEXT,
  authors        TEXT NOT NULL DEFAULT '',  -- one author per line
  published      TEXT,                      -- YYYY-MM-DD or an ISO-8601 timestamp
  url            TEXT,
  section        TEXT,
  lang           TEXT,
  caption        TEXT,
  body           TEXT NOT NULL,
  note           TEXT,
  status         TEXT NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new', 'read', 'reviewed', 'archived')),
  starred        INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  word_count     INTEGER NOT NULL DEFAULT 0,
  imported       TEXT NOT NULL,             -- ISO-8601 UTC timestamp
  path           TEXT,
  format         TEXT,
  suggested_tags TEXT NOT NULL DEFAULT '',  -- one tag per line, proposed by the source itself
  content_hash   TEXT NOT NULL UNIQUE
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_imported ON articles(imported);
CREATE INDEX articles_status ON articles(status);

-- The bytes of the file as imported, deflate-compressed, kept so reextract and show --format raw work.
CREATE TABLE originals (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  size       INTEGER NOT NULL,
  data       BLOB NOT NULL
);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,          -- as first written (NFC)
  key  TEXT NOT NULL UNIQUE    -- lower case: the identity of the tag
);
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, caption, note,
  content = 'articles', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body, caption, note)
    VALUES (new.id, new.title, new.body, new.caption, new.note);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body, caption, note)
    VALUES ('delete', old.id, old.title, old.body, old.caption, old.note);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, caption, note ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body, caption, note)
    VALUES ('delete', old.id, old.title, old.body, old.caption, old.note);
  INSERT INTO articles_fts(rowid, title, body, caption, note)
    VALUES (new.id, new.title, new.body, new.caption, new.note);
END;

-- "newest first" is the default order of every listing: keep it an index walk, not a sort.
CREATE INDEX articles_newest ON articles(coalesce(published, substr(imported, 1, 10)), id);
