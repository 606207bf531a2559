package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dossier killed with SIGKILL at random moments: in an import, a {@code tag --batch} run and a
 * {@code reextract}. After every kill the archive passes {@code db check} (so no article is stored
 * without its original or its index entry), and running the same command again finishes the job
 * with exactly the expected result.
 *
 * <p>The CI run makes a few kills on a small import; {@code -Ddossier.crash.kills=50
 * -Ddossier.crash.files=10000} makes the long run whose numbers BENCHMARKS.md reports.
 */
class CrashIT {
  static final Pattern SUMMARY = Pattern.compile("imported (\\d+), (\\d+) duplicates?");

  @TempDir Path tmp;

  final Random random = new Random(Long.getLong("dossier.crash.seed", 20_241_126L));

  /** Starts the command, kills it after a random delay; true when it was still running then. */
  private boolean killSomewhereIn(Dossier.Started s, int maxMillis) throws InterruptedException {
    Thread.sleep(random.nextInt(maxMillis));
    boolean alive = s.process().isAlive();
    s.process().destroyForcibly();
    s.process().waitFor();
    return alive;
  }

  /** Waits while {@code s} runs until {@code sql} counts at least {@code n}. */
  private static void waitFor(Dossier d, Dossier.Started s, String sql, long n) throws Exception {
    while (s.process().isAlive() && count(d, sql) < n) {
      Thread.sleep(20);
    }
  }

  private static void assertSound(Dossier d, String after) {
    Dossier.Run check = d.run("db", "check");
    assertThat(check.code()).as("db check after " + after + ":\n" + check).isZero();
  }

  private static long count(Dossier d, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + d.db());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void killedImportsLeaveASoundArchiveAndARerunFinishesTheJob() throws Exception {
    int kills = Integer.getInteger("dossier.crash.kills", 6);
    int files = Integer.getInteger("dossier.crash.files", 1000);
    Path in = Corpus.write(tmp.resolve("files"), 50, files);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    int killedRunning = 0;
    // how long a whole import takes here and now, measured on a scratch archive, so that the
    // kills land all through an import whatever the machine's load
    Dossier scratch = new Dossier(tmp.resolve("scratch.db"), tmp.resolve("scratch-runs"));
    long t0 = System.nanoTime();
    assertThat(scratch.run("import", "--tag", "crash", in.toString()).code()).isZero();
    int full = (int) Math.max(1000, (System.nanoTime() - t0) / 1_000_000);
    long start = System.nanoTime();
    for (int k = 0; k < kills; k++) {
      Dossier.Started s = d.start("import", "--json", "--tag", "crash", in.toString());
      if (k % 2 == 1) {
        // every other kill waits for a random number of committed outcomes (--json prints them
        // once their batch is committed), so that some land right after a commit
        int after = random.nextInt(files);
        while (s.process().isAlive() && s.outSoFar().lines().count() < after) {
          Thread.sleep(20);
        }
      } else {
        Thread.sleep(random.nextInt(full));
      }
      if (killSomewhereIn(s, 400)) {
        killedRunning++;
      }
      assertSound(d, "kill " + (k + 1));
      long stored = count(d, "SELECT count(*) FROM articles");
      assertThat(stored).isLessThanOrEqualTo(files);
      // every stored article got its tag in the same transaction
      assertThat(count(d, "SELECT count(*) FROM article_tags")).isEqualTo(stored);
    }
    Dossier.Run last = d.run("import", "--tag", "crash", in.toString());
    assertThat(last.code()).as(last.toString()).isZero();
    Matcher m = SUMMARY.matcher(last.err());
    assertThat(m.find()).as(last.err()).isTrue();
    assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))).isEqualTo(files);
    assertThat(count(d, "SELECT count(*) FROM articles")).isEqualTo(files);
    assertThat(count(d, "SELECT count(*) FROM article_tags")).isEqualTo(files);
    assertSound(d, "the final import");
    System.out.printf(
        "crash: %d kills (%d while running) during imports of %d files, %d s; final import:"
            + " %s%n",
        kills,
        killedRunning,
        files,
        (System.nanoTime() - start) / 1_000_000_000L,
        last.err().strip().lines().reduce((x, y) -> y).orElse(""));
    assertThat(killedRunning).as("kills that hit a running import").isPositive();
  }

  @Test
  void killedBatchTaggingAndReextractionLeaveASoundArchive() throws Exception {
    int files = 600;
    Path in = Corpus.write(tmp.resolve("files"), 51, files);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    assertThat(d.run("import", in.toString()).code()).isZero();

    StringBuilder lines = new StringBuilder();
    for (int id = 1; id <= files; id++) {
      lines.append("+crash/").append(id).append(" -- id:").append(id).append('\n');
    }
    for (int k = 0; k < 2; k++) {
      Dossier.Started s = d.startWithInput(lines.toString(), "tag", "--batch");
      waitFor(d, s, "SELECT count(*) FROM article_tags", random.nextInt(files));
      killSomewhereIn(s, 300);
      assertSound(d, "killed tag --batch");
      assertThat(
              count(
                  d,
                  "SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                      + " WHERE t.name <> 'crash/' || x.article_id"))
          .isZero();
    }
    Dossier.Run batch = d.runWithInput(lines.toString(), "tag", "--batch");
    assertThat(batch.code()).as(batch.toString()).isZero();
    assertThat(
            count(
                d,
                "SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                    + " WHERE t.name = 'crash/' || x.article_id"))
        .isEqualTo(files);

    // articles as an older extractor left them; reextract is killed, then finishes
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + d.db());
        Statement st = c.createStatement()) {
      st.execute("UPDATE articles SET title = 'Old title ' || id, content_hash = 'old-' || id");
    }
    for (int k = 0; k < 2; k++) {
      Dossier.Started s = d.start("reextract");
      waitFor(
          d,
          s,
          "SELECT count(*) FROM articles WHERE title NOT LIKE 'Old title %'",
          random.nextInt(files));
      killSomewhereIn(s, 300);
      assertSound(d, "killed reextract");
    }
    Dossier.Run re = d.run("reextract");
    assertThat(re.code()).as(re.toString()).isZero();
    assertThat(count(d, "SELECT count(*) FROM articles WHERE title LIKE 'Old title %'")).isZero();
    assertThat(count(d, "SELECT count(*) FROM articles WHERE content_hash LIKE 'old-%'")).isZero();
    // tags survived the re-extraction
    assertThat(count(d, "SELECT count(*) FROM article_tags")).isEqualTo(files);
    assertSound(d, "the final reextract");
  }
}
