package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved web page keeps its structure: its subheadings, lists, block quotes and links come out of
 * extraction as a Markdown rendition beside the plain body, so show --format markdown and the HTML
 * export draw them as such, while the body and the index stay plain text.
 */
class HtmlStructureTest {
  @TempDir Path tmp;
  Cli cli;

  static final String PAGE =
      """
      <html><head><title>Ferry fares rise again | Brennock Tidings</title></head><body>
      <nav><ul><li><a href="/harbour">Harbour</a></li><li><a href="/sport">Sport</a></li></ul></nav>
      <article>
      <h1>Ferry fares rise again</h1>
      <p>The ferry company raised its fares for the second time this year on Monday, blaming the \
      cost of fuel and of the repairs to its oldest boat, which has been out of service since May.</p>
      <h2>What changes for passengers</h2>
      <ul>
      <li>A return to Skarholm costs nine crowns, up from seven.</li>
      <li>Children under twelve still travel free with an adult.</li>
      <li>Season tickets bought before June keep their old price.</li>
      </ul>
      <p>The council said it had not been consulted, and published <a \
      href="https://council.example/ferry-letter">its letter to the company</a> on Tuesday. \
      <a href="javascript:alert(1)">A second letter</a> is expected next week.</p>
      <blockquote><p>We cannot keep running the boats at a loss, said the company's director, \
      Maren Holt, who took over in the spring.</p></blockquote>
      <ol start="3"><li>third point</li><li>fourth point, with *stars* kept as text</li></ol>
      <p>Fares on the harbour bus, run by the same company, are unchanged for now, it said.</p>
      </article>
      </body></html>
      """;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp);
    Path page = tmp.resolve("ferry-fares.html");
    Files.writeString(page, PAGE);
    cli.ok("import", page.toString());
  }

  @Test
  void showAsMarkdownDrawsHeadingsListsQuotesAndLinks() {
    String md = cli.run("show", "1", "--format", "markdown").out();
    assertThat(md)
        .contains("\n## What changes for passengers\n")
        .contains("\n- A return to Skarholm costs nine crowns, up from seven.\n")
        .contains("\n- Children under twelve still travel free with an adult.\n")
        .contains("[its letter to the company](https://council.example/ferry-letter)")
        .contains("\n> We cannot keep running the boats at a loss")
        .contains("\n3. third point\n4. fourth point, with \\*stars\\* kept as text")
        .doesNotContain("javascript:")
        .contains("A second letter is expected");
  }

  @Test
  void theBodyAndTheIndexStayPlainText() throws Exception {
    JsonNode a = new ObjectMapper().readTree(cli.run("show", "1", "--format", "json").out());
    String body = a.get("body").asText();
    assertThat(body)
        .contains("\n\nWhat changes for passengers\n\n")
        .contains("its letter to the company on Tuesday")
        .doesNotContain("##")
        .doesNotContain("](")
        .doesNotContain("> ");
    assertThat(a.get("markdown").asText()).startsWith("The ferry company raised");
    assertThat(cli.run("search", "skarholm", "--format", "ids").out().strip()).isEqualTo("1");
    assertThat(cli.run("search", "council.example", "--format", "ids").out().strip()).isEmpty();
  }

  @Test
  void theHtmlExportShowsTheStructure() throws Exception {
    Path site = tmp.resolve("site");
    cli.ok("export", "--format", "html", "-o", site.toString());
    String page;
    try (var pages = Files.list(site.resolve("articles"))) {
      page = Files.readString(pages.findFirst().orElseThrow());
    }
    assertThat(page)
        .contains("<h2>What changes for passengers</h2>")
        .contains("<li>Children under twelve still travel free with an adult.</li>")
        .contains("<blockquote>")
        .contains("href=\"https://council.example/ferry-letter\">its letter to the company</a>")
        .doesNotContain("javascript:");
  }

  @Test
  void aPageOfBareParagraphsStoresNoRendition() throws Exception {
    Path plain = tmp.resolve("plain.html");
    Files.writeString(
        plain,
        "<html><head><title>Quay lights</title></head><body><article><p>"
            + "The harbour board will replace the quay lights this winter, it said on Friday, "
            + "after a year of complaints from the fishing co-operative about the dark berths.</p>"
            + "<p>Work starts in November and should take six weeks, weather allowing, the "
            + "board's engineer told the meeting.</p></article></body></html>");
    cli.ok("import", plain.toString());
    JsonNode a = new ObjectMapper().readTree(cli.run("show", "2", "--format", "json").out());
    assertThat(a.get("markdown").isNull()).as(a.toString()).isTrue();
  }
}
