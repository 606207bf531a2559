package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteConnection;

/**
 * Archives made by every earlier schema open in this version: migrated in one transaction with
 * every stored field kept; a migration that fails leaves the archive exactly as it was. And the
 * files an archive is made of are private to their owner.
 */
class UpgradeTest {
  @TempDir Path tmp;

  static List<Integer> earlierVersions() {
    List<Integer> v = new ArrayList<>();
    for (int i = 1; i < Migrations.latest(); i++) {
      v.add(i);
    }
    return v;
  }

  private static boolean hasTable(Statement st, String name) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'")) {
      return rs.next();
    }
  }

  /** An archive as schema {@code version} left it, with a row in every table it had. */
  static void makeArchive(Path db, int version) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      // Read the pragma's answer to the end: a statement left open would keep the later
      // migrations that rebuild a table from dropping it (SQLITE_LOCKED).
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
        rs.next();
      }
      for (int v = 1; v <= version; v++) {
        ((SQLiteConnection) c).getDatabase()._exec(Archive.resource(Migrations.name(v)));
      }
      st.execute("PRAGMA user_version = " + version);
      st.execute(
          "INSERT INTO articles(id, title, source, authors, published, url, section, lang, caption,"
              + " body, note, status, starred, word_count, imported, path, format, suggested_tags,"
              + " content_hash) VALUES (7, 'Harbour levy passes', 'The Courier', 'Ann Lee' ||"
              + " char(10) || 'Bo Chan', '2024-08-15', 'https://example.org/levy', 'Local', 'en',"
              + " 'The quay at dawn', 'The harbour board passed the levy.' || char(10) ||"
              + " char(10) || 'Traders objected.', 'check the minutes', 'reviewed', 1, 9,"
              + " '2024-08-16T10:00:00Z', '/home/u/levy.txt', 'text', 'harbour' || char(10) ||"
              + " 'levy', 'abc123')");
      st.execute("INSERT INTO originals(article_id, size, data) VALUES (7, 3, x'4b4c04')");
      st.execute("INSERT INTO tags(id, name, key) VALUES (3, 'Port/Levy', 'port/levy')");
      st.execute("INSERT INTO article_tags(article_id, tag_id) VALUES (7, 3)");
      if (hasTable(st, "saved_searches")) {
        st.execute(
            "INSERT INTO saved_searches(name, query, created) VALUES ('port', 'tag:port',"
                + " '2024-08-16T10:00:00Z')");
        st.execute(
            "INSERT INTO rules(id, query, tag, created) VALUES (2, 'harbour', 'port',"
                + " '2024-08-16T10:00:00Z')");
      }
      if (hasTable(st, "journal")) {
        st.execute(
            "INSERT INTO journal(id, at, command, summary, undone) VALUES (5,"
                + " '2024-08-16T10:01:00Z', 'tag', '+port/levy on 1 article', 0)");
        st.execute(
            "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id, field, old)"
                + " VALUES (5, 'tag+', 7, 3, NULL, NULL)");
      }
    }
  }

  /** Every row of every ordinary table (the index's own tables aside), by table. */
  static Map<String, List<Map<String, Object>>> dump(Path db) throws SQLException {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                  + " AND name NOT LIKE 'articles_fts%' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + t + " ORDER BY 1")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              row.put(md.getColumnName(i), v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
            }
            rows.add(row);
          }
        }
        out.put(t, rows);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "schema {0}")
  @MethodSource("earlierVersions")
  void anArchiveFromAnEarlierSchemaKeepsEveryField(int version) throws Exception {
    Path db = tmp.resolve("v" + version + ".db");
    makeArchive(db, version);
    Map<String, List<Map<String, Object>>> before = dump(db);

    try (Archive a = Archive.open(db)) {
      assertThat(a.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(Maintenance.of(a).check()).isEmpty();
      // the article is found by its words and read back whole
      var hit = new ArrayList<Long>();
      a.articles()
          .list(
              QueryCompiler.compile("levy", QueryContext.empty()),
              Sort.NEWEST,
              0,
              0,
              true,
              x -> hit.add(x.id()));
      assertThat(hit).containsExactly(7L);
      assertThat(a.articles().get(7))
          .hasValueSatisfying(
              x -> {
                assertThat(x.authors()).containsExactly("Ann Lee", "Bo Chan");
                assertThat(x.tags()).containsExactly("Port/Levy");
                assertThat(x.note()).isEqualTo("check the minutes");
              });
    }
    Map<String, List<Map<String, Object>>> after = dump(db);
    // the normalized URL (008) is filled for the articles stored before it
    if (version < 8) {
      assertThat(after.get("articles").get(0)).containsEntry("url_key", "https://example.org/levy");
    }
    for (Map.Entry<String, List<Map<String, Object>>> t : before.entrySet()) {
      List<Map<String, Object>> now = after.get(t.getKey());
      assertThat(now).as("table %s after the upgrade", t.getKey()).hasSameSizeAs(t.getValue());
      for (int i = 0; i < t.getValue().size(); i++) {
        // later schemas may add columns; every column that was there keeps its value
        assertThat(now.get(i)).as("table %s", t.getKey()).containsAllEntriesOf(t.getValue().get(i));
      }
    }
  }

  @ParameterizedTest(name = "schema {0}")
  @MethodSource("earlierVersions")
  void aFailedMigrationLeavesTheArchiveAsItWas(int version) throws Exception {
    Path db = tmp.resolve("v" + version + ".db");
    makeArchive(db, version);
    Map<String, List<Map<String, Object>>> before = dump(db);
    int latest = Migrations.latest();
    IntFunction<String> real = Migrations.scripts;
    // the last script breaks halfway, after earlier ones (and its own first statement) ran
    Migrations.scripts =
        v -> v == latest ? "CREATE TABLE half_done(x);\nTHIS IS NOT SQL;" : real.apply(v);
    try {
      assertThatThrownBy(() -> Archive.open(db))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot open archive");
    } finally {
      Migrations.scripts = real;
    }
    assertThat(dump(db)).isEqualTo(before);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(version);
    }
    // and with the real scripts it upgrades after all
    try (Archive a = Archive.open(db)) {
      assertThat(a.schemaVersion()).isEqualTo(latest);
    }
  }

  @Test
  void theArchiveAndItsLogAreReadableByTheOwnerOnly() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("shared-folder"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path db = dir.resolve("archive.db");
    try (Archive a = Archive.open(db)) {
      // a write leaves the write-ahead log and its index in place while the archive is open
      a.writeSql(
          () -> {
            try (Statement st = a.connection().createStatement()) {
              st.execute("INSERT INTO tags(name, key) VALUES ('x', 'x')");
            }
            return null;
          });
      for (String suffix : List.of("", "-wal", "-shm")) {
        Path f = dir.resolve("archive.db" + suffix);
        assertThat(f).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
            .as(f.getFileName().toString())
            .isEqualTo("rw-------");
      }
    }
  }
}
