package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The opening paragraphs stay in the body whatever box a page puts them in. */
class LedeTest {
  private static String para(String topic, int n) {
    return "<p>The council's "
        + topic
        + " plan, paragraph "
        + n
        + ", was debated at length on Tuesday, with members arguing over costs, timing, the"
        + " route of the new line and what residents had said at the hearings.</p>";
  }

  private static Extracted page(String body) {
    String html =
        "<!doctype html><html><head><title>Tram plan debated</title></head><body>"
            + "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
            + body
            + "</body></html>";
    return Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO);
  }

  @Test
  void anIntroBoxBeforeTheBodyIsKept() {
    StringBuilder rest = new StringBuilder();
    for (int i = 3; i < 12; i++) {
      rest.append(para("tram", i));
    }
    Extracted x =
        page(
            "<div id=story><h1>Tram plan debated</h1><div class=story-body>"
                + "<div class=story-intro><p>The tram plan came back to the council on Tuesday"
                + " after two years, and this time it has the votes, members on both sides"
                + " said.</p></div>"
                + para("tram", 1)
                + para("tram", 2)
                + "<div id=read-more><div id=read-more-content>"
                + rest
                + "</div></div></div></div>");
    assertThat(x.body()).startsWith("The tram plan came back to the council");
    assertThat(x.body()).contains("paragraph 1,", "paragraph 2,", "paragraph 11,");
  }

  @Test
  void aStandfirstSetAsAHeadingInABoxOfItsOwnIsKept() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      text.append(para("tram", i));
    }
    Extracted x =
        page(
            "<div id=story><h1>Tram plan debated</h1>"
                + "<div class=top><h2>The council has voted for the tram plan after two years of"
                + " hearings, and the first line could open within three years.</h2>"
                + "<img src=a.jpg><p>Velm Council</p></div>"
                + "<div class=text>"
                + text
                + "</div></div>");
    assertThat(x.body()).startsWith("The council has voted for the tram plan");
    assertThat(x.body()).contains("paragraph 6,");
    assertThat(x.markdown()).startsWith("## The council has voted");
  }

  @Test
  void theStandfirstInTheHeadlinesBoxIsKeptAndTheBylineIsNot() {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      body.append(para("tram", i));
    }
    Extracted x =
        page(
            "<div class=hero><div class=title-wrap><h1>Tram plan debated</h1></div>"
                + "<h2 class=dek>The tram plan is back before the council after two years, and"
                + " this time both sides say it has the votes to pass.</h2>"
                + "<p class=author-line>By Ada Lind, a reporter who has covered the council and"
                + " its transport plans for the Velm Gazette since 2015.</p>"
                + "<div class=byline>By Ada Lind <time>May 2, 2025</time></div></div>"
                + "<div class=share><a href=/s>Share</a></div>"
                + "<div class=article-body>"
                + body
                + "</div>");
    assertThat(x.body()).startsWith("The tram plan is back before the council");
    assertThat(x.body()).contains("paragraph 1,", "paragraph 6,");
    assertThat(x.body()).doesNotContain("a reporter who has covered");
  }
}
