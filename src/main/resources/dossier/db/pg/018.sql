-- 018: the words an article holds more than once, or in its title, caption or note, indexed apart.
-- For a query of one word, ts_rank_cd (normalization 0) is the weighted count of the word, and the
-- least score a match can have is one place in the body (weight B, 0.1): every article this
-- index finds scores more, every other match exactly that. So the best page of a common word is
-- the ranked matches of this index and then the other matches newest id first, with no need to
-- score every match (see ArticleRepository). The positions of the words kept are the article's.
CREATE FUNCTION dossier_repeated(v TSVECTOR) RETURNS TSVECTOR
  LANGUAGE SQL IMMUTABLE PARALLEL SAFE
  RETURN ts_delete(v, ARRAY(SELECT u.lexeme FROM unnest(v) u
    WHERE cardinality(u.positions) = 1 AND u.weights[1] = 'B'));
CREATE INDEX articles_fts_repeated ON articles USING GIN (dossier_repeated(fts));
