package dossier.cli;

import dossier.service.CompletionService;
import dossier.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the completion scripts call for values only the archive knows. Prints one candidate a line
 * and nothing else: never an error, and never creates an archive.
 */
final class CompleteCommand extends BaseCommand {
  enum Kind {
    tags,
    saved,
    query
  }

  Kind kind;

  String word = "";

  /**
   * Built in code, not read from annotations: the shell runs this at every Tab, and picocli's
   * reading of an annotated command cost more than the rest of it.
   */
  CommandSpec model() {
    spec =
        Specs.command(
            this, "__complete", "Print completion candidates for the shell completion scripts.");
    spec.usageMessage().hidden(true);
    spec.addPositional(
        Specs.positional(Kind.class, "0", "1", () -> kind, v -> kind = v)
            .paramLabel("KIND")
            .required(true)
            .description("tags, saved or query.")
            .build());
    spec.addPositional(
        Specs.positional(String.class, "1", "0..1", () -> word, v -> word = v)
            .paramLabel("WORD")
            .description("What is typed so far.")
            .build());
    return spec;
  }

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
