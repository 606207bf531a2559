package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Text;
import dossier.ingest.Sources;
import dossier.service.MigrateService;
import dossier.store.Archive;
import dossier.store.ArchiveCopy;
import dossier.store.ArchiveLocation;
import dossier.store.Maintenance;
import dossier.store.Maintenance.Repair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description =
        "Look after the archive: check its integrity, compact it, show facts about it, move it to"
            + " a PostgreSQL server or back to a file.",
    subcommands = {
      DbCommand.Check.class,
      DbCommand.Vacuum.class,
      DbCommand.Info.class,
      DbCommand.MigrateTo.class
    })
final class DbCommand extends BaseCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(err());
    return ExitCode.USAGE;
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Check the archive: SQLite's integrity check and the full-text index against the"
            + " articles; on a PostgreSQL server the schema (its version, every table, index and"
            + " trigger) and each article's search vector against its text; on both, dossier's"
            + " own rules (no original, tag link or change-log entry points at nothing, every"
            + " change that can be undone has what its undo needs).",
        "Prints each problem on standard output and exits with 1 when there is any.",
        "--repair rebuilds the full-text index from the articles (on a server: recomputes the"
            + " search vectors that do not match and puts back missing indexes and triggers) and"
            + " removes rows that point at nothing, then checks again."
      })
  static final class Check extends BaseCommand {
    @Override
    boolean createsArchive() {
      return true;
    }

    @Option(
        names = "--repair",
        description = "Rebuild the full-text index and remove dangling rows, then check again.")
    boolean repair;

    @Override
    public Integer call() {
      Maintenance m = Maintenance.of(archive());
      List<String> problems = m.check();
      if (!repair) {
        print(problems);
        if (problems.isEmpty()) {
          say("ok: no problems found in " + safe(archive().location().shown()));
          return ExitCode.OK;
        }
        say(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " found");
        return ExitCode.FAILURE;
      }
      for (String p : problems) {
        say("found: " + safe(p));
      }
      Repair r = m.repair();
      say(
          "repair: rebuilt the full-text index, removed "
              + r.rowsRemoved()
              + " dangling row"
              + (r.rowsRemoved() == 1 ? "" : "s"));
      List<String> left = m.check();
      print(left);
      if (left.isEmpty()) {
        say("ok: no problems left");
        return ExitCode.OK;
      }
      say(left.size() + " problem" + (left.size() == 1 ? "" : "s") + " left after repair");
      return ExitCode.FAILURE;
    }

    private void print(List<String> problems) {
      for (String p : problems) {
        out().println(safe(p));
      }
      out().flush();
    }
  }

  @Command(
      name = "vacuum",
      mixinStandardHelpOptions = true,
      description = {
        "Compact the archive: merge the full-text index, rewrite the file without free space and"
            + " empty the write-ahead log.",
        "On a PostgreSQL server: VACUUM ANALYZE the archive's database, so that dead rows become"
            + " room for new ones and the planner's statistics are fresh; other clients go on"
            + " working meanwhile. The database does not shrink (PostgreSQL keeps the room)."
      })
  static final class Vacuum extends BaseCommand {
    @Override
    boolean createsArchive() {
      return true;
    }

    @Override
    public Integer call() {
      Maintenance m = Maintenance.of(archive());
      long before = m.info().dbBytes() + m.info().walBytes();
      m.vacuum();
      long after = m.info().dbBytes() + m.info().walBytes();
      say(
          (archive().onServer() ? "vacuumed and analyzed: database " : "vacuumed: ")
              + Sources.human(before)
              + " -> "
              + Sources.human(after));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description =
          "Show the archive's schema version, counts and file sizes (on a PostgreSQL server: its"
              + " version and the database's size).")
  static final class Info extends BaseCommand {
    @Override
    boolean createsArchive() {
      return true;
    }

    enum InfoFormat {
      text,
      json
    }

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    InfoFormat format = InfoFormat.text;

    @Override
    public Integer call() {
      Maintenance.Info i = Maintenance.of(archive()).info();
      if (format == InfoFormat.json) {
        json(i);
      } else {
        text(i);
      }
      out().flush();
      return ExitCode.OK;
    }

    private void text(Maintenance.Info i) {
      row("archive", safe(i.path()));
      row(
          "schema",
          i.schemaVersion()
              + (i.schemaVersion() == i.latestSchema()
                  ? " (current)"
                  : " (this dossier knows up to " + i.latestSchema() + ")"));
      if (i.onServer()) {
        row("postgresql", i.postgresqlVersion());
      } else {
        row("sqlite", i.sqliteVersion());
      }
      row("articles", Long.toString(i.articles()));
      row("tags", i.tags() + " (" + i.taggings() + " tag links)");
      row("changes", i.changes() + " in the change log");
      row(
          "originals",
          Sources.human(i.originalBytes())
              + " as imported, "
              + Sources.human(i.storedOriginalBytes())
              + " stored");
      if (i.onServer()) {
        row("database", Sources.human(i.dbBytes()));
        return;
      }
      row("file", Sources.human(i.dbBytes()) + " (" + i.freePages() + " free pages)");
      row("wal", Sources.human(i.walBytes()));
    }

    private void row(String key, String value) {
      out().println(String.format(Locale.ROOT, "%-10s %s", key, value));
    }

    private void json(Maintenance.Info i) {
      try {
        JsonGenerator g = Json.generator(out(), true);
        g.writeStartObject();
        g.writeStringField(i.onServer() ? "url" : "path", i.path());
        g.writeNumberField("schema_version", i.schemaVersion());
        g.writeNumberField("latest_schema_version", i.latestSchema());
        if (i.onServer()) {
          g.writeStringField("postgresql_version", i.postgresqlVersion());
        } else {
          g.writeStringField("sqlite_version", i.sqliteVersion());
        }
        g.writeNumberField("articles", i.articles());
        g.writeNumberField("tags", i.tags());
        g.writeNumberField("tag_links", i.taggings());
        g.writeNumberField("changes", i.changes());
        g.writeNumberField("original_bytes", i.originalBytes());
        g.writeNumberField("stored_original_bytes", i.storedOriginalBytes());
        g.writeNumberField("db_bytes", i.dbBytes());
        g.writeNumberField("wal_bytes", i.walBytes());
        g.writeNumberField("page_size", i.pageSize());
        g.writeNumberField("free_pages", i.freePages());
        g.writeEndObject();
        g.flush();
        out().println();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Command(
      name = "migrate-to",
      mixinStandardHelpOptions = true,
      description = {
        "Copy the whole archive to TARGET, a postgresql:// URL or a new archive file: every"
            + " article with all its fields and its original, tags, notes, edits, the change log"
            + " (undo works on the copy), saved searches, rules, copies, stories, fetches and"
            + " versions, with the same ids.",
        "TARGET must be new or empty; it is written in one transaction, so a copy that fails"
            + " leaves it empty. The archive itself is only read, and stays as it was. A server's"
            + " password comes from PGPASSWORD, ~/.pgpass or the service file, as for --db.",
        "Use the copy with --db TARGET or DOSSIER_DB=TARGET."
      })
  static final class MigrateTo extends BaseCommand {
    @Completes(Completes.Kind.FILE)
    @Parameters(paramLabel = "TARGET", description = "A postgresql:// URL or a new archive file.")
    String target;

    @Override
    public Integer call() {
      ArchiveLocation where = ArchiveLocation.parse(target);
      Archive from = archive();
      ArchiveCopy.Result r;
      try (Progress bar = Progress.start(this, "migrate", "rows")) {
        r =
            new MigrateService(from)
                .migrate(
                    where,
                    root().busyTimeout(),
                    env().vars(),
                    (done, total) -> bar.update(done, total));
      }
      say(
          "copied "
              + r.articles()
              + " article"
              + (r.articles() == 1 ? "" : "s")
              + " ("
              + r.total()
              + " rows in "
              + r.rows().size()
              + " tables) from "
              + safe(from.location().shown())
              + " to "
              + safe(where.shown())
              + "; use it with --db "
              + safe(where.shown()));
      return ExitCode.OK;
    }
  }

  static String safe(String s) {
    return Text.safeForTerminal(s, false);
  }
}
