package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static dossier.cli.ImportCommandTest.ndjson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
  @TempDir Path tmp;
  Cli cli;

  /** Imports the fixtures one by one, so their import order (and ids) is known. */
  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    for (String f : ImportCommandTest.FIXTURES) {
      Cli.Result r = cli.run("import", cli.fixture(f).toString());
      assertThat(r.code()).as(r.toString()).isZero();
    }
  }

  private static List<String> idsOf(List<JsonNode> nodes) {
    return nodes.stream().map(n -> n.get("id").asText()).toList();
  }

  @Test
  void listsNewestFirst() throws IOException {
    List<JsonNode> all = ndjson(cli.run("list", "--format", "ndjson").out());
    assertThat(all).hasSize(3);
    List<String> dates = new ArrayList<>();
    for (JsonNode a : all) {
      String d =
          a.get("published").isNull() ? a.get("imported").asText() : a.get("published").asText();
      dates.add(d.substring(0, 10));
    }
    assertThat(dates).isSortedAccordingTo((x, y) -> y.compareTo(x));

    List<JsonNode> oldest = ndjson(cli.run("list", "--sort", "oldest", "--format", "ndjson").out());
    List<String> reversed = new ArrayList<>(idsOf(all));
    Collections.reverse(reversed);
    assertThat(idsOf(oldest)).containsExactlyElementsOf(reversed);
  }

  @Test
  void limitAndOffset() throws IOException {
    List<String> all = cli.run("list", "--format", "ids").lines();
    assertThat(cli.run("list", "--format", "ids", "--limit", "2").lines())
        .containsExactlyElementsOf(all.subList(0, 2));
    assertThat(cli.run("list", "--format", "ids", "--offset", "1").lines())
        .containsExactlyElementsOf(all.subList(1, 3));
  }

  @Test
  void everyFormatCarriesTheSameArticles() throws IOException {
    List<String> ids = cli.run("list", "--format", "ids").lines();
    assertThat(ids).hasSize(3).allMatch(s -> s.matches("\\d+"));

    Cli.Result json = cli.run("list", "--format", "json");
    assertThat(json.code()).isZero();
    JsonNode array = JSON.readTree(json.out());
    assertThat(array.isArray()).isTrue();
    List<JsonNode> fromJson = new ArrayList<>();
    array.forEach(fromJson::add);
    assertThat(idsOf(fromJson)).containsExactlyElementsOf(ids);
    for (JsonNode a : fromJson) {
      for (String field :
          List.of(
              "id",
              "title",
              "source",
              "authors",
              "published",
              "url",
              "section",
              "lang",
              "caption",
              "tags",
              "status",
              "starred",
              "note",
              "word_count",
              "imported",
              "path",
              "content_hash")) {
        assertThat(a.has(field)).as("field " + field).isTrue();
      }
      assertThat(a.get("status").asText()).isEqualTo("new");
      assertThat(a.get("content_hash").asText()).matches("[0-9a-f]{64}");
    }

    List<JsonNode> fromNdjson = ndjson(cli.run("list", "--format", "ndjson").out());
    assertThat(fromNdjson).isEqualTo(fromJson);

    for (String format : List.of("csv", "tsv")) {
      Cli.Result r = cli.run("list", "--format", format);
      assertThat(r.code()).isZero();
      List<CSVRecord> records = ListingFormatsTest.records(format, r.out());
      assertThat(records.stream().map(c -> c.get("id")).toList()).containsExactlyElementsOf(ids);
      for (int i = 0; i < records.size(); i++) {
        assertThat(records.get(i).get("title")).isEqualTo(fromJson.get(i).get("title").asText());
      }
    }

    Cli.Result table = cli.run("list", "--format", "table");
    assertThat(table.lines()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(table.lines().get(i).trim()).startsWith(ids.get(i) + " ");
    }
    assertThat(table.out()).as("no color when not on a terminal").doesNotContain("\033[");

    Cli.Result nul = cli.run("list", "-0");
    assertThat(nul.out()).isEqualTo(String.join("\0", ids) + "\0");
  }

  @Test
  void emptyResultIsSuccess() throws IOException {
    Cli empty = new Cli(tmp.resolve("empty"));
    assertThat(empty.run("db", "info").code()).isZero();
    Cli.Result r = empty.run("list", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(JSON.readTree(r.out()).size()).isZero();
    assertThat(empty.run("list").out()).isEmpty();
  }

  @Test
  void colorOnlyWhenAskedOrOnATerminal() {
    assertThat(cli.run("--color=always", "list").out()).contains("\033[");
    cli.tty(true, true);
    assertThat(cli.run("list").out()).contains("\033[");
    cli.env("NO_COLOR", "1");
    assertThat(cli.run("list").out()).doesNotContain("\033[");
  }

  @Test
  void tableFitsTheTerminalWidth() {
    cli.tty(true, false).env("COLUMNS", "50").env("NO_COLOR", "1");
    for (String[] args : List.of(new String[] {"list"}, new String[] {"search", "the"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.code()).isZero();
      assertThat(r.lines()).isNotEmpty();
      assertThat(r.lines())
          .as(String.join(" ", args))
          .allMatch(l -> Terminal.displayWidth(l) <= 50);
      assertThat(r.out()).contains("…");
    }
  }

  @Test
  void badSortIsAUsageError() {
    Cli.Result r = cli.run("list", "--sort", "sideways");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    ImportCommandTest.assertNoStackTrace(r);
  }
}
