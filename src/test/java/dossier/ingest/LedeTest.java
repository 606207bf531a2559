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

  /** Paragraphs {@code from} to {@code to} of the text. */
  private static String paras(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append(para("tram", i));
    }
    return b.toString();
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
    String rest = paras(3, 11);
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
    String text = paras(1, 6);
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
    String body = paras(1, 6);
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

  private static Extracted pageWithSummary(String summary, String body) {
    String html =
        "<!doctype html><html><head><title>Tram plan debated</title>"
            + "<meta name=description content=\""
            + summary
            + "\"></head><body>"
            + "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
            + body
            + "</body></html>";
    return Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO);
  }

  private static final String DEK =
      "Velm - The tram plan is back before the council after two years of hearings, and this"
          + " time members on both sides say it has the votes to pass.";

  @Test
  void aStandfirstThatThePagesSummaryRepeatsIsKeptPastTheLeadPhoto() {
    String text = paras(1, 6);
    // The photo's box between the standfirst and the text has text but no paragraph of prose,
    // which ends the search for a lede; the summary names the standfirst all the same. The
    // description is cut short in the middle of a word, as many pages' are.
    Extracted x =
        pageWithSummary(
            DEK.substring(0, 100),
            "<div class=head><p>Velm</p><h1>Tram plan debated</h1><h2 class=lead>"
                + DEK
                + "</h2></div><div class=photo><img src=a.jpg><span>The line's first stop, at"
                + " the station</span><span>Photo: Ada Lind</span></div>"
                + "<div class=byline>By Ada Lind</div>"
                + "<div class=rest><div class=text>"
                + text
                + "</div></div>");
    assertThat(x.body()).startsWith("Velm - The tram plan is back before the council");
    assertThat(x.body()).contains("paragraph 1,", "paragraph 6,");
    assertThat(x.body()).doesNotContain("first stop");
  }

  @Test
  void aStandfirstHeadingWithTheHeadlinesWordsStaysWhenTheSummaryRepeatsIt() {
    String text = paras(1, 6);
    String dek =
        "The tram plan debated again: the council takes up the plan for the tram after two"
            + " years of hearings.";
    String html =
        "<article><header><h1>Tram plan debated</h1><h2 class=chapo>"
            + dek
            + "</h2><time>May 2, 2025</time></header>"
            + text
            + "</article>";
    assertThat(pageWithSummary(dek, html).body()).startsWith("The tram plan debated again");
    // without the summary the same heading opens the text as a second headline, and goes
    assertThat(page(html).body()).startsWith("The council's tram plan, paragraph 1,");
  }

  @Test
  void aSummaryTheTextAlreadyOpensWithIsNotSaidTwice() {
    String text = "<p>" + DEK + "</p>" + paras(1, 6);
    Extracted x =
        pageWithSummary(
            DEK,
            "<div class=head><h1>Tram plan debated</h1><p class=teaser>"
                + DEK
                + "</p></div><div class=text>"
                + text
                + "</div>");
    assertThat(x.body().indexOf("The tram plan is back"))
        .isEqualTo(x.body().lastIndexOf("The tram plan is back"));
    assertThat(x.body()).contains("paragraph 6,");
  }

  @Test
  void aStandfirstInAHeadlineBoxNamedLikeFurnitureIsKept() {
    // "page-header" is a name the strict pass strips; the standfirst in it is text all the same,
    // and so is a paragraph further down that says the same words inside a longer sentence
    String html =
        "<div class=page-header><p class=kicker>Transport</p><h1>Tram plan debated</h1><h2>"
            + DEK
            + "</h2><span class=share>Share</span></div><div class=text>"
            + paras(1, 3)
            + "<p>Ada Lind wrote that "
            + DEK
            + "</p>"
            + paras(4, 6)
            + "</div>";
    Extracted x = pageWithSummary(DEK, html);
    assertThat(x.body()).startsWith("Velm - The tram plan is back before the council");
    assertThat(x.body()).contains("paragraph 1,", "paragraph 6,", "Ada Lind wrote that");
    assertThat(x.body()).doesNotContain("Transport").doesNotContain("Share");
    assertThat(page(html).body()).startsWith("The council's tram plan, paragraph 1,");
  }

  @Test
  void theArticlesMicrodataDescriptionIsItsStandfirstAndAnImagesIsNot() {
    String html =
        "<div itemscope itemtype=https://schema.org/NewsArticle><header><h1 itemprop=headline>"
            + "Tram plan debated</h1><figure itemscope itemtype=https://schema.org/ImageObject>"
            + "<img src=a.jpg><p itemprop=description>The first stop of the line, at the old"
            + " station, where the council wants the depot to stand by the year 2030.</p></figure>"
            + "<h2 itemprop=description>"
            + DEK
            + "</h2></header><div class=tools><span>24/09/2025</span> <span>Comments 71</span>"
            + " <span>Recommend</span></div>"
            + "<div class=byline>By Ada Lind</div><div class=rest><div class=text>"
            + paras(1, 6)
            + "</div></div></div>";
    Extracted x = page(html);
    assertThat(x.body()).startsWith("Velm - The tram plan is back before the council");
    assertThat(x.body()).contains("paragraph 6,").doesNotContain("first stop");
  }
}
