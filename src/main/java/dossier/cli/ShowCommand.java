package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Article;
import dossier.core.Text;
import dossier.core.WriteFailure;
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
          throw new WriteFailure(Output.STDOUT, e);
        }
      }
      return ExitCode.OK;
    }
    Article a = service.get(id);
    switch (format) {
      case json -> printJson(a, true);
      case markdown -> ArticleText.markdown(out(), a);
      default -> ArticleText.text(out(), a, root().color());
    }
    out().flush();
    return ExitCode.OK;
  }

  private void printJson(Article a, boolean withBody) {
    try {
      JsonGenerator g = Json.generator(out(), true);
      g.writeStartObject();
      Json.writeFields(g, a);
      if (withBody) {
        g.writeStringField("body", a.body());
      }
      g.writeEndObject();
      g.flush();
      out().println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
