package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.GoldenFiles;
import dossier.cli.Cli;
import java.nio.file.Path;

/**
 * Expected screens in src/test/resources/tui, refreshed like every golden file with {@code
 * -Ddossier.update=true} (see {@link GoldenFiles}) after a deliberate change; then read the diff.
 */
final class Golden {
  private Golden() {}

  static void assertScreen(String actual, String name) {
    Path file = Cli.projectDir().resolve("src/test/resources/tui").resolve(name);
    assertThat(GoldenFiles.expected(file, actual + "\n"))
        .as("screen %s; %s", name, GoldenFiles.refresh("ReviewScreenTest"))
        .isEqualTo(actual + "\n");
  }
}
