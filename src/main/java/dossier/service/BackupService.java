package dossier.service;

import dossier.core.DossierException;
import dossier.core.UsageException;
import dossier.core.WriteFailure;
import dossier.store.Archive;
import dossier.store.Backup;
import dossier.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A consistent copy of the archive while it is in use. The copy is written next to the target under
 * a temporary name, readable by its owner only, and renamed into place when complete, so a backup
 * that is interrupted never leaves a half-written file under the name asked for.
 */
public final class BackupService {
  private final Archive archive;

  public BackupService(Archive archive) {
    this.archive = archive;
  }

  /** Copies the archive to {@code target}; replaces an existing file only when {@code force}. */
  public void backup(Path target, boolean force, Backup.Progress progress) {
    if (archive.onServer()) {
      throw new dossier.store.StoreException(
          "backup copies an archive file; "
              + archive.location().shown()
              + " is on a PostgreSQL server: back it up with pg_dump, or keep a copy with"
              + " 'dossier export --format ndjson'");
    }
    Path abs = target.toAbsolutePath().normalize();
    OutputFiles.refuseArchive(abs, archive.path());
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
      Backup.copy(archive, part, progress);
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
