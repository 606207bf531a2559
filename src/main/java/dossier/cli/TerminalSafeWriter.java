package dossier.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The last line of defence between archive text and a terminal: every control character (C0 but
 * newline and tab, DEL, C1), line separators and bidirectional overrides become visible
 * placeholders, whatever printed them. Dossier's own color codes pass when color is on; any other
 * escape sequence is broken up. The printers already make the fields they know about safe; this
 * covers everything else (script formats such as TSV or Markdown shown on a terminal, messages that
 * quote a file name).
 */
final class TerminalSafeWriter extends FilterWriter {
  /** Longest escape sequence dossier writes itself, e.g. {@code ESC[1;33m}. */
  private static final int MAX_SGR = 12;

  private final boolean allowColor;
  private final boolean allowCarriageReturn;

  /** An escape sequence being read, to be let through or broken up once it is complete. */
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param allowColor let SGR color and weight codes through
   * @param allowCarriageReturn let {@code \r} through (progress lines on standard error)
   */
  TerminalSafeWriter(Writer out, boolean allowColor, boolean allowCarriageReturn) {
    super(out);
    this.allowColor = allowColor;
    this.allowCarriageReturn = allowCarriageReturn;
  }

  @Override
  public void write(int c) throws IOException {
    put((char) c);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      put(cbuf[i]);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      put(str.charAt(i));
    }
  }

  private void put(char c) throws IOException {
    if (!pending.isEmpty()) {
      pending.append(c);
      if (pending.length() == 2 && c != '[') {
        breakPending();
      } else if (c == 'm' && pending.length() > 2) {
        if (allowedSgr(pending)) {
          out.write(pending.toString());
          pending.setLength(0);
        } else {
          breakPending();
        }
      } else if (pending.length() > 2 && !(c == ';' || (c >= '0' && c <= '9'))) {
        breakPending();
      } else if (pending.length() > MAX_SGR) {
        breakPending();
      }
      return;
    }
    if (c == '\u001b' && allowColor) {
      pending.append(c);
      return;
    }
    out.write(safe(c));
  }

  /** Writes a sequence that turned out not to be one of ours with its controls made visible. */
  private void breakPending() throws IOException {
    String s = pending.toString();
    pending.setLength(0);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i > 0 && c == '\u001b' && allowColor) {
        // it may start a sequence of ours
        write(s, i, s.length() - i);
        return;
      }
      out.write(safe(c));
    }
  }

  /** Color, weight, underline and italics; never conceal, blink, reverse or backgrounds. */
  private static boolean allowedSgr(CharSequence seq) {
    String params = seq.subSequence(2, seq.length() - 1).toString();
    if (params.isEmpty()) {
      return true;
    }
    for (String p : params.split(";", -1)) {
      if (p.isEmpty() || p.length() > 2) {
        return false;
      }
      int n = Integer.parseInt(p);
      boolean ok =
          n <= 4
              || n == 22
              || n == 23
              || n == 24
              || (n >= 30 && n <= 37)
              || n == 39
              || (n >= 90 && n <= 97);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private char safe(char c) {
    if (c == '\n' || c == '\t' || (c == '\r' && allowCarriageReturn)) {
      return c;
    }
    if (c < 0x20) {
      return (char) (0x2400 + c); // Unicode "control pictures"
    }
    if (c == 0x7f) {
      return '\u2421';
    }
    if ((c > 0x7f && c < 0xa0)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')) {
      return '\uFFFD';
    }
    return c;
  }

  @Override
  public void flush() throws IOException {
    if (!pending.isEmpty()) {
      // a sequence of ours is always written whole: one cut by a flush is not ours
      breakPending();
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!pending.isEmpty()) {
      breakPending();
    }
    out.close();
  }
}
