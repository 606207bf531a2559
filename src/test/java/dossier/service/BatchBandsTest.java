package dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bands of a batch give each band's first articles in the order they were added, as a map of
 * lists cut to the same length does, and nothing of the batch before when reused.
 */
class BatchBandsTest {
  @Test
  void eachBandGivesItsFirstPlacesInOrderThroughBatchesOfOtherSizes() {
    Random r = new Random(20);
    BatchBands bands = new BatchBands(4);
    for (int articles : new int[] {3, 512, 40, 0, 700, 300, 1000}) {
      bands.clear(articles, 8);
      assertThat(bands.isEmpty()).isTrue();
      Map<Long, List<Integer>> expected = new HashMap<>();
      List<Long> asked = new ArrayList<>();
      for (int at = 0; at < articles; at++) {
        for (int b = 0; b < 8; b++) {
          // a few crowded bands beside many of one article
          long band = b < 2 ? r.nextInt(10) : r.nextLong();
          bands.add(band, at);
          expected.computeIfAbsent(band, k -> new ArrayList<>()).add(at);
          asked.add(band);
        }
      }
      asked.add(r.nextLong());
      asked.add(-1L);
      assertThat(bands.isEmpty()).isEqualTo(articles == 0);
      int[] out = new int[4];
      for (long band : asked) {
        List<Integer> want = expected.getOrDefault(band, List.of());
        want = want.subList(0, Math.min(4, want.size()));
        int n = bands.places(band, out);
        List<Integer> got = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          got.add(out[k]);
        }
        assertThat(got).as("band %d", band).isEqualTo(want);
      }
    }
  }
}
