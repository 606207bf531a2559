package dossier.cli;

import dossier.core.Text;
import dossier.core.UsageException;
import dossier.service.Selector;
import dossier.service.StoryService;
import dossier.service.StoryService.Moved;
import dossier.service.StoryService.Story;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
      "List story threads: articles about one developing event across outlets and days (different"
          + " texts, not copies), grouped as they are imported by the rare names they share (people,"
          + " firms, places) within two weeks of each other. A copy follows its original's story."
          + " Each story: its id, title (from its earliest article), first and last day, outlets"
          + " and count. With a query: the stories that have at least one matching article.",
      "A story of one article (no other report has joined it yet) is listed only with --all.",
      "'story:N' selects a story's articles in any query, so 'dossier tag +x -- story:N' tags"
          + " them all. 'stories merge' and 'stories split' correct the grouping by hand; later"
          + " imports never undo them, and 'dossier undo' does.",
      "Examples:%n  dossier stories tag:varela%n  dossier list story:12%n"
          + "  dossier stories merge 12 15%n  dossier stories split 12 --ids 40,41"
    },
    subcommands = {StoriesCommand.Merge.class, StoriesCommand.Split.class})
final class StoriesCommand extends BaseCommand implements QueryWords {
  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--all",
      description = "List the stories of one article too (left out by default: no thread yet).")
  boolean all;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "List the first N stories only (default: 0, every one).")
  int limit;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    notNegative("--limit", limit);
    StoryService.Listing listing = new StoryService(archive()).list(queryText(query), all, limit);
    List<Story> stories = listing.stories();
    int kept = listing.listed();
    int single = listing.single();
    try (RowPrinter p =
        new RowPrinter(out(), output, "id", "title", "first", "last", "outlets", "count")) {
      for (Story s : stories) {
        p.row(
            s.id(),
            output.effective() == OutputFormat.table ? Text.cutAtWord(s.title(), 60) : s.title(),
            s.summary().firstDay(),
            s.summary().lastDay(),
            s.summary().outlets(),
            s.summary().count());
      }
    }
    StringBuilder summary =
        new StringBuilder(Text.grouped(kept)).append(kept == 1 ? " story" : " stories");
    if (stories.size() < kept) {
      summary
          .append(", ")
          .append(Text.grouped(stories.size()))
          .append(" shown (--limit 0 for all)");
    }
    if (single > 0) {
      summary
          .append("; ")
          .append(Text.grouped(single))
          .append(single == 1 ? " more of one article" : " more of one article each")
          .append(" (--all lists ")
          .append(single == 1 ? "it)" : "them)");
    }
    say(summary.toString());
    return ExitCode.OK;
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description =
          "Move every article of the other stories into story INTO: they are one event. Undo"
              + " with 'dossier undo'.")
  static final class Merge extends BaseCommand {
    @Parameters(index = "0", paramLabel = "INTO", description = "The story that stays.")
    long into;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "STORY",
        description = "The stories merged into it.")
    List<Long> others = new ArrayList<>();

    @Override
    public Integer call() {
      Moved m = new StoryService(archive()).merge(into, others);
      say(moved(m, "story"));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "split",
      mixinStandardHelpOptions = true,
      description =
          "Move the articles --ids names out of story STORY into a new story of their own: they"
              + " are another event. Undo with 'dossier undo'.")
  static final class Split extends BaseCommand {
    @Parameters(index = "0", paramLabel = "STORY", description = "The story to split.")
    long story;

    @Option(
        names = "--ids",
        required = true,
        paramLabel = "IDS",
        description = "Comma-separated ids of the articles that leave it.")
    String ids;

    @Override
    public Integer call() {
      List<Long> list = Selector.parseIds(ids);
      if (list.isEmpty()) {
        throw new UsageException("--ids names no article");
      }
      Moved m = new StoryService(archive()).split(story, list);
      say(moved(m, "new story"));
      return ExitCode.OK;
    }
  }

  /** What a merge or split did: "moved 3 articles into story 7 (change #12)". */
  static String moved(Moved m, String where) {
    return "moved "
        + m.articles()
        + (m.articles() == 1 ? " article" : " articles")
        + " into "
        + where
        + " "
        + m.story()
        + " (change #"
        + m.journal()
        + ")";
  }
}
