package dossier.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import dossier.store.Archive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Starts the full-screen review UI on the terminal. The only entry point into this package, so that
 * Lanterna is loaded by {@code dossier review} alone.
 */
public final class Review {
  private Review() {}

  /**
   * Runs the UI until the user quits. The archive is used by a worker thread while it runs and is
   * idle again when this returns (a write still in progress is waited for).
   *
   * @param query the query to start with (already checked by the caller)
   * @param color false for {@code --color=never} and {@code NO_COLOR}: bold and reverse only
   */
  public static void run(
      Archive archive,
      String query,
      boolean color,
      TagSuggester.Factory suggesters,
      InputStream in,
      OutputStream out,
      Map<String, String> env,
      boolean markReadOnOpen)
      throws IOException {
    DefaultTerminalFactory factory =
        new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
            .setForceTextTerminal(true)
            .setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP);
    Terminal terminal = factory.createTerminal();
    TerminalScreen screen = new TerminalScreen(terminal);
    ExecutorService worker = Db.worker("dossier-review-db");
    ExecutorService sideWorker = Db.worker("dossier-review-suggest");
    Archive side = Archive.open(archive.path());
    try {
      screen.startScreen();
      try {
        new ReviewApp(
                screen,
                Theme.of(color),
                archive,
                side,
                suggesters,
                worker,
                sideWorker,
                System::nanoTime,
                query)
            .markReadOnOpen(markReadOnOpen)
            .outside(new Outside(env, out))
            .run();
      } finally {
        Db.finish(worker);
        screen.stopScreen();
      }
    } finally {
      // suggestions only read: one still running is not waited for, and its connection is left
      // to the process's exit rather than closed under it
      sideWorker.shutdownNow();
      if (Db.idle(sideWorker)) {
        side.close();
      }
    }
  }

  /**
   * The keys of every screen, for the manual: screen name to {keys, what they do}, in the order of
   * the action table that binds them, so the page cannot list a key the UI does not have.
   */
  public static Map<String, List<String[]>> keys() {
    Map<String, List<String[]>> out = new java.util.LinkedHashMap<>();
    for (Where w : List.of(Where.LIST, Where.READER, Where.HELP)) {
      List<String[]> rows = new java.util.ArrayList<>();
      for (Action a : Action.on(w)) {
        rows.add(new String[] {a.keyText(), a.help});
      }
      out.put(
          switch (w) {
            case LIST -> "The list";
            case READER -> "The reader";
            case HELP -> "The help screen";
          },
          rows);
    }
    return out;
  }

  /**
   * The browser and the clipboard of the real terminal: {@code $BROWSER} (its first entry) or
   * xdg-open, started on its own so that the review keeps the screen; the clipboard through the OSC
   * 52 escape sequence, which the terminal (and tmux with set-clipboard) passes on.
   */
  private static final class Outside implements ReviewApp.Outside {
    private final Map<String, String> env;
    private final OutputStream terminal;

    Outside(Map<String, String> env, OutputStream terminal) {
      this.env = env;
      this.terminal = terminal;
    }

    @Override
    public String open(String url) {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        return "not opened: only web addresses are (" + Cells.line(url) + ")";
      }
      String browser = env.get("BROWSER");
      String program =
          browser == null || browser.isBlank() ? "xdg-open" : browser.split(":")[0].strip();
      ProcessBuilder pb =
          new ProcessBuilder(List.of("/bin/sh", "-c", program + " \"$1\"", "-", url));
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      try {
        pb.start();
        return "opened " + Cells.line(url) + " with " + Cells.line(program);
      } catch (IOException e) {
        return "cannot start " + Cells.line(program) + ": " + e.getMessage();
      }
    }

    @Override
    public String copy(String text) {
      String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
      try {
        terminal.write(("\033]52;c;" + b64 + "\033\\").getBytes(StandardCharsets.US_ASCII));
        terminal.flush();
        return "copied the URL (if the terminal allows OSC 52)";
      } catch (IOException e) {
        return "cannot copy: " + e.getMessage();
      }
    }
  }
}
