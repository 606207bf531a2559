package dossier.tui;

import java.util.ArrayList;
import java.util.List;

/** Every action with its keys, per screen, straight from the action table. */
final class HelpView implements View {
  private int scroll;
  private int rows = 10;
  private List<String[]> lines = List.of();

  @Override
  public Where where() {
    return Where.HELP;
  }

  @Override
  public String header() {
    return "dossier review: keys (q or Esc goes back)";
  }

  /** The help text: a title row per screen, then "keys" and "what it does" for each action. */
  static List<String[]> lines() {
    List<String[]> out = new ArrayList<>();
    for (Where w : new Where[] {Where.LIST, Where.READER}) {
      out.add(new String[] {w.title, null});
      for (Action a : Action.on(w)) {
        out.add(new String[] {a.keyText(), a.label + ": " + a.help});
      }
      out.add(new String[] {"", ""});
    }
    out.add(new String[] {"Prompts", null});
    out.add(new String[] {"Enter", "accept"});
    out.add(new String[] {"Esc", "cancel"});
    out.add(new String[] {"Tab", "complete the highlighted choice"});
    out.add(new String[] {"Up, Down", "choose from the list"});
    out.add(new String[] {"Ctrl-U", "clear the line"});
    out.add(new String[] {"", ""});
    out.add(new String[] {"Markers", null});
    out.add(new String[] {"N - ✓ A", "new, read, reviewed, archived"});
    out.add(new String[] {"*", "starred"});
    out.add(new String[] {"+", "selected"});
    out.add(new String[] {"├─ └─", "the articles of a story (= threads)"});
    out.add(new String[] {"+11 copies", "copies folded under the line (Z, z)"});
    return out;
  }

  @Override
  public boolean move(Action a) {
    int max = Math.max(0, lines.size() - rows);
    switch (a) {
      case DOWN -> scroll++;
      case UP -> scroll--;
      case PAGE_DOWN -> scroll += Math.max(1, rows - 1);
      case PAGE_UP -> scroll -= Math.max(1, rows - 1);
      case FIRST -> scroll = 0;
      case LAST -> scroll = max;
      default -> {
        return false;
      }
    }
    scroll = Math.max(0, Math.min(scroll, max));
    return true;
  }

  @Override
  public void draw(Canvas c, int from, int to) {
    int keyW = Math.min(26, c.width / 3);
    List<String[]> shown = new ArrayList<>();
    for (String[] l : lines()) {
      if (l[1] == null) {
        shown.add(l);
        continue;
      }
      List<String> text = Cells.wrap(l[1], Math.max(10, c.width - keyW - 2));
      for (int i = 0; i < text.size(); i++) {
        shown.add(new String[] {i == 0 ? l[0] : "", text.get(i)});
      }
    }
    lines = shown;
    rows = Math.max(1, to - from);
    scroll = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - rows)));
    for (int r = 0; r < rows && scroll + r < lines.size(); r++) {
      String[] l = lines.get(scroll + r);
      int row = from + r;
      if (l[1] == null) {
        c.put(0, row, l[0], c.theme.title);
      } else {
        c.put(2, row, Cells.fit(l[0], keyW - 1), c.theme.key);
        c.put(2 + keyW, row, l[1], c.theme.normal);
      }
    }
  }
}
