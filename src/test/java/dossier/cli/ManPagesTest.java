package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.GoldenFiles;
import dossier.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The committed man pages are what the command model generates, so they cannot drift from {@code
 * --help}; and man renders them without a warning.
 *
 * <p>After changing commands or options, or the hand-written roff in {@code man/src/}, refresh them
 * with {@code mvn test -Dtest=ManPagesTest -Ddossier.update=true}. A page must render without a raw
 * control byte or a stray font letter (the trace of a {@code \\f} escape that a Java string turned
 * into a form feed).
 */
class ManPagesTest {
  static final Path MAN = Cli.projectDir().resolve("man");

  static CommandLine model() {
    return DossierCommand.commandLine(
        new Env(
            Map.of(),
            InputStream.nullInputStream(),
            OutputStream.nullOutputStream(),
            false,
            false));
  }

  /** The page files in man/ (the roff they are made from, in man/src/, aside). */
  static List<Path> pageFiles() throws IOException {
    try (Stream<Path> files = Files.list(MAN)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void committedPagesAreWhatTheCommandModelGenerates() throws IOException {
    Map<String, String> pages = ManPages.generate(model());
    if (GoldenFiles.updating()) {
      for (Path p : pageFiles()) {
        if (!pages.containsKey(p.getFileName().toString())) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> e : pages.entrySet()) {
      assertThat(GoldenFiles.expected(MAN.resolve(e.getKey()), e.getValue()))
          .as("man/%s is out of date; %s", e.getKey(), GoldenFiles.refresh("ManPagesTest"))
          .isEqualTo(e.getValue());
    }
    assertThat(pageFiles().stream().map(p -> p.getFileName().toString()).toList())
        .as("man/ holds exactly the generated pages")
        .containsExactlyInAnyOrderElementsOf(pages.keySet());
  }

  /** A control character other than a line end: a byte that roff would print raw or mangle. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f]");

  /** A font escape that is not one of the fonts roff knows by a single letter. */
  private static final Pattern BAD_FONT = Pattern.compile("\\\\f(?![BIRP(\\[])");

  /**
   * What a broken font escape leaves on the rendered page: a font letter stuck to the text it
   * should have changed, as in "I~/.config/dossier/configR".
   */
  private static final Pattern STRAY_FONT =
      Pattern.compile("(?<![\\p{L}\\d])[IRB](?=[~$\\\\])|(?<=[\\p{Ll}\\d/])[IRB](?=[\\s,.);:]|$)");

  @Test
  void theRoffOfEveryPageHasNoControlBytesAndOnlyKnownFonts() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>(ManPages.generate(model()));
    for (Path p : pageFiles()) {
      sources.put("man/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
    }
    for (String name : List.of("dossier.1.roff", "dossier-query.7.roff")) {
      sources.put("man/src/" + name, ManPages.prose(name));
    }
    for (Map.Entry<String, String> e : sources.entrySet()) {
      List<String> lines = e.getValue().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String where = e.getKey() + ":" + (i + 1) + ": " + lines.get(i);
        assertThat(CONTROL.matcher(lines.get(i)).find()).as("a control byte in " + where).isFalse();
        assertThat(BAD_FONT.matcher(lines.get(i)).find())
            .as("a bad font escape in " + where)
            .isFalse();
      }
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
  void manRendersEveryPageWithoutWarningsOrRawCodes(@TempDir Path home) throws Exception {
    assumeTrue(manAvailable(), "man is not installed");
    List<Path> pages = pageFiles();
    assertThat(pages).isNotEmpty();
    for (Path page : pages) {
      ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-l", page.toString());
      Sandbox.isolate(pb.environment(), home);
      pb.environment().put("MANWIDTH", "80");
      pb.environment().put("MANPAGER", "cat");
      pb.environment().put("PAGER", "cat");
      Path err = home.resolve("man.err");
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
      List<String> lines = out.lines().toList();
      for (String line : lines) {
        assertThat(CONTROL.matcher(line).find())
            .as("%s renders a control byte: %s", page, line)
            .isFalse();
        assertThat(STRAY_FONT.matcher(line).results().map(r -> r.group()).toList())
            .as("%s renders a stray font letter: %s", page, line)
            .isEmpty();
      }
    }
  }
}
