package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.cli.Cli;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.store.ArticleRepository.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks compiled queries against hand-written SQL on an archive of 20,000 articles that the
 * test imports itself: generated from a fixed seed, with words at rates that give every query
 * hundreds to thousands of matches, the sport folders tagged {@code sport} and {@code
 * sport/cricket}, and statuses, stars, dates, addresses and sources spread over the articles with
 * SQL. The planner's thresholds are lowered (see {@link ArticleRepository#tunePlan}) so that at
 * this size the queries reach every plan; the test checks that they do. Each query's list, search
 * and count are checked, under every plan the store can choose.
 *
 * <p>The expected sets are computed with raw FTS5 syntax and plain SQL written here by hand, so the
 * test holds for whatever the archive contains; it reports how many articles each query matched and
 * which plan it took, and a query without matches fails.
 *
 * <p>{@code DOSSIER_BENCH_DB=/path/archive.db} runs the same checks on a real archive instead
 * (thresholds untouched), e.g. one imported from the BBC news corpus:
 *
 * <pre>
 * dossier --db /tmp/bbc.db import corpora/bbc
 * sqlite3 /tmp/bbc.db "select id from articles where path like '%/sport/%'" \
 *   | dossier --db /tmp/bbc.db tag +sport -
 * sqlite3 /tmp/bbc.db "UPDATE articles SET ..."    # the statement of SPREAD below
 * DOSSIER_BENCH_DB=/tmp/bbc.db mvn test -Dtest=LargeArchiveCrossCheckTest
 * </pre>
 *
 * (the update spreads statuses and the rest so that no query's answer is empty; the check that
 * every plan is reached is left out there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeArchiveCrossCheckTest {
  static final QueryContext CTX =
      new QueryContext(
          name -> Optional.empty(),
          Clock.fixed(Instant.parse("2005-06-01T00:00:00Z"), ZoneOffset.UTC));

  static final int ARTICLES = 20_000;

  /** Statuses, stars, dates, import times, addresses and sources, spread by id. */
  static final String SPREAD =
      "UPDATE articles SET status = CASE id % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'read'"
          + " WHEN 2 THEN 'reviewed' ELSE 'archived' END, starred = (id % 7 = 0),"
          + " published = CASE WHEN id % 11 = 0 THEN NULL"
          + " ELSE date('2004-01-01', '+' || (id % 800) || ' days') END,"
          + " imported = CASE WHEN id % 5 = 0 THEN '2026-03-15T10:00:00Z'"
          + " ELSE '2025-01-10T08:00:00Z' END,"
          + " url = CASE id % 3 WHEN 0 THEN 'https://news.bbc.co.uk/news/' || id"
          + " WHEN 1 THEN 'https://www.reuters.com/world/' || id END,"
          + " source = CASE id % 3 WHEN 0 THEN 'BBC News' WHEN 1 THEN 'Reuters' END";

  @TempDir static Path dir;
  Archive archive;
  Connection raw;
  boolean generated;
  final Map<Plan, List<String>> chosen = new EnumMap<>(Plan.class);

  @BeforeAll
  void open() throws Exception {
    String bench = System.getenv("DOSSIER_BENCH_DB");
    long start = System.nanoTime();
    Path db = bench != null && !bench.isEmpty() ? Path.of(bench) : generate();
    System.out.printf("archive ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
    archive = Archive.open(db);
    raw = DriverManager.getConnection("jdbc:sqlite:" + db);
    generated = bench == null || bench.isEmpty();
    if (generated) {
      // at 20,000 articles the default thresholds would leave the budgeted choice unreached
      archive.articles().tunePlan(300, 24);
    }
  }

  @AfterAll
  void close() throws Exception {
    archive.close();
    raw.close();
  }

  /** A sentence that carries query words, and the share of articles (in %) that hold it. */
  private record Words(String sentence, int news, int sport) {}

  private static final Words[] WORDS = {
    new Words("Oil prices rose again as traders weighed the supply figures.", 4, 1),
    new Words("The price of crude oil fell back in the afternoon.", 4, 1),
    new Words("Oil workers at the terminal walked out on Monday.", 3, 1),
    new Words("Gas supplies were tight through the winter months.", 5, 1),
    new Words("Prices in the shops kept climbing for a third month.", 5, 2),
    new Words("The election campaign opened with a rally in the north.", 4, 1),
    new Words("Labour ministers met late into the evening.", 4, 1),
    new Words("Blair told reporters that Labour would not change course.", 2, 0),
    new Words("The economy grew more slowly than forecast.", 4, 1),
    new Words("Economic advisers urged caution before the budget.", 3, 1),
    new Words("England won the match with a late goal.", 2, 25),
    new Words("A new film opened the festival to warm reviews.", 3, 1),
    new Words("The music awards drew a large crowd to the hall.", 3, 1),
    new Words("Gordon Brown said the spending plans were fair.", 2, 1),
  };

  private static final String[] FILLER = {
    "Officials said the plan would be reviewed next year.",
    "Residents who spoke at the meeting were divided.",
    "The report was published on Tuesday.",
    "Several groups asked for more time to respond.",
    "A spokesperson declined to comment further.",
    "The figures will be updated at the end of the quarter.",
    "Critics said the timetable was unrealistic.",
    "The council is expected to decide within weeks.",
  };

  private static final String[] HEADLINES = {
    "Talks resume on %s", "New figures on %s", "Questions over %s", "Election pledge on %s",
    "Brown plans for %s", "Inquiry into %s", "Fresh doubts about %s", "Deal agreed on %s",
    "Delay to %s", "Review of %s", "Warning over %s", "Rise in %s",
    "Row over %s", "Changes to %s", "Support for %s", "Cuts to %s",
  };

  private static final String[] TOPICS = {
    "rail fares", "school budgets", "the harbour", "water rates", "the stadium", "hospital waits",
  };

  /** Article {@code n} of a folder: a headline, then paragraphs of filler and query words. */
  static String article(Random r, int n, boolean sport) {
    StringBuilder b = new StringBuilder();
    b.append(
            String.format(HEADLINES[r.nextInt(HEADLINES.length)], TOPICS[r.nextInt(TOPICS.length)]))
        .append(", number ")
        .append(n)
        .append("\n\n");
    List<String> sentences = new ArrayList<>();
    for (Words w : WORDS) {
      if (r.nextInt(100) < (sport ? w.sport() : w.news())) {
        sentences.add(w.sentence());
      }
    }
    // filler sentences, none twice (a paragraph printed twice reads as a doubled caption)
    List<String> filler = new ArrayList<>(List.of(FILLER));
    Collections.shuffle(filler, r);
    for (String f : filler.subList(0, 3 + r.nextInt(5))) {
      sentences.add(r.nextInt(sentences.size() + 1), f);
    }
    for (int i = 0; i < sentences.size(); i += 2) {
      b.append(String.join(" ", sentences.subList(i, Math.min(i + 2, sentences.size()))))
          .append("\n\n");
    }
    return b.toString();
  }

  /** Writes and imports the archive; returns its path. */
  static Path generate() throws IOException, SQLException {
    return generate(dir, 1000);
  }

  /**
   * Writes and imports an archive of 20 folders of {@code perFolder} articles under {@code dir},
   * tags and spreads it as described above; returns its path.
   */
  static Path generate(Path dir, int perFolder) throws IOException, SQLException {
    Random r = new Random(20_051_201L);
    int folders = 20;
    List<Path> news = new ArrayList<>();
    List<Path> sport = new ArrayList<>();
    for (int f = 0; f < folders; f++) {
      boolean isSport = f % 5 == 4;
      Path folder =
          Files.createDirectories(dir.resolve("corpus/" + (isSport ? "sport" : "news") + f));
      for (int n = 0; n < perFolder; n++) {
        Files.writeString(
            folder.resolve(String.format("a%04d.txt", n)),
            article(r, f * perFolder + n, isSport),
            StandardCharsets.UTF_8);
      }
      (isSport ? sport : news).add(folder);
    }
    Cli cli = new Cli(dir);
    importInto(cli, "import", news.toArray(Path[]::new));
    importInto(cli, "import --tag sport", sport.subList(1, sport.size()).toArray(Path[]::new));
    importInto(cli, "import --tag sport/cricket", sport.get(0));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      st.executeUpdate(SPREAD);
      st.execute("ANALYZE");
    }
    return cli.db();
  }

  private static void importInto(Cli cli, String command, Path... folders) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    for (Path f : folders) {
      args.add(f.toString());
    }
    Cli.Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isZero();
  }

  /**
   * The full-text index's own answer. Beside a filter it is combined with INTERSECT or EXCEPT: the
   * same set as {@code rowid IN (...)}, which SQLite answers by running the MATCH once per id.
   */
  private static final String FTS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ";

  private static final String SPORT =
      "SELECT article_id FROM article_tags JOIN tags ON tags.id = tag_id"
          + " WHERE tags.key = 'sport' OR tags.key LIKE 'sport/%'";

  /** query, then the SQL that selects the same ids. */
  static final String[][] CASES = {
    {"oil prices", FTS + "'oil prices'"},
    {"\"oil prices\"", FTS + "'\"oil prices\"'"},
    {"oil -prices", FTS + "'oil NOT prices'"},
    {"(oil OR gas) -tag:sport", FTS + "'oil OR gas' EXCEPT " + SPORT},
    {"title:election", FTS + "'title:election'"},
    {"labour NOT blair", FTS + "'labour NOT blair'"},
    {"econom*", FTS + "'econom*'"},
    {"elections", FTS + "'election'"},
    {"tag:sport england", FTS + "'england' INTERSECT " + SPORT},
    {"england -tag:sport", FTS + "'england' EXCEPT " + SPORT},
    {"tag:sport", SPORT},
    {"is:read oil", FTS + "'oil' INTERSECT SELECT id FROM articles WHERE status = 'read'"},
    {"is:starred -is:read", "SELECT id FROM articles WHERE starred = 1 AND status <> 'read'"},
    {
      "is:untagged", "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_tags)"
    },
    {
      "date:2004-06 oil",
      FTS
          + "'oil' INTERSECT SELECT id FROM articles WHERE published >= '2004-06-01'"
          + " AND published < '2004-07-01'"
    },
    {
      "date:2005.. (film OR music)",
      FTS + "'film OR music' INTERSECT SELECT id FROM articles WHERE published >= '2005'"
    },
    {
      "date:..2004-03 -tag:sport",
      "SELECT id FROM articles WHERE published < '2004-04-01' AND id NOT IN (" + SPORT + ")"
    },
    {"-date:2004", "SELECT id FROM articles WHERE published IS NULL OR published NOT LIKE '2004%'"},
    {
      "date:60d.. is:new",
      "SELECT id FROM articles WHERE published >= '2005-04-02' AND status = 'new'"
    },
    {
      "imported:2026-03..2026-04 gas",
      FTS
          + "'gas' INTERSECT SELECT id FROM articles WHERE imported >= '2026-03-01'"
          + " AND imported < '2026-05-01'"
    },
    {"after:2005-10-15", "SELECT id FROM articles WHERE published > '2005-10-15'"},
    {"source:bbc OR tag:sport", "SELECT id FROM articles WHERE source LIKE '%bbc%' UNION " + SPORT},
    {
      "site:bbc.co.uk -source:reuters",
      "SELECT id FROM articles WHERE url LIKE 'https://news.bbc.co.uk/%'"
          + " AND coalesce(source, '') <> 'Reuters'"
    },
    {"oil OR tag:sport", FTS + "'oil' UNION " + SPORT},
    {
      "(oil -prices) OR (tag:sport -england)",
      FTS + "'oil NOT prices' UNION SELECT * FROM (" + SPORT + " EXCEPT " + FTS + "'england')"
    },
    {"-oil -gas", "SELECT id FROM articles EXCEPT " + FTS + "'oil OR gas'"},
    {"body:brown -title:brown", FTS + "'body:brown NOT title:brown'"},
    // tags beside other conditions, without words: each form of such a filter
    {"tag:sport is:starred", "SELECT id FROM articles WHERE starred = 1 INTERSECT " + SPORT},
    {
      "tag:sport date:2004-06",
      "SELECT id FROM articles WHERE published LIKE '2004-06%' INTERSECT " + SPORT
    },
    {"tag:sport -is:read", "SELECT id FROM articles WHERE status <> 'read' INTERSECT " + SPORT},
    {
      "tag:sport/cricket imported:2026-03",
      "SELECT id FROM articles WHERE imported LIKE '2026-03%' INTERSECT "
          + SPORT.replace(
              "tags.key = 'sport' OR tags.key LIKE 'sport/%'", "tags.key = 'sport/cricket'")
    },
  };

  @TestFactory
  @Order(1)
  Stream<DynamicTest> compiledQueriesSelectWhatHandWrittenSqlSelects() {
    return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c[0], () -> crossCheck(c[0], c[1])));
  }

  private void crossCheck(String query, String sql) throws Exception {
    TreeSet<Long> expected = new TreeSet<>();
    try (Statement st = raw.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        expected.add(rs.getLong(1));
      }
    }
    CompiledQuery q = QueryCompiler.compile(query, CTX);
    ArticleRepository articles = archive.articles();
    // (a filter without words has no plan: its forms are chosen from the filter's own counts)
    Plan plan = q.hasText() ? articles.plan(q) : null;
    if (plan != null) {
      chosen.computeIfAbsent(plan, p -> new ArrayList<>()).add(query);
    }
    TreeSet<Long> actual = new TreeSet<>();
    articles.list(q, Sort.NEWEST, 0, 0, false, a -> actual.add(a.id()));
    System.out.printf("%-40s %5d matches  %s%n", query, actual.size(), plan == null ? "" : plan);
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).as("a query with no matches proves little").isNotEmpty();
    // search, list and count agree with it, whichever plan (or form of a filter) runs them:
    // forcing INDEX_ONLY means the plan the counts choose, which for words beside a filter is
    // one of the other two (searched once each) and for words alone the only one
    List<Plan> plans =
        !q.hasText()
            ? List.of(Plan.values())
            : q.where().equals("1")
                ? List.of(Plan.INDEX_ONLY)
                : List.of(Plan.EACH_MATCH, Plan.FILTER_SET);
    for (Plan forced : plans) {
      articles.forcePlan(forced);
      try {
        TreeSet<Long> found = new TreeSet<>();
        if (q.hasText()) {
          articles.search(q, 0, 0, h -> found.add(h.article().id()));
        } else {
          articles.list(q, Sort.NEWEST, 0, 0, false, a -> found.add(a.id()));
        }
        assertThat(found).as(forced.name()).isEqualTo(expected);
        assertThat(articles.count(q)).as(forced.name()).isEqualTo(expected.size());
      } finally {
        articles.forcePlan(null);
      }
    }
  }

  @Test
  @Order(2)
  void theQueriesReachEveryPlan() {
    System.out.println("plans chosen: " + chosen);
    assumeTrue(generated, "the plans a real archive's counts choose are its own");
    assertThat(chosen.keySet()).containsExactlyInAnyOrder(Plan.values());
  }
}
