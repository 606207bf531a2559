package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {
  @TempDir Path tmp;

  private Cli archive() {
    Cli cli = new Cli(tmp.resolve("live"));
    for (String f : ImportCommandTest.FIXTURES) {
      cli.fixture(f);
    }
    Cli.Result r = cli.run("import", "--tag", "kept", cli.dir().resolve("files").toString());
    assertThat(r.code()).as(r.toString()).isZero();
    return cli;
  }

  @Test
  void copiesTheArchiveForItsOwnerOnly() throws Exception {
    Cli cli = archive();
    Path copy = tmp.resolve("backups/today.db");
    Cli.Result r = cli.run("backup", copy.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("backed up").contains("today.db");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
        .isEqualTo("rw-------");
    try (var files = Files.list(copy.getParent())) {
      assertThat(files.toList()).as("no temporary file left").containsExactly(copy);
    }

    Cli fromCopy = new Cli(tmp.resolve("other")).env("DOSSIER_DB", copy.toString());
    assertThat(fromCopy.run("list", "--format", "json").out())
        .isEqualTo(cli.run("list", "--format", "json").out());
    assertThat(fromCopy.run("list", "tag:kept", "--format", "ids").lines()).hasSize(3);
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Cli cli = archive();
    Path copy = tmp.resolve("copy.db");
    Files.writeString(copy, "precious");
    Cli.Result r = cli.run("backup", copy.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--force");
    assertThat(Files.readString(copy)).isEqualTo("precious");

    assertThat(cli.run("backup", "--force", copy.toString()).code()).isZero();
    assertThat(Files.readAllBytes(copy)).startsWith("SQLite format 3".getBytes());

    Cli.Result self = cli.run("backup", "--force", cli.db().toString());
    assertThat(self.code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void consistentWhileAnotherProcessWrites() throws Exception {
    Cli cli = archive();
    Path files = Files.createDirectories(tmp.resolve("more"));
    for (int i = 0; i < 60; i++) {
      Files.writeString(
          files.resolve("note-" + i + ".txt"),
          "Harbour notice number "
              + i
              + "\n\nThe berth "
              + i
              + " is closed for dredging until"
              + " further notice, the harbour office said on day "
              + i
              + ".\n");
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<Integer> codes = new ArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              Cli other = new Cli(tmp.resolve("live"));
              for (int i = 0; i < 60 && !stop.get(); i++) {
                codes.add(
                    other.run("import", files.resolve("note-" + i + ".txt").toString()).code());
              }
            });
    writer.start();
    List<Path> copies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Path copy = tmp.resolve("copy-" + i + ".db");
      Cli.Result r = cli.run("backup", copy.toString());
      assertThat(r.code()).as(r.toString()).isZero();
      copies.add(copy);
    }
    stop.set(true);
    writer.join();
    assertThat(codes).allMatch(c -> c == 0);
    for (Path copy : copies) {
      Cli check = new Cli(tmp.resolve("check")).env("DOSSIER_DB", copy.toString());
      Cli.Result ids = check.run("list", "--format", "ids");
      assertThat(ids.code()).as(ids.toString()).isZero();
      assertThat(ids.lines().size()).isBetween(3, 63);
      Cli.Result db = check.run("db", "check");
      assertThat(db.code()).as(db.toString()).isZero();
    }
  }

  @Test
  void progressDrawsOnlyOnATerminal() throws Exception {
    Cli cli = archive();
    Cli.Result plain = cli.run("backup", tmp.resolve("a.db").toString());
    assertThat(plain.err()).doesNotContain("\r").doesNotContain("\033[");
    cli.tty(false, true);
    Cli.Result tty = cli.run("backup", tmp.resolve("b.db").toString());
    assertThat(tty.code()).isZero();
    assertThat(tty.err()).contains("\rbackup [").contains("100%").doesNotContain("\033");
    Cli.Result quiet = cli.run("-q", "backup", tmp.resolve("c.db").toString());
    assertThat(quiet.err()).isEmpty();
  }
}
