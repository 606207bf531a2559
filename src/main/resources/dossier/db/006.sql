-- 006: article ids are never handed out twice. Without AUTOINCREMENT SQLite gives a new article
-- the highest id + 1, so after 'rm' of the newest article its id went to the next import (a
-- script that kept the id then pointed at another article), and after a restore of an id at the
-- top of the range new ids were picked at random. AUTOINCREMENT keeps the highest id ever used in
-- sqlite_sequence; it starts at the highest id still known (stored or kept for undo). Every id
-- stays what it was, so the full-text index, tags and originals are unchanged.
-- The archive is also marked as dossier's (application_id "doss"): dossier opens no other database.
-- (Runs with foreign keys off, so dropping the old table does not cascade to tags or originals.)
CREATE TABLE articles_v6 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO articles_v6(id, title, source, authors, published, url, section, lang, status, starred,
    word_count, imported, path, format, content_hash, suggested_tags, note, caption, body)
  SELECT id, title, source, authors, published, url, section, lang, status, starred, word_count,
    imported, path, format, content_hash, suggested_tags, note, caption, body FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v6 RENAME TO articles;

-- ids of removed articles that undo may still bring back count as used
INSERT INTO sqlite_sequence(name, seq)
  SELECT 'articles', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'articles');
UPDATE sqlite_sequence
  SET seq = max(seq, coalesce((SELECT max(id) FROM articles), 0),
                coalesce((SELECT max(id) FROM trash_articles), 0))
  WHERE name = 'articles';

CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_imported ON articles(imported);
CREATE INDEX articles_newest ON articles(coalesce(published, substr(imported, 1, 10)), id);
CREATE INDEX articles_starred ON articles(id) WHERE starred = 1;
CREATE INDEX articles_status_newest
  ON articles(status, coalesce(published, substr(imported, 1, 10)), id);

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

PRAGMA application_id = 1685025651;
