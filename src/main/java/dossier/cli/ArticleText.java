package dossier.cli;

import dossier.core.Article;
import dossier.core.DisplayWidth;
import dossier.core.MarkdownText;
import dossier.core.Text;
import dossier.service.Provenance;
import dossier.service.Rendition;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** One article for people (show, extract) and as Markdown with front matter. */
final class ArticleText {
  private ArticleText() {}

  static void text(PrintWriter out, Article a, boolean color) {
    text(out, a, color, 0);
  }

  /**
   * One article for people, its paragraphs wrapped at spaces to {@code width} columns (0: not
   * wrapped, for pipes and files).
   */
  static void text(PrintWriter out, Article a, boolean color, int width) {
    String title = wrap(safe(a.title()), width);
    out.println(color ? Terminal.BOLD + title + Terminal.RESET : title);
    List<String> meta = new ArrayList<>();
    add(meta, a.source());
    if (!a.authors().isEmpty()) {
      meta.add(safe(String.join(", ", a.authors())));
    }
    add(meta, a.published());
    add(meta, a.section());
    add(meta, a.lang());
    if (!meta.isEmpty()) {
      out.println(dim(String.join(" · ", meta), color));
    }
    if (a.url() != null) {
      out.println(dim(safe(a.url()), color));
    }
    List<String> state = new ArrayList<>();
    if (a.id() > 0) {
      state.add("#" + a.id());
      state.add(a.status().label());
      if (a.starred()) {
        state.add("★ starred");
      }
    }
    if (!a.tags().isEmpty()) {
      state.add("tags: " + safe(String.join(", ", a.tags())));
    }
    if (!state.isEmpty()) {
      out.println(dim(String.join(" · ", state), color));
    }
    out.println();
    if (!Text.isBlank(a.caption())) {
      out.println(wrap("[" + safe(a.caption()) + "]", width));
      out.println();
    }
    out.println(wrap(Text.safeForTerminal(a.body(), true), width));
    if (!Text.isBlank(a.note())) {
      out.println();
      // every line of the note under its first, the way a hanging indent lists it
      String text = Text.safeForTerminal(a.note(), true);
      List<String> lines =
          width <= 0
              ? List.of(text.split("\n", -1))
              : DisplayWidth.wrap(text, Math.max(20, width - NOTE.length()));
      for (int i = 0; i < lines.size(); i++) {
        String label =
            i > 0
                ? " ".repeat(NOTE.length())
                : color ? Terminal.BOLD + "Note:" + Terminal.RESET + " " : NOTE;
        out.println(lines.get(i).isEmpty() ? label.stripTrailing() : label + lines.get(i));
      }
    }
  }

  private static final String NOTE = "Note: ";

  private static String wrap(String s, int width) {
    return width <= 0 ? s : String.join("\n", DisplayWidth.wrap(s, width));
  }

  static void markdown(PrintWriter out, Article a) {
    out.println("---");
    yaml(out, "title", a.title());
    yaml(out, "date", a.published());
    yaml(out, "source", a.source());
    if (!a.authors().isEmpty()) {
      out.println("author: " + yamlList(a.authors()));
    }
    yaml(out, "url", MarkdownText.linkTarget(a.url()));
    yaml(out, "section", a.section());
    yaml(out, "lang", a.lang());
    if (!a.tags().isEmpty()) {
      out.println("tags: " + yamlList(a.tags()));
    }
    out.println("---");
    out.println();
    // text, not markup: what the page showed as text must not come out as HTML or a link
    out.println("# " + MarkdownText.escape(Text.oneLine(a.title())));
    out.println();
    if (!Text.isBlank(a.caption())) {
      out.println("*" + MarkdownText.escape(Text.oneLine(a.caption())) + "*");
      out.println();
    }
    // the structured rendition when extraction kept one: headings stay headings, lists lists;
    // its text, like every other, written as text
    out.println(
        Text.isBlank(a.markdown()) ? MarkdownText.escape(a.body()) : structured(a.markdown()));
    if (!Text.isBlank(a.note())) {
      out.println();
      out.println("> Note: " + MarkdownText.escape(a.note()).replace("\n", "\n> "));
    }
  }

  /**
   * The blocks of a stored rendition written again as Markdown whose every text is escaped ({@link
   * MarkdownText}): headings, list items, quotes, code and rules keep their structure, and nothing
   * in the text becomes markup, a link or an image.
   */
  static String structured(String markdown) {
    StringBuilder b = new StringBuilder();
    Rendition.Kind last = null;
    for (Rendition.Block k : Rendition.blocks(markdown)) {
      if (last != null && !(last == Rendition.Kind.ITEM && k.kind() == Rendition.Kind.ITEM)) {
        b.append('\n');
      }
      last = k.kind();
      String indent = "   ".repeat(Math.max(0, k.depth() - 1));
      // text escaped, links kept only to http(s) and mailto targets (Rendition.Block#markdown)
      String text = Text.oneLine(k.markdown());
      switch (k.kind()) {
        case HEADING -> b.append(k.marker()).append(' ').append(text);
        case ITEM ->
            b.append(indent)
                .append(k.marker() == null ? "  " : k.marker().equals("•") ? "-" : k.marker())
                .append(' ')
                .append(text);
        case QUOTE -> b.append(indent).append("> ").append(text);
        case CODE -> b.append("~~~~\n").append(k.text().replace("~~~~", "~ ~~~")).append("\n~~~~");
        case RULE -> b.append("---");
        case PARAGRAPH -> b.append(indent).append(text);
      }
      b.append('\n');
    }
    return b.toString().stripTrailing();
  }

  /**
   * Where each metadata field came from, for people: the field, its origin and its value, a line
   * each; a field without a value says so, and a value stored before origins were kept says that.
   */
  static void why(PrintWriter out, Article a, boolean color) {
    String head = a.id() > 0 ? "#" + a.id() + " " + safe(a.title()) : safe(a.title());
    out.println(color ? Terminal.BOLD + head + Terminal.RESET : head);
    for (Provenance.Row row : Provenance.rows(a)) {
      String origin = String.format("%-22s", safe(row.origin()));
      out.println(
          String.format("%-10s", row.field())
              + " "
              + (color ? Terminal.CYAN + origin + Terminal.RESET : origin)
              + " "
              + safe(row.value()));
    }
  }

  private static void yaml(PrintWriter out, String key, String value) {
    if (value != null) {
      out.println(key + ": " + yamlString(value));
    }
  }

  private static String yamlList(List<String> values) {
    List<String> q = new ArrayList<>();
    for (String v : values) {
      q.add(yamlString(v));
    }
    return "[" + String.join(", ", q) + "]";
  }

  /** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
  static String yamlString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static void add(List<String> list, String v) {
    if (!Text.isBlank(v)) {
      list.add(safe(v));
    }
  }

  private static String safe(String s) {
    return Text.safeForTerminal(Text.oneLine(s), false);
  }

  private static String dim(String s, boolean color) {
    return color ? Terminal.DIM + s + Terminal.RESET : s;
  }
}
