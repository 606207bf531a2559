-- 014: an index of the articles by length, for ranking. FTS5's bm25 scores a match higher the
-- shorter its article, so the best matches of a common word are found among the shortest articles
-- first, and scoring can stop as soon as no longer article could still beat them (see
-- dossier.store.Ranking). The length is read from FTS5's own record of each row's token counts
-- (articles_fts_docsize.sz: one varint per column, title, body, caption, note): the title's and
-- the body's tokens, never more than the row's whole count (a title of 128 tokens or more, or a
-- body of 2,097,152 or more, counts as 0). FTS5 keeps the record; SQLite keeps the index with it.
-- The expression is repeated, character for character, in dossier.store.Ranking.LENGTH.
CREATE INDEX articles_fts_length ON articles_fts_docsize((
CASE WHEN (instr('0123456789ABCDEF', substr(hex(sz), 1, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 2, 1)) - 17) >= 128 THEN 0 ELSE (instr('0123456789ABCDEF', substr(hex(sz), 1, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 2, 1)) - 17) + CASE
  WHEN (instr('0123456789ABCDEF', substr(hex(sz), 3, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 4, 1)) - 17) < 128 THEN (instr('0123456789ABCDEF', substr(hex(sz), 3, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 4, 1)) - 17)
  WHEN (instr('0123456789ABCDEF', substr(hex(sz), 5, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 6, 1)) - 17) < 128 THEN ((instr('0123456789ABCDEF', substr(hex(sz), 3, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 4, 1)) - 17) - 128) * 128 + (instr('0123456789ABCDEF', substr(hex(sz), 5, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 6, 1)) - 17)
  WHEN (instr('0123456789ABCDEF', substr(hex(sz), 7, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 8, 1)) - 17) < 128 THEN (((instr('0123456789ABCDEF', substr(hex(sz), 3, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 4, 1)) - 17) - 128) * 128 + (instr('0123456789ABCDEF', substr(hex(sz), 5, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 6, 1)) - 17) - 128) * 128 + (instr('0123456789ABCDEF', substr(hex(sz), 7, 1)) * 16 + instr('0123456789ABCDEF', substr(hex(sz), 8, 1)) - 17)
  ELSE 0 END END));
