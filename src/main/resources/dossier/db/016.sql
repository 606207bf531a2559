-- 016: each person's read status and star on an archive many people share (a server's; see
-- pg/016.sql). A row holds what one person set on one article; NULL (or no row) means the
-- article's own status or star. A file has one person and reads the article's own columns only:
-- it keeps these rows so that a server's archive copied to a file and back loses none.
CREATE TABLE person_state (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  person     TEXT NOT NULL,
  status     TEXT CHECK (status IN ('new', 'read', 'reviewed', 'archived')),
  starred    INTEGER CHECK (starred IN (0, 1)),
  PRIMARY KEY (article_id, person)
);

-- the rows of the articles a change deleted; undo puts them back
CREATE TABLE trash_person_state (
  journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL,
  person     TEXT NOT NULL,
  status     TEXT,
  starred    INTEGER,
  PRIMARY KEY (journal_id, article_id, person)
);
