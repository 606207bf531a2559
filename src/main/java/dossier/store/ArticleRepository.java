package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Hit;
import dossier.query.CompiledQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads and writes articles, their originals and their tags. */
public final class ArticleRepository {
  /** The columns listings read ({@link Columns#LISTED}), with the tags, in {@code engine}'s SQL. */
  private static String columnsOf(Engine engine) {
    return Columns.read(Columns.LISTED, engine)
        + ", (SELECT "
        + engine.lines("name")
        + " FROM (SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE"
        + " x.article_id = a.id ORDER BY t.key) tn) AS tag_names";
  }

  /** The columns listings read, with the tags, as this archive's engine says them. */
  private final String columns;

  /** The long text columns, read with whole articles. */
  private static final String TEXT_COLUMNS =
      Columns.names(Columns.select(Columns.ROW, ArticleField::isText), "a");

  /** The columns of a whole article. */
  private static final List<ArticleField> WHOLE = Columns.ROW;

  /**
   * The bm25 score of every article that the rank expression (the first parameter) matches, as
   * {@code ranked(id, s)}; lower is better.
   */
  private static final String RANKED =
      "WITH ranked(id, s) AS MATERIALIZED (SELECT rowid, bm25(articles_fts, "
          + Ranking.WEIGHTS
          + ") FROM articles_fts WHERE articles_fts MATCH ?)";

  /**
   * The snippet of a page's row {@code page.id}, {@code tokens} long ({@link
   * Ranking#snippetTokens}), cut by the MATCH bound last.
   */
  private static String snippet(int tokens) {
    return "(SELECT snippet(articles_fts, 1, char(57344), char(57345), '…', "
        + Ranking.snippetTokens(tokens)
        + ") FROM articles_fts WHERE articles_fts MATCH ? AND rowid = page.id)";
  }

  /** The start of the body, as the snippet of a row that no word matched. */
  private static String bodyStart(int tokens) {
    return "substr(a.body, 1, " + Ranking.snippetChars(tokens) + ")";
  }

  private final Archive archive;
  private final ArticleWriter writer;
  private final QueryPlans plans;
  private PreparedStatement byHash;

  ArticleRepository(Archive archive) {
    this.archive = archive;
    this.columns = columnsOf(archive.engine());
    this.writer = new ArticleWriter(archive);
    this.plans = new QueryPlans(archive, this);
  }

  private Connection conn() {
    return archive.connection();
  }

  /** The id of the article whose extracted body has this hash, if one is stored. */
  public Optional<Long> idByHash(String hash) {
    try {
      if (byHash == null) {
        byHash = conn().prepareStatement("SELECT id FROM articles WHERE content_hash = ?");
      }
      byHash.setString(1, hash);
      try (ResultSet rs = byHash.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("cannot look up article", e);
    }
  }

  /** Stores a new article with its original and tags; call inside {@link Archive#write}. */
  public long insert(NewArticle n, String importedAt) {
    return writer.insert(n, importedAt);
  }

  /**
   * Stores new articles with their originals and tags, several to a statement, and returns their
   * ids in the same order; call inside {@link Archive#write}. None may have the text of a stored
   * article or of another in the list.
   */
  public long[] insertAll(List<NewArticle> ns, String importedAt) {
    return writer.insertAll(ns, importedAt);
  }

  /**
   * Replaces the extracted fields, path and original of a stored article with a new import of the
   * same text, keeping its tags, status, star and note, and every field a person set ({@link
   * Article#pinned}).
   */
  public void update(long id, NewArticle n) {
    writer.update(id, n);
  }

  /** Gives an article a tag (normalized name), creating the tag when it is new. */
  public void addTag(long articleId, String normalizedTag) {
    writer.addTag(articleId, normalizedTag);
  }

  /**
   * Makes every query with words and a filter use {@code plan} (null: choose by the counts again);
   * for tests and benchmarks, which check that each plan gives the same answer.
   */
  public void forcePlan(Plan plan) {
    plans.force(plan);
  }

  /**
   * Forgets the kept choices of plans and the kept total of the last search; benchmarks call it to
   * time a first screen.
   */
  public void forgetPlans() {
    plans.forget();
    totalQuery = null;
  }

  /**
   * Whether a page of a common word is looked for among the shortest articles first (the default;
   * on a server, from the index of repeated words) or found by scoring every match; for tests and
   * benchmarks, which compare the two.
   */
  public void shortFirst(boolean on) {
    plans.tuneShortFirst(on ? Planner.SHORT_FIRST_MATCHES : Long.MAX_VALUE);
    oneWordWalk = on ? ONE_WORD_WALK : Double.POSITIVE_INFINITY;
    boundedFrom = on ? BOUNDED_FROM : Long.MAX_VALUE;
    totalQuery = null;
  }

  /**
   * How the page {@code limit} from {@code offset} of a query with words is ranked, as {@code
   * search --explain} prints it: found among the shortest articles first (and how that walk ended),
   * or with every match scored. Finds the page to tell.
   */
  public String ranking(CompiledQuery q, int limit, int offset) {
    forgetPlans();
    search(q, limit, offset, h -> {});
    String way = lastShortFirst();
    return way == null
        ? "bm25 over every match"
        : "bm25 over the matches among the shortest articles (" + way + "), the rest bounded";
  }

  /** How the last search's page was found shortest first; null when every match was scored. */
  String lastShortFirst() {
    return plans.lastWay;
  }

  /** Looks for pages shortest first from {@code matches} matches on, so that tests reach it. */
  void tuneShortFirst(long matches) {
    plans.tuneShortFirst(matches);
    totalQuery = null;
  }

  /** Sets the two thresholds of the planner, so that tests can reach every branch. */
  void tunePlan(long fewMatches, long setStepsPerMatch) {
    plans.tune(fewMatches, setStepsPerMatch);
    totalQuery = null;
  }

  /**
   * Chooses how to find the articles of a query with words; see {@link Plan}. The last choice is
   * kept, since a screen of results asks for its page and its count in turn.
   */
  public Plan plan(CompiledQuery q) {
    return plans.plan(q);
  }

  /**
   * {@code fresh} (a new extraction) with every field a person set in {@code current} kept as it
   * is, and its origin with it.
   */
  public static Article keepPinned(Article current, Article fresh) {
    Article out = fresh;
    java.util.Map<String, String> origins = new java.util.LinkedHashMap<>(fresh.provenance());
    for (ArticleField f : ArticleField.METADATA) {
      if (current.pinned(f)) {
        out = out.with(f, f.get(current));
        origins.put(f.json(), ArticleField.EDIT);
      }
    }
    return out == fresh ? fresh : out.withProvenance(origins);
  }

  /** One article with its body, or empty when no article has this id. */
  public Optional<Article> get(long id) {
    String sql = "SELECT " + columns + ", " + TEXT_COLUMNS + " FROM articles a WHERE a.id = ?";
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(readArticle(rs, true)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("cannot read article " + id, e);
    }
  }

  /** The articles of {@code ids} that exist, with their bodies, by id. */
  public Map<Long, Article> getAll(List<Long> ids) {
    Map<Long, Article> out = new HashMap<>();
    String sql =
        "SELECT "
            + columns
            + ", "
            + TEXT_COLUMNS
            + " FROM "
            + archive.engine().ids("j")
            + " JOIN articles a ON a.id = j.value";
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      st.setString(1, ids.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Article a = readArticle(rs, true);
          out.put(a.id(), a);
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("cannot read articles", e);
    }
  }

  /** The original bytes an article was imported from. */
  public Optional<byte[]> original(long id) {
    try (PreparedStatement st =
        conn().prepareStatement("SELECT size, data FROM originals WHERE article_id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(Originals.decompress(rs.getBytes(2), rs.getInt(1)));
      }
    } catch (SQLException e) {
      throw fail("cannot read the original of article " + id, e);
    }
  }

  /** How many articles match. */
  public long count(CompiledQuery q) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (archive.onServer()) {
      long kept = keptCount(q);
      if (kept >= 0) {
        return kept;
      }
      if (oneWord(q)) {
        try {
          long[] word = keptWordCount(q.postgres().rank(), false);
          if (word != null) {
            return word[0];
          }
        } catch (SQLException e) {
          throw fail("cannot count articles", e);
        }
      }
      sql.append("SELECT count(*) FROM articles a");
      appendFilter(Engine.POSTGRES, sql, params, q);
      return number(sql.toString(), params, "cannot count articles");
    }
    if (q.hasText()) {
      Plan plan = plans.plan(q);
      long kept = keptCount(q);
      if (kept >= 0) {
        return kept;
      }
      if (plan == Plan.INDEX_ONLY) {
        return plans.ftsCount(q.match());
      }
      sql.append("SELECT count(*) FROM ").append(QueryPlans.matches(q, plan));
      params.add(q.match());
      params.addAll(q.params());
    } else if (q.tagSplit() != null && q.tagSplit().rest() == null && plans.form(q).page()) {
      // tags alone, counted from the tag index without reading an article: every tag link names
      // a stored article (a foreign key, removed with the article)
      // (DISTINCT: an article can carry a tag and a tag under it, and tag:x counts it once)
      sql.append("SELECT count(DISTINCT article_id) FROM (");
      String sep = "";
      for (CompiledQuery.Part set : q.tagSplit().tagSets()) {
        sql.append(sep).append(set.sql());
        params.addAll(set.params());
        sep = " INTERSECT ";
      }
      sql.append(")");
    } else {
      sql.append("SELECT count(*) FROM articles a WHERE (")
          .append(plans.countFilter(q))
          .append(")");
      params.addAll(q.params());
    }
    return number(sql.toString(), params, "cannot count articles");
  }

  /** {@link #keptTotal} for {@link #count}. */
  private long keptCount(CompiledQuery q) {
    try {
      return keptTotal(q);
    } catch (SQLException e) {
      throw fail("cannot count articles", e);
    }
  }

  /** The number the query {@code sql} gives, with {@code params} bound. */
  long number(String sql, List<Object> params, String failure) {
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw fail(failure, e);
    }
  }

  /**
   * How the articles of a query with words are found. The full-text index knows how many articles
   * its words match but not how many pass the filter beside them, and SQLite's planner guesses
   * both, so the choice is made here from two cheap counts (see {@link #plan}).
   */
  public enum Plan {
    /** No filter: the full-text index answers alone. */
    INDEX_ONLY("the full-text index alone"),
    /**
     * Walk the word matches and test each against the filter: on its article row, or on its own tag
     * rows when the filter is on ids alone.
     */
    EACH_MATCH("each word match tested against the filter"),
    /**
     * Collect the filter's articles through one of its indexes, then walk the word matches and keep
     * those in that set: no article lookups, and scores only for the rows kept.
     */
    FILTER_SET("the filter's articles collected by index, then the word matches among them");

    /** What the plan does, as {@code search --explain} prints it. */
    public final String description;

    Plan(String description) {
      this.description = description;
    }
  }

  /**
   * Streams the matching articles in {@code sort} order to {@code sink}; {@code limit} 0 means all.
   * {@link Sort#RELEVANCE} without words to rank by falls back to newest first.
   */
  public void list(
      CompiledQuery q, Sort sort, int limit, int offset, boolean withBody, Consumer<Article> sink) {
    StringBuilder sql = new StringBuilder("SELECT ").append(columns);
    if (withBody) {
      sql.append(", ").append(TEXT_COLUMNS);
    }
    List<Object> params = new ArrayList<>();
    if (archive.onServer()) {
      String rank = q.postgres().rank();
      boolean ranked = sort == Sort.RELEVANCE && rank != null;
      sql.append(" FROM articles a");
      appendFilter(Engine.POSTGRES, sql, params, q);
      sql.append(" ORDER BY ");
      if (ranked) {
        sql.append(PG_RANK).append(" DESC, a.id DESC");
        params.add(rank);
      } else {
        sql.append(pgOrderBy(sort));
      }
      appendLimit(sql, params, limit, offset);
      read(sql, params, withBody, sink);
      return;
    }
    boolean ranked = sort == Sort.RELEVANCE && q.rank() != null;
    // scores computed once for every match, not by a MATCH per listed row; articles that match
    // only through a filter (oil OR tag:x) have no score and go last
    String order = ranked ? "coalesce(rk.s, 0), a.id DESC" : orderBy(sort);
    QueryPlans.PageSql page = q.hasText() ? null : plans.page(q, sort, order);
    sql.append(page == null ? " FROM articles a" : page.from());
    if (ranked) {
      sql.insert(0, RANKED + " ").append(" LEFT JOIN ranked rk ON rk.id = a.id");
      params.add(q.rank());
    }
    if (page == null) {
      appendFilter(sql, params, q);
    } else {
      sql.append(" WHERE (").append(page.where()).append(")");
      params.addAll(q.params());
    }
    sql.append(" ORDER BY ").append(page == null ? order : page.orderBy());
    appendLimit(sql, params, limit, offset);
    read(sql, params, withBody, sink);
  }

  private void read(
      StringBuilder sql, List<Object> params, boolean withBody, Consumer<Article> sink) {
    try (PreparedStatement st = conn().prepareStatement(sql.toString())) {
      bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          sink.accept(readArticle(rs, withBody));
        }
      }
    } catch (SQLException e) {
      throw fail("cannot list articles", e);
    }
  }

  /**
   * An article's score on PostgreSQL for the tsquery of the first parameter: ts_rank_cd with the
   * weights of {@link Ranking#WEIGHTS} in its order (note D, caption C, body B, title A), scaled to
   * the title's.
   */
  static final String PG_RANK = pgRank("a");

  /** {@link #PG_RANK} over the tsvector of the alias {@code alias}. */
  static String pgRank(String alias) {
    return pgRankOf(alias + ".fts");
  }

  /** {@link #PG_RANK} of the tsvector expression {@code vector}. */
  private static String pgRankOf(String vector) {
    return "ts_rank_cd('{0.2, 0.4, 0.1, 1.0}', " + vector + ", to_tsquery('dossier', ?))";
  }

  /** ts_headline's options: the marks and length of SQLite's snippet. */
  static String pgHeadline(int tokens) {
    return "StartSel=\uE000, StopSel=\uE001, MaxWords="
        + Ranking.snippetTokens(tokens)
        + ", MinWords=5, MaxFragments=1, FragmentDelimiter=\"…\"";
  }

  /**
   * The tsquery of the parameter and its words as a body holds them, as {@code lx(q, l)}: the
   * tsquery, and an array of its lexemes, each without a last {@code i} (the stemmer writes {@code
   * happy} as {@code happi}), for {@link #pgSnippet}.
   */
  static final String PG_LEXEMES =
      "lx AS MATERIALIZED (SELECT t.q AS q, ARRAY(SELECT regexp_replace(m[1], 'i$', '') FROM"
          + " regexp_matches(querytree(t.q), '''([^'']+)''', 'g') m) AS l FROM (SELECT"
          + " to_tsquery('dossier', ?) AS q) t)";

  /**
   * The snippet of the page's row {@code a} for {@code lx} ({@link #PG_LEXEMES}), with the options
   * of the next two parameters. ts_headline parses and stems all the text it is given (about a
   * millisecond for a body of 2 kB), so it is first given a window of the body from a little before
   * the first place where a query word's prefix appears; only when no word is marked in that window
   * (the prefix was part of another word, or only the title matched) is the whole body read.
   */
  static String pgSnippet(int tokens) {
    int before = 6 * Ranking.snippetTokens(tokens);
    int length = 20 * Ranking.snippetTokens(tokens);
    // a window that would start inside a word starts after it
    String start =
        "CASE WHEN f.s0 > 1 THEN f.s0 + strpos(substr(a.body, f.s0, "
            + before
            + "), ' ') ELSE 1 END";
    return "coalesce((SELECT h FROM (SELECT ts_headline('dossier', substr(a.body, "
        + start
        + ", "
        + length
        + "), lx.q, ?) AS h) w WHERE strpos(h, chr(57344)) > 0), ts_headline('dossier', a.body,"
        + " lx.q, ?))";
  }

  /**
   * The join that {@link #pgSnippet} reads {@code f.s0} from: a little before the first place in
   * the body of {@code a} where a word of {@code lx} appears (1 when none does).
   */
  static String pgSnippetStart(int tokens) {
    return " CROSS JOIN LATERAL (SELECT greatest(1, coalesce(min(nullif(strpos(lower(a.body), p),"
        + " 0)), 1) - "
        + 6 * Ranking.snippetTokens(tokens)
        + ") AS s0 FROM unnest(lx.l) p) f";
  }

  /**
   * A word's page is found by {@link #pageOfOneWord} when its matches, squared, exceed this many
   * times the rows wanted times the articles.
   */
  private double oneWordWalk = ONE_WORD_WALK;

  private static final double ONE_WORD_WALK = 4.0;

  /**
   * A word alone is ranked by {@link #pageOfRankedWord} from this many matches per row wanted (its
   * few statements cost more than scoring a few hundred matches); a word beside a filter always,
   * unless this is {@link Long#MAX_VALUE} (every match scored).
   */
  private long boundedFrom = BOUNDED_FROM;

  private static final long BOUNDED_FROM = 16;

  /**
   * Sets {@link #boundedFrom}; 0 takes {@link #pageOfRankedWord} for every word it can rank, so
   * that tests reach it with few matches and without the planner's statistics.
   */
  void tuneBoundedPage(long fromMatchesPerRow) {
    boundedFrom = fromMatchesPerRow;
    totalQuery = null;
  }

  /**
   * True when {@link #pageOfRankedWord} finds the page of {@code q}, {@code wanted} rows, rather
   * than scoring every match; {@code kept} is {@link #keptWordCount} of its word (null: none).
   */
  private boolean boundedPage(CompiledQuery q, long[] kept, long wanted) throws SQLException {
    if (boundedFrom == Long.MAX_VALUE || kept == null || !rankedByOneWord(q)) {
      return false;
    }
    if (boundedFrom == 0) {
      return true;
    }
    // the matches of the index of repeated words are read and scored as well as found: when they
    // are more than a tenth of the word's articles, scoring every match costs less (1M articles:
    // a word that 38% of its articles repeat, beside a tag, 1.5 to 1.9 s against 0.7 to 1.2 s)
    if (!q.filtered() && kept[0] / Math.max(1, wanted) < boundedFrom) {
      return false;
    }
    long repeated = kept[2] >= 0 ? kept[2] : keptWordCount(q.postgres().rank(), true)[2];
    return repeated * 10 <= kept[0];
  }

  /**
   * Finds every one-word page by {@link #pageOfOneWord} (0) or as the store chooses (4), for tests.
   */
  void tuneOneWordWalk(double factor) {
    oneWordWalk = factor;
  }

  /**
   * True for a query that {@link #pageOfOneWord} can rank: one word alone, without a filter, a
   * prefix or a field.
   */
  static boolean oneWord(CompiledQuery q) {
    String rank = q.postgres().rank();
    return rank != null
        && !q.filtered()
        && rank.matches("'[^']+'")
        && q.postgres().params().equals(List.of(rank));
  }

  /**
   * True for a query ranked by one word that every match holds: a word alone or beside filters (a
   * tag, a date, a status), without a prefix, a field or another word. Its score is the word's
   * weighted count, so the bound of {@link #pageOfOneWord} holds among the matches of the filter.
   */
  static boolean rankedByOneWord(CompiledQuery q) {
    CompiledQuery.Postgres form = q.postgres();
    return form.rankIsMatch() && form.rank().matches("'[^']+'");
  }

  /**
   * The page of a query ranked by one word ({@link #rankedByOneWord}) that the walk of {@link
   * #pageOfOneWord} does not take (a filter beside the word, or a word too rare for the walk),
   * scoring only the matches that can enter it, in one statement. As there, a match that holds the
   * word once, in its body, scores the least a match can (0.1), and the matches of migration 018's
   * index score more: the page is among the best {@code offset + limit} of those that pass the
   * filter and, after them, the matches with the highest ids. The matches are found by id alone
   * (the word's index answers exactly, so no article's vector is read to test it), counted, and the
   * total is kept for the count that follows; only the candidates are scored.
   */
  private void pageOfRankedWord(
      CompiledQuery q, int limit, int offset, int snippetTokens, Consumer<Hit> sink)
      throws SQLException {
    String word = q.postgres().rank();
    long wanted = (long) limit + Math.max(0, offset);
    List<Object> params = new ArrayList<>();
    StringBuilder sql = matchesById(q, params);
    // the matches that score more than the least, best first (the filter tested again on them)
    sql.append(" OFFSET 0), r AS MATERIALIZED (SELECT a.id, ")
        .append(PG_RANK)
        .append(" AS r FROM articles a");
    params.add(word);
    appendFilter(Engine.POSTGRES, sql, params, q);
    sql.append(" AND dossier_repeated(a.fts) @@ to_tsquery('dossier', ?) ORDER BY r DESC, a.id")
        .append(" DESC LIMIT ?), page AS MATERIALIZED (SELECT a.id AS id, ")
        .append(PG_RANK)
        .append(" AS r, (SELECT count(*) FROM m) AS total FROM articles a WHERE a.id = ANY")
        .append(" (ARRAY(SELECT id FROM r UNION SELECT id FROM (SELECT id FROM m ORDER BY id DESC")
        .append(" LIMIT (SELECT count(*) FROM r) + ?) n)) ORDER BY r DESC, a.id DESC");
    params.add(word);
    params.add(wanted);
    params.add(word);
    params.add(wanted);
    appendLimit(sql, params, limit, offset);
    appendPgPage(sql, params, "page.total AS total, " + SNAPSHOT + " AS stamp, ", snippetTokens);
    String[] stamp = new String[1];
    long total = streamHits(sql.toString(), params, sink, stamp);
    if (total >= 0) {
      keepTotal(q, total, stamp[0]);
    }
  }

  /**
   * The start of a page statement on the server: {@code lx} ({@link #PG_LEXEMES}) of the rank, and
   * the ids of the matches of {@code q} as {@code m}, its SELECT left open after the filter; {@code
   * params} gets their values.
   */
  private static StringBuilder matchesById(CompiledQuery q, List<Object> params) {
    params.add(q.postgres().rank());
    StringBuilder sql =
        new StringBuilder("WITH ").append(PG_LEXEMES).append(", m AS MATERIALIZED (SELECT a.id");
    sql.append(" FROM articles a");
    appendFilter(Engine.POSTGRES, sql, params, q);
    return sql;
  }

  /**
   * The lexemes of a tsquery (quoted, as its text form prints them) that is a phrase of two or more
   * different plain words ({@code 'a' <-> 'b'}, {@link #phrase}) or two or more different plain
   * words joined by AND ({@code 'a' & 'b'}): no OR, NOT, prefix, weight, distance other than the
   * next place, or nesting.
   */
  record Words(List<String> lexemes, boolean phrase) {
    private static final String LEXEME = "'(?:[^']|'')+'";

    private static final java.util.regex.Pattern ONE = java.util.regex.Pattern.compile(LEXEME);

    private static final java.util.regex.Pattern SHAPE =
        java.util.regex.Pattern.compile(
            LEXEME + "(?:(?: <-> " + LEXEME + ")+|(?: & " + LEXEME + ")+)");

    /** The words of the text form {@code tsquery}, or null when it has another shape. */
    static Words of(String tsquery) {
      if (tsquery == null || !SHAPE.matcher(tsquery).matches()) {
        return null;
      }
      List<String> lexemes = new ArrayList<>();
      java.util.regex.Matcher m = ONE.matcher(tsquery);
      while (m.find()) {
        lexemes.add(m.group());
      }
      if (new java.util.HashSet<>(lexemes).size() < lexemes.size()) {
        return null;
      }
      return new Words(List.copyOf(lexemes), tsquery.contains(" <-> "));
    }

    /** A tsquery of any of the words. */
    String any() {
      return String.join(" | ", lexemes);
    }

    /** A tsquery of all the words, in any places. */
    String all() {
      return String.join(" & ", lexemes);
    }

    /**
     * A tsvector that holds each word once, in the body (weight B), in adjacent places, in the
     * query's order: the most that a match scores which holds each word once, in the body.
     */
    String onceEachInTheBody() {
      StringBuilder v = new StringBuilder();
      for (int i = 0; i < lexemes.size(); i++) {
        v.append(i == 0 ? "" : " ").append(lexemes.get(i)).append(':').append(i + 1).append('B');
      }
      return v.toString();
    }
  }

  /**
   * The page of a query ranked by a phrase of plain words or by plain words joined by AND ({@link
   * Words}) that every match holds, beside filters or alone, in one statement that scores every
   * match only when it must; false, with nothing sent to {@code sink}, when the rank has another
   * shape.
   *
   * <p>ts_rank_cd (normalization 0) sums, over the covers of the query in an article, their mean
   * weight divided by one plus the places inside the cover that hold none of the words. A match
   * that holds each word once, in the body, has one cover, which scores at most {@code least}: the
   * score of the words once each, adjacent, in the body (0.1; of a phrase, exactly that). Every
   * other match is among the articles that migration 018's index finds for any of the words. So the
   * page is among (a) the best {@code offset + limit} of the matches that index finds and (b) the
   * newest matches down to the {@code offset + limit}-th that scores at least {@code least}: a
   * match outside both scores at most {@code least}, and either less, below every row of (b), or
   * exactly that with a lower id. Only those are scored, unless (b) runs out of matches or that
   * index finds more than a tenth of the matches (the matches it finds, read and scored, would cost
   * more than scoring every match): then every match is scored, in the same statement. The matches
   * are found by id alone and counted, and the total is kept for the count that follows.
   */
  private boolean pageOfWords(
      CompiledQuery q, int limit, int offset, int snippetTokens, Consumer<Hit> sink)
      throws SQLException {
    String rank = q.postgres().rank();
    // (the words of the compiler's tsquery text are letters and digits: its operators are its own)
    if (rank.contains("|") || rank.contains("!") || rank.contains("':")) {
      return false;
    }
    long wanted = (long) limit + Math.max(0, offset);
    Words words;
    try (PreparedStatement st =
        conn().prepareStatement("SELECT CAST(to_tsquery('dossier', ?) AS text)")) {
      bind(st, List.of(rank));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        words = Words.of(rs.getString(1));
      }
    }
    boolean always = boundedFrom == 0;
    if (words == null || !always && manyRepeat(words)) {
      return false;
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = matchesById(q, params);
    // the articles of the index of repeated words: no more than a tenth of the matches and one
    sql.append(" OFFSET 0), mc AS MATERIALIZED (SELECT count(*) AS n FROM m), rep AS MATERIALIZED")
        .append(" (SELECT a.id FROM articles a WHERE dossier_repeated(a.fts) @@ CAST(? AS tsquery)")
        .append(" LIMIT (SELECT CASE WHEN ? THEN NULL ELSE n / 10 + 1 END FROM mc)), best AS")
        .append(" MATERIALIZED (SELECT s.id, s.r FROM rep CROSS JOIN LATERAL (SELECT a.id, ")
        .append(PG_RANK)
        .append(" AS r FROM articles a");
    params.add(words.any());
    params.add(always);
    params.add(rank);
    // (the filter tested on each of those articles, no other way: OFFSET 0 keeps it a loop)
    appendFilter(Engine.POSTGRES, sql, params, q);
    sql.append(" AND a.id = rep.id OFFSET 0) s ORDER BY s.r DESC, s.id DESC LIMIT ?), newest AS")
        .append(" MATERIALIZED (SELECT n.id, s.r FROM (SELECT id FROM m ORDER BY id DESC) n CROSS")
        .append(" JOIN LATERAL (SELECT ")
        .append(PG_RANK)
        .append(" AS r FROM articles a WHERE a.id = n.id OFFSET 0) s WHERE s.r >= ")
        .append(pgRankOf("CAST(? AS tsvector)"))
        .append(" ORDER BY n.id DESC LIMIT ?), ok AS MATERIALIZED (SELECT (? OR (SELECT count(*)")
        .append(" FROM rep) <= (SELECT n FROM mc) / 10) AND (SELECT count(*) FROM newest) >= ? AS")
        .append(" b), page AS MATERIALIZED (SELECT c.id AS id, c.r AS r, (SELECT n FROM mc) AS")
        .append(" total FROM (SELECT id, r FROM best WHERE (SELECT b FROM ok) UNION SELECT id, r")
        .append(" FROM newest WHERE (SELECT b FROM ok) UNION ALL SELECT s.id, s.r FROM m CROSS")
        .append(" JOIN LATERAL (SELECT a.id, ")
        .append(PG_RANK)
        .append(" AS r FROM articles a WHERE a.id = m.id OFFSET 0) s WHERE NOT (SELECT b FROM")
        .append(" ok)) c ORDER BY c.r DESC, c.id DESC");
    params.add(wanted);
    params.add(rank);
    params.add(words.onceEachInTheBody());
    params.add(rank);
    params.add(wanted);
    params.add(always);
    params.add(wanted);
    params.add(rank);
    appendLimit(sql, params, limit, offset);
    appendPgPage(
        sql,
        params,
        "page.total AS total, " + SNAPSHOT + " AS stamp, (SELECT b FROM ok) AS bounded, ",
        snippetTokens);
    String[] stamp = new String[2];
    long total = streamHits(sql.toString(), params, sink, stamp);
    if (total >= 0) {
      keepTotal(q, total, stamp[0]);
    }
    lastBounded = "t".equals(stamp[1]);
    return true;
  }

  /**
   * True when the index of repeated words finds, for any of {@code words}, more than a tenth of the
   * articles that hold the least common of them (migration 019's counts): more than a tenth of the
   * matches of {@link #pageOfWords}, which then scores every match; counted no further than that,
   * before the matches are looked for, so that such a page costs little more than before.
   */
  private boolean manyRepeat(Words words) throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "WITH w AS (SELECT coalesce(min(coalesce(k.docs, 0)), 0) AS d FROM"
                    + " unnest(CAST(? AS tsvector)) u LEFT JOIN dossier_lexemes k ON k.lexeme ="
                    + " u.lexeme) SELECT (SELECT count(*) FROM (SELECT 1 FROM articles a WHERE"
                    + " dossier_repeated(a.fts) @@ CAST(? AS tsquery) LIMIT (SELECT d / 10 + 1 FROM"
                    + " w)) s) > (SELECT d / 10 FROM w)")) {
      bind(st, List.of(words.onceEachInTheBody(), words.any()));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * How many articles hold the word of the tsquery {@code word}, from the numbers migration 019
   * keeps as articles are written, about how many articles there are, and about how many hold it
   * more than once or outside the body (from the planner's statistics of migration 018's index: the
   * word's share when it is among the index's common words, else half the least share listed; all
   * the articles when the index has no statistics; -1 unless {@code repeated}: the statistics cost
   * more than the rest); null when the tsquery is not one lexeme.
   */
  private long[] keptWordCount(String word, boolean repeated) throws SQLException {
    String estimate =
        repeated
            ? "n.n * coalesce((SELECT coalesce((SELECT u.f FROM"
                + " unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) u(e, f)"
                + " WHERE u.e = t.w), s.most_common_elem_freqs[cardinality(s.most_common_elems)"
                + " + 1] / 2) FROM pg_stats s WHERE s.schemaname = current_schema() AND"
                + " s.tablename = 'articles_fts_repeated' AND s.attname = 'dossier_repeated'"
                + " AND s.most_common_elems IS NOT NULL), 1)"
            : "-1";
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT numnode(t.q), coalesce((SELECT docs FROM dossier_lexemes WHERE lexeme ="
                    + " t.w), 0), n.n, "
                    + estimate
                    + " FROM (SELECT q,"
                    + " replace(substring(querytree(q) FROM '^''(.*)''$'), '''''', '''') AS w FROM"
                    + " (SELECT to_tsquery('dossier', ?) AS q) t0) t, (SELECT greatest(reltuples, 1)"
                    + " AS n FROM pg_class WHERE oid = 'articles'::regclass) n")) {
      bind(st, List.of(word));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1
            ? new long[] {rs.getLong(2), (long) rs.getDouble(3), (long) rs.getDouble(4)}
            : null;
      }
    }
  }

  /**
   * True when the walk of {@link #pageOfOneWord} beats scoring every match of a word that {@code
   * kept} articles of about {@code kept[1]} hold ({@link #keptWordCount}; null: not one lexeme): it
   * reads about {@code wanted * articles / total} of the newest articles, scoring reads total.
   */
  private boolean walks(long[] kept, long wanted) {
    return kept != null && (double) kept[0] * kept[0] > oneWordWalk * wanted * kept[1];
  }

  /**
   * The page of a query of one word ({@link #oneWord}) without scoring every match. Its score is
   * the word's weighted count (ts_rank_cd, normalization 0), and the least a match can have is one
   * place in the body (0.1); the index of migration 018 finds the matches that hold the word more
   * than once or outside the body, which all score more. So the page is among the best {@code
   * offset + limit} of those and, when there are fewer of them, the other matches with the highest
   * ids: the page is cut from these few candidates, scored as every match would be. The matches are
   * counted first, from the kept number of articles that hold the word (migration 019), and the
   * total is kept for the count that follows; returns false, with nothing sent to {@code sink},
   * when the tsquery of the word is more than one lexeme or the word is too rare for the walk of
   * the newest articles to beat scoring its matches.
   */
  private boolean pageOfOneWord(
      CompiledQuery q, int limit, int offset, int snippetTokens, Consumer<Hit> sink)
      throws SQLException {
    String word = q.postgres().rank();
    long wanted = (long) limit + Math.max(0, offset);
    long[] kept = keptWordCount(word, false);
    if (kept == null) {
      return false;
    }
    if (!walks(kept, wanted)) {
      return false;
    }
    long total = kept[0];
    long articles = kept[1];
    java.util.Set<Long> candidates = new java.util.LinkedHashSet<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT a.id, "
                    + PG_RANK
                    + " AS r FROM articles a WHERE dossier_repeated(a.fts) @@ to_tsquery('dossier',"
                    + " ?) ORDER BY r DESC, a.id DESC LIMIT ?")) {
      bind(st, List.of(word, word, wanted));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          candidates.add(rs.getLong(1));
        }
      }
    }
    int above = candidates.size();
    if (above < wanted) {
      newestMatches(word, wanted + above, total, articles, candidates);
    }
    List<Object> params = new ArrayList<>();
    params.add(word);
    params.add(word);
    params.add(conn().createArrayOf("bigint", candidates.toArray()));
    StringBuilder sql =
        new StringBuilder("WITH ")
            .append(PG_LEXEMES)
            .append(", page AS MATERIALIZED (SELECT a.id AS id, ")
            .append(PG_RANK)
            .append(" AS r FROM articles a WHERE a.id = ANY (?) ORDER BY r DESC, a.id DESC");
    appendLimit(sql, params, limit, offset);
    appendPgPage(sql, params, "", snippetTokens);
    streamHits(sql.toString(), params, sink);
    keepTotal(q, total);
    return true;
  }

  /**
   * Adds to {@code into} the {@code wanted} matches of {@code word} with the highest ids (fewer
   * when there are fewer), walking the articles newest id first in steps sized from the share of
   * them that match ({@code total} of about {@code articles}), so that the walk's plan does not
   * depend on the planner's guess of the word's frequency.
   */
  private void newestMatches(
      String word, long wanted, long total, long articles, java.util.Set<Long> into)
      throws SQLException {
    long step = 16 + 2 * wanted * Math.max(1, articles) / Math.max(1, total);
    long before = Long.MAX_VALUE;
    long found = 0;
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT min(s.id), array_agg(s.id ORDER BY s.id DESC) FILTER (WHERE s.fts @@"
                    + " to_tsquery('dossier', ?)) FROM (SELECT id, fts FROM articles WHERE id < ?"
                    + " ORDER BY id DESC LIMIT ?) s")) {
      while (found < wanted) {
        bind(st, List.of(word, before, step));
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          long least = rs.getLong(1);
          if (rs.wasNull()) {
            return;
          }
          java.sql.Array ids = rs.getArray(2);
          if (ids != null) {
            for (Object id : (Object[]) ids.getArray()) {
              if (found < wanted) {
                into.add(((Number) id).longValue());
                found++;
              }
            }
          }
          before = least;
        }
        step *= 2;
      }
    }
  }

  /**
   * Ends a page query on PostgreSQL whose CTEs {@code lx} ({@link #PG_LEXEMES}) and {@code page(id,
   * r)} are written: the page's rows with their columns, {@code extra}, score and snippet.
   */
  private void appendPgPage(
      StringBuilder sql, List<Object> params, String extra, int snippetTokens) {
    sql.append(") SELECT ")
        .append(columns)
        .append(", page.r AS score, ")
        .append(extra)
        .append(pgSnippet(snippetTokens))
        .append(" AS snip FROM page JOIN articles a ON a.id = page.id CROSS JOIN lx")
        .append(pgSnippetStart(snippetTokens))
        .append(" ORDER BY page.r DESC, a.id DESC");
    String options = pgHeadline(snippetTokens);
    params.add(options);
    params.add(options);
  }

  /** True when the last search on the server found its page without scoring every match. */
  private boolean lastBounded;

  /** {@link #lastBounded}, for tests. */
  boolean lastPageBounded() {
    return lastBounded;
  }

  /** The best matches on PostgreSQL: the page cut from ids and scores, snippets for it alone. */
  private void searchPg(
      CompiledQuery q, int limit, int offset, int snippetTokens, Consumer<Hit> sink) {
    String rank = q.postgres().rank();
    lastBounded = true;
    try {
      // a word too rare for the walk is scored in full by the one statement below, with no
      // snapshot to open; the walk reads the count again, with its candidates and its page, in one
      long wanted = (long) limit + Math.max(0, offset);
      long[] kept = limit > 0 && rankedByOneWord(q) ? keptWordCount(rank, q.filtered()) : null;
      if (oneWord(q)
          && walks(kept, wanted)
          && archive.readOneSnapshot(() -> pageOfOneWord(q, limit, offset, snippetTokens, sink))) {
        return;
      }
      if (limit > 0 && boundedPage(q, kept, wanted)) {
        pageOfRankedWord(q, limit, offset, snippetTokens, sink);
        return;
      }
      if (limit > 0
          && kept == null
          && rank != null
          && q.postgres().rankIsMatch()
          && boundedFrom != Long.MAX_VALUE
          && pageOfWords(q, limit, offset, snippetTokens, sink)) {
        return;
      }
    } catch (SQLException e) {
      throw fail("search failed", e);
    }
    lastBounded = false;
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (rank == null) {
      sql.append("SELECT ")
          .append(columns)
          .append(", 0.0 AS score, ")
          .append(bodyStart(snippetTokens))
          .append(" AS snip FROM articles a");
      appendFilter(Engine.POSTGRES, sql, params, q);
      sql.append(" ORDER BY ").append(pgOrderBy(Sort.NEWEST));
      appendLimit(sql, params, limit, offset);
    } else {
      // the total of matches comes with the page (every match is scored anyway) and is kept for
      // the count that follows; the matches are found before any is scored (OFFSET 0 keeps the
      // planner from ordering the word's matches first and testing the filter after), so that a
      // tag or a date beside a word scores only the articles that pass it
      sql.append("WITH ").append(PG_LEXEMES);
      params.add(rank);
      sql.append(", page AS MATERIALIZED (SELECT m.id AS id, ")
          .append(pgRank("m"))
          .append(" AS r, count(*) OVER () AS total FROM (SELECT a.id, a.fts FROM articles a");
      params.add(rank);
      appendFilter(Engine.POSTGRES, sql, params, q);
      sql.append(" OFFSET 0) m ORDER BY r DESC, m.id DESC");
      appendLimit(sql, params, limit, offset);
      appendPgPage(sql, params, "page.total AS total, " + SNAPSHOT + " AS stamp, ", snippetTokens);
    }
    try {
      String[] stamp = new String[1];
      long total = streamHits(sql.toString(), params, sink, rank != null ? stamp : null);
      if (total >= 0) {
        keepTotal(q, total, stamp[0]);
      }
    } catch (SQLException e) {
      throw fail("search failed", e);
    }
  }

  /** Runs a page query whose rows are an article's columns, its {@code score} and {@code snip}. */
  private void streamHits(String sql, List<Object> params, Consumer<Hit> sink) throws SQLException {
    streamHits(sql, params, sink, null);
  }

  /**
   * {@link #streamHits}; with {@code stamp}, the rows also carry the number of matches in a column
   * {@code total}, which is returned (-1 when there was no row), and the server's snapshot in a
   * column {@code stamp}, which is put in {@code stamp[0]} (and, when {@code stamp} has a second
   * slot, a column {@code bounded} as text in {@code stamp[1]}).
   */
  private long streamHits(String sql, List<Object> params, Consumer<Hit> sink, String[] stamp)
      throws SQLException {
    long found = -1;
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Article a = readArticle(rs, false);
          if (stamp != null) {
            found = rs.getLong("total");
            stamp[0] = rs.getString("stamp");
            if (stamp.length > 1) {
              stamp[1] = rs.getString("bounded");
            }
          }
          sink.accept(new Hit(a, rs.getDouble("score"), rs.getString("snip")));
        }
      }
    }
    return found;
  }

  /**
   * Streams the best matches of a query with words, best first, each with its bm25 score and a
   * snippet; a query without words is listed newest first with the start of the body as snippet.
   */
  public void search(CompiledQuery q, int limit, int offset, Consumer<Hit> sink) {
    search(q, limit, offset, 0, sink);
  }

  /**
   * {@link #search(CompiledQuery, int, int, Consumer)} with snippets of about {@code snippetTokens}
   * tokens (up to 64; 0 for the usual 14), so that a wide terminal gets a line's worth.
   */
  public void search(
      CompiledQuery q, int limit, int offset, int snippetTokens, Consumer<Hit> sink) {
    if (archive.onServer()) {
      searchPg(q, limit, offset, snippetTokens, sink);
      return;
    }
    List<Object> params = new ArrayList<>();
    boolean paged = false;
    boolean counted = false;
    StringBuilder sql = new StringBuilder("SELECT ").append(columns);
    if (q.hasText()) {
      // The page is cut from ids and scores alone; columns, tags and snippets are then read for
      // the rows of the page only, not for every match (a common word matches a tenth of an
      // archive). Without a filter the full-text index answers alone, with no join at all.
      sql.setLength(0);
      Plan plan = plans.plan(q);
      QueryPlans.Best best =
          limit > 0
              ? plans.shortFirst(
                  q, plan, (int) Math.min(Integer.MAX_VALUE, (long) limit + Math.max(0, offset)))
              : null;
      if (best != null) {
        page(q, best, limit, offset, snippetTokens, sink);
        return;
      }
      // Beside a filter, the matches' total comes with the page (a window over the rows that
      // are scored anyway) and is kept for the count that follows; the index alone counts
      // faster than a window over every match.
      counted = plan != Plan.INDEX_ONLY;
      sql.append("WITH page AS MATERIALIZED (SELECT id, r, ")
          .append(counted ? "count(*) OVER ()" : "-1")
          .append(" AS total FROM (SELECT articles_fts.rowid AS id, bm25(articles_fts, ")
          .append(Ranking.WEIGHTS)
          .append(") AS r FROM ")
          .append(QueryPlans.matches(q, plan))
          .append(") ORDER BY r, id DESC");
      params.add(q.match());
      params.addAll(q.params());
      appendLimit(sql, params, limit, offset);
      sql.append(") SELECT ")
          .append(columns)
          .append(", page.total AS total, -page.r AS score, ")
          .append(snippet(snippetTokens))
          .append(" AS snip")
          .append(" FROM page CROSS JOIN articles a ON a.id = page.id ORDER BY page.r, a.id DESC");
      params.add(q.match());
      paged = true;
    } else if (q.rank() != null) {
      // words under OR beside a filter (oil OR tag:x) order the matches but do not decide them:
      // their scores are computed once, the page is cut from ids and scores alone, and columns
      // and snippets are read only for the rows of the page
      sql.setLength(0);
      sql.append(RANKED)
          .append(", page AS (SELECT a.id AS id, coalesce(-rk.s, 0.0) AS score FROM articles a")
          .append(" LEFT JOIN ranked rk ON rk.id = a.id WHERE (")
          .append(q.where())
          .append(") ORDER BY score DESC, a.id DESC");
      params.add(q.rank());
      params.addAll(q.params());
      appendLimit(sql, params, limit, offset);
      sql.append(") SELECT ")
          .append(columns)
          .append(", page.score AS score, coalesce((SELECT snippet(articles_fts, 1, char(57344),")
          .append(" char(57345), '…', ")
          .append(Ranking.snippetTokens(snippetTokens))
          .append(") FROM articles_fts WHERE articles_fts MATCH ? AND rowid = page.id), ")
          .append(bodyStart(snippetTokens))
          .append(") AS snip FROM page CROSS JOIN articles a ON a.id = page.id")
          .append(" ORDER BY page.score DESC, a.id DESC");
      params.add(q.rank());
      paged = true;
    } else {
      QueryPlans.PageSql page = plans.page(q, Sort.NEWEST, orderBy(Sort.NEWEST));
      sql.append(", 0.0 AS score, ")
          .append(bodyStart(snippetTokens))
          .append(" AS snip")
          .append(page.from())
          .append(" WHERE (")
          .append(page.where())
          .append(") ORDER BY ")
          .append(page.orderBy());
      params.addAll(q.params());
    }
    if (!paged) {
      appendLimit(sql, params, limit, offset);
    }
    try (PreparedStatement st = conn().prepareStatement(sql.toString())) {
      bind(st, params);
      long total = -1;
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          if (counted) {
            total = rs.getLong("total");
          }
          Article a = readArticle(rs, false);
          sink.accept(new Hit(a, rs.getDouble("score"), rs.getString("snip")));
        }
      }
      if (total >= 0) {
        keepTotal(q, total);
      }
    } catch (SQLException e) {
      throw fail("search failed", e);
    }
  }

  /**
   * Streams rows {@code offset} to {@code offset + limit} of {@code best} (found by {@link
   * QueryPlans#shortFirst}) with their columns, tags and snippets, and keeps the total.
   */
  private void page(
      CompiledQuery q,
      QueryPlans.Best best,
      int limit,
      int offset,
      int snippetTokens,
      Consumer<Hit> sink) {
    List<QueryPlans.Scored> rows =
        best.rows()
            .subList(
                Math.min(best.rows().size(), Math.max(0, offset)),
                Math.min(best.rows().size(), Math.max(0, offset) + limit));
    try {
      if (!rows.isEmpty()) {
        StringBuilder sql = new StringBuilder("WITH page(id, r) AS (VALUES ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
          params.add(rows.get(i).id());
          params.add(rows.get(i).r());
        }
        sql.append(") SELECT ")
            .append(columns)
            .append(", -page.r AS score, ")
            .append(snippet(snippetTokens))
            .append(" AS snip FROM page CROSS JOIN articles a ON a.id = page.id")
            .append(" ORDER BY page.r, a.id DESC");
        params.add(q.match());
        streamHits(sql.toString(), params, sink);
      }
      keepTotal(q, best.total());
    } catch (SQLException e) {
      throw fail("search failed", e);
    }
  }

  /**
   * The total a search found beside its page, kept for {@link #count} until the archive changes.
   */
  private CompiledQuery totalQuery;

  private long totalKept;
  private String totalStamp;

  private void keepTotal(CompiledQuery q, long total) throws SQLException {
    keepTotal(q, total, null);
  }

  /**
   * {@link #keepTotal} with the server's snapshot {@code snapshot} ({@link #SNAPSHOT}) read in the
   * statement that counted, which is the change stamp itself outside a write (null: read it now).
   */
  private void keepTotal(CompiledQuery q, long total, String snapshot) throws SQLException {
    totalQuery = q;
    totalKept = total;
    totalStamp = snapshot != null && !archive.writing() ? snapshot : changeStamp();
  }

  /**
   * The server's current snapshot as text: it changes whenever a transaction that writes begins or
   * ends anywhere on the server.
   */
  static final String SNAPSHOT = "pg_current_snapshot()::text";

  /** The kept total of {@code q}, or -1 when there is none or the archive has changed since. */
  private long keptTotal(CompiledQuery q) throws SQLException {
    return sameArticles(q, totalQuery) && changeStamp().equals(totalStamp) ? totalKept : -1;
  }

  /**
   * True when two compiled queries select the same articles: the same full-text expression and the
   * same filter with the same values (how they are ranked or planned does not change the total).
   * Compared by hand rather than by the records' own equals, whose first call spins method-handle
   * classes at run time (about 30 ms of a search's start; no class-data archive holds them).
   */
  private static boolean sameArticles(CompiledQuery a, CompiledQuery b) {
    return b != null
        && java.util.Objects.equals(a.match(), b.match())
        && a.where().equals(b.where())
        && a.params().equals(b.params());
  }

  /**
   * Changes when this connection writes (SQLite's total_changes) or another one commits
   * (data_version); on PostgreSQL, the current snapshot ({@link #SNAPSHOT}) and, inside a write
   * transaction, the rows it has changed (outside one, this connection's statements commit as they
   * run, and so move the snapshot too).
   */
  String changeStamp() throws SQLException {
    String sql;
    if (!archive.onServer()) {
      sql = "SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version)";
    } else if (archive.writing()) {
      sql =
          "SELECT "
              + SNAPSHOT
              + " || '/' || (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM"
              + " pg_stat_xact_user_tables)";
    } else {
      sql = "SELECT " + SNAPSHOT;
    }
    try (PreparedStatement st = conn().prepareStatement(sql);
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The ORDER BY of a listing in {@code sort}, over the alias {@code a}. */
  static String orderBy(Sort sort) {
    return switch (sort) {
      case NEWEST, RELEVANCE -> "a.published DESC, a.id DESC";
      case OLDEST -> "a.published ASC, a.id ASC";
      case IMPORTED -> "a.imported DESC, a.id DESC";
      case TITLE -> "a.title COLLATE NOCASE ASC, a.id ASC";
    };
  }

  /**
   * The ORDER BY of a listing in {@code sort} on PostgreSQL: SQLite's order, whose nulls sort
   * first, and whose text compares by code point.
   */
  static String pgOrderBy(Sort sort) {
    return switch (sort) {
      case NEWEST, RELEVANCE -> "a.published DESC NULLS LAST, a.id DESC";
      case OLDEST -> "a.published ASC NULLS FIRST, a.id ASC";
      case IMPORTED -> "a.imported DESC, a.id DESC";
      case TITLE -> "lower(a.title) COLLATE \"C\" ASC, a.id ASC";
    };
  }

  /** Appends {@code WHERE} for {@code q} in the SQL of {@code engine}. */
  static void appendFilter(Engine engine, StringBuilder sql, List<Object> params, CompiledQuery q) {
    if (engine == Engine.POSTGRES) {
      sql.append(" WHERE (").append(q.postgres().where()).append(")");
      params.addAll(q.postgres().params());
    } else {
      appendFilter(sql, params, q);
    }
  }

  /** Appends {@code WHERE} for {@code q} over the alias {@code a}; other store classes use it. */
  static void appendFilter(StringBuilder sql, List<Object> params, CompiledQuery q) {
    sql.append(" WHERE (").append(q.where()).append(")");
    params.addAll(q.params());
    if (q.hasText()) {
      sql.append(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
      params.add(q.match());
    }
  }

  private static void appendLimit(StringBuilder sql, List<Object> params, int limit, int offset) {
    sql.append(" LIMIT ? OFFSET ?");
    // no limit: SQLite's -1, which PostgreSQL refuses; the largest number means the same to both
    params.add(limit <= 0 ? Long.MAX_VALUE : (long) limit);
    params.add((long) Math.max(0, offset));
  }

  static void bind(PreparedStatement st, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      st.setObject(i + 1, params.get(i));
    }
  }

  private static Article readArticle(ResultSet rs, boolean withBody) throws SQLException {
    return Columns.read(rs, withBody ? WHOLE : Columns.LISTED, true);
  }

  private StoreException fail(String what, SQLException e) {
    return new StoreException(Archive.describe(what, e), e);
  }
}
