package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.DisplayWidth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The everyday comforts of the shell commands, each as a user meets it. */
class DailyShellTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = Cli.withFixtures(tmp);
  }

  private static void usage(Cli.Result r, String message) {
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(message);
    ImportCommandTest.assertNoStackTrace(r);
  }

  @Test
  void messagesFitTheTerminalAndAreWholeInALog() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("more"));
    Files.writeString(dir.resolve("one.txt"), "One more article\n\nAbout the harbour works.\n");
    Cli.Result onTerminal = cli.tty(false, true).columns(28).run("import", dir.toString());
    String err = onTerminal.err();
    java.util.List<String> summary =
        err.substring(err.lastIndexOf("imported 1,")).strip().lines().toList();
    assertThat(summary).hasSizeGreaterThan(1);
    assertThat(summary).allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(28));
    assertThat(summary.subList(1, summary.size())).allSatisfy(l -> assertThat(l).startsWith("  "));
    // the first line, not indented, takes the whole width: its next word would not have fitted
    String next = summary.get(1).strip().split(" ")[0];
    assertThat(DisplayWidth.of(summary.get(0)) + 1 + DisplayWidth.of(next)).isGreaterThan(28);
    assertThat(String.join(" ", summary.stream().map(String::strip).toList()))
        .matches("imported 1, 0 duplicates, 0 failed \\(1 file in \\d+\\.\\d s\\)");
    Files.writeString(dir.resolve("two.txt"), "A second article\n\nOn the harbour again.\n");
    Cli.Result logged = cli.tty(false, false).run("import", dir.toString());
    assertThat(logged.err().strip()).startsWith("imported 1, 1 duplicate, 0 failed (2 files in");
    assertThat(logged.err().strip().lines()).hasSize(1);
  }

  @Test
  void theTerminalWidthTheLauncherMeasuredWinsOverColumns() {
    cli.tty(true, false).columns(44).env("COLUMNS", "200").env("NO_COLOR", "1");
    Cli.Result r = cli.run("list");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.lines()).isNotEmpty().allMatch(l -> DisplayWidth.of(l) <= 44);
    assertThat(r.lines()).anyMatch(l -> DisplayWidth.of(l) > 30);
  }

  @Test
  void searchSnippetsInColorAreCutToTheTerminalWidthLikeThePlainOnes() {
    for (String color : new String[] {"always", "never"}) {
      cli.tty(true, false).columns(64);
      Cli.Result r = cli.run("--color=" + color, "search", "harbour");
      assertThat(r.code()).as(r.toString()).isZero();
      List<String> visible =
          r.lines().stream().map(l -> l.replaceAll("\033\\[[0-9;]*m", "")).toList();
      assertThat(visible).as(color).isNotEmpty().allMatch(l -> DisplayWidth.of(l) <= 64);
      assertThat(visible).as(color).anyMatch(l -> l.endsWith("…") && l.startsWith("   "));
      if (color.equals("always")) {
        assertThat(r.lines())
            .filteredOn(l -> l.contains("\033[1m"))
            .isNotEmpty()
            .allMatch(l -> l.lastIndexOf("\033[0m") > l.lastIndexOf("\033[1m"));
      }
    }
  }

  @Test
  void searchSnippetsFillAWideTerminalAndKeepTheirMatchInView() {
    int[] longest = new int[2];
    int[] widths = {80, 132};
    for (int i = 0; i < widths.length; i++) {
      cli.tty(true, false).columns(widths[i]).env("NO_COLOR", "1");
      Cli.Result r = cli.run("search", "harbour", "OR", "glacier");
      assertThat(r.code()).as(r.toString()).isZero();
      List<String> snippets = r.lines().stream().filter(l -> l.startsWith("   ")).toList();
      int w = widths[i];
      assertThat(snippets).as(r.out()).isNotEmpty().allMatch(l -> DisplayWidth.of(l) <= w);
      assertThat(snippets)
          .as("every snippet shows a match")
          .allMatch(l -> l.matches(".*\\[\\w+].*"));
      longest[i] = snippets.stream().mapToInt(DisplayWidth::of).max().orElse(0);
    }
    // the 14 words scripts get in JSON fill 80 columns; a 132-column line gets more of them
    assertThat(longest[1]).isGreaterThan(110).isGreaterThan(longest[0] + 20);
    Cli.Result json = cli.run("search", "harbour", "--format", "json");
    assertThat(json.out().split("\"snippet\"")[1].split(" ").length).isLessThan(20);
  }

  @Test
  void aMatchLateInALongSentenceStaysInView() throws Exception {
    // the index starts a snippet at a sentence when it can: on a wide line the match would fall
    // past the cut
    Path late = tmp.resolve("late.txt");
    Files.writeString(
        late,
        "Late in the sentence\n\nRegional administrators considered extraordinary documentation"
            + " regarding international environmental commitments, municipal infrastructure"
            + " investments, agricultural modernisation programmes, hydroelectric construction"
            + " schedules, transportation authorities, independent commissioners, parliamentary"
            + " representatives and neighbouring governments before anyone mentioned the zebrafish"
            + " hatchery at all.\n");
    assertThat(cli.run("import", late.toString()).code()).isZero();
    cli.tty(true, false).columns(132).env("NO_COLOR", "1");
    Cli.Result r = cli.run("search", "zebrafish");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.lines())
        .as(r.out())
        .filteredOn(l -> l.startsWith("   "))
        .singleElement()
        .matches(l -> l.contains("[zebrafish]") && DisplayWidth.of(l) <= 132);
  }

  @Test
  void showTakesSeveralIdsAndIdsOnStandardInput() {
    Cli.Result r = cli.run("show", "1", "3");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Pellor harbour").contains("Hollin glacier");
    Cli.Result stdin = cli.runWithInput("3\n1\n", "show", "-", "--format", "json");
    assertThat(stdin.code()).as(stdin.toString()).isZero();
    assertThat(stdin.out().indexOf("\"id\" : 3")).isLessThan(stdin.out().indexOf("\"id\" : 1"));
  }

  @Test
  void aNoteOfSeveralLinesHangsUnderItsLabel() {
    assertThat(cli.run("note", "1", "Call the harbour master\nAsk for the ship list").code())
        .isZero();
    List<String> piped = cli.run("show", "1").lines();
    assertThat(piped)
        .containsSequence("Note: Call the harbour master", "      Ask for the ship list");
    cli.tty(true, false).columns(30).env("NO_COLOR", "1").env("PAGER", "cat");
    List<String> narrow = cli.run("show", "1").lines();
    int at = narrow.indexOf("Note: Call the harbour master");
    assertThat(at).as(String.join("\n", narrow)).isPositive();
    assertThat(narrow.subList(at + 1, narrow.size()))
        .isNotEmpty()
        .allMatch(l -> l.startsWith("      ") && DisplayWidth.of(l) <= 30);
  }

  @Test
  void aMissingIdAmongSeveralIsExit4AndPrintsNothing() {
    Cli.Result r = cli.run("show", "1", "99");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("99");
  }

  @Test
  void showOnATerminalGoesThroughThePagerWrappedToTheWidth() throws Exception {
    Path paged = tmp.resolve("paged.txt");
    cli.tty(true, false).columns(40).env("NO_COLOR", "1").env("PAGER", "cat > '" + paged + "'");
    Cli.Result r = cli.run("show", "1");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    List<String> lines = Files.readAllLines(paged);
    assertThat(lines.get(0)).contains("Dockworkers");
    assertThat(String.join(" ", lines)).contains("halting the loading of grain ships");
    assertThat(lines).allMatch(l -> DisplayWidth.of(l) <= 40);
    // PAGER=cat prints directly; a pipe gets the text unwrapped
    Cli.Result direct = cli.env("PAGER", "cat").run("show", "1");
    assertThat(direct.out()).contains("Dockworkers at the port of Pellor");
    Cli.Result piped = cli.tty(false, false).env("PAGER", null).run("show", "1");
    assertThat(piped.out()).contains("halting the loading of grain ships for the first time");
  }

  @Test
  void searchSaysWhenItStoppedAndCountPrintsTheNumber() {
    Cli.Result r = cli.run("search", "the", "--limit", "1", "--format", "ids");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.lines()).hasSize(1);
    assertThat(r.err()).contains("1 of 3; --limit 0 for all");
    assertThat(cli.run("search", "the", "--limit", "0").err()).doesNotContain("of 3");
    assertThat(cli.run("count").out()).isEqualTo("3\n");
    assertThat(cli.run("count", "harbour").out()).isEqualTo("1\n");
    assertThat(cli.run("count", "nothing-like-this").out()).isEqualTo("0\n");
  }

  @Test
  void aPhraseIsHighlightedAsOnePhrase() {
    Cli.Result r = cli.run("search", "\"grain ships\"", "--format", "tsv");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("[grain ships]").doesNotContain("[grain] [ships]");
  }

  @Test
  void helpNamesACommandAsGitsDoes() {
    Cli.Result list = cli.run("help", "list");
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(list.out())
        .isEqualTo(cli.run("list", "--help").out())
        .startsWith("Usage: dossier list");
    Cli.Result check = cli.run("help", "db", "check");
    assertThat(check.out()).isEqualTo(cli.run("db", "check", "--help").out());
    assertThat(cli.run("help").out()).isEqualTo(cli.run("--help").out()).contains("help");
  }

  @Test
  void errorsInTheUsersWords() {
    usage(cli.run("lst"), "unknown command 'lst' (did you mean 'list'?)");
    usage(cli.run("list", "--limit", "five"), "--limit takes a number, got 'five'");
    usage(cli.run("list", "--format", "sideways"), "--format takes one of table, json");
    usage(cli.run("list", "--limit", "-3"), "--limit takes a number of 0 or more, got '-3'");
    usage(cli.run("search", "the", "--offset", "-1"), "--offset takes a number of 0 or more");
    usage(cli.run("tags", "renam", "a", "b"), "unknown tags subcommand 'renam'");
    usage(cli.run("show"), "error: show needs ID (the articles' ids");
    usage(cli.run("note"), "error: note needs ID (the article's id)");
    usage(cli.run("stories", "merge"), "error: stories merge needs INTO (the story that stays)");
    usage(cli.run("backup"), "error: backup needs FILE (the backup file to write)");
    usage(cli.run("help", "lsit"), "unknown command 'lsit' (did you mean 'list'?)");
    usage(cli.run("help", "db", "chek"), "unknown db subcommand 'chek' (did you mean 'check'?)");
    assertThat(cli.run("show").err()).doesNotContain("Missing required");
  }

  @Test
  void exportCreatesMissingFoldersOrSaysWhy() throws Exception {
    Path file = tmp.resolve("out/2024/all.json");
    Cli.Result r = cli.run("export", "-o", file.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(file).isRegularFile();
    Path blocker = tmp.resolve("blocker");
    Files.writeString(blocker, "x");
    Cli.Result bad = cli.run("export", "--format", "markdown", "-o", blocker + "/md");
    assertThat(bad.code()).as(bad.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(bad.err()).contains(blocker + " is a file, not a folder");
  }

  @Test
  void aFolderAsTheArchiveSaysSo() {
    Cli.Result r = cli.run("--db", tmp.toString(), "list");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("it is a folder");
  }

  @Test
  void unreadIsNewAndPathIsAField() {
    assertThat(cli.run("count", "is:unread").out()).isEqualTo("3\n");
    assertThat(cli.run("mark", "read", "--", "harbour").code()).isZero();
    assertThat(cli.run("count", "is:unread").out()).isEqualTo("2\n");
    assertThat(cli.run("count", "is:new").out()).isEqualTo("2\n");
    assertThat(cli.run("list", "path:glacier-survey", "--format", "ids").out()).isEqualTo("3\n");
    assertThat(cli.run("count", "path:files/").out()).isEqualTo("3\n");
  }

  @Test
  void readingCommandsOnAMissingArchiveExit1AndCreateNothing() {
    Path missing = tmp.resolve("typo.db");
    for (String[] args :
        List.of(
            new String[] {"list"},
            new String[] {"search", "the"},
            new String[] {"show", "1"},
            new String[] {"count"},
            new String[] {"stats"},
            new String[] {"tags"},
            new String[] {"export"})) {
      cli.env("DOSSIER_DB", missing.toString());
      Cli.Result r = cli.run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err()).contains("no archive at " + missing);
      assertThat(missing).doesNotExist();
    }
    // review says so before it takes the screen over
    Cli.Result review = cli.tty(true, false).run("review");
    assertThat(review.code()).as(review.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(missing).doesNotExist();
    assertThat(cli.run("import", cli.fixture("harbour-strike.txt").toString()).code()).isZero();
    assertThat(missing).exists();
  }

  @Test
  void configProblemsNameTheFileAndLine() throws Exception {
    Path p = tmp.resolve("home/.config/dossier/config");
    Files.createDirectories(p.getParent());
    Files.writeString(p, "# defaults\ncolour = never\n\nlist.limit = five\n");
    Cli.Result r = cli.run("list");
    usage(r, p + " line 4: --limit takes a number, got 'five'");
    assertThat(r.err()).contains(p + " line 2: unknown key 'colour' (did you mean 'color'?)");
    Files.writeString(p, "colour = never\nformat = ids\n");
    Cli.Result warned = cli.run("list");
    assertThat(warned.code()).as(warned.toString()).isZero();
    assertThat(warned.err()).contains("line 1: unknown key 'colour'");
    assertThat(warned.lines()).containsExactlyInAnyOrder("1", "2", "3");
    // format = ids is meant for the listings: show, which has no ids format, keeps its own
    assertThat(cli.run("show", "1").out()).contains("Dockworkers");
    assertThat(cli.run("list", "--help").code()).isZero();
  }
}
