package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import dossier.core.Hit;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.store.ArticleRepository.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way a query with words and a filter is answered follows the archive's counts, and every way
 * gives the same page in the same order.
 *
 * <p>The archive: 3,000 articles that all contain "harbour", one in ten also "ferry"; one in a
 * hundred is dated 2019 (the rest 2021), one in three tagged {@code port}.
 */
class SearchPlanTest {
  @TempDir static Path dir;
  static Archive archive;

  @BeforeAll
  static void build() {
    archive = Archive.open(dir.resolve("plan.db"));
    archive.write(
        () -> {
          for (int i = 1; i <= 3000; i++) {
            String title = "Harbour report " + i;
            String body =
                "The harbour office counted "
                    + i
                    + " boats today."
                    + (i % 10 == 0 ? " The ferry was late." : "")
                    + " harbour ".repeat(1 + i % 7);
            Extracted x =
                new Extracted(
                    title,
                    "Port Gazette",
                    List.of(),
                    i % 100 == 0 ? "2019-05-01" : "2021-05-01",
                    null,
                    null,
                    "en",
                    null,
                    body,
                    List.of(),
                    "text");
            byte[] raw = body.getBytes(StandardCharsets.UTF_8);
            archive
                .articles()
                .insert(
                    NewArticle.of(x, raw, "/plan/" + i, i % 3 == 0 ? List.of("port") : List.of()),
                    "2024-01-01T00:00:00Z");
          }
          return null;
        });
  }

  @AfterAll
  static void close() {
    archive.close();
  }

  static CompiledQuery q(String text) {
    return QueryCompiler.compile(text, QueryContext.of(name -> Optional.empty()));
  }

  @Test
  void choosesByTheCounts() {
    ArticleRepository a = archive.articles();
    assertThat(a.plan(q("harbour"))).isEqualTo(Plan.INDEX_ONLY);
    // 30 articles of 2019 against 3,000 matches: collect the 30, keep the matches among them
    assertThat(a.plan(q("harbour date:2019"))).isEqualTo(Plan.FILTER_SET);
    // 2,970 articles against 3,000 matches: reading them from an index still costs less than
    // looking up 3,000 articles (the set pays up to about three times the matches)
    assertThat(a.plan(q("harbour date:2021"))).isEqualTo(Plan.FILTER_SET);
    // 1,000 tagged articles against 3,000 matches
    assertThat(a.plan(q("harbour tag:port"))).isEqualTo(Plan.FILTER_SET);
    // few matches: walk them whatever the filter
    assertThat(a.plan(q("ferry date:2019"))).isEqualTo(Plan.EACH_MATCH);
    // a filter no index can answer (a part of the source's name): walk the matches
    assertThat(a.plan(q("harbour source:gazette"))).isEqualTo(Plan.EACH_MATCH);
  }

  @Test
  void aFilterThatCostsMoreThanItsBudgetIsTestedMatchByMatch() {
    ArticleRepository a = archive.articles();
    try {
      // collecting 1,000 tagged articles takes some 16,000 steps: more than 300 matches x 24
      a.tunePlan(100, 24);
      assertThat(a.plan(q("ferry tag:port"))).isEqualTo(Plan.EACH_MATCH);
      // the interrupted count leaves the connection usable
      assertThat(a.count(q("ferry tag:port"))).isEqualTo(100);
      a.tunePlan(100, 1_000);
      assertThat(a.plan(q("ferry tag:port"))).isEqualTo(Plan.FILTER_SET);
    } finally {
      a.tunePlan(2_000, 24);
    }
  }

  @Test
  void theTotalFoundWithAPageServesTheCountUntilTheArchiveChanges() throws Exception {
    CompiledQuery q = q("harbour tag:port");
    ArticleRepository a = archive.articles();
    a.search(q, 20, 0, h -> {});
    assertThat(a.count(q)).isEqualTo(1000);
    // a change made through this connection
    archive.write(
        () -> {
          a.addTag(1, "port");
          return null;
        });
    assertThat(a.count(q)).isEqualTo(1001);
    // a change committed by another process's connection
    a.search(q, 20, 0, h -> {});
    try (Archive other = Archive.open(dir.resolve("plan.db"))) {
      other.write(
          () -> {
            other.articles().addTag(2, "port");
            return null;
          });
    }
    assertThat(a.count(q)).isEqualTo(1002);
  }

  @Test
  void aTagAndATagUnderItCountAnArticleOnce() {
    // (SQLite 3.51 turned "EXISTS (... tag_id IN (...))" into a join that gave such an article
    // once for each of its tags; the probe form now keeps it from doing so)
    ArticleRepository a = archive.articles();
    archive.write(
        () -> {
          a.addTag(3, "port/east");
          a.addTag(6, "port/east");
          return null;
        });
    for (String text :
        List.of(
            "tag:port",
            "tag:port tag:port/east",
            "tag:port date:2021",
            "harbour tag:port",
            "ferry tag:port date:2021")) {
      CompiledQuery q = q(text);
      for (Plan p : List.of(Plan.EACH_MATCH, Plan.FILTER_SET)) {
        a.forcePlan(p);
        try {
          List<Long> ids = new ArrayList<>();
          if (q.hasText()) {
            a.search(q, 0, 0, h -> ids.add(h.article().id()));
          } else {
            a.list(q, Sort.NEWEST, 0, 0, false, x -> ids.add(x.id()));
          }
          assertThat(ids).as(text + " " + p).doesNotHaveDuplicates();
          assertThat(a.count(q)).as(text + " " + p).isEqualTo(ids.size());
        } finally {
          a.forcePlan(null);
        }
      }
    }
  }

  @Test
  void everyPlanGivesTheSamePageAndCount() {
    for (String text :
        List.of(
            "harbour date:2019",
            "harbour tag:port",
            "harbour -tag:port date:2019",
            "harbour date:2021",
            "ferry tag:port")) {
      CompiledQuery q = q(text);
      List<List<Object>> pages = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      try {
        for (Plan p : List.of(Plan.EACH_MATCH, Plan.FILTER_SET)) {
          archive.articles().forcePlan(p);
          List<Object> page = new ArrayList<>();
          archive.articles().search(q, 20, 5, h -> page.add(row(h)));
          pages.add(page);
          counts.add(archive.articles().count(q));
        }
      } finally {
        archive.articles().forcePlan(null);
      }
      assertThat(pages.get(0)).as(text).isNotEmpty().isEqualTo(pages.get(1));
      assertThat(counts.get(0)).as(text).isPositive().isEqualTo(counts.get(1));
    }
  }

  private static List<Object> row(Hit h) {
    return List.of(h.article().id(), h.score(), h.snippet());
  }
}
