package dossier.tui;

import dossier.core.DisplayWidth;
import dossier.core.Text;
import java.util.List;

/**
 * Text as terminal cells: what an article string looks like once it is safe to draw, how many
 * columns it takes, and how it is cut and wrapped to a width. Widths agree with Lanterna's, which
 * decides where the next character goes on the screen.
 */
final class Cells {
  static final String ELLIPSIS = "…";

  private Cells() {}

  /** One line of article text: whitespace collapsed, control characters as placeholders. */
  static String line(String s) {
    return drawable(Text.safeForTerminal(Text.oneLine(s), false));
  }

  /**
   * Text with its line breaks kept (article bodies and notes): control characters become
   * placeholders, tabs become spaces.
   */
  static String block(String s) {
    return drawable(Text.safeForTerminal(s, true).replace('\t', ' '));
  }

  /**
   * Composes accents onto their letters and drops what takes no column (remaining combining marks,
   * zero-width and format characters): a terminal draws those on top of the previous cell, which
   * Lanterna would count as a cell of its own.
   */
  private static String drawable(String s) {
    String n = Text.nfc(s);
    StringBuilder b = null;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      int len = Character.charCount(cp);
      boolean zero = isZeroWidth(cp);
      if (zero && b == null) {
        b = new StringBuilder(n.length());
        b.append(n, 0, i);
      } else if (!zero && b != null) {
        b.appendCodePoint(cp);
      }
      i += len;
    }
    return b == null ? n : b.toString();
  }

  private static boolean isZeroWidth(int cp) {
    return DisplayWidth.isZeroWidth(cp);
  }

  /** Columns one code point takes. */
  static int width(int cp) {
    return DisplayWidth.of(cp);
  }

  /** Columns a (drawable) string takes. */
  static int width(String s) {
    return DisplayWidth.of(s);
  }

  /** {@code s} cut to at most {@code max} columns, ending in an ellipsis when it was cut. */
  static String fit(String s, int max) {
    if (max <= 0) {
      return "";
    }
    if (width(s) <= max) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int w = width(cp);
      if (used + w > max - 1) {
        break;
      }
      b.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return b.append(ELLIPSIS).toString();
  }

  /** {@code s} fitted to exactly {@code width} columns: cut, or padded with spaces. */
  static String pad(String s, int width) {
    String f = fit(s, width);
    return f + " ".repeat(Math.max(0, width - width(f)));
  }

  /**
   * Wraps text to {@code width} columns at spaces; a word longer than a line is broken. Each input
   * line break starts a new line, so a blank line between paragraphs stays blank.
   */
  static List<String> wrap(String text, int width) {
    return DisplayWidth.wrap(text, width);
  }
}
