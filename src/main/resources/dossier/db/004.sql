-- 004: the body moves to the end of the article row. SQLite reads a row's columns in order, so
-- with the body in the middle every filter or listing that needs status, star, note, dates or
-- path walked through the body's overflow pages. Ids, and so the full-text index, are unchanged.
-- (Runs with foreign keys off, so dropping the old table does not cascade to tags or originals.)
CREATE TABLE articles_v4 (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL DEFAULT '',
  source         TEXT,
  authors        TEXT NOT NULL DEFAULT '',
  published      TEXT,
  url            TEXT,
  section        TEXT,
  lang           TEXT,
  status         TEXT NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new', 'read', 'reviewed', 'archived')),
  starred        INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  word_count     INTEGER NOT NULL DEFAULT 0,
  imported       TEXT NOT NULL,
  path           TEXT,
  format         TEXT,
  content_hash   TEXT NOT NULL UNIQUE,
  suggested_tags TEXT NOT NULL DEFAULT '',
  note           TEXT,
  caption        TEXT,
  body           TEXT NOT NULL
);
INSERT INTO articles_v4(id, title, source, authors, published, url, section, lang, status, starred,
    word_count, imported, path, format, content_hash, suggested_tags, note, caption, body)
  SELECT id, title, source, authors, published, url, section, lang, status, starred, word_count,
    imported, path, format, content_hash, suggested_tags, note, caption, body FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v4 RENAME TO articles;

CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_imported ON articles(imported);
CREATE INDEX articles_status ON articles(status);
CREATE INDEX articles_newest ON articles(coalesce(published, substr(imported, 1, 10)), id);
CREATE INDEX articles_starred ON articles(id) WHERE starred = 1;

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
