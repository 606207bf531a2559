package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.service.ImportService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's own terms and document counts, as tag suggestions choose their query words. */
class SimilarityTermsTest {
  @TempDir Path dir;

  private static void store(Archive archive, String text) {
    new ImportService(archive)
        .run(
            List.of("-"),
            () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            ImportService.Options.defaults(),
            o -> {});
  }

  @Test
  void wordsBecomeTheIndexsTermsWithTheirArticleCounts() {
    try (Archive archive = Archive.open(dir.resolve("terms.db"))) {
      store(archive, "Reservoirs run low\n\nThe reservoir above the town is at a record low.\n");
      store(
          archive, "Dam repairs begin\n\nEngineers began repairs on the dam and its reservoir.\n");
      store(archive, "Café reopens\n\nThe café on the square reopened on Monday.\n");

      List<SimilarityRepository.Term> terms =
          archive
              .similarity()
              .terms(
                  List.of("reservoirs", "Reservoir", "dam", "CAFE", "zqxwvortle", "repairs", "--"),
                  100);

      assertThat(terms)
          .extracting(SimilarityRepository.Term::term)
          .containsExactly("reservoir", "dam", "cafe", "zqxwvortl", "repair");
      assertThat(terms.get(0).words()).containsExactly("reservoirs", "Reservoir");
      assertThat(terms.get(0).articles()).isEqualTo(2);
      assertThat(terms.get(1).articles()).isEqualTo(1);
      assertThat(terms.get(2).articles()).as("diacritics removed as the index does").isEqualTo(1);
      assertThat(terms.get(3).articles()).as("a word no article has").isZero();
      assertThat(terms.get(4).articles()).isEqualTo(1);
      // a second call on the same connection reuses its tables and forgets the first words
      assertThat(archive.similarity().terms(List.of("town"), 100))
          .singleElement()
          .satisfies(t -> assertThat(t.articles()).isEqualTo(1));
      assertThat(archive.similarity().terms(List.of("reservoir"), 1))
          .as("counted up to the limit")
          .singleElement()
          .satisfies(t -> assertThat(t.articles()).isEqualTo(1));
      assertThat(archive.similarity().terms(List.of(), 100)).isEmpty();
      assertThat(archive.similarity().articleCountEstimate()).isEqualTo(3);
    }
  }
}
