package dossier.cli;

import dossier.core.DisplayWidth;
import dossier.core.Hit;
import dossier.core.Text;

/** Rendering for people: display widths, truncation, bold and dim, safe text. */
final class Terminal {
  static final String BOLD = "\033[1m";
  static final String DIM = "\033[2m";
  static final String YELLOW = "\033[33m";
  static final String CYAN = "\033[36m";
  static final String RESET = "\033[0m";
  static final String RED = "\033[31m";
  static final String GREEN = "\033[32m";

  /** Every escape sequence dossier writes to a terminal itself: nothing else passes. */
  static final java.util.Set<String> CODES =
      java.util.Set.of(BOLD, DIM, YELLOW, CYAN, RESET, RED, GREEN);

  private static final java.util.regex.Pattern PHRASE_GAP =
      java.util.regex.Pattern.compile(Hit.MARK_END + "(\\s+)" + Hit.MARK_START);

  private Terminal() {}

  /**
   * The terminal's width as the launcher measured it, else $COLUMNS (which bash sets but does not
   * export), else 80; only used when writing to a terminal.
   */
  static int width(Env env) {
    if (env.columns() >= 20) {
      return env.columns();
    }
    String c = env.get("COLUMNS");
    if (c != null) {
      try {
        int w = Integer.parseInt(c.trim());
        if (w >= 20) {
          return w;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    return 80;
  }

  /** Columns a string takes on a terminal: see {@link DisplayWidth}. */
  static int displayWidth(String s) {
    return DisplayWidth.of(s);
  }

  static int charWidth(int cp) {
    return DisplayWidth.of(cp);
  }

  /** Cuts {@code s} to {@code width} columns with an ellipsis, then pads it to exactly that. */
  static String fit(String s, int width) {
    if (width <= 0) {
      return "";
    }
    int w = displayWidth(s);
    if (w <= width) {
      return s + " ".repeat(width - w);
    }
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = charWidth(cp);
      if (used + cw > width - 1) {
        break;
      }
      b.appendCodePoint(cp);
      used += cw;
      i += Character.charCount(cp);
    }
    b.append('…');
    used++;
    return b + " ".repeat(Math.max(0, width - used));
  }

  /** A snippet with its match markers turned into bold (color) or brackets (plain). */
  static String snippet(String s, boolean color) {
    // FTS5 marks each word of a phrase on its own ("[harbour] [strike]"): words matched side by
    // side are shown as the one phrase they are
    String joined = PHRASE_GAP.matcher(s).replaceAll("$1");
    String safe = Text.safeForTerminal(Text.oneLine(joined), false);
    return safe.replace(String.valueOf(Hit.MARK_START), color ? BOLD : "[")
        .replace(String.valueOf(Hit.MARK_END), color ? RESET : "]");
  }
}
