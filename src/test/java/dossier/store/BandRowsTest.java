package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Band rows sorted as two arrays come out in the order of band, then article, as pairs would. */
class BandRowsTest {
  @Test
  void rowsComeOutByBandThenArticleWithRepeatsAndSignsKept() {
    Random r = new Random(18);
    for (int size : new int[] {0, 1, 2, 23, 24, 25, 500, 16_384}) {
      long[] band = new long[size + 3];
      long[] id = new long[size + 3];
      for (int k = 0; k < size; k++) {
        // few distinct bands in some sizes, so that equal bands and equal rows occur
        band[k] = size > 100 && k % 3 == 0 ? r.nextInt(40) - 20 : r.nextLong();
        id[k] = r.nextInt(size / 4 + 1);
      }
      long[][] pairs = new long[size][];
      for (int k = 0; k < size; k++) {
        pairs[k] = new long[] {band[k], id[k]};
      }
      Arrays.sort(pairs, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
      // rows past n are left as they are
      band[size] = 7;
      id[size] = 8;
      BandRows.sort(band, id, size);
      for (int k = 0; k < size; k++) {
        assertThat(new long[] {band[k], id[k]}).as("row %d of %d", k, size).isEqualTo(pairs[k]);
      }
      assertThat(band[size]).isEqualTo(7);
      assertThat(id[size]).isEqualTo(8);
    }
  }

  @Test
  void rowsAlreadyInOrderOrInReverseOrderAreSorted() {
    int n = 5_000;
    long[] band = new long[n];
    long[] id = new long[n];
    for (int k = 0; k < n; k++) {
      band[k] = n - k / 2;
      id[k] = n - k;
    }
    BandRows.sort(band, id, n);
    for (int k = 1; k < n; k++) {
      assertThat(band[k - 1] < band[k] || band[k - 1] == band[k] && id[k - 1] < id[k]).isTrue();
    }
    BandRows.sort(band, id, n);
    assertThat(band[0]).isEqualTo(n - (n - 1) / 2);
    assertThat(band[n - 1]).isEqualTo(n);
  }
}
