package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL schema follows SQLite's: a script for every version from the base on, released
 * ones unchanged, and a PostgreSQL archive migrated to the latest version has the tables and
 * columns of a new SQLite archive (see {@code dossier/db/pg/README.md}).
 */
class PgMigrationsTest {
  @TempDir Path dir;

  @Test
  void everySqliteMigrationFromTheBaseOnHasItsPostgresqlCounterpart() {
    for (int v = PgSchema.BASE; v <= Migrations.latest(); v++) {
      assertThat(PgSchema.script(v))
          .as(
              "SQLite's migration %s has no PostgreSQL counterpart pg/%s (see its README)",
              Migrations.name(v), Migrations.name(v))
          .isNotNull();
    }
    assertThat(PgSchema.script(Migrations.latest() + 1))
        .as("a PostgreSQL script beyond Migrations.LATEST: raise it with the SQLite script")
        .isNull();
  }

  @Test
  void theReleasedBaseIsUnchanged() throws Exception {
    byte[] bytes =
        PgSchema.script(PgSchema.BASE).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .as("pg/011.sql was released and must not change; put the change in a new script")
        .isEqualTo("51d120eace52ea746ab2c44869956569a20909bd8c3eff6cbab203c30137e26e");
  }

  @Test
  void aMigratedPostgresqlArchiveHasTheTablesAndColumnsOfANewSqliteOne() throws Exception {
    PgCluster pg = PgCluster.require();
    Map<String, Set<String>> onPostgres = new TreeMap<>();
    try (Connection c = pg.connectUrl(pg.database("migrations"));
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (int v = PgSchema.BASE; v <= PgSchema.latest(); v++) {
        st.execute(PgSchema.script(v));
      }
      c.commit();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT table_name, column_name FROM information_schema.columns"
                  + " WHERE table_schema = 'public'")) {
        while (rs.next()) {
          onPostgres.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    // the engines' own: the schema marker, the words' article counts, and the tsvector that stands
    // for SQLite's FTS5 table
    assertThat(onPostgres.remove("dossier_schema")).containsExactly("version");
    assertThat(onPostgres.remove("dossier_lexemes")).containsExactly("docs", "lexeme");
    assertThat(onPostgres.get("articles").remove("fts")).isTrue();

    Map<String, Set<String>> onSqlite = new TreeMap<>();
    Path file = dir.resolve("new.db");
    Archive.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p"
                    + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
                    + " AND m.name NOT LIKE 'articles_fts%'")) {
      while (rs.next()) {
        onSqlite.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
      }
    }
    assertThat(onPostgres).isEqualTo(onSqlite);
  }
}
