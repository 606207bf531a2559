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
 * @param filtered true when the query has a filter beside its words ({@code where} is not {@code
 *     "1"})
 * @param access how the filter's articles can be found without reading every article
 * @param rowidProbe when the filter tests nothing of an article but its id (tags, ids, words under
 *     OR or NOT, untagged), {@code probe} written over the full-text table's {@code
 *     articles_fts.rowid} instead of {@code a.id}, so that word matches are tested without reading
 *     their article rows; else null
 */
public record CompiledQuery(
    String match,
    String where,
    List<Object> params,
    String rank,
    String probe,
    TagSplit tagSplit,
    boolean dated,
    boolean filtered,
    Access access,
    String rowidProbe,
    Postgres postgres) {
  /**
   * The same query for the PostgreSQL store: {@code where} over the alias {@code a} decides
   * membership alone (its words are {@code a.fts @@ to_tsquery('dossier', ?)} tests), {@code
   * params} binds its {@code ?} in order, and {@code rank} is the tsquery text that scores and cuts
   * snippets (null when there are no words to rank by). {@code rankIsMatch}: the query is its
   * filters and one test of the expression it is ranked by, so that every match holds it (false
   * when a filter is OR'ed with the words, or no words rank it).
   */
  public record Postgres(String where, List<Object> params, String rank, boolean rankIsMatch) {
    public Postgres {
      params = List.copyOf(params);
    }

    /** Every article. */
    static final Postgres ALL = new Postgres("TRUE", List.of(), null, false);
  }

  /**
   * How the articles a filter selects can be found, as the compiler knows it from the query's
   * structure: what the store's planner needs instead of reading the SQL.
   */
  public enum Access {
    /** No index finds them: every article is read and tested. */
    SCAN,
    /** By id: the rows of a tag, of a word match, or ids given. */
    ID,
    /** Through a date's index (publication or import date): a range of it. */
    DATE,
    /** Through another index (the status, the star). */
    INDEX;

    /** True when some index finds the articles. */
    public boolean indexed() {
      return this != SCAN;
    }

    /**
     * The access of an AND of conditions: the one that SQLite prefers (an id, then an equality,
     * then a range).
     */
    static Access and(Access a, Access b) {
      for (Access x : List.of(ID, INDEX, DATE)) {
        if (a == x || b == x) {
          return x;
        }
      }
      return SCAN;
    }

    /** The access of an OR: only when every branch has one (one index each) is there one. */
    static Access or(Access a, Access b) {
      if (a == SCAN || b == SCAN) {
        return SCAN;
      }
      return a == b ? a : INDEX;
    }
  }

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
   * @param restAccess how the articles of {@code rest} can be found ({@link Access#SCAN} when there
   *     is none)
   */
  public record TagSplit(String member, List<Part> tagSets, Part rest, Access restAccess) {
    public TagSplit {
      tagSets = List.copyOf(tagSets);
    }
  }

  public static final CompiledQuery ALL = new CompiledQuery(null);

  public CompiledQuery {
    where = where == null || where.isBlank() ? "1" : where;
    params = params == null ? List.of() : List.copyOf(params);
    rank = match != null ? match : rank;
    probe = probe == null || probe.isBlank() ? where : probe;
    access = access == null ? Access.SCAN : access;
    postgres = postgres == null ? Postgres.ALL : postgres;
  }

  /** This query with its PostgreSQL form. */
  CompiledQuery withPostgres(Postgres pg) {
    return new CompiledQuery(
        match, where, params, rank, probe, tagSplit, dated, filtered, access, rowidProbe, pg);
  }

  /** Words alone, or no query at all ({@link #ALL}). */
  private CompiledQuery(String match) {
    this(match, "1", List.of(), match, "1", null, false, false, Access.SCAN, null, Postgres.ALL);
  }

  /** True when the query has words to rank by. */
  public boolean hasText() {
    return match != null;
  }
}
