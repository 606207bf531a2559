package dossier.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The metadata of a saved page, each field with the evidence it came from: schema.org JSON-LD first
 * ({@link JsonLd}), then OpenGraph, {@code article:*} and other meta tags ({@link MetaTags}), then
 * what the page prints ({@link PageDates}, {@link PageCredits}) and the URL itself. Titles lose the
 * site names and bylines pages add to them ({@link Titles}).
 */
final class PageMetadata {

  // CSS queries parsed once, not on every page.
  private static final Evaluator CANONICAL = Selector.evaluatorOf("link[rel=canonical]");
  private static final Evaluator HTML = Selector.evaluatorOf("html");
  private static final Evaluator ARTICLE_TAGS =
      Selector.evaluatorOf("meta[property=article:tag], meta[name=article:tag]");
  String title;
  String source;
  List<String> authors = List.of();
  String published;
  String url;
  String section;
  String lang;
  List<String> tags = List.of();

  /** Field name to origin, for the fields that have a value. */
  final Map<String, String> origins = new LinkedHashMap<>();

  /** The page's meta tags, read once for every field and for the extractor's own checks. */
  MetaTags metaTags;

  /** The elements the metadata was read from, for the extractor's own questions about them. */
  PageElements elements;

  static PageMetadata read(Document doc) {
    PageMetadata m = new PageMetadata();
    PageElements head = PageElements.of(doc);
    m.elements = head;
    MetaTags meta = MetaTags.of(head);
    m.metaTags = meta;
    JsonLd ld = JsonLd.read(head);

    Found<String> title = Titles.choose(doc, meta, ld);
    Found<String> source = PageCredits.publisher(doc, meta, ld);
    m.source = m.keep("source", source);

    Found<String> url =
        Found.first("link rel=canonical", absolute(MetaTags.linkAttr(head, CANONICAL, "href")));
    if (!url.present()) {
      url = meta.first("og:url");
      url = new Found<>(absolute(url.value()), url.origin());
    }
    if (!url.present()) {
      url = Found.first("json-ld", absolute(ld.url));
    }
    m.url = m.keep("url", url);
    m.lang = m.keep("lang", language(doc, meta, ld));
    Found<String> section = Found.first("json-ld", sectionName(ld.section));
    if (!section.present()) {
      for (String key :
          new String[] {
            "article:section", "section", "parsely-section", "sailthru.section", "category"
          }) {
        section = Found.first("meta " + key, sectionName(meta.get(key)));
        if (section.present()) {
          break;
        }
      }
    }
    m.section = m.keep("section", section);

    List<String> siteNames = new ArrayList<>();
    siteNames.add(m.source);
    siteNames.add(meta.get("og:site_name"));
    siteNames.add(meta.get("application-name"));
    siteNames.add(ld.publisher);
    siteNames.add(Titles.siteOfHost(m.url));
    Found<List<String>> authors = PageCredits.authors(doc, meta, ld, siteNames);
    m.authors = authors.value();
    if (!m.authors.isEmpty()) {
      m.origins.put("authors", authors.origin());
    }
    m.published = m.keep("published", PageDates.published(doc, head, meta, ld, m.url));
    m.tags = tags(head, meta, ld);
    if (title.present()) {
      List<String> names = new ArrayList<>(siteNames);
      names.addAll(m.authors);
      m.title =
          m.keep("title", new Found<>(Titles.stripNames(title.value(), names), title.origin()));
    }
    return m;
  }

  private String keep(String field, Found<String> f) {
    if (f.present() && !f.value().isBlank()) {
      origins.put(field, f.origin());
      return f.value();
    }
    return null;
  }

  private static final Pattern PATH_LIKE =
      Pattern.compile("(?:https?:/)?/.*|[\\w.-]+(?:/[\\w.-]+)+/?|.*[/\\\\=?#].*");

  /**
   * A section as a name people use ("World", "Middle East"), or null for what is not a name: a URL
   * path such as "/world/middle_east", an id, a list of many.
   */
  static String sectionName(String raw) {
    if (raw == null) {
      return null;
    }
    String s = Spaces.collapse(raw);
    if (s.isEmpty()
        || s.length() > 60
        || PATH_LIKE.matcher(s).matches()
        || NO_LETTERS.matcher(s).matches()
        || SNAKE_CASE.matcher(s).matches()) {
      return null;
    }
    return s;
  }

  private static final Pattern NO_LETTERS = Pattern.compile("[\\d\\W_]+");
  private static final Pattern SNAKE_CASE = Pattern.compile("\\S*_\\S*");
  private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");
  private static final Pattern LANGUAGE_SEPARATOR = Pattern.compile("[,;\\s]");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern TAG_SEPARATOR = Pattern.compile("[,;]");

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Spaces.collapse(v);
      }
    }
    return null;
  }

  private static String absolute(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    if (u.startsWith("//")) {
      u = "https:" + u;
    }
    return WEB_ADDRESS.matcher(u).matches() ? u : null;
  }

  // ---------------------------------------------------------------- language

  private static Found<String> language(Document doc, MetaTags meta, JsonLd ld) {
    Element html = doc.selectFirst(HTML);
    Found<String> v =
        Found.first(
            "html lang",
            html == null ? null : html.attr("lang"),
            "html lang",
            html == null ? null : html.attr("xml:lang"),
            "json-ld",
            ld.lang);
    if (!v.present()) {
      v = meta.first("content-language", "dc.language", "og:locale", "language");
    }
    if (!v.present()) {
      return v;
    }
    String code = LANGUAGE_SEPARATOR.split(v.value())[0].replace('_', '-');
    return LANGUAGE_TAG.matcher(code).matches() ? new Found<>(code, v.origin()) : Found.none();
  }

  // ---------------------------------------------------------------- tags

  private static List<String> tags(PageElements head, MetaTags meta, JsonLd ld) {
    Set<String> out = new LinkedHashSet<>(ld.keywords);
    if (out.isEmpty()) {
      for (Element e : head.select(head.metas, ARTICLE_TAGS)) {
        addTag(out, e.attr("content"));
      }
    }
    for (String key : new String[] {"news_keywords", "keywords"}) {
      String v = meta.get(key);
      if (v != null && out.isEmpty()) {
        for (String t : TAG_SEPARATOR.split(v)) {
          addTag(out, t);
        }
      }
    }
    List<String> list = new ArrayList<>(out);
    return list.size() > 12 ? list.subList(0, 12) : list;
  }

  static void addTag(Set<String> out, String raw) {
    String t = Spaces.collapse(raw);
    if (!t.isEmpty()
        && t.length() <= 40
        && !t.contains(":")
        && !t.contains("=")
        && !t.startsWith("+")
        && !t.startsWith("-")) {
      out.add(t);
    }
  }
}
