package dossier.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntFunction;

/**
 * The archive's schema history: {@code dossier/db/001.sql}, {@code 002.sql}, ... Each runs once;
 * all the scripts an archive needs run in one transaction together with the {@code PRAGMA
 * user_version} bump, so a failed migration leaves the archive as it was. Scripts are only ever
 * added, never edited.
 */
final class Migrations {
  /**
   * The highest schema version this build knows, on both engines: raised with each new script
   * (MigrationsTest fails when a script beyond it exists or one up to it is missing). A constant,
   * so that opening an archive reads no resource from the jar unless a migration runs.
   */
  static final int LATEST = 19;

  private Migrations() {}

  /** The highest schema version this build knows. */
  static int latest() {
    return LATEST;
  }

  /** The script's file name: the version in three digits, {@code 007.sql}. */
  static String name(int version) {
    String digits = Integer.toString(version);
    return "000".substring(Math.min(3, digits.length())) + digits + ".sql";
  }

  /** Where the scripts come from: the resources; a test makes a migration fail through it. */
  static IntFunction<String> scripts = v -> Archive.resource(name(v));

  /**
   * What a script cannot do in SQL, run in its transaction right after it: 008 fills the normalized
   * URL of the articles already stored.
   */
  private static void afterScript(Archive archive, int version) throws SQLException {
    if (version != 8) {
      return;
    }
    try (java.sql.PreparedStatement read =
            archive
                .connection()
                .prepareStatement("SELECT id, url FROM articles WHERE url IS NOT NULL");
        java.sql.PreparedStatement write =
            archive.connection().prepareStatement("UPDATE articles SET url_key = ? WHERE id = ?");
        java.sql.ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        String key = dossier.core.UrlKey.of(rs.getString(2));
        if (key != null) {
          write.setString(1, key);
          write.setLong(2, rs.getLong(1));
          write.executeUpdate();
        }
      }
    }
  }

  /**
   * Brings the archive from schema {@code from} to the latest in one transaction: either every
   * pending script runs, or (on any failure) none has, and the archive stays as it was.
   */
  static void migrate(Archive archive, int from) throws SQLException {
    int latest = latest();
    if (from >= latest) {
      return;
    }
    archive.inTransaction(
        () -> {
          // Another process may have migrated while we waited for the write lock.
          int current = archive.userVersion();
          for (int v = current + 1; v <= latest; v++) {
            String script = scripts.apply(v);
            if (script == null) {
              throw new SQLException("migration " + name(v) + " is missing");
            }
            archive.execScript(script);
            afterScript(archive, v);
          }
          if (current < latest) {
            try (Statement st = archive.connection().createStatement()) {
              st.execute("PRAGMA user_version = " + latest);
            }
          }
          return null;
        });
  }
}
