package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] FIXTURES = {
    "harbour-strike.txt", "library-reopens.html", "glacier-survey.md"
  };

  @TempDir Path tmp;
  Cli cli;
  Path files;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    for (String f : FIXTURES) {
      files = cli.fixture(f).getParent();
    }
  }

  static List<JsonNode> ndjson(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isEmpty()) {
        assertThat(line).as("one object a line, nothing around it").startsWith("{").endsWith("}");
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  static void assertNoStackTrace(Cli.Result r) {
    assertThat(r.out() + r.err())
        .doesNotContain("\tat ")
        .doesNotContain("Exception:")
        .doesNotContain("Caused by");
  }

  private List<String> ids() {
    Cli.Result r = cli.run("list", "--format", "ids");
    assertThat(r.code()).as(r.toString()).isZero();
    return r.lines();
  }

  @Test
  void anImportLeavesTheFullTextIndexMergedAndADryRunLeavesItAlone() throws Exception {
    Path many = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(
          many.resolve("a" + i + ".txt"),
          "Report " + i + " from the harbour\n\nThe harbour board met on day " + i + ".\n");
    }
    assertThat(cli.run("import", many.toString()).code()).isZero();
    // the import writes a segment a transaction; the merge at its end leaves one
    assertThat(segments()).isEqualTo(1);
    assertThat(cli.run("search", "harbour", "--limit", "0", "--format", "ids").lines())
        .hasSize(300);
    Files.writeString(many.resolve("b.txt"), "One more report\n\nOn the harbour.\n");
    long before = segments();
    assertThat(cli.run("import", "--dry-run", many.toString()).code()).isZero();
    assertThat(segments()).isEqualTo(before);
  }

  @Test
  void anImportOfNearDuplicateCopiesMergesTheIndexForEveryArticleItStored() throws Exception {
    // one wire story and 299 stored copies of it, each with a sign-off line of its own: the copies
    // are stored (marked as copies), so the merge at the end counts them as articles written
    StringBuilder story = new StringBuilder("Harbour board report\n\n");
    for (int s = 0; s < 40; s++) {
      story
          .append("The harbour board met on Tuesday and agreed item ")
          .append(s)
          .append(" of its plan for the quay, the cranes and berth number ")
          .append(s * 7)
          .append(". ");
    }
    Path many = Files.createDirectories(tmp.resolve("copies"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(
          many.resolve("c" + i + ".txt"),
          story + "\n\nFiled by desk " + i + " of the Valley Wire, reference v" + i + "x.\n");
    }
    Cli.Result r = cli.run("import", "--format", "ndjson", many.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ndjson(r.out()))
        .as("nearly all are stored as copies of the first")
        .filteredOn(n -> n.path("status").asText().equals("near-duplicate"))
        .hasSizeGreaterThan(250);
    assertThat(segments()).isEqualTo(1);
  }

  @Test
  void aLargeImportLeavesTheLengthIndexAsItWasAndTheNextImportMendsOneThatDied() throws Exception {
    assertThat(cli.run("import", files.toString()).code()).isZero();
    String made = lengthIndex();
    assertThat(made).as("the index of migration 014").contains("articles_fts_docsize");
    Path many = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(
          many.resolve("a" + i + ".txt"),
          "Tide table " + i + "\n\nHigh water at the quay came " + i + " minutes late.\n");
    }
    // 300 articles on 3: the import drops the index while it inserts, and makes it again
    assertThat(cli.run("import", many.toString()).code()).isZero();
    assertThat(lengthIndex()).isEqualTo(made);
    assertThat(cli.run("search", "quay", "--limit", "0", "--format", "ids").lines()).hasSize(300);
    // an import killed while the index was dropped: the next one makes it again
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.db())) {
      c.createStatement().execute("DROP INDEX articles_fts_length");
    }
    Files.writeString(tmp.resolve("late.txt"), "Late tide\n\nThe quay flooded at noon.\n");
    assertThat(cli.run("import", tmp.resolve("late.txt").toString()).code()).isZero();
    assertThat(lengthIndex()).isEqualTo(made);
  }

  private String lengthIndex() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        var rs =
            c.createStatement()
                .executeQuery("SELECT sql FROM sqlite_master WHERE name = 'articles_fts_length'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private long segments() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        var rs =
            c.createStatement()
                .executeQuery("SELECT count(DISTINCT segid) FROM articles_fts_idx")) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  @Test
  void importsAFolderAndSaysSoOnStderr() {
    Cli.Result r = cli.run("import", files.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).as("data only on stdout: nothing to say without --json").isEmpty();
    assertThat(r.err()).contains("imported 3").contains("0 failed");
    assertThat(ids()).hasSize(3);
  }

  @Test
  void importsSingleFilesStdinAndGzip() throws IOException {
    Path gz = tmp.resolve("strike.txt.gz");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(Cli.fixtureBytes("harbour-strike.txt"));
    }
    Files.write(gz, b.toByteArray());

    Cli.Result r = cli.run("import", "--json", gz.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode fromGzip = ndjson(r.out()).get(0);
    assertThat(fromGzip.get("status").asText()).isEqualTo("imported");

    r = cli.run("import", "--json", files.resolve("library-reopens.html").toString());
    assertThat(ndjson(r.out()).get(0).get("status").asText()).isEqualTo("imported");

    r = cli.runWithInput(Cli.fixtureBytes("glacier-survey.md"), "import", "--json", "-");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode o = ndjson(r.out()).get(0);
    assertThat(o.get("path").asText()).isEqualTo("-");
    assertThat(o.get("status").asText()).isEqualTo("imported");
    assertThat(ids()).hasSize(3);

    Cli.Result show = cli.run("show", "--format", "json", fromGzip.get("id").asText());
    assertThat(show.out()).contains("Pellor harbour");
  }

  @Test
  void jsonOutcomesAreNdjsonWithPathStatusIdAndError() throws IOException {
    Cli.Result r = cli.run("import", "--json", files.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    List<JsonNode> outcomes = ndjson(r.out());
    assertThat(outcomes).hasSize(3);
    for (JsonNode o : outcomes) {
      assertThat(o.has("path") && o.has("status") && o.has("id") && o.has("error")).isTrue();
      assertThat(o.get("status").asText()).isEqualTo("imported");
      assertThat(o.get("id").isIntegralNumber()).isTrue();
      assertThat(o.get("error").isNull()).isTrue();
      assertThat(o.get("path").asText()).startsWith(files.toString());
    }
    List<String> listed = ids();
    for (JsonNode o : outcomes) {
      assertThat(listed).contains(o.get("id").asText());
    }
  }

  @Test
  void tagOptionTagsEveryImportedArticle() throws IOException {
    Cli.Result r =
        cli.run("import", "--tag", "harbours", "--tag", "Region/North", files.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    Cli.Result list = cli.run("list", "--format", "ndjson");
    List<JsonNode> articles = ndjson(list.out());
    assertThat(articles).hasSize(3);
    for (JsonNode a : articles) {
      List<String> tags = new ArrayList<>();
      a.get("tags").forEach(t -> tags.add(t.asText()));
      assertThat(tags).contains("harbours", "Region/North");
    }
  }

  @Test
  void dryRunStoresNothing() throws IOException {
    Cli.Result r = cli.run("import", "--dry-run", "--json", files.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ndjson(r.out()))
        .hasSize(3)
        .allMatch(o -> o.get("status").asText().equals("imported"));
    assertThat(r.err()).contains("would import 3");
    assertThat(ids()).isEmpty();
  }

  @Test
  void aDryRunReportsWhatTheRealImportDoesAndLeavesNoTrace() throws IOException {
    // the same text twice in one import: the second copy is a duplicate in both runs
    Files.copy(files.resolve("harbour-strike.txt"), files.resolve("harbour-strike-copy.txt"));
    cli.run("rules", "add", "strike", "labour");
    String log = cli.run("log").out();
    Cli.Result dry = cli.run("import", "--dry-run", "--json", files.toString());
    assertThat(dry.code()).as(dry.toString()).isZero();
    assertThat(ids()).isEmpty();
    assertThat(cli.run("log").out()).isEqualTo(log);
    assertThat(cli.run("tags").out()).doesNotContain("labour");

    Cli.Result real = cli.run("import", "--json", files.toString());
    assertThat(real.code()).as(real.toString()).isZero();
    List<String> dryStatuses = new ArrayList<>();
    ndjson(dry.out()).forEach(o -> dryStatuses.add(o.get("path") + " " + o.get("status")));
    List<String> realStatuses = new ArrayList<>();
    ndjson(real.out()).forEach(o -> realStatuses.add(o.get("path") + " " + o.get("status")));
    assertThat(dryStatuses).hasSize(4).isEqualTo(realStatuses);
    assertThat(realStatuses).filteredOn(s -> s.endsWith("\"duplicate\"")).hasSize(1);
    assertThat(dry.err()).contains("would import 3");
  }

  @Test
  void aDryRunOfAnExportGivenTwiceFindsTheSecondCopyDuplicate() throws IOException {
    cli.run("import", files.toString());
    Path export = tmp.resolve("all.ndjson");
    assertThat(cli.run("export", "--format", "ndjson", "-o", export.toString()).code()).isZero();
    Path twice = tmp.resolve("twice.ndjson");
    // the articles without the export's end record, twice over
    List<String> lines = Files.readAllLines(export);
    String articles = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
    Files.writeString(twice, articles + articles);
    Cli empty = new Cli(tmp.resolve("empty"));
    Cli.Result dry = empty.run("import", "--dry-run", "--json", twice.toString());
    assertThat(dry.code()).as(dry.toString()).isZero();
    List<String> statuses = new ArrayList<>();
    ndjson(dry.out()).forEach(o -> statuses.add(o.get("status").asText()));
    assertThat(statuses)
        .containsExactly("imported", "imported", "imported", "duplicate", "duplicate", "duplicate");
    assertThat(empty.run("list", "--format", "ids").out()).isEmpty();
  }

  @Test
  void reimportReportsEveryFileAsDuplicateAndChangesNothing() throws IOException {
    cli.run("import", files.toString());
    String before = cli.run("list", "--format", "json").out();

    Cli.Result r = cli.run("import", "--json", files.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ndjson(r.out()))
        .hasSize(3)
        .allMatch(o -> o.get("status").asText().equals("duplicate") && o.get("id").isNumber());
    assertThat(r.err()).contains("imported 0, 3 duplicates");
    assertThat(cli.run("list", "--format", "json").out()).isEqualTo(before);

    // for cron: duplicates are counted, not listed, unless --verbose
    Cli.Result plain = cli.run("import", files.toString());
    assertThat(plain.code()).as(plain.toString()).isZero();
    assertThat(plain.err().strip()).startsWith("imported 0, 3 duplicates").doesNotContain("\n");
    Cli.Result verbose = cli.run("import", "--verbose", files.toString());
    assertThat(verbose.err()).contains("duplicate: ").contains("harbour-strike.txt");
    // --format ndjson is --json's new spelling
    Cli.Result nd = cli.run("import", "--format", "ndjson", files.toString());
    assertThat(ndjson(nd.out())).hasSize(3);
    Cli.Result bad = cli.run("import", "--input", "pdf-ish", files.toString());
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err())
        .contains("--input takes one of auto, text, html, markdown, pdf, got 'pdf-ish'");
  }

  @Test
  void onDuplicateUpdateReportsUpdatedAndKeepsOneArticle() throws IOException {
    cli.run("import", files.toString());
    Path copy = tmp.resolve("elsewhere/strike-again.txt");
    Files.createDirectories(copy.getParent());
    Files.write(copy, Cli.fixtureBytes("harbour-strike.txt"));

    Cli.Result skip = cli.run("import", "--json", "--on-duplicate", "skip", copy.toString());
    assertThat(ndjson(skip.out()).get(0).get("status").asText()).isEqualTo("duplicate");

    Cli.Result upd = cli.run("import", "--json", "--on-duplicate", "update", copy.toString());
    assertThat(upd.code()).as(upd.toString()).isZero();
    JsonNode o = ndjson(upd.out()).get(0);
    assertThat(o.get("status").asText()).isEqualTo("updated");
    assertThat(ids()).hasSize(3);
    Cli.Result show = cli.run("show", "--format", "json", o.get("id").asText());
    assertThat(JSON.readTree(show.out()).get("path").asText()).isEqualTo(copy.toString());

    Cli.Result bad = cli.run("import", "--on-duplicate", "overwrite", copy.toString());
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("skip-near").contains("'overwrite'");
  }

  @Test
  void badFilesAreReportedOneLineEachAndTheBatchGoesOn() throws IOException {
    Path binary = tmp.resolve("program.txt");
    byte[] bytes = new byte[4096];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7 % 256);
    }
    Files.write(binary, bytes);
    Path missing = tmp.resolve("no-such-file.txt");

    Cli.Result r = cli.run("import", binary.toString(), missing.toString(), files.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.PARTIAL);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).contains("program.txt");
    assertThat(errors.get(1)).contains("no-such-file.txt");
    assertThat(r.err()).contains("imported 3").contains("2 failed");
    assertNoStackTrace(r);
    assertThat(ids()).hasSize(3);

    Cli.Result json = cli.run("import", "--json", missing.toString(), binary.toString());
    assertThat(json.code()).as("every file failed").isEqualTo(ExitCode.FAILURE);
    List<JsonNode> outcomes = ndjson(json.out());
    assertThat(outcomes).hasSize(2);
    for (JsonNode o : outcomes) {
      assertThat(o.get("status").asText()).isEqualTo("failed");
      assertThat(o.get("id").isNull()).isTrue();
      assertThat(o.get("error").asText()).isNotBlank();
    }
  }

  @Test
  void stdinAndUrlOption() throws IOException {
    Cli.Result r =
        cli.runWithInput(
            Cli.fixtureBytes("harbour-strike.txt"),
            "import",
            "--url",
            "https://example.org/pellor-strike",
            "-");
    assertThat(r.code()).as(r.toString()).isZero();
    Cli.Result show = cli.run("show", "--format", "json", ids().get(0));
    assertThat(JSON.readTree(show.out()).get("url").asText())
        .isEqualTo("https://example.org/pellor-strike");

    Cli.Result two = cli.run("import", "--url", "https://example.org/x", files.toString());
    assertThat(two.code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void progressOnlyWhenStderrIsATerminal() {
    Cli.Result plain = cli.run("import", "--dry-run", files.toString());
    assertThat(plain.err()).doesNotContain("\r").doesNotContain("\033[");
    cli.tty(false, true);
    Cli.Result tty = cli.run("import", files.toString());
    assertThat(tty.code()).isZero();
    assertThat(tty.err()).contains("\rimporting  1 files").doesNotContain("\033");
    // the bar is blanked out before the summary is written over it
    assertThat(tty.err()).containsPattern("\r {10,}\rimported 3, 0 duplicates");
    assertThat(cli.run("-q", "import", files.toString()).err()).isEmpty();
  }

  @Test
  void quietPrintsNoSummary() {
    Cli.Result r = cli.run("-q", "import", files.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }
}
