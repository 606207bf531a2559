package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

/** One walk over a page answers the metadata's queries as the page itself would. */
class PageElementsTest {
  private static final String PAGE =
      "<html><head><meta name=description content='Lede'><link rel=canonical href=/a>"
          + "<script type=application/ld+json>{}</script></head><body>"
          + "<article><h1 itemprop=headline>Velm bridge</h1><time datetime=2024-05-01>May 1</time>"
          + "<p itemprop=description>The bridge reopens.</p>"
          + "<meta property=article:tag content=Velm></article>"
          + "<aside><time pubdate datetime=2024-04-30>April 30</time>"
          + "<script type=application/ld+json>{\"a\":1}</script></aside></body></html>";

  private static List<String> outer(List<Element> es) {
    return es.stream().map(Element::outerHtml).toList();
  }

  @Test
  void listsGiveWhatTheWholePageGives() {
    Document doc = Jsoup.parse(PAGE);
    PageElements marked = PageElements.of(doc);
    String[][] queries = {
      {"meta[content]", "metas"},
      {"meta[property=article:tag], meta[name=article:tag]", "metas"},
      {"script[type~=(?i)application/ld\\+json]", "scripts"},
      {"link[rel=canonical]", "links"},
      {"[itemprop=description], [itemprop=alternativeHeadline]", "itemprops"},
      {"time[pubdate], time[class~=(?i)publish|post|created]", "times"},
      {"time", "times"},
    };
    for (String[] q : queries) {
      Evaluator query = Selector.evaluatorOf(q[0]);
      List<Element> from =
          switch (q[1]) {
            case "metas" -> marked.metas;
            case "scripts" -> marked.scripts;
            case "links" -> marked.links;
            case "itemprops" -> marked.itemprops;
            default -> marked.times;
          };
      assertThat(outer(marked.select(from, query))).as(q[0]).isEqualTo(outer(doc.select(query)));
      assertThat(outer(marked.select(from, query))).as(q[0]).isNotEmpty();
    }
    assertThat(marked.first(marked.links, Selector.evaluatorOf("link[rel=canonical]")).attr("href"))
        .isEqualTo("/a");
  }

  @Test
  void aQueryInsideABoxLeavesOutWhatIsOutsideIt() {
    Document doc = Jsoup.parse(PAGE);
    PageElements marked = PageElements.of(doc);
    Evaluator time = Selector.evaluatorOf("time[datetime]");
    Element article = doc.selectFirst("article");
    assertThat(outer(marked.selectIn(article, marked.times, time)))
        .isEqualTo(outer(article.select(time)))
        .hasSize(1);
    assertThat(outer(marked.selectIn(doc, marked.times, time))).hasSize(2);
  }

  @Test
  void aNameIsTestedOnceAndTheEmptyNameNever() {
    AtomicInteger asked = new AtomicInteger();
    NameVerdicts v =
        new NameVerdicts(
            name -> {
              asked.incrementAndGet();
              return name.contains("byline");
            });
    assertThat(v.test("story-byline")).isTrue();
    assertThat(v.test("story-byline")).isTrue();
    assertThat(v.test("story-body")).isFalse();
    assertThat(v.test("")).isFalse();
    assertThat(asked).hasValue(2);
  }
}
