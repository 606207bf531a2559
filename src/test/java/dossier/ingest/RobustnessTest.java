package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.core.Extracted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: deep nesting, huge pages, binary data, broken gzip. */
class RobustnessTest {
  private static final String PARAGRAPH =
      "<p>The ferry to the islands was cancelled again on Monday, the third time this month, as"
          + " low water kept the boats in the harbour.</p>";

  private static Extracted html(String s) {
    return Extractors.extract(s.getBytes(StandardCharsets.UTF_8), "page.html", Format.AUTO);
  }

  @Test
  void hundredThousandNestedDivsStillGiveTheText() {
    String open = "<div>".repeat(100_000);
    String close = "</div>".repeat(100_000);
    String page = "<html><body>" + open + PARAGRAPH + close + "</body></html>";
    Extracted x = html(page);
    assertThat(x.body()).contains("The ferry to the islands was cancelled");
  }

  @Test
  void deeplyNestedInlineAndTableMarkupFinishes() {
    String page =
        "<html><body>"
            + "<table><tr><td>".repeat(20_000)
            + PARAGRAPH
            + "<span><b><i>".repeat(30_000)
            + "text"
            + "</body></html>";
    Extracted x = html(page);
    assertThat(x.body()).contains("The ferry to the islands");
  }

  @Test
  void malformedMarkupStillGivesTheText() {
    String page =
        "<html><head><title>Ferry cancelled</title><body><div class=story><p>The ferry to the"
            + " islands was cancelled again on Monday, <b>the third time <i>this month</b>, as low"
            + " water kept the boats in the harbour.<p>Captains say the channel needs dredging,"
            + " which the port has promised for years.</div></span></td><p>";
    Extracted x = html(page);
    assertThat(x.title()).isEqualTo("Ferry cancelled");
    assertThat(x.body()).contains("the third time this month", "Captains say the channel");
  }

  @Test
  void aOneMegabytePageKeepsEveryParagraphAndDropsTheShareBars() {
    // (how long it takes is measured by the benchmarks, not here)
    StringBuilder b = new StringBuilder("<html><head><title>Long</title></head><body><article>");
    int i = 0;
    while (b.length() < 1_000_000) {
      b.append("<div class=block><p>Paragraph ")
          .append(i++)
          .append(", with words and commas, and a full stop.</p>")
          .append("<div class=share><a href=#>Share</a></div></div>");
    }
    b.append("</article></body></html>");
    Extracted x = html(b.toString());
    assertThat(x.body().split("\n\n")).hasSize(i);
    assertThat(x.body())
        .contains("Paragraph 0,", "Paragraph " + (i / 2) + ",", "Paragraph " + (i - 1) + ",")
        .doesNotContain("Share");
  }

  @Test
  void binaryInputIsRefused() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H'};
    assertThatThrownBy(() -> Extractors.extract(png, "photo.txt", Format.AUTO))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("binary");
    byte[] noise = new byte[4096];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (byte) (i * 31 % 29); // control bytes
    }
    assertThatThrownBy(() -> Extractors.extract(noise, null, Format.AUTO))
        .isInstanceOf(ExtractionException.class);
  }

  @Test
  void emptyAndBlankInputIsRefused() {
    assertThatThrownBy(() -> Extractors.extract(new byte[0], "a.txt", Format.AUTO))
        .isInstanceOf(ExtractionException.class);
    assertThatThrownBy(
            () ->
                html(
                    "<html><head><script>var a = 1;</script></head><body>"
                        + "<nav><a href=/>Home</a></nav></body></html>"))
        .isInstanceOf(ExtractionException.class);
  }

  @Test
  void gzipIsInflatedAndTruncatedGzipIsAClearError() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(
          ("<html><body><article>" + PARAGRAPH + "</article></body></html>")
              .getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = out.toByteArray();
    assertThat(Extractors.extract(whole, "page.html.gz", Format.AUTO).body())
        .contains("The ferry to the islands");
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> Extractors.extract(cut, "page.html.gz", Format.AUTO))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("gzip");
  }

  @Test
  void invalidUtf8IsNotMojibake() {
    byte[] b =
        "Prices rose by 5 \u00e9 \u00e8 points.\n\nThe rest is quiet.\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Extracted x = Extractors.extract(b, "a.txt", Format.AUTO);
    assertThat(x.body()).contains("é è").doesNotContain("\uFFFD");
  }

  @Test
  void terminalEscapesInTheTextDoNotBreakExtraction() {
    Extracted x =
        html(
            "<html><body><article><p>Prices rose \u001b[2J again on Monday, traders"
                + " said, for the fourth week in a row, and nobody expects a change.</p></article>"
                + "</body></html>");
    assertThat(x.body()).contains("Prices rose");
  }

  @Test
  void formatComesFromTheNameUnlessTheMarkupSaysOtherwise() {
    byte[] page =
        ("<!DOCTYPE html><html><head><title>Ferry</title></head><body><article>"
                + PARAGRAPH
                + "</article></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(Extractors.extract(page, "saved.txt", Format.AUTO).format()).isEqualTo("html");
    assertThat(Extractors.extract(page, null, Format.AUTO).format()).isEqualTo("html");
    assertThat(Extractors.extract(page, "saved.txt", Format.TEXT).format()).isEqualTo("text");
    byte[] md = "---\ntitle: Ferry\n---\nThe ferry runs.\n".getBytes(StandardCharsets.UTF_8);
    assertThat(Extractors.extract(md, null, Format.AUTO).format()).isEqualTo("markdown");
  }
}
