package dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one switch of every golden test (screens, man pages, completion scripts, extraction): with
 * {@code -Ddossier.update=true} each test writes what the code now produces over its committed file
 * before comparing, so that {@code git diff} shows what a deliberate change changed. For example
 * {@code mvn test -Dtest='ExtractionGoldenTest' -Ddossier.update=true}.
 */
public final class GoldenFiles {
  /** The system property that turns updating on. */
  public static final String SWITCH = "dossier.update";

  private GoldenFiles() {}

  public static boolean updating() {
    return Boolean.getBoolean(SWITCH);
  }

  /** How to refresh the golden files of {@code test}, for failure messages. */
  public static String refresh(String test) {
    return "if the change is meant, refresh with mvn test -Dtest="
        + test
        + " -D"
        + SWITCH
        + "=true";
  }

  /**
   * The committed text of {@code file}; when updating, {@code actual} is written there first. A
   * missing file reads as null (and fails the comparison that follows).
   */
  public static String expected(Path file, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
