package dossier.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.List;

/**
 * How each kind of text looks. Without color ({@code --color=never}, {@code NO_COLOR}) only bold
 * and reverse video tell things apart.
 */
final class Theme {
  /** One look: colors (the terminal's defaults when null) and modifiers. */
  record Style(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    static Style of(TextColor fg, TextColor bg, SGR... sgr) {
      EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
      set.addAll(List.of(sgr));
      return new Style(fg, bg, set);
    }

    TextColor fgOrDefault() {
      return fg == null ? TextColor.ANSI.DEFAULT : fg;
    }

    TextColor bgOrDefault() {
      return bg == null ? TextColor.ANSI.DEFAULT : bg;
    }
  }

  final Style normal;
  final Style header;
  final Style cursor;
  final Style selected;
  final Style dim;
  final Style tag;
  final Style star;
  final Style title;
  final Style error;
  final Style key;
  final Style box;

  private Theme(boolean color) {
    normal = Style.of(null, null);
    if (color) {
      header = Style.of(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, SGR.BOLD);
      cursor = Style.of(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN);
      selected = Style.of(TextColor.ANSI.MAGENTA_BRIGHT, null, SGR.BOLD);
      dim = Style.of(TextColor.ANSI.WHITE, null);
      tag = Style.of(TextColor.ANSI.CYAN, null);
      star = Style.of(TextColor.ANSI.YELLOW_BRIGHT, null, SGR.BOLD);
      title = Style.of(null, null, SGR.BOLD);
      error = Style.of(TextColor.ANSI.RED_BRIGHT, null, SGR.BOLD);
      key = Style.of(TextColor.ANSI.GREEN_BRIGHT, null, SGR.BOLD);
      box = Style.of(null, TextColor.ANSI.BLACK_BRIGHT);
    } else {
      header = Style.of(null, null, SGR.REVERSE);
      cursor = Style.of(null, null, SGR.REVERSE);
      selected = Style.of(null, null, SGR.BOLD);
      dim = normal;
      tag = normal;
      star = Style.of(null, null, SGR.BOLD);
      title = Style.of(null, null, SGR.BOLD);
      error = Style.of(null, null, SGR.BOLD);
      key = Style.of(null, null, SGR.BOLD);
      box = normal;
    }
  }

  static Theme of(boolean color) {
    return new Theme(color);
  }
}
