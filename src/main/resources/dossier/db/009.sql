-- 009: pages fetched from the web, and the earlier versions of articles whose page changed.

-- One row each time a URL was fetched and its page stored (imported, or found changed or the
-- same by refetch): the address asked for and the one the redirects ended at, the HTTP status,
-- the response headers (one "name: value" a line), and whether this fetch made a new version.
CREATE TABLE fetches (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  url         TEXT NOT NULL,
  url_key     TEXT,
  final_url   TEXT NOT NULL,
  status      INTEGER NOT NULL,
  fetched     TEXT NOT NULL,
  headers     TEXT NOT NULL,
  changed     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fetches_article ON fetches(article_id, id);
CREATE INDEX fetches_url_key ON fetches(url_key) WHERE url_key IS NOT NULL;

-- The versions of an article before its latest (which is the article row itself), numbered from
-- 1 in the order they were stored; "since" is when that version was first stored. The original
-- is kept compressed as in originals.
CREATE TABLE versions (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version       INTEGER NOT NULL,
  since         TEXT NOT NULL,
  title         TEXT NOT NULL,
  published     TEXT,
  body          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  original      BLOB,
  original_size INTEGER,
  PRIMARY KEY (article_id, version)
);
