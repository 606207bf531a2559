package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The committed man pages are what the command model generates, so they cannot drift from {@code
 * --help}; and man renders them without a warning.
 *
 * <p>After changing commands or options, refresh them with {@code mvn test -Dtest=ManPagesTest
 * -Ddossier.update=true}.
 */
class ManPagesTest {
  static final Path MAN = Cli.projectDir().resolve("man");

  static CommandLine model() {
    return DossierCommand.commandLine(
        new Env(
            Map.of(),
            java.io.InputStream.nullInputStream(),
            java.io.OutputStream.nullOutputStream(),
            false,
            false));
  }

  @Test
  void committedPagesAreWhatTheCommandModelGenerates() throws IOException {
    Map<String, String> pages = ManPages.generate(model());
    if (Boolean.getBoolean("dossier.update")) {
      Files.createDirectories(MAN);
      try (Stream<Path> old = Files.list(MAN)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (Map.Entry<String, String> e : pages.entrySet()) {
        Files.writeString(MAN.resolve(e.getKey()), e.getValue());
      }
    }
    try (Stream<Path> files = Files.list(MAN)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("man/ holds exactly the generated pages")
          .containsExactlyInAnyOrderElementsOf(pages.keySet());
    }
    for (Map.Entry<String, String> e : pages.entrySet()) {
      assertThat(Files.readString(MAN.resolve(e.getKey())))
          .as(
              "man/%s is out of date; refresh with"
                  + " mvn test -Dtest=ManPagesTest -Ddossier.update=true",
              e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void everyCommandAndOptionOfTheHelpIsInThePages() {
    Map<String, String> pages = ManPages.generate(model());
    CommandLine root = model();
    for (CommandLine sub : root.getSubcommands().values()) {
      if (sub.getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      String name = sub.getCommandSpec().name();
      String page = pages.get("dossier-" + name + ".1");
      assertThat(page).as("a page for " + name).isNotNull();
      assertThat(pages.get("dossier.1")).contains("\\fBdossier\\-" + name.replace("-", "\\-"));
      sub.getCommandSpec().options().stream()
          .filter(o -> !o.hidden() && !o.inherited())
          .forEach(
              o ->
                  assertThat(page)
                      .as(name + " " + o.longestName())
                      .contains(ManPages.esc(o.longestName())));
    }
    assertThat(pages.get("dossier.1"))
        .contains(".SH EXIT STATUS")
        .contains(".SH ENVIRONMENT")
        .contains(".SH FILES")
        .contains("DOSSIER_DB");
  }

  static boolean manAvailable() {
    try {
      Process p = new ProcessBuilder("man", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void manRendersEveryPageWithoutWarnings() throws Exception {
    assumeTrue(manAvailable(), "man is not installed");
    List<Path> pages;
    try (Stream<Path> files = Files.list(MAN)) {
      pages = files.sorted().toList();
    }
    assertThat(pages).isNotEmpty();
    for (Path page : pages) {
      ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-l", page.toString());
      pb.environment().put("MANWIDTH", "80");
      pb.environment().put("MANPAGER", "cat");
      pb.environment().put("PAGER", "cat");
      pb.environment().put("LANG", "C.UTF-8");
      Path err = Files.createTempFile("man", ".err");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String warnings = Files.readString(err);
      Files.delete(err);
      assertThat(p.exitValue()).as(page + ": " + warnings).isZero();
      assertThat(warnings).as(page + " renders without warnings").isEmpty();
      assertThat(out)
          .as(page.toString())
          .contains("NAME")
          .doesNotContain("\\f")
          .doesNotContain("\\-");
    }
  }
}
