-- 017: new LSH band rows first go to lsh_recent, a small table, and are moved into lsh_bands in
-- sorted bulk once it holds many (see ../017.sql). A look-up reads both tables.
CREATE TABLE lsh_recent (
  band       BIGINT NOT NULL,
  article_id BIGINT NOT NULL,
  PRIMARY KEY (band, article_id)
);
