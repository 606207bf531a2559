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
 * @param columns the terminal's width in columns, 0 when unknown
 */
public record Env(
    Map<String, String> vars,
    InputStream stdin,
    OutputStream stdoutBytes,
    boolean stdoutTty,
    boolean stderrTty,
    int columns) {

  /** An environment whose terminal width is unknown. */
  public Env(
      Map<String, String> vars,
      InputStream stdin,
      OutputStream stdoutBytes,
      boolean stdoutTty,
      boolean stderrTty) {
    this(vars, stdin, stdoutBytes, stdoutTty, stderrTty, 0);
  }

  /**
   * The real process environment. Standard output is the file descriptor itself, not {@code
   * System.out}: a {@link java.io.PrintStream} swallows write errors, and a full disk or a closed
   * pipe must stop the command with a message instead.
   */
  public static Env system() {
    OutputStream stdout =
        new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    // bin/dossier asks the shell ([ -t 1 ], [ -t 2 ], stty size) and passes the answers on; run
    // without it, System.console() is the best guess left (it also needs stdin to be a terminal)
    String out = System.getProperty("dossier.stdout.tty");
    String err = System.getProperty("dossier.stderr.tty");
    // asked only when needed: on JDK 22 and later it sets up the JDK's line-editing console
    boolean console = (out == null || err == null) && System.console() != null;
    return new Env(
        System.getenv(),
        System.in,
        stdout,
        out != null ? out.equals("1") : console,
        err != null ? err.equals("1") : console,
        number(System.getProperty("dossier.columns")));
  }

  private static int number(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public String get(String name) {
    String v = vars.get(name);
    return v == null || v.isEmpty() ? null : v;
  }
}
