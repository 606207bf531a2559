package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query language gives the same articles on PostgreSQL as on SQLite: the archive of {@link
 * LargeArchiveCrossCheckTest} (at 4,000 articles) is imported into SQLite, its rows copied into a
 * PostgreSQL database of the schema {@code dossier/db/pg/}, whose trigger builds the weighted
 * tsvector itself; then every query of that test's fixture is answered by the SQLite store and by
 * the query's PostgreSQL form, and the two sets of ids must be equal (and not empty). The ranked
 * form (ts_rank_cd over the rank tsquery, ts_headline snippets for the page only) must find the
 * same set too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgQueryCrossCheckTest {
  @TempDir static Path dir;
  PgCluster pg;
  Archive sqlite;
  Connection server;
  String url;

  static final String[] TABLES = {"articles", "tags", "article_tags", "copies"};

  @BeforeAll
  void load() throws Exception {
    pg = PgCluster.require();
    url = pg.database("query_cross_check");
    Path db = LargeArchiveCrossCheckTest.generate(dir, 200);
    sqlite = Archive.open(db);
    server = pg.connectUrl(url);
    try (Statement st = server.createStatement()) {
      for (int v = PgSchema.BASE; v <= PgSchema.latest(); v++) {
        st.execute(PgSchema.script(v));
      }
      // an archive at the latest schema, which the store opens as it is
      st.execute("INSERT INTO dossier_schema(version) VALUES (" + PgSchema.latest() + ")");
      // is: reads the session's person's status and star (nobody has set any here)
      st.execute("SELECT set_config('dossier.person', 'reader', false)");
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      for (String table : TABLES) {
        copy(raw, table);
      }
    }
    try (Statement st = server.createStatement()) {
      st.execute("ANALYZE");
    }
  }

  @AfterAll
  void close() throws Exception {
    if (sqlite != null) {
      sqlite.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Copies the rows of {@code table}, every column by its name. */
  private void copy(Connection raw, String table) throws SQLException {
    try (Statement st = raw.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
      }
      String sql =
          "INSERT INTO "
              + table
              + "("
              + String.join(", ", names)
              + ") VALUES ("
              + "?, ".repeat(names.size() - 1)
              + "?)";
      server.setAutoCommit(false);
      try (PreparedStatement ins = server.prepareStatement(sql)) {
        while (rs.next()) {
          for (int i = 1; i <= names.size(); i++) {
            Object v = rs.getObject(i);
            ins.setObject(i, v instanceof Integer n ? Long.valueOf(n) : v);
          }
          ins.addBatch();
        }
        ins.executeBatch();
      }
      server.commit();
      server.setAutoCommit(true);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyQueryOfTheFixtureSelectsTheSameArticlesOnBothEngines() {
    return Stream.of(LargeArchiveCrossCheckTest.CASES)
        .map(c -> DynamicTest.dynamicTest(c[0], () -> crossCheck(c[0])));
  }

  private void crossCheck(String query) throws SQLException {
    CompiledQuery q = QueryCompiler.compile(query, LargeArchiveCrossCheckTest.CTX);
    TreeSet<Long> onSqlite = new TreeSet<>();
    sqlite.articles().list(q, Sort.NEWEST, 0, 0, false, a -> onSqlite.add(a.id()));
    CompiledQuery.Postgres form = q.postgres();
    TreeSet<Long> onPostgres =
        ids("SELECT a.id FROM articles a WHERE " + form.where(), form.params());
    System.out.printf("%-40s %5d sqlite %5d postgres%n", query, onSqlite.size(), onPostgres.size());
    assertThat(onSqlite).as("a query with no matches proves little").isNotEmpty();
    assertThat(onPostgres).as(form.where() + " " + form.params()).isEqualTo(onSqlite);
    if (form.rank() != null) {
      // the ranked page: scores for every match, the snippet only for the rows shown
      List<Object> params = new ArrayList<>();
      params.add(form.rank());
      params.addAll(form.params());
      params.add(form.rank());
      String ranked =
          "WITH page AS (SELECT a.id, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', a.fts,"
              + " to_tsquery('dossier', ?)) AS score FROM articles a WHERE "
              + form.where()
              + ") SELECT p.id, ts_headline('dossier', a.body, to_tsquery('dossier', ?),"
              + " 'MaxFragments=1') FROM page p JOIN articles a ON a.id = p.id"
              + " ORDER BY p.score DESC, p.id DESC";
      assertThat(ids(ranked, params)).isEqualTo(onSqlite);
    }
  }

  @TestFactory
  Stream<DynamicTest> aSnippetFromAWindowOfTheBodyMarksAWordWheneverTheWholeBodyWould() {
    return Stream.of(LargeArchiveCrossCheckTest.CASES)
        .map(c -> c[0])
        .filter(
            query ->
                QueryCompiler.compile(query, LargeArchiveCrossCheckTest.CTX).postgres().rank()
                    != null)
        .map(query -> DynamicTest.dynamicTest(query, () -> snippets(query)));
  }

  /**
   * The search page's snippets ({@link ArticleRepository#pgSnippet}, ts_headline over a window of
   * the body) of up to 40 matches of {@code query} mark a word wherever ts_headline over the whole
   * body marks one, and are a piece of the body with the marks put in.
   */
  private void snippets(String query) throws SQLException {
    CompiledQuery.Postgres form =
        QueryCompiler.compile(query, LargeArchiveCrossCheckTest.CTX).postgres();
    String options = ArticleRepository.pgHeadline(0);
    List<Object> params = new ArrayList<>();
    params.add(form.rank());
    params.addAll(form.params());
    params.add(options);
    params.add(options);
    params.add(options);
    String sql =
        "WITH "
            + ArticleRepository.PG_LEXEMES
            + ", page AS (SELECT a.id FROM articles a WHERE "
            + form.where()
            + " ORDER BY a.id DESC LIMIT 40) SELECT a.id, "
            + ArticleRepository.pgSnippet(0)
            + ", ts_headline('dossier', a.body, lx.q, ?), a.body FROM page JOIN articles a ON a.id ="
            + " page.id CROSS JOIN lx"
            + ArticleRepository.pgSnippetStart(0);
    int marked = 0;
    try (PreparedStatement st = server.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        st.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String window = rs.getString(2);
          String whole = rs.getString(3);
          assertThat(rs.getString(4))
              .as("article " + rs.getLong(1))
              .contains(window.replace("\uE000", "").replace("\uE001", ""));
          if (whole.indexOf('\uE000') >= 0) {
            marked++;
            assertThat(window).as("article " + rs.getLong(1) + ": " + whole).contains("\uE000");
          }
        }
      }
    }
    if (!query.contains("-") && !query.contains("NOT") && !query.contains(":")) {
      assertThat(marked).as("the page of " + query + " marks its words").isPositive();
    }
  }

  /** One-word queries of the fixture's archive, common and rare. */
  static final String[] ONE_WORD = {
    "oil", "england", "labour", "blair", "elections", "prices", "gas", "government", "said", "the"
  };

  /** Pages of 1 to 50 rows at offsets 0 to 200: {limit, offset}. */
  static final int[][] PAGES = {{20, 0}, {1, 0}, {50, 0}, {20, 20}, {10, 200}, {50, 150}};

  /**
   * The pages of a word that the store finds from the index of the words an article holds more than
   * once or outside its body (then the newest other matches) are those of scoring every match: the
   * same ids in the same order with the same scores; among them pages that index filled alone and
   * pages that needed the other matches.
   */
  @Test
  void aPageOfOneWordIsThePageOfEveryMatchScored() throws SQLException {
    boolean filledByIndex = false;
    boolean filledByNewest = false;
    try (Archive archive = Archive.open(ArchiveLocation.parse(url), Archive.BUSY_TIMEOUT_MS)) {
      archive.articles().tuneOneWordWalk(0);
      for (String word : ONE_WORD) {
        CompiledQuery q = QueryCompiler.compile(word, LargeArchiveCrossCheckTest.CTX);
        assertThat(ArticleRepository.oneWord(q)).as(word).isTrue();
        boolean[] filled = pagesAreThoseOfEveryMatchScored(archive, q, word, false);
        filledByIndex |= filled[0];
        filledByNewest |= filled[1];
      }
    }
    assertThat(filledByIndex).isTrue();
    assertThat(filledByNewest).isTrue();
  }

  /** Words beside filters (a tag, its negation, a status, dates), and words alone. */
  static final String[] WORD_AND_FILTER = {
    "tag:sport england",
    "england -tag:sport",
    "is:read oil",
    "is:new said",
    "date:2004-06 oil",
    "date:2004.. the",
    "imported:2026-03..2026-04 gas",
    "-tag:sport said",
    "blair",
    "elections"
  };

  /**
   * The pages of a word beside a filter (or a word too rare for the walk of the newest articles)
   * that the store cuts from the best matches of the index of repeated words and the newest other
   * matches are those of scoring every match: the same ids in the same order with the same scores,
   * and the same total; among them pages that index filled alone and pages that needed the newest.
   * Queries ranked by more than the one word that every match holds are not cut that way.
   */
  @Test
  void aPageOfAWordBesideAFilterIsThePageOfEveryMatchScored() throws SQLException {
    for (String other :
        new String[] {
          "oil prices",
          "\"oil prices\"",
          "oil OR tag:sport",
          "title:election",
          "econom*",
          "oil -prices",
          "tag:sport"
        }) {
      assertThat(
              ArticleRepository.rankedByOneWord(
                  QueryCompiler.compile(other, LargeArchiveCrossCheckTest.CTX)))
          .as(other)
          .isFalse();
    }
    boolean filledByIndex = false;
    boolean filledByNewest = false;
    try (Archive archive = Archive.open(ArchiveLocation.parse(url), Archive.BUSY_TIMEOUT_MS)) {
      // (a word alone takes this way from the first match on, as a common word would)
      archive.articles().tuneBoundedPage(0);
      for (String query : WORD_AND_FILTER) {
        CompiledQuery q = QueryCompiler.compile(query, LargeArchiveCrossCheckTest.CTX);
        assertThat(ArticleRepository.rankedByOneWord(q)).as(query).isTrue();
        CompiledQuery.Postgres form = q.postgres();
        assertThat(ids("SELECT a.id FROM articles a WHERE " + form.where(), form.params()))
            .as(query)
            .isNotEmpty();
        boolean[] filled = pagesAreThoseOfEveryMatchScored(archive, q, query, true);
        filledByIndex |= filled[0];
        filledByNewest |= filled[1];
      }
    }
    assertThat(filledByIndex).isTrue();
    assertThat(filledByNewest).isTrue();
  }

  /** The shapes of tsquery that a page of words is found for without scoring every match. */
  @Test
  void onlyPlainPhrasesAndPlainWordsJoinedByAndAreTakenApart() {
    ArticleRepository.Words phrase = ArticleRepository.Words.of("'oil' <-> 'price' <-> 'rose'");
    assertThat(phrase.phrase()).isTrue();
    assertThat(phrase.lexemes()).containsExactly("'oil'", "'price'", "'rose'");
    assertThat(phrase.any()).isEqualTo("'oil' | 'price' | 'rose'");
    assertThat(phrase.all()).isEqualTo("'oil' & 'price' & 'rose'");
    assertThat(phrase.onceEachInTheBody()).isEqualTo("'oil':1B 'price':2B 'rose':3B");
    ArticleRepository.Words and = ArticleRepository.Words.of("'it''s' & 'oil'");
    assertThat(and.phrase()).isFalse();
    assertThat(and.lexemes()).containsExactly("'it''s'", "'oil'");
    for (String other :
        new String[] {
          "'oil'",
          "'oil' | 'price'",
          "'oil' & !'price'",
          "'oil' & 'price':*",
          "'oil':A <-> 'price'",
          "'oil' <2> 'price'",
          "'oil' & 'oil'",
          "'oil' <-> 'price' & 'gas'",
          "( 'oil' <-> 'price' ) & 'gas'",
          ""
        }) {
      assertThat(ArticleRepository.Words.of(other)).as(other).isNull();
    }
  }

  /**
   * Phrases and words joined by AND, beside filters (a tag, its negation, a status, dates) and
   * alone.
   */
  static final String[] WORDS_BESIDE_FILTERS = {
    "\"oil prices\"",
    "\"crude oil\"",
    "\"the election campaign\"",
    "\"gordon brown\"",
    "tag:sport \"late goal\"",
    "date:2004.. \"gas supplies\"",
    "-tag:sport \"labour ministers\"",
    "oil prices",
    "crude oil",
    "election campaign",
    "gordon brown",
    "england goal",
    "is:new labour blair",
    "-tag:sport oil prices",
    "date:2004-06 the economy"
  };

  /**
   * The pages of a phrase or of words joined by AND, beside a filter or alone, that the store cuts
   * from the best matches of the index of repeated words (and, for a phrase, the newest other
   * matches) are those of scoring every match: the same ids in the same order with the same scores,
   * and the same total. Among them: phrase pages that index filled alone and pages that needed the
   * newest, and pages of words joined by AND found from the index alone and pages for which every
   * match had to be scored.
   */
  @Test
  void aPageOfAPhraseOrOfWordsJoinedByAndIsThePageOfEveryMatchScored() throws SQLException {
    // a phrase's pages filled by the index of repeated words, and by the newest matches; pages of
    // words joined by AND found from that index, and by scoring every match
    boolean[] seen = new boolean[4];
    try (Archive archive = Archive.open(ArchiveLocation.parse(url), Archive.BUSY_TIMEOUT_MS)) {
      archive.articles().tuneBoundedPage(0);
      for (String query : WORDS_BESIDE_FILTERS) {
        CompiledQuery q = QueryCompiler.compile(query, LargeArchiveCrossCheckTest.CTX);
        ArticleRepository.Words words = wordsOf(q.postgres().rank());
        assertThat(words).as(query).isNotNull();
        assertThat(words.phrase()).as(query).isEqualTo(query.contains("\""));
        CompiledQuery.Postgres form = q.postgres();
        assertThat(ids("SELECT a.id FROM articles a WHERE " + form.where(), form.params()))
            .as(query)
            .isNotEmpty();
        boolean[] filled =
            pagesAreThoseOfEveryMatchScored(
                archive, q, query, true, "CAST(? AS tsquery)", words.any(), words.phrase());
        int first = words.phrase() ? 0 : 2;
        for (int i = first; i < first + 2; i++) {
          seen[i] |= filled[i];
        }
      }
      for (String other :
          new String[] {"oil -prices", "oil OR gas", "econom* oil", "title:oil gas"}) {
        CompiledQuery q = QueryCompiler.compile(other, LargeArchiveCrossCheckTest.CTX);
        assertThat(wordsOf(q.postgres().rank())).as(other).isNull();
        archive.articles().search(q, 20, 0, h -> {});
        assertThat(archive.articles().lastPageBounded()).as(other).isFalse();
      }
    }
    assertThat(seen).containsOnly(true);
    // as the store chooses: words that the index of repeated words finds in more than a tenth of
    // the articles of the least common of them are scored in full, the pages the same
    try (Archive archive = Archive.open(ArchiveLocation.parse(url), Archive.BUSY_TIMEOUT_MS)) {
      for (String query : new String[] {"\"oil prices\"", "the economy", "gordon brown"}) {
        CompiledQuery q = QueryCompiler.compile(query, LargeArchiveCrossCheckTest.CTX);
        ArticleRepository.Words words = wordsOf(q.postgres().rank());
        pagesAreThoseOfEveryMatchScored(
            archive, q, query, true, "CAST(? AS tsquery)", words.any(), false);
      }
    }
  }

  /** {@link ArticleRepository.Words} of the tsquery text {@code rank} as the server reads it. */
  private ArticleRepository.Words wordsOf(String rank) throws SQLException {
    try (PreparedStatement st =
        server.prepareStatement("SELECT CAST(to_tsquery('dossier', ?) AS text)")) {
      st.setString(1, rank);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return ArticleRepository.Words.of(rs.getString(1));
      }
    }
  }

  /**
   * Checks that every page of {@link #PAGES} of {@code q} (a query ranked by one word that every
   * match holds) as the store finds it is the page of scoring every match of its server form, and
   * that its total (kept beside the page) is the number of those matches; with {@code forget}, each
   * page is planned afresh. Returns whether some non-empty page lay within the matches of the index
   * of repeated words, and whether some needed the newest other matches.
   */
  private boolean[] pagesAreThoseOfEveryMatchScored(
      Archive archive, CompiledQuery q, String label, boolean forget) throws SQLException {
    return pagesAreThoseOfEveryMatchScored(
        archive, q, label, forget, "to_tsquery('dossier', ?)", q.postgres().rank(), false);
  }

  /**
   * {@link #pagesAreThoseOfEveryMatchScored(Archive, CompiledQuery, String, boolean)} for a query
   * whose matches the index of repeated words finds by {@code repeated} (over the parameter {@code
   * repeatedParam}); {@code alwaysBounded}: every page within the matches must be found without
   * scoring every match. Returns also whether some page was found so and whether some had every
   * match scored.
   */
  private boolean[] pagesAreThoseOfEveryMatchScored(
      Archive archive,
      CompiledQuery q,
      String label,
      boolean forget,
      String repeated,
      Object repeatedParam,
      boolean alwaysBounded)
      throws SQLException {
    CompiledQuery.Postgres form = q.postgres();
    List<Object> params = new ArrayList<>();
    params.add(form.rank());
    params.addAll(form.params());
    long inIndex =
        ids(
                "SELECT a.id FROM articles a WHERE "
                    + form.where()
                    + " AND dossier_repeated(a.fts) @@ "
                    + repeated,
                withLast(form, repeatedParam))
            .size();
    long matches = ids("SELECT a.id FROM articles a WHERE " + form.where(), form.params()).size();
    boolean[] filled = new boolean[4];
    for (int[] page : PAGES) {
      if (forget) {
        archive.articles().forgetPlans();
      }
      List<String> found = searched(archive, q, page);
      boolean bounded = archive.articles().lastPageBounded();
      List<String> every = scoredInFull(form.where(), params, page);
      assertThat(found).as(label + ", " + page[0] + " from " + page[1]).isEqualTo(every);
      assertThat(archive.articles().count(q)).as(label + ", total").isEqualTo(matches);
      if (alwaysBounded && matches >= page[0] + page[1]) {
        assertThat(bounded).as(label + ", " + page[0] + " from " + page[1]).isTrue();
      }
      if (!every.isEmpty()) {
        filled[0] |= inIndex >= page[0] + page[1];
        filled[1] |= inIndex < page[0] + page[1];
        filled[2] |= bounded;
        filled[3] |= !bounded;
      }
    }
    return filled;
  }

  /** The page {@code {limit, offset}} of {@code q} as the store finds it: "id score" rows. */
  private static List<String> searched(Archive archive, CompiledQuery q, int[] page) {
    List<String> found = new ArrayList<>();
    archive
        .articles()
        .search(q, page[0], page[1], h -> found.add(h.article().id() + " " + (float) h.score()));
    return found;
  }

  /**
   * The page {@code {limit, offset}} of the articles of {@code where} with every one scored for the
   * tsquery of the first of {@code params} (the rest bind {@code where}): "id score" rows.
   */
  private List<String> scoredInFull(String where, List<Object> params, int[] page)
      throws SQLException {
    List<String> every = new ArrayList<>();
    try (PreparedStatement st =
        server.prepareStatement(
            "SELECT a.id, ts_rank_cd('{0.2, 0.4, 0.1, 1.0}', a.fts, to_tsquery('dossier', ?)) AS r"
                + " FROM articles a WHERE "
                + where
                + " ORDER BY r DESC, a.id DESC LIMIT ? OFFSET ?")) {
      int i = 1;
      for (Object p : params) {
        st.setObject(i++, p);
      }
      st.setInt(i++, page[0]);
      st.setInt(i, page[1]);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          every.add(rs.getLong(1) + " " + rs.getFloat(2));
        }
      }
    }
    return every;
  }

  /** The parameters of {@code form} and then {@code last}. */
  private static List<Object> withLast(CompiledQuery.Postgres form, Object last) {
    List<Object> out = new ArrayList<>(form.params());
    out.add(last);
    return out;
  }

  private TreeSet<Long> ids(String sql, List<Object> params) throws SQLException {
    TreeSet<Long> out = new TreeSet<>();
    try (PreparedStatement st = server.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        st.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }
}
