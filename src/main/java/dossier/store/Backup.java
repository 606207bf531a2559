package dossier.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's online backup of an open archive: a consistent copy taken page by page while other
 * processes go on reading and writing (a write from another process restarts the copy).
 */
public final class Backup {
  /** Told how far the copy is. */
  @FunctionalInterface
  public interface Progress {
    void pages(int done, int total);
  }

  private static final int PAGES_PER_STEP = 1024;
  private static final int SLEEP_MS = 20;
  private static final int BUSY_RETRIES = 1500; // 30 s of the archive being busy

  private Backup() {}

  /** Copies the whole archive into {@code target}, an empty or new file. */
  public static void copy(Archive archive, Path target, Progress progress) {
    try {
      int rc =
          ((SQLiteConnection) archive.connection())
              .getDatabase()
              .backup(
                  "main",
                  target.toString(),
                  (remaining, total) -> progress.pages(total - remaining, total),
                  SLEEP_MS,
                  BUSY_RETRIES,
                  PAGES_PER_STEP);
      if (rc != 0) {
        throw new StoreException(reason(rc));
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.reason(e), e);
    }
  }

  /** SQLite's result code of a failed backup in words. */
  static String reason(int rc) {
    return switch (rc & 0xff) {
      case 13 -> "No space left on device";
      case 5, 6 -> "the archive stayed busy in another process for 30 s; try again";
      case 8 -> "the backup file cannot be written (read-only)";
      case 10 -> "input/output error";
      case 14 -> "the backup file cannot be opened";
      case 7 -> "out of memory";
      default -> "SQLite error " + rc;
    };
  }
}
