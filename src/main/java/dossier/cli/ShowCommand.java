package dossier.cli;

import dossier.core.Article;
import dossier.core.Text;
import dossier.ingest.Decoder;
import dossier.service.ArticleService;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show one article: as text, JSON, Markdown, or the original bytes as imported.")
final class ShowCommand extends BaseCommand {
  enum ShowFormat {
    text,
    json,
    markdown,
    raw
  }

  @Parameters(paramLabel = "ID", description = "The article's id.")
  long id;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ShowFormat format = ShowFormat.text;

  @Option(
      names = "--why",
      description =
          "Show where each metadata field came from (its origin) instead of the article; see"
              + " ORIGINS below.")
  boolean why;

  @Override
  public Integer call() {
    ArticleService service = new ArticleService(archive());
    if (format == ShowFormat.raw) {
      byte[] bytes = service.original(id);
      if (env().stdoutTty()) {
        // The original may hold escape sequences: on a terminal show it decoded and made safe.
        out().print(Text.safeForTerminal(Decoder.decode(bytes).text(), true));
        out().flush();
      } else {
        out().flush();
        try {
          env().stdoutBytes().write(bytes);
          env().stdoutBytes().flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return ExitCode.OK;
    }
    Article a = service.get(id);
    if (why) {
      ArticleText.why(out(), a, root().color());
      out().flush();
      return ExitCode.OK;
    }
    switch (format) {
      case json -> Json.writeArticle(out(), a);
      case markdown -> ArticleText.markdown(out(), a);
      default -> ArticleText.text(out(), a, root().color());
    }
    out().flush();
    return ExitCode.OK;
  }
}
