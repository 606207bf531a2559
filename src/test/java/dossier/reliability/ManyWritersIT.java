package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.store.PgCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten people's dossier processes on one archive at once, each under its own name: five import a
 * folder of their own, five run a fixed number of {@code tag} commands on the stored articles. They
 * start together behind a barrier. None may fail, and counting afterwards through the commands
 * finds every article and every tag each of them reported, and each person's changes in the journal
 * under their name.
 *
 * <p>The same on a SQLite file and on a PostgreSQL database (on the test cluster's loopback port).
 * {@code -Ddossier.writers.rounds=N} (default 1) multiplies the work, for the long run whose
 * numbers BENCHMARKS.md reports.
 */
class ManyWritersIT {
  static final int BASE = 60;
  static final int CLIENTS = 10;

  @TempDir Path tmp;

  final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  private Dossier.Run check(String what, Dossier.Run r) {
    if (r.code() != 0 || r.err().contains("locked") || r.err().contains("busy")) {
      failures.add(what + ": " + r);
    }
    return r;
  }

  private static long count(Dossier d, String query) {
    Dossier.Run r = d.run("count", query);
    assertThat(r.code()).as(r.toString()).isZero();
    return Long.parseLong(r.out().strip());
  }

  @Test
  void tenClientsTaggingAndImportingAtOnceLoseNothing() throws Exception {
    tenClients(new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs")), true);
  }

  @Test
  void tenClientsOnPostgresLoseNothing() throws Exception {
    String url = PgCluster.require().database("writers");
    // db check reads SQLite's own checks; a server archive has none yet
    tenClients(Dossier.onServer(url, tmp.resolve("runs")), false);
  }

  private void tenClients(Dossier d, boolean check) throws Exception {
    int rounds = Integer.getInteger("dossier.writers.rounds", 1);
    int files = 30 * rounds;
    int tagRuns = 3 * rounds;
    Path base = Corpus.write(tmp.resolve("base"), 70, BASE);
    assertThat(d.run("import", base.toString()).code()).isZero();
    List<Path> folders = new ArrayList<>();
    for (int k = 0; k < CLIENTS / 2; k++) {
      folders.add(Corpus.write(tmp.resolve("in-" + k), 71 + k, files));
    }

    // what each client reported done: tag -> articles it was given to
    Map<String, Long> tagged = new ConcurrentHashMap<>();
    List<Runnable> clients = new ArrayList<>();
    for (int k = 0; k < CLIENTS / 2; k++) {
      int c = k;
      Dossier who = d.as("importer" + c);
      clients.add(
          () ->
              check(
                  "import " + c,
                  who.run("import", "--tag", "from/" + c, folders.get(c).toString())));
    }
    for (int k = 0; k < CLIENTS / 2; k++) {
      int c = k;
      Dossier who = d.as("tagger" + c);
      clients.add(
          () -> {
            for (int i = 0; i < tagRuns; i++) {
              // overlapping sets of the stored articles, so that taggers meet on the same rows
              long from = 1 + (c * 7L + i * 5L) % (BASE - 20);
              String ids = from + ".." + (from + 19);
              String tag = "by/" + c + "/" + i;
              Dossier.Run r =
                  check("tag " + c + "/" + i, who.run("tag", "+" + tag, "--", "id:" + ids));
              if (r.code() == 0) {
                tagged.put(tag, 20L);
              }
            }
          });
    }
    long started = System.nanoTime();
    CyclicBarrier start = new CyclicBarrier(clients.size());
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    List<Future<?>> jobs = new ArrayList<>();
    for (Runnable client : clients) {
      jobs.add(
          pool.submit(
              () -> {
                start.await();
                client.run();
                return null;
              }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    pool.shutdown();
    // reported for BENCHMARKS.md, never asserted
    System.out.printf(
        "many writers (%s): %d clients, %d imports of %d files, %d tag runs, %d failures, %.1f s%n",
        check ? "file" : "server",
        CLIENTS,
        CLIENTS / 2,
        files,
        CLIENTS / 2 * tagRuns,
        failures.size(),
        (System.nanoTime() - started) / 1e9);
    assertThat(failures).isEmpty();

    // nothing lost: every article, every tag, each person's change under their name
    assertThat(count(d, "*")).isEqualTo(BASE + (long) CLIENTS / 2 * files);
    for (int c = 0; c < CLIENTS / 2; c++) {
      assertThat(count(d, "tag:from/" + c)).as("tag:from/" + c).isEqualTo(files);
    }
    assertThat(tagged).hasSize(CLIENTS / 2 * tagRuns);
    for (Map.Entry<String, Long> t : tagged.entrySet()) {
      assertThat(count(d, "tag:" + t.getKey())).as("tag:" + t.getKey()).isEqualTo(t.getValue());
    }
    String log = d.run("log", "--limit", "0", "--format", "tsv").out();
    for (int c = 0; c < CLIENTS / 2; c++) {
      assertThat(log).contains("\timporter" + c + "\n", "\ttagger" + c + "\n");
    }
    if (check) {
      assertThat(d.run("db", "check").code()).isZero();
    }
  }
}
