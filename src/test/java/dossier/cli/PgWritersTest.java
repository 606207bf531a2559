package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.store.PgCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several clients change one PostgreSQL archive at once, each on its own connection: every command
 * succeeds and no change is lost (the writers take turns on the archive's write lock).
 */
class PgWritersTest {
  @TempDir Path dir;

  static final int WRITERS = 6;

  @Test
  void concurrentTagsAndImportsAllLand() throws Exception {
    String url = PgCluster.require().database("writers");
    Cli setup = new Cli(dir).env("DOSSIER_DB", url);
    setup.ok("import", Cli.samples().toString());
    long before = Long.parseLong(setup.ok("count").out().trim());
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Cli.Result>>> runs = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int n = w;
      Path file = dir.resolve("new-" + n + ".txt");
      Files.writeString(
          file,
          "Writer "
              + n
              + " files a report\n\nBy Desk "
              + n
              + "\n\nThe council of ward "
              + n
              + " voted on the harbour budget, with "
              + (n * 17 + 3)
              + " objections noted.\n");
      Cli cli = new Cli(dir).env("DOSSIER_DB", url).env("DOSSIER_USER", "writer" + n);
      runs.add(
          pool.submit(
              () -> {
                start.await();
                List<Cli.Result> out = new ArrayList<>();
                out.add(cli.run("tag", "+by/writer" + n, "--ids", "1,2,3,4,5,6,7,8,9,10"));
                out.add(cli.run("import", file.toString()));
                out.add(cli.run("mark", "--star", "--ids", Integer.toString(n + 1)));
                return out;
              }));
    }
    start.countDown();
    for (Future<List<Cli.Result>> f : runs) {
      for (Cli.Result r : f.get()) {
        assertThat(r.code()).as(r.toString()).isZero();
      }
    }
    pool.shutdown();
    assertThat(setup.ok("count").out().trim()).isEqualTo(Long.toString(before + WRITERS));
    for (int w = 0; w < WRITERS; w++) {
      assertThat(setup.ok("count", "tag:by/writer" + w).out().trim())
          .as("writer %d's tag on the ten articles", w)
          .isEqualTo("10");
      // a star is its writer's own
      Cli writer = new Cli(dir).env("DOSSIER_DB", url).env("DOSSIER_USER", "writer" + w);
      assertThat(writer.ok("list", "is:starred", "--format", "ids").lines())
          .containsExactly(Integer.toString(w + 1));
    }
  }
}
