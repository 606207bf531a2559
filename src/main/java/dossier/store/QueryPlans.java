package dossier.store;

import dossier.query.CompiledQuery;
import dossier.store.ArticleRepository.Plan;
import dossier.store.Planner.Form;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    String match = "articles_fts WHERE articles_fts MATCH ?";
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
                  + " articles_fts MATCH ? AND ("
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

  private Plan choosePlan(CompiledQuery q) {
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

  /** How many articles the full-text expression matches, from the index alone. */
  long ftsCount(String match) {
    return repo.number(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
        List.of(match),
        "cannot count articles");
  }
}
