package dossier.cli;

/** dossier's exit codes, as documented in {@code man dossier}. */
public final class ExitCode {
  /** Success, including an empty result. */
  public static final int OK = 0;

  /** Runtime failure: I/O, database. */
  public static final int FAILURE = 1;

  /** Usage error: bad option, bad query, bad tag. */
  public static final int USAGE = 2;

  /** Some files of an import failed, the rest were imported. */
  public static final int PARTIAL = 3;

  /** The article (or other thing) asked for does not exist. */
  public static final int NOT_FOUND = 4;

  /** Standard output closed by its reader ({@code | head}): stopped quietly, as by SIGPIPE. */
  public static final int CLOSED_PIPE = 141;

  /** Stopped by Ctrl-C. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
