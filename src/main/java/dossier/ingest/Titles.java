package dossier.ingest;

import dossier.core.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** A page's headline, and the site names and bylines that pages add to their titles. */
final class Titles {
  private Titles() {}

  // CSS queries parsed once, not on every page.
  private static final Evaluator H1 = Selector.evaluatorOf("h1");

  static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—\\\\/>»·:~]|::)\\s+");

  /**
   * The headline: JSON-LD, then Open Graph and other meta titles, then the document title without
   * its site name, then the first {@code <h1>}. When JSON-LD gives both a headline and a name, the
   * one closer to the document title wins (some pages put a description in {@code headline}).
   */
  static Found<String> choose(Document doc, MetaTags meta, JsonLd ld) {
    String docTitle = Spaces.collapse(doc.title());
    String ldTitle = ld.headline;
    if (ld.headline != null && ld.name != null && !ld.headline.equals(ld.name)) {
      String nd = Text.words(docTitle);
      double h = MainContent.similar(nd, Text.words(ld.headline));
      double n = MainContent.similar(nd, Text.words(ld.name));
      ldTitle = n > h ? ld.name : ld.headline;
    } else if (ldTitle == null) {
      ldTitle = ld.name;
    }
    Found<String> t = Found.first("json-ld", ldTitle);
    if (!t.present()) {
      t =
          meta.first(
              "og:title",
              "twitter:title",
              "dc.title",
              "dcterms.title",
              "parsely-title",
              "sailthru.title");
    }
    if (!t.present()) {
      t = Found.first("document title", cleanDocumentTitle(docTitle));
    }
    if (t.present()) {
      return t;
    }
    Element h1 = doc.selectFirst(H1);
    return Found.first("first heading", h1 == null ? null : h1.text());
  }

  /** A document title without the site name that pages append or prepend to it. */
  static String cleanDocumentTitle(String title) {
    if (title == null || title.isEmpty()) {
      return null;
    }
    Matcher m = SEPARATOR.matcher(title);
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

  /**
   * "Headline | Site" becomes "Headline" when Site is one of {@code names} (the page's publisher,
   * its host name, its authors); so does "Site: Headline". Removed one at a time from either end.
   */
  static String stripNames(String title, List<String> names) {
    String t = title;
    for (int round = 0; round < 3; round++) {
      String next = stripOnce(t, names);
      if (next.equals(t)) {
        break;
      }
      t = next;
    }
    return t;
  }

  private static String stripOnce(String title, List<String> names) {
    Matcher m = SEPARATOR.matcher(title);
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
    if (lastStart > 0 && isOneOf(title.substring(lastEnd), names)) {
      return title.substring(0, lastStart).trim();
    }
    if (firstStart > 0 && isOneOf(title.substring(0, firstStart), names)) {
      return title.substring(firstEnd).trim();
    }
    return title;
  }

  private static boolean isOneOf(String part, List<String> names) {
    String p = Text.words(part);
    String squashed = p.replace(" ", "");
    if (p.isEmpty()) {
      return false;
    }
    for (String n : names) {
      if (n == null || n.isBlank()) {
        continue;
      }
      String s = Text.words(n);
      if (s.equals(p) || !squashed.isEmpty() && s.replace(" ", "").equals(squashed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "www.example-news.co.uk" gives "example news" and "examplenews" as names a title may end in.
   */
  static String siteOfHost(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = HOST.matcher(url);
    if (!m.find()) {
      return null;
    }
    String host = m.group(1).toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\d?\\.", "");
    String[] labels = host.split("\\.");
    if (labels.length < 2) {
      return null;
    }
    // the label before the public suffix: example in example.co.uk, example.com
    int i = labels.length - 2;
    if (i > 0 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
      i--;
    }
    return labels[i].replace('-', ' ');
  }

  private static final Pattern HOST = Pattern.compile("^https?://([^/:?#]+)");
}
