package dossier.cli;

import dossier.core.Text;
import dossier.core.UsageException;
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
      "Revert your last change (tag, mark, note, edit, rm, tags rename/merge/delete, rules"
          + " add/rm/apply, saved add/rm, import, reextract) and print exactly what was put back;"
          + " run it again to go further back. 'dossier log' lists the changes and who made them"
          + " ($DOSSIER_USER, else the login name; changes recorded before names were kept count"
          + " as everyone's).",
      "When someone else changed the archive after your last change, nothing is reverted and"
          + " their changes are named, unless --with-later asks to revert them too, newest first."
          + " --any reverts the latest change whoever made it, --by NAME the latest of NAME's.",
      "With --id N it reverts change N only while N is still the latest one: when anything was"
          + " changed after it (by this or another process), nothing is reverted and the later"
          + " changes are named, unless --with-later asks to revert them too, newest first.",
      "Examples:%n  dossier undo%n  dossier undo --any%n  dossier undo --by alice%n  dossier undo"
          + " --id 42%n  dossier undo --id 42 --with-later"
    })
final class UndoCommand extends BaseCommand {
  @Option(
      names = "--id",
      paramLabel = "N",
      description = "Revert change N (as 'dossier log' and every change's message number it).")
  Long id;

  @Option(
      names = "--with-later",
      description =
          "Also revert every change made after the one to undo (by anyone), newest first.")
  boolean withLater;

  @Option(names = "--any", description = "Revert the latest change, whoever made it.")
  boolean any;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Revert the latest change NAME made (as 'dossier log' names them).")
  String by;

  @Override
  public Integer call() {
    int modes = (id != null ? 1 : 0) + (any ? 1 : 0) + (by != null ? 1 : 0);
    if (modes > 1) {
      throw new UsageException("--id, --any and --by each say which change to undo: give one");
    }
    if (withLater && any) {
      throw new UsageException("--with-later has nothing to add to --any (the latest change)");
    }
    if (by != null && by.isBlank()) {
      throw new UsageException("--by needs a name");
    }
    EditService edits = new EditService(archive());
    String who = by != null ? by.strip() : edits.author();
    Optional<Undone> u;
    if (id != null) {
      u = Optional.of(edits.undo(id, withLater));
    } else if (any || who == null) {
      u = edits.undo();
    } else {
      u = edits.undoBy(who, withLater);
    }
    if (u.isEmpty()) {
      boolean others = !any && who != null && edits.log(0).stream().anyMatch(c -> !c.undone());
      say(
          others
              ? "nothing of "
                  + Text.safeForTerminal(who, false)
                  + "'s to undo ('dossier undo --any' reverts the latest"
                  + " change whoever made it)"
              : "nothing to undo");
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
