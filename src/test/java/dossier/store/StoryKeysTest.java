package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.similar.Stories;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story keys placed during an import wait in memory and are written a batch at a time, yet every
 * look-up sees them as if each had been written at once; keys of a failed placement are dropped.
 */
class StoryKeysTest {
  @TempDir Path dir;

  @Test
  void keysKeptInMemoryAreSeenByLookUpsAndWrittenTogether() {
    Archive archive = Archive.open(dir.resolve("stories.db"));
    long[] ids = new long[2];
    archive.write(
        () -> {
          StoryRepository r = archive.stories();
          long a = r.newStory();
          long b = r.newStory();
          ids[0] = a;
          ids[1] = b;
          r.addKeys(a, "2026-01-02", List.of("velmora", "ostrander"));
          r.addKeys(a, "2026-01-05", List.of("velmora"));
          r.addKeys(b, "2026-01-03", List.of("ostrander"));
          List<Stories.Candidate> found =
              r.candidates(List.of("velmora", "ostrander"), "2026-01-01");
          assertThat(found).extracting(Stories.Candidate::story).containsExactly(a, b);
          assertThat(found.get(0).shared())
              .containsEntry("velmora", 2)
              .containsEntry("ostrander", 1);
          assertThat(found.get(1).shared()).containsOnlyKeys("ostrander");
          // the latest day of a key counts for the window
          assertThat(r.candidates(List.of("velmora"), "2026-01-04"))
              .extracting(Stories.Candidate::story)
              .containsExactly(a);
          assertThat(r.candidates(List.of("ostrander"), "2026-01-04")).isEmpty();
          r.addKeys(b, "2026-02-01", List.of("ostrander"));
          r.flushKeys();
          r.addKeys(a, "2026-03-01", List.of("quillon"));
          r.discardKeys();
          r.flushKeys();
          return null;
        });
    StoryRepository r = archive.stories();
    List<Stories.Candidate> later = r.candidates(List.of("ostrander"), "2026-01-20");
    assertThat(later).extracting(Stories.Candidate::story).containsExactly(ids[1]);
    assertThat(later.get(0).shared()).containsEntry("ostrander", 2);
    assertThat(r.candidates(List.of("quillon"), "2026-01-01")).isEmpty();
    archive.close();
  }

  /** A look-up as compared: each story found, its size and the members holding each key. */
  private static List<String> described(List<Stories.Candidate> found) {
    return found.stream()
        .map(c -> c.story() + " size " + c.size() + " " + new java.util.TreeMap<>(c.shared()))
        .toList();
  }

  @Test
  void keysReadIntoMemoryAnswerAsTheTableDoes() {
    Archive archive = Archive.open(dir.resolve("memory.db"));
    List<List<String>> asked =
        List.of(
            List.of("velmora", "ostrander"),
            List.of("ostrander"),
            List.of("crowdon", "velmora"),
            List.of("nowhere"));
    List<String> windows = List.of("2026-01-01", "2026-01-04", "2026-02-10");
    // stories and keys stored by an earlier transaction, read by the next one's readKeys
    long[] first = new long[2];
    archive.write(
        () -> {
          StoryRepository r = archive.stories();
          first[0] = r.newStory();
          first[1] = r.newStory();
          r.addKeys(first[0], "2026-01-02", List.of("velmora", "ostrander"));
          r.addKeys(first[1], "2026-01-03", List.of("ostrander"));
          r.flushKeys();
          r.grow(java.util.Map.of(first[0], 1, first[1], 1));
          return null;
        });
    List<String> fromMemory = new java.util.ArrayList<>();
    archive.beginBulkWrite();
    archive.write(
        () -> {
          StoryRepository r = archive.stories();
          r.readKeys(List.of("velmora", "ostrander", "crowdon", "nowhere"));
          r.addKeys(first[0], "2026-01-05", List.of("velmora"));
          long c = r.newStory();
          r.addKeys(c, "2026-02-01", List.of("ostrander", "velmora"));
          // more stories in the window than a look-up takes: the table says which
          for (int i = 0; i < Stories.PER_KEY + 3; i++) {
            r.addKeys(r.newStory(), "2026-02-" + (10 + i % 9), List.of("crowdon"));
          }
          r.grow(java.util.Map.of(first[0], 1, c, 1));
          for (List<String> keys : asked) {
            for (String since : windows) {
              fromMemory.add(keys + " " + since + " " + described(r.candidates(keys, since)));
            }
          }
          r.flushKeys();
          return null;
        });
    archive.bulkWriteDone();
    List<String> fromTable = new java.util.ArrayList<>();
    archive.write(
        () -> {
          for (List<String> keys : asked) {
            for (String since : windows) {
              fromTable.add(
                  keys + " " + since + " " + described(archive.stories().candidates(keys, since)));
            }
          }
          return null;
        });
    assertThat(fromMemory).isEqualTo(fromTable);
    assertThat(fromTable.get(0)).contains("velmora=2");
    archive.close();
  }
}
