package dossier.query;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.query.CompiledQuery.Access;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compiler states a query's structure (whether it has a filter, how the filter's articles are
 * found, whether it tests ids only, whether tags split off) so that the store plans from it instead
 * of reading SQL.
 */
class QueryShapeTest {
  static CompiledQuery q(String text) {
    return QueryCompiler.compile(text, QueryContext.of(name -> Optional.empty()));
  }

  record Shape(boolean filtered, Access access, boolean idsOnly) {}

  static Shape shape(String text) {
    CompiledQuery c = q(text);
    return new Shape(c.filtered(), c.access(), c.rowidProbe() != null);
  }

  @Test
  void eachQueryStatesItsFilter() {
    String[][] cases = {
      // query, filtered, access, ids only
      {"harbour", "false", "SCAN", "false"},
      {"harbour ferry -storm", "false", "SCAN", "false"},
      {"harbour tag:port", "true", "ID", "true"},
      {"harbour id:3..9", "true", "ID", "true"},
      {"harbour is:untagged", "true", "SCAN", "true"},
      {"harbour (tag:port OR storm)", "true", "ID", "true"},
      {"harbour -tag:port", "true", "SCAN", "true"},
      {"harbour date:2021", "true", "DATE", "false"},
      {"harbour imported:2024", "true", "DATE", "false"},
      {"harbour is:undated", "true", "DATE", "false"},
      {"harbour is:reviewed", "true", "INDEX", "false"},
      {"harbour is:starred", "true", "INDEX", "false"},
      {"harbour source:gazette", "true", "SCAN", "false"},
      {"harbour is:noted", "true", "SCAN", "false"},
      // an AND takes the way in SQLite prefers: an id, then an equality, then a range
      {"harbour date:2021 tag:port", "true", "ID", "false"},
      {"harbour date:2021 is:new", "true", "INDEX", "false"},
      {"harbour date:2021 source:gazette", "true", "DATE", "false"},
      // an OR has a way in only when each branch has one
      {"harbour (date:2021 OR tag:port)", "true", "INDEX", "false"},
      {"harbour (date:2021 OR date:2019)", "true", "DATE", "false"},
      {"harbour (date:2021 OR source:gazette)", "true", "SCAN", "false"},
      {"tag:port", "true", "ID", "true"},
      {"oil OR tag:port", "true", "ID", "true"},
      {"-harbour", "true", "SCAN", "true"},
    };
    for (String[] c : cases) {
      assertThat(shape(c[0]))
          .as(c[0])
          .isEqualTo(
              new Shape(
                  Boolean.parseBoolean(c[1]), Access.valueOf(c[2]), Boolean.parseBoolean(c[3])));
    }
  }

  @Test
  void tagsSplitOffFromTheOtherConditionsOfAFilter() {
    CompiledQuery.TagSplit split = q("tag:port date:2021").tagSplit();
    assertThat(split.tagSets()).hasSize(1);
    assertThat(split.restAccess()).isEqualTo(Access.DATE);
    assertThat(q("tag:port source:gazette").tagSplit().restAccess()).isEqualTo(Access.SCAN);
    assertThat(q("tag:port tag:ferry").tagSplit().rest()).isNull();
    // words take the tags into the filter beside them: no split
    assertThat(q("harbour tag:port").tagSplit()).isNull();
  }

  @Test
  void theProbeOnIdsNamesTheWordMatchesIdNotTheArticleRow() {
    CompiledQuery c = q("harbour tag:port id:4");
    assertThat(c.rowidProbe()).contains("articles_fts.rowid").doesNotContain("a.id");
    assertThat(c.params()).hasSize(4);
  }

  @Test
  void theServerFormSaysWhenEveryMatchHoldsTheWordsItIsRankedBy() {
    // the filters and one test of the ranking words: a page can be bounded by those words' scores
    for (String yes :
        new String[] {
          "harbour",
          "harbour tag:port",
          "harbour date:2024 -tag:x is:new",
          "harbour strike",
          "(harbour OR strike) tag:port"
        }) {
      assertThat(q(yes).postgres().rankIsMatch()).as(yes).isTrue();
    }
    // a filter OR'ed with the words, or no words to rank by: some match may lack them
    for (String no :
        new String[] {"harbour OR tag:port", "-harbour tag:port", "tag:port", "*", "is:new"}) {
      assertThat(q(no).postgres().rankIsMatch()).as(no).isFalse();
    }
  }
}
