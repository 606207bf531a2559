package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * dossier stopped dead in the middle of its work, at points the test chooses: right before and
 * right after one of its commits (the store's test-only {@code DOSSIER_TEST_HALT} hook, which halts
 * the JVM the way SIGKILL stops a process), and by SIGKILL while it waits for standard input that
 * the test holds. After every stop the archive passes {@code db check} and holds what was committed
 * and nothing of what was not, and running the same command again finishes the job.
 *
 * <p>Each test counts the stops that hit a running command (the halted or killed exit status),
 * prints the count and asserts that every stop did.
 */
class CrashIT {
  static final Pattern IMPORTED = Pattern.compile("imported (\\d+), (\\d+) duplicates?");
  static final Pattern TAGGED = Pattern.compile("(\\d+) lines? applied, 0 failed; (\\d+) article");
  static final Pattern REEXTRACTED = Pattern.compile("re-extracted \\d+ articles?: changed (\\d+)");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private int stops;
  private int hits;

  @AfterEach
  void report(TestInfo test) {
    System.out.printf(
        "crash: %s: %d of %d stops hit a running command%n", test.getDisplayName(), hits, stops);
  }

  /** Counts a stop; it hit a running command when the process ended with {@code status}. */
  private void stopped(int code, int status, String what, Object output) {
    stops++;
    assertThat(code).as("%s hit a running command:%n%s", what, output).isEqualTo(status);
    hits++;
  }

  private static void assertSound(Dossier d, String after) {
    Dossier.Run check = d.run("db", "check");
    assertThat(check.code()).as("db check after " + after + ":\n" + check).isZero();
  }

  private static long stored(Dossier d) {
    return Files.exists(d.db()) ? d.count("SELECT count(*) FROM articles") : 0;
  }

  /** The outcome lines of {@code import --json} that say {@code status}. */
  private static List<JsonNode> outcomes(String out, String status) {
    List<JsonNode> found = new ArrayList<>();
    for (String line : out.lines().toList()) {
      try {
        JsonNode o = JSON.readTree(line);
        if (o.get("status").asText().equals(status)) {
          found.add(o);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(line, e);
      }
    }
    return found;
  }

  /**
   * Checks what a stopped import left: a sound archive, every article it reported stored (with the
   * tag given in the same transaction), and, when it stopped before a commit, nothing more.
   */
  private static void assertImportLeftWhatItCommitted(
      Dossier d, String what, String out, long before, boolean exact) {
    assertSound(d, what);
    long after = stored(d);
    List<JsonNode> reported = outcomes(out, "imported");
    for (JsonNode o : reported) {
      assertThat(d.count("SELECT count(*) FROM articles WHERE id = " + o.get("id").asLong()))
          .as("%s: reported %s is stored", what, o)
          .isOne();
    }
    if (exact) {
      assertThat(after).as(what + ": stored").isEqualTo(before + reported.size());
    } else {
      assertThat(after).as(what + ": stored").isGreaterThanOrEqualTo(before + reported.size());
    }
    assertThat(d.count("SELECT count(*) FROM article_tags")).as(what + ": tagged").isEqualTo(after);
  }

  @Test
  void importsStoppedAtChosenPointsKeepWhatTheyCommittedAndARerunFinishes() {
    // More files than two of an import's transactions hold (512 files each): every stop below
    // comes within an import's first two commits, so the re-run at the end has work left.
    int files = 1300;
    Path in = Corpus.write(tmp.resolve("files"), 50, files);
    Path more = Corpus.write(tmp.resolve("more"), 52, 200);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));

    // on a new archive the first commit creates the schema; right before it, nothing is there
    // yet but the empty file, which the next command sets up as if new
    // then, on the archive with its schema: the first batch written but not committed;
    // committed but not reported; a second batch not committed; committed
    List<String> points = List.of("before:1", "after:1", "before:2", "after:2");
    for (String point : points) {
      long before = stored(d);
      String what = "import halted " + point;
      Dossier.Run r = d.halting(point).run("import", "--json", "--tag", "crash", in.toString());
      stopped(r.code(), Dossier.HALTED, what, r);
      assertImportLeftWhatItCommitted(d, what, r.out(), before, point.startsWith("before:"));
      if (point.startsWith("after:") && stored(d) > 0) {
        // the halted transaction made it in although the import never said so
        assertThat(stored(d))
            .as(what + ": its last commit")
            .isGreaterThan(before + outcomes(r.out(), "imported").size());
      }
    }

    // SIGKILL while the import waits for the end of the standard input named between two
    // folders (its first bytes given, so that it starts): it has reported its first transaction
    // and cannot finish before the test lets it
    long before = stored(d);
    Dossier.Started s =
        d.startHeld("import", "--json", "--tag", "crash", in.toString(), "-", more.toString());
    s.feed(Corpus.article(53, 0));
    s.awaitOutLines(1);
    stopped(s.kill(), Dossier.KILLED, "import killed", s.errSoFar());
    assertImportLeftWhatItCommitted(d, "import killed", s.outSoFar(), before, false);

    long left = stored(d);
    assertThat(left).as("stored before the re-run").isLessThan(files);
    Dossier.Run last = d.run("import", "--tag", "crash", in.toString(), more.toString());
    assertThat(last.code()).as(last.toString()).isZero();
    Matcher m = IMPORTED.matcher(last.err());
    assertThat(m.find()).as(last.err()).isTrue();
    int imported = Integer.parseInt(m.group(1));
    assertThat(imported).as("the re-run had work left").isPositive();
    assertThat(imported).isEqualTo(files + 200 - left);
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(left);
    assertThat(stored(d)).isEqualTo(files + 200);
    assertThat(d.count("SELECT count(*) FROM article_tags")).isEqualTo(files + 200);
    assertSound(d, "the final import");
    assertThat(hits).isEqualTo(points.size() + 1);
  }

  private static long rightTags(Dossier d) {
    return d.count(
        "SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
            + " WHERE t.name = 'crash/' || x.article_id");
  }

  private static long links(Dossier d) {
    return d.count("SELECT count(*) FROM article_tags");
  }

  @Test
  void batchTaggingAndReextractionStoppedAtChosenPointsFinishWhenRunAgain() {
    int files = 600;
    Path in = Corpus.write(tmp.resolve("files"), 51, files);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    assertThat(d.run("import", in.toString()).code()).isZero();

    StringBuilder all = new StringBuilder();
    for (int id = 1; id <= files; id++) {
      all.append("+crash/").append(id).append(" -- id:").append(id).append('\n');
    }
    String lines = all.toString();
    // each line of tag --batch is a transaction of its own: commit N is line N's
    Dossier.Run r = d.halting("after:150").runWithInput(lines, "tag", "--batch");
    stopped(r.code(), Dossier.HALTED, "tag --batch halted after:150", r);
    assertSound(d, "tag --batch halted after:150");
    assertThat(links(d)).isEqualTo(150).isEqualTo(rightTags(d));

    r = d.halting("before:300").runWithInput(lines, "tag", "--batch");
    stopped(r.code(), Dossier.HALTED, "tag --batch halted before:300", r);
    assertSound(d, "tag --batch halted before:300");
    assertThat(links(d)).isEqualTo(299).isEqualTo(rightTags(d));

    // SIGKILL while it waits for its next line
    Dossier.Started s = d.startHeld("tag", "--batch");
    s.feed(String.join("\n", lines.lines().limit(400).toList()) + "\n");
    s.awaitWhileRunning("400 lines applied", () -> links(d) >= 400);
    stopped(s.kill(), Dossier.KILLED, "tag --batch killed", s.errSoFar());
    assertSound(d, "tag --batch killed");
    assertThat(links(d)).isEqualTo(400).isEqualTo(rightTags(d));

    Dossier.Run batch = d.runWithInput(lines, "tag", "--batch");
    assertThat(batch.code()).as(batch.toString()).isZero();
    Matcher m = TAGGED.matcher(batch.err());
    assertThat(m.find()).as(batch.err()).isTrue();
    assertThat(Integer.parseInt(m.group(2))).as("the re-run had work left").isEqualTo(200);
    assertThat(rightTags(d)).isEqualTo(links(d)).isEqualTo(files);

    // articles as an older extractor left them; reextract (256 articles to a transaction) is
    // halted after its first batch, before its second and after it, then finishes
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + d.db());
        Statement st = c.createStatement()) {
      st.execute("UPDATE articles SET title = 'Old title ' || id, content_hash = 'old-' || id");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    String fresh = "SELECT count(*) FROM articles WHERE title NOT LIKE 'Old title %'";
    long done = 0;
    for (String point : List.of("after:1", "before:2", "after:2")) {
      r = d.halting(point).run("reextract");
      stopped(r.code(), Dossier.HALTED, "reextract halted " + point, r);
      assertSound(d, "reextract halted " + point);
      long now = d.count(fresh);
      if (point.startsWith("after:")) {
        assertThat(now).as("re-extracted after " + point).isGreaterThan(done).isLessThan(files);
      } else {
        assertThat(now).as("re-extracted after " + point).isEqualTo(done);
      }
      done = now;
    }
    Dossier.Run re = d.run("reextract");
    assertThat(re.code()).as(re.toString()).isZero();
    m = REEXTRACTED.matcher(re.err());
    assertThat(m.find()).as(re.err()).isTrue();
    assertThat(Long.parseLong(m.group(1))).as("the re-run had work left").isEqualTo(files - done);
    assertThat(d.count("SELECT count(*) FROM articles WHERE title LIKE 'Old title %'")).isZero();
    assertThat(d.count("SELECT count(*) FROM articles WHERE content_hash LIKE 'old-%'")).isZero();
    // tags survived the re-extraction
    assertThat(rightTags(d)).isEqualTo(files);
    assertSound(d, "the final reextract");
    assertThat(hits).isEqualTo(6);
  }
}
