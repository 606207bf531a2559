package dossier.tui;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The review UI's way to the terminal: writes pass through to a buffered stream, and a request for
 * the cursor's position ({@code ESC [ 6 n}) is flushed at once. Lanterna learns the terminal's size
 * by asking for the position of a cursor moved far down and right, then waits for the answer; a
 * request left in the buffer is never answered, and Lanterna gives up after five seconds, on every
 * start and every resize.
 */
final class TerminalOutput extends FilterOutputStream {
  private static final byte[] POSITION_REQUEST = {0x1b, '[', '6', 'n'};

  TerminalOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    if (endsWithRequest(b, off, len)) {
      out.flush();
    }
  }

  private static boolean endsWithRequest(byte[] b, int off, int len) {
    int n = POSITION_REQUEST.length;
    if (len < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[off + len - n + i] != POSITION_REQUEST[i]) {
        return false;
      }
    }
    return true;
  }
}
