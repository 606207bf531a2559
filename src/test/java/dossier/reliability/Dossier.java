package dossier.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged dossier as a real process ({@code java -jar $DOSSIER_JAR}) on one archive, for the
 * tests that need several processes at once, signals or kills. Each run captures its output in
 * files of its own under {@code dir}.
 */
final class Dossier {
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** What one finished run printed and returned. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  /** A started process and where its output goes. */
  record Started(Process process, Path out, Path err) {
    Run await(long seconds) {
      try {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("dossier did not finish in " + seconds + " s: " + read(err));
        }
        return new Run(process.exitValue(), read(out), read(err));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    String outSoFar() {
      return read(out);
    }
  }

  private final Path db;
  private final Path dir;

  Dossier(Path db, Path dir) {
    this.db = db;
    this.dir = dir;
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

  Path db() {
    return db;
  }

  Started startWithInput(String stdin, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss8m",
                "-jar",
                jar().toString(),
                "--db",
                db.toString()));
    cmd.addAll(List.of(args));
    int n = RUNS.incrementAndGet();
    Path out = dir.resolve("run-" + n + ".out");
    Path err = dir.resolve("run-" + n + ".err");
    try {
      Files.createDirectories(dir);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      Map<String, String> env = pb.environment();
      env.remove("DOSSIER_DB");
      env.put("HOME", dir.resolve("home").toString());
      env.put("NO_COLOR", "1");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin == null) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      } else {
        Path in = dir.resolve("run-" + n + ".in");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        pb.redirectInput(in.toFile());
      }
      return new Started(pb.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Started start(String... args) {
    return startWithInput(null, args);
  }

  Run run(String... args) {
    return start(args).await(300);
  }

  Run runWithInput(String stdin, String... args) {
    return startWithInput(stdin, args).await(300);
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  static void interrupt(Process p) {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
