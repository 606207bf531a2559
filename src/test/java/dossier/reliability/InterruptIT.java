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
    while (imp.outSoFar().lines().count() < 10
        && imp.process().isAlive()
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

  @Test
  void ctrlCStopsABatchTaggingBetweenLines() throws Exception {
    int files = 400;
    Dossier d = new Dossier(tmp.resolve("archive.db"), tmp.resolve("runs"));
    assertThat(d.run("import", Corpus.write(tmp.resolve("files"), 32, files).toString()).code())
        .isZero();
    StringBuilder lines = new StringBuilder();
    for (int id = 1; id <= files; id++) {
      lines.append("+int/").append(id).append(" -- id:").append(id).append('\n');
    }
    Dossier.Started batch = d.startWithInput(lines.toString(), "tag", "--batch");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (links(d) < 20 && batch.process().isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assumeTrue(batch.process().isAlive(), "the batch was still running when Ctrl-C came");
    Dossier.interrupt(batch.process());
    Dossier.Run r = batch.await(60);
    assertThat(r.code()).as(r.toString()).isEqualTo(130);
    Matcher m =
        Pattern.compile("stopped by Ctrl-C after line \\d+; (\\d+) lines? applied")
            .matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    assertThat(links(d)).isEqualTo(Long.parseLong(m.group(1)));
    assertThat(d.run("db", "check").code()).isZero();
  }

  private static long links(Dossier d) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + d.db());
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM article_tags")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
