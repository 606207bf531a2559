package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.core.Extracted;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfExtractorTest {
  static final String P1 =
      "The harbour authority in Velmar confirmed on Tuesday that the northern breakwater will be"
          + " rebuilt over the next three winters, after storms last year opened a gap wide enough"
          + " for two trawlers to pass side by side.";
  static final String P2 =
      "Engineers from the regional office said the work would start with the outer caissons,"
          + " which took the worst of the damage, and that fishing boats would keep using the"
          + " inner basin throughout.";
  static final String P3 =
      "Local skippers welcomed the plan but asked for the timetable to be published, so that"
          + " the spring season is not lost to closures announced at short notice.";

  private static Extracted pdf(byte[] b) {
    return Extractors.extract(b, "report.pdf", Format.AUTO);
  }

  private static List<String> paragraphs(Extracted x) {
    return List.of(x.body().split("\n\n"));
  }

  @Test
  void paragraphsFromLineSpacingAndHeadlineFromLargeType() {
    byte[] b =
        Pdfs.create()
            .heading("Velmar breakwater to be rebuilt after winter storms")
            .paragraph(P1)
            .paragraph(P2)
            .paragraph(P3)
            .bytes();
    Extracted x = pdf(b);
    assertThat(x.format()).isEqualTo("pdf");
    assertThat(x.title()).isEqualTo("Velmar breakwater to be rebuilt after winter storms");
    assertThat(paragraphs(x)).containsExactly(P1, P2, P3);
  }

  @Test
  void readingOrderFollowsThePageNotTheDrawingOrder() {
    byte[] b =
        Pdfs.create()
            .heading("Breakwater plan")
            .paragraph(P1)
            .paragraph(P2)
            .drawnBottomUp()
            .bytes();
    assertThat(paragraphs(pdf(b))).containsExactly(P1, P2);
  }

  @Test
  void runningHeadersFootersAndPageNumbersAreLeftOut() {
    byte[] b =
        Pdfs.create()
            .header("12/2/26, 9:14 AM     Velmar Courier - Breakwater")
            .footer("https://courier.example/breakwater     #/3")
            .heading("Velmar breakwater to be rebuilt")
            .paragraph(P1)
            .newPage()
            .paragraph(P2)
            .newPage()
            .paragraph(P3)
            .bytes();
    Extracted x = pdf(b);
    assertThat(paragraphs(x)).containsExactly(P1, P2, P3);
    assertThat(x.body()).doesNotContain("Courier -").doesNotContain("courier.example");
  }

  @Test
  void aParagraphRunsOnOverAPageTurn() {
    String longer = P1 + " " + P2.replace(".", ",") + " and then it goes on.";
    byte[] b =
        Pdfs.create()
            .footer("Page #")
            .paragraph(longer.substring(0, 200).strip())
            .newPage()
            .paragraph(longer.substring(200).strip())
            .bytes();
    assertThat(paragraphs(pdf(b))).containsExactly(longer);
  }

  @Test
  void titleAndDateFromTheMetadataWhenTheTextLacksThem() {
    byte[] b =
        Pdfs.create()
            .title("Harbour works: the full timetable")
            .created(2026, 3, 14)
            .paragraph(P1)
            .paragraph(P2)
            .bytes();
    Extracted x = pdf(b);
    assertThat(x.title()).isEqualTo("Harbour works: the full timetable");
    assertThat(x.published()).isEqualTo("2026-03-14");
    assertThat(x.provenance()).containsEntry("title", "pdf metadata");
  }

  @Test
  void theTextsOwnHeadlineWinsOverTheMetadataTitle() {
    byte[] b =
        Pdfs.create()
            .title("Microsoft Word - draft3.docx")
            .heading("Velmar breakwater to be rebuilt")
            .paragraph(P1)
            .bytes();
    assertThat(pdf(b).title()).isEqualTo("Velmar breakwater to be rebuilt");
  }

  @Test
  void aScanWithoutTextSaysSoInOneLine() {
    assertThatThrownBy(() -> pdf(Pdfs.withoutText()))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("PDF without text")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBrokenPdfIsAClearError() {
    byte[] b = Pdfs.create().paragraph(P1).bytes();
    byte[] cut = java.util.Arrays.copyOf(b, 40);
    assertThatThrownBy(() -> pdf(cut))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("a broken PDF");
  }
}
