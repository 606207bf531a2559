package dossier.query;

import java.util.List;

/**
 * A query ready for the store: an article matches when the FTS5 expression {@code match} (if any)
 * matches it and the SQL condition {@code where} holds. {@code where} is written over the alias
 * {@code a} for the articles table, and every value in it is a {@code ?} bound from {@code params}
 * in order; no user text is ever part of the SQL itself.
 *
 * @param match an FTS5 MATCH expression, or null for a pure filter query
 * @param where an SQL boolean expression over {@code a}, {@code "1"} when there is no filter
 * @param params the values for the {@code ?} in {@code where}
 * @param rank the FTS5 expression to score and cut snippets by: {@code match} when there is one;
 *     otherwise the words that sit under OR or NOT beside filters ({@code oil OR tag:energy}),
 *     which decide relevance but not membership; null when the query has no words to rank by
 * @param probe the same condition as {@code where}, with the same parameters, written to test
 *     articles already found one at a time (by the full-text index, say): a tag is looked up in the
 *     article's own tag rows instead of collecting every article of the tag first
 * @param tagSplit for a filter without words that is tags, or ANDs tags with other conditions, what
 *     the store needs to choose how to find the articles; else null
 * @param dated true when every article the query selects has a publication date (a {@code date:}
 *     range in its top-level AND), so that newest first is the order of that date alone
 */
public record CompiledQuery(
    String match,
    String where,
    List<Object> params,
    String rank,
    String probe,
    TagSplit tagSplit,
    boolean dated) {
  /** A piece of SQL with the values for its {@code ?}, in order. */
  public record Part(String sql, List<Object> params) {
    public Part {
      params = List.copyOf(params);
    }
  }

  /**
   * A filter of tags, alone or ANDed with other conditions, taken apart.
   *
   * @param member the same condition as {@code where}, with the same parameters, with each tag
   *     written as a test only ({@code +a.id IN (...)}), so that SQLite finds the articles through
   *     the other conditions' index and tests each against the tags' sets
   * @param tagSets for each tag of the AND, the SELECT of its articles' ids
   * @param rest the other conditions of the AND, over the alias {@code a}; null when there are only
   *     tags
   */
  public record TagSplit(String member, List<Part> tagSets, Part rest) {
    public TagSplit {
      tagSets = List.copyOf(tagSets);
    }
  }

  public static final CompiledQuery ALL = new CompiledQuery(null, "1", List.of());

  public CompiledQuery {
    where = where == null || where.isBlank() ? "1" : where;
    params = params == null ? List.of() : List.copyOf(params);
    rank = match != null ? match : rank;
    probe = probe == null || probe.isBlank() ? where : probe;
  }

  public CompiledQuery(String match, String where, List<Object> params) {
    this(match, where, params, match, where, null, false);
  }

  /** True when the query has words to rank by. */
  public boolean hasText() {
    return match != null;
  }
}
