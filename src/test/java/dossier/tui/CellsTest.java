package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalTextUtils;
import dossier.core.DisplayWidth;
import org.junit.jupiter.api.Test;

class CellsTest {
  @Test
  void theOneWidthFunctionAgreesWithWhereLanternaPlacesCharacters() {
    // the command tables and the review UI measure with DisplayWidth; Lanterna decides where the
    // next character goes on its screen: over every drawable code point they must agree
    for (int cp = 0x20; cp <= 0xFFFF; cp++) {
      if (DisplayWidth.isZeroWidth(cp) || Character.isISOControl(cp)) {
        continue;
      }
      int lanterna = TerminalTextUtils.isCharDoubleWidth((char) cp) ? 2 : 1;
      assertThat(DisplayWidth.of(cp)).as("U+%04X", cp).isEqualTo(lanterna);
    }
    assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
  }

  @Test
  void wideCharactersTakeTwoColumns() {
    assertThat(Cells.width("abc")).isEqualTo(3);
    assertThat(Cells.width("漢字")).isEqualTo(4);
    assertThat(Cells.width("😀")).isEqualTo(2);
  }

  @Test
  void fitCutsByWidthWithAnEllipsis() {
    assertThat(Cells.fit("short", 10)).isEqualTo("short");
    assertThat(Cells.fit("a long title", 6)).isEqualTo("a lon…");
    // a wide character that would straddle the edge is left out
    assertThat(Cells.fit("ab漢字", 4)).isEqualTo("ab…");
    assertThat(Cells.width(Cells.fit("漢字漢字漢字", 7))).isLessThanOrEqualTo(7);
    assertThat(Cells.pad("ab", 4)).isEqualTo("ab  ");
  }

  @Test
  void controlCharactersBecomePlaceholdersAndMarksCompose() {
    assertThat(Cells.line("red \u001b[31mtext\u0007 bell")).isEqualTo("red ␛[31mtext␇ bell");
    assertThat(Cells.line("line\nbreak\ttab")).isEqualTo("line break tab");
    assertThat(Cells.line("e\u0301")).isEqualTo("é");
    assertThat(Cells.line("zero\u200bwidth\u202eltr")).doesNotContain("\u200b", "\u202e");
    assertThat(Cells.block("one\n\ntwo\u001b")).isEqualTo("one\n\ntwo␛");
  }

  @Test
  void wrapBreaksAtSpacesAndKeepsBlankLines() {
    assertThat(Cells.wrap("the quick brown fox", 10)).containsExactly("the quick", "brown fox");
    assertThat(Cells.wrap("one\n\ntwo", 10)).containsExactly("one", "", "two");
    assertThat(Cells.wrap("abcdefghijkl", 5)).containsExactly("abcde", "fghij", "kl");
    for (String l : Cells.wrap("漢字漢字漢字 漢字", 5)) {
      assertThat(Cells.width(l)).isLessThanOrEqualTo(5);
    }
  }
}
