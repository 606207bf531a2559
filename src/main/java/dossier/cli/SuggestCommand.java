package dossier.cli;

import dossier.service.SuggestService;
import dossier.service.SuggestService.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description = {
      "Suggest tags for an article, best first, each with its score and reason: matching rules,"
          + " the tags of similar tagged articles, tags the source lists, and the names the text"
          + " keeps coming back to."
    })
final class SuggestCommand extends BaseCommand {
  @Parameters(paramLabel = "ID", description = "The article's id.")
  long id;

  @Option(names = "--limit", paramLabel = "N", description = "At most N suggestions (default: 8).")
  int limit = 8;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    notNegative("--limit", limit);
    try (RowPrinter p = new RowPrinter(out(), output, "tag", "score", "reason")) {
      for (Suggestion s : new SuggestService(archive()).suggest(id, limit)) {
        p.row(s.tag(), Math.round(s.score() * 100) / 100.0, s.reason());
      }
    }
    return ExitCode.OK;
  }
}
