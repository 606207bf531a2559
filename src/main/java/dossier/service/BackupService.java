package dossier.service;

import dossier.core.DossierException;
import dossier.core.UsageException;
import dossier.core.WriteFailure;
import dossier.store.Archive;
import dossier.store.Backup;
import dossier.store.PgDump;
import dossier.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * A consistent copy of the archive while it is in use: SQLite's online backup of a file, pg_dump of
 * an archive on a PostgreSQL server. The copy is written next to the target under a temporary name,
 * readable by its owner only, and renamed into place when complete, so a backup that is interrupted
 * never leaves a half-written file under the name asked for.
 */
public final class BackupService {
  private final Archive archive;

  public BackupService(Archive archive) {
    this.archive = archive;
  }

  /** Copies the archive to {@code target}; replaces an existing file only when {@code force}. */
  public void backup(Path target, boolean force, Backup.Progress progress) {
    backup(target, force, progress, System.getenv());
  }

  /**
   * Copies the archive to {@code target}: a file with SQLite's online backup, an archive on a
   * server with pg_dump (found and run with the environment {@code env}).
   */
  public void backup(
      Path target, boolean force, Backup.Progress progress, Map<String, String> env) {
    Path abs = target.toAbsolutePath().normalize();
    if (!archive.onServer()) {
      OutputFiles.refuseArchive(abs, archive.path());
    }
    if (Files.isDirectory(abs)) {
      throw new UsageException(target + " is a folder; name the backup file");
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !force) {
      throw new UsageException(target + " exists; use --force to replace it");
    }
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new WriteFailure(abs.getParent(), e);
    }
    // parts that a killed backup left are removed by newPart: they are the archive's size
    Path part = OutputFiles.newPart(abs, target);
    try {
      if (archive.onServer()) {
        PgDump.dump(archive, part, env);
      } else {
        Backup.copy(archive, part, progress);
      }
      OutputFiles.commit(part, abs);
      part = null;
    } catch (IOException e) {
      throw new WriteFailure(target, e);
    } catch (StoreException e) {
      throw new DossierException("cannot write backup " + target + ": " + e.getMessage(), e);
    } finally {
      if (part != null) {
        OutputFiles.discard(part);
      }
    }
  }
}
