package dossier.cli;

import dossier.core.UsageException;
import dossier.service.ArticleService;
import dossier.service.SuggestService;
import dossier.store.Archive;
import dossier.tui.Review;
import dossier.tui.TagSuggester;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Go through articles in a full-screen terminal UI: read, tag, star, mark reviewed or"
          + " archived, note, delete, undo. Starts with the new articles (is:new) unless a query"
          + " is given; press ? in the UI for every key.",
      "Changes made by other dossier processes while it runs show up within a second or two"
          + " (on a PostgreSQL server, those of every client: each commit notifies the reviews"
          + " through LISTEN/NOTIFY)."
    })
final class ReviewCommand extends BaseCommand implements QueryWords {
  @Completes(Completes.Kind.QUERY)
  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "The articles to review (default: is:new).")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--mark-read",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Opening a new article marks it read, as in mutt and newsboat (default); --no-mark-read"
              + " leaves it new (N toggles it either way). In the config: review.mark-read = false.")
  boolean markRead = true;

  @Override
  public Integer call() throws IOException {
    if (!env().stdoutTty()) {
      throw new UsageException("review needs a terminal: run it in a terminal window, not a pipe");
    }
    String q = query.isEmpty() ? "is:new" : queryText(query);
    Archive archive = archive();
    // a bad query is a usage error here, before the screen is taken over
    new ArticleService(archive).compile(q);
    TagSuggester.Factory suggesters =
        a -> {
          SuggestService suggest = new SuggestService(a);
          return (id, limit) ->
              suggest.suggest(id, limit).stream()
                  .map(s -> new TagSuggester.Suggestion(s.tag(), s.reason()))
                  .toList();
        };
    Review.run(
        archive,
        q,
        root().color(),
        suggesters,
        env().stdin(),
        env().stdoutBytes(),
        env().vars(),
        markRead,
        a -> {
          // the | key pipes what 'dossier show ID | command' would read
          java.io.StringWriter text = new java.io.StringWriter();
          java.io.PrintWriter w = new java.io.PrintWriter(text);
          ArticleText.text(w, a, false, 0);
          w.flush();
          return text.toString();
        });
    return ExitCode.OK;
  }
}
