-- 005: the inbox (is:new, and every status) listed newest first walks one index instead of
-- sorting all articles of that status.
DROP INDEX articles_status;
CREATE INDEX articles_status_newest
  ON articles(status, coalesce(published, substr(imported, 1, 10)), id);
