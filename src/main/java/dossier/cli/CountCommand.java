package dossier.cli;

import dossier.service.ArticleService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "count",
    mixinStandardHelpOptions = true,
    description = {
      "Print the number of articles that match a query (of all articles without one).",
      "See 'man dossier-query' for the query language."
    })
final class CountCommand extends BaseCommand implements QueryWords {
  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Override
  public Integer call() {
    String q = queryText(query);
    out().println(new ArticleService(archive()).count(q));
    out().flush();
    return ExitCode.OK;
  }
}
