package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A band that many stored articles share (text that a template repeats in every article) hands a
 * lookup only the earliest few of them, so an import never compares a new article with the whole
 * archive.
 */
class CopyRepositoryTest {
  @TempDir Path dir;

  @Test
  void aCrowdedBandGivesTheEarliestFewArticlesOnly() {
    Archive archive = Archive.open(dir.resolve("copies.db"));
    String template =
        "The harbour board met on Tuesday to hear the ferry operators and the port workers, who"
            + " asked for new berths, longer hours at the quay and a second pilot boat for winter. ";
    Fingerprint shared = Fingerprint.of(template.repeat(3));
    long[] bands = Copies.bands(shared);
    archive.write(
        () -> {
          for (int i = 1; i <= 100; i++) {
            String body = template + "Item " + i + " of the minutes.";
            Extracted x =
                new Extracted(
                    "Minutes " + i,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    body,
                    List.of(),
                    "text");
            long id =
                archive
                    .articles()
                    .insert(
                        NewArticle.of(
                            x, body.getBytes(StandardCharsets.UTF_8), "/m/" + i, List.of()),
                        "2024-01-01T00:00:00Z");
            archive.copies().store(id, shared, bands);
          }
          return null;
        });
    List<CopyRepository.Candidate> found = archive.copies().candidates(bands);
    assertThat(found).hasSize(CopyRepository.PER_BAND);
    assertThat(found.stream().mapToLong(CopyRepository.Candidate::id).min().orElseThrow())
        .isEqualTo(1);
    archive.close();
  }
}
