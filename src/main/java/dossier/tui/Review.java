package dossier.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import dossier.core.Article;
import dossier.core.Interrupts;
import dossier.store.Archive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

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
   * @param plainText an article as text for people, what the | key pipes to a command
   */
  public static void run(
      Archive archive,
      String query,
      boolean color,
      TagSuggester.Factory suggesters,
      InputStream in,
      OutputStream out,
      Map<String, String> env,
      boolean markReadOnOpen,
      Function<Article, String> plainText)
      throws IOException {
    DefaultTerminalFactory factory =
        new DefaultTerminalFactory(new TerminalOutput(out), in, StandardCharsets.UTF_8)
            .setForceTextTerminal(true)
            .setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP);
    Terminal terminal = factory.createTerminal();
    TerminalScreen screen = new TerminalScreen(terminal);
    ExecutorService worker = Db.worker("dossier-review-db");
    ExecutorService sideWorker = Db.worker("dossier-review-suggest");
    Archive side = Archive.open(archive.location(), Archive.BUSY_TIMEOUT_MS);
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
            .outside(new Outside(env, out, screen))
            .plainText(plainText)
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
   * 52 escape sequence, which the terminal (and tmux with set-clipboard) passes on. A command for |
   * and the editor for C get the terminal itself: the screen is put away and the terminal's modes
   * made ordinary again while they run, as mutt does.
   */
  private static final class Outside implements ReviewApp.Outside {
    private final Map<String, String> env;
    private final OutputStream terminal;
    private final TerminalScreen screen;

    Outside(Map<String, String> env, OutputStream terminal, TerminalScreen screen) {
      this.env = env;
      this.terminal = terminal;
      this.screen = screen;
    }

    @Override
    public String pipe(String command, String text) {
      ProcessBuilder pb = shell(command);
      pb.redirectInput(ProcessBuilder.Redirect.PIPE);
      try {
        int code =
            handedOver(
                pb,
                p -> {
                  try (OutputStream in = p.getOutputStream()) {
                    in.write(text.getBytes(StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    // the command ended before it read everything (head, true): its own choice
                  }
                },
                true);
        // the outcome first: a long command is cut at the screen's edge
        return (code == 0 ? "done: " : "exit status " + code + ": ") + Cells.line(command);
      } catch (IOException e) {
        return "cannot run " + Cells.line(command) + ": " + e.getMessage();
      }
    }

    @Override
    public Edited edit(String text) {
      String editor = env.get("VISUAL");
      if (editor == null || editor.isBlank()) {
        editor = env.get("EDITOR");
      }
      if (editor == null || editor.isBlank()) {
        editor = "vi";
      }
      Path file = null;
      try {
        file =
            Files.createTempFile(
                "dossier-note-",
                ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        // through the shell, so that the variable may carry options ("code --wait")
        ProcessBuilder pb =
            new ProcessBuilder("/bin/sh", "-c", editor + " \"$1\"", "sh", file.toString());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        int code = handedOver(pb, p -> {}, false);
        if (code != 0) {
          return new Edited(
              null,
              "the editor ("
                  + Cells.line(editor)
                  + ") exited with status "
                  + code
                  + "; the note is unchanged");
        }
        return new Edited(Files.readString(file, StandardCharsets.UTF_8), null);
      } catch (IOException e) {
        return new Edited(
            null,
            "cannot run the editor ("
                + Cells.line(editor)
                + "): "
                + e.getMessage()
                + "; unchanged");
      } finally {
        if (file != null) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException ignored) {
            // a temporary file left behind is all that is lost
          }
        }
      }
    }

    private ProcessBuilder shell(String command) {
      ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
      pb.environment().putAll(env);
      return pb;
    }

    /**
     * Runs {@code pb} on the terminal: the screen put away, echo, line editing and Ctrl-C back (the
     * review ignores Ctrl-C meanwhile, so that it stops the command only), then the review's modes
     * again. With {@code waitForKey} the command's output stays until a key is pressed.
     */
    private int handedOver(
        ProcessBuilder pb, java.util.function.Consumer<Process> feed, boolean waitForKey)
        throws IOException {
      pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      // the terminal leaves and re-enters the alternate screen, not the Screen, whose restart
      // would ask the terminal its size and eat the keys typed meanwhile
      Terminal t = screen.getTerminal();
      t.exitPrivateMode();
      if (waitForKey) {
        // the command's output on a clean screen, not below what an earlier one left
        t.clearScreen();
        t.setCursorPosition(0, 0);
      }
      t.flush();
      String modes = stty("-g");
      if (modes != null) {
        stty("echo", "icanon", "intr", "^C");
      }
      Object interrupts = Interrupts.ignore();
      int code;
      try {
        Process p = pb.start();
        feed.accept(p);
        code = p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        code = -1;
      } finally {
        Interrupts.restore(interrupts);
        if (modes != null) {
          stty(modes.strip());
        }
        if (waitForKey) {
          terminal.write(
              "\r\n[press a key to return to the review]".getBytes(StandardCharsets.UTF_8));
          terminal.flush();
          screen.readInput();
          // the command's output goes with it: nothing of it is left on the ordinary screen for
          // the shell to show when the review quits
          t.clearScreen();
          t.setCursorPosition(0, 0);
        }
        t.enterPrivateMode();
      }
      return code;
    }

    /** Runs stty on the terminal; its output, or null when it failed. */
    private static String stty(String... args) {
      List<String> cmd = new java.util.ArrayList<>(List.of("stty"));
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.redirectInput(new java.io.File("/dev/tty"));
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      try {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
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
