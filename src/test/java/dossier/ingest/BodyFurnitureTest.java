package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Captions, bios, print notes and related-story lists stay out of an HTML body. */
class BodyFurnitureTest {
  private static String para(int n) {
    return "<p>The harbour board met on Tuesday to discuss the quay, paragraph "
        + n
        + ", and members argued over the cost, the timing and what the fishermen had said.</p>";
  }

  /** Paragraphs {@code from} to {@code to} of the article. */
  private static String paras(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append(para(i));
    }
    return b.toString();
  }

  /** The body of a page titled "Quay plan" by Karl Vesey whose body element holds {@code body}. */
  private static String bodyOf(String body) {
    String html =
        "<html><head><title>Quay plan</title><meta name=author content=\"Karl Vesey\"></head>"
            + "<body>"
            + body
            + "</body></html>";
    return Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO).body();
  }

  @Test
  void theDeskUnderTheBylineLeavesTheBody() {
    String html =
        "<html><head><title>Quay plan</title><meta property=og:site_name content=\"Velm Gazette\">"
            + "</head><body><article><h1>Quay plan</h1><p>By Karl Vesey</p>"
            + "<p>Velm Gazette Harbour News</p>"
            + paras(1, 6)
            + "<p>Velm Gazette Harbour News reporters found the quay unsafe in May.</p>"
            + "</article></body></html>";
    String body =
        Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO).body();
    assertThat(body).startsWith("The harbour board met").contains("reporters found the quay");
    assertThat(HtmlExtractor.isDeskLabel("Velm Gazette Staff", "Velm Gazette")).isTrue();
    assertThat(HtmlExtractor.isDeskLabel("Velm Gazette", "Velm Gazette")).isFalse();
    assertThat(HtmlExtractor.isDeskLabel("Velm Gazette readers write in", "Velm Gazette"))
        .isFalse();
    assertThat(HtmlExtractor.isDeskLabel("Velm Gazette Harbour Board Annual Staff", "Velm Gazette"))
        .isFalse();
  }

  @Test
  void aTrailOfCrumbsOverTheTextLeavesTheBodyAndACrumbleStays() {
    String crumbs =
        "<div class=td-crumb-container><div class=entry-crumbs><span><a href=/>Home</a></span>"
            + " <span><a class=entry-crumb href=/ports>Ports</a></span> <span>Quay plan, and what"
            + " the harbour board said about its cost on Tuesday</span></div></div>";
    String body = bodyOf("<article>" + crumbs + paras(1, 6) + "</article>");
    assertThat(body).startsWith("The harbour board met").doesNotContain("Home Ports");
    String recipe =
        "<article><div class=apple-crumble><p>The crumble on the quay, a recipe the harbour"
            + " cooks have kept since 1890, takes apples, oats and an hour in the oven.</p></div>"
            + paras(1, 6)
            + "</article>";
    assertThat(bodyOf(recipe)).contains("The crumble on the quay");
  }

  @Test
  void captionBoxesNamedInOtherLanguagesLeaveTheBody() {
    StringBuilder gallery = new StringBuilder("<ul class=fotos>");
    String[] names = {"legenda", "legende-photo", "didascalia", "pie-de-foto", "bildtext"};
    for (int i = 0; i < names.length; i++) {
      gallery
          .append("<li><img src=")
          .append(i)
          .append(".jpg><div class=")
          .append(names[i])
          .append(">The quay seen from the ferry, picture ")
          .append(i)
          .append("</div><div class=autor>Foto: Ada Lind</div></li>");
    }
    gallery.append("</ul>");
    String body = bodyOf("<article>" + gallery + paras(1, 6) + "</article>");
    assertThat(body).contains("paragraph 1,", "paragraph 6,").doesNotContain("seen from the ferry");
    // the same line outside a caption box is text
    assertThat(bodyOf("<article><p>The quay seen from the ferry, picture 1</p>" + paras(1, 6)))
        .contains("seen from the ferry");
  }

  @Test
  void captionsBiosAndRelatedListsLeaveTheBody() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 4)
                + "<figure><img src=a.jpg><figcaption>The quay at low tide.<span class=credit>"
                + "Ada Lind for the Velm Gazette</span></figcaption></figure>"
                + "<p>The quay at low tide.Ada Lind for the Velm Gazette</p>"
                + paras(5, 8)
                + "<p>[Read: Why the harbour tunnel is late again]</p>"
                + "<p>Ines Morrow contributed to this report.</p>"
                + "<p>Read more:</p><p>Harbour tunnel is late again</p><p>Fishermen protest fees</p>"
                + "<p>Karl Vesey is a correspondent for the Velm Gazette who covers the ports.</p>"
                + "<p>A version of this article appears in print on March 3, 2025, on Page A2.</p>"
                + "</article>");
    assertThat(body).contains("paragraph 1,", "paragraph 8,");
    assertThat(body)
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

  @Test
  void teaserLinksPressReleaseEndsAndCreditLinesLeaveTheBody() {
    String body =
        bodyOf(
            "<article><p>Politics</p><p>Karl Vesey @karlvesey</p>"
                + paras(1, 4)
                + "<p><a href=https://velm.example/a>Five things we learned from the harbour vote"
                + "</a></p><h3><a href=https://velm.example/quay>The Brennock quay</a></h3>"
                + paras(5, 9)
                + "<p>Ines Morrow is a senior reporter for the Velm Gazette covering the port.</p>"
                + "<p>About Velm Harbour Holdings</p><p>Velm Harbour Holdings runs three quays.</p>"
                + "<ul><li><a href=https://velm.example/b>Fishermen protest the new fees</a></li>"
                + "<li><a href=https://velm.example/c>Ferry timetable changes in May</a></li></ul>"
                + "</article>");
    assertThat(body).contains("paragraph 1,", "paragraph 9,", "The Brennock quay");
    assertThat(body)
        .doesNotContain("Politics")
        .doesNotContain("@karlvesey")
        .doesNotContain("Five things")
        .doesNotContain("senior reporter")
        .doesNotContain("runs three quays")
        .doesNotContain("Fishermen protest");
  }

  @Test
  void aShortFirstHeadingOrAShortPageIsNoSectionLabel() {
    assertThat(bodyOf("<article><h2>Harbour</h2>" + paras(1, 3) + "</article>"))
        .startsWith("Harbour\n\nThe harbour board met");
    assertThat(bodyOf("<article><p>Quay</p><p>Closed today</p></article>")).contains("Quay");
  }

  private static final String TEASERS =
      "<ul><li><a href=https://velm.example/b>Fishermen protest the new fees</a></li>"
          + "<li><a href=https://velm.example/c>Ferry timetable changes in May</a></li></ul>";

  @Test
  void aRunOfHeadlineLinksLeavesTheBodyWhereverItStands() {
    String body = bodyOf("<article>" + paras(1, 3) + TEASERS + paras(4, 6) + "</article>");
    assertThat(body).contains("paragraph 3,", "paragraph 4,").doesNotContain("Fishermen");
  }

  @Test
  void aListOfLinksTheTextIntroducesStays() {
    String body = bodyOf("<article>" + paras(1, 3) + "<p>In progress:</p>" + TEASERS + paras(4, 6));
    assertThat(body).contains("Fishermen protest the new fees", "Ferry timetable changes in May");
  }

  @Test
  void aLinkedSubheadingAloneStays() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 3)
                + "<h3><a href=https://velm.example/quay>The Brennock quay</a></h3>"
                + paras(4, 6)
                + "</article>");
    assertThat(body).contains("The Brennock quay");
  }

  @Test
  void aPressReleaseEndsAtItsAboutHeadingButALongAboutSectionIsTheArticle() {
    String tail =
        "<h3>About Velm Harbour Holdings</h3>"
            + "<p>Velm Harbour Holdings runs three quays on the coast.</p>"
            + "<p>Media contact: Ada Lind, press@velm-harbour.example</p>";
    assertThat(bodyOf("<article>" + paras(1, 6) + tail + "</article>"))
        .contains("paragraph 6,")
        .doesNotContain("runs three quays")
        .doesNotContain("About Velm");
    // what follows the heading is most of the page: it is the text, not a tail
    assertThat(bodyOf("<article>" + paras(1, 1) + "<h3>About the quay</h3>" + paras(2, 6)))
        .contains("About the quay", "paragraph 6,");
  }

  @Test
  void aStaffBioAtTheEndLeavesTheBody() {
    String bio = "<p>Ines Morrow is a senior reporter for the Velm Gazette covering the port.</p>";
    assertThat(bodyOf("<article>" + paras(1, 4) + bio + "</article>"))
        .contains("paragraph 4,")
        .doesNotContain("senior reporter");
  }

  @Test
  void aCreditLineNeedsTheAuthorsNameAndNoSentence() {
    assertThat(bodyOf("<article><p>Karl Vesey, AP Harbour Writer</p>" + paras(1, 4)))
        .doesNotContain("AP Harbour Writer");
    assertThat(
            bodyOf(
                "<article>"
                    + paras(1, 2)
                    + "<p>Karl Vesey said the quay would open in May.</p>"
                    + paras(3, 4)))
        .contains("Karl Vesey said the quay would open in May.");
  }

  @Test
  void repeatedPromotionsAndATextPrintedTwiceAreSaidOnce() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 2)
                + "<p>The harbour week in pictures</p>"
                + paras(3, 4)
                + "<p>The harbour week in pictures</p>"
                + "<p>\u201cI would prefer not to.\u201d</p>"
                + para(5)
                + "<p>\u201cI would prefer not to.\u201d</p>"
                + para(6)
                + paras(1, 4)
                + "</article>");
    assertThat(body.split("week in pictures", -1)).hasSize(2);
    assertThat(body.split("paragraph 3,", -1)).hasSize(2);
    assertThat(body.split("prefer not to", -1)).as("a refrain stays").hasSize(3);
    assertThat(body).contains("paragraph 5,");
  }

  @Test
  void labelsAndHeadingsAfterTheLastSentenceLeaveAndAShortClosingListStays() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 5)
                + "<p>What the board will vote on:</p><ul><li>the fees</li><li>the quay</li></ul>"
                + "</article><div><h3>More news</h3><p>Sport</p><p>Premier League</p>"
                + "<p>Keywords:</p></div>");
    assertThat(body).endsWith("the quay").doesNotContain("More news", "Sport", "Keywords");
    String labels =
        bodyOf("<article>" + paras(1, 5) + "<h3>Related</h3><p>Return to list</p></article>");
    assertThat(labels).endsWith("the fishermen had said.");
  }

  @Test
  void aBioInTheFirstPersonAtTheEndLeaves() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 5)
                + "<p>I am a full-time freelance writer in Velm. I've written more than 900"
                + " published articles for a wide variety of publications.</p></article>");
    assertThat(body).endsWith("the fishermen had said.").doesNotContain("freelance");
  }

  /** The body of the page at {@code url} whose body element holds {@code body}. */
  private static String bodyAt(String url, String body) {
    String html =
        "<html><head><title>Quay plan</title><link rel=canonical href=\""
            + url
            + "\"></head><body>"
            + body
            + "</body></html>";
    return Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO).body();
  }

  private static final String SUMMARY =
      "The board, the fishermen and the ferry company met again, and this is what they said.";

  /** A list of cards, each a heading that links to a page of {@code hosts} and a summary. */
  private static String cards(String... hosts) {
    List<String> headlines =
        List.of(
            "Fishermen protest the new fees at the quay",
            "Ferry timetable changes in May and June",
            "What the storm did to the old harbour wall");
    StringBuilder b = new StringBuilder("<ul>");
    for (int i = 0; i < hosts.length; i++) {
      b.append("<li><h2><a href=https://").append(hosts[i]).append("/story").append(i).append('>');
      b.append(headlines.get(i)).append("</a></h2><p>").append(SUMMARY).append("</p></li>");
    }
    return b.append("</ul>").toString();
  }

  @Test
  void cardsOfTheSitesOtherStoriesAtTheEndLeaveTheBody() {
    String cards = cards("velm.example", "velm.example", "www.velm.example");
    String body =
        bodyAt("https://velm.example/quay-plan", "<article>" + paras(1, 2) + cards + "</article>");
    assertThat(body).endsWith("the fishermen had said.").doesNotContain("Fishermen protest");
  }

  @Test
  void cardsThatLinkElsewhereOrStandInTheTextStay() {
    String shops = cards("shop.example", "boots.example", "nets.example");
    assertThat(bodyAt("https://velm.example/gifts", "<article>" + paras(1, 2) + shops))
        .contains("Fishermen protest", "the old harbour wall");
    String own = cards("velm.example", "velm.example", "velm.example");
    assertThat(bodyAt("https://velm.example/quay", "<article>" + paras(1, 2) + own + paras(3, 4)))
        .contains("Fishermen protest", "paragraph 4,");
  }

  @Test
  void aBoxNamedLikeContentWithALineInItIsNeitherTheArticleNorItsRival() {
    // three alert boxes whose names score like content would pull the article up to the page
    StringBuilder alerts = new StringBuilder("<section><ul>");
    for (String alert :
        List.of(
            "Storm warning for the coast tonight",
            "Ferry delays on the northern line",
            "Quay closed to cars until Friday")) {
      alerts.append("<li><div class=alert-content><div><span>").append(alert);
      alerts.append("</span></div></div></li>");
    }
    alerts.append("</ul></section>");
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      text.append("<p>The harbour board met on Tuesday about the quay and members argued for an")
          .append(" hour over part ")
          .append(i)
          .append(" of the plan.</p>");
    }
    String body =
        bodyOf(
            "<div class=wrapper>"
                + alerts
                + "<div class=profile>Welcome,</div><main><div class=story><div class=body-text>"
                + text
                + "</div></div></main></div>");
    assertThat(body).contains("over part 1 of", "over part 5 of");
    assertThat(body).doesNotContain("Storm warning", "Ferry delays", "Welcome");
  }

  @Test
  void aBylineUnderAStandfirstAndItsPointsLeaves() {
    String body =
        bodyOf(
            "<article><p>The quay will close for a year while the board rebuilds it</p>"
                + "<ul><li>The repairs cost more than planned</li><li>Ferries move to Ostmark</li>"
                + "</ul><p>By Ines Morrow For The Velm Gazette</p>"
                + paras(1, 4)
                + "</article>");
    assertThat(body).contains("Ferries move to Ostmark", "paragraph 4,").doesNotContain("Morrow");
  }

  @Test
  void moreCoverageAndRelatedInformationListsLeave() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 4)
                + "<h3>More harbour-2020 coverage</h3><p>Updates</p><p>Ostmark</p>"
                + "<p><b>Related information</b></p><p>Harbour water tests in May</p>"
                + "</article>");
    assertThat(body).endsWith("the fishermen had said.");
  }

  @Test
  void onePageOfSeveralStoriesKeepsTheStoryItsTitleNames() {
    StringBuilder b = new StringBuilder("<main>");
    String[] heads = {"Ferry fares rise again", "Quay plan", "Lighthouse keeper retires"};
    for (int s = 0; s < heads.length; s++) {
      b.append("<section><article><h2><a href=/s").append(s).append(">").append(heads[s]);
      b.append("</a></h2>");
      for (int i = 1; i <= 3; i++) {
        b.append("<p>Story ").append(s).append(" says in its own words, paragraph ").append(i);
        b.append(", what the town council decided, and why, and what it will cost.</p>");
      }
      b.append("</article></section>");
    }
    String body = bodyOf(b.append("</main>").toString());
    assertThat(body).contains("Story 1 says", "paragraph 3,");
    assertThat(body).doesNotContain("Story 0").doesNotContain("Story 2");
    assertThat(body).doesNotContain("Ferry fares").doesNotContain("Lighthouse");
  }

  @Test
  void aHeadlineLongerThanTheTitleLeavesTheTopOfTheBody() {
    String html =
        "<html><head><title>Harbour board backs quay plan - Velm</title></head><body><article>"
            + "<h2>'We have waited long enough': harbour board backs the quay plan at last, says"
            + " its chair... but Velm must still pay</h2>"
            + paras(1, 4)
            + "<h2>What the quay plan costs</h2>"
            + paras(5, 6)
            + "</article></body></html>";
    String body =
        Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO).body();
    assertThat(body).startsWith("The harbour board met").contains("What the quay plan costs");
    assertThat(body).doesNotContain("waited long enough");
  }

  @Test
  void aStandfirstPrintedAgainInTheTextIsKeptOnce() {
    String summary =
        "<p>Members want the quay finished before winter, and the fishermen, who lose a day of"
            + " landing each week it is shut, say they will pay a share of the cost if the board"
            + " finishes it by November.</p>";
    String standfirst = summary.replace("<p>", "<h2>").replace("</p>", "</h2>");
    String body =
        bodyOf("<article>" + standfirst + paras(1, 2) + summary + paras(3, 4) + "</article>");
    assertThat(body.split("finished before winter", -1)).hasSize(2);
    assertThat(body).contains("paragraph 1,", "paragraph 4,");
    String refrain = "<p>Nobody answered.</p>";
    String twice =
        bodyOf("<article>" + paras(1, 2) + refrain + paras(3, 4) + refrain + "</article>");
    assertThat(twice.split("Nobody answered", -1)).hasSize(3);
    String chorus =
        bodyOf("<article>" + summary + paras(1, 2) + summary + paras(3, 4) + "</article>");
    assertThat(chorus.split("finished before winter", -1)).hasSize(3);
  }

  @Test
  void readerCallOutsOfAnyLengthLeaveTheBody() {
    String callout =
        "<p>What has changed about your commute since the quay closed? What do you talk about"
            + " with the other passengers on the ferry? Are you a fisherman who lands at Velm, or"
            + " do you run a business on the harbour front? Whoever you are, we want to hear from"
            + " you so that our coverage of the harbour is as complete and as useful as it can"
            + " be. If you are reading this on a phone and can't see the form on this page, follow"
            + " the link below to tell us how the closure has changed your week.</p>";
    String body =
        bodyOf(
            "<article>"
                + paras(1, 3)
                + "<h3>How is the quay closure affecting you?</h3>"
                + callout
                + paras(4, 5)
                + "<p>We want to hear from you, the mayor told residents, and you can write to"
                + " the harbour board.</p></article>");
    assertThat(body).contains("paragraph 3,", "paragraph 5,", "the mayor told residents");
    assertThat(body).doesNotContain("affecting you").doesNotContain("your commute");
  }

  @Test
  void bareAddressesCountersAndQuotedVideoLabelsLeaveTheBody() {
    String body =
        bodyOf(
            "<article><p>https://velm-gazette.example/img/quay-1200x675.jpg</p><p>0 0 0</p>"
                + paras(1, 3)
                + "<p>1:26 \u201cWe will build it:\u201d Harbour board signs the quay contract</p>"
                + paras(4, 5)
                + "</article>");
    assertThat(body).startsWith("The harbour board met").contains("paragraph 5,");
    assertThat(body).doesNotContain("https://").doesNotContain("0 0 0");
    assertThat(body).doesNotContain("signs the quay contract");
  }

  @Test
  void homePageInstructionsCreditedCaptionsAndAgencyNotesLeaveTheBody() {
    String body =
        bodyOf(
            "<article>"
                + paras(1, 3)
                + "<p>Fishermen unload the catch at the old quay. (Photo: Velm Gazette)</p>"
                + paras(4, 5)
                + "<p>(With inputs from agencies)</p><p>Make the Velm Gazette my homepage</p>"
                + "<p>On the toolbar, click Tools, then click Options.</p>"
                + "<p>In the text box next to Home page, type velm-gazette.example.</p>"
                + "</article>");
    assertThat(body).contains("paragraph 1,", "paragraph 5,");
    assertThat(body)
        .doesNotContain("unload the catch")
        .doesNotContain("inputs from")
        .doesNotContain("homepage")
        .doesNotContain("toolbar")
        .doesNotContain("text box");
    String howTo =
        bodyOf(
            "<article>"
                + paras(1, 3)
                + "<p>To turn the alerts off, open Settings and select Harbour news.</p>"
                + paras(4, 5)
                + "</article>");
    assertThat(howTo).contains("open Settings and select Harbour news");
  }

  @Test
  void aLowerCaseLineOfTagsOverTheTextLeavesIt() {
    String body = bodyOf("<article><p>harbour velm quay plan</p>" + paras(1, 4) + "</article>");
    assertThat(body).startsWith("The harbour board met");
    String cased = bodyOf("<article><p>Harbour news</p><p>quay</p>" + paras(1, 4) + "</article>");
    assertThat(HtmlExtractor.isTagLine("harbour velm quay plan")).isTrue();
    assertThat(HtmlExtractor.isTagLine("Harbour news")).isFalse();
    assertThat(HtmlExtractor.isTagLine("the board met on monday.")).isFalse();
    assertThat(HtmlExtractor.isTagLine("港口计划")).isFalse();
    assertThat(cased).contains("paragraph 4,");
  }
}
