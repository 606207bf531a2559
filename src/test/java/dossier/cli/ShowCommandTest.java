package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
  @TempDir Path tmp;
  Cli cli;
  String htmlId;

  @BeforeEach
  void setUp() throws IOException {
    cli = new Cli(tmp);
    Cli.Result r =
        cli.run(
            "import", "--json", "--tag", "culture", cli.fixture("library-reopens.html").toString());
    assertThat(r.code()).as(r.toString()).isZero();
    htmlId = JSON.readTree(r.out()).get("id").asText();
  }

  @Test
  void json() throws IOException {
    Cli.Result r = cli.run("show", htmlId, "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode a = JSON.readTree(r.out());
    assertThat(a.get("id").asText()).isEqualTo(htmlId);
    assertThat(a.get("title").asText())
        .isEqualTo("Old Marrowgate library reopens after a long restoration");
    assertThat(a.get("tags").get(0).asText()).isEqualTo("culture");
    assertThat(a.get("status").asText()).isEqualTo("new");
    assertThat(a.get("starred").asBoolean()).isFalse();
    String body = a.get("body").asText();
    assertThat(body).contains("painted ceiling of constellations");
    assertThat(body.split("\n\n")).as("paragraphs separated by a blank line").hasSize(3);
    assertThat(body).doesNotContain("Home").doesNotContain("Copyright");
  }

  @Test
  void text() {
    Cli.Result r = cli.run("show", htmlId);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.lines().get(0))
        .isEqualTo("Old Marrowgate library reopens after a long restoration");
    assertThat(r.out()).contains("#" + htmlId).contains("culture").contains("Readers queued");
  }

  @Test
  void markdownHasFrontMatter() {
    Cli.Result r = cli.run("show", htmlId, "--format", "markdown");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.lines().get(0)).isEqualTo("---");
    assertThat(r.out())
        .contains("title: \"Old Marrowgate library reopens after a long restoration\"")
        .contains("tags: [\"culture\"]")
        .contains("# Old Marrowgate library reopens");
  }

  @Test
  void rawGivesTheOriginalBytes() throws IOException {
    Cli.Result r = cli.run("show", htmlId, "--format", "raw");
    assertThat(r.code()).isZero();
    assertThat(r.outBytes()).isEqualTo(Cli.fixtureBytes("library-reopens.html"));

    // bytes that are not UTF-8 come back unchanged too
    byte[] latin1 =
        "Caf\u00e9 owners in Pellor protest the new rent rules.\n\nThe council meets again on Friday.\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Cli.Result imp = cli.runWithInput(latin1, "import", "--json", "-");
    String id = JSON.readTree(imp.out()).get("id").asText();
    assertThat(cli.run("show", id, "--format", "raw").outBytes()).isEqualTo(latin1);
  }

  @Test
  void missingArticleExitsFourWithAClearMessage() {
    Cli.Result r = cli.run("show", "999");
    assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).isEqualTo("error: no article with id 999");
    assertThat(cli.run("show", "999", "--format", "raw").code()).isEqualTo(ExitCode.NOT_FOUND);
  }

  @Test
  void badIdIsAUsageError() {
    Cli.Result r = cli.run("show", "first");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("bad article id 'first'");
    ImportCommandTest.assertNoStackTrace(r);
  }
}
