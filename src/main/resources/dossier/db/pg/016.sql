-- 016: each person's read status and star. Many people share a server's archive: what one of
-- them reads, marks or stars is theirs (tags, notes and edits stay shared). A row holds what one
-- person (the journal's author: --user, $DOSSIER_USER or the login name, which a session keeps in
-- the setting dossier.person) set on one article; NULL, or no row, means the article's own status
-- or star, which imports and copies set.
CREATE TABLE person_state (
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  person     TEXT NOT NULL,
  status     TEXT CHECK (status IN ('new', 'read', 'reviewed', 'archived')),
  starred    INTEGER CHECK (starred IN (0, 1)),
  PRIMARY KEY (article_id, person)
);
-- one person's starred articles, for is:starred
CREATE INDEX person_state_starred ON person_state(person, article_id) WHERE starred = 1;

-- the rows of the articles a change deleted; undo puts them back
CREATE TABLE trash_person_state (
  journal_id BIGINT NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  article_id BIGINT NOT NULL,
  person     TEXT NOT NULL,
  status     TEXT,
  starred    INTEGER,
  PRIMARY KEY (journal_id, article_id, person)
);
