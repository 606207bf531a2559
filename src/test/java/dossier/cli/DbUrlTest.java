package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A URL given to --db or $DOSSIER_DB is a URL, never a file name. */
class DbUrlTest {
  @TempDir Path dir;

  /** What Path.of would make of a postgresql:// value, relative to the working folder. */
  private static final Path MISREAD = Path.of("postgresql:");

  @Test
  void anUnknownSchemeIsAUsageErrorNamingTheValue() {
    Cli cli = new Cli(dir);
    Cli.Result r = cli.run("--db", "https://example.org/archive.db", "list");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("'https://example.org/archive.db'")
        .contains("archive file or a postgresql:// URL")
        .doesNotContain("Exception");
    assertThat(Files.exists(Path.of("https:"))).isFalse();
  }

  @Test
  void aPasswordInAnUnknownUrlIsNotRepeated() {
    Cli cli = new Cli(dir).env("DOSSIER_DB", "mysql://ana:s3cret@db.example/news");
    Cli.Result r = cli.run("count");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("mysql://ana@db.example/news").doesNotContain("s3cret");
  }

  @Test
  void aFilePathStillNamesAFile() {
    Cli cli = new Cli(dir);
    Path file = dir.resolve("sub/a.db");
    cli.ok("--db", file.toString(), "db", "info");
    assertThat(file).isRegularFile();
  }

  @Test
  void aDirectoryWithAColonIsStillAPath() {
    Cli cli = new Cli(dir);
    Path file = dir.resolve("x:y/a.db");
    cli.ok("--db", file.toString(), "db", "info");
    assertThat(file).isRegularFile();
  }

  @Test
  void noFolderIsMadeForAPostgresqlUrl() {
    boolean before = Files.exists(MISREAD);
    Cli cli = new Cli(dir);
    Cli.Result r = cli.run("--db", "postgresql://127.0.0.1:1/nowhere", "import", dir.toString());
    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("postgresql://127.0.0.1:1/nowhere").doesNotContain("Exception");
    if (!before) {
      assertThat(Files.exists(MISREAD)).as("a folder named postgresql: was made").isFalse();
    }
    assertThat(dir.resolve("postgresql:")).doesNotExist();
  }
}
