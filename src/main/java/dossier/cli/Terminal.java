package dossier.cli;

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

  private Terminal() {}

  /** Terminal width from $COLUMNS, else 100; only used when writing to a terminal. */
  static int width(Env env) {
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
    return 100;
  }

  /** Columns a string takes on a terminal: wide East Asian characters take two, marks none. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += charWidth(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  static int charWidth(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD)) {
      return 2;
    }
    return 1;
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
    String safe = Text.safeForTerminal(Text.oneLine(s), false);
    return safe.replace(String.valueOf(Hit.MARK_START), color ? BOLD : "[")
        .replace(String.valueOf(Hit.MARK_END), color ? RESET : "]");
  }
}
