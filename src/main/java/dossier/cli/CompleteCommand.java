package dossier.cli;

import dossier.service.CompletionService;
import dossier.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * What the completion scripts call for values only the archive knows. Prints one candidate a line
 * and nothing else: never an error, and never creates an archive.
 */
@Command(
    name = "__complete",
    hidden = true,
    description = "Print completion candidates for the shell completion scripts.")
final class CompleteCommand extends BaseCommand {
  enum Kind {
    tags,
    saved,
    query
  }

  @Parameters(index = "0", paramLabel = "KIND", description = "tags, saved or query.")
  Kind kind;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "WORD",
      description = "What is typed so far.")
  String word = "";

  @Override
  public Integer call() {
    Archive archive = null;
    try {
      if (kind != Kind.query || word.contains(":")) {
        Path db = root().archivePath();
        archive = db == null || Files.isRegularFile(db) ? archive() : null;
      }
      CompletionService c = new CompletionService(archive);
      List<String> out =
          switch (kind) {
            case tags -> c.tags(word);
            case saved -> c.savedSearches(word);
            case query -> c.queryWord(word);
          };
      out.forEach(out()::println);
    } catch (RuntimeException e) {
      // a busy, damaged or foreign archive just means no candidates
    }
    out().flush();
    return ExitCode.OK;
  }
}
