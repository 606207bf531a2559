package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real dossier command line in a test: a temporary archive and home, captured standard
 * output and error, and the exit code. Nothing here touches the user's real archive or config.
 */
public final class Cli {
  static {
    Main.quietLibraries(); // the libraries' settings of a real run
  }

  /** What one run printed and returned. */
  public record Result(int code, String out, String err, byte[] outBytes) {
    /** Standard output split into lines (without the final empty one). */
    public List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  private final Path dir;
  private final Map<String, String> vars = new HashMap<>();
  private boolean stdoutTty;
  private boolean stderrTty;
  private int columns;

  /** A harness whose archive, home and XDG folders all live under {@code dir}. */
  public Cli(Path dir) {
    this.dir = dir;
    vars.put("HOME", dir.resolve("home").toString());
    vars.put("XDG_DATA_HOME", dir.resolve("home/.local/share").toString());
    vars.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
    vars.put("XDG_CACHE_HOME", dir.resolve("home/.cache").toString());
    vars.put("DOSSIER_DB", db().toString());
    vars.put("PAGER", "cat"); // a test that pretends to be a terminal never waits in less
  }

  /** A harness whose archive holds the three fixtures of {@link ImportCommandTest#FIXTURES}. */
  public static Cli withFixtures(Path dir) {
    Cli cli = new Cli(dir);
    for (String f : ImportCommandTest.FIXTURES) {
      Result r = cli.run("import", cli.fixture(f).toString());
      if (r.code() != 0) {
        throw new AssertionError(r.toString());
      }
    }
    return cli;
  }

  /** The archive file the commands use. */
  public Path db() {
    return dir.resolve("archive.db");
  }

  public Path dir() {
    return dir;
  }

  /** Sets (or with null, removes) an environment variable for later runs. */
  public Cli env(String name, String value) {
    if (value == null) {
      vars.remove(name);
    } else {
      vars.put(name, value);
    }
    return this;
  }

  /** Pretends standard output and error are terminals (or not) in later runs. */
  public Cli tty(boolean stdout, boolean stderr) {
    this.stdoutTty = stdout;
    this.stderrTty = stderr;
    return this;
  }

  /** Pretends the terminal is this many columns wide, as the launcher measures it (0: unknown). */
  public Cli columns(int columns) {
    this.columns = columns;
    return this;
  }

  public Result run(String... args) {
    return runWithInput(new byte[0], args);
  }

  /** Runs dossier and fails the test, naming the command and what it printed, unless it exits 0. */
  public Result ok(String... args) {
    Result r = run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  public Result runWithInput(String stdin, String... args) {
    return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  public Result runWithInput(byte[] stdin, String... args) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintWriter out = Output.printWriter(outBytes, StandardCharsets.UTF_8, Output.STDOUT);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(errBytes, StandardCharsets.UTF_8));
    Env env =
        new Env(
            Map.copyOf(vars),
            new ByteArrayInputStream(stdin),
            outBytes,
            stdoutTty,
            stderrTty,
            columns);
    CommandLine cl = DossierCommand.commandLine(env, args); // as Main builds it
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    byte[] raw = outBytes.toByteArray();
    return new Result(
        code,
        new String(raw, StandardCharsets.UTF_8),
        errBytes.toString(StandardCharsets.UTF_8),
        raw);
  }

  /** Copies the test fixture {@code /cli/name} into the temp folder and returns its path. */
  public Path fixture(String name) {
    return copyFixture(name, dir.resolve("files"));
  }

  /** Copies fixtures into {@code folder} (created when missing). */
  public Path copyFixture(String name, Path folder) {
    try (InputStream in = Cli.class.getResourceAsStream("/cli/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      Files.createDirectories(folder);
      Path p = folder.resolve(name);
      Files.write(p, in.readAllBytes());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a fixture's bytes. */
  public static byte[] fixtureBytes(String name) {
    try (InputStream in = Cli.class.getResourceAsStream("/cli/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's samples/ folder (tests run from the project folder). */
  public static Path samples() {
    return projectDir().resolve("samples");
  }

  /** The project folder: Maven's basedir, else the working directory. */
  public static Path projectDir() {
    String base = System.getProperty("basedir");
    return Path.of(base != null ? base : "").toAbsolutePath();
  }
}
