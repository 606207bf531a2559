package dossier.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** The meta tags of a page by lower-cased name, property or itemprop. */
final class MetaTags {

  // CSS queries parsed once, not on every page.
  private static final Evaluator META_CONTENT = Selector.evaluatorOf("meta[content]");
  private final Map<String, String> values;

  private MetaTags(Map<String, String> values) {
    this.values = values;
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The first value of each name wins. */
  static MetaTags of(PageElements head) {
    Map<String, String> out = new HashMap<>();
    for (Element e : head.select(head.metas, META_CONTENT)) {
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
        for (String one : SPACES.split(k)) {
          out.putIfAbsent(one, content);
        }
      }
    }
    return new MetaTags(out);
  }

  String get(String name) {
    return values.get(name);
  }

  /** The first of the named tags that has a value, with "meta NAME" as its origin. */
  Found<String> first(String... names) {
    for (String n : names) {
      String v = values.get(n);
      if (v != null && !v.isBlank()) {
        return new Found<>(v, "meta " + n);
      }
    }
    return Found.none();
  }

  /** The value of an attribute of the first link element {@code query} selects, or null. */
  static String linkAttr(PageElements head, Evaluator query, String attr) {
    Element e = head.first(head.links, query);
    if (e == null) {
      return null;
    }
    String v = e.attr(attr).trim();
    return v.isEmpty() ? null : v;
  }
}
