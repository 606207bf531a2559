package dossier.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tiny programs that each pay one part of what a {@code dossier search} start costs, so the parts
 * can be timed as whole processes next to the real command:
 *
 * <ul>
 *   <li>{@code hello}: the JVM alone;
 *   <li>{@code picocli}: parsing a small annotated command with picocli, nothing else;
 *   <li>{@code sqlite DB WORD}: loading sqlite-jdbc and its native library, opening the archive and
 *       counting one FTS5 match, through plain JDBC.
 * </ul>
 *
 * With {@code -v} as the last argument each step's time inside the process goes to stderr.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    boolean verbose = args.length > 0 && args[args.length - 1].equals("-v");
    String mode = args.length > 0 ? args[0] : "hello";
    switch (mode) {
      case "hello" -> System.out.println("hello");
      case "picocli" -> {
        int rc = new CommandLine(new Probe()).execute("--limit", "20", "--format", "ids", "word");
        step(verbose, "picocli parse and run", t0);
        if (rc != 0) {
          System.exit(rc);
        }
      }
      case "sqlite" -> sqlite(args[1], args[2], verbose, t0);
      default -> {
        System.err.println("usage: StartupProbe hello|picocli|sqlite DB WORD [-v]");
        System.exit(2);
      }
    }
  }

  private static void sqlite(String db, String word, boolean verbose, long t0)
      throws ClassNotFoundException, SQLException {
    Class.forName("org.sqlite.JDBC");
    long t1 = step(verbose, "driver classes", t0);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      long t2 = step(verbose, "native library and open", t1);
      try (PreparedStatement st =
          c.prepareStatement("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?")) {
        st.setString(1, word);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          System.out.println(rs.getLong(1));
        }
      }
      step(verbose, "FTS5 count", t2);
    }
  }

  private static long step(boolean verbose, String what, long since) {
    long now = System.nanoTime();
    if (verbose) {
      System.err.printf(Locale.ROOT, "%-26s %6.1f ms%n", what, (now - since) / 1e6);
    }
    return now;
  }

  @Command(name = "probe", mixinStandardHelpOptions = true, description = "A command to parse.")
  static final class Probe implements Callable<Integer> {
    @Parameters(arity = "1..*", description = "Query words.")
    String[] words;

    @Option(names = "--limit", description = "How many.")
    int limit = 20;

    @Option(names = "--format", description = "Output format.")
    String format = "table";

    @Option(names = "--db", description = "The archive.")
    String db;

    @Override
    public Integer call() {
      System.out.println(words.length + " " + limit + " " + format);
      return 0;
    }
  }
}
