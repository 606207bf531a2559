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
}
