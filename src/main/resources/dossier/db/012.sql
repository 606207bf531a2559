-- 012: who made each change: the name of the person (DOSSIER_USER, else the login name) whose
-- command wrote the journal record. Records written before this migration have none and count as
-- everyone's, so 'dossier undo' still reaches them.
ALTER TABLE journal ADD COLUMN author TEXT;
