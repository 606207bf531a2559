package dossier.cli;

import dossier.core.Text;
import dossier.service.EditService;
import dossier.store.Journal.Change;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(
    name = "undo",
    mixinStandardHelpOptions = true,
    description =
        "Revert the last change (tag, mark, note, rm, tags rename/merge/delete, rules apply,"
            + " import); run it again to go further back. 'dossier log' lists the changes.")
final class UndoCommand extends BaseCommand {
  @Override
  public Integer call() {
    Optional<Change> c = new EditService(archive()).undo();
    if (c.isEmpty()) {
      say("nothing to undo");
    } else {
      say(
          "undid #"
              + c.get().id()
              + " "
              + c.get().command()
              + ": "
              + Text.safeForTerminal(c.get().summary(), false));
    }
    return ExitCode.OK;
  }
}
