package dossier.cli;

import dossier.service.ArticleService;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the articles that match a query (all articles without one), newest first.",
      "See 'man dossier-query' for the query language."
    })
final class ListCommand extends BaseCommand implements QueryWords {
  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description =
          "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). newest is by publication date,"
              + " articles without one after all dated ones (the last imported first); oldest is"
              + " its reverse.")
  Sort sort = Sort.NEWEST;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Print at most N articles (default: all).")
  int limit;

  @Option(names = "--offset", paramLabel = "N", description = "Skip the first N matches.")
  int offset;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    notNegative("--limit", limit);
    notNegative("--offset", offset);
    Sort order = sort;
    String q = queryText(query);
    ArticleService service = new ArticleService(archive());
    try (ArticlePrinter p = Printers.articles(this, output, false)) {
      service.list(q, order, limit, offset, false, p::article);
    }
    return ExitCode.OK;
  }
}
