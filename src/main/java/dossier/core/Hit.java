package dossier.core;

/**
 * One search result: the article, its relevance (higher is better) and a snippet in which the
 * matched words are wrapped in {@link #MARK_START} and {@link #MARK_END}, for the printer to render
 * as bold, brackets or nothing.
 */
public record Hit(Article article, double score, String snippet) {
  public static final char MARK_START = '\uE000';
  public static final char MARK_END = '\uE001';
}
