package dossier.cli;

import dossier.core.Interrupts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/**
 * Long text for people through {@code $PAGER} (default {@code less -R}) when standard output is a
 * terminal, as git and man do: {@code LESS} defaults to {@code FRX}, so text that fits on one
 * screen is printed and less quits at once. An empty {@code $PAGER} or {@code cat} prints directly,
 * and so does a pager that cannot be started.
 */
final class Pager {
  private Pager() {}

  /**
   * Writes what {@code body} prints: through the pager on a terminal, else to {@code out}. The text
   * passes the same terminal guard as anything else printed there.
   */
  static void page(BaseCommand cmd, boolean color, Consumer<PrintWriter> body) {
    Env env = cmd.env();
    String pager = command(env);
    if (!env.stdoutTty() || pager == null) {
      body.accept(cmd.out());
      cmd.out().flush();
      return;
    }
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(new TerminalSafeWriter(text, () -> color, false));
    body.accept(w);
    w.flush();
    cmd.out().flush();
    if (!run(pager, env, text.toString())) {
      cmd.out().print(text);
      cmd.out().flush();
    }
  }

  /** The pager to run, or null for none. */
  static String command(Env env) {
    String p = env.vars().get("PAGER");
    if (p == null) {
      return "less -R";
    }
    p = p.strip();
    return p.isEmpty() || p.equals("cat") ? null : p;
  }

  /** Runs the pager on {@code text}; false when it could not be started. */
  private static boolean run(String pager, Env env, String text) {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", pager);
    pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().clear();
    pb.environment().putAll(env.vars());
    pb.environment().putIfAbsent("LESS", "FRX");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return false;
    }
    // Ctrl-C is for the pager (less stays, and quits on q): dossier must not die under it
    Object previous = Interrupts.ignore();
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(Output.stdoutCharset()));
    } catch (IOException e) {
      // the pager quit before reading everything (q on the first page): that is the user's call
    }
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Interrupts.restore(previous);
    }
    return true;
  }
}
