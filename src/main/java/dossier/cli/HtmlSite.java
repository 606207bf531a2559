package dossier.cli;

import dossier.core.Article;
import dossier.core.Text;
import dossier.service.ExportService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small static site of exported articles: {@code index.html} by month, newest first, {@code
 * tags.html} by tag, and one page an article in {@code articles/}. Plain HTML with one inline style
 * sheet, readable without a server or scripts.
 */
final class HtmlSite {
  private static final String STYLE =
      "body{font:17px/1.55 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em;color:#222}"
          + "h1{font-size:1.6em;line-height:1.25}h2{margin-top:1.6em;font-size:1.15em}"
          + "a{color:#1a4f8b}.meta{color:#666;font-size:.9em}.caption{font-style:italic}"
          + "ul.list{list-style:none;padding:0}ul.list li{margin:.45em 0}"
          + ".tag{display:inline-block;background:#eef2f7;border-radius:3px;padding:0 .4em;"
          + "margin-right:.3em;font-size:.85em}nav{margin-bottom:1.5em}"
          + ".note{border-left:3px solid #c90;padding-left:.8em}";

  private HtmlSite() {}

  /** The heading of the articles without a publication date. */
  private static final String UNDATED = "Undated";

  /** A short record of an article for the index pages (bodies are not kept in memory). */
  private record Entry(long id, String title, String source, String date, List<String> tags) {}

  /** Writes the site into {@code dir}, adding every file it writes to {@code written}. */
  static int write(
      Path dir, Path archive, ExportService service, String query, List<Path> written) {
    Path articles = dir.resolve("articles");
    ExportCommand.Files2.createInside(articles);
    ExportCommand.Files2.removeStaleParts(dir);
    ExportCommand.Files2.removeStaleParts(articles);
    List<Entry> entries = new ArrayList<>();
    service.export(
        query,
        false,
        e -> {
          Article a = e.article();
          // undated articles are listed as such, never under their import date
          String date = a.published();
          entries.add(
              new Entry(
                  a.id(), title(a), a.source(), date == null ? "" : date, List.copyOf(a.tags())));
          Path page = articles.resolve(fileName(a, ".html"));
          page(page, archive, a);
          written.add(page);
        });
    index(dir.resolve("index.html"), archive, entries);
    tags(dir.resolve("tags.html"), archive, entries);
    written.add(dir.resolve("index.html"));
    written.add(dir.resolve("tags.html"));
    return entries.size();
  }

  /**
   * {@code 12-pipeline-deal-signed.html}: the id keeps names unique, the words make them legible.
   */
  static String fileName(Article a, String extension) {
    String slug =
        Normalizer.normalize(title(a), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return a.id() + (slug.isEmpty() ? "" : "-" + slug) + extension;
  }

  private static String title(Article a) {
    return Text.isBlank(a.title()) ? "Untitled" : Text.oneLine(a.title());
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' '); // control characters have no place in a page
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static void open(PrintWriter w, String title, String lang) {
    w.println("<!DOCTYPE html>");
    w.println("<html lang=\"" + esc(lang == null ? "en" : lang) + "\">");
    w.println("<head><meta charset=\"utf-8\">");
    w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    w.println("<title>" + esc(title) + "</title><style>" + STYLE + "</style></head>");
    w.println("<body>");
  }

  private static void close(PrintWriter w) {
    w.println("</body>");
    w.println("</html>");
  }

  private static void page(Path file, Path archive, Article a) {
    ExportCommand.Files2.write(
        file,
        archive,
        w -> {
          open(w, title(a), a.lang());
          w.println(
              "<nav><a href=\"../index.html\">By date</a> · <a href=\"../tags.html\">By"
                  + " tag</a></nav>");
          w.println("<article>");
          w.println("<h1>" + esc(title(a)) + "</h1>");
          List<String> meta = new ArrayList<>();
          if (!Text.isBlank(a.source())) {
            meta.add(esc(a.source()));
          }
          if (!a.authors().isEmpty()) {
            meta.add(esc(String.join(", ", a.authors())));
          }
          if (a.published() != null) {
            meta.add("<time>" + esc(a.published()) + "</time>");
          }
          if (!Text.isBlank(a.section())) {
            meta.add(esc(a.section()));
          }
          if (!meta.isEmpty()) {
            w.println("<p class=\"meta\">" + String.join(" · ", meta) + "</p>");
          }
          if (!Text.isBlank(a.url()) && a.url().matches("(?i)https?://\\S+")) {
            w.println(
                "<p class=\"meta\"><a href=\"" + esc(a.url()) + "\">" + esc(a.url()) + "</a></p>");
          }
          if (!a.tags().isEmpty()) {
            StringBuilder t = new StringBuilder("<p>");
            for (String tag : a.tags()) {
              t.append("<a class=\"tag\" href=\"../tags.html#")
                  .append(esc(anchor(tag)))
                  .append("\">")
                  .append(esc(tag))
                  .append("</a>");
            }
            w.println(t.append("</p>"));
          }
          if (!Text.isBlank(a.caption())) {
            w.println("<p class=\"caption\">" + esc(a.caption()) + "</p>");
          }
          if (!Text.isBlank(a.markdown())) {
            // headings as headings, lists as lists; every bit of text escaped, only web and mail
            // links kept, no images loaded
            w.print(dossier.service.Rendition.html(a.markdown()));
          } else {
            for (String para : a.body().split("\n\\s*\n")) {
              if (!para.isBlank()) {
                w.println("<p>" + esc(para.strip()).replace("\n", "<br>") + "</p>");
              }
            }
          }
          if (!Text.isBlank(a.note())) {
            w.println("<p class=\"note\"><strong>Note:</strong> " + esc(a.note()) + "</p>");
          }
          w.println("</article>");
          close(w);
        });
  }

  private static String anchor(String tag) {
    return "tag-" + tag.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
  }

  private static String link(Entry e) {
    StringBuilder b = new StringBuilder("<li><a href=\"articles/");
    b.append(esc(fileName(e.id(), e.title()))).append("\">").append(esc(e.title())).append("</a>");
    List<String> meta = new ArrayList<>();
    if (!Text.isBlank(e.source())) {
      meta.add(esc(e.source()));
    }
    if (!e.date().isEmpty()) {
      meta.add(esc(e.date().substring(0, Math.min(10, e.date().length()))));
    }
    if (!meta.isEmpty()) {
      b.append(" <span class=\"meta\">").append(String.join(" · ", meta)).append("</span>");
    }
    return b.append("</li>").toString();
  }

  private static String fileName(long id, String title) {
    return fileName(Article.titled(id, title), ".html");
  }

  private static void index(Path file, Path archive, List<Entry> entries) {
    // newest month first; the undated after every month, as in 'dossier list'
    Map<String, List<Entry>> byMonth =
        new TreeMap<>(
            java.util.Comparator.comparing((String m) -> m.equals(UNDATED))
                .thenComparing(java.util.Comparator.reverseOrder()));
    for (Entry e : entries) {
      String month = e.date().length() >= 7 ? e.date().substring(0, 7) : UNDATED;
      byMonth.computeIfAbsent(month, k -> new ArrayList<>()).add(0, e);
    }
    ExportCommand.Files2.write(
        file,
        archive,
        w -> {
          open(w, "Articles by date", "en");
          w.println("<nav>By date · <a href=\"tags.html\">By tag</a></nav>");
          w.println("<h1>Articles by date</h1>");
          w.println(
              "<p class=\"meta\">"
                  + entries.size()
                  + " article"
                  + (entries.size() == 1 ? "" : "s")
                  + "</p>");
          for (Map.Entry<String, List<Entry>> m : byMonth.entrySet()) {
            w.println("<h2>" + esc(m.getKey()) + "</h2>");
            w.println("<ul class=\"list\">");
            m.getValue().forEach(e -> w.println(link(e)));
            w.println("</ul>");
          }
          close(w);
        });
  }

  private static void tags(Path file, Path archive, List<Entry> entries) {
    Map<String, List<Entry>> byTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Entry e : entries) {
      for (String t : e.tags()) {
        byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
      }
    }
    ExportCommand.Files2.write(
        file,
        archive,
        w -> {
          open(w, "Articles by tag", "en");
          w.println("<nav><a href=\"index.html\">By date</a> · By tag</nav>");
          w.println("<h1>Articles by tag</h1>");
          if (byTag.isEmpty()) {
            w.println("<p class=\"meta\">No tags.</p>");
          }
          for (Map.Entry<String, List<Entry>> t : byTag.entrySet()) {
            w.println(
                "<h2 id=\""
                    + esc(anchor(t.getKey()))
                    + "\">"
                    + esc(t.getKey())
                    + " <span class=\"meta\">("
                    + t.getValue().size()
                    + ")</span></h2>");
            w.println("<ul class=\"list\">");
            t.getValue().forEach(e -> w.println(link(e)));
            w.println("</ul>");
          }
          close(w);
        });
  }
}
