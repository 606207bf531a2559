package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from articles, notes, tags and file names can hold terminal escape sequences. On a terminal
 * none of it may reach the screen raw: it could retitle the window, clear the screen, or hide text
 * with bidirectional overrides. Only dossier's own color codes may appear.
 */
class TerminalSafetyTest {
  /** Set the window title, ring the bell, clear the screen. */
  static final String OSC = "\u001b]0;pwned\u0007\u001b[2J";

  /** A C1 control sequence introducer, then a right-to-left override. */
  static final String C1_BIDI = "\u009b31m\u202etxt.exe";

  static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    cli = new Cli(tmp);
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        dir.resolve("evil.txt"),
        "Harbour vote "
            + OSC
            + " ends "
            + C1_BIDI
            + "\n\n"
            + "By Mal "
            + OSC
            + " Icious\n\n"
            + "The harbour board voted on the levy "
            + OSC
            + " after a long debate "
            + C1_BIDI
            + ". Members said the harbour needs dredging.\n\n"
            + "Traders welcomed the harbour decision and the levy.\n");
    Files.writeString(dir.resolve("name-\u001b[2J-\u0007.txt"), Corpus.article(20, 1));
    Cli.Result r = cli.run("import", dir.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    // and again: duplicates are reported by name
    cli.run("import", dir.toString());
    assertThat(cli.run("note", "1", "see " + OSC + " and " + C1_BIDI).code()).isZero();
    cli.run("tag", "+port\u202eevil", "--", "harbour");
    cli.run("tag", "+port", "--", "harbour");
    cli.run("saved", "add", "evil", "harbour " + C1_BIDI);
    cli.run("rules", "add", "harbour", "--tag", "auto");
  }

  /** Every command that prints article text, on a terminal. */
  private List<String[]> commands() {
    List<String[]> c = new ArrayList<>();
    c.add(new String[] {"list"});
    c.add(new String[] {"list", "--format", "tsv"});
    c.add(new String[] {"list", "--format", "csv"});
    c.add(new String[] {"list", "--sort", "title", "harbour"});
    c.add(new String[] {"search", "harbour"});
    c.add(new String[] {"search", "pwned"});
    c.add(new String[] {"show", "1"});
    c.add(new String[] {"show", "--format", "markdown", "1"});
    c.add(new String[] {"show", "--format", "raw", "1"});
    c.add(new String[] {"tags"});
    c.add(new String[] {"tags", "--tree"});
    c.add(new String[] {"log"});
    c.add(new String[] {"saved", "list"});
    c.add(new String[] {"rules", "list"});
    c.add(new String[] {"suggest", "1"});
    c.add(new String[] {"extract", tmp.resolve("in/evil.txt").toString()});
    c.add(new String[] {"import", "--dry-run", tmp.resolve("in").toString()});
    c.add(new String[] {"import", tmp.resolve("in").toString()});
    c.add(new String[] {"tag", "--dry-run", "+x", "--", "harbour"});
    c.add(new String[] {"db", "check"});
    c.add(new String[] {"db", "info"});
    c.add(new String[] {"export", "--format", "markdown"});
    c.add(new String[] {"stats"});
    c.add(new String[] {"undo"});
    return c;
  }

  private static String[] with(String color, String[] args) {
    String[] a = new String[args.length + 1];
    a[0] = "--color=" + color;
    System.arraycopy(args, 0, a, 1, args.length);
    return a;
  }

  /**
   * Standard error on a terminal redraws its progress bar with carriage returns, which the terminal
   * guard ({@code TerminalSafeWriter}) lets through there and only there.
   */
  private static String progressLinesOut(String err) {
    return err.replace("\r", "");
  }

  private static void assertNoControls(String what, String text, boolean allowSgr) {
    String t = allowSgr ? SGR.matcher(text).replaceAll("") : text;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean bad =
          (c < 0x20 && c != '\n' && c != '\t')
              || (c >= 0x7f && c < 0xa0)
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069');
      assertThat(bad)
          .as(
              "%s printed U+%04X at %d: ...%s...",
              what, (int) c, i, t.substring(Math.max(0, i - 40), Math.min(t.length(), i + 20)))
          .isFalse();
    }
  }

  @Test
  void nothingRawReachesATerminalWithoutColor() {
    cli.tty(true, true);
    for (String[] args : commands()) {
      Cli.Result r = cli.run(with("never", args));
      String what = String.join(" ", args);
      assertThat(r.out() + r.err()).as(what).doesNotContain("Exception");
      assertNoControls(what + " (stdout)", r.out(), false);
      assertNoControls(what + " (stderr)", progressLinesOut(r.err()), false);
    }
  }

  @Test
  void onlyDossiersOwnColorCodesReachATerminalWithColor() {
    cli.tty(true, true);
    for (String[] args : commands()) {
      Cli.Result r = cli.run(with("always", args));
      String what = String.join(" ", args);
      assertNoControls(what + " (stdout)", r.out(), true);
      assertNoControls(what + " (stderr)", progressLinesOut(r.err()), true);
    }
  }

  @Test
  void theShowOfTheIssueIsSafe() {
    cli.tty(true, true);
    Cli.Result r = cli.run("--color=never", "show", "1");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.outBytes()).doesNotContain((byte) 0x1b, (byte) 0x07);
    // the text is still there, made visible
    assertThat(r.out()).contains("pwned").contains("after a long debate");
  }

  @Test
  void jsonEscapesControlsAsJsonDoes() {
    cli.tty(true, true);
    for (String[] args :
        List.of(
            new String[] {"show", "--format", "json", "1"},
            new String[] {"list", "--format", "json"},
            new String[] {"list", "--format", "ndjson"},
            new String[] {"search", "--format", "json", "harbour"})) {
      Cli.Result r = cli.run(args);
      String what = String.join(" ", args);
      assertThat(r.code()).as(r.toString()).isZero();
      assertNoControls(what, r.out(), false);
      assertThat(r.out()).as(what).containsIgnoringCase("\\u001b]0;pwned\\u0007");
    }
  }

  @Test
  void dataForPipesIsKeptAsStored() {
    // not a terminal: scripts get the bytes as stored (JSON aside)
    cli.tty(false, false);
    Cli.Result r = cli.run("show", "--format", "raw", "1");
    assertThat(new String(r.outBytes(), StandardCharsets.UTF_8)).contains(OSC);
  }
}
