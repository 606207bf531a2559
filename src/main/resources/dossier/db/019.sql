-- 019: the PostgreSQL store keeps how many articles hold each word, written with the articles
-- (see pg/019.sql), so that a word's total needs no pass over its matches; SQLite's full-text
-- index counts a word's matches from its own index: nothing changes here.
SELECT 1;
