-- 006: reserved for the schema change that comes before 007 on the main line.
SELECT 1;
