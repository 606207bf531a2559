package dossier.ingest;

import dossier.core.Extracted;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Saved web pages: metadata from JSON-LD, meta tags and the page ({@link PageMetadata}), the
 * article text by content scoring ({@link MainContent}), then a last pass that drops furniture
 * lines the page did not mark up as such.
 */
final class HtmlExtractor {
  private HtmlExtractor() {}

  static Extracted extract(String html) {
    Document doc = Jsoup.parse(html);
    PageMetadata meta = PageMetadata.read(doc);
    String caption = leadCaption(doc);
    List<String> paras = MainContent.paragraphs(doc, meta.title);
    List<String> body = new ArrayList<>(paras.size());
    String normTitle = meta.title == null ? "" : MainContent.normalize(meta.title);
    String normCaption = caption == null ? "" : MainContent.normalize(caption);
    for (String p : paras) {
      if (!normCaption.isEmpty() && MainContent.normalize(p).equals(normCaption)) {
        continue; // the lead photo's caption is kept in caption, not twice
      }
      StringBuilder kept = new StringBuilder();
      for (String line : p.split("\n")) {
        boolean top = body.size() < 3;
        if (Furniture.isKnown(line)
            || Furniture.isFurnitureList(line)
            || Furniture.isPitch(line)
            || top && (MainContent.normalize(line).equals(normTitle) || Bylines.isByLine(line))) {
          continue;
        }
        if (kept.length() > 0) {
          kept.append('\n');
        }
        kept.append(line);
      }
      if (kept.length() > 0) {
        body.add(kept.toString());
      }
    }
    String title = meta.title;
    if (title == null || title.isBlank()) {
      title = TextExtractor.titleFromFirstSentence(String.join("\n\n", body));
    }
    return new Extracted(
        title,
        meta.source,
        meta.authors,
        meta.published,
        meta.url,
        meta.section,
        meta.lang,
        caption,
        String.join("\n\n", body),
        meta.tags,
        "html");
  }

  /** The caption of the article's first figure, when it has one. */
  private static String leadCaption(Document doc) {
    Element scope = doc.selectFirst("article");
    if (scope == null) {
      scope = doc.selectFirst("main, [role=main]");
    }
    if (scope == null) {
      scope = doc.body();
    }
    if (scope == null) {
      return null;
    }
    Element fc = scope.selectFirst("figcaption, .wp-caption-text");
    if (fc == null) {
      return null;
    }
    String t = Spaces.collapse(fc.text());
    return t.isEmpty() || t.length() > 400 ? null : t;
  }
}
