package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A question to the terminal reaches it while the answer is awaited; the rest stays buffered. */
class TerminalOutputTest {
  @Test
  void aRequestForTheCursorPositionIsFlushedAtOnce() throws IOException {
    ByteArrayOutputStream tty = new ByteArrayOutputStream();
    TerminalOutput out = new TerminalOutput(new BufferedOutputStream(tty, 1 << 16));
    out.write("\u001b[2J".getBytes(StandardCharsets.US_ASCII));
    out.write('x');
    assertThat(tty.size()).as("drawing stays in the buffer").isZero();
    // what Lanterna writes to learn the size: save, move far away, ask, restore
    out.write("\u001b7".getBytes(StandardCharsets.US_ASCII));
    out.write("\u001b[5000;5000H".getBytes(StandardCharsets.US_ASCII));
    out.write("\u001b[6n".getBytes(StandardCharsets.US_ASCII));
    assertThat(tty.toString(StandardCharsets.US_ASCII))
        .isEqualTo("\u001b[2Jx\u001b7\u001b[5000;5000H\u001b[6n");
    out.write("\u001b8".getBytes(StandardCharsets.US_ASCII));
    assertThat(tty.toString(StandardCharsets.US_ASCII)).doesNotEndWith("\u001b8");
    out.flush();
    assertThat(tty.toString(StandardCharsets.US_ASCII)).endsWith("\u001b[6n\u001b8");
  }
}
