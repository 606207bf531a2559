package dossier.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How many terminal columns text takes: the one measure behind the command tables, the progress bar
 * and the review UI, so that what lines up in one lines up in the other. Wide characters (Hangul,
 * CJK, fullwidth forms) take two columns, marks and format characters none. The wide ranges of the
 * Basic Multilingual Plane are the ones Lanterna uses to place the next character on its screen (a
 * test holds them together over every code point), and Lanterna draws every character beyond that
 * plane (emoji, the rarer CJK ideographs) in two cells.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  /** Columns one code point takes: 0, 1 or 2. */
  public static int of(int cp) {
    if (isZeroWidth(cp)) {
      return 0;
    }
    if (cp > 0xFFFF) {
      return 2;
    }
    return (cp >= 0x1100 && cp <= 0x11FF)
            || (cp >= 0x2E80 && cp <= 0x2EFF)
            || (cp >= 0x3000 && cp <= 0x30FF)
            || (cp >= 0x3130 && cp <= 0x318F)
            || (cp >= 0x31F0 && cp <= 0x32FF)
            || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x4E00 && cp <= 0x9FFF)
            || (cp >= 0xAC00 && cp <= 0xD7AF)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
        ? 2
        : 1;
  }

  /** Columns a string takes. */
  public static int of(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += of(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** True for what a terminal draws on top of the previous cell, or not at all. */
  public static boolean isZeroWidth(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || cp == 0x200B;
  }

  /**
   * Wraps text to {@code width} columns at spaces; a word longer than a line is broken. Each input
   * line break starts a new line, so a blank line between paragraphs stays blank.
   */
  public static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    int w = Math.max(1, width);
    for (String para : text.split("\n", -1)) {
      String p = para.strip();
      if (p.isEmpty()) {
        out.add("");
        continue;
      }
      StringBuilder line = new StringBuilder();
      int used = 0;
      for (String word : p.split(" +")) {
        int ww = of(word);
        if (used > 0 && used + 1 + ww <= w) {
          line.append(' ').append(word);
          used += 1 + ww;
          continue;
        }
        if (used > 0) {
          out.add(line.toString());
          line.setLength(0);
          used = 0;
        }
        // a word that does not fit on a line of its own is broken where the line ends
        for (int i = 0; i < word.length(); ) {
          int cp = word.codePointAt(i);
          int cw = of(cp);
          if (used + cw > w && used > 0) {
            out.add(line.toString());
            line.setLength(0);
            used = 0;
          }
          line.appendCodePoint(cp);
          used += cw;
          i += Character.charCount(cp);
        }
      }
      out.add(line.toString());
    }
    return out;
  }
}
