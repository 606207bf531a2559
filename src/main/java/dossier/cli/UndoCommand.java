package dossier.cli;

import dossier.core.Text;
import dossier.service.EditService;
import dossier.store.Journal.Change;
import dossier.store.Journal.Undone;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "undo",
    mixinStandardHelpOptions = true,
    description = {
      "Revert the last change (tag, mark, note, edit, rm, tags rename/merge/delete, rules"
          + " add/rm/apply, saved add/rm, import, reextract) and print exactly what was put back;"
          + " run it again to go further back. 'dossier log' lists the changes.",
      "With --id N it reverts change N only while N is still the latest one: when anything was"
          + " changed after it (by this or another process), nothing is reverted and the later"
          + " changes are named, unless --with-later asks to revert them too, newest first.",
      "Examples:%n  dossier undo%n  dossier undo --id 42%n  dossier undo --id 42 --with-later"
    })
final class UndoCommand extends BaseCommand {
  @Option(
      names = "--id",
      paramLabel = "N",
      description = "Revert change N (as 'dossier log' and every change's message number it).")
  Long id;

  @Option(
      names = "--with-later",
      description = "With --id: also revert every change made after N, newest first.")
  boolean withLater;

  @Override
  public Integer call() {
    if (withLater && id == null) {
      throw new dossier.core.UsageException("--with-later needs --id N");
    }
    EditService edits = new EditService(archive());
    Optional<Undone> u = id == null ? edits.undo() : Optional.of(edits.undo(id, withLater));
    if (u.isEmpty()) {
      say("nothing to undo");
      return ExitCode.OK;
    }
    Undone undone = u.get();
    for (int i = 0; i < undone.changes().size(); i++) {
      Change c = undone.changes().get(i);
      say("undid #" + c.id() + " " + c.command() + ": " + Text.safeForTerminal(c.summary(), false));
      for (String line : undone.what().get(i)) {
        say("  " + Text.safeForTerminal(line, false));
      }
    }
    return ExitCode.OK;
  }
}
