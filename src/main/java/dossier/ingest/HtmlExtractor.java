package dossier.ingest;

import dossier.core.Extracted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
    List<PageText.Block> paras = MainContent.blocks(doc, meta.title);
    List<PageText.Block> body = new ArrayList<>(paras.size());
    String normTitle = meta.title == null ? "" : MainContent.normalize(meta.title);
    String normCaption = caption == null ? "" : MainContent.normalize(caption);
    Set<String> captions = figureCaptions(doc, meta);
    boolean inRelatedList = false;
    for (PageText.Block block : paras) {
      String p = block.text();
      if (!normCaption.isEmpty()
          && p.length() < 600
          && (MainContent.normalize(p).equals(normCaption)
              || normCaption.equals(normalizedCaption(p)))) {
        continue; // the lead photo's caption is kept in caption, not twice
      }
      String[] lines = p.split("\n", -1);
      boolean[] keep = new boolean[lines.length];
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        boolean top = body.size() < 3;
        if (Furniture.isRelatedHeading(line)) {
          inRelatedList = true;
          continue;
        }
        if (inRelatedList && Furniture.isLinkLike(line)) {
          continue; // a headline of the list of related stories
        }
        inRelatedList = false;
        keep[i] =
            !(Furniture.isKnown(line)
                || Furniture.isFurnitureList(line)
                || Furniture.isPitch(line)
                || isCaption(line, captions)
                || top
                    && (MainContent.normalize(line).equals(normTitle)
                        || Bylines.isByLine(line)
                        || Bylines.isDateLine(line)));
      }
      PageText.Block kept = block.keep(keep);
      if (kept != null) {
        body.add(kept);
      }
    }
    // The author's bio at the end: "Ada Lind is a correspondent for ..."
    for (int k = 0; k < 3 && !body.isEmpty(); k++) {
      String last = body.get(body.size() - 1).text();
      if (Bylines.isBio(last, meta.authors)) {
        body.remove(body.size() - 1);
      } else {
        break;
      }
    }
    List<String> texts = new ArrayList<>(body.size());
    for (PageText.Block b : body) {
      texts.add(b.text());
    }
    String plain = String.join("\n\n", texts);
    Map<String, String> origins = new LinkedHashMap<>(meta.origins);
    if (caption != null) {
      origins.put("caption", "figure caption");
    }
    String title = meta.title;
    if (title == null || title.isBlank()) {
      title = TextExtractor.titleFromFirstSentence(plain);
      origins.put("title", "first sentence");
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
        plain,
        meta.tags,
        "html",
        PageText.markdown(body),
        origins);
  }

  /**
   * The captions of every figure of the page, as their words without spaces, with and without their
   * credits: a body line that is one of them is a caption, not text.
   */
  private static Set<String> figureCaptions(Document doc, PageMetadata meta) {
    Set<String> out = new HashSet<>();
    int n = 0;
    // An image's alt text is its caption where galleries and lists repeat it as text; not when
    // it is the page's summary or headline, which some pages put there too.
    Set<String> summaries = new HashSet<>();
    for (String key : new String[] {"description", "og:description", "twitter:description"}) {
      String d =
          MetaTags.attr(doc, "meta[name=" + key + "], meta[property=" + key + "]", "content");
      if (d != null) {
        summaries.add(squashed(d));
      }
    }
    if (meta.title != null) {
      summaries.add(squashed(meta.title));
    }
    for (Element img : doc.select("figure img[alt]")) {
      if (++n > 300) {
        break;
      }
      String t = Spaces.collapse(img.attr("alt"));
      if (t.length() < 30 || t.length() > 600 || summaries.contains(squashed(t))) {
        continue;
      }
      out.add(squashed(t));
      String c = Captions.withoutCredit(t);
      if (c != null) {
        out.add(squashed(c));
      }
    }
    n = 0;
    for (Element fc :
        doc.select("figcaption, .wp-caption-text, [class*=caption], [class*=Caption]")) {
      if (++n > 300) {
        break;
      }
      String t = Spaces.collapse(fc.text());
      if (t.isEmpty() || t.length() > 600) {
        continue;
      }
      out.add(squashed(t));
      String c = Captions.withoutCredit(fc);
      if (c != null) {
        out.add(squashed(c));
      }
    }
    out.remove("");
    return out;
  }

  private static boolean isCaption(String line, Set<String> captions) {
    if (captions.isEmpty() || line.length() > 600) {
      return false;
    }
    if (captions.contains(squashed(line))) {
      return true;
    }
    String c = Captions.withoutCredit(line);
    return c != null && captions.contains(squashed(c));
  }

  private static String squashed(String s) {
    return MainContent.normalize(s).replace(" ", "");
  }

  private static String normalizedCaption(String p) {
    String c = Captions.withoutCredit(p);
    return c == null ? "" : MainContent.normalize(c);
  }

  /** Boxes whose figures are not the article's: menus, flyouts, teasers, related stories. */
  private static final Pattern NOT_ARTICLE_BOX =
      Pattern.compile(
          "(?<![a-z])(?:nav|menu|flyout|dropdown|drawer|masthead|sidebar|related|promo|teaser|"
              + "recirc|trending|popular|outbrain|taboola)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The caption of the article's own first figure, its credit left out; null when the article has
   * none. Figures in navigation, headers, footers, asides, link cards and boxes named like teasers
   * or menus belong to the site, not to the article.
   */
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
    int tries = 0;
    for (Element fc : scope.select("figcaption, .wp-caption-text")) {
      if (++tries > 20) {
        break;
      }
      if (!ownFigure(fc, scope)) {
        continue;
      }
      String t = Captions.withoutCredit(fc);
      return t == null || t.isEmpty() || t.length() > 400 ? null : t;
    }
    return null;
  }

  private static boolean ownFigure(Element fc, Element scope) {
    for (Element p = fc; p != null && p != scope; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("nav")
          || tag.equals("header") && !scope.normalName().equals("article")
          || tag.equals("footer")
          || tag.equals("aside")
          || tag.equals("a")
          || tag.equals("menu")
          || MainContent.isHidden(p)) {
        return false;
      }
      String role = p.attr("role");
      if (role.equals("navigation") || role.equals("menu") || role.equals("complementary")) {
        return false;
      }
      String names = MainContent.names(p);
      if (names.length() > 1 && NOT_ARTICLE_BOX.matcher(names).find()) {
        return false;
      }
    }
    return true;
  }
}
