package dossier.store;

import dossier.core.UsageException;
import java.util.Locale;

/**
 * The orders a listing can come in. Newest first is by publication date alone: articles without one
 * come after every dated article, the last imported first, and never take their import date's place
 * among the dated ones; oldest first is the exact reverse (undated first).
 */
public enum Sort {
  NEWEST,
  OLDEST,
  IMPORTED,
  TITLE,
  /** Best match first; without words to rank by, newest first. */
  RELEVANCE;

  /** The name as people type it ({@code --sort oldest}), so help, completion and errors say it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Sort parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "unknown sort '" + s + "' (expected newest, oldest, imported, title or relevance)");
    }
  }
}
