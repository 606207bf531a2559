package dossier.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void groupedWritesThousandsAsTheRootLocalesFormatDoes() {
    long[] samples = {
      0,
      7,
      99,
      100,
      999,
      1_000,
      12_345,
      123_456,
      1_234_567,
      -1,
      -999,
      -1_000,
      -12_345_678,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    for (long n : samples) {
      assertThat(Text.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
  }

  @Test
  void oneLineFoldsEveryRunOfWhiteSpace() {
    assertThat(Text.oneLine("  a\n\tb   c \r\n")).isEqualTo("a b c");
    assertThat(Text.oneLine(null)).isEmpty();
    assertThat(Text.oneLine("one")).isEqualTo("one");
    // the same as the regex it replaces, on strings of letters, spaces and other white space
    java.util.Random r = new java.util.Random(7);
    char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\u000b', '\f', '\r', '\u00a0', '\u2003', 'x'};
    for (int k = 0; k < 5_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(12); i > 0; i--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String in = b.toString();
      assertThat(Text.oneLine(in)).as("%s", in).isEqualTo(in.replaceAll("\\s+", " ").trim());
    }
  }

  @Test
  void nfcComposesAndLeavesTextBeforeTheCombiningMarksAsItIs() {
    assertThat(Text.nfc("cafe\u0301")).isEqualTo("caf\u00e9");
    assertThat(Text.nfc("A\u030a")).isEqualTo("\u00c5");
    String latin = "Zoë's café, naïve résumé";
    assertThat(Text.nfc(latin)).isSameAs(latin);
    // the premise: every character before U+0300, alone or after another, is composed already
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      all.append(c).append('e').append(c);
    }
    assertThat(java.text.Normalizer.normalize(all, java.text.Normalizer.Form.NFC))
        .isEqualTo(all.toString());
  }
}
