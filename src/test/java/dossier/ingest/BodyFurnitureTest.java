package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Captions, bios, print notes and related-story lists stay out of an HTML body. */
class BodyFurnitureTest {
  private static String para(int n) {
    return "<p>The harbour board met on Tuesday to discuss the quay, paragraph "
        + n
        + ", and members argued over the cost, the timing and what the fishermen had said.</p>";
  }

  @Test
  void captionsBiosAndRelatedListsLeaveTheBody() {
    StringBuilder b = new StringBuilder("<article>");
    for (int i = 1; i <= 4; i++) {
      b.append(para(i));
    }
    b.append("<figure><img src=a.jpg><figcaption>The quay at low tide.<span class=credit>")
        .append("Ada Lind for the Velm Gazette</span></figcaption></figure>");
    b.append("<p>The quay at low tide.Ada Lind for the Velm Gazette</p>");
    for (int i = 5; i <= 8; i++) {
      b.append(para(i));
    }
    b.append("<p>[Read: Why the harbour tunnel is late again]</p>")
        .append("<p>Ines Morrow contributed to this report.</p>")
        .append("<p>Read more:</p><p>Harbour tunnel is late again</p><p>Fishermen protest fees</p>")
        .append("<p>Karl Vesey is a correspondent for the Velm Gazette who covers the ports.</p>")
        .append("<p>A version of this article appears in print on March 3, 2025, on Page A2.</p>")
        .append("</article>");
    String html =
        "<html><head><title>Quay plan</title><meta name=author content=\"Karl Vesey\"></head>"
            + "<body>"
            + b
            + "</body></html>";
    Extracted x = Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO);
    assertThat(x.body()).contains("paragraph 1,", "paragraph 8,");
    assertThat(x.body())
        .doesNotContain("low tide")
        .doesNotContain("Read:")
        .doesNotContain("contributed to this report")
        .doesNotContain("Fishermen protest fees")
        .doesNotContain("is a correspondent")
        .doesNotContain("appears in print");
  }
}
