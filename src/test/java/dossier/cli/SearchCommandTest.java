package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static dossier.cli.ImportCommandTest.assertNoStackTrace;
import static dossier.cli.ImportCommandTest.ndjson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    for (String f : ImportCommandTest.FIXTURES) {
      cli.fixture(f);
    }
    Cli.Result r = cli.run("import", tmp.resolve("files").toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @Test
  void rankedHitsWithSnippets() throws IOException {
    // "harbour" is in the title and body of the strike story, once in no other
    Cli.Result r = cli.run("search", "harbour", "--format", "ndjson");
    assertThat(r.code()).as(r.toString()).isZero();
    List<JsonNode> hits = ndjson(r.out());
    assertThat(hits).hasSize(1);
    JsonNode hit = hits.get(0);
    assertThat(hit.get("title").asText()).contains("Pellor harbour");
    assertThat(hit.get("score").asDouble()).isPositive();
    assertThat(hit.get("snippet").asText()).contains("[harbour]");

    // a word in two stories: the one that uses it in the title and more often ranks first
    List<JsonNode> two = ndjson(cli.run("search", "restoration", "--format", "ndjson").out());
    assertThat(two).isNotEmpty();
    assertThat(two.get(0).get("title").asText()).contains("library");
    for (int i = 1; i < two.size(); i++) {
      assertThat(two.get(i - 1).get("score").asDouble())
          .isGreaterThanOrEqualTo(two.get(i).get("score").asDouble());
    }
  }

  @Test
  void explainSaysHowThePageIsRanked() {
    Cli.Result r = cli.run("search", "--explain", "harbour");
    assertThat(r.code()).as(r.toString()).isZero();
    // a few matches: every one of them is scored
    assertThat(r.out())
        .contains("plan:   the full-text index alone\nranked: bm25 over every match\n");
  }

  @Test
  void sortOrdersTheMatchesAsListDoesAndKeepsTheirSnippets() throws IOException {
    List<String> ranked = cli.run("search", "the", "--format", "ids").lines();
    assertThat(ranked.size()).isGreaterThan(2);
    assertThat(cli.run("search", "the", "--sort", "relevance", "--format", "ids").lines())
        .isEqualTo(ranked);
    for (String order : List.of("newest", "oldest", "imported", "title")) {
      List<String> listed = cli.run("list", "the", "--sort", order, "--format", "ids").lines();
      assertThat(cli.run("search", "the", "--sort", order, "--format", "ids").lines())
          .as(order)
          .isEqualTo(listed);
      // --limit and --offset take the page in that order, and the hits keep their snippets
      Cli.Result page =
          cli.run(
              "search",
              "the",
              "--sort",
              order,
              "--limit",
              "1",
              "--offset",
              "1",
              "--format",
              "ndjson");
      List<JsonNode> hits = ndjson(page.out());
      assertThat(hits.stream().map(h -> h.get("id").asText()).toList())
          .isEqualTo(listed.subList(1, 2));
      assertThat(hits)
          .allSatisfy(h -> assertThat(h.get("snippet").asText()).containsIgnoringCase("[the]"));
      assertThat(page.err()).contains("1 of " + (listed.size() - 1) + "; --limit 0 for all");
    }
    assertThat(ranked)
        .containsExactlyInAnyOrderElementsOf(
            cli.run("search", "the", "--sort", "oldest", "--format", "ids").lines());
  }

  @Test
  void aSortThatDoesNotExistListsTheOrders() {
    Cli.Result r = cli.run("search", "the", "--sort", "sideways");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err())
        .contains("--sort takes one of newest, oldest, imported, title, relevance, got 'sideways'");
    assertNoStackTrace(r);
  }

  @Test
  void tableShowsTheSnippetUnderTheTitle() {
    Cli.Result r = cli.run("search", "constellations");
    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(0)).contains("Old Marrowgate library");
    assertThat(r.lines().get(1)).contains("[constellations]");
  }

  @Test
  void stemmedAndCaseInsensitive() throws IOException {
    assertThat(ndjson(cli.run("search", "STRIKES", "--format", "ndjson").out())).hasSize(1);
    assertThat(ndjson(cli.run("search", "\"grain ships\"", "--format", "ndjson").out())).hasSize(1);
  }

  @Test
  void punctuationNeverCrashes() {
    for (String q : List.of("U.S.", "\"", "'", "(", "NOT", "a*b", "x:y", "-", "^", "\\")) {
      Cli.Result r = cli.run("search", q);
      assertThat(r.code()).as(q + ": " + r).isIn(ExitCode.OK, ExitCode.USAGE);
      assertThat(r.err()).as(q).doesNotContain("SQL").doesNotContain("internal error");
      assertNoStackTrace(r);
    }
  }

  @Test
  void noMatchIsSuccessWithANote() throws IOException {
    Cli.Result r = cli.run("search", "zeppelin");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no matches");
    assertThat(JSON.readTree(cli.run("search", "zeppelin", "--format", "json").out()).size())
        .isZero();
  }

  @Test
  void limitDefaultsToTwentyAndZeroMeansAll() {
    Cli.Result r = cli.run("search", "the", "--format", "ids", "--limit", "1");
    assertThat(r.lines()).hasSize(1);
    assertThat(cli.run("search", "the", "--format", "ids", "--limit", "0").lines()).hasSize(3);
  }

  @Test
  void needsAQuery() {
    Cli.Result r = cli.run("search");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertNoStackTrace(r);
  }
}
