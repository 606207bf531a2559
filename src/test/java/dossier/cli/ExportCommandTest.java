package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static dossier.cli.ImportCommandTest.ndjson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path tmp;
  Cli cli;

  /** An archive whose articles carry tags, a note, a status and a star. */
  @BeforeEach
  void setUp() {
    cli = new Cli(tmp.resolve("a"));
    for (String f : ImportCommandTest.FIXTURES) {
      cli.fixture(f);
    }
    ok(cli.run("import", "--tag", "fixtures", cli.dir().resolve("files").toString()));
    ok(cli.run("tag", "+ports/strikes", "--", "harbour"));
    ok(cli.run("mark", "reviewed", "--", "library"));
    ok(cli.run("mark", "--star", "--", "glacier"));
    String id = cli.run("search", "harbour", "--format", "ids").out().strip();
    ok(cli.run("note", id, "Ask the union for the ballot figures"));
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void ndjsonRoundTripIsIdentical() throws IOException {
    Path first = tmp.resolve("first.ndjson");
    ok(cli.run("export", "--format", "ndjson", "-o", first.toString()));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
        .isEqualTo("rw-------");
    List<JsonNode> articles = exported(Files.readString(first));
    assertThat(articles).hasSize(3);
    JsonNode strike =
        articles.stream().filter(a -> a.get("title").asText().contains("Pellor")).findFirst().get();
    assertThat(strike.get("note").asText()).isEqualTo("Ask the union for the ballot figures");
    assertThat(strike.get("tags").toString()).contains("fixtures", "ports/strikes");
    assertThat(strike.get("body").asText()).contains("grain ships");
    assertThat(strike.get("original").asText()).isNotEmpty();

    Cli other = new Cli(tmp.resolve("b"));
    Cli.Result imp = ok(other.run("import", "--json", first.toString()));
    assertThat(ndjson(imp.out())).allMatch(o -> o.get("status").asText().equals("imported"));
    Path second = tmp.resolve("second.ndjson");
    ok(other.run("export", "--format", "ndjson", "-o", second.toString()));
    assertThat(Files.readString(second)).isEqualTo(Files.readString(first));

    // the originals come back byte for byte
    String id = strike.get("id").asText();
    assertThat(other.run("show", id, "--format", "raw").outBytes())
        .isEqualTo(Cli.fixtureBytes("harbour-strike.txt"));

    // importing the export again changes nothing
    Cli.Result again = ok(other.run("import", "--json", first.toString()));
    assertThat(ndjson(again.out())).allMatch(o -> o.get("status").asText().equals("duplicate"));

    // the restore is in the log, and undo takes it out again
    assertThat(ok(other.run("log")).out()).contains("restored 3 from " + first);
    ok(other.run("undo"));
    assertThat(ok(other.run("list", "--format", "ids")).out()).isEmpty();
  }

  @Test
  void jsonRoundTripThroughStdinIsIdentical() throws IOException {
    Cli.Result json = ok(cli.run("export", "--format", "json"));
    // three articles and the end record
    assertThat(JSON.readTree(json.out()).size()).isEqualTo(4);
    assertThat(JSON.readTree(json.out()).get(3).toString())
        .isEqualTo("{\"dossier_export\":{\"articles\":3}}");
    Cli other = new Cli(tmp.resolve("b"));
    ok(other.runWithInput(json.out(), "import", "-"));
    assertThat(ok(other.run("export", "--format", "json")).out()).isEqualTo(json.out());
    assertThat(ok(other.run("list", "is:starred", "--format", "ids")).lines()).hasSize(1);
    assertThat(ok(other.run("list", "is:reviewed", "--format", "ids")).lines()).hasSize(1);
  }

  @Test
  void aQuerySelectsWhatIsExported() throws IOException {
    List<JsonNode> some = exported(ok(cli.run("export", "tag:ports", "--format", "ndjson")).out());
    assertThat(some).hasSize(1);
    assertThat(some.get(0).get("title").asText()).contains("Pellor");
    assertThat(ok(cli.run("export", "--no-originals", "--format", "ndjson")).out())
        .doesNotContain("\"original\"");
  }

  @Test
  void csvParsesBackWithBodies() throws IOException {
    Cli.Result r = ok(cli.run("export", "--format", "csv"));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(r.out()))
            .getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).toMap()).containsKeys("id", "title", "tags", "note", "body");
    assertThat(rows).anyMatch(row -> row.get("body").contains("painted ceiling"));
  }

  @Test
  void markdownWritesOneFileAnArticle() throws IOException {
    Path dir = tmp.resolve("md");
    ok(cli.run("export", "--format", "markdown", "-o", dir.toString()));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      // beside the articles, the list of what this export wrote (for the next one into dir)
      files =
          s.filter(p -> !p.getFileName().toString().equals(".dossier-export")).sorted().toList();
    }
    assertThat(files)
        .hasSize(3)
        .allMatch(p -> p.getFileName().toString().matches("\\d+-[a-z0-9-]+\\.md"));
    String strike =
        files.stream().map(this::read).filter(t -> t.contains("Pellor")).findFirst().orElseThrow();
    assertThat(strike).startsWith("---\n").contains("tags: [\"fixtures\", \"ports/strikes\"]");
  }

  @Test
  void htmlWritesASiteWithIndexesByDateAndTag() throws IOException {
    Path dir = tmp.resolve("site");
    ok(cli.run("export", "--format", "html", "-o", dir.toString()));
    String index = Files.readString(dir.resolve("index.html"));
    String tags = Files.readString(dir.resolve("tags.html"));
    assertThat(index).contains("3 articles").contains("Old Marrowgate library reopens");
    assertThat(tags).contains("ports/strikes").contains("fixtures <span class=\"meta\">(3)");
    try (Stream<Path> s = Files.list(dir.resolve("articles"))) {
      List<Path> pages = s.toList();
      assertThat(pages).hasSize(3);
      for (Path p : pages) {
        assertThat(index).contains("articles/" + p.getFileName());
        String page = Files.readString(p);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("</article>");
      }
    }
  }

  @Test
  void progressOnATerminal() {
    cli.tty(false, true);
    Cli.Result r = ok(cli.run("export", "--format", "ndjson", "-o", tmp.resolve("x").toString()));
    assertThat(r.err()).contains("\rexport [").contains("3/3 articles");
  }

  @Test
  void folderFormatsNeedAFolder() {
    Cli.Result r = cli.run("export", "--format", "html");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("-o DIR");
  }

  @Test
  void aBrokenExportIsReportedNotFatal() throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "[{\"title\": \"cut short\", ");
    Cli.Result r = cli.run("import", bad.toString(), cli.fixture("harbour-strike.txt").toString());
    assertThat(r.code()).isEqualTo(ExitCode.PARTIAL);
    assertThat(r.err()).contains("bad.json").contains("not a dossier export");
    ImportCommandTest.assertNoStackTrace(r);
  }

  /** The articles of an NDJSON export, after checking that its last line counts them. */
  static List<JsonNode> exported(String ndjson) throws IOException {
    List<JsonNode> lines = ndjson(ndjson);
    assertThat(lines).isNotEmpty();
    JsonNode end = lines.get(lines.size() - 1);
    assertThat(end.path("dossier_export").path("articles").asInt(-1))
        .as("the end record counts the articles: " + end)
        .isEqualTo(lines.size() - 1);
    return lines.subList(0, lines.size() - 1);
  }

  private String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
