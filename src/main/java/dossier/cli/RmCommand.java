package dossier.cli;

import dossier.service.EditService;
import dossier.service.EditService.Result;
import dossier.service.Selector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the articles that match a query (or --ids). On a terminal it asks first unless"
          + " --yes; 'dossier undo' brings them back."
    })
final class RmCommand extends BaseCommand implements QueryWords {
  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  @Mixin TargetOptions target;

  @Completes(Completes.Kind.QUERY)
  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      parameterConsumer = RawArgs.class,
      description = "The query (after --), or - for ids on standard input.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> rest = new ArrayList<>(args);
    if (!rest.isEmpty() && rest.get(0).equals("--")) {
      rest.remove(0);
    }
    boolean idsOnStdin = rest.size() == 1 && rest.get(0).equals("-");
    Selector sel = target.selector(rest, env());
    EditService edits = new EditService(archive());
    if (!yes && !target.dryRun && env().stdoutTty() && !idsOnStdin) {
      int n = edits.count(sel);
      if (n == 0) {
        say("no matching articles");
        hintIfNothing(0, target.ids == null ? String.join(" ", rest) : null);
        return ExitCode.OK;
      }
      err().print("Delete " + n + " article" + (n == 1 ? "" : "s") + "? [y/N] ");
      err().flush();
      String answer;
      try {
        answer =
            new BufferedReader(new InputStreamReader(env().stdin(), StandardCharsets.UTF_8))
                .readLine();
      } catch (IOException e) {
        answer = null;
      }
      if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
        say("nothing deleted");
        return ExitCode.OK;
      }
    }
    Result r = edits.delete(sel, target.dryRun);
    // a rehearsal counts what it deleted before it was rolled back
    int n = r.dryRun() ? r.perOperation().getOrDefault("deleted", r.selected()) : r.changed();
    String line =
        (r.dryRun() ? "would delete " : "deleted ")
            + n
            + " article"
            + (n == 1 ? "" : "s")
            + (r.dryRun() ? "" : logged(r.journal()) + " (undo with 'dossier undo')");
    if (r.dryRun()) {
      out().println(line);
    } else {
      say(line);
    }
    hintIfNothing(n, target.ids == null ? String.join(" ", rest) : null);
    return ExitCode.OK;
  }
}
