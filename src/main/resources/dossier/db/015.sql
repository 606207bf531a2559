-- 015: nothing changes in a file. PostgreSQL's 015 orders its listing indexes as a file's order
-- them (NULL dates first, so newest first is one backward scan there too); here they already are.
SELECT 1;
