package dossier.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Small pure text helpers shared by the extractors, the store and the printers. */
public final class Text {
  private Text() {}

  public static int wordCount(String s) {
    return s == null ? 0 : countWords(s, Integer.MAX_VALUE);
  }

  /**
   * True when {@code s} has more than {@code max} words (as {@link #wordCount} counts them); stops
   * counting there, so a long paragraph costs no more than its first words.
   */
  public static boolean hasMoreWords(String s, int max) {
    return s != null && countWords(s, max) > max;
  }

  /** The words of {@code s}, counting no further than {@code max} + 1. */
  private static int countWords(String s, int max) {
    int n = 0;
    boolean in = false;
    int len = s.length();
    for (int i = 0; i < len; ) {
      char c = s.charAt(i);
      boolean w;
      if (c < 0x80) {
        w = c >= 'a' ? c <= 'z' : c >= 'A' ? c <= 'Z' : c >= '0' && c <= '9';
        i++;
      } else if (!Character.isSurrogate(c)) {
        w = Character.isLetterOrDigit(c);
        i++;
      } else {
        int cp = s.codePointAt(i);
        w = Character.isLetterOrDigit(cp);
        i += Character.charCount(cp);
      }
      if (w && !in && ++n > max) {
        return n;
      }
      in = w;
    }
    return n;
  }

  /** sha256 hex of the UTF-8 bytes of {@code s}. */
  public static String sha256(String s) {
    return sha256(new String[] {s});
  }

  /** sha256 hex of the UTF-8 bytes of the strings one after the other, without joining them. */
  public static String sha256(String... parts) {
    MessageDigest md = SHA256.get();
    md.reset(); // in case a call before failed halfway
    for (String p : parts) {
      md.update(p.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest()); // digest() leaves it reset for the next call
  }

  /** One digest per thread: looking the algorithm up in the providers costs more than a title. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Replaces control characters (C0, DEL, C1, and escape-sequence starters) with visible
   * placeholders so that text from an article can never drive the terminal. Newlines and tabs are
   * kept when {@code keepNewlines} is true.
   */
  public static String safeForTerminal(String s, boolean keepNewlines) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control =
          (c < 0x20 && !(keepNewlines && (c == '\n' || c == '\t')))
              || (c >= 0x7f && c < 0xa0)
              || c == '\u2028'
              || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069');
      if (control) {
        if (b == null) {
          b = new StringBuilder(s.length() + 8);
          b.append(s, 0, i);
        }
        if (c < 0x20) {
          b.append((char) (0x2400 + c)); // Unicode "control pictures" block
        } else if (c == 0x7f) {
          b.append('\u2421');
        } else {
          b.append('\uFFFD');
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * Backslash, line feed, carriage return and tab written as {@code \\}, {@code \n}, {@code \r} and
   * {@code \t}: the escapes of a TSV cell and of PostgreSQL's COPY text format alike, so that
   * nothing in a value ends its field or its row. The string itself when it holds none of them.
   */
  public static String escapeTabular(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc =
          switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            default -> null;
          };
      if (esc != null && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        if (esc != null) {
          b.append(esc);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /** Collapses all whitespace runs to one space and trims. */
  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    // each run of the white space that \s names (space, tab, line feed, vertical tab, form feed,
    // carriage return) becomes one space; a loop, not a regex, as it runs for every line printed
    StringBuilder b = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && (c != ' ' || (i + 1 < n && isRegexSpace(s.charAt(i + 1))))) {
        if (b == null) {
          b = new StringBuilder(n).append(s, 0, i);
        }
        b.append(' ');
        while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return (b == null ? s : b.toString()).trim();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /**
   * {@code s} in Unicode's composed form (NFC). Text with no character from U+0300 on (the first
   * combining mark) is already composed and comes back as it is, without loading the JDK's
   * normalization tables (a few milliseconds on the first call of a run).
   */
  public static String nfc(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\u0300') {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
      }
    }
    return s;
  }

  /**
   * {@code n} with a comma between each group of three digits ("12,345"), as {@code %,d} writes it.
   */
  public static String grouped(long n) {
    String digits = Long.toString(n);
    int start = n < 0 ? 1 : 0;
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
    for (int i = 0; i < digits.length(); i++) {
      if (i > start && (digits.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }

  /** Cuts {@code s} to at most {@code max} code points, at a word boundary when one is near. */
  public static String cutAtWord(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, max);
    int space = s.lastIndexOf(' ', end);
    if (space > max / 2) {
      end = space;
    }
    return s.substring(0, end).replaceAll("[\\s,;:\\-–—]+$", "") + "…";
  }

  /**
   * Lower case, every run of characters that are neither letters nor numbers one space, trimmed:
   * the words of {@code s} as texts are compared by them (the runs of Unicode's categories L and N
   * in its lower-case form).
   */
  public static String words(String s) {
    String low = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(low.length());
    boolean gap = false;
    for (int i = 0; i < low.length(); ) {
      int cp = low.codePointAt(i);
      i += Character.charCount(cp);
      if (isLetterOrNumber(cp)) {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return b.toString();
  }

  /** What {@code \\p{L}} and {@code \\p{N}} match. */
  private static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
