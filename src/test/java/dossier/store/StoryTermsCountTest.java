package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts behind a name's rarity add up over batches, for every name a batch brings, whatever
 * characters it holds, and the articles counted with them.
 */
class StoryTermsCountTest {
  @TempDir Path dir;

  @Test
  void countsAddUpOverBatchesForEveryName() {
    Archive archive = Archive.open(dir.resolve("terms.db"));
    StoryRepository stories = archive.stories();
    Map<String, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < 3000; i++) {
      first.put("name" + i, 1 + i % 3);
    }
    first.put("o'neill", 2);
    first.put("müller \"the\" \\ one", 1);
    first.put("at&t", 4);
    archive.write(
        () -> {
          stories.countTerms(first, 7);
          return null;
        });
    archive.write(
        () -> {
          stories.countTerms(Map.of("o'neill", 3, "name2999", 5, "new", 1), 2);
          return null;
        });
    Map<String, long[]> n = new java.util.LinkedHashMap<>();
    for (String t :
        List.of("o'neill", "müller \"the\" \\ one", "at&t", "name0", "name2999", "new", "x")) {
      n.put(t, new long[1]);
    }
    stories.addFrequencies(n);
    assertThat(n.values().stream().map(c -> c[0]).toList())
        .containsExactly(5L, 1L, 4L, 1L, 1L + 2999 % 3 + 5, 1L, 0L);
    Map<String, long[]> all = new java.util.HashMap<>();
    first.keySet().forEach(t -> all.put(t, new long[1]));
    stories.addFrequencies(all);
    assertThat(all.values()).allSatisfy(c -> assertThat(c[0]).isPositive());
    assertThat(stories.counted()).isEqualTo(9);
    archive.close();
  }
}
