-- 007: where each metadata field came from, the structured rendition of the body, honest dates,
-- and a journal for saved searches and rules.

-- field=origin lines (title=json-ld, source=caption credit, ...); an origin 'edit' marks a field
-- a person set, which re-extraction leaves alone. After the body: only read with whole articles
-- and listings' pages, never by filters.
ALTER TABLE articles ADD COLUMN provenance TEXT;
-- the body with its structure (headings, lists, quotes, links) as CommonMark, or null
ALTER TABLE articles ADD COLUMN markdown TEXT;
ALTER TABLE trash_articles ADD COLUMN provenance TEXT;
ALTER TABLE trash_articles ADD COLUMN markdown TEXT;

-- "Newest first" is by publication date alone: an undated article no longer takes its import
-- date's place among the dated ones but comes after all of them (before them oldest first),
-- newest import first. The date index now serves every date order and date filter.
DROP INDEX articles_newest;
DROP INDEX articles_status_newest;
DROP INDEX articles_published;
CREATE INDEX articles_newest ON articles(published, id);
CREATE INDEX articles_status_newest ON articles(status, published, id);

-- Saved searches and rules a change removed or replaced, kept so undo can put them back:
--   saved+  field=name            a saved search the change added (undo removes it)
--   saved-  field=name            a saved search it removed or replaced (its row is here)
--   rule+   tag_id=rule id        a rule it added
--   rule-   tag_id=rule id        a rule it removed (its row is here)
CREATE TABLE trash_saved (
  journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  query      TEXT NOT NULL,
  created    TEXT NOT NULL,
  PRIMARY KEY (journal_id, name)
);
CREATE TABLE trash_rules (
  journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  id         INTEGER NOT NULL,
  query      TEXT NOT NULL,
  tag        TEXT NOT NULL,
  created    TEXT NOT NULL,
  PRIMARY KEY (journal_id, id)
);
