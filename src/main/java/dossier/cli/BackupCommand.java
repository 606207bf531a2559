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
      "Copy the archive to FILE with SQLite's online backup: a consistent copy, taken while other"
          + " dossier processes go on using the archive. The copy is readable by its owner only.",
      "Restore by using the copy as the archive (--db FILE) or by moving it into place."
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
      new BackupService(archive()).backup(file, force, (done, total) -> bar.update(done, total));
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = -1;
    }
    say(
        "backed up "
            + archive().path()
            + " to "
            + file
            + (size >= 0 ? String.format(Locale.ROOT, " (%.1f MB)", size / 1e6) : ""));
    return ExitCode.OK;
  }
}
