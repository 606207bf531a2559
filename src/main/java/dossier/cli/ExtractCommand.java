package dossier.cli;

import dossier.core.Article;
import dossier.core.Extracted;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.ingest.Extractors;
import dossier.ingest.Sources;
import dossier.ingest.Sources.Source;
import dossier.service.ImportService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Show what import would store for a file, without storing anything.",
      "--format json is the article JSON as import would store it, with 'provenance' (where each"
          + " metadata field came from) and 'markdown' (the body's structure); --why shows the"
          + " origins to a person.",
      ShowCommand.ORIGINS
    })
final class ExtractCommand extends BaseCommand {
  enum ExtractFormat {
    text,
    json
  }

  @Completes(Completes.Kind.FILE)
  @Parameters(paramLabel = "FILE", description = "The file to extract, or - for stdin.")
  String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ExtractFormat format = ExtractFormat.text;

  @Option(
      names = "--why",
      description =
          "Show where each metadata field came from instead of the article (see ORIGINS below).")
  boolean why;

  @Option(
      names = {"--input", "--from"},
      paramLabel = "TYPE",
      description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  InputFormat input = InputFormat.auto;

  @Override
  public Integer call() {
    Source src;
    if (file.equals("-")) {
      src = new Source("-", null, env()::stdin, null);
    } else {
      Path p = Path.of(file);
      if (!Files.isRegularFile(p)) {
        throw new UsageException(
            file + ": " + (Files.exists(p) ? "not a regular file" : "no such file"));
      }
      src = new Source(file, p, null, null);
    }
    byte[] bytes;
    try {
      bytes = Sources.read(src, ImportService.DEFAULT_MAX_SIZE);
    } catch (IOException e) {
      throw new dossier.core.DossierException(file + ": " + Sources.describe(e));
    }
    Extracted x;
    try {
      x = Extractors.extract(bytes, src.name(), input.format);
    } catch (dossier.ingest.ExtractionException e) {
      throw new dossier.core.DossierException(file + ": " + e.getMessage());
    }
    Article a =
        Article.extracted(
            x,
            src.isStdin() ? null : src.file().toAbsolutePath().normalize().toString(),
            List.of());
    if (format == ExtractFormat.json) {
      Json.writeArticle(out(), a);
    } else if (why) {
      ArticleText.why(out(), a, root().color());
    } else {
      ArticleText.text(out(), a, root().color());
      if (!x.suggestedTags().isEmpty()) {
        out().println();
        out()
            .println(
                "Suggested tags: "
                    + Text.safeForTerminal(String.join(", ", x.suggestedTags()), false));
      }
    }
    out().flush();
    return ExitCode.OK;
  }
}
