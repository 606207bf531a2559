package dossier.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;

/**
 * The elements of a page that its metadata is read from, wherever they stand: its {@code meta},
 * {@code link}, {@code script} and {@code time} elements and the elements with an {@code itemprop},
 * found in one walk over the page rather than one for each query about them. A query asked of one
 * of the lists gives what the same query asked of the whole page would ({@link #select}).
 */
final class PageElements {
  private final Document doc;
  final List<Element> metas = new ArrayList<>();
  final List<Element> links = new ArrayList<>();
  final List<Element> scripts = new ArrayList<>();
  final List<Element> times = new ArrayList<>();

  /** The elements with an {@code itemprop} attribute (schema.org microdata). */
  final List<Element> itemprops = new ArrayList<>();

  private PageElements(Document doc) {
    this.doc = doc;
  }

  static PageElements of(Document doc) {
    PageElements h = new PageElements(doc);
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof Element e) {
            if (e.hasAttr("itemprop")) {
              h.itemprops.add(e);
            }
            switch (e.normalName()) {
              case "meta" -> h.metas.add(e);
              case "link" -> h.links.add(e);
              case "script" -> h.scripts.add(e);
              case "time" -> h.times.add(e);
              default -> {}
            }
          }
        },
        doc);
    return h;
  }

  /**
   * The elements of {@code from} (one of the lists) that {@code query} selects, in document order:
   * {@code doc.select(query)} for a query that only selects elements of that list's kind.
   */
  List<Element> select(List<Element> from, Evaluator query) {
    List<Element> out = new ArrayList<>();
    for (Element e : from) {
      if (query.matches(doc, e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * {@link #select} of the elements inside {@code root} (or {@code root} itself): {@code
   * root.select(query)}.
   */
  List<Element> selectIn(Element root, List<Element> from, Evaluator query) {
    if (root == doc) {
      return select(from, query);
    }
    List<Element> out = new ArrayList<>();
    for (Element e : from) {
      if (query.matches(doc, e) && within(e, root)) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean within(Element e, Element root) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == root) {
        return true;
      }
    }
    return false;
  }

  /** The first element of {@code from} that {@code query} selects, or null. */
  Element first(List<Element> from, Evaluator query) {
    for (Element e : from) {
      if (query.matches(doc, e)) {
        return e;
      }
    }
    return null;
  }
}
