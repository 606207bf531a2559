package dossier.cli;

import dossier.service.ArticleService;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

final class ListCommand extends BaseCommand implements QueryWords {
  List<String> query = new ArrayList<>();
  Sort sort = Sort.NEWEST;
  int limit;
  int offset;
  final OutputOptions output = new OutputOptions();

  CommandSpec model() {
    spec =
        Specs.queryCommand(
            this,
            "list",
            "List the articles that match a query (all articles without one), newest first.",
            "0..*",
            () -> query,
            v -> query = v);
    spec.addOption(
        Specs.option(Sort.class, () -> sort, v -> sort = v, "--sort")
            .paramLabel("ORDER")
            .description(
                "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). newest is by publication"
                    + " date, articles without one after all dated ones (the last imported first);"
                    + " oldest is its reverse.")
            .build());
    spec.addOption(
        Specs.option(int.class, () -> limit, v -> limit = v, "--limit")
            .paramLabel("N")
            .description("Print at most N articles (default: all).")
            .build());
    spec.addOption(Specs.offset(() -> offset, v -> offset = v));
    spec.addMixin("output", output.model());
    return Specs.standardHelp(spec);
  }

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
