package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

class MigrationsTest {
  @TempDir Path tmp;

  private static String pragma(Archive a, String name) throws SQLException {
    try (Statement st = a.connection().createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> tables(Archive a) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = a.connection().createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Test
  void migrationsAreNumberedWithoutGaps() {
    int latest = Migrations.latest();
    assertThat(latest).isGreaterThanOrEqualTo(2);
    for (int v = 1; v <= latest; v++) {
      assertThat(Archive.resource(Migrations.name(v))).as("migration " + v).isNotBlank();
    }
    assertThat(Archive.resource(Migrations.name(latest + 1)))
        .as("a script beyond Migrations.LATEST: raise the constant with each new script")
        .isNull();
    assertThat(Migrations.name(7)).isEqualTo("007.sql");
    assertThat(Migrations.name(19)).isEqualTo("019.sql");
    assertThat(Migrations.name(123)).isEqualTo("123.sql");
  }

  @Test
  void freshArchiveReachesTheLatestVersion() throws SQLException {
    Path db = tmp.resolve("deep/er/archive.db");
    try (Archive a = Archive.open(db)) {
      assertThat(a.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(tables(a)).contains("articles", "originals", "tags", "article_tags");
    }
    // opening again runs nothing and keeps the version
    try (Archive a = Archive.open(db)) {
      assertThat(a.schemaVersion()).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void archiveAtAnEarlierVersionIsMigrated() throws SQLException {
    Path db = tmp.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      // an archive as version 1 left it, with one article in it
      ((SQLiteConnection) c).getDatabase()._exec(Archive.resource("001.sql"));
      st.execute("PRAGMA user_version = 1");
      st.execute(
          "INSERT INTO articles(title, body, imported, content_hash)"
              + " VALUES ('Old one', 'Kept across upgrades.', '2024-01-01T00:00:00Z', 'h1')");
    }
    try (Archive a = Archive.open(db)) {
      assertThat(a.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(a.articles().get(1))
          .hasValueSatisfying(x -> assertThat(x.title()).isEqualTo("Old one"));
    }
  }

  @Test
  void archiveFromANewerVersionIsRefusedAndNotModified() throws Exception {
    Path db = tmp.resolve("future.db");
    try (Archive a = Archive.open(db)) {
      try (Statement st = a.connection().createStatement()) {
        st.execute("PRAGMA user_version = " + (Migrations.latest() + 5));
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
    byte[] before = Files.readAllBytes(db);
    assertThatThrownBy(() -> Archive.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer dossier")
        .hasMessageContaining(String.valueOf(Migrations.latest() + 5))
        .hasMessageContaining("not changed");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void archiveIsPrivateInWalModeWithForeignKeys() throws Exception {
    Path db = tmp.resolve("data/dossier/archive.db");
    try (Archive a = Archive.open(db)) {
      assertThat(pragma(a, "journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(pragma(a, "foreign_keys")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(a, "busy_timeout"))).isPositive();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aFileThatIsNotAnArchiveIsAClearError() throws Exception {
    Path db = tmp.resolve("notes.db");
    Files.writeString(db, "These are my notes, not a database.\n".repeat(200));
    byte[] before = Files.readAllBytes(db);
    assertThatThrownBy(() -> Archive.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not a dossier archive");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }
}
