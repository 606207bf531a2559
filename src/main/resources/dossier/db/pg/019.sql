-- 019: how many articles hold each word of the search vectors, kept in the transaction of every
-- write of an article, so that the total of a search for one word is one row read instead of a
-- pass over its matches (a common word matches a sixth of an archive). A row's docs is the number
-- of articles whose fts holds the lexeme, in any weight: exactly the count of fts @@ 'lexeme'.
-- Writers take the archive's write lock first, so the rows of common words are not fought over;
-- each statement still writes its rows in lexeme order. The table is the engine's own, like
-- dossier_schema: copies and exports leave it out, and a copy into a server fills it as it loads.
CREATE TABLE dossier_lexemes (
  lexeme TEXT COLLATE "C" PRIMARY KEY,
  docs   BIGINT NOT NULL
);

-- (one function for both triggers: each statement reads only the transition table of its own)
CREATE FUNCTION dossier_lexemes_written() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dossier_lexemes AS k (lexeme, docs)
      SELECT w, count(*) FROM added, unnest(tsvector_to_array(added.fts)) w GROUP BY w ORDER BY w
    ON CONFLICT (lexeme) DO UPDATE SET docs = k.docs + excluded.docs;
  ELSE
    UPDATE dossier_lexemes k SET docs = k.docs - g.n
      FROM (SELECT w, count(*) AS n FROM removed, unnest(tsvector_to_array(removed.fts)) w
            GROUP BY w ORDER BY w) g
      WHERE k.lexeme = g.w;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_lexemes_insert AFTER INSERT ON articles
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION dossier_lexemes_written();
CREATE TRIGGER articles_lexemes_delete AFTER DELETE ON articles
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION dossier_lexemes_written();

-- an edit of the text changes a few words: only those rows move
CREATE FUNCTION dossier_lexemes_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_lexemes AS k (lexeme, docs)
    SELECT w, sum(d) FROM (SELECT w, 1 AS d FROM unnest(tsvector_to_array(NEW.fts)) w
                           UNION ALL
                           SELECT w, -1 FROM unnest(tsvector_to_array(OLD.fts)) w) c
    GROUP BY w HAVING sum(d) <> 0 ORDER BY w
  ON CONFLICT (lexeme) DO UPDATE SET docs = k.docs + excluded.docs;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_lexemes_update AFTER UPDATE OF title, body, caption, note, fts ON articles
  FOR EACH ROW WHEN (OLD.fts IS DISTINCT FROM NEW.fts)
  EXECUTE FUNCTION dossier_lexemes_updated();

INSERT INTO dossier_lexemes (lexeme, docs)
  SELECT w, count(*) FROM articles, unnest(tsvector_to_array(fts)) w GROUP BY w;
