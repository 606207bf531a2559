package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.Sandbox;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dossier review} in a real terminal: tmux at 80x24 on a private server, keys sent with
 * send-keys, the screen read with capture-pane, and the archive checked with the CLI after the UI
 * has quit. Runs after {@code package} (failsafe sets {@code DOSSIER_JAR}); skipped where tmux is
 * not installed.
 */
class ReviewTmuxIT {
  /** How long a step may take before the test gives up on it: a guard against a hang only. */
  static final int HANG_SECONDS = 120;

  @TempDir Path tmp;
  Path project;
  Path db;
  Path socket;

  record Run(int code, String out, String err) {}

  /** Whether the shell clears the screen after the review quits (off: what it left shows). */
  boolean clearAfter = true;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeTrue(hasTmux(), "tmux is not installed");
    String base = System.getProperty("basedir");
    project = Path.of(base != null ? base : "").toAbsolutePath();
    db = tmp.resolve("archive.db");
    socket = tmp.resolve("tmux.sock");
    Run imp = dossier("import", project.resolve("samples").toString());
    assertThat(imp.code()).as(imp.err()).isZero();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (socket != null && Files.exists(socket)) {
      run(List.of("tmux", "-S", socket.toString(), "kill-server"), 10);
    }
  }

  private static boolean hasTmux() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private Run run(List<String> cmd, int timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Sandbox.isolate(pb.environment(), tmp.resolve("home"));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run dossier(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(project.resolve("bin/dossier").toString()));
    cmd.add("--db");
    cmd.add(db.toString());
    cmd.addAll(List.of(args));
    return run(cmd, 300);
  }

  private void tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-S", socket.toString()));
    cmd.addAll(List.of(args));
    Run r = run(cmd, 30);
    assertThat(r.code()).as("tmux %s: %s", String.join(" ", args), r.err()).isZero();
  }

  private String screen() throws Exception {
    List<String> cmd =
        List.of("tmux", "-u", "-S", socket.toString(), "capture-pane", "-p", "-t", "review");
    return run(cmd, 30).out();
  }

  /**
   * Waits until the screen shows what {@code test} wants, and returns it. The screen is read again
   * every 50 ms (a pace for the polling, which decides nothing); the limit only ends a test that
   * hangs.
   */
  private String waitFor(String what, Predicate<String> test) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
    String s = screen();
    while (!test.test(s)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the screen never showed " + what + ":\n" + s);
      }
      Thread.sleep(50);
      s = screen();
    }
    return s;
  }

  /** The pane's text with the lines the terminal wrapped joined again: what was printed. */
  private String printed() throws Exception {
    return run(
            List.of(
                "tmux", "-u", "-S", socket.toString(), "capture-pane", "-p", "-J", "-t", "review"),
            30)
        .out();
  }

  /** Runs {@code script} in the review's pane (the same terminal, now a shell), to its end. */
  private String shell(String script) throws Exception {
    tmux(
        "respawn-pane",
        "-k",
        "-t",
        "review",
        "sh",
        "-c",
        "clear; " + script + "; echo shell done; exec cat");
    waitFor("shell done");
    return printed();
  }

  private String waitFor(String text) throws Exception {
    return waitFor("'" + text + "'", s -> s.contains(text));
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "review"));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  private void type(String text) throws Exception {
    tmux("send-keys", "-t", "review", "-l", text);
  }

  private Path startReview() throws Exception {
    return startReview("");
  }

  /** The review in a new pane; {@code env} is put before the command ("EDITOR='...' "). */
  private Path startReview(String env) throws Exception {
    return startReview(env, "", "is:new · 10 articles");
  }

  /** The review of {@code query} (shell words, "" for the inbox), once it shows {@code ready}. */
  private Path startReview(String env, String query, String ready) throws Exception {
    Path exit = tmp.resolve("exit");
    String cmd =
        env
            + "'"
            + project.resolve("bin/dossier")
            + "' --db '"
            + db
            + "' review "
            + query
            + "; echo $? > '"
            + exit
            + "';"
            + (clearAfter ? " clear;" : "")
            + " echo review exited; exec cat";
    tmux("new-session", "-d", "-s", "review", "-x", "80", "-y", "24", "sh", "-c", cmd);
    // the first start may build nothing but still starts a JVM
    waitFor("the list", s -> s.contains(ready) && s.contains("\n> "));
    return exit;
  }

  private void waitForExit(Path exit) throws Exception {
    // the shell in the pane writes the exit status, then waits for the test to end the session
    waitFor("the shell after review", s -> s.contains("review exited"));
    if (!Files.exists(exit)) {
      throw new AssertionError("review did not write its exit status:\n" + screen());
    }
    assertThat(Files.readString(exit).strip()).isEqualTo("0");
  }

  private List<String> ids(String... query) throws Exception {
    List<String> args = new ArrayList<>(List.of("list"));
    args.addAll(List.of(query));
    args.addAll(List.of("--format", "ids"));
    Run r = dossier(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().isBlank() ? List.of() : List.of(r.out().strip().split("\n"));
  }

  @Test
  void tagReviewStarThenQuitAndTheCliSeesIt() throws Exception {
    List<String> inbox = ids("is:new");
    Path exit = startReview();

    keys("t");
    waitFor("Add tags to #" + inbox.get(0));
    type("followup");
    keys("Enter");
    waitFor("[followup]");
    keys("r");
    waitFor("is:new · 9 articles");
    keys("s");
    waitFor("the star", s -> s.lines().anyMatch(l -> l.startsWith("> *")));
    keys("q");
    waitForExit(exit);

    assertThat(ids("tag:followup", "is:reviewed")).containsExactly(inbox.get(0));
    assertThat(ids("is:starred")).containsExactly(inbox.get(1));

    // the same 80-column terminal, now a shell whose COLUMNS says otherwise: the launcher tells
    // dossier how wide the terminal is and which of stdout and stderr are terminals
    String dossier = "'" + project.resolve("bin/dossier") + "' --db '" + db + "'";
    Path err = tmp.resolve("import.err");
    String printed =
        shell(
            "export COLUMNS=200; "
                + dossier
                + " list; "
                + dossier
                + " import '"
                + project.resolve("samples")
                + "' 2> '"
                + err
                + "'");
    List<String> rows = printed.lines().filter(l -> l.matches(" *\\d+ .*")).toList();
    assertThat(rows).as(printed).hasSize(10).allMatch(l -> l.length() <= 80);
    assertThat(rows).as("long titles cut to fit").anyMatch(l -> l.contains("…"));
    String log = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(log)
        .contains("imported 0, 10 duplicates")
        .doesNotContain("\r")
        .doesNotContain("\033");
  }

  @Test
  void changesFromAnotherProcessShowUpWhileItRuns() throws Exception {
    Path exit = startReview();
    // the write does not wait for the UI to let go of anything: it succeeds at once, without
    // "database is locked", while the review holds the archive open
    Run tag = dossier("tag", "+late", "--", "Kelmar");
    assertThat(tag.code()).as(tag.err()).isZero();
    assertThat(tag.err()).doesNotContain("locked", "busy");
    List<String> late = ids("tag:late");
    assertThat(late).isNotEmpty();
    waitFor("late", s -> s.contains("[late]"));

    keys("?");
    // the terminal may be caught halfway through drawing: wait for the whole page
    String help =
        waitFor(
            "the help", s -> s.contains("keys (q or Esc goes back)") && s.contains("new/read:"));
    assertThat(help).contains("tag:").contains("reviewed:").contains("star:");
    keys("q");
    waitFor("is:new · 10 articles");
    keys("q");
    waitForExit(exit);
  }

  @Test
  void barPipesTheArticleToARealCommandAndAKeyComesBack() throws Exception {
    String first = ids("is:new").get(0);
    Path piped = tmp.resolve("piped.txt");
    clearAfter = false;
    Path exit = startReview();
    keys("Enter");
    waitFor("the reader", s -> s.startsWith("dossier review: #" + first + " "));
    keys("|");
    waitFor("Pipe #" + first + " to a shell command");
    type("cat > '" + piped + "'; echo words: $(wc -w < '" + piped + "')");
    keys("Enter");
    String out = waitFor("press a key to return to the review");
    assertThat(out).containsPattern("words: [1-9][0-9]*");
    keys("x");
    waitFor("the status line", s -> s.contains("done: cat >") && s.startsWith("dossier review: #"));
    keys("|", "C-u");
    type("echo second; exit 3");
    keys("Enter");
    // the screen is cleared for each command: its own output, then the line asking for a key
    waitFor(
        "the second command's end",
        s -> s.startsWith("second\n") && s.contains("press a key to return to the review"));
    keys("Space");
    waitFor("exit status 3: echo second; exit 3");
    keys("q");
    waitFor("the list", s -> s.contains("is:new · ") && s.contains("\n> "));
    keys("q");
    waitForExit(exit);
    // nothing the commands printed is left on the ordinary screen once the review has quit
    assertThat(screen()).doesNotContain("second", "words:", "press a key");
    // what the command read is what 'dossier show ID' prints into a pipe
    Run show = dossier("show", first);
    assertThat(Files.readString(piped, StandardCharsets.UTF_8)).isEqualTo(show.out());
  }

  @Test
  void yCopiesTheUrlIntoTheTerminalsClipboardThroughOsc52() throws Exception {
    String first = ids("is:new").get(0);
    String url = "https://example.org/2025/osc52-check?x=1&y=2";
    Run edit = dossier("edit", first, "--url", url);
    assertThat(edit.code()).as(edit.err()).isZero();
    Path exit = startReview();
    // tmux takes OSC 52 from the program in its pane into a paste buffer when this is on
    tmux("set-option", "-g", "set-clipboard", "on");
    keys("Enter");
    waitFor("the reader", s -> s.startsWith("dossier review: #" + first + " "));
    keys("y");
    waitFor("copied the URL");
    Run buffer = run(List.of("tmux", "-u", "-S", socket.toString(), "show-buffer"), 30);
    assertThat(buffer.code()).as(buffer.err()).isZero();
    assertThat(buffer.out()).isEqualTo(url);
    keys("q");
    waitFor("the list", s -> s.contains("is:new · ") && s.contains("\n> "));
    keys("q");
    waitForExit(exit);
  }

  @Test
  void shiftCEditsTheNoteInTheRealEditor() throws Exception {
    String first = ids("is:new").get(0);
    Path editor = tmp.resolve("editor.sh");
    Files.writeString(
        editor,
        "#!/bin/sh\nprintf 'from the editor\\nits second line\\n' >> \"$1\"\n",
        StandardCharsets.UTF_8);
    editor.toFile().setExecutable(true);
    Path failing = tmp.resolve("failing.sh");
    Files.writeString(failing, "#!/bin/sh\nexit 2\n", StandardCharsets.UTF_8);
    failing.toFile().setExecutable(true);
    Path exit = startReview("VISUAL='" + editor + "' EDITOR='" + failing + "' ");
    keys("C");
    waitFor("saved the note of #" + first);
    keys("Enter");
    waitFor("its second line");
    keys("q");
    waitFor("is:new · 10 articles");
    keys("q");
    waitForExit(exit);
    Run show = dossier("show", first, "--format", "json");
    assertThat(show.out()).contains("from the editor\\nits second line");
  }

  @Test
  void copiesFoldAndAStoryIsAThreadInARealTerminal() throws Exception {
    // the made-up wire report in six outlets and a story over three days, beside the samples
    for (Path f : Wire.write(tmp.resolve("wire"))) {
      Run imp = dossier("import", f.toString());
      assertThat(imp.code()).as(imp.err()).isZero();
    }
    Path exit = startReview("", "date:2026-11", "date:2026-11 · 10 articles");
    keys("Z");
    String folded =
        waitFor(
            "the copies folded",
            s ->
                s.contains("10 articles in 5 lines · copies folded")
                    && s.contains("Ferry line halts after pier collapse +5 copies"));
    assertThat(folded).doesNotContain("Pier gives way");

    keys("=");
    String threads =
        waitFor("the threads", s -> s.contains("threads, copies folded") && s.contains("└─ "));
    assertThat(threads)
        .contains("Orlen bridge closed over cracks")
        .contains("├─ Kellow traders count the cost")
        .contains("└─ Grendal Works questioned");
    // the cursor stayed on the newest article; two lines down is the folded wire report
    assertThat(threads).containsPattern("\n> .*└─ Grendal Works");
    keys("j", "j");
    waitFor("the cursor on the wire report", s -> s.contains("\n> ") && cursorOn(s, "+5 copies"));
    keys("t");
    waitFor("Add tags to 6 articles");
    type("pier");
    keys("Enter");
    waitFor("+pier on 6 articles");
    keys("z");
    waitFor("the copies unfolded", s -> s.contains("├─ Pier gives way"));
    keys("x");
    waitFor("the wire report's story", s -> s.matches("(?s)dossier review: story:\\d+ · 6.*"));
    keys("x");
    waitFor("back", s -> s.startsWith("dossier review: date:2026-11 · 10 articles"));
    keys("q");
    waitForExit(exit);
    assertThat(ids("tag:pier")).hasSize(6);
  }

  private static boolean cursorOn(String screen, String text) {
    return screen.lines().anyMatch(l -> l.startsWith(">") && l.contains(text));
  }
}
