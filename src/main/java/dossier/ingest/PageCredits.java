package dossier.ingest;

import dossier.core.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Who made a page: its publisher (from metadata, else the copyright line) and its authors (from
 * metadata, else the visible byline). A site's own name is never taken for an author.
 */
final class PageCredits {
  private PageCredits() {}

  // CSS queries parsed once, not on every page.
  private static final Evaluator ITEMPROP_NAME = Selector.evaluatorOf("[itemprop=name]");
  private static final Evaluator AUTHOR_LINKS =
      Selector.evaluatorOf("[rel=author], [itemprop~=^author$]");
  private static final Pattern BYLINE_CLASS =
      Pattern.compile("(?i)byline|author|writtenby|p-author");
  private static final Pattern BYLINE_ID = Pattern.compile("(?i)byline|author");
  private static final NameVerdicts BYLINE_CLASSES =
      new NameVerdicts(name -> BYLINE_CLASS.matcher(name).find());
  private static final NameVerdicts BYLINE_IDS =
      new NameVerdicts(name -> BYLINE_ID.matcher(name).find());

  /**
   * {@code [class~=(?i)byline|author|writtenby|p-author], [id~=(?i)byline|author]}, its verdicts on
   * a class or id kept per name: the patterns are otherwise tried on every element's names.
   */
  private static final Evaluator BYLINE_BOXES =
      new Evaluator() {
        @Override
        public boolean matches(Element root, Element element) {
          return BYLINE_CLASSES.test(element.attr("class")) || BYLINE_IDS.test(element.attr("id"));
        }
      };

  private static final String[] PUBLISHER_META = {
    "og:site_name",
    "application-name",
    "al:android:app_name",
    "al:iphone:app_name",
    "publisher",
    "dc.publisher",
    "cxenseparse:recs:publisher"
  };

  private static final String[] AUTHOR_META = {
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "cxenseparse:author",
    "twitter:creator:name"
  };

  private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://.*");

  /** The publisher: JSON-LD, then meta tags, then the holder of the page's copyright line. */
  static Found<String> publisher(Document doc, MetaTags meta, JsonLd ld) {
    Found<String> s = Found.first("json-ld", ld.publisher);
    if (!s.present()) {
      s = meta.first(PUBLISHER_META);
    }
    if (s.present() && WEB_ADDRESS.matcher(s.value()).matches()) {
      s = Found.none();
    }
    if (!s.present()) {
      s = Found.first("copyright line", copyrightHolder(doc));
    }
    return s;
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

  /**
   * The authors: JSON-LD, then meta tags, then rel=author links and microdata, then boxes named
   * byline or author. Names that are the site's own ({@code siteNames}) are left out.
   */
  static Found<List<String>> authors(
      Document doc, MetaTags meta, JsonLd ld, List<String> siteNames) {
    List<String> names = notSite(ld.authors, siteNames);
    if (!names.isEmpty()) {
      return new Found<>(names, "json-ld");
    }
    for (String key : AUTHOR_META) {
      names = notSite(Bylines.names(meta.get(key)), siteNames);
      if (!names.isEmpty()) {
        return new Found<>(names, "meta " + key);
      }
    }
    // Visible bylines: rel=author links, schema.org microdata, then boxes named byline/author.
    int tries = 0;
    for (Element e : doc.select(AUTHOR_LINKS)) {
      if (++tries > 20) {
        break;
      }
      String t = PageDates.leadingText(e, 101);
      if (t.length() > 100) {
        Element name = e.selectFirst(ITEMPROP_NAME);
        t = name == null ? "" : PageDates.leadingText(name, 101);
      }
      names = notSite(Bylines.names(t), siteNames);
      if (!names.isEmpty() && t.length() < 100) {
        return new Found<>(names, "author link");
      }
    }
    for (Element e : doc.select(BYLINE_BOXES)) {
      if (++tries > 60) {
        break;
      }
      String t = Spaces.collapse(PageDates.leadingText(e, 101));
      if (t.isEmpty() || t.length() > 100 || MainContent.isHidden(e)) {
        continue;
      }
      names = notSite(Bylines.names(t), siteNames);
      if (!names.isEmpty()) {
        return new Found<>(names, "byline box");
      }
    }
    return new Found<>(List.of(), null);
  }

  /**
   * {@code names} without the site's own name or a word of it ("Mac" of a site called "Mac & i"): a
   * site is not its own author.
   */
  static List<String> notSite(List<String> names, List<String> siteNames) {
    if (names.isEmpty()) {
      return names;
    }
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      if (!isSiteName(n, siteNames)) {
        out.add(n);
      }
    }
    return out;
  }

  private static boolean isSiteName(String name, List<String> siteNames) {
    String n = Text.words(name);
    String squashed = n.replace(" ", "");
    for (String site : siteNames) {
      if (site == null || site.isBlank()) {
        continue;
      }
      String s = Text.words(site);
      if (s.isEmpty()) {
        continue;
      }
      if (s.equals(n) || s.replace(" ", "").equals(squashed)) {
        // a blog named after its author ("Haki Benita") is still that person's
        return !Bylines.looksLikeName(site) || TextExtractor.PRESS_WORD.matcher(site).find();
      }
      // one word of a site name of several words: "Mac" of "Mac & i"
      if (!n.contains(" ") && (" " + s + " ").contains(" " + n + " ") && s.contains(" ")) {
        return true;
      }
    }
    return false;
  }
}
