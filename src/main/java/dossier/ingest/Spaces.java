package dossier.ingest;

/** Whitespace clean-up used on every line the extractors look at, without regular expressions. */
final class Spaces {
  private Spaces() {}

  /** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
  static String collapse(String s) {
    return s == null ? "" : collapse(s, 0, s.length());
  }

  /** {@link #collapse(String)} of {@code s.substring(from, to)}, without copying it first. */
  static String collapse(String s, int from, int to) {
    int a = from;
    int z = to;
    while (a < z && isSpace(s.charAt(a))) {
      a++;
    }
    while (z > a && isSpace(s.charAt(z - 1))) {
      z--;
    }
    boolean clean = true;
    for (int i = a; i < z; i++) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1)))) {
        clean = false;
        break;
      }
    }
    if (clean) {
      return a == 0 && z == s.length() ? s : s.substring(a, z);
    }
    StringBuilder b = new StringBuilder(z - a);
    boolean space = false;
    for (int i = a; i < z; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        space = true;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  static boolean isSpace(char c) {
    if (c < 0x100) {
      // Character.isWhitespace in this range: tab to carriage return, the four separators
      // U+001C to U+001F, and space; plus the no-break space
      return c <= ' ' ? c == ' ' || c >= 0x1c || c >= '\t' && c <= '\r' : c == '\u00a0';
    }
    return Character.isWhitespace(c) || c == '\u2007' || c == '\u202f';
  }
}
