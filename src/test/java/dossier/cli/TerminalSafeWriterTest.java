package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalSafeWriterTest {
  private static String through(String s, boolean color, boolean cr) throws IOException {
    StringWriter w = new StringWriter();
    try (TerminalSafeWriter t = new TerminalSafeWriter(w, () -> color, cr)) {
      t.write(s);
    }
    return w.toString();
  }

  @Test
  void dossiersOwnColorsPassWhenColorIsOn() throws IOException {
    String s =
        Terminal.BOLD
            + "title"
            + Terminal.RESET
            + " "
            + Terminal.DIM
            + "dim"
            + Terminal.RESET
            + Terminal.YELLOW
            + "warn"
            + Terminal.RESET;
    assertThat(through(s, true, false)).isEqualTo(s);
  }

  @Test
  void colorsDossierDoesNotWriteItselfAreBrokenUpToo() throws IOException {
    // black on a black terminal hides the text; bold with yellow is not a code of dossier's
    assertThat(through("\u001b[30mhidden\u001b[1;33mwarn\u001b[m", true, false))
        .isEqualTo("\u241b[30mhidden\u241b[1;33mwarn\u241b[m");
  }

  @Test
  void otherSequencesAreBrokenUp() throws IOException {
    assertThat(through("a\u001b]0;pwned\u0007b", true, false)).isEqualTo("a\u241b]0;pwned\u2407b");
    assertThat(through("\u001b[2J\u001b[8mhidden\u001b[41m", true, false))
        .isEqualTo("\u241b[2J\u241b[8mhidden\u241b[41m");
    assertThat(through("\u001b\u001b[1mx", true, false)).isEqualTo("\u241b\u001b[1mx");
    assertThat(through("cut \u001b[1", true, false)).isEqualTo("cut \u241b[1");
  }

  @Test
  void withoutColorNoEscapeAtAll() throws IOException {
    assertThat(through(Terminal.BOLD + "t" + Terminal.RESET, false, false))
        .isEqualTo("\u241b[1mt\u241b[0m");
  }

  @Test
  void c1ControlsBidiAndCarriageReturnsAreReplaced() throws IOException {
    assertThat(through("a\u009b2Jb\u202ec\u2066d\r\n\te", false, false))
        .isEqualTo("a\ufffd2Jb\ufffdc\ufffdd\u240d\n\te");
    assertThat(through("50%\r60%", false, true)).isEqualTo("50%\r60%");
  }
}
