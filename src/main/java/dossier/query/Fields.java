package dossier.query;

import dossier.core.UsageException;
import java.util.List;

/** The field names of the query language, and the "did you mean" hint for a misspelled one. */
public final class Fields {
  /** Every field, as typed before the colon. */
  public static final List<String> NAMES =
      List.of(
          "title",
          "body",
          "caption",
          "note",
          "source",
          "author",
          "site",
          "url",
          "section",
          "lang",
          "path",
          "id",
          "tag",
          "is",
          "date",
          "imported",
          "after",
          "before",
          "saved",
          "similar",
          "story");

  private Fields() {}

  /** Throws a usage error naming the column when {@code name} is not a field. */
  static void check(String name, int column) {
    if (NAMES.contains(name)) {
      return;
    }
    String hint = closest(name, NAMES);
    throw new UsageException(
        "unknown field '"
            + name
            + ":' at column "
            + column
            + (hint != null
                ? " (did you mean '" + hint + ":'?)"
                : " (put the term in quotes to search for it as text)"));
  }

  /**
   * The candidate nearest to {@code word} by edit distance, when it is close enough to be meant.
   */
  public static String closest(String word, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = word.length() <= 3 ? 1 : 2;
    return bestDistance <= allowed ? best : null;
  }

  /**
   * Damerau-Levenshtein (optimal string alignment) distance, so "titel" is one step from "title".
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int x = 0; x <= a.length(); x++) {
      d[x][0] = x;
    }
    for (int y = 0; y <= b.length(); y++) {
      d[0][y] = y;
    }
    for (int x = 1; x <= a.length(); x++) {
      for (int y = 1; y <= b.length(); y++) {
        int cost = a.charAt(x - 1) == b.charAt(y - 1) ? 0 : 1;
        d[x][y] = Math.min(Math.min(d[x - 1][y] + 1, d[x][y - 1] + 1), d[x - 1][y - 1] + cost);
        if (x > 1
            && y > 1
            && a.charAt(x - 1) == b.charAt(y - 2)
            && a.charAt(x - 2) == b.charAt(y - 1)) {
          d[x][y] = Math.min(d[x][y], d[x - 2][y - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
