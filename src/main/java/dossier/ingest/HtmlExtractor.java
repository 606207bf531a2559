package dossier.ingest;

import dossier.core.Extracted;
import dossier.core.Text;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Saved web pages: title from metadata or the page, body from the paragraphs of the main text. */
final class HtmlExtractor {
  private HtmlExtractor() {}

  static Extracted extract(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, nav, header, footer, aside, form, iframe").remove();
    String title = meta(doc, "meta[property=og:title]");
    if (title == null) {
      Element h1 = doc.selectFirst("h1");
      title = h1 != null ? Text.oneLine(h1.text()) : Text.oneLine(doc.title());
    }
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.body() == null ? doc : doc.body();
    }
    List<String> paras = new ArrayList<>();
    for (Element p : root.select("p")) {
      String t = Text.oneLine(p.text());
      if (!t.isEmpty()) {
        paras.add(t);
      }
    }
    if (paras.isEmpty()) {
      String t = Text.oneLine(root.text());
      if (!t.isEmpty()) {
        paras.add(t);
      }
    }
    String lang = doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang");
    return new Extracted(title, meta(doc, "meta[property=og:site_name]"), List.of(),
        null, meta(doc, "link[rel=canonical]"), null, lang == null || lang.isBlank() ? null : lang,
        null, String.join("\n\n", paras), List.of(), "html");
  }

  private static String meta(Document doc, String css) {
    Element e = doc.selectFirst(css);
    if (e == null) {
      return null;
    }
    String v = e.hasAttr("content") ? e.attr("content") : e.attr("href");
    v = Text.oneLine(v);
    return v.isEmpty() ? null : v;
  }
}
