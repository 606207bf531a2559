-- 011: near-duplicate copies. Each article's fingerprint of its body (dossier.similar.Fingerprint:
-- the number of word shingles and a MinHash signature), its LSH band keys to find the stored
-- articles worth comparing with a new one, and the link from a copy to the earliest article of its
-- story (the original). Band rows are not removed with their article: a lookup joins the articles
-- that exist, and ids are never reused, so an undone delete finds its bands again.
CREATE TABLE fingerprints (
  article_id INTEGER PRIMARY KEY,
  signature  BLOB NOT NULL
);
CREATE TABLE lsh_bands (
  band       INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
-- copy -> original; an original is never itself a copy, so a story's copies are one look-up
CREATE TABLE copies (
  article_id  INTEGER PRIMARY KEY,
  original_id INTEGER NOT NULL,
  resemblance REAL NOT NULL,
  containment REAL NOT NULL
);
CREATE INDEX copies_original ON copies(original_id);
