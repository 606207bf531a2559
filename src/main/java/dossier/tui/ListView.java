package dossier.tui;

import dossier.core.Article;
import dossier.core.Status;
import dossier.tui.Theme.Style;
import java.util.List;
import java.util.Set;

/** The article list with a preview of the article under the cursor below it. */
final class ListView implements View {
  private final ArticleList list;
  private final Set<Long> selected;

  private int cursor;
  private int top;
  private int rows = 10;

  /** True when the preview is hidden and the list takes the whole screen. */
  private boolean fullHeight;

  /** The article the cursor is on, so it stays on it when the list reloads around it. */
  private Long anchor;

  ListView(ArticleList list, Set<Long> selected) {
    this.list = list;
    this.selected = selected;
  }

  @Override
  public Where where() {
    return Where.LIST;
  }

  int cursor() {
    return cursor;
  }

  /** Hides or shows the preview; returns true when the list now takes the whole screen. */
  boolean toggleFullHeight() {
    fullHeight = !fullHeight;
    return fullHeight;
  }

  /** Puts the cursor on an article when the list holds it (an undone one coming back). */
  void focus(long id) {
    int i = list.indexOf(id, cursor);
    if (i >= 0) {
      moveTo(i);
    } else {
      focus = id; // not among the loaded pages yet: follow() finds it once they are read again
    }
  }

  /** An article to put the cursor on as soon as a loaded page holds it. */
  private Long focus;

  Article current() {
    return list.get(cursor);
  }

  /** Back to the top, for a new query. */
  void home() {
    cursor = 0;
    top = 0;
    anchor = null;
    focus = null;
  }

  /** Puts the cursor on an index (the reader moving through the list). */
  void moveTo(int index) {
    cursor = clamp(index);
    Article a = list.get(cursor);
    anchor = a == null ? null : a.id();
  }

  /** After a page loaded: keeps the cursor on its article if the article moved. */
  void follow() {
    if (focus != null) {
      int i = list.indexOf(focus, cursor);
      if (i >= 0) {
        focus = null;
        moveTo(i);
        return;
      }
    }
    if (anchor != null) {
      int i = list.indexOf(anchor, cursor);
      if (i >= 0) {
        cursor = i;
      }
    }
  }

  private int clamp(int i) {
    long n = list.size();
    if (n <= 0) {
      return 0;
    }
    return (int) Math.max(0, Math.min(i, n - 1));
  }

  @Override
  public boolean move(Action a) {
    int target =
        switch (a) {
          case DOWN -> cursor + 1;
          case UP -> cursor - 1;
          case PAGE_DOWN -> cursor + Math.max(1, rows - 1);
          case PAGE_UP -> cursor - Math.max(1, rows - 1);
          case FIRST -> 0;
          case LAST -> (int) Math.min(Integer.MAX_VALUE, list.size() - 1);
          default -> -1;
        };
    if (target < 0 && a != Action.UP && a != Action.PAGE_UP) {
      return false;
    }
    moveTo(target);
    return true;
  }

  @Override
  public String header() {
    long n = list.count();
    String count = n < 0 ? "counting…" : n == 1 ? "1 article" : n + " articles";
    long lines = list.size();
    if (list.grouped() && n >= 0 && lines >= 0 && lines != n) {
      count += " in " + lines + (lines == 1 ? " line" : " lines");
    }
    String grouping =
        list.threads()
            ? list.foldsCopies() ? " · threads, copies folded" : " · threads"
            : list.foldsCopies() ? " · copies folded" : "";
    String q = list.query() == null || list.query().isBlank() ? "(everything)" : list.query();
    String sel = selected.isEmpty() ? "" : " · " + selected.size() + " selected";
    String order =
        list.sort() == dossier.store.Sort.NEWEST
            ? ""
            : " · " + list.sort().name().toLowerCase(java.util.Locale.ROOT) + " first";
    if (list.sort() == dossier.store.Sort.TITLE || list.sort() == dossier.store.Sort.RELEVANCE) {
      order = " · by " + list.sort().name().toLowerCase(java.util.Locale.ROOT);
    }
    return "dossier review: " + Cells.line(q) + " · " + count + grouping + order + sel;
  }

  @Override
  public void draw(Canvas c, int from, int to) {
    int body = to - from;
    // the list takes a little over half the screen (12 rows at 80x24), all of it without preview
    int room = fullHeight ? body - 1 : (body - 1) * 60 / 100;
    rows =
        fullHeight
            ? Math.max(3, room)
            : Math.max(3, Math.min(room, (int) Math.max(3, list.size())));
    cursor = clamp(cursor);
    if (cursor < top) {
      top = cursor;
    }
    if (cursor >= top + rows) {
      top = cursor - rows + 1;
    }
    top = Math.max(0, Math.min(top, clamp((int) list.count() - rows)));
    Article current = list.get(cursor);
    if (current != null) {
      anchor = current.id();
    }
    long n = list.size();
    if (n == 0) {
      c.put(
          2,
          from,
          "Nothing matches. / edits the query, i shows new articles, ? lists the keys.",
          c.theme.dim);
    } else if (n < 0) {
      c.put(2, from, "loading…", c.theme.dim);
    }
    for (int r = 0; r < rows && n > 0; r++) {
      int i = top + r;
      if (i >= n) {
        break;
      }
      drawRow(c, from + r, list.line(i), list.get(i), i == cursor);
    }
    if (n == 0) {
      return; // nothing to separate: the hint stays alone, without a rule under it
    }
    int sep = from + rows;
    String pos = n > 0 ? " " + (cursor + 1) + " of " + n + " " : " ";
    c.put(0, sep, "──" + pos + "─".repeat(Math.max(0, c.width)), c.theme.dim);
    if (!fullHeight) {
      drawPreview(c, current, sep + 1, to);
    }
  }

  private void drawRow(Canvas c, int row, Tree.Line line, Article a, boolean isCursor) {
    Theme t = c.theme;
    Style base = isCursor ? t.cursor : t.normal;
    c.fillRow(row, base);
    c.put(0, row, isCursor ? ">" : " ", base);
    if (a == null) {
      c.put(2, row, "…", isCursor ? base : t.dim);
      return;
    }
    boolean sel = selected.contains(a.id());
    c.put(1, row, sel ? "+" : " ", isCursor ? base : t.selected);
    c.put(2, row, a.starred() ? "*" : " ", isCursor ? base : t.star);
    c.put(3, row, statusMark(a.status()), base);
    int col = 5;
    int w = c.width;
    if (w >= 60) {
      col = c.put(col, row, Cells.pad(date(a), 10), isCursor ? base : t.dim) + 1;
    }
    int srcW = Math.max(6, Math.min(18, w / 7));
    col =
        c.put(
                col,
                row,
                Cells.pad(Cells.line(a.source() == null ? "" : a.source()), srcW),
                isCursor ? base : t.dim)
            + 1;
    if (line != null && !line.marks().isEmpty()) {
      col = c.put(col, row, line.marks(), isCursor ? base : t.dim);
    }
    int rest = w - col;
    String title = Cells.line(a.title() == null ? "(untitled)" : a.title());
    // what is folded under the line goes right after the title, which is cut to make room
    String note = line == null || line.note() == null ? "" : " " + line.note();
    int noteW = Cells.width(note);
    rest = Math.max(0, rest - noteW);
    String tags = a.tags().isEmpty() ? "" : "[" + Cells.line(String.join(", ", a.tags())) + "]";
    int tagW = Cells.width(tags);
    int titleW = Cells.width(title);
    if (tagW > 0 && titleW + 1 + tagW > rest) {
      tagW = Math.min(tagW, Math.max(rest / 3, Math.min(tagW, rest - titleW - 1)));
    }
    int titleRoom = tagW > 0 ? rest - tagW - 1 : rest;
    col = c.put(col, row, Cells.fit(title, titleRoom), base);
    if (noteW > 0) {
      col = c.put(col, row, note, isCursor ? base : t.dim);
    }
    if (tagW > 0) {
      c.put(col + 1, row, Cells.fit(tags, tagW), isCursor ? base : t.tag);
    }
  }

  static String statusMark(Status s) {
    return switch (s) {
      case NEW -> "N";
      case READ -> "-";
      case REVIEWED -> "✓";
      case ARCHIVED -> "A";
    };
  }

  /** The publication date, or nothing: an undated article never shows its import date. */
  static String date(Article a) {
    String d = a.published();
    return d == null ? "" : Cells.line(d.length() > 10 ? d.substring(0, 10) : d);
  }

  private void drawPreview(Canvas c, Article a, int from, int to) {
    if (a == null || from >= to) {
      return;
    }
    Theme t = c.theme;
    Article full = list.full(a.id());
    int row = from;
    for (String l : first(Cells.wrap(Cells.line(title(a)), c.width), 2)) {
      c.put(0, row++, l, t.title);
    }
    if (row < to) {
      c.put(0, row++, meta(a), t.dim);
    }
    if (row < to) {
      int col = c.put(0, row, state(a), t.normal);
      if (!a.tags().isEmpty()) {
        col = c.put(col, row, "  tags: ", t.normal);
        c.put(col, row, Cells.line(String.join(", ", a.tags())), t.tag);
      }
      row++;
    }
    if (row < to && a.note() != null && !a.note().isBlank()) {
      c.put(0, row++, Cells.fit("note: " + Cells.line(a.note()), c.width), t.selected);
    }
    if (row < to) {
      row++;
    }
    if (full == null) {
      if (row < to) {
        c.put(0, row, list.isMissing(a.id()) ? "(this article was deleted)" : "loading…", t.dim);
      }
      return;
    }
    String body = full.body() == null ? "" : full.body();
    // only the first paragraphs are ever drawn here: wrap no more text than the preview can show
    String head = body.length() > 4000 ? body.substring(0, 4000) : body;
    for (String l : Cells.wrap(Cells.block(head), c.width)) {
      if (row >= to) {
        break;
      }
      c.put(0, row++, l, t.normal);
    }
  }

  static String title(Article a) {
    return a.title() == null || a.title().isBlank() ? "(untitled)" : a.title();
  }

  /** "source · 2024-08-15 · By A, B · 812 words" */
  static String meta(Article a) {
    StringBuilder b = new StringBuilder();
    add(b, a.source());
    add(b, date(a).isEmpty() ? "undated" : date(a));
    if (!a.authors().isEmpty()) {
      add(b, "by " + String.join(", ", a.authors()));
    }
    add(b, a.wordCount() + " words");
    add(b, "#" + a.id());
    return Cells.line(b.toString());
  }

  static String state(Article a) {
    return a.status().label() + (a.starred() ? " · starred" : "");
  }

  private static void add(StringBuilder b, String s) {
    if (s == null || s.isBlank()) {
      return;
    }
    if (b.length() > 0) {
      b.append(" · ");
    }
    b.append(s);
  }

  private static List<String> first(List<String> l, int n) {
    return l.size() > n ? l.subList(0, n) : l;
  }
}
