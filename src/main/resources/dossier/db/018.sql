-- 018: the PostgreSQL store indexes the words an article holds more than once or outside its
-- body, to rank a word's page without scoring every match (see pg/018.sql); SQLite walks its
-- shortest articles first instead (014): nothing changes here.
SELECT 1;
