package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.core.Extracted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {
  static byte[] fixture(String name) throws IOException {
    try (InputStream in = TextExtractorTest.class.getResourceAsStream("/extract/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  static Extracted text(String s) {
    return Extractors.extract(s.getBytes(StandardCharsets.UTF_8), "a.txt", Format.AUTO);
  }

  private static List<String> paragraphs(Extracted x) {
    return List.of(x.body().split("\n\n"));
  }

  @Test
  void seedShapedScrape() throws IOException {
    Extracted x = Extractors.extract(fixture("seed-shape.txt"), "seed-shape.txt", Format.AUTO);
    assertThat(x.caption())
        .isEqualTo(
            "Firefighters spray water on a burning grain silo in the"
                + " port of Velm on March 3. (Tomas Krey for The Northern Courier)");
    assertThat(x.body()).doesNotContain("Firefighters spray water");
    assertThat(x.source()).isEqualTo("The Northern Courier");
    assertThat(x.section()).isEqualTo("Europe");
    List<String> paras = paragraphs(x);
    assertThat(paras).hasSize(5);
    assertThat(paras.get(0)).startsWith("Officials in the coastal republic of Aldmark");
    assertThat(paras.get(4))
        .endsWith("a slower and costlier route that farmers say is eating" + " their margins.");
    assertThat(x.title())
        .isEqualTo(
            "Officials in the coastal republic of Aldmark said on Tuesday that talks on reopening"
                + " the Velm grain…");
  }

  /** The seed article itself, read from the shared folder when it is there (not copied). */
  @Test
  void seedArticle() throws IOException {
    Path seed = Path.of("..", "shared", "samples", "seed-article.txt");
    assumeTrue(Files.exists(seed), "seed article not available beside the checkout");
    Extracted x = Extractors.extract(Files.readAllBytes(seed), "seed-article.txt", Format.AUTO);
    assertThat(x.caption())
        .startsWith("A thermal power plant is damaged")
        .endsWith("(Oksana Parafeniuk for The Washington Post)");
    assertThat(x.body()).doesNotContain("A thermal power plant is damaged");
    assertThat(x.source()).isEqualTo("The Washington Post");
    assertThat(x.section()).isEqualTo("World");
    List<String> paras = paragraphs(x);
    assertThat(paras.get(0)).startsWith("Ukraine and Russia were expected");
    assertThat(paras.get(paras.size() - 1)).endsWith("no clear end in sight.");
    assertThat(x.body()).doesNotContain("Leave a review", "In World", "Follow us", "News Line");
  }

  @Test
  void furniturePhrasedInOtherWords() throws IOException {
    Extracted x = Extractors.extract(fixture("furniture-variants.txt"), "f.txt", Format.AUTO);
    assertThat(x.title()).isEqualTo("Harbour pilots vote to strike over night shifts");
    assertThat(x.authors()).containsExactly("Ines Morrow", "Karl Vesey");
    assertThat(x.published()).as("published wins over updated").isEqualTo("2025-01-12");
    assertThat(x.suggestedTags()).containsExactly("ports", "labour", "Velm");
    assertThat(x.source()).isEqualTo("Velm Gazette");
    assertThat(paragraphs(x))
        .containsExactly(
            "Harbour pilots in Velm voted on Sunday to strike for two days next week, saying a new"
                + " rota would leave a single pilot on duty for the whole night.",
            "The port authority said the rota met every safety rule and that it would hire four"
                + " more pilots by the summer.",
            "\"One pilot for forty ships is not a rota, it is a gamble,\" said union spokeswoman"
                + " Dana Holm, as the Velm Gazette reported on Monday.",
            "The strike would start on Wednesday at six in the morning unless the two sides reach a"
                + " deal before then.");
  }

  @Test
  void htmlEntitiesInAScrapeAreTheirCharacters() {
    Extracted x =
        text(
            "Harbour fees rise\n\nThe board raised &#163;1.8m from fees &amp; levies, AT&T said"
                + " nothing, and &#x20AC;5 stays &unknownthing; as it was.\n\nMore later.");
    assertThat(x.body())
        .contains("raised £1.8m from fees & levies, AT&T said")
        .contains("€5 stays &unknownthing; as it was");
  }

  @Test
  void onlyASelfReferenceNamesThePublisherNeverACitation() {
    Extracted x =
        text(
            "Talks resume in Harsk\n\nNegotiators met again on Monday, according to"
                + " the Aldmark Herald article, and agreed to meet weekly.\n\nNo date was set.");
    assertThat(x.source()).isEqualTo("The Aldmark Herald");
    assertThat(x.provenance()).containsEntry("source", "article self-reference");
    for (String citation :
        List.of(
            "Negotiators met again on Monday, according to the Aldmark Herald.",
            "Negotiators met again on Monday, the Aldmark Herald reported.",
            "Negotiators met again, according to a Financial Times report.",
            "One official told the Aldmark Herald that talks would go on.",
            "Talks stalled, according to the Reuters news agency.")) {
      assertThat(text("Talks resume in Harsk\n\n" + citation + "\n\nNo date was set.").source())
          .as(citation)
          .isNull();
    }
    Extracted y =
        text(
            "Ministers met on Monday, according to the Riverlands Commission.\n\n"
                + "A second meeting is planned.");
    assertThat(y.source()).as("a commission is not a publisher").isNull();
  }

  @Test
  void hardWrappedParagraphsAreJoined() throws IOException {
    Extracted x = Extractors.extract(fixture("hard-wrapped.txt"), "h.txt", Format.AUTO);
    assertThat(x.title()).isEqualTo("Council delays vote on tram extension");
    assertThat(paragraphs(x)).hasSize(2);
    assertThat(paragraphs(x).get(0))
        .startsWith(
            "The city council postponed a vote on the"
                + " northern tram extension on Thursday, after")
        .doesNotContain("\n");
  }

  @Test
  void titleFromFirstSentenceIsCutAtAWord() throws IOException {
    Extracted x = Extractors.extract(fixture("no-headline.txt"), "n.txt", Format.AUTO);
    assertThat(x.title()).endsWith("…").doesNotEndWith(" …");
    assertThat(x.title().length()).isLessThanOrEqualTo(101);
    assertThat(
            "The river authority in the valley town of Brenn said on Friday that it would"
                + " open the spillway gates for the first time")
        .startsWith(x.title().substring(0, x.title().length() - 1));
    assertThat(paragraphs(x)).hasSize(2);
  }

  @Test
  void shortFirstSentenceIsTheWholeTitle() {
    Extracted x =
        text(
            "The dam opened at dawn on Monday. Crowds watched from the bank as the"
                + " first water went through.\n\nMore followed.");
    assertThat(x.title()).isEqualTo("The dam opened at dawn on Monday.");
  }

  @Test
  void aListThatEndsTheArticleIsKept() {
    Extracted x =
        text(
            "Cup draw pairs holders with minnows\n\nThe draw for the quarter-finals was"
                + " made on Sunday, and the holders face a trip to the smallest club left.\n\n"
                + "Velm Rovers v Harsk Athletic\nBrenn Town v Aldmark United\nOrsa City v Tarrow"
                + " Wanderers\n");
    assertThat(x.body()).endsWith("Brenn Town v Aldmark United\n\nOrsa City v Tarrow Wanderers");
  }

  @Test
  void headlinesUnderAFurnitureHeadingAreDropped() {
    Extracted x =
        text(
            "Ferry fares rise again\n\nWinter fares on the island ferry will rise by a"
                + " tenth from December, the operator said.\n\nMost shared\nPilots vote to strike\n"
                + "Shipyard orders fall\n");
    assertThat(x.body())
        .isEqualTo(
            "Winter fares on the island ferry will rise by a tenth from"
                + " December, the operator said.");
  }

  @Test
  void promptsAndPitchesBetweenParagraphsAreDropped() throws IOException {
    Extracted x = Extractors.extract(fixture("prompts-and-pitches.txt"), "p.txt", Format.AUTO);
    assertThat(x.title()).isEqualTo("Tram strike halts Harsk commuters");
    assertThat(paragraphs(x))
        .containsExactly(
            "Tram drivers in Harsk walked out on Monday morning, leaving tens of thousands of"
                + " commuters to find other ways to work.",
            "The union says its members have not had a pay rise in three years, while the city says"
                + " the budget leaves no room.",
            "\"We are not asking for the moon,\" said driver Pia Lund.",
            "Talks are due to resume on Thursday.");
  }

  @Test
  void newsSentencesThatMentionSigningUpStay() {
    Extracted x =
        text(
            "Volunteers sought for flood watch\n\n"
                + "The council urged residents to sign up for the flood watch rota.\n\n"
                + "Subscribe to the rota online, officials said.\n\n"
                + "Follow the river level on the council's gauge page, they added.\n");
    assertThat(paragraphs(x)).hasSize(3);
  }
}
