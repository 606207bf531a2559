-- 017: new LSH band rows first go to lsh_recent, a small table, and are moved into lsh_bands in
-- sorted bulk once it holds many (dossier.store.CopyRepository). Band keys are random, so rows
-- taken into the large table one batch at a time changed a page of it nearly every row: at 100,000
-- articles (3 million band rows) each batch of an import rewrote most of the table. A look-up reads
-- both tables; a row may be in both (an article's bands stored again), which changes nothing.
CREATE TABLE lsh_recent (
  band       INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
