package dossier.query;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Hit;
import dossier.store.Archive;
import dossier.store.Sort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator of the query language against the {@link Fixture} archive, with the exact set of
 * article ids each query must select.
 */
class QueryEndToEndTest {
  @TempDir static Path dir;
  static Archive archive;

  @BeforeAll
  static void open() throws Exception {
    archive = Fixture.build(dir);
  }

  @AfterAll
  static void close() {
    archive.close();
  }

  /** query | expected ids. */
  static final String CASES =
      """
      |1 2 3 4 5 6
      * | 1 2 3 4 5 6
      -* |
      tag:sport OR * | 1 2 3 4 5 6
      oil * | 1 2 4 5
      oil | 1 2 4 5
      OIL | 1 2 4 5
      oil prices | 1 2 5
      "oil prices" | 1 2
      oil -prices | 4
      oil NOT prices | 4
      oil AND prices | 1 2 5
      elections | 1 6
      election | 1 6
      title:election | 1
      title:elections | 1
      TITLE:"oil prices" | 2
      body:climb |
      body:crude | 2
      cafe | 3
      CAFÉ | 3
      café culture | 3
      econom* | 3 4 6
      "econom"* | 3 4 6
      title:econom* | 6
      labour NOT blair | 5
      labour -blair | 5
      (oil OR gas) -tag:sport | 1 2 5
      oil OR gas | 1 2 4 5
      gas OR tag:politics | 1 2 5
      -oil | 3 6
      NOT oil | 3 6
      -gas is:new | 4 6
      -(oil OR gas) | 3 6
      (oil -prices) OR is:archived | 3 4
      oil OR -gas | 1 2 3 4 5 6
      oil (gas OR tag:politics) | 1 2 5
      (oil OR tag:politics) (gas OR is:read) | 1 2 5
      tag:ukraine | 1 2
      tag:UKRAINE/energy | 2
      tag:ukr* | 1 2 6
      -tag:ukraine | 3 4 5 6
      tag:ukraine tag:politics | 1
      tag:ukraine OR tag:sport | 1 2 4
      tag:ukraine date:2024-08 | 1
      tag:ukraine date:2024 | 1 2
      tag:ukr* date:..2023 | 6
      tag:ukraine is:reviewed | 2
      tag:ukraine -date:2024-09 | 1
      tag:ukraine tag:politics date:2024 | 1
      tag:nosuchtag |
      is:untagged | 3
      is:starred | 2
      is:read | 1
      is:reviewed | 2
      is:archived | 3
      is:new | 4 5 6
      is:noted | 3
      -is:new | 1 2 3
      note:cafe | 3
      follow | 3
      caption:traders | 6
      trader | 6
      source:"washington post" | 1
      source:bbc | 4 5
      -source:bbc | 1 2 3 6
      source:* | 1 2 3 4 5
      author:smith | 1
      author:ray | 5
      author:dubois | 3
      author:"sam lee" | 4 5
      site:bbc.co.uk | 4 5
      site:news.bbc.co.uk | 5
      site:www.bbc.co.uk |
      site:https://www.washingtonpost.com/x | 1
      -site:bbc.co.uk | 1 2 3 6
      url:reuters | 2
      url:a_ |
      section:world | 1
      section:WORLD | 1
      section:pol* | 5
      section:orld |
      lang:en | 1 2 4 5
      lang:en-gb | 2
      lang:fr | 3
      id:2 | 2
      id:1,3..4 | 1 3 4
      -id:1..5 | 6
      date:2024 | 1 2 5
      date:2024-09 | 2 5
      date:2024-08-15 | 1
      date:2024-08..2024-09-01 | 1 2
      date:..2023 | 3 6
      date:2024.. | 1 2 5
      date:30d.. | 2 5
      date:30d | 2 5
      date:1y.. | 1 2 5
      date:1m.. | 1 2 5
      date:2w.. | 2 5
      date:..30d | 1 3 6
      -date:2024 | 3 4 6
      after:2024-09-01 | 5
      after:2024-08 | 2 5
      before:2024-08-15 | 3 6
      before:2024 | 3 6
      imported:1d.. | 1
      imported:today |
      imported:yesterday | 1
      imported:2024-09 | 1 2
      imported:..2024-01 | 3 4 5 6
      saved:energy | 1 2 4 5
      saved:ENERGY -prices | 4
      saved:both | 2 5
      oil date:2024 tag:ukraine | 1 2
      econom* -is:new | 3
      oil is:new -tag:energy | 4
      "ukraine" tag:politics | 1
      x'; DROP TABLE articles; -- |
      ' OR 1=1 -- |
      oil /* comment */ |
      """;

  @TestFactory
  Stream<DynamicTest> selectsExactly() {
    return CASES
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              int bar = l.lastIndexOf('|');
              String query = l.substring(0, bar).strip();
              TreeSet<Long> expected = new TreeSet<>();
              Arrays.stream(l.substring(bar + 1).strip().split("\\s+"))
                  .filter(s -> !s.isEmpty())
                  .forEach(s -> expected.add(Long.parseLong(s)));
              return DynamicTest.dynamicTest(
                  query.isEmpty() ? "(empty)" : query,
                  () -> assertThat(Fixture.ids(archive, query)).isEqualTo(expected));
            });
  }

  @Test
  void searchRanksTitleMatchesFirstAndMarksTheWords() {
    List<Hit> hits = new ArrayList<>();
    archive.articles().search(QueryCompiler.compile("oil", Fixture.CTX), 0, 0, hits::add);
    assertThat(hits).extracting(h -> h.article().id()).containsExactlyInAnyOrder(1L, 2L, 4L, 5L);
    assertThat(hits.get(0).article().id()).isEqualTo(2L);
    assertThat(hits.get(0).snippet()).contains(Hit.MARK_START + "oil" + Hit.MARK_END);
  }

  @Test
  void wordsBesideAFilterRankTheirMatchesFirst() {
    List<Hit> hits = new ArrayList<>();
    archive
        .articles()
        .search(QueryCompiler.compile("gas OR tag:politics", Fixture.CTX), 0, 0, hits::add);
    assertThat(hits).extracting(h -> h.article().id()).containsExactly(5L, 2L, 1L);
    assertThat(hits.get(0).score()).isPositive();
    assertThat(hits.get(0).snippet()).contains(Hit.MARK_START + "gas" + Hit.MARK_END);
    assertThat(hits.get(2).score()).isZero();
    List<Long> byRelevance = new ArrayList<>();
    archive
        .articles()
        .list(
            QueryCompiler.compile("gas OR tag:politics", Fixture.CTX),
            Sort.RELEVANCE,
            0,
            0,
            false,
            a -> byRelevance.add(a.id()));
    assertThat(byRelevance).containsExactly(5L, 2L, 1L);
  }

  @Test
  void pureFiltersRunWithoutFullTextAndListNewestFirst() {
    CompiledQuery q = QueryCompiler.compile("tag:ukraine OR is:untagged", Fixture.CTX);
    assertThat(q.match()).isNull();
    assertThat(q.rank()).isNull();
    List<Long> ids = new ArrayList<>();
    archive.articles().list(q, Sort.NEWEST, 0, 0, false, a -> ids.add(a.id()));
    assertThat(ids).containsExactly(2L, 1L, 3L);
  }

  @Test
  void textUnderOrWithFiltersKeepsWordsToRankBy() {
    CompiledQuery q = QueryCompiler.compile("gas OR tag:politics", Fixture.CTX);
    assertThat(q.match()).isNull();
    assertThat(q.rank()).isEqualTo("\"gas\"");
  }

  @Test
  void emptyQueryIsEverything() {
    assertThat(QueryCompiler.compile("", Fixture.CTX)).isEqualTo(CompiledQuery.ALL);
    assertThat(QueryCompiler.compile("   \t ", Fixture.CTX)).isEqualTo(CompiledQuery.ALL);
  }
}
