package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Options that mean the same everywhere, quiet imports, exit codes that agree. */
class DailyOptionsTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = Cli.withFixtures(tmp);
  }

  @Test
  void tsvEscapesTabsAndLineBreaksInsteadOfQuoting() {
    assertThat(cli.run("note", "1", "first line\nsecond\tcolumn \\ end").code()).isZero();
    Cli.Result r = cli.run("list", "id:1", "--format", "tsv");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.lines()).hasSize(2);
    List<String> header = List.of(r.lines().get(0).split("\t", -1));
    List<String> row = List.of(r.lines().get(1).split("\t", -1));
    assertThat(row).hasSameSizeAs(header);
    assertThat(row.get(header.indexOf("note"))).isEqualTo("first line\\nsecond\\tcolumn \\\\ end");
    assertThat(r.out()).doesNotContain("\"");
  }

  @Test
  void exportWritesTsvAndIds() {
    Cli.Result ids = cli.run("export", "--format", "ids");
    assertThat(ids.lines()).containsExactlyInAnyOrder("1", "2", "3");
    Cli.Result tsv = cli.run("export", "--format", "tsv");
    assertThat(tsv.lines()).hasSize(4).allMatch(l -> !l.contains("\""));
    assertThat(tsv.lines().get(0)).startsWith("id\ttitle\t").endsWith("\tbody");
  }

  @Test
  void aFolderExportedAgainLosesTheFilesOfDeletedArticlesOnly() throws Exception {
    Path md = tmp.resolve("md");
    assertThat(cli.run("export", "--format", "markdown", "-o", md.toString()).code()).isZero();
    Path mine = Files.writeString(md.resolve("my-notes.txt"), "mine");
    assertThat(files(md)).hasSize(4); // three articles and my notes
    assertThat(cli.run("rm", "--yes", "--", "harbour").code()).isZero();
    Cli.Result again = cli.run("export", "--format", "markdown", "-o", md.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err()).contains("removed 1 file");
    assertThat(files(md)).hasSize(3).contains(mine);
    assertThat(files(md).stream().map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.contains("pellor") || n.contains("harbour"));
    Path site = tmp.resolve("site");
    assertThat(cli.run("export", "--format", "html", "-o", site.toString()).code()).isZero();
    assertThat(cli.run("rm", "--yes", "--", "glacier").code()).isZero();
    assertThat(cli.run("export", "--format", "html", "-o", site.toString()).err())
        .contains("removed 1 file");
    assertThat(files(site.resolve("articles"))).hasSize(1);
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
          .toList();
    }
  }

  @Test
  void rulesApplyHasADryRunThatChangesNothing() {
    assertThat(cli.run("rules", "add", "harbour", "--tag", "ports").code()).isZero();
    Cli.Result dry = cli.run("rules", "apply", "--dry-run");
    assertThat(dry.code()).as(dry.toString()).isZero();
    assertThat(dry.err()).contains("would tag 1").contains("nothing changed");
    assertThat(cli.run("count", "tag:ports").out()).isEqualTo("0\n");
    assertThat(cli.run("rules", "apply").err()).contains("tagged 1");
    assertThat(cli.run("count", "tag:ports").out()).isEqualTo("1\n");
  }

  @Test
  void anIdThatDoesNotExistIsExit4EverywhereAndChangesNothing() {
    for (String[] args :
        List.of(
            new String[] {"mark", "read", "--ids", "1,99"},
            new String[] {"tag", "+x", "--ids", "1,99"},
            new String[] {"rm", "--yes", "--ids", "99"},
            new String[] {"show", "99"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(ExitCode.NOT_FOUND);
      assertThat(r.err()).contains("99");
    }
    assertThat(cli.run("count", "is:read").out()).isEqualTo("0\n");
    assertThat(cli.run("count", "tag:x").out()).isEqualTo("0\n");
    Cli.Result stdin = cli.runWithInput("2\n98\n", "tag", "+y", "-");
    assertThat(stdin.code()).as(stdin.toString()).isEqualTo(ExitCode.NOT_FOUND);
  }

  @Test
  void tagBatchExitCodesAreTheDocumentedOnes() {
    assertThat(cli.runWithInput("+a -- harbour\n+ -- \n", "tag", "--batch").code())
        .isEqualTo(ExitCode.PARTIAL);
    assertThat(cli.runWithInput("+ -- \n", "tag", "--batch").code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.runWithInput("+b -- harbour\n", "tag", "--batch").code()).isZero();
    assertThat(cli.run("tag", "--help").out()).contains("3 when some failed");
  }

  @Test
  void aBatchLinesQueryErrorNamesTheQueryItsColumnCountsIn() {
    Cli.Result r = cli.runWithInput("+a -- harbour\n+b -- date:2020-13-01\n", "tag", "--batch");
    assertThat(r.code()).isEqualTo(ExitCode.PARTIAL);
    assertThat(r.err())
        .contains("error: line 2, query 'date:2020-13-01': bad date '2020-13-01' at column 1");
    // an error in the tag part counts columns within the line
    r = cli.runWithInput("+\"open -- harbour\n", "tag", "--batch");
    assertThat(r.err()).contains("error: line 1: unclosed quote in tag at column 2");
  }

  @Test
  void tagsTreeHasAHeader() {
    assertThat(cli.run("tag", "+europe/ports", "--", "harbour").code()).isZero();
    Cli.Result r = cli.run("tags", "--tree");
    assertThat(r.lines().get(0)).matches("tag\\s+own\\s+total");
    assertThat(r.out()).contains("europe").contains("  ports");

    // a parent's total counts each article once, as tag:europe selects them
    assertThat(cli.run("tag", "+europe/harbours", "--", "harbour").code()).isZero();
    String n = cli.run("count", "tag:europe").out().strip();
    assertThat(cli.run("count", "harbour").out().strip()).isEqualTo(n);
    assertThat(cli.run("tags", "--tree").lines())
        .anyMatch(l -> l.matches("europe\\s+0\\s+" + n))
        .anyMatch(l -> l.matches("  harbours\\s+" + n + "\\s+" + n));
  }

  @Test
  void skipKnownLeavesFailuresReportedBeforeOutOfTheExitStatus() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("nightly"));
    Files.write(dir.resolve("broken.html.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
    Files.writeString(dir.resolve("fine.txt"), "A fine article\n\nWith a body.\n");
    Cli.Result first = cli.run("import", "--skip-known", dir.toString());
    assertThat(first.code()).as(first.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(first.err()).contains("broken.html.gz");
    Cli.Result second = cli.run("import", "--skip-known", dir.toString());
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.err()).doesNotContain("error:").contains("1 known from before");
    // without the switch it is reported again; a changed file is a new failure
    assertThat(cli.run("import", dir.toString()).code()).isNotZero();
    Files.write(dir.resolve("broken.html.gz"), new byte[] {0x1f, (byte) 0x8b, 9});
    assertThat(cli.run("import", "--skip-known", dir.toString()).code()).isNotZero();
  }

  @Test
  void everyCommandRefusesAnOptionItDoesNotHave() {
    String before = cli.ok("log", "--format", "tsv").out();
    List<List<String>> paths = new ArrayList<>();
    commands(
        DossierCommand.commandLine(
            new Env(
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(),
                false,
                false)),
        List.of(),
        paths);
    assertThat(paths).extracting(p -> String.join(" ", p)).contains("mark", "rules apply");
    for (List<String> path : paths) {
      List<List<String>> tries = new ArrayList<>();
      tries.add(with(path, "--format", "json"));
      tries.add(with(path, "--no-such-option"));
      tries.add(with(path, "1", "--format", "json", "--", "id:1"));
      tries.add(with(path, "read", "--format=json", "id:1"));
      for (List<String> args : tries) {
        // review names a missing terminal first; on one it reads its arguments as the others do
        cli.tty(path.equals(List.of("review")), false);
        Cli.Result r = cli.run(args.toArray(String[]::new));
        String option = args.stream().filter(a -> a.startsWith("--")).findFirst().orElseThrow();
        String shown = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        if (path.isEmpty() || !commandHasOption(path, shown)) {
          assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(ExitCode.USAGE);
          ImportCommandTest.assertNoStackTrace(r);
          if (r.err().matches("(?s)error: \\S+ takes .*, got '(1|read)'\n.*")) {
            continue; // a command whose first argument cannot be this word names that first
          }
          assertThat(r.err())
              .as(String.join(" ", args))
              .startsWith("error: unknown option '" + shown + "'")
              .contains("Try 'dossier " + String.join(" ", path) + " --help'");
        }
      }
    }
    assertThat(cli.ok("log", "--format", "tsv").out()).isEqualTo(before);
    Cli.Result close = cli.run("list", "--limt", "3");
    assertThat(close.err()).contains("unknown option '--limt' (did you mean '--limit'?)");
  }

  private final Map<String, CommandLine> byPath = new java.util.HashMap<>();

  private void commands(CommandLine cl, List<String> path, List<List<String>> into) {
    byPath.put(String.join(" ", path), cl);
    if (cl.getSubcommands().isEmpty() || !path.isEmpty()) {
      into.add(path);
    }
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      CommandLine sub = e.getValue();
      if (!sub.getCommandSpec().usageMessage().hidden()
          && e.getKey().equals(sub.getCommandName())
          && !e.getKey().equals("help")) {
        commands(sub, with(path, e.getKey()), into);
      }
    }
  }

  private boolean commandHasOption(List<String> path, String option) {
    return byPath.get(String.join(" ", path)).getCommandSpec().findOption(option) != null;
  }

  private static List<String> with(List<String> path, String... more) {
    List<String> all = new ArrayList<>(path);
    all.addAll(List.of(more));
    return all;
  }
}
