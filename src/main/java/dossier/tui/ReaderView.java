package dossier.tui;

import dossier.core.Article;
import dossier.service.Provenance;
import dossier.service.Rendition;
import dossier.tui.Theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One whole article, scrolled by line: metadata, note, caption and body. */
final class ReaderView implements View {
  private record Line(String text, Kind kind) {}

  private enum Kind {
    TITLE,
    META,
    TAGS,
    NOTE,
    CAPTION,
    BODY
  }

  private final ArticleList list;
  private long id;
  private int scroll;
  private int rows = 10;

  private List<Line> lines = List.of();
  private Article shown;

  /** True while the provenance of the fields is shown under the title. */
  private boolean why;

  private int shownWidth = -1;

  /** What / looks for (lower case), or null; and the lines that hold it. */
  private String find;

  private List<Integer> found = List.of();

  ReaderView(ArticleList list, long id) {
    this.list = list;
    this.id = id;
  }

  @Override
  public Where where() {
    return Where.READER;
  }

  long id() {
    return id;
  }

  /** Shows another article from the top. */
  void show(long newId) {
    if (newId != id) {
      id = newId;
      scroll = 0;
      shown = null;
      found = List.of();
    }
  }

  /**
   * Looks for {@code term} in the article, case-insensitively, and scrolls to the first line from
   * the top of the screen that holds it; an empty term clears the search.
   *
   * @return the number of lines that hold it
   */
  int find(String term, int width) {
    find = term == null || term.isEmpty() ? null : term.toLowerCase(Locale.ROOT);
    if (!laidOut(width)) {
      // keys typed ahead of the first draw, or the text still loading: jump once it is laid out
      jumpPending = find != null;
      return -1;
    }
    matchLines();
    jumpToFirst();
    return found.size();
  }

  private boolean jumpPending;

  private void jumpToFirst() {
    if (!found.isEmpty()) {
      int from = scroll;
      scroll = found.stream().filter(l -> l >= from).findFirst().orElse(found.get(0));
    }
  }

  /** Lays the article out for {@code width} if it is loaded; false while it is not. */
  private boolean laidOut(int width) {
    Article a = list.full(id);
    if (a == null) {
      return false;
    }
    if (a != shown || width != shownWidth) {
      lines = layout(a, list.versions(id), width, why);
      shown = a;
      shownWidth = width;
      matchLines();
    }
    return true;
  }

  boolean searching() {
    return find != null;
  }

  /**
   * Scrolls to the next ({@code dir} 1) or previous (-1) line with a match, wrapping round.
   *
   * @return the match's number from 1, or 0 when there is none
   */
  int nextMatch(int dir, int width) {
    if (!laidOut(width) || found.isEmpty()) {
      return 0;
    }
    int i;
    if (dir > 0) {
      i = 0;
      while (i < found.size() && found.get(i) <= scroll) {
        i++;
      }
      i %= found.size();
    } else {
      i = found.size() - 1;
      while (i >= 0 && found.get(i) >= scroll) {
        i--;
      }
      i = (i + found.size()) % found.size();
    }
    scroll = found.get(i);
    return i + 1;
  }

  int matches() {
    return found.size();
  }

  private void matchLines() {
    List<Integer> out = new ArrayList<>();
    if (find != null) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).text().toLowerCase(Locale.ROOT).contains(find)) {
          out.add(i);
        }
      }
    }
    found = out;
  }

  /** Shows or hides where each field came from. */
  void toggleWhy() {
    why = !why;
    shown = null;
  }

  @Override
  public boolean move(Action a) {
    int max = Math.max(0, lines.size() - rows);
    scroll =
        switch (a) {
          case DOWN -> scroll + 1;
          case UP -> scroll - 1;
          case PAGE_DOWN -> scroll + Math.max(1, rows - 1);
          case PAGE_UP -> scroll - Math.max(1, rows - 1);
          case FIRST -> 0;
          case LAST -> max;
          default -> Integer.MIN_VALUE;
        };
    if (scroll == Integer.MIN_VALUE) {
      return false;
    }
    scroll = Math.max(0, Math.min(scroll, max));
    return true;
  }

  @Override
  public String header() {
    Article a = list.full(id);
    return "dossier review: #" + id + (a == null ? "" : " " + Cells.line(ListView.title(a)));
  }

  @Override
  public String position() {
    return lines.isEmpty()
        ? ""
        : "lines "
            + (scroll + 1)
            + "-"
            + Math.min(lines.size(), scroll + rows)
            + " of "
            + lines.size();
  }

  @Override
  public void draw(Canvas c, int from, int to) {
    rows = Math.max(1, to - from);
    Article a = list.full(id);
    if (a == null) {
      c.put(
          0, from, list.isMissing(id) ? "This article no longer exists." : "loading…", c.theme.dim);
      return;
    }
    laidOut(c.width);
    if (jumpPending) {
      jumpPending = false;
      jumpToFirst();
    }
    scroll = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - rows)));
    for (int r = 0; r < rows && scroll + r < lines.size(); r++) {
      Line l = lines.get(scroll + r);
      Style st = style(c.theme, l.kind());
      if (find == null) {
        c.put(0, from + r, l.text(), st);
      } else {
        highlight(c, from + r, l.text(), st);
      }
    }
  }

  /** Draws a line with each match of the search in reverse video. */
  private void highlight(Canvas c, int row, String text, Style st) {
    String low = text.toLowerCase(Locale.ROOT);
    int col = 0;
    int at = 0;
    // lower-casing can change lengths (rarely): then the line is drawn plain
    boolean aligned = low.length() == text.length();
    for (int hit = low.indexOf(find); aligned && hit >= 0; hit = low.indexOf(find, at)) {
      col = c.put(col, row, text.substring(at, hit), st);
      col = c.put(col, row, text.substring(hit, hit + find.length()), c.theme.cursor);
      at = hit + find.length();
    }
    c.put(col, row, text.substring(at), st);
  }

  private static Style style(Theme t, Kind k) {
    return switch (k) {
      case TITLE -> t.title;
      case META, CAPTION -> t.dim;
      case TAGS -> t.tag;
      case NOTE -> t.selected;
      case BODY -> t.normal;
    };
  }

  private static List<Line> layout(Article a, String versions, int width, boolean why) {
    List<Line> out = new ArrayList<>();
    add(out, Cells.line(ListView.title(a)), Kind.TITLE, width);
    if (why) {
      add(out, "where each field came from (w hides it):", Kind.TAGS, width);
      for (Provenance.Row r : Provenance.rows(a)) {
        add(
            out,
            Cells.line(String.format("  %-10s %-22s %s", r.field(), r.origin(), r.value())),
            Kind.META,
            width);
      }
      out.add(new Line("", Kind.BODY));
    }
    add(out, ListView.meta(a), Kind.META, width);
    StringBuilder more = new StringBuilder();
    for (String s : new String[] {a.section(), a.lang(), a.url()}) {
      if (s != null && !s.isBlank()) {
        more.append(more.length() > 0 ? " · " : "").append(s);
      }
    }
    if (more.length() > 0) {
      add(out, Cells.line(more.toString()), Kind.META, width);
    }
    add(out, ListView.state(a), Kind.META, width);
    if (versions != null) {
      add(out, versions, Kind.TAGS, width);
    }
    if (!a.tags().isEmpty()) {
      add(out, "tags: " + Cells.line(String.join(", ", a.tags())), Kind.TAGS, width);
    }
    if (a.note() != null && !a.note().isBlank()) {
      out.add(new Line("", Kind.BODY));
      add(out, "note: " + Cells.block(a.note()), Kind.NOTE, width);
    }
    if (a.caption() != null && !a.caption().isBlank()) {
      out.add(new Line("", Kind.BODY));
      add(out, Cells.block(a.caption()), Kind.CAPTION, width);
    }
    out.add(new Line("", Kind.BODY));
    if (a.markdown() != null && !a.markdown().isBlank()) {
      body(out, a.markdown(), width);
    } else {
      add(out, Cells.block(a.body() == null ? "" : a.body()), Kind.BODY, width);
    }
    return out;
  }

  /** The structured rendition: headings stand out, list items keep their bullets, quotes a bar. */
  private static void body(List<Line> out, String markdown, int width) {
    boolean first = true;
    for (Rendition.Block b : Rendition.blocks(markdown)) {
      if (!first && b.kind() != Rendition.Kind.ITEM) {
        out.add(new Line("", Kind.BODY));
      }
      first = false;
      String indent = "  ".repeat(Math.max(0, b.depth() - 1));
      String text = Cells.line(b.text());
      switch (b.kind()) {
        case HEADING -> add(out, text, Kind.TITLE, width);
        case ITEM -> {
          String lead = indent + (b.marker() == null ? "  " : b.marker() + " ");
          List<String> wrapped = Cells.wrap(text, Math.max(10, width - Cells.width(lead)));
          for (int i = 0; i < wrapped.size(); i++) {
            String pad = i == 0 ? lead : " ".repeat(Cells.width(lead));
            out.add(new Line(pad + wrapped.get(i), Kind.BODY));
          }
        }
        case QUOTE -> {
          for (String l : Cells.wrap(text, Math.max(10, width - 2 - indent.length()))) {
            out.add(new Line(indent + "│ " + l, Kind.CAPTION));
          }
        }
        case CODE -> add(out, Cells.block(b.text()), Kind.META, width);
        case RULE -> out.add(new Line("─".repeat(Math.max(1, Math.min(width, 40))), Kind.META));
        case PARAGRAPH -> add(out, indent + text, Kind.BODY, width);
      }
    }
  }

  private static void add(List<Line> out, String text, Kind kind, int width) {
    for (String l : Cells.wrap(text, width)) {
      out.add(new Line(l, kind));
    }
  }
}
