-- 002: saved searches and auto-tag rules
CREATE TABLE saved_searches (
  name    TEXT PRIMARY KEY COLLATE NOCASE,
  query   TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE rules (
  id      INTEGER PRIMARY KEY,
  query   TEXT NOT NULL,
  tag     TEXT NOT NULL,
  created TEXT NOT NULL
);
