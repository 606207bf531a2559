package dossier.store;

import dossier.core.UsageException;
import java.util.Locale;

/** The orders a listing can come in. */
public enum Sort {
  NEWEST("coalesce(a.published, substr(a.imported, 1, 10)) DESC, a.id DESC"),
  OLDEST("coalesce(a.published, substr(a.imported, 1, 10)) ASC, a.id ASC"),
  IMPORTED("a.imported DESC, a.id DESC"),
  TITLE("a.title COLLATE NOCASE ASC, a.id ASC"),
  RELEVANCE(null);

  final String orderBy;

  Sort(String orderBy) {
    this.orderBy = orderBy;
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
