package dossier.service;

import dossier.core.UsageException;
import dossier.store.Archive;
import dossier.store.ArchiveCopy;
import dossier.store.ArchiveLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Moves an archive to another place, on either engine: a file to a PostgreSQL database, a database
 * back to a file, or a file to another file. The open archive is copied whole into the target,
 * which must be new or empty, in one transaction on the target; the archive itself is only read. A
 * copy that fails leaves an empty target (a new target file is removed again).
 */
public final class MigrateService {
  private final Archive archive;

  public MigrateService(Archive archive) {
    this.archive = archive;
  }

  /**
   * Copies the archive to {@code target}, opening it with {@code busyTimeoutMs} and reading a
   * server's connection settings that its URL leaves out from {@code env}.
   */
  public ArchiveCopy.Result migrate(
      ArchiveLocation target,
      int busyTimeoutMs,
      Map<String, String> env,
      ArchiveCopy.Progress progress) {
    Path file = null;
    boolean existed = true;
    if (!target.isServer()) {
      file = target.file().toAbsolutePath().normalize();
      OutputFiles.refuseArchive(file, archive.path());
      if (Files.isDirectory(file)) {
        throw new UsageException(target.file() + " is a folder; name the new archive file");
      }
      existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    } else if (archive.onServer() && archive.location().url().equals(target.url())) {
      throw new UsageException(target.shown() + " is the archive itself; name another database");
    }
    boolean done = false;
    Archive to = Archive.open(target, busyTimeoutMs, env);
    try {
      ArchiveCopy.Result r = ArchiveCopy.copy(archive, to, progress);
      done = true;
      return r;
    } finally {
      to.close();
      if (!done && !existed) {
        removeNewFile(file);
      }
    }
  }

  /** A target file this copy created, with the log files SQLite keeps beside it. */
  private static void removeNewFile(Path file) {
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException e) {
        // an empty archive left behind holds nothing; a new run copies into it
      }
    }
  }
}
