package dossier.store;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The archive's schema history: {@code dossier/db/001.sql}, {@code 002.sql}, ... Each runs once, in
 * one transaction together with its {@code PRAGMA user_version} bump, so a failed migration leaves
 * the archive as it was. Scripts are only ever added, never edited.
 */
final class Migrations {
  private static int latest = -1;

  private Migrations() {}

  /** The highest schema version this build knows. */
  static synchronized int latest() {
    if (latest < 0) {
      int n = 0;
      while (Archive.resource(name(n + 1)) != null) {
        n++;
      }
      latest = n;
    }
    return latest;
  }

  static String name(int version) {
    return String.format("%03d.sql", version);
  }

  static void migrate(Archive archive, int from) throws SQLException {
    for (int v = from + 1; v <= latest(); v++) {
      String script = Archive.resource(name(v));
      int version = v;
      archive.inTransaction(
          () -> {
            // Another process may have migrated while we waited for the write lock.
            if (archive.userVersion() >= version) {
              return null;
            }
            archive.execScript(script);
            try (Statement st = archive.connection().createStatement()) {
              st.execute("PRAGMA user_version = " + version);
            }
            return null;
          });
    }
  }
}
