package dossier.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The exports people leave read-it-later tools and browsers with: Pocket (CSV and HTML), Instapaper
 * CSV, wallabag JSON, Omnivore JSON and Netscape bookmark files. Each is read into {@link Entry}s:
 * the address, title, tags, read state and dates it holds, and the text when it holds one
 * (wallabag).
 */
public final class Exports {
  private Exports() {}

  /** The formats, by the name a person knows them by. */
  public enum Kind {
    POCKET_CSV("Pocket CSV"),
    POCKET_HTML("Pocket HTML"),
    INSTAPAPER_CSV("Instapaper CSV"),
    WALLABAG_JSON("wallabag JSON"),
    OMNIVORE_JSON("Omnivore JSON"),
    BOOKMARKS_HTML("browser bookmarks");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * One saved page.
   *
   * @param status new, read or archived
   * @param saved when it was saved (ISO-8601), or null
   * @param published the publication date the export names, or null
   * @param html the page's text as HTML when the export holds it, or null
   * @param excerpt a summary or a quoted selection, or null
   */
  public record Entry(
      String url,
      String title,
      List<String> tags,
      String status,
      boolean starred,
      String saved,
      String published,
      String html,
      String excerpt) {}

  /** The export format of {@code file}, or null when it is none of them. */
  public static Kind detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv")
        && !name.endsWith(".html")
        && !name.endsWith(".htm")
        && !name.endsWith(".json")) {
      return null;
    }
    String head;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] buf = new char[4096];
      int n = r.read(buf);
      head = n <= 0 ? "" : new String(buf, 0, n);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    String h = head.stripLeading().replace("\uFEFF", "");
    String lower = h.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      String header = lower.lines().findFirst().orElse("");
      if (header.startsWith("url,title,selection,folder")) {
        return Kind.INSTAPAPER_CSV;
      }
      if (header.startsWith("title,url,time_added")) {
        return Kind.POCKET_CSV;
      }
      return null;
    }
    if (name.endsWith(".json")) {
      if (!h.startsWith("[")) {
        return null;
      }
      if (h.contains("\"is_archived\"") || h.contains("\"is_starred\"")) {
        return Kind.WALLABAG_JSON;
      }
      if (h.contains("\"savedAt\"") || h.contains("\"readingProgress\"")) {
        return Kind.OMNIVORE_JSON;
      }
      return null;
    }
    if (lower.contains("<!doctype netscape-bookmark-file-1>")) {
      return Kind.BOOKMARKS_HTML;
    }
    if (lower.contains("<title>pocket export</title>")) {
      return Kind.POCKET_HTML;
    }
    return null;
  }

  /** Reads the entries of an export of {@code kind}; a broken export is an IOException in words. */
  public static List<Entry> read(Path file, Kind kind) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try {
      return switch (kind) {
        case POCKET_CSV -> pocketCsv(text);
        case POCKET_HTML -> pocketHtml(text);
        case INSTAPAPER_CSV -> instapaper(text);
        case WALLABAG_JSON -> wallabag(text);
        case OMNIVORE_JSON -> omnivore(text, file.getParent());
        case BOOKMARKS_HTML -> bookmarks(text);
      };
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a readable " + kind.label + " export: " + e.getMessage(), e);
    }
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreHeaderCase(true)
        .setTrim(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static String get(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) && !r.get(column).isBlank() ? r.get(column) : null;
  }

  private static List<String> split(String s, String separator) {
    List<String> out = new ArrayList<>();
    if (s != null) {
      for (String t : s.split(separator)) {
        if (!t.isBlank()) {
          out.add(t.strip());
        }
      }
    }
    return out;
  }

  static String epoch(String seconds) {
    if (seconds == null || !seconds.strip().matches("\\d{1,12}")) {
      return null;
    }
    return Instant.ofEpochSecond(Long.parseLong(seconds.strip())).toString();
  }

  static String iso(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip().replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
          .toInstant()
          .toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String day(String iso) {
    return iso == null ? null : iso.substring(0, 10);
  }

  /** Pocket's CSV: title, url, time_added, tags (split by |), status (unread or archive). */
  static List<Entry> pocketCsv(String text) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (CSVRecord r : csv(text)) {
      out.add(
          new Entry(
              get(r, "url"),
              get(r, "title"),
              split(get(r, "tags"), "\\|"),
              "archive".equalsIgnoreCase(get(r, "status")) ? "archived" : "new",
              false,
              epoch(get(r, "time_added")),
              null,
              null,
              null));
    }
    return out;
  }

  /** Pocket's HTML: links under "Unread" and "Read Archive" headings, tags and time_added. */
  static List<Entry> pocketHtml(String text) {
    Document doc = Jsoup.parse(text);
    List<Entry> out = new ArrayList<>();
    for (Element a : doc.select("a[href]")) {
      Element list = a.closest("ul");
      Element heading = list == null ? null : list.previousElementSibling();
      boolean archived =
          heading != null && heading.text().toLowerCase(Locale.ROOT).contains("archive");
      out.add(
          new Entry(
              a.attr("href"),
              a.text().isBlank() ? null : a.text(),
              split(a.attr("tags"), ","),
              archived ? "archived" : "new",
              false,
              epoch(a.attr("time_added")),
              null,
              null,
              null));
    }
    return out;
  }

  /**
   * Instapaper's CSV: URL, Title, Selection, Folder (Unread, Archive, Starred, or a folder of the
   * person's, which becomes a tag), Timestamp, and Tags (a JSON list) in newer exports.
   */
  static List<Entry> instapaper(String text) throws IOException {
    List<Entry> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (CSVRecord r : csv(text)) {
      String folder = get(r, "Folder");
      List<String> tags = new ArrayList<>();
      String t = get(r, "Tags");
      if (t != null && t.startsWith("[")) {
        for (JsonNode n : json.readTree(t)) {
          tags.add(n.asText());
        }
      }
      String f = folder == null ? "" : folder.toLowerCase(Locale.ROOT);
      if (!f.isEmpty() && !Set.of("unread", "archive", "starred").contains(f)) {
        tags.add(folder);
      }
      out.add(
          new Entry(
              get(r, "URL"),
              get(r, "Title"),
              tags,
              f.equals("archive") ? "archived" : "new",
              f.equals("starred"),
              epoch(get(r, "Timestamp")),
              null,
              null,
              get(r, "Selection")));
    }
    return out;
  }

  private static boolean truth(JsonNode n) {
    return n != null && (n.asBoolean(false) || n.asInt(0) == 1);
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      for (JsonNode t : n) {
        String s = t.isObject() ? text(t, t.has("label") ? "label" : "name") : t.asText();
        if (s != null && !s.isBlank()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** wallabag's JSON: the whole text as HTML, tags, is_archived, is_starred, created_at. */
  static List<Entry> wallabag(String text) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (JsonNode o : new ObjectMapper().readTree(text)) {
      out.add(
          new Entry(
              text(o, "url"),
              text(o, "title"),
              strings(o.get("tags")),
              truth(o.get("is_archived")) ? "archived" : "new",
              truth(o.get("is_starred")),
              iso(text(o, "created_at")),
              day(iso(text(o, "published_at"))),
              text(o, "content"),
              null));
    }
    return out;
  }

  /**
   * Omnivore's JSON (metadata_*.json): labels, state (Archived), readingProgress, savedAt,
   * publishedAt, description; the page's HTML from content/SLUG.html beside it, when there.
   */
  static List<Entry> omnivore(String text, Path dir) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (JsonNode o : new ObjectMapper().readTree(text)) {
      String state = text(o, "state");
      double progress = o.has("readingProgress") ? o.get("readingProgress").asDouble(0) : 0;
      String status =
          "archived".equalsIgnoreCase(state) ? "archived" : progress >= 98 ? "read" : "new";
      String html = null;
      String slug = text(o, "slug");
      if (slug != null && dir != null && slug.matches("[\\w.-]+")) {
        Path content = dir.resolve("content").resolve(slug + ".html");
        if (Files.isRegularFile(content)) {
          html = Files.readString(content, StandardCharsets.UTF_8);
        }
      }
      out.add(
          new Entry(
              text(o, "url"),
              text(o, "title"),
              strings(o.get("labels")),
              status,
              false,
              iso(text(o, "savedAt")),
              day(iso(text(o, "publishedAt"))),
              html,
              text(o, "description")));
    }
    return out;
  }

  /** Folders browsers put every bookmark in: not the person's own grouping. */
  private static final Set<String> BROWSER_FOLDERS =
      Set.of(
          "bookmarks bar",
          "bookmarks toolbar",
          "bookmarks menu",
          "other bookmarks",
          "mobile bookmarks",
          "favorites bar",
          "bookmarks");

  /** Netscape bookmark HTML: TAGS, ADD_DATE, and the folders as one nested tag. */
  static List<Entry> bookmarks(String text) {
    Document doc = Jsoup.parse(text);
    List<Entry> out = new ArrayList<>();
    for (Element a : doc.select("a[href]")) {
      List<String> folders = new ArrayList<>();
      for (Element dl = a.closest("dl");
          dl != null;
          dl = dl.parent() == null ? null : dl.parent().closest("dl")) {
        Element h3 = folderHeading(dl);
        if (h3 != null && !BROWSER_FOLDERS.contains(h3.text().strip().toLowerCase(Locale.ROOT))) {
          folders.add(0, h3.text().strip().replace("/", "-"));
        }
      }
      Set<String> tags = new LinkedHashSet<>(split(a.attr("tags"), ","));
      if (!folders.isEmpty()) {
        tags.add(String.join("/", folders));
      }
      out.add(
          new Entry(
              a.attr("href"),
              a.text().isBlank() ? null : a.text(),
              new ArrayList<>(tags),
              "new",
              false,
              epoch(a.attr("add_date")),
              null,
              null,
              null));
    }
    return out;
  }

  /** The H3 that names the folder a DL list is, just before it (Jsoup may nest it in a DT). */
  private static Element folderHeading(Element dl) {
    Element prev = dl.previousElementSibling();
    if (prev != null && prev.tagName().equals("h3")) {
      return prev;
    }
    if (prev != null && prev.tagName().equals("dt")) {
      Element h = prev.selectFirst("> h3");
      if (h != null) {
        return h;
      }
    }
    Element parent = dl.parent();
    if (parent != null && parent.tagName().equals("dt")) {
      return parent.selectFirst("> h3");
    }
    return null;
  }
}
