package dossier.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * What a command reads from its surroundings besides its arguments: environment variables, standard
 * input and whether output goes to a terminal. Tests pass their own.
 *
 * @param stdoutBytes standard output for raw bytes (show --format raw)
 * @param stdoutTty true when standard output is a terminal (tables, colors, confirmation)
 * @param stderrTty true when standard error is a terminal (progress bars)
 */
public record Env(
    Map<String, String> vars,
    InputStream stdin,
    OutputStream stdoutBytes,
    boolean stdoutTty,
    boolean stderrTty) {

  /**
   * The real process environment. Standard output is the file descriptor itself, not {@code
   * System.out}: a {@link java.io.PrintStream} swallows write errors, and a full disk or a closed
   * pipe must stop the command with a message instead.
   */
  public static Env system() {
    boolean tty = System.console() != null;
    OutputStream stdout =
        new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    return new Env(System.getenv(), System.in, stdout, tty, tty);
  }

  public String get(String name) {
    String v = vars.get(name);
    return v == null || v.isEmpty() ? null : v;
  }
}
