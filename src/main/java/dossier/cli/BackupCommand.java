package dossier.cli;

import dossier.service.BackupService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the archive to FILE: a consistent copy, taken while other dossier processes go on"
          + " using the archive, readable by its owner only. An archive file is copied with"
          + " SQLite's online backup; restore by using the copy as the archive (--db FILE) or by"
          + " moving it into place.",
      "An archive on a PostgreSQL server is dumped with PostgreSQL's pg_dump (found in"
          + " DOSSIER_PG_BIN, on PATH or in /usr/lib/postgresql/*/bin) in its custom format,"
          + " without owners or grants; restore it into a new, empty database with pg_restore:"
          + " createdb news2 && pg_restore --no-owner --dbname postgresql://HOST/news2 FILE,"
          + " then use --db postgresql://HOST/news2."
    })
final class BackupCommand extends BaseCommand {
  @Completes(Completes.Kind.FILE)
  @Parameters(paramLabel = "FILE", description = "The backup file to write.")
  Path file;

  @Option(names = "--force", description = "Replace FILE when it exists.")
  boolean force;

  @Override
  public Integer call() {
    try (Progress bar = Progress.start(this, "backup", "pages")) {
      new BackupService(archive())
          .backup(file, force, (done, total) -> bar.update(done, total), env().vars());
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = -1;
    }
    say(
        "backed up "
            + archive().location().shown()
            + " to "
            + file
            + (size >= 0 ? String.format(Locale.ROOT, " (%.1f MB)", size / 1e6) : ""));
    return ExitCode.OK;
  }
}
