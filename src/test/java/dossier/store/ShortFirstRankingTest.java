package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import dossier.core.Hit;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page a search finds among the shortest articles first is the page that scoring every match
 * gives: the same ids in the same order, the same scores and the same total, on many queries over a
 * generated archive, and checked against bm25 over every match written here by hand.
 *
 * <p>The archive: 4,000 articles of 3 to 900 words drawn from a fixed vocabulary by a seeded random
 * stream, so that article lengths spread widely; a few words occur once in an article at most (the
 * case the bound is tight for), others repeat within articles, some go into titles, captions or
 * notes (weighted more), a third of the articles are tagged and dates spread over ten years.
 */
class ShortFirstRankingTest {
  @TempDir static Path dir;
  static Archive archive;
  static Connection raw;

  /** Words put at most once into an article, with the share of articles holding each. */
  static final String[] ONCE = {"velmora", "ostrander", "quillon", "brask"};

  static final double[] ONCE_RATE = {0.30, 0.12, 0.05, 0.6};

  static final String[] COMMON = {
    "harbour", "market", "council", "river", "school", "match", "rail", "storm", "bridge", "bank",
    "vote", "price", "field", "court", "minister", "ferry", "coast", "energy", "trade", "winter"
  };

  @BeforeAll
  static void build() throws Exception {
    Path db = dir.resolve("short.db");
    archive = Archive.open(db);
    Random r = new Random(20261202);
    archive.write(
        () -> {
          for (int i = 1; i <= 4000; i++) {
            int words = 3 + (int) Math.round(Math.pow(r.nextDouble(), 2.5) * 900);
            List<String> body = new ArrayList<>();
            for (int w = 0; w < words; w++) {
              // a skewed pick: the first common words are far more frequent
              int k = (int) Math.min(COMMON.length - 1, Math.floor(-Math.log(r.nextDouble()) * 4));
              body.add(r.nextInt(3) == 0 ? COMMON[k] : "filler" + r.nextInt(400));
            }
            for (int m = 0; m < ONCE.length; m++) {
              if (r.nextDouble() < ONCE_RATE[m]) {
                body.add(r.nextInt(body.size() + 1), ONCE[m]);
              }
            }
            if (r.nextDouble() < 0.05) {
              int at = r.nextInt(body.size() + 1);
              body.add(at, "zintara");
              body.add(at + 1, "lattice");
            }
            String title =
                "Report "
                    + i
                    + (r.nextInt(25) == 0 ? " " + COMMON[r.nextInt(COMMON.length)] : "")
                    + (r.nextInt(200) == 0 ? " velmora" : "");
            String caption = r.nextInt(40) == 0 ? "A view of the " + COMMON[r.nextInt(5)] : null;
            Extracted x =
                new Extracted(
                    title,
                    "Gazette",
                    List.of(),
                    String.format("%d-%02d-01", 2010 + r.nextInt(10), 1 + r.nextInt(12)),
                    null,
                    null,
                    "en",
                    caption,
                    String.join(" ", body) + ".",
                    List.of(),
                    "text");
            byte[] raw = ("generated " + i).getBytes(StandardCharsets.UTF_8);
            archive
                .articles()
                .insert(
                    NewArticle.of(x, raw, "/gen/" + i, i % 3 == 0 ? List.of("port") : List.of()),
                    "2024-01-01T00:00:00Z");
          }
          return null;
        });
    raw = DriverManager.getConnection("jdbc:sqlite:" + db);
    try (var st = raw.createStatement()) {
      // notes count in the index (weight 2) and are changed in place, as a person adds one
      st.execute("UPDATE articles SET note = 'see the harbour plan' WHERE id % 97 = 0");
    }
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
    raw.close();
  }

  static CompiledQuery q(String text) {
    return QueryCompiler.compile(text, QueryContext.of(name -> Optional.empty()));
  }

  record Row(long id, double score) {}

  static List<Row> page(String query, int limit, int offset) {
    List<Row> out = new ArrayList<>();
    archive.articles().forgetPlans();
    archive.articles().search(q(query), limit, offset, h -> out.add(row(h)));
    return out;
  }

  static Row row(Hit h) {
    return new Row(h.article().id(), h.score());
  }

  /** bm25 over every match, best first, ties newest first: the order a search promises. */
  static List<Row> everyMatch(String match, int limit, int offset) throws Exception {
    List<Row> out = new ArrayList<>();
    try (PreparedStatement st =
        raw.prepareStatement(
            "SELECT rowid, -bm25(articles_fts, 10.0, 1.0, 4.0, 2.0) AS s FROM articles_fts"
                + " WHERE articles_fts MATCH ? ORDER BY s DESC, rowid DESC LIMIT ? OFFSET ?")) {
      st.setString(1, match);
      st.setInt(2, limit);
      st.setInt(3, offset);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getLong(1), rs.getDouble(2)));
        }
      }
    }
    return out;
  }

  static List<String> queries() {
    List<String> out = new ArrayList<>();
    for (String w : ONCE) {
      out.add(w);
    }
    for (String w : COMMON) {
      out.add(w);
    }
    out.add("\"zintara lattice\"");
    out.add("zintara lattice");
    out.add("velmora ostrander");
    out.add("velmora brask");
    out.add("velmora harbour");
    out.add("brask market");
    out.add("velmora tag:port");
    out.add("brask tag:port");
    out.add("velmora date:2012");
    out.add("brask date:2010..2013");
    out.add("harbour tag:port");
    out.add("ostrander -tag:port");
    return out;
  }

  @Test
  void everyQueryGivesThePageAndTotalOfScoringEveryMatch() throws Exception {
    ArticleRepository a = archive.articles();
    TreeMap<String, Integer> ways = new TreeMap<>();
    int[][] pages = {{20, 0}, {1, 0}, {10, 30}, {50, 0}, {20, 200}};
    int checked = 0;
    try {
      for (String query : queries()) {
        for (int[] p : pages) {
          a.shortFirst(false);
          List<Row> expected = page(query, p[0], p[1]);
          long expectedTotal = a.count(q(query));
          a.tuneShortFirst(1);
          List<Row> got = page(query, p[0], p[1]);
          String way = a.lastShortFirst();
          ways.merge(way == null ? "every match scored" : way, 1, Integer::sum);
          assertThat(got).as("%s, %d from %d (%s)", query, p[0], p[1], way).isEqualTo(expected);
          assertThat(a.count(q(query))).as("total of %s", query).isEqualTo(expectedTotal);
          if (p[1] == 0) {
            assertThat(expected).as("%s has matches", query).isNotEmpty();
          }
          if (!query.contains(":")) {
            assertThat(got)
                .as("%s by hand", query)
                .isEqualTo(everyMatch(q(query).match(), p[0], p[1]));
          }
          checked++;
        }
      }
    } finally {
      a.shortFirst(true);
    }
    System.out.println(checked + " pages; found by: " + ways);
    // the short walk decided most pages; each way of ending it was taken
    assertThat(ways).containsKeys("first walk", "walk to a length", "every match scored");
    assertThat(ways.get("first walk") + ways.get("walk to a length")).isGreaterThan(checked / 3);
  }

  @Test
  void aPageOfAnArchiveChangedSinceIsFoundAsWell() throws Exception {
    ArticleRepository a = archive.articles();
    try {
      a.tuneShortFirst(1);
      List<Row> before = page("velmora", 20, 0);
      // the shortest article of all now holds the word: it must lead the page
      archive.write(
          () -> {
            Extracted x =
                new Extracted(
                    "Short",
                    "Gazette",
                    List.of(),
                    "2015-01-01",
                    null,
                    null,
                    "en",
                    null,
                    "velmora.",
                    List.of(),
                    "text");
            a.insert(
                NewArticle.of(x, "short".getBytes(StandardCharsets.UTF_8), "/s", List.of()),
                "2024-01-02T00:00:00Z");
            return null;
          });
      List<Row> after = page("velmora", 20, 0);
      assertThat(after).isEqualTo(everyMatch("\"velmora\"", 20, 0));
      assertThat(after.get(0)).isNotEqualTo(before.get(0));
    } finally {
      a.shortFirst(true);
    }
  }
}
