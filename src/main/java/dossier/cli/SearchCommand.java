package dossier.cli;

import dossier.core.Text;
import dossier.core.UsageException;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.service.ArticleService;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

final class SearchCommand extends BaseCommand implements QueryWords {
  List<String> query = new ArrayList<>();
  int limit = 20;
  int offset;
  Sort sort = Sort.RELEVANCE;
  boolean explain;
  final OutputOptions output = new OutputOptions();

  CommandSpec model() {
    spec =
        Specs.queryCommand(
            this,
            "search",
            "Search the archive: the best matches first (or in the --sort order), each with a"
                + " snippet in which the matched words are highlighted (bold on a terminal,"
                + " [brackets] otherwise). On a terminal the snippet fills the line, its first"
                + " match in view; the other formats get about 14 words.",
            "1..*",
            () -> query,
            v -> query = v);
    spec.addOption(
        Specs.option(int.class, () -> limit, v -> limit = v, "--limit")
            .paramLabel("N")
            .description("Print the best N (default: 20; 0: all).")
            .build());
    spec.addOption(Specs.offset(() -> offset, v -> offset = v));
    spec.addOption(
        Specs.option(Sort.class, () -> sort, v -> sort = v, "--sort")
            .paramLabel("ORDER")
            .description(
                "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the best matches first). The"
                    + " others order the matches as 'list --sort' does, each still with its"
                    + " snippet; --limit then takes the first N in that order.")
            .build());
    spec.addOption(
        Specs.flag("explain", () -> explain, v -> explain = v, "--explain")
            .description(
                "Print how the query was parsed, the SQL it runs and the plan this archive's"
                    + " counts choose for it, instead of the matches.")
            .build());
    spec.addMixin("output", output.model());
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    notNegative("--limit", limit);
    notNegative("--offset", offset);
    String q = queryText(query);
    if (q.isBlank()) {
      throw new UsageException("search needs a query (use 'dossier list' to see every article)");
    }
    if (explain) {
      QueryContext ctx = QueryContext.of(name -> archive().savedSearches().get(name));
      out().print(QueryCompiler.explain(q, ctx));
      CompiledQuery compiled = QueryCompiler.compile(q, ctx);
      if (compiled.hasText()) {
        // which way this archive's counts choose for this query, see ArticleRepository.Plan
        out().println("plan:   " + archive().articles().plan(compiled).description);
        if (sort == Sort.RELEVANCE) {
          out().println("ranked: " + archive().articles().ranking(compiled, limit, offset));
        }
      }
      out().flush();
      return ExitCode.OK;
    }
    ArticleService service = new ArticleService(archive());
    int[] n = {0};
    try (ArticlePrinter p = Printers.articles(this, output, true)) {
      service.search(
          q,
          sort,
          limit,
          offset,
          p.snippetTokens(),
          h -> {
            n[0]++;
            p.hit(h);
          });
    }
    if (n[0] == 0 && output.effective() == OutputFormat.table) {
      say("no matches");
    } else if (limit > 0 && n[0] == limit) {
      // the best 20 look like all there is unless someone says there are more
      long total = service.count(q);
      if (total > offset + n[0]) {
        say(Text.grouped(n[0]) + " of " + Text.grouped(total - offset) + "; --limit 0 for all");
      }
    }
    return ExitCode.OK;
  }
}
