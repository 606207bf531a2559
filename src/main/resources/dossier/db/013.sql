-- 013: story threads. Articles about one developing event (different texts, not copies) share a
-- story. Each member keeps the few rare names that placed it (its keys, a JSON array; a copy has
-- none and follows its original); a story's keys are its members' keys counted, with the latest
-- day of the members holding each, so an import finds the stories worth comparing with a new
-- article from the article's own keys within a window of days, without scanning the archive.
-- story_terms counts in how many articles each name occurs (the row '' counts the articles), for
-- the rarity of a name. Rows are not removed with their article: listings join the articles that
-- exist, and ids are never reused.
CREATE TABLE stories (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  size INTEGER NOT NULL DEFAULT 0          -- members with keys (copies left out)
);
CREATE TABLE story_members (
  article_id INTEGER PRIMARY KEY,
  story_id   INTEGER NOT NULL,
  day        TEXT NOT NULL,                -- YYYY-MM-DD: published, else imported
  keys       TEXT NOT NULL,                -- JSON array of the names that placed it
  pinned     INTEGER NOT NULL DEFAULT 0    -- 1: placed by a person (stories merge, split)
);
CREATE INDEX story_members_story ON story_members(story_id);
CREATE TABLE story_keys (
  term     TEXT NOT NULL,
  story_id INTEGER NOT NULL,
  n        INTEGER NOT NULL,               -- members holding the term among their keys
  last     TEXT NOT NULL,                  -- latest day of those members
  PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_recent ON story_keys(term, last);
CREATE TABLE story_terms (
  term TEXT PRIMARY KEY,
  n    INTEGER NOT NULL
) WITHOUT ROWID;
