package dossier.store;

/**
 * Test-only: lets the crash tests halt dossier at a commit they choose instead of killing it after
 * a delay. {@code DOSSIER_TEST_HALT=before:N} halts the JVM right before this process's Nth commit
 * (its work written but not committed), {@code after:N} right after it (committed, but nothing said
 * or done since). The halt is {@link Runtime#halt}: no shutdown hook, no rollback, no flush, as a
 * SIGKILL leaves a process. Commits are counted over the whole process, migrations included.
 *
 * <p>The variable is read once; unset (as it always is outside the tests), each commit pays one
 * comparison of a constant.
 */
final class CrashPoint {
  /** The exit status of a halted process: one dossier itself never returns. */
  static final int HALTED = 86;

  private static final int AT;
  private static final boolean BEFORE;
  private static int commits;

  static {
    String v = System.getenv("DOSSIER_TEST_HALT");
    int at = 0;
    boolean before = false;
    if (v != null && v.matches("(before|after):[1-9][0-9]{0,8}")) {
      before = v.startsWith("before:");
      at = Integer.parseInt(v.substring(v.indexOf(':') + 1));
    }
    AT = at;
    BEFORE = before;
  }

  private CrashPoint() {}

  /** Called with a transaction's work done, right before its COMMIT. */
  static void beforeCommit() {
    if (AT != 0 && BEFORE) {
      count(false);
    }
  }

  /** Called right after a COMMIT returned. */
  static void afterCommit() {
    if (AT != 0) {
      count(true);
    }
  }

  private static synchronized void count(boolean committed) {
    int n = committed ? ++commits : commits + 1;
    if (n == AT && committed != BEFORE) {
      System.err.println(
          "dossier: halted " + (BEFORE ? "right before" : "right after") + " commit " + n);
      System.err.flush();
      Runtime.getRuntime().halt(HALTED);
    }
  }
}
