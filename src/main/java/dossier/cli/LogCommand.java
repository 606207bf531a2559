package dossier.cli;

import dossier.service.EditService;
import dossier.store.Journal.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description =
        "List recent changes, newest first, with who made each ($DOSSIER_USER, else the login"
            + " name; empty for changes recorded before names were kept); 'dossier undo' reverts"
            + " your newest not yet undone.")
final class LogCommand extends BaseCommand {
  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Show N changes (default: 20; 0: all).")
  int limit = 20;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    notNegative("--limit", limit);
    try (RowPrinter p =
        new RowPrinter(out(), output, "id", "at", "command", "summary", "undone", "author")) {
      for (Change c : new EditService(archive()).log(limit)) {
        if (output.effective() == OutputFormat.table) {
          p.row(
              c.id(),
              c.at(),
              c.command(),
              c.summary(),
              c.undone() ? "(undone)" : "",
              c.author() == null ? "" : c.author());
        } else {
          p.row(c.id(), c.at(), c.command(), c.summary(), c.undone(), c.author());
        }
      }
    }
    return ExitCode.OK;
  }
}
