package dossier.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The backup of an archive on a PostgreSQL server: PostgreSQL's own {@code pg_dump}, in its custom
 * format (compressed; {@code pg_restore} reads it), of the archive's database. The dump is one
 * snapshot of the database, taken while other clients go on reading and writing.
 */
public final class PgDump {
  /** Where Debian and Ubuntu install each PostgreSQL version's programs. */
  static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

  private PgDump() {}

  /**
   * Finds a PostgreSQL client program: in {@code $DOSSIER_PG_BIN} when it is set, else on {@code
   * PATH}, else in the newest {@code /usr/lib/postgresql/VERSION/bin} (a newer pg_dump reads older
   * servers). Returns null when there is none.
   */
  public static Path find(String program, Map<String, String> env) {
    return find(program, env, DEBIAN_VERSIONS);
  }

  static Path find(String program, Map<String, String> env, Path versions) {
    String own = env.get("DOSSIER_PG_BIN");
    if (own != null && !own.isEmpty()) {
      Path p = Path.of(own, program);
      return Files.isExecutable(p) ? p : null;
    }
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program);
      }
    }
    if (!Files.isDirectory(versions)) {
      return null;
    }
    try (Stream<Path> vs = Files.list(versions)) {
      return vs.map(v -> v.resolve("bin").resolve(program))
          .filter(Files::isExecutable)
          .max(Comparator.comparingInt(PgDump::version))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int version(Path program) {
    try {
      return Integer.parseInt(program.getParent().getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Where to look, said in a message when no program was found. */
  static String looked(Map<String, String> env) {
    String own = env.get("DOSSIER_PG_BIN");
    return own != null && !own.isEmpty()
        ? "in DOSSIER_PG_BIN (" + own + ")"
        : "on PATH or in " + DEBIAN_VERSIONS + "/*/bin";
  }

  /**
   * Dumps the archive's database into {@code target} (an existing, empty file) with pg_dump,
   * connecting as the archive does: the URL without its password, which goes to pg_dump through
   * {@code PGPASSWORD} so that no process listing shows it; {@code ~/.pgpass}, the service file and
   * the {@code PG*} variables of {@code env} are pg_dump's own.
   */
  public static void dump(Archive archive, Path target, Map<String, String> env) {
    String shown = archive.location().shown();
    Path pgDump = find("pg_dump", env);
    if (pgDump == null) {
      throw new StoreException(
          "backing up "
              + shown
              + " runs PostgreSQL's pg_dump, which is not "
              + looked(env)
              + ": install PostgreSQL's client programs (Debian: postgresql-client) or name"
              + " their folder in DOSSIER_PG_BIN; 'dossier export --format ndjson' keeps a copy"
              + " without them");
    }
    List<String> command = new ArrayList<>();
    command.add(pgDump.toString());
    command.addAll(
        List.of("--format=custom", "--no-owner", "--no-privileges", "--file", target.toString()));
    command.add("--dbname=" + shown);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Properties p = PgConnect.target(archive.location().url(), env).properties();
    String password = p.getProperty("password");
    if (password != null) {
      pb.environment().put("PGPASSWORD", password);
    }
    pb.environment().putIfAbsent("PGAPPNAME", "dossier backup");
    String said;
    int rc;
    try {
      Process proc = pb.start();
      proc.getOutputStream().close();
      try (InputStream in = proc.getInputStream()) {
        said = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      rc = proc.waitFor();
    } catch (IOException e) {
      throw new StoreException("cannot run " + pgDump + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("the backup of " + shown + " was interrupted", e);
    }
    if (rc != 0) {
      String why = said.isEmpty() ? "exit " + rc : said.replace("\n", "; ");
      if (password != null) {
        why = why.replace(password, "***");
      }
      throw new StoreException(pgDump + " failed: " + why);
    }
  }
}
