package dossier.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for the tests: found on PATH or under {@code
 * /usr/lib/postgresql/<version>/bin}, initialised into a fresh folder under the system temp folder,
 * started on 127.0.0.1 at a free port (and its Unix socket in the same folder), and stopped when
 * the JVM ends. Each test class asks it for a database of its own ({@link #database}).
 *
 * <p>PostgreSQL refuses to run as root, so under root the server runs as the unprivileged user
 * {@code dossier-ci} that {@code .ci/run} creates, else as {@code nobody}, through {@code runuser}.
 * When the binaries are missing or the server cannot start, {@link #require} skips the calling test
 * with the reason, so the SQLite suite still runs on a machine without PostgreSQL.
 *
 * <p>Nothing waits by the clock: {@code pg_ctl -w} returns once the server accepts connections; the
 * process timeouts below only guard against a hang.
 */
public final class PgCluster {
  private static final long HANG_GUARD_S = 180;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PgCluster cluster;
  private static String unavailable;

  private final Path bin;
  private final Path dir;
  private final String runAs;
  private final int port;
  private boolean stopped;

  private PgCluster(Path bin, Path dir, String runAs, int port) {
    this.bin = bin;
    this.dir = dir;
    this.runAs = runAs;
    this.port = port;
  }

  /** The running cluster, started on first use; skips the test when PostgreSQL is unavailable. */
  public static synchronized PgCluster require() {
    if (cluster == null && unavailable == null) {
      try {
        cluster = start();
      } catch (IOException | RuntimeException e) {
        unavailable = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unavailable = "interrupted while starting PostgreSQL";
      }
    }
    assumeTrue(cluster != null, () -> "PostgreSQL tests skipped: " + unavailable);
    return cluster;
  }

  /** The folder of PostgreSQL's server programs, or null when none is installed. */
  static Path findBinaries() {
    String fromEnv = System.getenv("DOSSIER_PG_BIN");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb"))) {
        return Path.of(p);
      }
    }
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparingInt(PgCluster::version))
          .map(v -> v.resolve("bin"))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int version(Path v) {
    try {
      return Integer.parseInt(v.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static PgCluster start() throws IOException, InterruptedException {
    Path bin = findBinaries();
    if (bin == null) {
      throw new IllegalStateException(
          "no PostgreSQL server programs (initdb) on PATH or in /usr/lib/postgresql/*/bin;"
              + " bash .ci/run installs them");
    }
    String runAs = null;
    if ("root".equals(System.getProperty("user.name"))) {
      runAs = exitCode(List.of("id", "-u", "dossier-ci")) == 0 ? "dossier-ci" : "nobody";
    }
    // under the system temp folder, which the server's user can reach (JUnit's are root-only)
    Path dir = Files.createTempDirectory("dossier-pg");
    if (runAs != null) {
      run(dir, List.of("chown", runAs, dir.toString()));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PgCluster c = new PgCluster(bin, dir, runAs, port);
    c.initAndStart();
    Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "stop test PostgreSQL"));
    return c;
  }

  private void initAndStart() throws IOException, InterruptedException {
    Path data = dir.resolve("data");
    // trust: the cluster listens on loopback only, lives for one test run and holds test data
    asServer(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-A",
            "trust",
            "-U",
            "dossier",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync"));
    asServer(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-w",
            "-t",
            Long.toString(HANG_GUARD_S),
            "-l",
            dir.resolve("server.log").toString(),
            "-o",
            "-c listen_addresses=127.0.0.1 -p "
                + port
                + " -k "
                + dir
                + " -F -c max_connections=60 -c shared_buffers=32MB",
            "start"));
  }

  /** Stops the server (fast shutdown) and removes its folder. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      asServer(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "fast",
              "-w",
              "stop"));
    } catch (IOException | RuntimeException e) {
      System.err.println("test PostgreSQL did not stop: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  /** A new, empty database; its {@code postgresql://} URL as dossier's --db takes it. */
  public String database(String hint) {
    String name =
        "t"
            + DATABASES.incrementAndGet()
            + "_"
            + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    if (name.length() > 60) {
      name = name.substring(0, 60);
    }
    try (Connection c = connect("postgres");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e, e);
    }
    return url(name);
  }

  /** The dossier URL of database {@code name} on this cluster. */
  public String url(String name) {
    return "postgresql://dossier@127.0.0.1:" + port + "/" + name;
  }

  /** A plain JDBC connection to database {@code name}, for the tests' own SQL. */
  public Connection connect(String name) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "dossier");
    return new org.postgresql.Driver()
        .connect("jdbc:postgresql://127.0.0.1:" + port + "/" + name, p);
  }

  /** A JDBC connection to the database of a dossier URL from {@link #database}. */
  public Connection connectUrl(String url) throws SQLException {
    return connect(url.substring(url.lastIndexOf('/') + 1));
  }

  private void asServer(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    run(dir, full);
  }

  private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("dossier-pg-cmd", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(HANG_GUARD_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " hung");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed (exit "
                + p.exitValue()
                + "): "
                + Files.readString(out, StandardCharsets.UTF_8).strip());
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int exitCode(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!p.waitFor(HANG_GUARD_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is not worth failing the run
    }
  }
}
