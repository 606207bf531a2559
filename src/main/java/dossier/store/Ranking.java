package dossier.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Relevance settings (bm25 column weights, snippet length) and the arithmetic that lets the best
 * matches of a common word be found without scoring every match.
 *
 * <p>FTS5's bm25 gives an article, for each phrase {@code i} of the query, {@code idf_i * f_i * (k1
 * + 1) / (f_i + k1 * (1 - b + b * D / avgdl))}, where {@code f_i} is the phrase's weighted count in
 * the article (each instance counts its column's weight), {@code D} the article's length in tokens
 * and {@code avgdl} the average length; k1 = 1.2 and b = 0.75. Each term grows with {@code f_i} and
 * shrinks with {@code D}. So if no article holds a phrase more than {@code F_i} (weighted) times,
 * an article of at least {@code L} tokens scores at most {@link #bound} at {@code L}; when the best
 * matches among the shorter articles already score more than that, no longer article can enter the
 * page. The index {@code articles_fts_length} (migration 014) walks the articles shortest first by
 * a lower bound of their length, read from FTS5's own record of each row's size.
 */
final class Ranking {
  /** A word in the title counts most, then the caption, then a note, then the body. */
  static final String WEIGHTS = "10.0, 1.0, 4.0, 2.0";

  /** {@link #WEIGHTS} by column, in the full-text table's order: title, body, caption, note. */
  static final double[] WEIGHT = {10.0, 1.0, 4.0, 2.0};

  /** The full-text table's columns, as fts5vocab names them. */
  static final List<String> COLUMNS = List.of("title", "body", "caption", "note");

  /** A snippet's length in tokens when the caller does not ask for one (JSON, CSV, pipes). */
  static final int SNIPPET_TOKENS = 14;

  /** The longest snippet FTS5's snippet() gives, in tokens. */
  static final int MAX_SNIPPET_TOKENS = 64;

  /**
   * The snippet length to ask the index for: {@code tokens} within what FTS5 gives, or {@link
   * #SNIPPET_TOKENS} for 0 or less (no length asked for).
   */
  static int snippetTokens(int tokens) {
    return tokens <= 0 ? SNIPPET_TOKENS : Math.min(tokens, MAX_SNIPPET_TOKENS);
  }

  /**
   * How many characters of the body stand in for the snippet of an article that no word of the
   * query matched: about as wide as a snippet of {@code tokens} tokens, never under 160.
   */
  static int snippetChars(int tokens) {
    return Math.max(160, 8 * snippetTokens(tokens));
  }

  /** FTS5's bm25 constants. */
  static final double K1 = 1.2;

  static final double B = 0.75;

  /** The index of migration 014. */
  static final String LENGTH_INDEX = "articles_fts_length";

  /**
   * Slack on every bound, relative: bm25's own arithmetic (in C) and this one (in Java) may round
   * differently in the last bits, and a bound must never fall below the score it bounds.
   */
  static final double SLACK = 1e-9;

  private Ranking() {}

  /** FTS5's inverse document frequency of a phrase that {@code hits} of {@code rows} rows hold. */
  static double idf(long rows, long hits) {
    double idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
  }

  /**
   * The most a query of phrases can score (as a positive number: bm25's value negated) in an
   * article of at least {@code length} tokens, when phrase {@code i} has inverse document frequency
   * {@code idf[i]} and is held at most {@code freq[i]} times (weighted) by any article.
   */
  static double bound(double[] idf, double[] freq, double length, double avgdl) {
    double k = K1 * (1 - B + B * Math.max(0, length) / avgdl);
    double score = 0;
    for (int i = 0; i < idf.length; i++) {
      score +=
          Double.isInfinite(freq[i])
              ? idf[i] * (K1 + 1.0)
              : idf[i] * (freq[i] * (K1 + 1.0)) / (freq[i] + k);
    }
    return score * (1 + SLACK) + Double.MIN_NORMAL;
  }

  /**
   * The smallest length from which {@link #bound} falls below {@code score}: every article at least
   * that long scores less. {@code Long.MAX_VALUE} when no length does (a score of 0 or less).
   */
  static long lengthBelow(double score, double[] idf, double[] freq, double avgdl) {
    if (!(score > 0)) {
      return Long.MAX_VALUE;
    }
    long lo = 0;
    long hi = 1;
    while (bound(idf, freq, hi, avgdl) >= score) {
      if (hi > Long.MAX_VALUE / 4) {
        return Long.MAX_VALUE;
      }
      lo = hi;
      hi *= 2;
    }
    // bound(lo) >= score (or lo = 0), bound(hi) < score
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (bound(idf, freq, mid, avgdl) >= score) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return bound(idf, freq, lo, avgdl) < score ? lo : hi;
  }

  /**
   * The most times (weighted by column) one article can hold a phrase, from each of its tokens'
   * counts over the whole archive: {@code docs[t][c]} articles hold token {@code t} in column
   * {@code c}, {@code instances[t][c]} times in all. One article holds it in a column at most the
   * instances less one for each other article that holds it there; a phrase is held no more often
   * than any one of its tokens.
   */
  static double maxFrequency(long[][] docs, long[][] instances) {
    for (long[] d : docs) {
      for (long n : d) {
        if (n < 0) {
          return Double.POSITIVE_INFINITY;
        }
      }
    }
    double f = 0;
    for (int c = 0; c < WEIGHT.length; c++) {
      long most = Long.MAX_VALUE;
      for (int t = 0; t < docs.length; t++) {
        most = Math.min(most, docs[t][c] == 0 ? 0 : instances[t][c] - docs[t][c] + 1);
      }
      f += WEIGHT[c] * (docs.length == 0 ? 0 : most);
    }
    return f;
  }

  /**
   * The articles holding a token when a single column holds it ({@code docs} by column, as {@link
   * #maxFrequency} takes them): then they are exactly its matches. -1 when none or several columns
   * hold it (an article may hold it in two), or a count is unknown.
   */
  static long onlyColumn(long[] docs) {
    long only = -1;
    for (long n : docs) {
      if (n < 0 || n > 0 && only >= 0) {
        return -1;
      }
      if (n > 0) {
        only = n;
      }
    }
    return only;
  }

  /**
   * The phrases of a full-text expression that is only phrases joined by AND ({@code "a"}, {@code
   * "a b" AND "c"}), unquoted; null for any other expression (OR, NOT, prefixes, columns, NEAR),
   * which is then scored match by match.
   */
  static List<String> phrases(String match) {
    if (match == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    while (true) {
      if (i >= match.length() || match.charAt(i) != '"') {
        return null;
      }
      StringBuilder phrase = new StringBuilder();
      i++;
      while (true) {
        if (i >= match.length()) {
          return null;
        }
        char c = match.charAt(i++);
        if (c == '"') {
          if (i < match.length() && match.charAt(i) == '"') {
            phrase.append('"');
            i++;
          } else {
            break;
          }
        } else {
          phrase.append(c);
        }
      }
      out.add(phrase.toString());
      if (i == match.length()) {
        return out;
      }
      if (!match.startsWith(" AND ", i)) {
        return null;
      }
      i += 5;
    }
  }

  /** Reads the SQLite varints of {@code bytes} (FTS5's records are made of them). */
  static long[] varints(byte[] bytes) {
    List<Long> out = new ArrayList<>();
    int i = 0;
    while (i < bytes.length) {
      long v = 0;
      int n = 0;
      while (true) {
        int b = bytes[i++] & 0xff;
        if (n == 8) {
          v = (v << 8) | b;
          break;
        }
        v = (v << 7) | (b & 0x7f);
        n++;
        if ((b & 0x80) == 0 || i >= bytes.length) {
          break;
        }
      }
      out.add(v);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }
}
