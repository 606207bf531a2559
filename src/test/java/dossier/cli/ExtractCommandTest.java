package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.fetch.PageServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  @TempDir Path tmp;

  @Test
  void showsWhatImportWouldStoreWithoutStoring() throws IOException {
    Cli cli = new Cli(tmp);
    Path f = cli.fixture("library-reopens.html");
    Cli.Result r = cli.run("extract", f.toString(), "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode a = JSON.readTree(r.out());
    assertThat(a.get("id").isNull()).isTrue();
    assertThat(a.get("title").asText())
        .isEqualTo("Old Marrowgate library reopens after a long restoration");
    assertThat(a.get("body").asText()).contains("Readers queued along the square");
    assertThat(a.get("path").asText()).isEqualTo(f.toString());

    Cli.Result text = cli.run("extract", f.toString());
    assertThat(text.code()).isZero();
    assertThat(text.lines().get(0)).isEqualTo(a.get("title").asText());

    // the same hash import stores
    Cli.Result imp = cli.run("import", "--json", f.toString());
    String id = JSON.readTree(imp.out()).get("id").asText();
    JsonNode stored = JSON.readTree(cli.run("show", id, "--format", "json").out());
    assertThat(stored.get("content_hash")).isEqualTo(a.get("content_hash"));
    assertThat(stored.get("body")).isEqualTo(a.get("body"));
  }

  @Test
  void extractCreatesNoArchive() {
    Cli cli = new Cli(tmp);
    Path f = cli.fixture("harbour-strike.txt");
    assertThat(cli.run("extract", f.toString()).code()).isZero();
    Cli.Result stdin = cli.runWithInput(Cli.fixtureBytes("harbour-strike.txt"), "extract", "-");
    assertThat(stdin.code()).isZero();
    assertThat(stdin.out()).contains("Pellor");
    assertThat(Files.exists(cli.db())).isFalse();
  }

  @Test
  void aUrlIsFetchedAndExtractedAsImportWouldStoreIt() throws IOException {
    Cli cli = new Cli(tmp);
    try (PageServer server = new PageServer()) {
      Cli.Result r = cli.run("extract", server.url("/undated"), "--format", "json");
      assertThat(r.code()).as(r.toString()).isZero();
      JsonNode a = JSON.readTree(r.out());
      assertThat(a.get("title").asText()).isEqualTo("Ferry undated");
      // what the fetch adds: the address reached, and the server's date when the page has none
      assertThat(a.get("url").asText()).isEqualTo(server.url("/undated"));
      assertThat(a.get("published").asText()).isEqualTo("2026-03-03");
      assertThat(a.get("provenance").get("url").asText()).isEqualTo("fetched url");
      assertThat(a.get("provenance").get("published").asText()).isEqualTo("http last-modified");
      assertThat(a.get("path").isNull()).isTrue();
      assertThat(cli.run("extract", server.url("/undated"), "--why").out())
          .contains("http last-modified");
      assertThat(Files.exists(cli.db())).as("nothing stored").isFalse();

      // the same article an import of the URL stores
      Cli.Result imp = cli.run("import", "--json", server.url("/undated"));
      String id = JSON.readTree(imp.out()).get("id").asText();
      JsonNode stored = JSON.readTree(cli.run("show", id, "--format", "json").out());
      assertThat(stored.get("content_hash")).isEqualTo(a.get("content_hash"));
      assertThat(stored.get("published")).isEqualTo(a.get("published"));

      Cli.Result gone = cli.run("extract", server.url("/gone"));
      assertThat(gone.code()).isNotZero();
      assertThat(gone.err()).contains(server.url("/gone")).contains("410");
      ImportCommandTest.assertNoStackTrace(gone);
    }
  }

  @Test
  void missingFileIsAClearError() {
    Cli cli = new Cli(tmp);
    Cli.Result r = cli.run("extract", tmp.resolve("nothing-here.txt").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("nothing-here.txt").contains("no such file");
    ImportCommandTest.assertNoStackTrace(r);
  }
}
