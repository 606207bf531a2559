package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several dossier processes on one archive at once: two imports, a loop of {@code tag} calls, a
 * {@code tag --batch} tagger, a note writer and a reader. None may fail, and every change each of
 * them made must be in the archive at the end.
 *
 * <p>The CI run lasts about 20 seconds; {@code -Ddossier.concurrency.seconds=60} makes the long run
 * whose numbers BENCHMARKS.md reports.
 */
class ConcurrencyIT {
  static final int BASE = 200;

  @TempDir Path tmp;

  /** Every failed run, with what it printed. */
  final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  /** The slowest run of each kind, in milliseconds. */
  final Map<String, Long> slowest = new ConcurrentHashMap<>();

  private Dossier.Run check(String kind, Supplier<Dossier.Run> command) {
    long start = System.nanoTime();
    Dossier.Run r = command.get();
    slowest.merge(kind, (System.nanoTime() - start) / 1_000_000, Math::max);
    runs.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    if (r.code() != 0 || r.err().contains("locked") || r.err().contains("busy")) {
      failures.add(kind + ": " + r);
    }
    return r;
  }

  @Test
  void sixProcessesAtOnceLoseNothing() throws Exception {
    long seconds = Long.getLong("dossier.concurrency.seconds", 20);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    Path base = Corpus.write(tmp.resolve("base"), 40, BASE);
    assertThat(d.run("import", base.toString()).code()).isZero();
    int filesA = (int) (60 * seconds);
    int filesB = (int) (25 * seconds);
    Path a = Corpus.write(tmp.resolve("a"), 41, filesA);
    Path b = Corpus.writePages(tmp.resolve("b"), 42, filesB);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    // what each writer did and must find in the archive at the end
    Set<String> tagged = ConcurrentHashMap.newKeySet(); // "id tag"
    Map<Long, String> notes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> jobs = new ArrayList<>();
    jobs.add(
        pool.submit(() -> check("import", () -> d.run("import", "--tag", "from/a", a.toString()))));
    jobs.add(
        pool.submit(() -> check("import", () -> d.run("import", "--tag", "from/b", b.toString()))));
    jobs.add(
        pool.submit(
            () -> {
              for (int i = 0; System.nanoTime() < deadline; i++) {
                long id = 1 + (i * 7L) % BASE;
                String tag = "loop/" + i;
                if (check("tag", () -> d.run("tag", "--ids", Long.toString(id), "+" + tag)).code()
                    == 0) {
                  tagged.add(id + " " + tag);
                }
              }
            }));
    jobs.add(
        pool.submit(
            () -> {
              for (int round = 0; System.nanoTime() < deadline; round++) {
                StringBuilder lines = new StringBuilder();
                List<String> expected = new ArrayList<>();
                for (int k = 0; k < 40; k++) {
                  long id = 1 + (round * 40L + k) % BASE;
                  String tag = "batch/" + round + "-" + k;
                  lines.append('+').append(tag).append(" -- id:").append(id).append('\n');
                  expected.add(id + " " + tag);
                }
                if (check("tag --batch", () -> d.runWithInput(lines.toString(), "tag", "--batch"))
                        .code()
                    == 0) {
                  tagged.addAll(expected);
                }
              }
            }));
    jobs.add(
        pool.submit(
            () -> {
              for (int i = 0; System.nanoTime() < deadline; i++) {
                long id = 1 + (i * 13L) % BASE;
                String note = "note " + i;
                if (check("note", () -> d.run("note", Long.toString(id), note)).code() == 0) {
                  notes.put(id, note);
                }
              }
            }));
    jobs.add(
        pool.submit(
            () -> {
              while (System.nanoTime() < deadline) {
                check("list", () -> d.run("list", "--format", "ids", "tag:from"));
                check("search", () -> d.run("search", "--limit", "5", "harbour council"));
              }
            }));
    pool.shutdown();
    for (Future<?> f : jobs) {
      f.get(seconds + 600, TimeUnit.SECONDS);
    }

    System.out.println(
        "concurrency: "
            + seconds
            + " s, runs "
            + runs
            + ", slowest ms "
            + slowest
            + ", failures "
            + failures.size());
    assertThat(failures).isEmpty();
    assertThat(runs.get("tag").get()).isPositive();
    assertThat(runs.get("tag --batch").get()).isPositive();

    // no lost update: every tag link and the last note of each article are there
    Set<String> links = new HashSet<>();
    Map<Long, String> stored = new HashMap<>();
    long articles;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + d.db());
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id")) {
        while (rs.next()) {
          links.add(rs.getLong(1) + " " + rs.getString(2));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT id, note FROM articles WHERE note IS NOT NULL")) {
        while (rs.next()) {
          stored.put(rs.getLong(1), rs.getString(2));
        }
      }
      articles = count(st, "SELECT count(*) FROM articles");
      assertThat(
              count(
                  st,
                  "SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                      + " WHERE t.name = 'from/a'"))
          .isEqualTo(filesA);
      assertThat(
              count(
                  st,
                  "SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                      + " WHERE t.name = 'from/b'"))
          .isEqualTo(filesB);
    }
    assertThat(links).containsAll(tagged);
    assertThat(stored).isEqualTo(notes);
    assertThat(articles).isEqualTo(BASE + filesA + filesB);
    assertThat(d.run("db", "check").code()).isZero();
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
