package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command and option is documented, and help works everywhere. */
class HelpTest {
  @TempDir Path tmp;

  private static void eachCommand(CommandLine cl, Consumer<CommandLine> f) {
    f.accept(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        eachCommand(sub, f);
      }
    }
  }

  @Test
  void everyCommandAndOptionHasADescription() {
    eachCommand(
        ManPagesTest.model(),
        cl -> {
          CommandSpec spec = cl.getCommandSpec();
          String name = spec.qualifiedName();
          assertThat(String.join("", spec.usageMessage().description()))
              .as(name + " needs a description")
              .isNotBlank();
          for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
              assertThat(String.join("", o.description()))
                  .as(name + " " + o.longestName() + " needs a description")
                  .isNotBlank();
            }
          }
        });
  }

  @Test
  void helpWorksForEveryCommandAndListsEverySubcommand() {
    Cli cli = new Cli(tmp);
    Cli.Result root = cli.run("--help");
    assertThat(root.code()).isZero();
    assertThat(root.out()).contains("Usage: dossier").contains("Exit codes:");
    eachCommand(
        ManPagesTest.model(),
        cl -> {
          String[] path = cl.getCommandSpec().qualifiedName().split(" ");
          if (path.length == 1) {
            return;
          }
          String[] args = new String[path.length];
          System.arraycopy(path, 1, args, 0, path.length - 1);
          args[path.length - 1] = "--help";
          Cli.Result r = cli.run(args);
          String name = cl.getCommandSpec().qualifiedName();
          assertThat(r.code()).as(name + " --help: " + r).isZero();
          assertThat(r.out()).startsWith("Usage: " + name);
          assertThat(r.err()).isEmpty();
          if (path.length == 2) {
            assertThat(root.out()).as("dossier --help lists " + path[1]).contains("  " + path[1]);
          }
        });
    assertThat(cli.db()).as("help opens no archive").doesNotExist();
  }

  @Test
  void versionAndUnknownOptions() {
    Cli cli = new Cli(tmp);
    Cli.Result v = cli.run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("dossier ");
    Cli.Result bad = cli.run("list", "--no-such-option");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("--no-such-option").contains("list --help");
    Cli.Result unknown = cli.run("frobnicate");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    ImportCommandTest.assertNoStackTrace(unknown);
  }

  @Test
  void versionAloneIsAnsweredWithoutTheCommandLineAndTheSame() {
    Cli.Result picocli = new Cli(tmp).run("--version");
    for (String flag : List.of("--version", "-V")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Env env = new Env(Map.of(), InputStream.nullInputStream(), bytes, false, false);
      assertThat(DossierCommand.quick(env, flag)).isZero();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(picocli.out());
    }
    Env env =
        new Env(Map.of(), InputStream.nullInputStream(), new ByteArrayOutputStream(), false, false);
    assertThat(DossierCommand.quick(env, "--version", "--db")).isNull();
    assertThat(DossierCommand.quick(env, "search", "--version")).isNull();
    assertThat(DossierCommand.quick(env)).isNull();
  }

  @Test
  void aRunSetsUpOnlyTheSubcommandItNamesPastTheRootOptions() {
    Env env =
        new Env(Map.of(), InputStream.nullInputStream(), new ByteArrayOutputStream(), false, false);
    assertThat(
            DossierCommand.commandLine(env, "--user", "ana", "-q", "--db", "x.db", "search", "w")
                .getSubcommands())
        .containsOnlyKeys("search");
    assertThat(DossierCommand.commandLine(env, "--user=ana", "list").getSubcommands())
        .containsOnlyKeys("list");
    assertThat(DossierCommand.commandLine(env, "--help").getSubcommands())
        .containsKeys("import", "search", "list");
  }
}
