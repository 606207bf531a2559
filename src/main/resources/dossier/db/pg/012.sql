-- 012: who made each change (SQLite's 012.sql): the author of a journal record.
ALTER TABLE journal ADD COLUMN author TEXT;
