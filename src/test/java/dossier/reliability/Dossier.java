package dossier.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.Sandbox;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The packaged dossier as a real process ({@code java -jar $DOSSIER_JAR}) on one archive, for the
 * tests that need several processes at once, signals or kills. Each run captures its output in
 * files of its own under {@code dir}, and runs in a {@link Sandbox} there.
 *
 * <p>Tests stop a process at a point they choose, never after a delay: on a standard input they
 * hold ({@link #startHeld}), or at a commit ({@link #halting}, the test-only {@code
 * DOSSIER_TEST_HALT} hook of the store).
 */
final class Dossier {
  /** The exit status of a process halted by {@code DOSSIER_TEST_HALT} (the store's CrashPoint). */
  static final int HALTED = 86;

  /** The exit status of a process killed by SIGKILL. */
  static final int KILLED = 128 + 9;

  /** How long any one command may take before the test gives up on it: a guard, not a check. */
  private static final long HANG_SECONDS = 300;

  private static final AtomicInteger RUNS = new AtomicInteger();

  /** What one finished run printed and returned. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  /** A started process, where its output goes, and its standard input when the test holds it. */
  record Started(Process process, Path out, Path err, OutputStream stdin) {
    Run await() {
      try {
        if (stdin != null) {
          stdin.close();
        }
        if (!process.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("dossier hung for " + HANG_SECONDS + " s: " + read(err));
        }
        return new Run(process.exitValue(), read(out), read(err));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** Writes to the held standard input, and flushes. */
    void feed(String text) {
      try {
        stdin.write(text.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String outSoFar() {
      return read(out);
    }

    String errSoFar() {
      return read(err);
    }

    /** Waits until standard error shows {@code text}; fails if the process ends first. */
    void awaitErr(String text) {
      awaitWhileRunning("'" + text + "' on stderr", () -> errSoFar().contains(text));
    }

    /** Waits until standard output holds {@code n} lines; fails if the process ends first. */
    void awaitOutLines(long n) {
      awaitWhileRunning(n + " lines on stdout", () -> outSoFar().lines().count() >= n);
    }

    /**
     * Waits for an event while the process runs: the process is blocked on something the test
     * holds, so it cannot finish on its own, and the test may act as soon as the event is seen. (An
     * event that never comes fails the test after {@link #HANG_SECONDS}: a guard, not a check.)
     */
    void awaitWhileRunning(String what, BooleanSupplier event) {
      long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
      try {
        while (!event.getAsBoolean()) {
          if (System.nanoTime() > guard) {
            throw new AssertionError(
                "dossier never showed " + what + " in " + HANG_SECONDS + " s:\n" + read(err));
          }
          if (!process.isAlive()) {
            throw new AssertionError(
                "dossier ended (exit "
                    + process.exitValue()
                    + ") before "
                    + what
                    + ":\n"
                    + read(err));
          }
          process.waitFor(10, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** SIGKILL, and waits for the process to be gone; returns its exit status. */
    int kill() {
      try {
        process.destroyForcibly();
        int code = process.waitFor();
        if (stdin != null) {
          try {
            stdin.close();
          } catch (IOException brokenPipe) {
            // the reader is gone: nothing to close
          }
        }
        return code;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does; fails if the process would ignore it. */
    void interrupt() {
      if (ignoresSigint(process.pid())) {
        throw new AssertionError(
            "dossier was started with SIGINT ignored (a build run in the background or under"
                + " nohup) and 'env --default-signal=INT' could not give it back");
      }
      try {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
          throw new AssertionError("kill -INT failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** What {@code --db} names: the archive file, or a server's URL. */
  private final String db;

  private final Path dir;
  private final Map<String, String> extraEnv;

  Dossier(Path db, Path dir) {
    this(db.toString(), dir, Map.of());
  }

  /** Processes on the archive in the PostgreSQL database {@code url}. */
  static Dossier onServer(String url, Path dir) {
    return new Dossier(url, dir, Map.of());
  }

  private Dossier(String db, Path dir, Map<String, String> extraEnv) {
    this.db = db;
    this.dir = dir;
    this.extraEnv = extraEnv;
  }

  /**
   * The same archive, with processes that halt at {@code point}: {@code before:N} right before
   * their Nth commit, {@code after:N} right after it (migrations count; each write transaction is
   * one commit).
   */
  Dossier halting(String point) {
    Map<String, String> env = new LinkedHashMap<>(extraEnv);
    env.put("DOSSIER_TEST_HALT", point);
    return new Dossier(db, dir, env);
  }

  /** The same archive, with processes whose changes the journal records as {@code user}'s. */
  Dossier as(String user) {
    Map<String, String> env = new LinkedHashMap<>(extraEnv);
    env.put("DOSSIER_USER", user);
    return new Dossier(db, dir, env);
  }

  /** The jar {@code mvn package} built; tests that need it are skipped without it. */
  static Path jar() {
    String j = System.getenv("DOSSIER_JAR");
    assumeTrue(j != null && Files.isRegularFile(Path.of(j)), "DOSSIER_JAR names the packaged jar");
    return Path.of(j);
  }

  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The archive file (not for an archive on a server). */
  Path db() {
    return Path.of(db);
  }

  /** True when {@code pid} ignores SIGINT (Linux: bit 2 - 1 of SigIgn in /proc/PID/status). */
  static boolean ignoresSigint(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: there is nothing to read, and nothing this harness can change
    }
    return false;
  }

  /**
   * What goes before {@code java} so that dossier sees Ctrl-C. A process started in the background
   * by a script, or under nohup, ignores SIGINT, its children inherit that, and a JVM that starts
   * with SIGINT ignored never installs its handler: then {@code env --default-signal=INT} (GNU
   * coreutils) gives dossier the default back.
   */
  private static final List<String> SIGINT_RESET =
      ignoresSigint(ProcessHandle.current().pid())
              && succeeds("env", "--default-signal=INT", "true")
          ? List.of("env", "--default-signal=INT")
          : List.of();

  private static boolean succeeds(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Standard input: /dev/null, a text (from a file), or when {@code held} a pipe the test holds.
   */
  private Started start(String stdin, boolean held, String... args) {
    List<String> cmd = new ArrayList<>(SIGINT_RESET);
    cmd.addAll(
        List.of(
            java(),
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss8m",
            "-jar",
            jar().toString(),
            "--db",
            db));
    cmd.addAll(List.of(args));
    int n = RUNS.incrementAndGet();
    Path out = dir.resolve("run-" + n + ".out");
    Path err = dir.resolve("run-" + n + ".err");
    try {
      Files.createDirectories(dir);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      Map<String, String> env = Sandbox.isolate(pb.environment(), dir.resolve("home"));
      env.put("NO_COLOR", "1");
      env.putAll(extraEnv);
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin == null && !held) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      } else if (!held) {
        Path in = dir.resolve("run-" + n + ".in");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        pb.redirectInput(in.toFile());
      }
      Process p = pb.start();
      return new Started(p, out, err, held ? p.getOutputStream() : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Started start(String... args) {
    return start(null, false, args);
  }

  Started startWithInput(String stdin, String... args) {
    return start(stdin, false, args);
  }

  /** Starts with a standard input the test holds: the command waits on it until fed or closed. */
  Started startHeld(String... args) {
    return start(null, true, args);
  }

  Run run(String... args) {
    return start(args).await();
  }

  Run runWithInput(String stdin, String... args) {
    return startWithInput(stdin, args).await();
  }

  /** A number from the archive, read directly with SQL. */
  long count(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
