package dossier.cli;

import dossier.service.EditService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "note",
    mixinStandardHelpOptions = true,
    description = {
      "Attach a note to an article (searchable, and shown by show and review). An empty TEXT"
          + " removes the note; '-' reads it from standard input."
    })
final class NoteCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The article's id.")
  long id;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "The note.")
  List<String> text = new ArrayList<>();

  @Override
  public Integer call() {
    String note = String.join(" ", text);
    if (note.equals("-")) {
      try {
        note = new String(env().stdin().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    EditService.Result r = new EditService(archive()).note(id, note);
    say(
        r.changed() == 0
            ? "note unchanged"
            : (note.isBlank() ? "removed the note of " : "noted ")
                + "#"
                + id
                + logged(r.journal()));
    return ExitCode.OK;
  }
}
