package dossier.cli;

import dossier.core.Text;
import dossier.core.UsageException;
import dossier.service.SavedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "saved",
    mixinStandardHelpOptions = true,
    description = {
      "Saved searches: a name for a query, usable as saved:NAME inside any query. Without a"
          + " subcommand, lists them.",
      "Examples:%n  dossier saved add energy 'tag:energy OR (oil OR gas) -tag:sport'%n"
          + "  dossier list saved:energy date:30d..%n  dossier saved rm energy"
    },
    subcommands = {SavedCommand.Add.class, SavedCommand.ListSaved.class, SavedCommand.Remove.class})
final class SavedCommand extends BaseCommand {
  /** Names that can be written after {@code saved:} without quotes. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,99}");

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    print(this, output);
    return ExitCode.OK;
  }

  static void print(BaseCommand cmd, OutputOptions output) {
    Map<String, String> all = cmd.archive().savedSearches().all();
    try (RowPrinter p = new RowPrinter(cmd.out(), output, "name", "query")) {
      all.forEach(p::row);
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Save QUERY under NAME (replacing a saved search of that name).")
  static final class Add extends BaseCommand {
    @Override
    boolean createsArchive() {
      return true;
    }

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "Letters, digits, '.', '_', '-', '/'.")
    String name;

    @Completes(Completes.Kind.QUERY)
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUERY", description = "The query.")
    List<String> query = new ArrayList<>();

    @Override
    public Integer call() {
      if (!NAME.matcher(name).matches()) {
        throw new UsageException(
            "bad saved search name '"
                + Text.safeForTerminal(name, false)
                + "': use letters, digits, '.', '_', '-' or '/', starting with a letter or digit");
      }
      String text = String.join(" ", query).strip();
      if (text.isEmpty()) {
        throw new UsageException("saved add needs a query");
      }
      SavedService.Saved r = new SavedService(archive()).add(name, text);
      say(
          (r.replaced() ? "replaced saved search " : "saved search ")
              + name
              + ": "
              + text
              + " (#"
              + r.journal()
              + " in the log)");
      return ExitCode.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved searches.")
  static final class ListSaved extends BaseCommand {
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      print(this, output);
      return ExitCode.OK;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a saved search.")
  static final class Remove extends BaseCommand {
    @Completes(Completes.Kind.SAVED_SEARCH)
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      long j = new SavedService(archive()).remove(name);
      say(
          "removed saved search "
              + name
              + " (#"
              + j
              + " in the log; 'dossier undo' brings it back)");
      return ExitCode.OK;
    }
  }
}
