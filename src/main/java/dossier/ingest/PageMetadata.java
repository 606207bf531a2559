package dossier.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dossier.core.Text;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The metadata of a saved page: schema.org JSON-LD first (also inside {@code @graph}, with
 * publishers given by reference), then OpenGraph, {@code article:*} and other meta tags, then
 * {@code <time>} elements, visible bylines and the URL itself.
 */
final class PageMetadata {
  String title;
  String source;
  List<String> authors = List.of();
  String published;
  String url;
  String section;
  String lang;
  List<String> tags = List.of();

  /** Lenient about what hand-made JSON-LD often holds: comments, raw newlines, trailing commas. */
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(200).build())
                  .build())
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "askpublicnewsarticle",
          "scholarlyarticle",
          "techarticle",
          "socialmediaposting",
          "liveblogposting",
          "posting",
          "report",
          "creativework",
          "medicalwebpage",
          "satiricalarticle",
          "advertisercontentarticle",
          "review",
          "discussionforumposting");

  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");
  private static final Pattern URL_DATE_SLASHED =
      Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})/");

  static PageMetadata read(Document doc) {
    PageMetadata m = new PageMetadata();
    Map<String, String> meta = metaTags(doc);
    JsonLd ld = JsonLd.read(doc);

    m.title = chooseTitle(doc, meta, ld);

    m.source =
        firstNonBlank(
            ld.publisher,
            meta.get("og:site_name"),
            meta.get("application-name"),
            meta.get("al:android:app_name"),
            meta.get("al:iphone:app_name"),
            meta.get("publisher"),
            meta.get("dc.publisher"),
            meta.get("cxenseparse:recs:publisher"));
    if (m.source != null && m.source.matches("(?i)https?://.*")) {
      m.source = null;
    }
    if (m.source == null) {
      m.source = copyrightHolder(doc);
    }

    m.url =
        absolute(
            firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta.get("og:url"), ld.url));
    m.lang = language(doc, meta, ld);
    m.section =
        firstNonBlank(
            ld.section,
            meta.get("article:section"),
            meta.get("section"),
            meta.get("parsely-section"),
            meta.get("sailthru.section"),
            meta.get("category"));

    m.authors = authors(doc, meta, ld);
    m.published = publishedDate(doc, meta, ld, m.url);
    m.tags = tags(doc, meta, ld);
    if (m.title != null) {
      m.title = stripSiteName(m.title, m.source);
    }
    return m;
  }

  // ---------------------------------------------------------------- meta tags

  /** Meta tags by lower-cased name, property or itemprop; the first value of each name wins. */
  static Map<String, String> metaTags(Document doc) {
    Map<String, String> out = new HashMap<>();
    for (Element e : doc.select("meta[content]")) {
      String content = Spaces.collapse(e.attr("content"));
      if (content.isEmpty()) {
        continue;
      }
      for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String k = e.attr(key).trim().toLowerCase(Locale.ROOT);
        if (k.isEmpty()) {
          continue;
        }
        // property="og:title twitter:title" names several properties at once.
        for (String one : k.split("\\s+")) {
          out.putIfAbsent(one, content);
        }
      }
    }
    return out;
  }

  private static String attr(Document doc, String css, String attr) {
    Element e = doc.selectFirst(css);
    if (e == null) {
      return null;
    }
    String v = e.attr(attr).trim();
    return v.isEmpty() ? null : v;
  }

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
    return u.matches("(?i)https?://\\S+") ? u : null;
  }

  // ---------------------------------------------------------------- title

  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s+(?:[|\\-–—\\\\/>»·:~]|::)\\s+");

  /**
   * The headline: JSON-LD, then Open Graph and other meta titles, then the document title without
   * its site name, then the first {@code <h1>}. When JSON-LD gives both a headline and a name, the
   * one closer to the document title wins (some pages put a description in {@code headline}).
   */
  private static String chooseTitle(Document doc, Map<String, String> meta, JsonLd ld) {
    String docTitle = Spaces.collapse(doc.title());
    String ldTitle = ld.headline;
    if (ld.headline != null && ld.name != null && !ld.headline.equals(ld.name)) {
      String nd = MainContent.normalize(docTitle);
      double h = MainContent.similar(nd, MainContent.normalize(ld.headline));
      double n = MainContent.similar(nd, MainContent.normalize(ld.name));
      ldTitle = n > h ? ld.name : ld.headline;
    } else if (ldTitle == null) {
      ldTitle = ld.name;
    }
    String t =
        firstNonBlank(
            ldTitle,
            meta.get("og:title"),
            meta.get("twitter:title"),
            meta.get("dc.title"),
            meta.get("dcterms.title"),
            meta.get("parsely-title"),
            meta.get("sailthru.title"),
            cleanDocumentTitle(docTitle));
    if (t != null) {
      return t;
    }
    Element h1 = doc.selectFirst("h1");
    return h1 == null ? null : Spaces.collapse(h1.text());
  }

  /** A document title without the site name that pages append or prepend to it. */
  static String cleanDocumentTitle(String title) {
    if (title == null || title.isEmpty()) {
      return null;
    }
    Matcher m = TITLE_SEPARATOR.matcher(title);
    List<int[]> seps = new ArrayList<>();
    while (m.find()) {
      seps.add(new int[] {m.start(), m.end()});
    }
    if (seps.isEmpty()) {
      return title;
    }
    int[] last = seps.get(seps.size() - 1);
    String head = title.substring(0, last[0]).trim();
    if (Text.wordCount(head) >= 3) {
      return head;
    }
    int[] first = seps.get(0);
    String tail = title.substring(first[1]).trim();
    return Text.wordCount(tail) >= 3 ? tail : title;
  }

  /** "Headline | Site" becomes "Headline" when Site is the page's publisher. */
  static String stripSiteName(String title, String site) {
    if (site == null || site.isEmpty()) {
      return title;
    }
    String s = MainContent.normalize(site);
    Matcher m = TITLE_SEPARATOR.matcher(title);
    int lastStart = -1;
    int lastEnd = -1;
    int firstStart = -1;
    int firstEnd = -1;
    while (m.find()) {
      if (firstStart < 0) {
        firstStart = m.start();
        firstEnd = m.end();
      }
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart > 0 && MainContent.normalize(title.substring(lastEnd)).equals(s)) {
      return title.substring(0, lastStart).trim();
    }
    if (firstStart > 0 && MainContent.normalize(title.substring(0, firstStart)).equals(s)) {
      return title.substring(firstEnd).trim();
    }
    return title;
  }

  /** The holder named in the page's copyright line, searched from the end of the page. */
  private static String copyrightHolder(Document doc) {
    if (doc.body() == null) {
      return null;
    }
    // Copyright lines live at the end of the page: look at the last few hundred elements only.
    List<Element> all = doc.body().getAllElements();
    int checked = 0;
    for (int i = all.size() - 1; i >= 0 && checked < 400; i--, checked++) {
      String own = all.get(i).ownText();
      if (own.indexOf('©') >= 0 || own.toLowerCase(Locale.ROOT).contains("copyright")) {
        String holder = TextExtractor.copyrightHolder(all.get(i).text());
        if (holder != null) {
          return holder;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- language

  private static String language(Document doc, Map<String, String> meta, JsonLd ld) {
    Element html = doc.selectFirst("html");
    String v = html == null ? null : html.attr("lang");
    if (v == null || v.isBlank()) {
      v = html == null ? null : html.attr("xml:lang");
    }
    v =
        firstNonBlank(
            v,
            ld.lang,
            meta.get("content-language"),
            meta.get("dc.language"),
            meta.get("og:locale"),
            meta.get("language"));
    if (v == null) {
      return null;
    }
    v = v.split("[,;\\s]")[0].replace('_', '-');
    return v.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? v : null;
  }

  // ---------------------------------------------------------------- authors

  private static List<String> authors(Document doc, Map<String, String> meta, JsonLd ld) {
    if (!ld.authors.isEmpty()) {
      return ld.authors;
    }
    for (String key :
        new String[] {
          "author",
          "article:author",
          "parsely-author",
          "sailthru.author",
          "dc.creator",
          "dcterms.creator",
          "byl",
          "cxenseparse:author",
          "twitter:creator:name"
        }) {
      List<String> names = Bylines.names(meta.get(key));
      if (!names.isEmpty()) {
        return names;
      }
    }
    // Visible bylines: rel=author links, schema.org microdata, then boxes named byline/author.
    int tries = 0;
    for (Element e : doc.select("[rel=author], [itemprop~=^author$]")) {
      if (++tries > 20) {
        break;
      }
      String t = leadingText(e, 101);
      if (t.length() > 100) {
        Element name = e.selectFirst("[itemprop=name]");
        t = name == null ? "" : leadingText(name, 101);
      }
      List<String> names = Bylines.names(t);
      if (!names.isEmpty() && t.length() < 100) {
        return names;
      }
    }
    for (Element e :
        doc.select("[class~=(?i)byline|author|writtenby|p-author], [id~=(?i)byline|author]")) {
      if (++tries > 60) {
        break;
      }
      String t = Spaces.collapse(leadingText(e, 101));
      if (t.isEmpty() || t.length() > 100 || MainContent.isHidden(e)) {
        continue;
      }
      List<String> names = Bylines.names(t);
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  // ---------------------------------------------------------------- dates

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

  /**
   * The publication date: structured data first (JSON-LD, meta tags, microdata, {@code <time
   * pubdate>}), then what the page prints (URL, {@code <time>}, boxes named like dates), then the
   * modification date, then the first date in the page's text. A UTC timestamp yields to a printed
   * date one day off: the page prints its local calendar day, which is the one readers know.
   */
  static String publishedDate(Document doc, Map<String, String> meta, JsonLd ld, String url) {
    String d = structuredDate(doc, meta, ld);
    if (d != null) {
      if (d.endsWith("Z") && d.length() > 10) {
        String local = printedDate(doc, url);
        if (local != null
            && Math.abs(
                    LocalDate.parse(local.substring(0, 10)).toEpochDay()
                        - LocalDate.parse(d.substring(0, 10)).toEpochDay())
                == 1) {
          return local.substring(0, 10);
        }
      }
      return d;
    }
    d = printedDate(doc, url);
    if (d != null) {
      return d;
    }
    d =
        firstNonBlank(
            Dates.parse(ld.modified),
            Dates.parse(meta.get("article:modified_time")),
            Dates.parse(meta.get("og:updated_time")),
            Dates.parse(meta.get("last-modified")));
    if (d != null) {
      return d;
    }
    return doc.body() == null ? null : Dates.latest(leadingText(doc.body(), 50_000));
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

  private static String structuredDate(Document doc, Map<String, String> meta, JsonLd ld) {
    String d = Dates.parse(ld.published);
    if (d != null) {
      return d;
    }
    for (String key : PUBLISHED_META) {
      d = Dates.parse(meta.get(key));
      if (d != null) {
        return d;
      }
    }
    for (Element e : doc.select("[itemprop=datePublished], [itemprop=dateCreated]")) {
      d = Dates.parse(firstNonBlank(e.attr("datetime"), e.attr("content"), e.text()));
      if (d != null) {
        return d;
      }
    }
    for (Element e : doc.select("time[pubdate], time[class~=(?i)publish|post|created]")) {
      d = Dates.parse(firstNonBlank(e.attr("datetime"), e.text()));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String printedDate(Document doc, String url) {
    String d = urlDate(url);
    if (d != null) {
      return d;
    }
    for (Element e : doc.select("[itemprop=datePublished], [itemprop=dateCreated]")) {
      d = Dates.find(e.text());
      if (d != null) {
        return d;
      }
    }
    Element scope = doc.selectFirst("article, main, [role=main]");
    for (Element root : scope == null ? List.of(doc) : List.of(scope, doc)) {
      for (Element e : root.select("time[datetime]")) {
        d = Dates.parse(e.attr("datetime"));
        if (d != null) {
          return d;
        }
      }
    }
    for (Element e : doc.select("abbr[title], span[title], [data-timestamp], [data-date]")) {
      if (DATE_CLASS.matcher(MainContent.names(e)).find()) {
        d =
            Dates.parse(
                firstNonBlank(e.attr("title"), e.attr("data-timestamp"), e.attr("data-date")));
        if (d != null) {
          return d;
        }
      }
    }
    // Boxes named like dates or bylines whose text holds a date.
    int seen = 0;
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
      String names = MainContent.names(e);
      if (names.length() < 2 || !DATE_CLASS.matcher(names).find()) {
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
        return d.substring(0, 10);
      }
    }
    for (Element e : doc.select("time")) {
      d = Dates.find(e.text());
      if (d != null) {
        return d;
      }
    }
    return null;
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

  // ---------------------------------------------------------------- tags

  private static List<String> tags(Document doc, Map<String, String> meta, JsonLd ld) {
    Set<String> out = new LinkedHashSet<>(ld.keywords);
    if (out.isEmpty()) {
      for (Element e : doc.select("meta[property=article:tag], meta[name=article:tag]")) {
        addTag(out, e.attr("content"));
      }
    }
    for (String key : new String[] {"news_keywords", "keywords"}) {
      String v = meta.get(key);
      if (v != null && out.isEmpty()) {
        for (String t : v.split("[,;]")) {
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

  // ---------------------------------------------------------------- JSON-LD

  /** The first schema.org article described in a page's JSON-LD blocks. */
  static final class JsonLd {
    String headline;
    String name;
    String publisher;
    List<String> authors = List.of();
    String published;
    String modified;
    String section;
    String url;
    String lang;
    List<String> keywords = new ArrayList<>();

    static JsonLd read(Document doc) {
      JsonLd out = new JsonLd();
      List<JsonNode> objects = new ArrayList<>();
      Map<String, JsonNode> byId = new HashMap<>();
      for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
        JsonNode root;
        try {
          // Some sites wrap the JSON in CDATA or comment markers.
          String json =
              script
                  .data()
                  .trim()
                  .replaceFirst("^(?:<!\\[CDATA\\[|<!--|//\\s*<!\\[CDATA\\[)\\s*", "")
                  .replaceFirst("\\s*(?:\\]\\]>|-->|//\\s*\\]\\]>)$", "");
          root = JSON.readTree(json);
        } catch (Exception e) {
          continue; // broken JSON-LD is common; the meta tags still count
        }
        flatten(root, objects, byId);
      }
      JsonNode article = null;
      JsonNode webpage = null;
      for (JsonNode o : objects) {
        Set<String> types = types(o);
        if (article == null && types.stream().anyMatch(ARTICLE_TYPES::contains)) {
          article = o;
        }
        if (webpage == null && (types.contains("webpage") || types.contains("itempage"))) {
          webpage = o;
        }
      }
      if (article == null) {
        article = webpage;
      }
      for (JsonNode o : objects) {
        if (out.publisher == null && types(o).contains("website")) {
          out.publisher = text(o.get("name"));
        }
      }
      if (article == null) {
        return out;
      }
      out.headline = text(article.get("headline"));
      out.name = text(article.get("name"));
      out.published =
          firstNonBlank(text(article.get("datePublished")), text(article.get("dateCreated")));
      out.modified = text(article.get("dateModified"));
      out.section = text(article.get("articleSection"));
      out.url = firstNonBlank(text(article.get("url")), idOf(article.get("mainEntityOfPage")));
      out.lang = text(article.get("inLanguage"));
      JsonNode pub = resolve(article.get("publisher"), byId);
      String pubName = pub == null ? null : text(pub.isObject() ? pub.get("name") : pub);
      if (pubName != null) {
        out.publisher = pubName;
      }
      List<String> names = new ArrayList<>();
      JsonNode author = article.get("author");
      if (author == null) {
        author = article.get("creator");
      }
      for (JsonNode a : iterable(author)) {
        JsonNode r = resolve(a, byId);
        String n = r == null ? null : r.isObject() ? text(r.get("name")) : text(r);
        for (String one : Bylines.names(n)) {
          if (!names.contains(one)) {
            names.add(one);
          }
        }
      }
      out.authors = names;
      JsonNode kw = article.get("keywords");
      Set<String> tags = new LinkedHashSet<>();
      for (JsonNode k : iterable(kw)) {
        String s = text(k);
        if (s != null) {
          for (String t : s.split(",")) {
            addTag(tags, t);
          }
        }
      }
      out.keywords = new ArrayList<>(tags);
      return out;
    }

    /** Collects every object of the JSON-LD trees, without recursion, into a flat list. */
    private static void flatten(JsonNode root, List<JsonNode> out, Map<String, JsonNode> byId) {
      Deque<JsonNode> stack = new ArrayDeque<>();
      stack.push(root);
      int visited = 0;
      while (!stack.isEmpty() && visited++ < 5000) {
        JsonNode n = stack.pop();
        if (n.isArray()) {
          for (int i = n.size() - 1; i >= 0; i--) {
            stack.push(n.get(i));
          }
        } else if (n.isObject()) {
          if (n.has("@type")) {
            out.add(n);
          }
          String id = text(n.get("@id"));
          if (id != null && n.size() > 1) {
            byId.putIfAbsent(id, n);
          }
          JsonNode graph = n.get("@graph");
          if (graph != null) {
            stack.push(graph);
          }
          JsonNode main = n.get("mainEntity");
          if (main != null && main.isObject()) {
            stack.push(main);
          }
        }
      }
    }

    private static Set<String> types(JsonNode o) {
      Set<String> out = new LinkedHashSet<>();
      for (JsonNode t : iterable(o.get("@type"))) {
        String s = text(t);
        if (s != null) {
          out.add(s.toLowerCase(Locale.ROOT).replaceFirst("^.*[/:]", ""));
        }
      }
      return out;
    }

    private static JsonNode resolve(JsonNode n, Map<String, JsonNode> byId) {
      if (n == null) {
        return null;
      }
      if (n.isArray()) {
        return n.size() == 0 ? null : resolve(n.get(0), byId);
      }
      if (n.isObject() && n.has("@id") && !n.has("name")) {
        JsonNode r = byId.get(text(n.get("@id")));
        return r == null ? n : r;
      }
      return n;
    }

    private static String idOf(JsonNode n) {
      if (n == null) {
        return null;
      }
      if (n.isObject()) {
        return firstNonBlank(text(n.get("@id")), text(n.get("url")));
      }
      return text(n);
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
      if (n == null || n.isNull()) {
        return List.of();
      }
      if (n.isArray()) {
        return n;
      }
      return List.of(n);
    }

    private static String text(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isArray()) {
        return n.size() == 0 ? null : text(n.get(0));
      }
      if (n.isObject()) {
        return n.has("@value") ? text(n.get("@value")) : null;
      }
      String s = Spaces.collapse(org.jsoup.parser.Parser.unescapeEntities(n.asText(), false));
      return s.isEmpty() ? null : s;
    }
  }
}
