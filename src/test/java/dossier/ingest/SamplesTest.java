package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks of what matters most in every demo article in samples/: metadata, body bounds, no
 * furniture. The whole extraction, paragraph by paragraph, is compared by {@link
 * ExtractionGoldenTest}.
 */
class SamplesTest {
  private static Extracted extract(String name) throws IOException {
    Path p = Path.of("samples", name);
    return Extractors.extract(Files.readAllBytes(p), name, Format.AUTO);
  }

  private static List<String> paragraphs(Extracted x) {
    return List.of(x.body().split("\n\n"));
  }

  private static void assertBounds(Extracted x, String firstStart, String lastEnd) {
    List<String> paras = paragraphs(x);
    assertThat(paras.get(0)).startsWith(firstStart);
    assertThat(paras.get(paras.size() - 1)).endsWith(lastEnd);
  }

  @Test
  void scrapeWithoutHeadlineLikeTheSeed() throws IOException {
    Extracted x = extract("dam-talks-stall.txt");
    assertThat(x.format()).isEqualTo("text");
    assertThat(x.caption())
        .isEqualTo(
            "Workers pour concrete at the Kessel Dam site on the upper Varela River on"
                + " Jan. 28. (Mira Holt for The Daily Meridian)");
    assertThat(x.body()).doesNotContain("Workers pour concrete");
    assertThat(x.source()).isEqualTo("The Daily Meridian");
    assertThat(x.section()).isEqualTo("World");
    assertThat(x.published()).isNull();
    assertThat(x.title()).startsWith("Negotiators from Ostrand and Kelmar left").endsWith("…");
    assertThat(x.title().length()).isLessThanOrEqualTo(101);
    assertBounds(x, "Negotiators from Ostrand and Kelmar", "and the river keeps falling.");
    assertThat(x.body())
        .doesNotContain("Leave a review", "In World", "social networks", "News Line");
  }

  @Test
  void scrapeWithHeadlineBylineTagsAndShareLinks() throws IOException {
    Extracted x = extract("northgate-pipeline-deal.txt");
    assertThat(x.title())
        .isEqualTo("Northgate pipeline deal signed after months of haggling over transit fees");
    assertThat(x.source()).isEqualTo("The Harbour Ledger");
    assertThat(x.authors()).containsExactly("Teodor Vance");
    assertThat(x.published()).isEqualTo("2025-03-12");
    assertThat(x.section()).isEqualTo("Business");
    assertThat(x.caption()).startsWith("A welder checks a joint").endsWith("The Harbour Ledger)");
    assertThat(x.suggestedTags()).containsExactly("energy", "Northgate pipeline", "Sarn Union");
    assertBounds(x, "Ostrand and the Sarn Union signed", "it was the price of security.");
    assertThat(x.body())
        .doesNotContain(
            "Advertisement",
            "Share on",
            "Copy link",
            "Related",
            "Sarn Union parliament approves",
            "heating bill",
            "©",
            "Tags:",
            "By Teodor",
            "Published",
            "A welder");
  }

  @Test
  void scrapeWithCorrespondentBylineAndNewsletterPrompt() throws IOException {
    Extracted x = extract("drought-kelmar-farmers.txt");
    assertThat(x.title()).isEqualTo("Kelmar's rice farmers plant less as the Varela runs low");
    assertThat(x.source()).isEqualTo("Valley Courier");
    assertThat(x.authors()).containsExactly("Anna Ferro");
    assertThat(x.published()).isEqualTo("2025-06-03");
    assertThat(x.section()).isEqualTo("Climate");
    assertThat(x.caption()).isNull();
    assertBounds(x, "Seed merchants in the Kelmari delta", "may outlast the dry spell.");
    assertThat(x.body())
        .doesNotContain(
            "Read more",
            "Advertisement",
            "newsletter",
            "email address",
            "Subscribe",
            "comments",
            "Copyright",
            "Correspondent");
  }

  @Test
  void windows1252ScrapeWithoutDeclarationDecodesCleanly() throws IOException {
    Extracted x = extract("krona-slides.txt");
    assertThat(x.title()).isEqualTo("Kelmar’s krona slides as voters weigh a snap election");
    assertThat(x.source()).as("'the Kelmar Times reported' cites another outlet").isNull();
    assertThat(x.authors()).containsExactly("Petra Lindqvist");
    assertThat(x.published()).isEqualTo("2025-08-21");
    assertThat(x.body())
        .contains("€300 million", "£410", "“too polite”", "clears — and")
        .doesNotContain("\uFFFD", "â€", "Share this article", "Most read", "Advertisement");
    assertBounds(x, "The Kelmari krona fell", "if the summer harvest disappoints.");
  }

  @Test
  void modernPageWithJsonLdAndFurniture() throws IOException {
    Extracted x = extract("oste-coalition-vote.html");
    assertThat(x.format()).isEqualTo("html");
    assertThat(x.title())
        .isEqualTo("Opposition wins Kelmar's snap election as water anger boils over");
    assertThat(x.source()).isEqualTo("Northern Post");
    assertThat(x.authors()).containsExactly("Lena Sorvik", "Amir Castell");
    assertThat(x.published()).isEqualTo("2025-09-28T22:40:00+02:00");
    assertThat(x.url())
        .isEqualTo("https://northernpost.example/politics/2025/09/28/kelmar-snap-election-result");
    assertThat(x.section()).isEqualTo("Politics");
    assertThat(x.lang()).isEqualTo("en-GB");
    assertThat(x.caption()).startsWith("Marta Quill speaks to supporters");
    assertThat(x.suggestedTags()).containsExactly("Kelmar", "elections", "Kessel Dam");
    assertBounds(x, "Kelmar's opposition Green Harvest party won", "in good faith.");
    assertThat(paragraphs(x))
        .contains(
            "Turnout was 71 percent, the highest in two decades.",
            "\"We will go back to the table with Ostrand, but we will go back with the whole"
                + " country behind us.\"");
    assertThat(x.body())
        .doesNotContain(
            "cookies",
            "Share on",
            "Morning Briefing",
            "Related stories",
            "About time",
            "All rights reserved",
            "Advertisement",
            "Read more",
            "Krona slides",
            "Marta Quill speaks to supporters",
            "Politics",
            "Opposition wins");
  }

  @Test
  void blogPageWithJsonLdGraphAndSidebar() throws IOException {
    Extracted x = extract("kessel-court-ruling.html");
    assertThat(x.title()).isEqualTo("Court orders pause on Kessel reservoir filling");
    assertThat(x.source()).isEqualTo("The Riverlands Review");
    assertThat(x.authors()).containsExactly("Nadia Brook");
    assertThat(x.published()).isEqualTo("2025-04-17T09:30:00Z");
    assertThat(x.url())
        .isEqualTo("https://riverlandsreview.example/2025/04/17/kessel-court-pause/");
    assertThat(x.section()).isEqualTo("Courts");
    assertThat(x.lang()).isEqualTo("en");
    assertBounds(x, "The regional court in Tarrow", "during the talks at Lisvane.");
    assertThat(paragraphs(x)).contains("\"A river is not a private ledger,\" she wrote.");
    assertThat(x.body())
        .doesNotContain(
            "Share this",
            "Related",
            "Most popular",
            "Leave a Reply",
            "Trout season",
            "Posted on",
            "Quay Street",
            "Subscribe");
  }

  @Test
  void pageWithOpenGraphOnlyFigureAndNewsletterBox() throws IOException {
    Extracted x = extract("varela-low-water.html");
    assertThat(x.title()).isEqualTo("Boats stranded as the Varela hits a record low");
    assertThat(x.source()).isEqualTo("Kelmar Today");
    assertThat(x.authors()).containsExactly("Sofia Renn");
    assertThat(x.published()).isEqualTo("2025-07-09T06:00:00Z");
    assertThat(x.section()).isEqualTo("Environment");
    assertThat(x.lang()).isEqualTo("en-US");
    assertThat(x.caption()).isEqualTo("Fishing boats lie on the mud at Orsa quay.");
    assertThat(x.suggestedTags()).containsExactly("Varela River", "drought");
    assertBounds(x, "The river gauge at Orsa", "The ferry will not run again before September.");
    assertThat(x.body())
        .doesNotContain(
            "Delta Dispatch",
            "Sofia Renn covers",
            "Tags:",
            "You may also like",
            "cookie",
            "WhatsApp",
            "4 min read");
  }

  @Test
  void gzippedTableLayoutPage() throws IOException {
    Extracted x = extract("solar-tender.html.gz");
    assertThat(x.title()).isEqualTo("Desert solar tender draws eleven bidders");
    assertThat(x.source()).isEqualTo("Ostrand Wire");
    assertThat(x.authors()).containsExactly("Rolf Ekdal");
    assertThat(x.published()).isEqualTo("2025-11-14");
    assertThat(x.suggestedTags()).contains("solar", "energy");
    assertBounds(x, "Eleven companies have bid", "The winner is due to be named in March.");
    assertThat(paragraphs(x)).hasSize(7);
    assertThat(x.body())
        .doesNotContain(
            "Front page",
            "Jobs board",
            "Print this article",
            "Posted 14.11.2025",
            "OSTRAND WIRE",
            "Terms of use");
  }

  @Test
  void markdownClipWithInlineFrontMatter() throws IOException {
    Extracted x = extract("northgate-hearing-notes.md");
    assertThat(x.format()).isEqualTo("markdown");
    assertThat(x.title()).isEqualTo("Northgate hearing: what the route inspectors found");
    assertThat(x.authors()).containsExactly("Elin Marsh");
    assertThat(x.published()).isEqualTo("2025-10-02");
    assertThat(x.url()).isEqualTo("https://harbourledger.example/energy/northgate-hearing-route");
    assertThat(x.suggestedTags()).containsExactly("energy", "Northgate pipeline", "wetlands");
    assertBounds(x, "The planning tribunal in Harrowby", "leave the Merrow crossing until last.");
    assertThat(x.body())
        .contains("route of the Northgate pipeline, the gas line")
        .doesNotContain("**", "> ", "- The builders", "Clipped from", "# Northgate");
  }

  @Test
  void markdownClipWithBlockFrontMatter() throws IOException {
    Extracted x = extract("lisvane-fishing-diary.md");
    assertThat(x.title()).isEqualTo("A week on the lake at Lisvane");
    assertThat(x.authors()).containsExactly("Pieter Holm", "Greta Lund");
    assertThat(x.published()).isEqualTo("2025-05-20T18:30:00+02:00");
    assertThat(x.url()).isEqualTo("https://slowtravel.example/diaries/lisvane-week");
    assertThat(x.suggestedTags()).containsExactly("travel", "Lisvane", "Varela River");
    assertBounds(x, "Most people know Lisvane", "goes to the delegations.");
    assertThat(paragraphs(x)).contains("The lake", "Getting there");
    assertThat(x.body()).doesNotContain("##", "title:", "---");
  }
}
