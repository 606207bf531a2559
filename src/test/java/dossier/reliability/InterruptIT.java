package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during a long import: the process stops cleanly and says what it did. */
class InterruptIT {
  static final Pattern IMPORTED = Pattern.compile("imported (\\d+), (\\d+) duplicates?");

  @TempDir Path tmp;

  @Test
  void ctrlCStopsAnImportAfterTheBatchItIsWriting() throws Exception {
    int files = 2000;
    Path in = Corpus.writePages(tmp.resolve("pages"), 31, files);
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    Dossier.Started imp = d.start("import", "--json", in.toString());
    // the first committed batch shows up as outcome lines on stdout
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (imp.outSoFar().lines().count() < 10 && imp.process().isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assumeTrue(imp.process().isAlive(), "the import was still running when Ctrl-C came");
    Dossier.interrupt(imp.process());
    Dossier.Run r = imp.await(60);
    assertThat(r.code()).as(r.toString()).isEqualTo(130);
    assertThat(r.err()).contains("stopped by Ctrl-C");
    Matcher m = IMPORTED.matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    int imported = Integer.parseInt(m.group(1));
    assertThat(imported).isPositive().isLessThan(files);
    // what it says it did is what it did, outcome for outcome
    assertThat(r.out().lines().filter(l -> l.contains("\"imported\"")).count()).isEqualTo(imported);
    assertThat(d.run("list", "--format", "ids").out().lines().count()).isEqualTo(imported);
    assertThat(d.run("db", "check").code()).isZero();

    // running it again finishes the job
    Dossier.Run again = d.run("import", in.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err())
        .contains("imported " + (files - imported) + ", " + imported + " duplicate");
    assertThat(d.run("list", "--format", "ids").out().lines().count()).isEqualTo(files);
  }
}
