package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) during a long command: it stops cleanly, says what it did, and what it says is
 * what the archive holds. The signal comes at a point the test chooses, while the command waits for
 * standard input that the test holds, so it cannot have finished; the test goes on once the command
 * has acknowledged it.
 */
class InterruptIT {
  static final Pattern IMPORTED = Pattern.compile("imported (\\d+), (\\d+) duplicates?");
  static final String ACKNOWLEDGED = "Ctrl-C: finishing what is being written";

  @TempDir Path tmp;

  private int interrupts;
  private int hits;

  @AfterEach
  void report(TestInfo test) {
    System.out.printf(
        "interrupt: %s: %d of %d interrupts hit a running command%n",
        test.getDisplayName(), hits, interrupts);
  }

  /** Sends Ctrl-C and waits for the command to acknowledge it: proof that it was running. */
  private void interrupt(Dossier.Started s) {
    interrupts++;
    s.interrupt();
    s.awaitErr(ACKNOWLEDGED);
    hits++;
  }

  @Test
  void ctrlCStopsAnImportAfterTheBatchItIsWriting() {
    int first = 700;
    int second = 300;
    Path a = Corpus.writePages(tmp.resolve("a"), 31, first);
    Path b = Corpus.writePages(tmp.resolve("b"), 33, second);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    // standard input between the two folders: the import cannot get past it until the test
    // closes it, so b is never reached before the interrupt (its first bytes go in at once: the
    // import looks at them to tell an export from an article before it starts)
    Dossier.Started imp = d.startHeld("import", "--json", a.toString(), "-", b.toString());
    imp.feed(Corpus.article(34, 0));
    imp.awaitOutLines(1); // the first batch is committed and reported
    interrupt(imp);
    Dossier.Run r = imp.await(); // closes standard input
    assertThat(r.code()).as(r.toString()).isEqualTo(130);
    assertThat(r.err()).contains("stopped by Ctrl-C");
    Matcher m = IMPORTED.matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    int imported = Integer.parseInt(m.group(1));
    // what it says it did is what it did, outcome for outcome
    assertThat(r.out().lines().filter(l -> l.contains("\"imported\"")).count()).isEqualTo(imported);
    assertThat(d.run("list", "--format", "ids").out().lines().count()).isEqualTo(imported);
    assertThat(d.run("db", "check").code()).isZero();
    // it stopped at the latest after standard input, the file it was waiting for
    long fromA = d.count("SELECT count(*) FROM articles WHERE path LIKE '%/a/%'");
    assertThat(fromA).isPositive();
    assertThat(imported - fromA).as("standard input").isBetween(0L, 1L);
    assertThat(d.count("SELECT count(*) FROM articles WHERE path LIKE '%/b/%'")).isZero();

    // running it again finishes the job
    Dossier.Run again = d.run("import", a.toString(), b.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err())
        .as("the re-run had work left")
        .contains("imported " + (first + second - fromA) + ", " + fromA + " duplicate");
    assertThat(d.count("SELECT count(*) FROM articles WHERE path IS NOT NULL"))
        .isEqualTo(first + second);
    assertThat(hits).isOne();
  }

  @Test
  void ctrlCStopsABatchTaggingBetweenLines() {
    int files = 400;
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    assertThat(d.run("import", Corpus.write(tmp.resolve("files"), 32, files).toString()).code())
        .isZero();
    StringBuilder head = new StringBuilder();
    StringBuilder tail = new StringBuilder();
    for (int id = 1; id <= files; id++) {
      (id <= 20 ? head : tail).append("+int/").append(id).append(" -- id:").append(id).append('\n');
    }
    Dossier.Started batch = d.startHeld("tag", "--batch");
    batch.feed(head.toString());
    batch.awaitWhileRunning("20 lines applied", () -> links(d) >= 20);
    // it now waits for line 21
    interrupt(batch);
    batch.feed(tail.toString());
    Dossier.Run r = batch.await();
    assertThat(r.code()).as(r.toString()).isEqualTo(130);
    assertThat(r.err()).contains("stopped by Ctrl-C after line 20; 20 lines applied");
    assertThat(links(d)).isEqualTo(20);
    assertThat(d.run("db", "check").code()).isZero();

    Dossier.Run again = d.runWithInput(head.toString() + tail, "tag", "--batch");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err()).as("the re-run had work left").contains("; 380 article changes");
    assertThat(links(d)).isEqualTo(files);
    assertThat(hits).isOne();
  }

  private static long links(Dossier d) {
    return d.count("SELECT count(*) FROM article_tags");
  }
}
