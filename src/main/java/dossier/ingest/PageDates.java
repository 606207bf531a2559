package dossier.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;

/**
 * A page's publication date, and what says it: structured data first (JSON-LD, meta tags,
 * microdata, {@code <time pubdate>}), then what the page prints (URL, {@code <time>}, boxes named
 * like dates), then the modification date, then the latest date in the page's text.
 */
final class PageDates {
  private PageDates() {}

  // CSS queries parsed once, not on every page.
  private static final Evaluator MICRODATA_DATE =
      Selector.evaluatorOf("[itemprop=datePublished], [itemprop=dateCreated]");
  private static final Evaluator MAIN_BOX = Selector.evaluatorOf("article, main, [role=main]");
  private static final Evaluator PUBDATE_TIME =
      Selector.evaluatorOf("time[pubdate], time[class~=(?i)publish|post|created]");
  private static final Evaluator TIME_DATETIME = Selector.evaluatorOf("time[datetime]");
  private static final Evaluator TIME = Selector.evaluatorOf("time");
  private static final Evaluator DATE_ATTRIBUTES =
      Selector.evaluatorOf("abbr[title], span[title], [data-timestamp], [data-date]");

  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");
  private static final Pattern URL_DATE_SLASHED =
      Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})/");

  private static final String[] PUBLISHED_META = {
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "article_date_original",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "article:published_date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "citation_date",
    "citation_publication_date",
    "originalpublicationdate",
    "content_create_date",
    "bt:pubdate",
    "pub_date",
    "pdate",
    "displaydate",
    "release_date",
    "created",
    "timestamp",
    "ga_date",
    "datecreated",
    "date_published",
    "article_date",
    "dateline",
    "uploaddate",
    "og:updated_time"
  };

  private static final Pattern DATE_CLASS =
      Pattern.compile(
          "date|time|publish|posted|dateline|meta|byline|timestamp|submitted|fecha|datum|data",
          Pattern.CASE_INSENSITIVE);

  private static final NameVerdicts DATE_NAMES =
      new NameVerdicts(names -> DATE_CLASS.matcher(names).find());

  /**
   * The publication date: structured data first (JSON-LD, meta tags, microdata, {@code <time
   * pubdate>}), then what the page prints (URL, {@code <time>}, boxes named like dates), then the
   * modification date, then the first date in the page's text. A UTC timestamp yields to a printed
   * date one day off: the page prints its local calendar day, which is the one readers know.
   */
  static Found<String> published(
      Document doc, PageElements marked, MetaTags meta, JsonLd ld, String url) {
    Found<String> d = structuredDate(marked, meta, ld);
    if (d.present()) {
      String v = d.value();
      if (v.endsWith("Z") && v.length() > 10) {
        Found<String> local = printedDate(doc, marked, url);
        if (local.present()
            && Math.abs(
                    LocalDate.parse(local.value().substring(0, 10)).toEpochDay()
                        - LocalDate.parse(v.substring(0, 10)).toEpochDay())
                == 1) {
          return new Found<>(local.value().substring(0, 10), local.origin());
        }
      }
      return d;
    }
    d = printedDate(doc, marked, url);
    if (d.present()) {
      return d;
    }
    d =
        Found.first(
            "json-ld",
            Dates.parse(ld.modified),
            "meta article:modified_time",
            Dates.parse(meta.get("article:modified_time")),
            "meta og:updated_time",
            Dates.parse(meta.get("og:updated_time")),
            "meta last-modified",
            Dates.parse(meta.get("last-modified")));
    if (d.present()) {
      return d;
    }
    return Found.first(
        "page text", doc.body() == null ? null : Dates.latest(leadingText(doc.body(), 50_000)));
  }

  /** The first {@code max} characters of an element's text, without building all of it. */
  static String leadingText(Element root, int max) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t && !t.isBlank()) {
              if (b.length() > 0) {
                b.append(' ');
              }
              b.append(t.text().trim());
            }
            return b.length() >= max ? FilterResult.STOP : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    return b.toString();
  }

  private static Found<String> structuredDate(PageElements marked, MetaTags meta, JsonLd ld) {
    String d = Dates.parse(ld.published);
    if (d != null) {
      return new Found<>(d, "json-ld");
    }
    for (String key : PUBLISHED_META) {
      d = Dates.parse(meta.get(key));
      if (d != null) {
        return new Found<>(d, "meta " + key);
      }
    }
    for (Element e : marked.select(marked.itemprops, MICRODATA_DATE)) {
      d = Dates.parse(PageMetadata.firstNonBlank(e.attr("datetime"), e.attr("content"), e.text()));
      if (d != null) {
        return new Found<>(d, "microdata " + e.attr("itemprop"));
      }
    }
    for (Element e : marked.select(marked.times, PUBDATE_TIME)) {
      d = Dates.parse(PageMetadata.firstNonBlank(e.attr("datetime"), e.text()));
      if (d != null) {
        return new Found<>(d, "time element");
      }
    }
    return Found.none();
  }

  private static Found<String> printedDate(Document doc, PageElements marked, String url) {
    String d = urlDate(url);
    if (d != null) {
      return new Found<>(d, "url");
    }
    for (Element e : marked.select(marked.itemprops, MICRODATA_DATE)) {
      d = Dates.find(e.text());
      if (d != null) {
        return new Found<>(d, "microdata " + e.attr("itemprop"));
      }
    }
    Element scope = doc.selectFirst(MAIN_BOX);
    for (Element root : scope == null ? List.of(doc) : List.of(scope, doc)) {
      for (Element e : marked.selectIn(root, marked.times, TIME_DATETIME)) {
        d = Dates.parse(e.attr("datetime"));
        if (d != null) {
          return new Found<>(d, "time element");
        }
      }
    }
    for (Element e : doc.select(DATE_ATTRIBUTES)) {
      if (DATE_NAMES.test(MainContent.names(e))) {
        d =
            Dates.parse(
                PageMetadata.firstNonBlank(
                    e.attr("title"), e.attr("data-timestamp"), e.attr("data-date")));
        if (d != null) {
          return new Found<>(d, "date box");
        }
      }
    }
    // Boxes named like dates or bylines whose text holds a date.
    int seen = 0;
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
      String names = MainContent.names(e);
      if (names.length() < 2 || !DATE_NAMES.test(names)) {
        continue;
      }
      if (++seen > 400) {
        break;
      }
      String t = e.ownText().isEmpty() && e.childrenSize() > 3 ? "" : leadingText(e, 201);
      if (t.isEmpty() || t.length() > 200) {
        continue;
      }
      d = Dates.find(t);
      if (d != null) {
        return new Found<>(d.substring(0, 10), "date box");
      }
    }
    for (Element e : marked.select(marked.times, TIME)) {
      d = Dates.find(e.text());
      if (d != null) {
        return new Found<>(d, "time element");
      }
    }
    return Found.none();
  }

  static String urlDate(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (m.find()) {
      String d = Dates.ymd(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
      if (d != null) {
        return d;
      }
    }
    m = URL_DATE_SLASHED.matcher(url);
    if (m.find()) {
      return Dates.ymd(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
    }
    return null;
  }
}
