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

  @Test
  void galleryCaptionsDatelinesAndCreditsLeaveTheBody() {
    String caption =
        "In this photo taken on Tuesday the ferry leaves the old quay at Brennock for Skarholm.";
    StringBuilder b = new StringBuilder("<article><h1>Quay plan</h1>");
    b.append("<p>IVO BRANDT/AFP/Getty Images</p><p>by Ada Lind22 Dec 2016651</p>");
    b.append("<ul class=slides><li><figure><img src=a.jpg alt=\"").append(caption);
    b.append("\"></figure></li></ul><div><span>1 / 5</span><h2>").append(caption);
    b.append("</h2></div>");
    for (int i = 1; i <= 6; i++) {
      b.append(para(i));
    }
    b.append("<p>___</p><p>Harbour Writer Ines Morrow in Velm, and Karl Vesey in Ostmark")
        .append(" contributed to this report.</p>")
        .append("<p>Read or Share this story: https://velm.example/quay</p></article>");
    String html = "<html><head><title>Quay plan</title></head><body>" + b + "</body></html>";
    Extracted x = Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO);
    assertThat(x.body()).startsWith("The harbour board met").contains("paragraph 6,");
    assertThat(x.body())
        .doesNotContain("ferry leaves")
        .doesNotContain("Getty")
        .doesNotContain("2016651")
        .doesNotContain("1 / 5")
        .doesNotContain("___")
        .doesNotContain("contributed")
        .doesNotContain("Share this story");
  }
}
