package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two handles on one PostgreSQL archive, as a review UI and another client: a commit of the other
 * is told to the first through LISTEN/NOTIFY and changes its data version; its own commits, a
 * rolled-back write and plain reads do not.
 */
class PgDataVersionTest {
  @TempDir Path dir;

  @Test
  void aReaderSeesOthersCommitsAndNotItsOwn() {
    String url = PgCluster.require().database("data_version");
    new Cli(dir).env("DOSSIER_DB", url).ok("import", Cli.samples().toString());
    ArchiveLocation where = ArchiveLocation.parse(url);
    try (Archive reader = Archive.open(where, Archive.BUSY_TIMEOUT_MS, Map.of());
        Archive other = Archive.open(where, Archive.BUSY_TIMEOUT_MS, Map.of())) {
      long start = reader.dataVersion();
      reader.schemaVersion();
      assertThat(reader.dataVersion()).as("nothing committed").isEqualTo(start);

      star(other, 2);
      long afterOther = reader.dataVersion();
      assertThat(afterOther).as("the other handle's commit").isNotEqualTo(start);
      assertThat(reader.dataVersion()).as("told once").isEqualTo(afterOther);

      star(reader, 3);
      assertThat(reader.dataVersion()).as("its own commit").isEqualTo(afterOther);

      other.rehearse(
          () -> {
            long j = other.journal().begin("mark", "star a rehearsal");
            return other.select(List.of(4L)).setStarred(j, true);
          });
      assertThat(reader.dataVersion()).as("a write rolled back").isEqualTo(afterOther);

      star(other, 5);
      star(other, 6);
      assertThat(reader.dataVersion()).as("two more commits").isNotEqualTo(afterOther);
    }
  }

  private static void star(Archive a, long id) {
    a.write(
        () -> {
          long j = a.journal().begin("mark", "star " + id);
          return a.select(List.of(id)).setStarred(j, true);
        });
  }
}
