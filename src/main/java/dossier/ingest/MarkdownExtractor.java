package dossier.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dossier.core.Extracted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Markdown clips: YAML front matter ({@code title}, {@code date}, {@code tags}, {@code url}, {@code
 * author}, and their common synonyms) gives the metadata; the body is parsed by CommonMark
 * (commonmark-java), so multi-line links, escapes and setext headings read as a Markdown reader
 * shows them, and turned into plain paragraphs (markup, link targets and images dropped; a leading
 * level-one heading is the title). The Markdown of the body's blocks is kept as the rendition.
 */
final class MarkdownExtractor {
  private MarkdownExtractor() {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern FRONT =
      Pattern.compile(
          "\\A---[ \\t]*\\n(.*?)\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

  static Extracted extract(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    JsonNode fm = null;
    Matcher m = FRONT.matcher(text);
    if (m.find()) {
      fm = frontMatter(m.group(1));
      text = text.substring(m.end());
    }
    String title = field(fm, "title", "headline", "name");
    List<String> paras = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    String headline = null;
    String headlineSource = null;
    String[] lines = text.split("\n", -1);
    Node doc = PARSER.parse(text);
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      List<String> texts = blockTexts(n);
      String source = sourceOf(n, lines);
      if (headline == null
          && paras.isEmpty()
          && n instanceof Heading h
          && h.getLevel() == 1
          && !texts.isEmpty()) {
        headline = texts.get(0);
        headlineSource = source;
        continue;
      }
      boolean any = false;
      for (String t : texts) {
        if (!t.isEmpty()) {
          paras.add(t);
          any = true;
        }
      }
      if (any) {
        sources.add(source);
      }
    }
    // The clipper's own note ("Clipped from ...") is not part of the article.
    while (!paras.isEmpty() && isClipNote(paras.get(paras.size() - 1))) {
      paras.remove(paras.size() - 1);
      if (!sources.isEmpty()) {
        sources.remove(sources.size() - 1);
      }
    }
    if (headline != null
        && title != null
        && !dossier.core.Text.words(headline).equals(dossier.core.Text.words(title))) {
      sources.add(0, headlineSource);
    }
    String markdown = sources.isEmpty() ? null : String.join("\n\n", sources);
    if (headline != null
        && title != null
        && !dossier.core.Text.words(headline).equals(dossier.core.Text.words(title))) {
      paras.add(0, headline);
    }
    String titleOrigin = "front matter";
    if (title == null && headline != null) {
      title = headline;
      titleOrigin = "first heading";
    }
    String body = String.join("\n\n", paras);
    if (title == null) {
      title = TextExtractor.titleFromFirstSentence(body);
      titleOrigin = "first sentence";
    }
    List<String> authors = new ArrayList<>();
    for (String a : values(fm, "author", "authors", "byline", "creator")) {
      for (String n : Bylines.names(a)) {
        if (!authors.contains(n)) {
          authors.add(n);
        }
      }
      if (Bylines.names(a).isEmpty() && !a.isBlank()) {
        authors.add(Spaces.collapse(a));
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String t : values(fm, "tags", "keywords", "categories", "topics")) {
      for (String one : t.split(",")) {
        PageMetadata.addTag(tags, one);
      }
    }
    String published =
        Dates.parse(
            field(fm, "date", "published", "published_at", "pubDate", "created", "date_published"));
    String url = field(fm, "url", "source_url", "source", "link", "original_url", "canonical");
    if (url != null && !url.matches("(?i)https?://\\S+")) {
      url = null;
    }
    String source = field(fm, "site", "site_name", "publisher", "publication");
    String section = field(fm, "section", "category");
    String lang = field(fm, "lang", "language");
    Map<String, String> origins = new LinkedHashMap<>();
    origins.put("title", titleOrigin);
    String[] fields = {"source", "published", "url", "section", "lang"};
    String[] values = {source, published, url, section, lang};
    for (int i = 0; i < fields.length; i++) {
      if (values[i] != null) {
        origins.put(fields[i], "front matter");
      }
    }
    if (!authors.isEmpty()) {
      origins.put("authors", "front matter");
    }
    return new Extracted(
        title,
        source,
        authors,
        published,
        url,
        section,
        lang,
        null,
        body,
        new ArrayList<>(tags),
        "markdown",
        markdown,
        origins);
  }

  private static JsonNode frontMatter(String yaml) {
    try {
      JsonNode n = YAML.readTree(yaml);
      return n != null && n.isObject() ? n : null;
    } catch (Exception e) {
      return null; // broken front matter: the text still counts
    }
  }

  private static JsonNode get(JsonNode fm, String key) {
    if (fm == null) {
      return null;
    }
    var it = fm.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String field(JsonNode fm, String... keys) {
    for (String k : keys) {
      List<String> v = values(fm, k);
      if (!v.isEmpty()) {
        return v.get(0);
      }
    }
    return null;
  }

  private static List<String> values(JsonNode fm, String... keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      JsonNode n = get(fm, k);
      if (n == null || n.isNull()) {
        continue;
      }
      for (JsonNode v : n.isArray() ? n : List.of(n)) {
        String s = v.isObject() ? (v.has("name") ? v.get("name").asText() : null) : v.asText();
        if (s != null && !Spaces.collapse(s).isEmpty()) {
          out.add(Spaces.collapse(s));
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** The source lines of a top-level block, as the file wrote them. */
  private static String sourceOf(Node n, String[] lines) {
    List<SourceSpan> spans = n.getSourceSpans();
    if (spans.isEmpty()) {
      return "";
    }
    int from = spans.get(0).getLineIndex();
    int to = spans.get(spans.size() - 1).getLineIndex();
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to && i < lines.length; i++) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(lines[i]);
    }
    return b.toString().strip();
  }

  /**
   * The plain paragraphs of a top-level block: one for a paragraph, heading or quote, one per item
   * of a list, the lines of a code block; nothing for a thematic break.
   */
  static List<String> blockTexts(Node n) {
    List<String> out = new ArrayList<>();
    if (n instanceof ListBlock) {
      for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
        out.add(plain(item));
      }
    } else if (n instanceof FencedCodeBlock f) {
      out.add(f.getLiteral().strip());
    } else if (n instanceof IndentedCodeBlock c) {
      out.add(c.getLiteral().strip());
    } else if (n instanceof HtmlBlock h) {
      out.add(Spaces.collapse(Jsoup.parse(h.getLiteral()).text()));
    } else if (!(n instanceof ThematicBreak)) {
      out.add(plain(n));
    }
    return out;
  }

  /** The text of a node: markup, link targets and images left out, escapes resolved. */
  static String plain(Node n) {
    StringBuilder b = new StringBuilder();
    n.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            b.append(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            b.append(c.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak br) {
            b.append(' ');
          }

          @Override
          public void visit(HardLineBreak br) {
            b.append(' ');
          }

          @Override
          public void visit(Image image) {
            // an image is not text
          }

          @Override
          public void visit(HtmlInline html) {
            // tags are not text; the text between them is
          }

          @Override
          public void visit(Paragraph p) {
            if (b.length() > 0) {
              b.append(' ');
            }
            visitChildren(p);
          }
        });
    return Spaces.collapse(b.toString());
  }

  private static boolean isClipNote(String p) {
    String l = p.toLowerCase(Locale.ROOT);
    return dossier.core.Text.wordCount(p) <= 15
        && l.matches("(?:clipped|saved|source|originally published|via|from)\\b.*");
  }
}
