package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Text;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article with a structured rendition of its body is shown with that structure (headings as
 * headings, lists as lists) by show --format markdown and the HTML export, and the export stays
 * safe to open: raw HTML escaped, only web and mail links, no images loaded.
 */
public class RenditionTest {
  @TempDir Path tmp;
  Cli cli;

  /** The body as plain text, and its rendition with hostile bits in it. */
  public static final String BODY =
      "Dam talks resume\n\nThe delegations agreed on three points.\n\nA timetable\n\nA panel";

  public static final String MARKDOWN =
      "## Dam talks resume\n\nThe delegations agreed on **three** points:"
          + " [the text](https://example.org/text) and [a trap](javascript:alert(1)).\n\n"
          + "- A timetable\n- A panel <script>alert(2)</script>\n\n"
          + "> We are close, one delegate said.\n\n![tracker](https://tracker.example/p.png)\n";

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp);
    Path export = tmp.resolve("one.ndjson");
    String line =
        "{\"id\":4,\"title\":\"Talks resume\",\"body\":"
            + json(BODY)
            + ",\"markdown\":"
            + json(MARKDOWN)
            + ",\"content_hash\":\""
            + Text.sha256("Talks resume", "\n\n", BODY)
            + "\",\"imported\":\"2024-08-16T10:00:00Z\"}\n";
    Files.writeString(export, line, StandardCharsets.UTF_8);
    Cli.Result r = cli.run("import", export.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  public static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Test
  void showAsMarkdownKeepsTheStructure() {
    Cli.Result md = cli.run("show", "4", "--format", "markdown");
    assertThat(md.out()).contains("\n## Dam talks resume\n").contains("\n- A timetable\n");
    assertThat(cli.run("show", "4", "--format", "json").out()).contains("\"markdown\" : \"## Dam");
    // listings leave the rendition out, as they leave out the body
    assertThat(cli.run("list", "--format", "json").out()).doesNotContain("\"markdown\"");
  }

  @Test
  void theHtmlExportDrawsItSafely() throws Exception {
    Path site = tmp.resolve("site");
    assertThat(cli.run("export", "--format", "html", "-o", site.toString()).code()).isZero();
    String page;
    try (var pages = Files.list(site.resolve("articles"))) {
      page = Files.readString(pages.findFirst().orElseThrow());
    }
    assertThat(page)
        .contains("<h2>Dam talks resume</h2>")
        .contains("<li>A timetable</li>")
        .contains("<blockquote>")
        .contains("<strong>three</strong>")
        .contains("href=\"https://example.org/text\">the text</a>")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>")
        .doesNotContain("javascript:")
        .doesNotContain("<img")
        .doesNotContain("tracker.example");
  }
}
