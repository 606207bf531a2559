package dossier.cli;

import dossier.service.EditService;
import dossier.store.TagRepository.TagCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tags",
    mixinStandardHelpOptions = true,
    description = "List tags with the number of articles that carry them; rename, merge, delete.",
    subcommands = {
      TagsCommand.Rename.class,
      TagsCommand.Merge.class,
      TagsCommand.Delete.class,
    })
final class TagsCommand extends BaseCommand {
  @Option(
      names = "--tree",
      description = "Show the hierarchy (a/b under a), with subtree totals (each article once).")
  boolean tree;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<TagCount> counts = new EditService(archive()).tagCounts();
    if (tree && output.effective() == OutputFormat.table) {
      printTree(counts);
      return ExitCode.OK;
    }
    try (RowPrinter p = new RowPrinter(out(), output, "tag", "count")) {
      for (TagCount c : counts) {
        p.row(c.name(), c.count());
      }
    }
    return ExitCode.OK;
  }

  /**
   * Each level indented under its parent, with the articles of its own tag and of its subtree (each
   * article once, however many of the subtree's tags it holds: what {@code tag:NAME} selects).
   */
  private void printTree(List<TagCount> counts) {
    Map<String, long[]> nodes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> display = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    java.util.Set<String> parents = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (TagCount c : counts) {
      String[] parts = c.name().split("/");
      String path = "";
      for (int i = 0; i < parts.length; i++) {
        path = i == 0 ? parts[0] : path + "/" + parts[i];
        nodes.computeIfAbsent(path, k -> new long[2]);
        display.putIfAbsent(path, parts[i]);
        if (i < parts.length - 1) {
          parents.add(path);
        }
      }
      nodes.get(c.name())[0] = c.count();
    }
    EditService tags = new EditService(archive());
    for (Map.Entry<String, long[]> e : nodes.entrySet()) {
      e.getValue()[1] =
          parents.contains(e.getKey()) ? tags.articlesUnder(e.getKey()) : e.getValue()[0];
    }
    try (RowPrinter p = new RowPrinter(out(), output, "tag", "own", "total").withHeader()) {
      for (Map.Entry<String, long[]> e : nodes.entrySet()) {
        int depth = e.getKey().split("/").length - 1;
        p.row("  ".repeat(depth) + display.get(e.getKey()), e.getValue()[0], e.getValue()[1]);
      }
    }
  }

  @Command(
      name = "rename",
      mixinStandardHelpOptions = true,
      description = "Rename a tag and its children (a/b becomes NEW/b).")
  static final class Rename extends BaseCommand {
    @Completes(Completes.Kind.TAG)
    @Parameters(index = "0", paramLabel = "OLD")
    String from;

    @Parameters(index = "1", paramLabel = "NEW")
    String to;

    @Override
    public Integer call() {
      EditService.TagsResult r = new EditService(archive()).renameTag(from, to);
      int n = r.count();
      say("renamed " + n + " tag" + (n == 1 ? "" : "s") + logged(r.journal()));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = "Move every article of the SOURCE tags to --into and delete the sources.")
  static final class Merge extends BaseCommand {
    @Completes(Completes.Kind.TAG)
    @Parameters(arity = "1..*", paramLabel = "SOURCE")
    List<String> from = new ArrayList<>();

    @Completes(Completes.Kind.TAG)
    @Option(
        names = "--into",
        required = true,
        paramLabel = "TAG",
        description = "The tag to merge into.")
    String into;

    @Override
    public Integer call() {
      EditService.TagsResult r = new EditService(archive()).mergeTags(from, into);
      int n = r.count();
      say(
          "merged into "
              + into
              + ": "
              + n
              + " article"
              + (n == 1 ? "" : "s")
              + " newly tagged"
              + logged(r.journal()));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Remove a tag and its children from every article.")
  static final class Delete extends BaseCommand {
    @Completes(Completes.Kind.TAG)
    @Parameters(paramLabel = "TAG")
    String tag;

    @Override
    public Integer call() {
      EditService.TagsResult r = new EditService(archive()).deleteTag(tag);
      int n = r.count();
      say("deleted " + tag + " from " + n + " article" + (n == 1 ? "" : "s") + logged(r.journal()));
      return ExitCode.OK;
    }
  }
}
