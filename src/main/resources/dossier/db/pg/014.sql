-- 014: SQLite's 014.sql indexes FTS5's record of each row's length, for its bm25 ranking;
-- PostgreSQL ranks with ts_rank over the tsvector and keeps no such record: nothing changes.
SELECT 1;
