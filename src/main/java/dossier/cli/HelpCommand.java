package dossier.cli;

import dossier.core.UsageException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code dossier help [COMMAND [SUBCOMMAND]]}: git's habit, the same text as {@code --help}. */
@Command(
    name = "help",
    mixinStandardHelpOptions = true,
    description = {
      "Print the help of dossier, or of a command: 'dossier help tag' is 'dossier tag --help',"
          + " 'dossier help db check' is 'dossier db check --help'."
    })
final class HelpCommand extends BaseCommand {
  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      completionCandidates = CommandNames.class,
      description = "The command (and its subcommand) to describe; none for dossier's own help.")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    // the full command model: a run sets up only the subcommand it executes
    CommandLine cl = DossierCommand.commandLine(env());
    for (String name : names) {
      CommandLine sub = cl.getSubcommands().get(name);
      if (sub == null || sub.getCommandSpec().usageMessage().hidden()) {
        // said as a mistyped command is: "unknown command 'lsit' (did you mean 'list'?)"
        throw new UsageException(
            UsageErrors.message(new UnmatchedArgumentException(cl, List.of(name))));
      }
      cl = sub;
    }
    cl.usage(out());
    out().flush();
    return ExitCode.OK;
  }

  /** The visible command names, for completion. */
  static final class CommandNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (DossierCommand.Sub c : DossierCommand.SUBCOMMANDS) {
        if (!c.hidden()) {
          names.add(c.name());
        }
      }
      return names.iterator();
    }
  }
}
