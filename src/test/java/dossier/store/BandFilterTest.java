package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The filter of stored band keys never says a stored key is missing, whether it sits in the first
 * filter or in one added as the keys grew, and says few missing keys are held.
 */
class BandFilterTest {
  @Test
  void everyKeyAddedIsHeldAndFewOthersAre() {
    BandFilter f = new BandFilter(1 << 16);
    int n = 600_000; // past the first two filters' capacity: three filters in all
    for (int i = 0; i < n; i++) {
      f.add(key(i));
    }
    for (int i = 0; i < n; i++) {
      assertThat(f.mightHold(key(i))).as("key %d", i).isTrue();
    }
    int wrong = 0;
    for (int i = n; i < 2 * n; i++) {
      if (f.mightHold(key(i))) {
        wrong++;
      }
    }
    // a probe of three filters: about three times one filter's rate
    assertThat(wrong).isLessThan(n * 5 / 100);
  }

  /** Band keys as an import makes them: mixed hashes, here of a counter. */
  private static long key(int i) {
    return BandFilter.mix(0x9E3779B97F4A7C15L * (i + 1));
  }
}
