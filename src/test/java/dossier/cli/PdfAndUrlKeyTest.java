package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.ingest.Pdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs through the real command line, and queries on the normalized form of URLs. */
class PdfAndUrlKeyTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path page(String name, String url, String title) throws IOException {
    return write(
        name,
        "---\ntitle: "
            + title
            + "\nurl: "
            + url
            + "\n---\n\nThe council voted on Monday to close the old bridge to lorries. "
            + title
            + " is what residents had asked for since the spring.\n");
  }

  @Test
  void aPdfIsImportedAndKeptAsTheOriginal() throws IOException {
    byte[] pdf =
        Pdfs.create()
            .heading("Velmar breakwater to be rebuilt")
            .paragraph("The harbour authority confirmed on Tuesday that the breakwater will go.")
            .bytes();
    Path p = tmp.resolve("report.pdf");
    Files.write(p, pdf);
    Cli.Result r = cli.run("import", p.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    Cli.Result shown = cli.run("show", "1", "--format", "json");
    assertThat(shown.out())
        .contains("\"title\" : \"Velmar breakwater to be rebuilt\"")
        .contains("\"format\" : \"pdf\"");
    assertThat(cli.run("show", "1", "--format", "raw").outBytes()).isEqualTo(pdf);
  }

  @Test
  void aScannedPdfFailsWithOneClearLineAndStoresNothing() throws IOException {
    Path p = tmp.resolve("scan.pdf");
    Files.write(p, Pdfs.withoutText());
    Cli.Result r = cli.run("import", p.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("scan.pdf: a PDF without text (a scan?)");
    assertThat(cli.run("list", "--format", "ids").out()).isEmpty();
  }

  @Test
  void urlAndSiteMatchTheNormalizedForm() throws IOException {
    Path a =
        page(
            "a.md",
            "HTTPS://News.Example.COM:443/2026/bridge?utm_source=feed&id=7&fbclid=xyz#comments",
            "Bridge closes to lorries");
    Path b = page("b.md", "http://other.example.org/story", "Ferry timetable changes");
    assertThat(cli.run("import", a.toString(), b.toString()).code()).isZero();
    assertThat(cli.run("list", "--format", "ids", "site:news.example.com").lines())
        .containsExactly("1");
    assertThat(cli.run("list", "--format", "ids", "site:example.com").lines()).hasSize(1);
    assertThat(
            cli.run(
                    "list",
                    "--format",
                    "ids",
                    "url:\"https://news.example.com/2026/bridge?id=7&utm_medium=x\"")
                .lines())
        .containsExactly("1");
    assertThat(cli.run("list", "--format", "ids", "url:news.example.com/2026").lines())
        .containsExactly("1");
    assertThat(cli.run("list", "--format", "ids", "url:utm_source").lines()).isEmpty();
    // the URL as written is what the article shows
    assertThat(cli.run("show", "1", "--format", "json").out())
        .contains("utm_source=feed")
        .doesNotContain("url_key");
  }
}
