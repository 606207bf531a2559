package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.GoldenFiles;
import dossier.Sandbox;
import dossier.service.CompletionService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed completion scripts are what {@code dossier completion} prints, and they complete
 * commands and the archive's tags, saved searches and query fields.
 *
 * <p>After changing commands or options, refresh the committed scripts with {@code mvn test
 * -Dtest=CompletionsTest -Ddossier.update=true} (the switch of every golden test).
 */
class CompletionsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Completions.Shell.class)
  void committedScriptsAreWhatTheBuildGenerates(Completions.Shell shell) throws IOException {
    Cli.Result r = new Cli(tmp).run("completion", shell.name());
    assertThat(r.code()).as(r.toString()).isZero();
    Path committed = Cli.projectDir().resolve("completions/dossier." + shell.name());
    assertThat(GoldenFiles.expected(committed, r.out()))
        .as(
            "completions/dossier.%s is out of date; %s",
            shell.name(), GoldenFiles.refresh("CompletionsTest"))
        .isEqualTo(r.out());
  }

  private Cli archiveWithTagsAndSavedSearch() {
    Cli cli = new Cli(tmp);
    Cli.Result imp =
        cli.run(
            "import",
            "--tag",
            "economy",
            "--tag",
            "Ukraine/energy",
            "--tag",
            "shipping",
            cli.fixture("harbour-strike.txt").toString());
    assertThat(imp.code()).as(imp.toString()).isZero();
    Cli.Result saved = cli.run("saved", "add", "ports", "tag:shipping");
    assertThat(saved.code()).as(saved.toString()).isZero();
    return cli;
  }

  @Test
  void completeListsTagsSavedSearchesAndQueryWords() {
    Cli cli = archiveWithTagsAndSavedSearch();
    assertThat(cli.run("__complete", "tags").lines())
        .containsExactly("economy", "shipping", "Ukraine/energy");
    assertThat(cli.run("__complete", "tags", "u").lines()).containsExactly("Ukraine/energy");
    assertThat(cli.run("__complete", "saved").lines()).containsExactly("ports");
    assertThat(cli.run("__complete", "query", "tag:e").lines()).containsExactly("tag:economy");
    assertThat(cli.run("__complete", "query", "--", "-tag:s").lines())
        .containsExactly("-tag:shipping");
    assertThat(cli.run("__complete", "query", "saved:").lines()).containsExactly("saved:ports");
    assertThat(cli.run("__complete", "query", "is:re").lines())
        .containsExactly("is:read", "is:reviewed");
    assertThat(cli.run("__complete", "query", "ti").lines()).containsExactly("title:");
  }

  @Test
  void completeWithoutAnArchivePrintsNothingAndCreatesNone() {
    Cli cli = new Cli(tmp);
    Cli.Result r = cli.run("__complete", "tags");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(cli.db()).doesNotExist();
    assertThat(cli.run("__complete", "query", "tag:").out()).isEmpty();
    assertThat(cli.db()).doesNotExist();
  }

  @Test
  void everyCompletedFieldIsOneTheQueryLanguageKnows() {
    Cli cli = new Cli(tmp);
    assertThat(cli.run("db", "info").code()).isZero(); // an archive to ask
    for (String field : CompletionService.FIELDS) {
      Cli.Result r = cli.run("list", field + ":2024");
      assertThat(r.err()).as(field).doesNotContain("unknown field");
    }
    assertThat(cli.run("list", "colour:red").err()).contains("unknown field");
  }

  @Test
  void completeIsHiddenFromHelp() {
    assertThat(new Cli(tmp).run("--help").out()).doesNotContain("__complete");
  }

  /** Runs bash with the committed script, as if TAB had been pressed at the end of {@code line}. */
  private List<String> bashComplete(Cli cli, String line) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path shim = bin.resolve("dossier");
    if (!Files.exists(shim)) {
      String java = ProcessHandle.current().info().command().orElse("java");
      Files.writeString(
          shim,
          "#!/bin/sh\nexec '"
              + java
              + "' -cp '"
              + System.getProperty("java.class.path")
              + "' dossier.Main \"$@\"\n");
      Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
    }
    String script =
        String.join(
            "\n",
            "source \"$1\"",
            "COMP_LINE=\"$2\"",
            "COMP_POINT=${#COMP_LINE}",
            // bash splits the line into words at blanks and at ':' (COMP_WORDBREAKS)
            "read -ra COMP_WORDS <<< \"${COMP_LINE//:/ : }\"",
            "[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')",
            "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
            "_dossier_complete dossier \"${COMP_WORDS[COMP_CWORD]}\" 2>/dev/null",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");
    ProcessBuilder pb =
        new ProcessBuilder(
            "bash",
            "-c",
            script,
            "bash",
            Cli.projectDir().resolve("completions/dossier.bash").toString(),
            line);
    Sandbox.isolate(pb.environment(), tmp.resolve("bash-home"));
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("DOSSIER_DB", cli.db().toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void bashCompletesCommandsOptionsAndArchiveValues() throws Exception {
    Cli cli = archiveWithTagsAndSavedSearch();
    assertThat(bashComplete(cli, "dossier sh")).containsExactly("show");
    assertThat(bashComplete(cli, "dossier list --format n")).containsExactly("ndjson");
    // after 'tag:' bash replaces only what follows the colon
    assertThat(bashComplete(cli, "dossier list tag:"))
        .containsExactly("economy", "shipping", "Ukraine/energy");
    assertThat(bashComplete(cli, "dossier search harbour tag:s")).containsExactly("shipping");
    assertThat(bashComplete(cli, "dossier import --tag ec")).containsExactly("economy");
    // the first word of mark is a status; tag's +TAG completes tags, both by their markers
    assertThat(bashComplete(cli, "dossier mark ")).contains("new", "read", "reviewed", "archived");
    assertThat(bashComplete(cli, "dossier mark re")).containsExactlyInAnyOrder("read", "reviewed");
    assertThat(bashComplete(cli, "dossier tag +ec")).containsExactly("+economy");
  }

  @Test
  void everyCommandThatTakesAQueryMarksItForCompletion() {
    picocli.CommandLine root =
        DossierCommand.commandLine(
            new Env(
                java.util.Map.of(),
                new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.ByteArrayOutputStream(),
                false,
                false));
    List<String> unmarked = new java.util.ArrayList<>();
    java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      picocli.CommandLine cl = todo.pop();
      todo.addAll(cl.getSubcommands().values());
      if (cl.getCommand() instanceof QueryWords
          && cl.getCommandSpec().positionalParameters().stream()
              .noneMatch(
                  p -> Completions.kind(p) != null && Completions.kind(p) != Completes.Kind.FILE)) {
        unmarked.add(cl.getCommandSpec().qualifiedName());
      }
    }
    assertThat(unmarked).isEmpty();
  }

  @Test
  void isCompletesEveryStateTheQueryLanguageKnows() {
    Cli cli = new Cli(tmp);
    assertThat(cli.run("db", "info").code()).isZero();
    List<String> words = cli.run("__complete", "query", "is:").lines();
    for (dossier.core.Query.State s : dossier.core.Query.State.values()) {
      assertThat(words).contains("is:" + s.word());
    }
    assertThat(words).contains("is:unread", "is:copy");
    for (String w : words) {
      Cli.Result r = cli.run("count", w);
      assertThat(r.code()).as(w + "\n" + r).isZero();
    }
  }
}
