package dossier.service;

import dossier.core.DossierException;
import dossier.core.UsageException;
import dossier.store.Archive;
import dossier.store.Backup;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

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
    Path abs = target.toAbsolutePath().normalize();
    if (abs.equals(archive.path().toAbsolutePath().normalize())) {
      throw new UsageException("the backup cannot be the archive itself");
    }
    if (Files.isDirectory(abs)) {
      throw new UsageException(target + " is a folder; name the backup file");
    }
    if (Files.exists(abs) && !force) {
      throw new UsageException(target + " exists; use --force to replace it");
    }
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      Backup.copy(archive, tmp, progress);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new DossierException("cannot write backup " + target + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the failure that brought us here is the one to report
        }
      }
    }
  }
}
