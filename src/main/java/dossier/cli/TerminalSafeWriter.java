package dossier.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * The last line of defence between archive text and a terminal: every control character (C0 but
 * newline and tab, DEL, C1), line separators and bidirectional overrides become visible
 * placeholders, whatever printed them. Dossier's own color codes ({@link Terminal#CODES}, exactly)
 * pass when the command colors its output; any other escape sequence is broken up, an {@code
 * ESC[30m} that would hide text as much as a screen-clearing {@code ESC[2J}. The printers already
 * make the fields they know about safe; this covers everything else (script formats such as TSV or
 * Markdown shown on a terminal, messages that quote a file name).
 */
final class TerminalSafeWriter extends FilterWriter {
  /** Longest escape sequence dossier writes itself, e.g. {@code ESC[1;33m}. */
  private static final int MAX_SGR = 12;

  private final BooleanSupplier allowColor;
  private final boolean allowCarriageReturn;

  /** An escape sequence being read, to be let through or broken up once it is complete. */
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param allowColor whether dossier's own color codes may pass, asked as they come (a command
   *     decides to color once its format is known)
   * @param allowCarriageReturn let {@code \r} through (progress lines on standard error)
   */
  TerminalSafeWriter(Writer out, BooleanSupplier allowColor, boolean allowCarriageReturn) {
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
        if (Terminal.CODES.contains(pending.toString())) {
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
    if (c == '\u001b' && allowColor.getAsBoolean()) {
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
      if (i > 0 && c == '\u001b') {
        // it may start a sequence of ours
        write(s, i, s.length() - i);
        return;
      }
      out.write(safe(c));
    }
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
