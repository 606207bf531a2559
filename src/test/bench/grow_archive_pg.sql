-- Makes a large server archive for query timings from a smaller one, by the rule of
-- grow_archive.py: the articles (with their tags and originals) are copied FACTOR - 1 more times
-- under new ids (id plus k times the largest id), with the content hash suffixed '-copyK' and the
-- path '#copyK', so that the server archive is the same as a file grown by grow_archive.py from
-- the same source (for example one that `db migrate-to` copied from it).
--
-- It measures queries, not writes: the search vectors are copied, not computed again, and the
-- whole growth is one transaction with the secondary indexes of the three tables dropped and built
-- again over all the rows, the triggers of articles off and the kept word counts of migration 019
-- (dossier_lexemes) counted again at the end. Run VACUUM (ANALYZE) after it.
--
-- usage: psql -v factor=FACTOR -f grow_archive_pg.sql postgresql://USER@HOST:PORT/DATABASE
--        psql -c 'VACUUM (ANALYZE)' postgresql://USER@HOST:PORT/DATABASE

\set ON_ERROR_STOP on
\timing on
BEGIN;

CREATE TEMP TABLE grow_indexes AS
  SELECT i.indexname, i.indexdef FROM pg_indexes i
  WHERE i.schemaname = current_schema()
    AND i.tablename IN ('articles', 'article_tags', 'originals')
    AND i.indexname NOT IN (SELECT conname FROM pg_constraint);
SELECT format('DROP INDEX %I', indexname) FROM grow_indexes \gexec

-- the vectors are copied with the rows; the word counts are counted once at the end
ALTER TABLE articles DISABLE TRIGGER USER;

SELECT max(id) AS top FROM articles \gset

-- each table's columns, with the rule of grow_archive.py for the ones that must differ
SELECT format(
    'INSERT INTO %I (%s) SELECT %s FROM %I t CROSS JOIN generate_series(1, %s - 1) k WHERE %I <= %s',
    c.table_name,
    string_agg(quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position),
    string_agg(CASE
        WHEN c.column_name IN ('id', 'article_id') THEN format('t.%I + k * %s', c.column_name, :top)
        WHEN c.column_name = 'content_hash' THEN 't.content_hash || ''-copy'' || k'
        WHEN c.column_name = 'path' THEN 't.path || ''#copy'' || k'
        ELSE format('t.%I', c.column_name) END, ', ' ORDER BY c.ordinal_position),
    c.table_name, :factor,
    CASE c.table_name WHEN 'articles' THEN 'id' ELSE 'article_id' END, :top)
  FROM information_schema.columns c
  WHERE c.table_schema = current_schema()
    AND c.table_name IN ('articles', 'article_tags', 'originals')
  GROUP BY c.table_name
  ORDER BY c.table_name = 'articles' DESC, c.table_name \gexec

ALTER TABLE articles ENABLE TRIGGER USER;
SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles));

SELECT indexdef FROM grow_indexes ORDER BY indexname \gexec

-- migration 019's count, over every article
DELETE FROM dossier_lexemes;
INSERT INTO dossier_lexemes (lexeme, docs)
  SELECT w, count(*) FROM articles, unnest(tsvector_to_array(fts)) w GROUP BY w;

COMMIT;
SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM article_tags) AS tag_links,
  (SELECT count(*) FROM originals) AS originals;
