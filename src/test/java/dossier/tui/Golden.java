package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected screens in src/test/resources/tui. Run with {@code -Dtui.update=true} to rewrite them
 * after a deliberate change, then read the diff.
 */
final class Golden {
  private Golden() {}

  static void assertScreen(String actual, String name) {
    Path file = dossier.cli.Cli.projectDir().resolve("src/test/resources/tui").resolve(name);
    try {
      if (Boolean.getBoolean("tui.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual + "\n").as("screen " + name).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
