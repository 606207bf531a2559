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
  }
}
