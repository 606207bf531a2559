package dossier.store;

import dossier.query.CompiledQuery;
import dossier.store.ArticleRepository.Plan;
import dossier.store.Planner.Form;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.ProgressHandler;

/**
 * How the queries of one connection are answered: the plans and forms chosen for them (by {@link
 * Planner} from counts measured here), kept while a screen asks for its page and its count in turn,
 * and the SQL shapes those choices give.
 */
final class QueryPlans {
  private final Archive archive;
  private final ArticleRepository repo;
  private Plan forcedPlan;
  private Planner planner = Planner.DEFAULT;
  private CompiledQuery plannedQuery;
  private Plan plannedPlan;

  QueryPlans(Archive archive, ArticleRepository repo) {
    this.archive = archive;
    this.repo = repo;
  }

  private Connection conn() {
    return archive.connection();
  }

  private static void bind(PreparedStatement st, List<Object> params) throws SQLException {
    ArticleRepository.bind(st, params);
  }

  private static StoreException fail(String what, SQLException e) {
    return new StoreException(Archive.describe(what, e), e);
  }

  /** The largest article id: the number of articles, near enough, read from the key alone. */
  private long newestId() {
    return repo.number(
        "SELECT coalesce(max(id), 0) FROM articles", List.of(), "cannot plan the query");
  }

  private CompiledQuery formQuery;
  private Form form;

  /**
   * The form of the filter of {@code q} (see {@link Form}), chosen by two counts bounded by those
   * sizes and read from indexes alone. A forced plan forces the form: {@link Plan#FILTER_SET} the
   * sets, {@link Plan#EACH_MATCH} the member form.
   */
  Form form(CompiledQuery q) {
    CompiledQuery.TagSplit split = q.tagSplit();
    if (q.hasText() || split == null) {
      return Form.SETS;
    }
    if (forcedPlan != null) {
      // the count in the member form, the page tested article by article: both ways checked
      return forcedPlan == Plan.EACH_MATCH ? Form.EACH : Form.SETS;
    }
    if (!q.equals(formQuery)) {
      form = chooseForm(split);
      formQuery = q;
    }
    return form;
  }

  private Form chooseForm(CompiledQuery.TagSplit split) {
    long tagged = Planner.TAGGED_CAP;
    for (CompiledQuery.Part set : split.tagSets()) {
      tagged = Math.min(tagged, countUpTo(set.sql(), set.params(), tagged));
    }
    long rest = 0;
    if (split.rest() != null && split.restAccess().indexed()) {
      rest =
          countUpTo(
              "SELECT 1 FROM articles a WHERE (" + split.rest().sql() + ")",
              split.rest().params(),
              Planner.restBound(tagged));
    }
    return Planner.form(tagged, newestId(), split.rest() != null, split.restAccess(), rest);
  }

  /** The condition that counts the articles of the filter {@code q}. */
  String countFilter(CompiledQuery q) {
    return form(q).count() ? q.tagSplit().member() : q.where();
  }

  /** The condition that finds a page of the filter {@code q}. */
  private String pageFilter(CompiledQuery q) {
    Form f = form(q);
    return f.probe() ? q.probe() : f.page() ? q.tagSplit().member() : q.where();
  }

  /** The order of a page of the filter {@code q}; see {@link Form#sort}. */
  private String order(CompiledQuery q, String orderBy) {
    return form(q).sort() ? "+" + orderBy : orderBy;
  }

  /**
   * For a filter whose articles all have a publication date, listed newest or oldest first: that
   * order written on the date alone, which its index gives within the filter's range (the order is
   * the same: the date is what the newest-first order takes when there is one). Null for any other
   * query or order. Used for a filter with tags only when its page is not found through the tags
   * (see {@link Form#page}): a small tag's few articles are sorted sooner.
   */
  private String datedOrder(CompiledQuery q, Sort sort) {
    if (!q.dated() || q.rank() != null || (q.tagSplit() != null && !form(q).page())) {
      return null;
    }
    return switch (sort) {
      case NEWEST, RELEVANCE -> "a.published DESC, a.id DESC";
      case OLDEST -> "a.published ASC, a.id ASC";
      default -> null;
    };
  }

  /**
   * The condition of a page in date order: the tags, if any, tested on each article the date index
   * gives in order, so that the page stops at its last row.
   */
  private String datedFilter(CompiledQuery q) {
    return q.tagSplit() != null ? pageFilter(q) : q.where();
  }

  /** FROM, WHERE and ORDER BY of a page of a filter without words. */
  record PageSql(String from, String where, String orderBy) {}

  /** The page of the filter {@code q} in {@code sort}, whose order is {@code orderBy}. */
  PageSql page(CompiledQuery q, Sort sort, String orderBy) {
    String dated = datedOrder(q, sort);
    return dated != null
        ? new PageSql(" FROM articles a", datedFilter(q), dated)
        : new PageSql(pageFrom(q, sort), pageFilter(q), order(q, orderBy));
  }

  /**
   * The articles table of a page of the filter {@code q} in {@code sort}; see {@link Form#walk}.
   */
  private String pageFrom(CompiledQuery q, Sort sort) {
    return (sort == Sort.NEWEST || sort == Sort.OLDEST) && form(q).walk()
        ? " FROM articles a INDEXED BY articles_newest"
        : " FROM articles a";
  }

  /** The number of rows {@code select} gives, counting no further than {@code limit}. */
  private long countUpTo(String select, List<Object> params, long limit) {
    List<Object> all = new ArrayList<>(params);
    all.add(limit);
    return repo.number(
        "SELECT count(*) FROM (" + select + " LIMIT ?)", all, "cannot plan the query");
  }

  /**
   * FROM and WHERE for the word matches of {@code q} that pass its filter, done the {@code plan}
   * way, over the full-text table: the MATCH is the first parameter, then the filter's.
   */
  static String matches(CompiledQuery q, Plan plan) {
    return matches(q, plan, null);
  }

  /**
   * {@link #matches}, with {@code first} (a condition on the full-text table's rows, whose
   * parameters come after the MATCH and before the filter's) tested before the filter.
   */
  static String matches(CompiledQuery q, Plan plan, String first) {
    String match =
        "articles_fts WHERE articles_fts MATCH ?" + (first == null ? "" : " AND " + first);
    return switch (plan) {
      case INDEX_ONLY -> match;
      // the + keeps the set out of the index's own lookups: it is a test on each of its rows
      case FILTER_SET ->
          match
              + " AND +articles_fts.rowid IN (SELECT a.id FROM articles a WHERE ("
              + q.where()
              + "))";
      case EACH_MATCH ->
          q.rowidProbe() == null
              // CROSS JOIN keeps the full-text index as the outer loop, so that the planner does
              // not walk the filter's articles and run the whole MATCH for each of them
              ? "articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE"
                  + " articles_fts MATCH ?"
                  + (first == null ? "" : " AND " + first)
                  + " AND ("
                  + q.probe()
                  + ")"
              // a filter on the id alone (tags, id:) needs no article row: at a million
              // articles, reading those rows was most of the time
              : match + " AND (" + q.rowidProbe() + ")";
    };
  }

  /**
   * Makes every query with words and a filter use {@code plan} (null: choose by the counts again);
   * for tests and benchmarks, which check that each plan gives the same answer.
   */
  void force(Plan plan) {
    forcedPlan = plan == Plan.INDEX_ONLY ? null : plan;
  }

  /**
   * Forgets the kept choice of {@link #plan} and of the forms; benchmarks call it to time a first
   * screen.
   */
  void forget() {
    plannedQuery = null;
    formQuery = null;
    counted.clear();
  }

  /** Sets the two thresholds of {@link #plan}, so that tests can reach every branch. */
  void tune(long fewMatches, long setStepsPerMatch) {
    forget();
    this.planner = new Planner(fewMatches, setStepsPerMatch);
  }

  /**
   * Chooses how to find the articles of a query with words; see {@link Plan}. The last choice is
   * kept, since a screen of results asks for its page and its count in turn: a choice that the
   * archive has outgrown since is slower, never wrong.
   */
  Plan plan(CompiledQuery q) {
    if (!q.filtered()) {
      return Plan.INDEX_ONLY;
    }
    if (forcedPlan != null) {
      return forcedPlan;
    }
    if (!q.equals(plannedQuery)) {
      plannedPlan = choosePlan(q);
      plannedQuery = q;
    }
    return plannedPlan;
  }

  /**
   * The articles of the kept plan's filter, when collecting them was tried and finished; else -1.
   */
  private long plannedSet = -1;

  private Plan choosePlan(CompiledQuery q) {
    plannedSet = -1;
    long matches = ftsCount(q.match());
    boolean tried = planner.trySet(q.filtered(), matches, q.access(), inTransaction());
    return Planner.plan(q.filtered(), tried, tried && setFinishes(q, planner.setBudget(matches)));
  }

  /**
   * Whether collecting the filter's articles finishes within {@code batches} of the planner's step
   * batches. Counting up to a LIMIT would not bound the work, since a tag's articles are all
   * collected before the first one is counted: SQLite's progress handler stops the count instead.
   */
  private boolean setFinishes(CompiledQuery q, long batches) {
    String sql = "SELECT count(*) FROM articles a WHERE (" + q.where() + ")";
    plannedSet = -1;
    long[] spent = {0};
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      bind(st, q.params());
      ProgressHandler.setHandler(
          conn(),
          Planner.STEP_BATCH,
          new ProgressHandler() {
            @Override
            protected int progress() {
              return ++spent[0] > batches ? 1 : 0;
            }
          });
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        plannedSet = rs.getLong(1);
        return true;
      } catch (SQLException e) {
        if (spent[0] > batches) {
          return false; // over budget: interrupted on purpose
        }
        throw e;
      } finally {
        ProgressHandler.clearHandler(conn());
      }
    } catch (SQLException e) {
      throw fail("cannot plan the query", e);
    }
  }

  private boolean inTransaction() {
    try {
      return !conn().getAutoCommit();
    } catch (SQLException e) {
      return true;
    }
  }

  /** One scored match: its id and bm25's value (lower is better). */
  record Scored(long id, double r) {}

  /** The best {@code rows} matches of a query, best first, and the total of its matches. */
  record Best(long total, List<Scored> rows) {}

  private long shortFirstFrom = Planner.SHORT_FIRST_MATCHES;

  /** How the last {@link #shortFirst} ended, for tests and {@code --explain}; null: it did not. */
  String lastWay;

  /**
   * Lowers the matches from which pages are found shortest first, so that tests reach it (below
   * {@link Planner#SHORT_FIRST_MATCHES}, a filter's share no longer decides it either).
   */
  void tuneShortFirst(long from) {
    shortFirstFrom = from;
  }

  /** The expression of the length index (null: the archive has none) and the tokenizer. */
  private String lengthExpr;

  private String tokenize;
  private boolean lengthRead;
  private boolean tokenizerMade;

  /**
   * The best {@code rows} matches of {@code q} (found the {@code plan} way) with bm25's own scores,
   * in bm25's order, found among the shortest articles first (see {@link Ranking}): the same rows
   * as scoring every match and keeping the best, proved by the bound. Null when the query's
   * expression or size does not lend itself to it, or the walk would grow too long: every match is
   * then scored.
   */
  Best shortFirst(CompiledQuery q, Plan plan, int rows) {
    lastWay = null;
    List<String> phrases = Ranking.phrases(q.match());
    if (phrases == null || rows <= 0 || rows > Planner.SHORT_FIRST_ROWS) {
      return null;
    }
    try {
      if (lengthIndex() == null) {
        return null;
      }
      long[] avg = averages();
      long articles = avg.length == 0 ? 0 : avg[0];
      long tokens = 0;
      for (int i = 1; i < avg.length; i++) {
        tokens += avg[i];
      }
      if (articles <= 0 || tokens <= 0) {
        return null;
      }
      if (plan != Plan.INDEX_ONLY && shortFirstFrom >= Planner.SHORT_FIRST_MATCHES) {
        long matches = ftsCount(q.match());
        if (!Planner.walkBesideFilter(Planner.filtered(matches, plannedSet, articles), matches)) {
          return null;
        }
      }
      List<List<String>> words = new ArrayList<>();
      List<long[][][]> stats = new ArrayList<>();
      for (String phrase : phrases) {
        List<String> w = tokens(phrase);
        if (w.isEmpty()) {
          return null;
        }
        words.add(w);
        stats.add(vocabulary(w));
      }
      // One word without a filter that one column alone holds: that column's articles are the
      // matches, and the index's count is not needed. Beside a filter, the first walk counts the
      // matches that pass it, in the pass that tests each of them anyway; until then the
      // filter's share of the archive (when its articles were counted) estimates it.
      long total =
          plan == Plan.INDEX_ONLY && phrases.size() == 1 && words.get(0).size() == 1
              ? Ranking.onlyColumn(stats.get(0)[0][0])
              : -1;
      if (total < 0 && plan == Plan.INDEX_ONLY) {
        total = ftsCount(q.match());
      }
      long expected =
          total >= 0 ? total : Planner.filtered(ftsCount(q.match()), plannedSet, articles);
      if (!Planner.shortFirst(expected, rows, shortFirstFrom)) {
        return null;
      }
      double avgdl = (double) tokens / articles;
      double[] idf = new double[phrases.size()];
      double[] freq = new double[phrases.size()];
      for (int i = 0; i < phrases.size(); i++) {
        long hits =
            phrases.size() == 1 && plan == Plan.INDEX_ONLY
                ? total
                : ftsCount("\"" + phrases.get(i).replace("\"", "\"\"") + "\"");
        idf[i] = Ranking.idf(articles, hits);
        freq[i] = Ranking.maxFrequency(stats.get(i)[0], stats.get(i)[1]);
      }
      long walk = Planner.firstWalk(rows, expected, articles);
      for (int round = 0; round < Planner.SHORT_FIRST_ROUNDS; round++) {
        String shortest = "ORDER BY (" + lengthExpr + "), id LIMIT ?";
        List<Scored> best;
        if (total < 0) {
          Best counted = counted(q, plan, shortest, List.of(walk), rows);
          total = counted.total();
          best = counted.rows();
          if (!Planner.shortFirst(total, rows, shortFirstFrom)) {
            return null; // fewer matches passed the filter than expected: score them all
          }
        } else {
          best = scored(q, plan, shortest, List.of(walk), rows);
        }
        Long edge = lengthAt(walk);
        if (edge == null) {
          lastWay = "every article walked";
          return new Best(total, best);
        }
        if (best.size() >= rows) {
          double kth = -best.get(rows - 1).r();
          long below = Ranking.lengthBelow(kth, idf, freq, avgdl);
          if (edge >= below) {
            lastWay = round == 0 ? "first walk" : "widened walk";
            return new Best(total, best);
          }
          // every article at least `below` long scores less than the kth found: score the rest
          long cap = Planner.walkCap(total);
          if (countUpTo(
                  "SELECT 1 FROM articles_fts_docsize WHERE (" + lengthExpr + ") < ?",
                  List.of(below),
                  cap)
              >= cap) {
            return null;
          }
          lastWay = "walk to a length";
          return new Best(
              total, scored(q, plan, "WHERE (" + lengthExpr + ") < ?", List.of(below), rows));
        }
        walk = Planner.widen(walk, best.size(), rows);
      }
      return null;
    } catch (SQLException e) {
      throw fail("search failed", e);
    }
  }

  /** The MATCH and then the filter's parameters, as {@link #matches} binds them. */
  private static List<Object> withMatch(CompiledQuery q) {
    List<Object> params = new ArrayList<>();
    params.add(q.match());
    params.addAll(q.params());
    return params;
  }

  /**
   * The best {@code rows} matches among the articles that {@code walk} (over FTS5's size records,
   * with {@code walkParams}) selects.
   */
  private List<Scored> scored(
      CompiledQuery q, Plan plan, String walk, List<Object> walkParams, int rows)
      throws SQLException {
    // the walk is tested first: it holds a few of the matches, and the filter's test (a set, or
    // an article's tag rows) is then made for those alone
    String sql =
        "SELECT articles_fts.rowid AS id, bm25(articles_fts, "
            + Ranking.WEIGHTS
            + ") AS r FROM "
            + matches(q, plan, walked(walk))
            + " ORDER BY r, id DESC LIMIT ?";
    List<Object> params = new ArrayList<>();
    params.add(q.match());
    params.addAll(walkParams);
    params.addAll(q.params());
    params.add((long) rows);
    List<Scored> out = new ArrayList<>(rows);
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Scored(rs.getLong(1), rs.getDouble(2)));
        }
      }
    }
    return out;
  }

  /**
   * The test that a match is among the articles that {@code walk} (over FTS5's size records)
   * selects. The + keeps the set out of the index's own lookups: one pass over the matches, bm25's
   * statistics gathered once.
   */
  private static String walked(String walk) {
    return "+articles_fts.rowid IN (SELECT id FROM articles_fts_docsize " + walk + ")";
  }

  /**
   * Every match of {@code q} that passes its filter, counted, with the best {@code rows} of those
   * among the articles that {@code walk} selects: one pass that tests each match against the filter
   * once, for the total and the page together. bm25 scores only the walked ones (FTS5 does not
   * allow it under an aggregate, so the matches are read here and counted).
   */
  private Best counted(CompiledQuery q, Plan plan, String walk, List<Object> walkParams, int rows)
      throws SQLException {
    String sql =
        "SELECT articles_fts.rowid, CASE WHEN "
            + walked(walk)
            + " THEN bm25(articles_fts, "
            + Ranking.WEIGHTS
            + ") END FROM "
            + matches(q, plan);
    List<Object> params = new ArrayList<>(walkParams);
    params.addAll(withMatch(q));
    long total = 0;
    java.util.PriorityQueue<Scored> best =
        new java.util.PriorityQueue<>(rows + 1, BEST_ORDER.reversed());
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          total++;
          double r = rs.getDouble(2);
          if (!rs.wasNull()) {
            best.add(new Scored(rs.getLong(1), r));
            if (best.size() > rows) {
              best.poll();
            }
          }
        }
      }
    }
    List<Scored> out = new ArrayList<>(best);
    out.sort(BEST_ORDER);
    return new Best(total, out);
  }

  /**
   * bm25's order of a page: the lowest value first, then the newest id (ORDER BY r, id DESC).
   * Written out rather than composed from {@code Comparator.comparingDouble}, whose lambdas inside
   * the JDK are spun at run time on every start.
   */
  private static final java.util.Comparator<Scored> BEST_ORDER =
      (x, y) -> {
        int byScore = Double.compare(x.r(), y.r());
        return byScore != 0 ? byScore : Long.compare(y.id(), x.id());
      };

  /** The length of the {@code n}th shortest article (from 1), or null when there are fewer. */
  private Long lengthAt(long n) throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT ("
                    + lengthExpr
                    + ") FROM articles_fts_docsize ORDER BY ("
                    + lengthExpr
                    + "), id LIMIT 1 OFFSET ?")) {
      st.setLong(1, n - 1);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /**
   * The expression of the length index, read from the archive's own schema so that queries name the
   * index exactly, and the full-text table's tokenizer; null when the index is missing.
   */
  private String lengthIndex() throws SQLException {
    if (!lengthRead) {
      lengthRead = true;
      try (Statement st = conn().createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT (SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '"
                      + Ranking.LENGTH_INDEX
                      + "'), (SELECT sql FROM sqlite_master WHERE name = 'articles_fts')")) {
        if (rs.next() && rs.getString(1) != null && rs.getString(2) != null) {
          Matcher index = INDEX_EXPR.matcher(rs.getString(1));
          Matcher tok = TOKENIZE.matcher(rs.getString(2));
          if (index.find() && tok.find()) {
            lengthExpr = index.group(1);
            tokenize = tok.group(1);
          }
        }
      }
    }
    return lengthExpr;
  }

  private static final Pattern INDEX_EXPR =
      Pattern.compile("ON articles_fts_docsize\\(\\((.*)\\)\\)\\s*$", Pattern.DOTALL);
  private static final Pattern TOKENIZE = Pattern.compile("tokenize\\s*=\\s*'([^']*)'");

  /** FTS5's row count and each column's total of tokens, from its averages record. */
  private long[] averages() throws SQLException {
    try (Statement st = conn().createStatement();
        ResultSet rs = st.executeQuery("SELECT block FROM articles_fts_data WHERE id = 1")) {
      return rs.next() && rs.getBytes(1) != null ? Ranking.varints(rs.getBytes(1)) : new long[0];
    }
  }

  /**
   * The tokens the full-text index makes of {@code text}, in order: it is written into a table of
   * this connection's own (temp) with the same tokenizer, and read back through fts5vocab.
   */
  private List<String> tokens(String text) throws SQLException {
    if (!tokenizerMade) {
      try (Statement st = conn().createStatement()) {
        st.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_words USING fts5(w, tokenize = '"
                + tokenize.replace("'", "''")
                + "')");
        st.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_words_seen"
                + " USING fts5vocab(temp, dossier_words, instance)");
        st.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.dossier_vocab"
                + " USING fts5vocab(main, articles_fts, col)");
      }
      tokenizerMade = true;
    }
    try (Statement st = conn().createStatement()) {
      st.execute("DELETE FROM temp.dossier_words");
    }
    try (PreparedStatement st =
        conn().prepareStatement("INSERT INTO temp.dossier_words(rowid, w) VALUES (1, ?)")) {
      st.setString(1, text);
      st.executeUpdate();
    }
    List<String> out = new ArrayList<>();
    try (Statement st = conn().createStatement();
        ResultSet rs =
            st.executeQuery("SELECT term FROM temp.dossier_words_seen ORDER BY \"offset\"")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * For each of {@code words} (index tokens) and each column: how many articles hold it there
   * ({@code [0][t][c]}) and how many times in all ({@code [1][t][c]}), from fts5vocab; a column the
   * vocabulary names but the ranking does not know makes every count unknown (-1).
   */
  private long[][][] vocabulary(List<String> words) throws SQLException {
    long[][] docs = new long[words.size()][Ranking.WEIGHT.length];
    long[][] instances = new long[words.size()][Ranking.WEIGHT.length];
    try (PreparedStatement st =
        conn().prepareStatement("SELECT col, doc, cnt FROM temp.dossier_vocab WHERE term = ?")) {
      for (int t = 0; t < words.size(); t++) {
        st.setString(1, words.get(t));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            int c = Ranking.COLUMNS.indexOf(rs.getString(1));
            if (c < 0) {
              java.util.Arrays.fill(docs[t], -1);
              java.util.Arrays.fill(instances[t], -1);
              break;
            }
            docs[t][c] = rs.getLong(2);
            instances[t][c] = rs.getLong(3);
          }
        }
      }
    }
    return new long[][][] {docs, instances};
  }

  /**
   * The counts {@link #ftsCount} made, by expression, and the archive's state they were made in: a
   * search asks for the same count when it plans and when it ranks (a single phrase's matches are
   * both the plan's measure and bm25's document frequency), and each count is a pass over the
   * index.
   */
  private final java.util.Map<String, Long> counted = new java.util.HashMap<>();

  private String countedStamp;

  /** How many articles the full-text expression matches, from the index alone. */
  long ftsCount(String match) {
    String stamp;
    try {
      stamp = repo.changeStamp();
    } catch (SQLException e) {
      throw fail("cannot count articles", e);
    }
    if (!stamp.equals(countedStamp)) {
      counted.clear();
      countedStamp = stamp;
    }
    Long kept = counted.get(match);
    if (kept != null) {
      return kept;
    }
    long n =
        repo.number(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
            List.of(match),
            "cannot count articles");
    if (counted.size() >= 16) {
      counted.clear();
    }
    counted.put(match, n);
    return n;
  }
}
