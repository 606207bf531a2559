package dossier.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dossier.core.Extracted;
import dossier.core.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown clips: YAML front matter ({@code title}, {@code date}, {@code tags}, {@code url}, {@code
 * author}, and their common synonyms) gives the metadata; the body is the Markdown turned into
 * plain paragraphs (markup, link targets and images dropped; a leading {@code #} headline that
 * repeats the title is the title).
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
    String headline = null;
    for (String block : blocks(text)) {
      String p = plain(block);
      if (p.isEmpty()) {
        continue;
      }
      if (headline == null && paras.isEmpty() && block.matches("(?s)#\\s.*")) {
        headline = p;
        continue;
      }
      paras.add(p);
    }
    // The clipper's own note ("Clipped from ...") is not part of the article.
    while (!paras.isEmpty() && isClipNote(paras.get(paras.size() - 1))) {
      paras.remove(paras.size() - 1);
    }
    if (headline != null
        && title != null
        && !MainContent.normalize(headline).equals(MainContent.normalize(title))) {
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
        null,
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

  /** Blocks separated by blank lines; fenced code stays one block. */
  private static List<String> blocks(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean fence = false;
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (s.startsWith("```") || s.startsWith("~~~")) {
        fence = !fence;
      }
      boolean listItem = s.matches("(?:[-*+]|\\d+[.)])\\s+.*");
      if (!fence && (s.isEmpty() || listItem || s.startsWith("#"))) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (s.isEmpty()) {
          continue;
        }
      }
      if (cur.length() > 0) {
        cur.append('\n');
      }
      cur.append(line);
      if (!fence && s.startsWith("#")) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>]+)>");

  /** Markdown markup of one block removed; a code block keeps its lines. */
  static String plain(String block) {
    String s = block.strip();
    if (s.startsWith("```") || s.startsWith("~~~")) {
      String inner =
          s.replaceFirst("\\A(```|~~~)[^\\n]*\\n?", "").replaceFirst("\\n?(```|~~~)\\s*\\z", "");
      return inner.strip();
    }
    if (s.matches("\\[[^\\]]+]:\\s*\\S+.*")) {
      return ""; // link reference definition
    }
    if (s.matches("(?:[-*_]\\s*){3,}")) {
      return ""; // thematic break
    }
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n")) {
      String l = line.strip();
      l = l.replaceFirst("^#{1,6}\\s+", "").replaceFirst("\\s+#+$", "");
      l = l.replaceFirst("^(?:>\\s?)+", "");
      l = l.replaceFirst("^(?:[-*+]|\\d+[.)])\\s+", "");
      l = IMAGE.matcher(l).replaceAll("");
      l = LINK.matcher(l).replaceAll("$1");
      l = REF_LINK.matcher(l).replaceAll("$1");
      l = AUTOLINK.matcher(l).replaceAll("$1");
      l = l.replaceAll("(\\*\\*|__)(.+?)\\1", "$2");
      l = l.replaceAll("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])", "$2");
      l = l.replaceAll("`([^`]*)`", "$1");
      l = l.replaceAll("<[^>]{1,200}>", "");
      l = Spaces.collapse(l);
      if (!l.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(l);
      }
    }
    return out.toString();
  }

  private static boolean isClipNote(String p) {
    String l = p.toLowerCase(Locale.ROOT);
    return Text.wordCount(p) <= 15
        && l.matches("(?:clipped|saved|source|originally published|via|from)\\b.*");
  }
}
