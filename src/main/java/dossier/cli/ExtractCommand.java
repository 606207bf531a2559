package dossier.cli;

import dossier.core.Article;
import dossier.core.DossierException;
import dossier.core.Extracted;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.fetch.Fetcher;
import dossier.ingest.Extractors;
import dossier.ingest.Sources;
import dossier.ingest.Sources.Source;
import dossier.ingest.WebPage;
import dossier.service.ImportService;
import dossier.service.WebPages;
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
      "Show what import would store for a file or a web page, without storing anything.",
      "A URL is fetched as 'dossier import URL' fetches it, with its default settings.",
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
  @Parameters(
      paramLabel = "FILE|URL",
      description = "The file to extract, - for stdin, or an http(s):// URL to fetch.")
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
    if (ImportCommand.isUrl(file)) {
      WebPage page = fetch(file);
      Extracted x;
      try {
        x = Extractors.extract(page.body(), page.fileName(), input.format, page.charset());
      } catch (dossier.ingest.ExtractionException e) {
        throw new DossierException(file + ": " + e.getMessage());
      }
      return print(x, WebPages.withFetchEvidence(Article.extracted(x, null, List.of()), page));
    }
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
      throw new DossierException(file + ": " + Sources.describe(e));
    }
    Extracted x;
    try {
      x = Extractors.extract(bytes, src.name(), input.format);
    } catch (dossier.ingest.ExtractionException e) {
      throw new DossierException(file + ": " + e.getMessage());
    }
    return print(
        x,
        Article.extracted(
            x,
            src.isStdin() ? null : src.file().toAbsolutePath().normalize().toString(),
            List.of()));
  }

  /** Fetches {@code url} as an import would; a failure names the URL. */
  private static WebPage fetch(String url) {
    Fetcher.Result r;
    try {
      r = new Fetcher(new FetchMixin().options(ImportService.DEFAULT_MAX_SIZE)).fetch(url);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DossierException(url + ": interrupted");
    }
    if (!r.ok()) {
      throw new DossierException(url + ": " + r.error());
    }
    return r.page();
  }

  private Integer print(Extracted x, Article a) {
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
