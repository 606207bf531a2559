package dossier.cli;

import dossier.core.Text;
import dossier.fetch.Fetcher;
import dossier.ingest.Format;
import dossier.service.ImportService.Options;
import dossier.service.ImportService.Outcome;
import dossier.service.ImportService.Summary;
import dossier.service.VersionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

final class RefetchCommand extends BaseCommand implements QueryWords {
  List<String> query = new ArrayList<>();

  String maxSize = "20M";

  final FetchMixin fetch = new FetchMixin();

  /** The command's model, built in code. */
  CommandSpec model() {
    spec =
        Specs.command(
            this,
            "refetch",
            "Fetch the stored URLs of the articles that match a query (all articles with a URL"
                + " without one) again.",
            "A page whose text changed becomes a new version of the same article: same id, tags,"
                + " notes and status, the earlier text kept ('dossier show ID --versions', 'dossier"
                + " diff ID', 'is:changed'). A page that did not change is reported unchanged; a"
                + " fetch that fails leaves the article as it was. Fetching is as for 'dossier"
                + " import URL': several hosts at once, one request at a time per host.");
    spec.addPositional(
        Specs.words("QUERY", "0..*", () -> query, v -> query = v)
            .userObject(Completes.Kind.QUERY)
            .description("Query words and filters.")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> maxSize, v -> maxSize = v, "--max-size")
            .paramLabel("BYTES")
            .description("Refuse pages larger than this (suffix K, M or G; default: 20M).")
            .build());
    fetch.addTo(spec);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    long cap = ImportCommand.parseSize(maxSize);
    Options opts = new Options(List.of(), null, Format.AUTO, null, false, cap);
    Summary s;
    try (Interruption stop = Interruption.watch(this)) {
      s =
          new VersionService(archive())
              .refetch(
                  queryText(query),
                  new Fetcher(fetch.options(cap)),
                  opts,
                  this::report,
                  stop::requested);
      say(
          String.format(
              Locale.ROOT,
              "%srefetched %d page%s: %d changed, %d unchanged, %d failed",
              stop.requested() ? "stopped by Ctrl-C; " : "",
              s.files(),
              s.files() == 1 ? "" : "s",
              s.updated() + s.imported(),
              s.duplicates(),
              s.failed()));
      if (!stop.requested()) {
        hintIfNothing(s.files(), String.join(" ", query));
      }
      err().flush();
      if (stop.requested()) {
        return ExitCode.INTERRUPTED;
      }
    }
    if (s.failed() == 0) {
      return ExitCode.OK;
    }
    return s.failed() == s.files() ? ExitCode.FAILURE : ExitCode.PARTIAL;
  }

  private synchronized void report(Outcome o) {
    String url = Text.safeForTerminal(o.path(), false);
    switch (o.status()) {
      case FAILED -> err().println("error: " + url + ": " + Text.safeForTerminal(o.error(), false));
      case UPDATED -> say("changed: " + url + " (a new version of article " + o.id() + ")");
      case DUPLICATE ->
          say("unchanged: " + url + (o.id() == null ? "" : " (article " + o.id() + ")"));
      case IMPORTED -> say("imported: " + url + " (article " + o.id() + ")");
    }
  }
}
