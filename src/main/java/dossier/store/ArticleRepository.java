package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Hit;
import dossier.core.Tags;
import dossier.query.CompiledQuery;
import dossier.store.Planner.Form;
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
import org.sqlite.ProgressHandler;

/** Reads and writes articles, their originals and their tags. */
public final class ArticleRepository {
  /** The columns listings read ({@link Columns#LISTED}), with the tags. */
  private static final String COLUMNS =
      Columns.names(Columns.LISTED, "a")
          + ", (SELECT group_concat(name, char(10)) FROM (SELECT t.name FROM article_tags x"
          + " JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id ORDER BY t.key)) AS tag_names";

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

  private final Archive archive;
  private PreparedStatement byHash;
  private PreparedStatement tagByKey;
  private PreparedStatement insertTag;
  private PreparedStatement linkTag;
  private Plan forcedPlan;
  private Planner planner = Planner.DEFAULT;
  private CompiledQuery plannedQuery;
  private Plan plannedPlan;

  ArticleRepository(Archive archive) {
    this.archive = archive;
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
    return insertAll(List.of(n), importedAt)[0];
  }

  /** Articles one INSERT statement of {@link #insertAll} writes. */
  static final int ROWS_PER_INSERT = 256;

  private static final String INSERT_COLUMNS =
      "INSERT INTO articles(" + Columns.names(Columns.NEW_ROW, null) + ") VALUES ";

  /** The statement for {@link #ROWS_PER_INSERT} rows, kept; shorter ones are made as needed. */
  private PreparedStatement insertRows;

  /**
   * Stores new articles with their originals and tags, several to a statement, and returns their
   * ids in the same order; call inside {@link Archive#write}. None may have the text of a stored
   * article or of another in the list (one such row would fail the whole statement).
   *
   * <p>The full-text index writes what it has gathered to disk at the end of every statement that
   * inserts into it, so one statement per article made a segment (and later merges) per article: on
   * 20,000 generated articles a row at a time took 282 us of CPU an article, 256 rows at a time 157
   * us.
   */
  public long[] insertAll(List<NewArticle> ns, String importedAt) {
    long[] ids = new long[ns.size()];
    try {
      for (int from = 0; from < ns.size(); from += ROWS_PER_INSERT) {
        List<NewArticle> part = ns.subList(from, Math.min(ns.size(), from + ROWS_PER_INSERT));
        insertRows(part, importedAt, ids, from);
      }
      for (int from = 0; from < ns.size(); from += ROWS_PER_INSERT) {
        insertOriginals(ns, ids, from, Math.min(ns.size(), from + ROWS_PER_INSERT));
      }
      for (int k = 0; k < ns.size(); k++) {
        for (String t : ns.get(k).tags()) {
          addTag(ids[k], t);
        }
      }
      return ids;
    } catch (SQLException e) {
      throw fail("cannot store articles", e);
    }
  }

  /** The statement for {@link #ROWS_PER_INSERT} originals, kept. */
  private PreparedStatement insertOriginalRows;

  private void insertOriginals(List<NewArticle> ns, long[] ids, int from, int to)
      throws SQLException {
    boolean full = to - from == ROWS_PER_INSERT;
    PreparedStatement st = full ? insertOriginalRows : null;
    if (st == null) {
      StringBuilder sql =
          new StringBuilder("INSERT INTO originals(article_id, size, data) VALUES ");
      for (int k = from; k < to; k++) {
        sql.append(k == from ? "" : ",").append("(?,?,?)");
      }
      st = conn().prepareStatement(sql.toString());
      if (full) {
        insertOriginalRows = st;
      }
    }
    try {
      int i = 1;
      for (int k = from; k < to; k++) {
        st.setLong(i++, ids[k]);
        st.setInt(i++, ns.get(k).originalSize());
        st.setBytes(i++, ns.get(k).compressedOriginal());
      }
      st.executeUpdate();
    } finally {
      if (!full) {
        st.close();
      }
    }
  }

  private void insertRows(List<NewArticle> part, String importedAt, long[] ids, int at)
      throws SQLException {
    boolean full = part.size() == ROWS_PER_INSERT;
    PreparedStatement st = full ? insertRows : null;
    if (st == null) {
      StringBuilder sql = new StringBuilder(INSERT_COLUMNS);
      for (int k = 0; k < part.size(); k++) {
        sql.append(k == 0 ? "" : ",").append(Columns.placeholders(Columns.NEW_ROW));
      }
      // the hash is unique: it tells which id each row got, whatever order RETURNING uses
      st = conn().prepareStatement(sql.append(" RETURNING id, content_hash").toString());
      if (full) {
        insertRows = st;
      }
    }
    try {
      int i = 1;
      for (NewArticle n : part) {
        i = Columns.bind(st, i, n.article().withImported(importedAt), Columns.NEW_ROW);
      }
      Map<String, Long> byHash = new HashMap<>(part.size() * 2);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          byHash.put(rs.getString(2), rs.getLong(1));
        }
      }
      for (int k = 0; k < part.size(); k++) {
        Long id = byHash.get(part.get(k).contentHash());
        if (id == null) {
          throw new SQLException("no id came back for article " + part.get(k).path());
        }
        ids[at + k] = id;
      }
    } finally {
      if (!full) {
        st.close();
      }
    }
  }

  /**
   * Replaces the extracted fields, path and original of a stored article with a new import of the
   * same text, keeping its tags, status, star and note, and every field a person set ({@link
   * Article#pinned}).
   */
  public void update(long id, NewArticle n) {
    try (PreparedStatement st =
            conn()
                .prepareStatement(
                    "UPDATE articles SET "
                        + Columns.assignments(Columns.REIMPORTED)
                        + " WHERE id=?");
        PreparedStatement orig =
            conn()
                .prepareStatement(
                    "INSERT OR REPLACE INTO originals(article_id, size, data) VALUES (?,?,?)")) {
      Article current = get(id).orElseThrow(() -> new SQLException("no article " + id));
      Article fresh = keepPinned(current, n.article());
      int i = Columns.bind(st, 1, fresh, Columns.REIMPORTED);
      st.setLong(i, id);
      st.executeUpdate();
      orig.setLong(1, id);
      orig.setInt(2, n.originalSize());
      orig.setBytes(3, n.compressedOriginal());
      orig.executeUpdate();
    } catch (SQLException e) {
      throw fail("cannot update article " + id, e);
    }
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

  /** Gives an article a tag (normalized name), creating the tag when it is new. */
  public void addTag(long articleId, String normalizedTag) {
    try {
      long tagId = tagId(normalizedTag);
      if (linkTag == null) {
        linkTag =
            conn()
                .prepareStatement(
                    "INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)");
      }
      linkTag.setLong(1, articleId);
      linkTag.setLong(2, tagId);
      linkTag.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot tag the article", e), e);
    }
  }

  private long tagId(String name) throws SQLException {
    if (tagByKey == null) {
      tagByKey = conn().prepareStatement("SELECT id FROM tags WHERE key = ?");
      insertTag = conn().prepareStatement("INSERT INTO tags(name, key) VALUES (?, ?)");
    }
    String key = Tags.key(name);
    tagByKey.setString(1, key);
    try (ResultSet rs = tagByKey.executeQuery()) {
      if (rs.next()) {
        return rs.getLong(1);
      }
    }
    insertTag.setString(1, name);
    insertTag.setString(2, key);
    insertTag.executeUpdate();
    try (ResultSet rs = insertTag.getGeneratedKeys()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** One article with its body, or empty when no article has this id. */
  public Optional<Article> get(long id) {
    String sql = "SELECT " + COLUMNS + ", " + TEXT_COLUMNS + " FROM articles a WHERE a.id = ?";
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(readArticle(rs, true)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("cannot read article " + id, e);
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
    if (q.hasText()) {
      Plan plan = plan(q);
      if (plan == Plan.INDEX_ONLY) {
        return ftsCount(q.match());
      }
      try {
        long kept = keptTotal(q);
        if (kept >= 0) {
          return kept;
        }
      } catch (SQLException e) {
        throw fail("cannot count articles", e);
      }
      sql.append("SELECT count(*) FROM ").append(matches(q, plan));
      params.add(q.match());
      params.addAll(q.params());
    } else if (q.tagSplit() != null && q.tagSplit().rest() == null && form(q).page()) {
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
      sql.append("SELECT count(*) FROM articles a WHERE (").append(countFilter(q)).append(")");
      params.addAll(q.params());
    }
    return number(sql.toString(), params, "cannot count articles");
  }

  /** The number the query {@code sql} gives, with {@code params} bound. */
  private long number(String sql, List<Object> params, String failure) {
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

  /** The largest article id: the number of articles, near enough, read from the key alone. */
  private long newestId() {
    return number("SELECT coalesce(max(id), 0) FROM articles", List.of(), "cannot plan the query");
  }

  private CompiledQuery formQuery;
  private Form form;

  /**
   * The form of the filter of {@code q} (see {@link Form}), chosen by two counts bounded by those
   * sizes and read from indexes alone. A forced plan forces the form: {@link Plan#FILTER_SET} the
   * sets, {@link Plan#EACH_MATCH} the member form.
   */
  private Form form(CompiledQuery q) {
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
  private String countFilter(CompiledQuery q) {
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
  private record PageSql(String from, String where, String orderBy) {}

  /** The page of the filter {@code q} in {@code sort}, whose order is {@code orderBy}. */
  private PageSql page(CompiledQuery q, Sort sort, String orderBy) {
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
    return number("SELECT count(*) FROM (" + select + " LIMIT ?)", all, "cannot plan the query");
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
   * FROM and WHERE for the word matches of {@code q} that pass its filter, done the {@code plan}
   * way, over the full-text table: the MATCH is the first parameter, then the filter's.
   */
  private static String matches(CompiledQuery q, Plan plan) {
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
  public void forcePlan(Plan plan) {
    forcedPlan = plan == Plan.INDEX_ONLY ? null : plan;
  }

  /**
   * Forgets the kept choice of {@link #plan} and the kept total of the last search; benchmarks call
   * it to time a first screen.
   */
  public void forgetPlans() {
    plannedQuery = null;
    totalQuery = null;
    formQuery = null;
  }

  /** Sets the two thresholds of {@link #plan}, so that tests can reach every branch. */
  void tunePlan(long fewMatches, long setStepsPerMatch) {
    forgetPlans();
    this.planner = new Planner(fewMatches, setStepsPerMatch);
  }

  /**
   * Chooses how to find the articles of a query with words; see {@link Plan}. The last choice is
   * kept, since a screen of results asks for its page and its count in turn: a choice that the
   * archive has outgrown since is slower, never wrong.
   */
  public Plan plan(CompiledQuery q) {
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
  private long ftsCount(String match) {
    return number(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
        List.of(match),
        "cannot count articles");
  }

  /**
   * Streams the matching articles in {@code sort} order to {@code sink}; {@code limit} 0 means all.
   * {@link Sort#RELEVANCE} without words to rank by falls back to newest first.
   */
  public void list(
      CompiledQuery q, Sort sort, int limit, int offset, boolean withBody, Consumer<Article> sink) {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
    if (withBody) {
      sql.append(", ").append(TEXT_COLUMNS);
    }
    List<Object> params = new ArrayList<>();
    boolean ranked = sort == Sort.RELEVANCE && q.rank() != null;
    // scores computed once for every match, not by a MATCH per listed row; articles that match
    // only through a filter (oil OR tag:x) have no score and go last
    String order =
        ranked
            ? "coalesce(rk.s, 0), a.id DESC"
            : sort == Sort.RELEVANCE ? Sort.NEWEST.orderBy : sort.orderBy;
    PageSql page = q.hasText() ? null : page(q, sort, order);
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
   * Streams the best matches of a query with words, best first, each with its bm25 score and a
   * snippet; a query without words is listed newest first with the start of the body as snippet.
   */
  public void search(CompiledQuery q, int limit, int offset, Consumer<Hit> sink) {
    List<Object> params = new ArrayList<>();
    boolean paged = false;
    boolean counted = false;
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
    if (q.hasText()) {
      // The page is cut from ids and scores alone; columns, tags and snippets are then read for
      // the rows of the page only, not for every match (a common word matches a tenth of an
      // archive). Without a filter the full-text index answers alone, with no join at all.
      sql.setLength(0);
      Plan plan = plan(q);
      // Beside a filter, the matches' total comes with the page (a window over the rows that
      // are scored anyway) and is kept for the count that follows; the index alone counts
      // faster than a window over every match.
      counted = plan != Plan.INDEX_ONLY;
      sql.append("WITH page AS MATERIALIZED (SELECT id, r, ")
          .append(counted ? "count(*) OVER ()" : "-1")
          .append(" AS total FROM (SELECT articles_fts.rowid AS id, bm25(articles_fts, ")
          .append(Ranking.WEIGHTS)
          .append(") AS r FROM ")
          .append(matches(q, plan))
          .append(") ORDER BY r, id DESC");
      params.add(q.match());
      params.addAll(q.params());
      appendLimit(sql, params, limit, offset);
      sql.append(") SELECT ")
          .append(COLUMNS)
          .append(
              ", page.total AS total, -page.r AS score, (SELECT snippet(articles_fts, 1, char(57344), char(57345),")
          .append(" '…', ")
          .append(Ranking.SNIPPET_TOKENS)
          .append(") FROM articles_fts WHERE articles_fts MATCH ? AND rowid = page.id) AS snip")
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
          .append(COLUMNS)
          .append(", page.score AS score, coalesce((SELECT snippet(articles_fts, 1, char(57344),")
          .append(" char(57345), '…', ")
          .append(Ranking.SNIPPET_TOKENS)
          .append(") FROM articles_fts WHERE articles_fts MATCH ? AND rowid = page.id),")
          .append(
              " substr(a.body, 1, 160)) AS snip FROM page CROSS JOIN articles a ON a.id = page.id")
          .append(" ORDER BY page.score DESC, a.id DESC");
      params.add(q.rank());
      paged = true;
    } else {
      PageSql page = page(q, Sort.NEWEST, Sort.NEWEST.orderBy);
      sql.append(", 0.0 AS score, substr(a.body, 1, 160) AS snip")
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
   * The total a search found beside its page, kept for {@link #count} until the archive changes.
   */
  private CompiledQuery totalQuery;

  private long totalKept;
  private String totalStamp;

  private void keepTotal(CompiledQuery q, long total) throws SQLException {
    totalQuery = q;
    totalKept = total;
    totalStamp = changeStamp();
  }

  /** The kept total of {@code q}, or -1 when there is none or the archive has changed since. */
  private long keptTotal(CompiledQuery q) throws SQLException {
    return q.equals(totalQuery) && changeStamp().equals(totalStamp) ? totalKept : -1;
  }

  /**
   * Changes when this connection writes (SQLite's total_changes) or another one commits
   * (data_version).
   */
  private String changeStamp() throws SQLException {
    try (PreparedStatement st =
            conn()
                .prepareStatement(
                    "SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version)");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getString(1);
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
    params.add(limit <= 0 ? -1L : (long) limit);
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
