package dossier.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import dossier.tui.Theme.Style;

/**
 * Draws onto the screen's back buffer, one code point per cell, clipped to the screen. Strings must
 * already be drawable ({@link Cells#line}); this class never sees raw article text.
 */
final class Canvas {
  private final Screen screen;
  final Theme theme;
  final int width;
  final int height;

  Canvas(Screen screen, Theme theme) {
    this.screen = screen;
    this.theme = theme;
    this.width = screen.getTerminalSize().getColumns();
    this.height = screen.getTerminalSize().getRows();
  }

  /**
   * Writes {@code s} from column {@code col}, stopping at {@code limit}; returns the next column.
   */
  int put(int col, int row, String s, Style style, int limit) {
    int end = Math.min(limit, width);
    if (row < 0 || row >= height) {
      return col;
    }
    int c = col;
    for (int i = 0; i < s.length() && c < end; ) {
      int cp = s.codePointAt(i);
      int w = Cells.width(cp);
      if (c + w > end) {
        break;
      }
      String ch = new String(Character.toChars(cp));
      TextCharacter tc =
          TextCharacter.fromString(ch, style.fgOrDefault(), style.bgOrDefault(), style.sgr())[0];
      screen.setCharacter(c, row, tc);
      c += w;
      i += Character.charCount(cp);
    }
    return c;
  }

  int put(int col, int row, String s, Style style) {
    return put(col, row, s, style, width);
  }

  /** Paints columns {@code from} to {@code to} (exclusive) of a row with spaces in a style. */
  void fill(int row, int from, int to, Style style) {
    if (row < 0 || row >= height) {
      return;
    }
    TextCharacter space =
        TextCharacter.fromString(" ", style.fgOrDefault(), style.bgOrDefault(), style.sgr())[0];
    for (int c = Math.max(0, from); c < Math.min(to, width); c++) {
      screen.setCharacter(c, row, space);
    }
  }

  void fillRow(int row, Style style) {
    fill(row, 0, width, style);
  }

  void clear() {
    screen.clear();
  }

  /** Shows the text cursor at a cell (for line editing), or hides it with null. */
  void cursor(TerminalPosition p) {
    screen.setCursorPosition(p);
  }
}
