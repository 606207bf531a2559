package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.Sandbox;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged dossier writing where writes fail: standard output on {@code /dev/full}, files on a
 * tmpfs that fills up, and an export killed mid-write. Every failed write is reported with its
 * reason and exit 1; no earlier export is lost and no part file is left behind.
 */
class OutputFailureIT {
  @TempDir Path tmp;
  Path small;
  boolean mounted;

  /** What a finished run printed and returned. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  @BeforeEach
  void archive() throws Exception {
    Path in = Corpus.write(tmp.resolve("files"), 1, 40);
    Run r = run(null, "import", in.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", small.toString()).start().waitFor();
    }
  }

  private ProcessBuilder builder(File stdout, String... args) {
    List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-jar"));
    cmd.add(Dossier.jar().toString());
    if (!List.of(args).contains("--db")) {
      cmd.addAll(List.of("--db", tmp.resolve("archive.db").toString()));
    }
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Sandbox.isolate(pb.environment(), tmp.resolve("home"));
    pb.environment().put("NO_COLOR", "1");
    pb.redirectOutput(stdout != null ? stdout : tmp.resolve("out.txt").toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    return pb;
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Runs dossier with standard output to {@code stdout} (a file of its own when null). */
  private Run run(File stdout, String... args) throws Exception {
    Process p = builder(stdout, args).redirectInput(new File("/dev/null")).start();
    int code = p.waitFor();
    Path out = tmp.resolve("out.txt");
    return new Run(
        code,
        stdout == null && Files.exists(out) ? Files.readString(out) : "",
        Files.readString(tmp.resolve("err.txt")));
  }

  private static final File FULL = new File("/dev/full");

  // 1. -------------------------------------------------------------------------------------------

  @Test
  void standardOutputOnAFullDeviceFailsLoudly() throws Exception {
    assumeTrue(FULL.exists(), "/dev/full exists");
    for (String[] args :
        List.of(
            new String[] {"list"},
            new String[] {"list", "--format", "ndjson"},
            new String[] {"show", "1", "--format", "raw"},
            new String[] {"show", "1"},
            new String[] {"export", "--format", "ndjson"},
            new String[] {"export", "--format", "csv"},
            new String[] {"search", "item"},
            new String[] {"import", "--json", tmp.resolve("files").toString()})) {
      Run r = run(FULL, args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(1);
      assertThat(r.err())
          .as(String.join(" ", args))
          .contains("cannot write standard output: No space left on device")
          .doesNotContain("exported")
          .doesNotContain("Exception");
    }
    Run file = run(null, "export", "--format", "ndjson", "-o", "/dev/full");
    assertThat(file.code()).as(file.toString()).isEqualTo(1);
    assertThat(file.err()).contains("cannot write /dev/full: No space left on device");
  }

  /**
   * {@code dossier show - | head}: the reader has gone before dossier writes (the ids come on
   * standard input only after the read end of standard output is closed), so the write meets EPIPE
   * whatever the machine's speed. dossier ends quietly with 141, as git or ls ended by SIGPIPE do.
   */
  @Test
  void aClosedPipeEndsTheCommandQuietly() throws Exception {
    for (String[] args :
        List.of(new String[] {"show", "-"}, new String[] {"show", "-", "--format", "raw"})) {
      ProcessBuilder pb = builder(null, args);
      pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
      Process p = pb.start();
      p.getInputStream().close(); // the reader leaves, as head does after its lines
      try (OutputStream ids = p.getOutputStream()) {
        ids.write("1 2 3\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException gone) {
        // dossier may already have stopped: its status says how
      }
      int code = p.waitFor();
      String err = Files.readString(tmp.resolve("err.txt"));
      assertThat(code).as(String.join(" ", args) + "\n" + err).isEqualTo(141);
      assertThat(err).as(String.join(" ", args)).isEmpty();
    }
  }

  /** A 16 MB tmpfs of this test's own. */
  private Path smallDisk() throws Exception {
    small = Files.createDirectories(tmp.resolve("small"));
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", small.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assumeTrue(p.waitFor() == 0, "mounting a tmpfs needs root; /dev/full covers standard output");
    mounted = true;
    return small;
  }

  /** Fills the tmpfs with a file of ballast until {@code free} bytes are left. */
  private Path fill(long free) throws Exception {
    long room = Files.getFileStore(small).getUsableSpace() - free;
    try (OutputStream o = Files.newOutputStream(small.resolve("ballast"))) {
      o.write(new byte[(int) Math.max(0, room)]);
    } catch (IOException full) {
      // the ballast filled it
    }
    return small;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFullDiskKeepsThePreviousExportAndLeavesNoPart() throws Exception {
    Path disk = smallDisk();
    Path target = disk.resolve("archive.ndjson");
    Files.writeString(target, "the previous export\n");
    fill(0);
    Run r = run(null, "export", "--format", "ndjson", "-o", target.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("cannot write " + target + ": No space left on device")
        .doesNotContain("exported");
    assertThat(Files.readString(target)).isEqualTo("the previous export\n");
    assertThat(names(disk)).containsExactly("archive.ndjson", "ballast");

    Run html = run(null, "export", "--format", "html", "-o", disk.resolve("site").toString());
    assertThat(html.code()).as(html.toString()).isEqualTo(1);
    assertThat(html.err()).contains("No space left on device").doesNotContain("exported");

    // a backup names the reason and leaves neither part nor journal
    Run b = run(null, "backup", disk.resolve("backup.db").toString());
    assertThat(b.code()).as(b.toString()).isEqualTo(1);
    assertThat(b.err()).contains("No space left on device").doesNotContain("SQLite error");
    assertThat(names(disk)).doesNotContain("backup.db").noneMatch(n -> n.contains(".part"));
  }

  @Test
  void anImportOntoAFullDiskReportsEveryFileAndItsSummary() throws Exception {
    Path disk = smallDisk();
    Path db = disk.resolve("archive.db");
    Files.copy(tmp.resolve("archive.db"), db);
    fill(300_000);
    Path more = Corpus.write(tmp.resolve("more"), 2, 400);
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of("--db", db.toString(), "import", "--json", more.toString()));
    Run r = run(null, cmd.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isIn(1, 3);
    assertThat(r.err())
        .containsPattern("imported \\d+, \\d+ duplicates?, \\d+ failed \\(400 files");
    assertThat(r.out().lines().count()).as("an outcome for every file").isEqualTo(400);
    assertThat(r.out()).contains("No space left on device");
  }

  // 3. -------------------------------------------------------------------------------------------

  @Test
  void aKilledExportLeavesThePreviousOneWhole() throws Exception {
    Path target = tmp.resolve("export.ndjson");
    Run first = run(null, "export", "--format", "ndjson", "-o", target.toString());
    assertThat(first.code()).as(first.toString()).isZero();
    byte[] previous = Files.readAllBytes(target);

    ProcessBuilder pb = builder(null, "export", "--format", "ndjson", "-o", target.toString());
    pb.environment().put("DOSSIER_TEST_PAUSE_EXPORT", "20");
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start(); // standard input: a pipe this test holds open
    // blocks until the export has written 20 of its 40 articles and stopped there
    String line =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))
            .readLine();
    assertThat(line).isEqualTo("export paused after 20 articles");
    assertThat(names(tmp)).anyMatch(n -> n.startsWith(".export.ndjson.") && n.endsWith(".part"));
    p.destroyForcibly();
    p.waitFor();

    assertThat(Files.readAllBytes(target)).isEqualTo(previous);
    // the part the killed export left is removed by the next export to the same file
    Run again = run(null, "export", "--format", "ndjson", "-o", target.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(names(tmp)).noneMatch(n -> n.endsWith(".part"));
    assertThat(Files.readAllBytes(target)).isEqualTo(previous);
  }

  // 13. ------------------------------------------------------------------------------------------

  @Test
  void aLaterBackupRemovesThePartsThatAKilledOneLeft() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path part = tmp.resolve(".copy.db." + gone.pid() + ".k1lled.part");
    Path journal = tmp.resolve(".copy.db." + gone.pid() + ".k1lled.part-journal");
    Files.write(part, new byte[100_000]);
    Files.write(journal, new byte[10]);
    // a part of a process that still runs is its own: this test's
    Path alive = tmp.resolve(".copy.db." + ProcessHandle.current().pid() + ".running.part");
    Files.write(alive, new byte[10]);
    Run r = run(null, "backup", tmp.resolve("copy.db").toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(part).doesNotExist();
    assertThat(journal).doesNotExist();
    assertThat(alive).exists();
    assertThat(tmp.resolve("copy.db")).exists();
  }
}
