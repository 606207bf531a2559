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
      OutputStream out)
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
}
