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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several dossier processes on one archive at once: two imports, a loop of {@code tag} calls, a
 * note writer, a reader, and a {@code tag --batch} tagger fed one line at a time. They start
 * together behind a barrier and each does a fixed number of operations. None may fail, every change
 * each of them made must be in the archive at the end, and the journal shows that their writes
 * interleaved: the tagger's next line goes in only once another writer has committed since its
 * last, so its writes are never all in one run.
 *
 * <p>{@code -Ddossier.concurrency.rounds=N} (default 1) multiplies the operations, for the long run
 * whose numbers BENCHMARKS.md reports.
 */
class ConcurrencyIT {
  static final int BASE = 200;

  @TempDir Path tmp;

  /** Every failed run, with what it printed. */
  final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  final Map<String, Integer> runs = new ConcurrentHashMap<>();

  private Dossier.Run check(String kind, Supplier<Dossier.Run> command) {
    Dossier.Run r = command.get();
    runs.merge(kind, 1, Integer::sum);
    if (r.code() != 0 || r.err().contains("locked") || r.err().contains("busy")) {
      failures.add(kind + ": " + r);
    }
    return r;
  }

  @Test
  void processesAtOnceLoseNothingAndTheirWritesInterleave() throws Exception {
    int rounds = Integer.getInteger("dossier.concurrency.rounds", 1);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    Path base = Corpus.write(tmp.resolve("base"), 40, BASE);
    assertThat(d.run("import", base.toString()).code()).isZero();
    int filesA = 800 * rounds;
    int filesB = 400 * rounds;
    int tags = 10 * rounds;
    int notes = 10 * rounds;
    int lines = 12 * rounds;
    Path a = Corpus.write(tmp.resolve("a"), 41, filesA);
    Path b = Corpus.writePages(tmp.resolve("b"), 42, filesB);

    // the tagger is running, with its first line applied, before the others start
    Dossier.Started tagger = d.startHeld("tag", "--batch");
    tagger.feed(batchLine(1));
    tagger.awaitWhileRunning("the first line applied", () -> lineEntry(d, 1) > 0);

    // what each writer did and must find in the archive at the end
    Set<String> tagged = ConcurrentHashMap.newKeySet(); // "id tag"
    Map<Long, String> notesWritten = new ConcurrentHashMap<>();
    List<Runnable> workers = new ArrayList<>();
    workers.add(() -> check("import", () -> d.run("import", "--tag", "from/a", a.toString())));
    workers.add(() -> check("import", () -> d.run("import", "--tag", "from/b", b.toString())));
    workers.add(
        () -> {
          for (int i = 0; i < tags; i++) {
            long id = 1 + (i * 7L) % BASE;
            String tag = "loop/" + i;
            if (check("tag", () -> d.run("tag", "--ids", Long.toString(id), "+" + tag)).code()
                == 0) {
              tagged.add(id + " " + tag);
            }
          }
        });
    workers.add(
        () -> {
          for (int i = 0; i < notes; i++) {
            long id = 1 + (i * 13L) % BASE;
            String note = "note " + i;
            if (check("note", () -> d.run("note", Long.toString(id), note)).code() == 0) {
              notesWritten.put(id, note);
            }
          }
        });
    workers.add(
        () -> {
          for (int i = 0; i < 3 * rounds; i++) {
            check("list", () -> d.run("list", "--format", "ids", "tag:from"));
            check("search", () -> d.run("search", "--limit", "5", "harbour council"));
          }
        });
    CyclicBarrier start = new CyclicBarrier(workers.size());
    CountDownLatch done = new CountDownLatch(workers.size());
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    List<Future<?>> jobs = new ArrayList<>();
    for (Runnable w : workers) {
      jobs.add(
          pool.submit(
              () -> {
                try {
                  start.await();
                  w.run();
                } finally {
                  done.countDown();
                }
                return null;
              }));
    }
    // each further line once some other writer has committed since the tagger's last one (or
    // once the others are all done)
    for (int k = 2; k <= lines; k++) {
      long mine = lineEntry(d, k - 1);
      tagger.awaitWhileRunning(
          "another writer's commit",
          () -> done.getCount() == 0 || d.count("SELECT max(rowid) FROM journal_entries") > mine);
      tagger.feed(batchLine(k));
      int line = k;
      tagger.awaitWhileRunning("line " + k + " applied", () -> lineEntry(d, line) > 0);
    }
    Dossier.Run batch = tagger.await();
    if (batch.code() != 0) {
      failures.add("tag --batch: " + batch);
    }
    for (int k = 1; k <= lines; k++) {
      tagged.add(lineArticle(k) + " batch/" + k);
    }
    pool.shutdown();
    for (Future<?> f : jobs) {
      f.get();
    }

    List<String> order = writers(d);
    Map<String, Integer> stretches = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      if (i == 0 || !order.get(i).equals(order.get(i - 1))) {
        stretches.merge(order.get(i), 1, Integer::sum);
      }
    }
    System.out.println(
        "concurrency: runs "
            + runs
            + ", stretches of consecutive writes by writer "
            + stretches
            + ", failures "
            + failures.size());
    assertThat(failures).isEmpty();
    assertThat(stretches.get("tag --batch"))
        .as("the tagger's writes, interleaved with the others'")
        .isGreaterThan(1);
    assertThat(stretches.keySet()).contains("import", "tag", "note", "tag --batch");

    // no lost update: every tag link and the last note of each article are there
    Set<String> links = new HashSet<>();
    Map<Long, String> stored = new HashMap<>();
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
    }
    assertThat(d.count(tagCount("from/a"))).isEqualTo(filesA);
    assertThat(d.count(tagCount("from/b"))).isEqualTo(filesB);
    assertThat(links).containsAll(tagged);
    assertThat(stored).isEqualTo(notesWritten);
    assertThat(d.count("SELECT count(*) FROM articles")).isEqualTo(BASE + filesA + filesB);
    assertThat(d.run("db", "check").code()).isZero();
  }

  private static String tagCount(String tag) {
    return "SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
        + " WHERE t.name = '"
        + tag
        + "'";
  }

  private static long lineArticle(int k) {
    return 1 + (k * 11L) % BASE;
  }

  private static String batchLine(int k) {
    return "+batch/" + k + " -- id:" + lineArticle(k) + "\n";
  }

  /** Where in the journal the tagger's line {@code k} was written (its entry's rowid), or 0. */
  private static long lineEntry(Dossier d, int k) {
    return d.count(
        "SELECT coalesce(max(e.rowid), 0) FROM journal_entries e JOIN tags t ON t.id = e.tag_id"
            + " WHERE e.kind = 'tag+' AND t.name = 'batch/"
            + k
            + "'");
  }

  /**
   * Who wrote each journal entry, in the order they were written (a rowid is one more than the last
   * one written, and writes are serialized): the imports' created articles, the tag loop's and the
   * tagger's tag links, the note writer's notes.
   */
  private static List<String> writers(Dossier d) throws SQLException {
    List<String> order = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + d.db());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT e.kind, t.name FROM journal_entries e LEFT JOIN tags t ON t.id = e.tag_id"
                    + " ORDER BY e.rowid")) {
      while (rs.next()) {
        String kind = rs.getString(1);
        String tag = rs.getString(2);
        order.add(
            switch (kind) {
              case "created" -> "import";
              case "tag+" ->
                  tag.startsWith("batch/")
                      ? "tag --batch"
                      : tag.startsWith("loop/") ? "tag" : "import";
              case "field" -> "note";
              default -> kind;
            });
      }
    }
    return order;
  }
}
