package dossier.cli;

import dossier.core.Article;
import dossier.core.Text;
import dossier.core.WriteFailure;
import dossier.ingest.Decoder;
import dossier.service.ArticleService;
import dossier.service.VersionService;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show one article: as text, JSON, Markdown, or the original bytes as imported.",
      "--format json is the article JSON with the body, its Markdown rendition ('markdown', null"
          + " when extraction kept no structure) and 'provenance'. --format markdown and the text"
          + " use the rendition when there is one. An article restored from an export without"
          + " originals has no original: --format raw says so (exit status 4).",
      ShowCommand.ORIGINS
    })
final class ShowCommand extends BaseCommand {
  /** Where a field's value can come from, as --why and the provenance object name it. */
  static final String ORIGINS =
      "ORIGINS. --why (and the 'provenance' object of the JSON) names, for each metadata field"
          + " (title, source, authors, published, url, section, lang, caption), where its value"
          + " came from. In a page: 'json-ld' (the page's schema.org metadata), 'meta NAME' (a"
          + " meta tag, as 'meta og:site_name'), 'link rel=canonical', 'html lang', 'document"
          + " title', 'first heading', 'microdata datePublished', 'time element', 'date box', 'url'"
          + " (a date in the address), 'author link', 'byline box', 'figure caption', 'copyright"
          + " line', 'page text' (the latest date printed in the page). In a text scrape:"
          + " 'headline line', 'caption line', 'caption credit' ('(Name for The X)'), 'byline"
          + " line', 'date line', 'section line' ('In World'), 'copyright line', 'article"
          + " self-reference' ('according to the X article'; a citation of another outlet never"
          + " names the publisher). In Markdown: 'front matter' (the YAML header), 'first"
          + " heading'. Anywhere: 'first sentence' (a title made from the text), 'command line'"
          + " (import --url), 'pdf heading' and 'pdf metadata' (a PDF's large type and its"
          + " document information), 'fetched url' (the address a fetch ended at), 'http"
          + " last-modified' (the server's date, when the page gives none), or 'edit': set by a person with 'dossier edit', and pinned, so that"
          + " reextract never overwrites it. A field without a value has no origin (unless a"
          + " person emptied it: 'edit'); a value stored before origins were kept shows 'not"
          + " recorded'.";

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

  @Option(
      names = "--versions",
      description =
          "List the article's versions (a page fetched again that changed) with when each was"
              + " stored; compare two with 'dossier diff'.")
  boolean versions;

  @Override
  public Integer call() {
    if (versions) {
      return VersionsPrinter.print(new VersionService(archive()).versions(id, true), id, out());
    }
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
