package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    for (String f : ImportCommandTest.FIXTURES) {
      assertThat(cli.run("import", cli.fixture(f).toString()).code()).isZero();
    }
  }

  private void config(String text) throws Exception {
    Path p = tmp.resolve("home/.config/dossier/config");
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void defaultsComeFromTheConfigFileAndTheCommandLineWins() throws Exception {
    String newest = cli.run("list", "--format", "ids").out();
    config("# my defaults\nformat = ids\nlist.sort = oldest\n");
    Cli.Result r = cli.run("list");
    assertThat(r.code()).as(r.toString()).isZero();
    List<String> oldest = new ArrayList<>(newest.lines().toList());
    Collections.reverse(oldest);
    assertThat(r.lines()).containsExactlyElementsOf(oldest);
    assertThat(cli.run("list", "--sort", "newest").out()).isEqualTo(newest);
    // the command-specific key applies to list only; format applies everywhere it exists
    assertThat(cli.run("search", "the").lines()).allMatch(l -> l.matches("\\d+"));
    assertThat(cli.run("list", "--format", "table").out()).contains("Pellor");
  }

  @Test
  void globalOptionsToo() throws Exception {
    Path other = tmp.resolve("other.db");
    config("db = " + other + "\n");
    cli.env("DOSSIER_DB", null);
    // the archive the config names is the one used: a reading command says it is not there
    Cli.Result r = cli.run("list", "--format", "ids");
    assertThat(r.err()).contains("no archive at " + other);
    assertThat(cli.run("db", "info").code()).isZero();
    assertThat(other).exists();
  }

  @Test
  void dossierConfigNamesAnotherFile() throws Exception {
    Path file = tmp.resolve("elsewhere.properties");
    Files.writeString(file, "format = csv\n");
    cli.env("DOSSIER_CONFIG", file.toString());
    assertThat(cli.run("list").lines().get(0)).startsWith("id,title,");
  }

  @Test
  void aBadValueIsAUsageErrorNamingTheOption() throws Exception {
    config("format = sideways\n");
    Cli.Result r = cli.run("list");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--format").contains("sideways");
  }
}
