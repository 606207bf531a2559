-- 015: newest first is published DESC NULLS LAST (SQLite's order, where NULL is the least value):
-- the listing indexes hold NULL dates first, so that one backward scan gives that order and a
-- forward one the oldest first (published ASC NULLS FIRST), with no sort of every article.
DROP INDEX articles_newest;
CREATE INDEX articles_newest ON articles(published NULLS FIRST, id);
DROP INDEX articles_status_newest;
CREATE INDEX articles_status_newest ON articles(status, published NULLS FIRST, id);
