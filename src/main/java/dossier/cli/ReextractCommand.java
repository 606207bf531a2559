package dossier.cli;

import dossier.core.Text;
import dossier.service.ReextractService;
import dossier.service.ReextractService.Outcome;
import dossier.service.ReextractService.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "reextract",
    mixinStandardHelpOptions = true,
    description = {
      "Run extraction again on the stored originals of the articles that match a query (all"
          + " articles without one), keeping their tags, notes, status and star.",
      "Use it after upgrading dossier to get what the newer extractors find. An article whose new"
          + " text is the same as another stored article's is left as it was and reported."
          + " 'dossier undo' reverts the whole run.",
      "A field a person set with 'dossier edit' is pinned: it is never overwritten, and where the"
          + " extractor now reads it otherwise that is reported ('kept: article 5: the edited"
          + " source ...'). An article restored from an export without originals has none to"
          + " extract from and is left as it is."
    })
final class ReextractCommand extends BaseCommand implements QueryWords {
  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(names = "--dry-run", description = "Report what would change; change nothing.")
  boolean dryRun;

  @Option(names = "--verbose", description = "Name every article that changed, not only problems.")
  boolean verbose;

  @Override
  public Integer call() {
    ReextractService service = new ReextractService(archive());
    Summary s;
    try (Interruption stop = Interruption.watch(this)) {
      s = service.run(queryText(query), dryRun, stop::requested, this::report);
      out().flush();
      String verb = dryRun ? "would change" : "changed";
      say(
          String.format(
              Locale.ROOT,
              "%sre-extracted %d article%s: %s %d, %d unchanged, %d failed, %d left as they were"
                  + " (same text as another article), %d without an original",
              s.stopped() ? "stopped by Ctrl-C; " : "",
              s.articles(),
              s.articles() == 1 ? "" : "s",
              verb,
              s.changed(),
              s.unchanged(),
              s.failed(),
              s.conflicts(),
              s.noOriginal()));
      err().flush();
    }
    if (s.stopped()) {
      return ExitCode.INTERRUPTED;
    }
    return s.failed() + s.conflicts() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private void report(Outcome o) {
    for (String k : o.kept()) {
      // a field a person set is never overwritten; that the extractor reads it otherwise is news
      say("kept: article " + o.id() + ": the edited " + safe(k));
    }
    switch (o.status()) {
      case NO_ORIGINAL -> say("skipped: article " + o.id() + ": " + safe(o.detail()));
      case FAILED -> err().println("error: article " + o.id() + ": " + safe(o.detail()));
      case CONFLICT -> err().println("skipped: article " + o.id() + ": " + safe(o.detail()));
      case CHANGED -> {
        if (verbose) {
          say((dryRun ? "would change: article " : "changed: article ") + o.id());
        }
      }
      default -> {
        if (o.detail() != null && verbose) {
          say("skipped: article " + o.id() + ": " + safe(o.detail()));
        }
      }
    }
  }

  private static String safe(String s) {
    return Text.safeForTerminal(s, false);
  }
}
