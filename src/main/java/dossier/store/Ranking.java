package dossier.store;

/** Relevance settings: bm25 column weights (title, body, caption, note) and snippet length. */
final class Ranking {
  /** A word in the title counts most, then the caption, then a note, then the body. */
  static final String WEIGHTS = "10.0, 1.0, 4.0, 2.0";

  static final int SNIPPET_TOKENS = 14;

  private Ranking() {}
}
