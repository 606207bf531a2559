package dossier.cli;

import dossier.service.ArticleService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

final class CountCommand extends BaseCommand implements QueryWords {
  List<String> query = new ArrayList<>();

  CommandSpec model() {
    spec =
        Specs.queryCommand(
            this,
            "count",
            "Print the number of articles that match a query (of all articles without one).",
            "0..*",
            () -> query,
            v -> query = v);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    String q = queryText(query);
    out().println(new ArticleService(archive()).count(q));
    out().flush();
    return ExitCode.OK;
  }
}
