package dossier.query;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.store.Archive;
import dossier.store.ArticleRepository;
import dossier.store.Sort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Cross-checks compiled queries against hand-written SQL on a real archive named by {@code
 * DOSSIER_BENCH_DB} (skipped without it), e.g. one imported from the BBC news corpus:
 *
 * <pre>
 * dossier --db /tmp/bbc.db import corpora/bbc
 * sqlite3 /tmp/bbc.db "select id from articles where path like '%/sport/%'" \
 *   | dossier --db /tmp/bbc.db tag +sport -
 * sqlite3 /tmp/bbc.db "UPDATE articles SET status = CASE id % 4 WHEN 0 THEN 'new' WHEN 1 THEN
 *   'read' WHEN 2 THEN 'reviewed' ELSE 'archived' END, starred = (id % 7 = 0), published = CASE
 *   WHEN id % 11 = 0 THEN NULL ELSE date('2004-01-01', '+' || (id % 800) || ' days') END;
 *   UPDATE articles SET imported = '2026-03-15T10:00:00Z' WHERE id % 5 = 0;
 *   UPDATE articles SET url = 'https://news.bbc.co.uk/news/' || id WHERE id % 3 = 0"
 * DOSSIER_BENCH_DB=/tmp/bbc.db mvn test -Dtest=LargeArchiveCrossCheckTest
 * </pre>
 *
 * (the updates spread statuses, stars, dates and addresses so that no query's answer is empty).
 * Each query's search and count are checked too, under every plan the store can choose.
 *
 * <p>The expected sets are computed with raw FTS5 syntax and plain SQL written here by hand, so the
 * test holds for whatever the archive contains; it reports how many articles each query matched so
 * that a check of empty sets does not pass unnoticed.
 */
@EnabledIfEnvironmentVariable(named = "DOSSIER_BENCH_DB", matches = ".+")
class LargeArchiveCrossCheckTest {
  static final QueryContext CTX =
      new QueryContext(
          name -> Optional.empty(),
          Clock.fixed(Instant.parse("2005-06-01T00:00:00Z"), ZoneOffset.UTC));

  static Archive archive;
  static Connection raw;

  @BeforeAll
  static void open() throws Exception {
    Path db = Path.of(System.getenv("DOSSIER_BENCH_DB"));
    archive = Archive.open(db);
    raw = DriverManager.getConnection("jdbc:sqlite:" + db);
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
    raw.close();
  }

  private static final String FTS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ";
  private static final String SPORT =
      "SELECT article_id FROM article_tags JOIN tags ON tags.id = tag_id"
          + " WHERE tags.key = 'sport' OR tags.key LIKE 'sport/%'";

  /** query, then the SQL that selects the same ids. */
  static final String[][] CASES = {
    {"oil prices", FTS + "'oil prices'"},
    {"\"oil prices\"", FTS + "'\"oil prices\"'"},
    {"oil -prices", FTS + "'oil NOT prices'"},
    {"(oil OR gas) -tag:sport", FTS + "'oil OR gas' AND rowid NOT IN (" + SPORT + ")"},
    {"title:election", FTS + "'title:election'"},
    {"labour NOT blair", FTS + "'labour NOT blair'"},
    {"econom*", FTS + "'econom*'"},
    {"elections", FTS + "'election'"},
    {"tag:sport england", FTS + "'england' AND rowid IN (" + SPORT + ")"},
    {"england -tag:sport", FTS + "'england' AND rowid NOT IN (" + SPORT + ")"},
    {"tag:sport", SPORT},
    {"is:read oil", FTS + "'oil' AND rowid IN (SELECT id FROM articles WHERE status = 'read')"},
    {"is:starred -is:read", "SELECT id FROM articles WHERE starred = 1 AND status <> 'read'"},
    {
      "is:untagged", "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_tags)"
    },
    {
      "date:2004-06 oil",
      FTS
          + "'oil' AND rowid IN (SELECT id FROM articles WHERE published >= '2004-06-01'"
          + " AND published < '2004-07-01')"
    },
    {
      "date:2005.. (film OR music)",
      FTS + "'film OR music' AND rowid IN (SELECT id FROM articles WHERE published >= '2005')"
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
          + "'gas' AND rowid IN (SELECT id FROM articles WHERE imported >= '2026-03-01'"
          + " AND imported < '2026-05-01')"
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
  };

  @TestFactory
  Stream<DynamicTest> compiledQueriesSelectWhatHandWrittenSqlSelects() {
    return Stream.of(CASES)
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0],
                    () -> {
                      TreeSet<Long> expected = new TreeSet<>();
                      try (Statement st = raw.createStatement();
                          ResultSet rs = st.executeQuery(c[1])) {
                        while (rs.next()) {
                          expected.add(rs.getLong(1));
                        }
                      }
                      TreeSet<Long> actual = new TreeSet<>();
                      archive
                          .articles()
                          .list(
                              QueryCompiler.compile(c[0], CTX),
                              Sort.NEWEST,
                              0,
                              0,
                              false,
                              a -> actual.add(a.id()));
                      System.out.printf("%-40s %5d matches%n", c[0], actual.size());
                      assertThat(actual).isEqualTo(expected);
                      assertThat(expected).as("a query with no matches proves little").isNotEmpty();
                      // search and count agree with it, whichever plan runs them
                      CompiledQuery q = QueryCompiler.compile(c[0], CTX);
                      for (ArticleRepository.Plan plan : ArticleRepository.Plan.values()) {
                        archive.articles().forcePlan(plan);
                        try {
                          TreeSet<Long> found = new TreeSet<>();
                          archive.articles().search(q, 0, 0, h -> found.add(h.article().id()));
                          assertThat(found).as(plan.name()).isEqualTo(expected);
                          assertThat(archive.articles().count(q))
                              .as(plan.name())
                              .isEqualTo(expected.size());
                        } finally {
                          archive.articles().forcePlan(null);
                        }
                      }
                    }));
  }
}
