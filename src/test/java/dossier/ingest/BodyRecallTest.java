package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text of the article that no furniture rule may take out of an HTML body. */
class BodyRecallTest {
  private static String paras(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append("<p>The harbour board met on Tuesday to discuss the quay, paragraph ")
          .append(i)
          .append(
              ", and members argued over the cost, the timing and what the fishermen said.</p>");
    }
    return b.toString();
  }

  private static Extracted extract(String body) {
    String html = "<html><head><title>Quay plan</title></head><body>" + body + "</body></html>";
    return Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO);
  }

  @Test
  void shortCodeBlocksStayWithTheirLines() {
    Extracted x =
        extract(
            "<div class=section>"
                + paras(1, 3)
                + "<div class=highlight><pre>$ hg init public\n</pre></div>"
                + paras(4, 5)
                + "<div class=highlight><pre>[phases]\npublish = false\n</pre></div>"
                + paras(6, 7)
                + "</div>");
    assertThat(x.body())
        .contains("paragraph 1,", "paragraph 7,")
        .contains("$ hg init public")
        .contains("[phases]\npublish = false");
  }

  @Test
  void aPageOfFurnitureOnlyKeepsItsWholeTextAndSaysSo() {
    Extracted x =
        extract("<div><p>Video unavailable</p><p>Images may be subject to copyright.</p></div>");
    assertThat(x.body()).isEqualTo("Video unavailable\n\nImages may be subject to copyright.");
    assertThat(x.provenance()).containsEntry("body", "whole page, no article found");
    Extracted article = extract("<article>" + paras(1, 3) + "<p>Video unavailable</p></article>");
    assertThat(article.body()).doesNotContain("Video unavailable");
    assertThat(article.provenance()).doesNotContainKey("body");
  }

  @Test
  void textInABoxNamedLikeAPaywallStaysWhenItIsTheArticlesProse() {
    Extracted x =
        extract(
            "<div class=article-body>"
                + paras(1, 2)
                + "<div class=paywall>"
                + paras(3, 8)
                + "</div></div><div class=paywall><p>Subscribe to keep reading.</p></div>");
    assertThat(x.body()).contains("paragraph 1,", "paragraph 3,", "paragraph 8,");
    assertThat(x.body()).doesNotContain("keep reading");
  }

  @Test
  void aQuotedPostStaysAmongTheParagraphs() {
    Extracted x =
        extract(
            "<article>"
                + paras(1, 3)
                + "<figure class=\"embed embed-twitter\"><div class=embed-wrapper>"
                + "<blockquote class=twitter-tweet><p>The quay is open again, come and see"
                + " <a href=https://t.example/x>pic.example/quay</a></p>&mdash; Velm Harbour"
                + " (@velmharbour) <a href=https://t.example/s>May 2, 2025</a></blockquote>"
                + "</div></figure>"
                + paras(4, 6)
                + "</article>");
    assertThat(x.body())
        .contains("paragraph 3,", "paragraph 4,")
        .contains("The quay is open again, come and see");
  }

  @Test
  void aListOfLinksTheTextIntroducesStaysWhole() {
    Extracted x =
        extract(
            "<article>"
                + paras(1, 3)
                + "<ul><li>In progress:<ul>"
                + "<li><a href=https://bugs.example/1>Bug 101 – Ferry timetable shows the wrong"
                + " day</a></li>"
                + "<li><a href=https://bugs.example/2>Bug 102 – Quay map loses its legend</a></li>"
                + "<li><a href=https://bugs.example/3>Bug 103 – Tide table skips a row</a></li>"
                + "</ul></li></ul>"
                + paras(4, 7)
                + "</article>");
    assertThat(x.body()).contains("Bug 101", "Bug 102", "Bug 103", "paragraph 7,");
  }
}
