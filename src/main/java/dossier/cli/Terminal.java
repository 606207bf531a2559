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
    String cut = cut(s, width, false, false);
    return cut + " ".repeat(Math.max(0, width - displayWidth(cut)));
  }

  /**
   * {@code s} cut to {@code width - 1} columns and an ellipsis. With {@code marks}, a snippet's
   * match markers take no columns and a match cut in the middle is closed. With {@code words}, the
   * cut goes back to the last space when that leaves at least half the line, so that a line of
   * running text does not end in half a word.
   */
  private static String cut(String s, int width, boolean marks, boolean words) {
    StringBuilder b = new StringBuilder();
    int used = 0;
    boolean open = false;
    int space = -1;
    int usedAtSpace = 0;
    boolean openAtSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (marks && (cp == Hit.MARK_START || cp == Hit.MARK_END)) {
        open = cp == Hit.MARK_START;
        b.appendCodePoint(cp);
        continue;
      }
      int cw = charWidth(cp);
      if (used + cw > width - 1) {
        if (words && cp != ' ' && space > 0 && usedAtSpace >= width / 2) {
          b.setLength(space);
          open = openAtSpace;
        }
        break;
      }
      if (cp == ' ') {
        space = b.length();
        usedAtSpace = used;
        openAtSpace = open;
      }
      b.appendCodePoint(cp);
      used += cw;
    }
    if (open) {
      b.append(Hit.MARK_END);
    }
    return b.append('…').toString();
  }

  /** A snippet with its match markers turned into bold (color) or brackets (plain). */
  static String snippet(String s, boolean color) {
    return snippet(s, color, 0);
  }

  /**
   * A snippet as {@link #snippet(String, boolean)} makes it, cut with an ellipsis to {@code width}
   * columns when that is above 0. The cut is made before the markers become escape codes, so bold
   * takes no columns and a match cut in the middle is still closed.
   */
  static String snippet(String s, boolean color, int width) {
    // FTS5 marks each word of a phrase on its own ("[harbour] [strike]"): words matched side by
    // side are shown as the one phrase they are
    String joined =
        s.indexOf(Hit.MARK_START, s.indexOf(Hit.MARK_END) + 1) < 0
            ? s
            : PHRASE_GAP.matcher(s).replaceAll("$1");
    String safe = Text.safeForTerminal(Text.oneLine(joined), false);
    if (width > 0) {
      safe = matchInView(safe, width);
    }
    if (!color) {
      String plain = safe.replace(Hit.MARK_START, '[').replace(Hit.MARK_END, ']');
      return width > 0 && displayWidth(plain) > width ? cut(plain, width, false, true) : plain;
    }
    if (width > 0) {
      safe = fitMarked(safe, width);
    }
    return safe.replace(String.valueOf(Hit.MARK_START), BOLD)
        .replace(String.valueOf(Hit.MARK_END), RESET);
  }

  /**
   * The snippet with words left out at its start (and an ellipsis instead) when its first match
   * would end beyond {@code width} columns: the index starts a snippet at a sentence where it can,
   * which on a long line can put the match past the cut.
   */
  static String matchInView(String s, int width) {
    int end = s.indexOf(Hit.MARK_END);
    if (end < 0 || displayWidth(s.substring(0, end)) + 1 <= width - 2) {
      return s;
    }
    int start = s.indexOf(Hit.MARK_START);
    int keep = Math.max(1, width * 2 / 3);
    for (int i = s.indexOf(' '); i >= 0 && i < start; i = s.indexOf(' ', i + 1)) {
      if (displayWidth(s.substring(i + 1, end)) + 2 <= keep) {
        return "…" + s.substring(i + 1);
      }
    }
    return "…" + s.substring(Math.max(0, start));
  }

  /** A snippet cut to {@code width} columns, its match markers taking none. */
  private static String fitMarked(String s, int width) {
    String bare =
        s.replace(String.valueOf(Hit.MARK_START), "").replace(String.valueOf(Hit.MARK_END), "");
    return displayWidth(bare) <= width ? s : cut(s, width, true, true);
  }
}
