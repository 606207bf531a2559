package dossier.ingest;

/** Whitespace clean-up used on every line the extractors look at, without regular expressions. */
final class Spaces {
  private Spaces() {}

  /** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
  static String collapse(String s) {
    if (s == null) {
      return "";
    }
    int n = s.length();
    boolean clean = n == 0 || (!isSpace(s.charAt(0)) && !isSpace(s.charAt(n - 1)));
    for (int i = 0; clean && i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))))) {
        clean = false;
      }
    }
    if (clean) {
      return s;
    }
    StringBuilder b = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        space = b.length() > 0;
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
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f';
  }
}
