-- 003: the change journal behind 'log' and 'undo'
CREATE TABLE journal (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,               -- ISO-8601 UTC timestamp
  command TEXT NOT NULL,               -- tag, mark, note, rm, tags rename, tags merge, ...
  summary TEXT NOT NULL,
  undone  INTEGER NOT NULL DEFAULT 0
);
-- What one change did, enough to revert it exactly:
--   tag+ / tag-   article_id, tag_id          a tag link added / removed
--   field         article_id, field, old      status, starred or note before the change
--   tagname       tag_id, field=key, old=name a tag's name before a rename
--   tagrow        tag_id, field=key, old=name a tag row deleted (merge, delete)
--   created       article_id                  an article an import created
--   deleted       article_id                  an article removed (its row is in trash_articles)
--   updated       article_id                  an article an import replaced (old row in trash)
CREATE TABLE journal_entries (
  journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  article_id INTEGER,
  tag_id     INTEGER,
  field      TEXT,
  old        TEXT
);
CREATE INDEX journal_entries_journal ON journal_entries(journal_id);

-- Rows removed by rm (or replaced by an import update), kept so undo can put them back.
CREATE TABLE trash_articles (
  journal_id     INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  id             INTEGER NOT NULL,
  title          TEXT NOT NULL,
  source         TEXT,
  authors        TEXT NOT NULL,
  published      TEXT,
  url            TEXT,
  section        TEXT,
  lang           TEXT,
  caption        TEXT,
  body           TEXT NOT NULL,
  note           TEXT,
  status         TEXT NOT NULL,
  starred        INTEGER NOT NULL,
  word_count     INTEGER NOT NULL,
  imported       TEXT NOT NULL,
  path           TEXT,
  format         TEXT,
  suggested_tags TEXT NOT NULL,
  content_hash   TEXT NOT NULL,
  original_size  INTEGER,
  original       BLOB,
  PRIMARY KEY (journal_id, id)
);
