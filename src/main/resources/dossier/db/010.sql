-- 010: rm keeps the earlier versions and the fetch records of the articles it removes, beside
-- their rows in trash_articles, so that undo puts them back with the article.
CREATE TABLE trash_versions (
  journal_id    INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  article_id    INTEGER NOT NULL,
  version       INTEGER NOT NULL,
  since         TEXT NOT NULL,
  title         TEXT NOT NULL,
  published     TEXT,
  body          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  original      BLOB,
  original_size INTEGER,
  PRIMARY KEY (journal_id, article_id, version)
);
CREATE TABLE trash_fetches (
  journal_id  INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  id          INTEGER NOT NULL,
  article_id  INTEGER NOT NULL,
  url         TEXT NOT NULL,
  url_key     TEXT,
  final_url   TEXT NOT NULL,
  status      INTEGER NOT NULL,
  fetched     TEXT NOT NULL,
  headers     TEXT NOT NULL,
  changed     INTEGER NOT NULL,
  PRIMARY KEY (journal_id, id)
);
