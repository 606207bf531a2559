package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.fetch.PageServer;
import dossier.store.PgCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive moved to a PostgreSQL server and back to a new file is the archive it was: the export
 * (with the originals) is the same byte for byte, every table holds the same rows (the id counters
 * too), the change log is the same and undo goes on working on the copy.
 */
class MigrateToTest {
  @TempDir Path dir;

  /** An archive with something in every table a user fills: changes of every kind, and fetches. */
  private Cli filled(PageServer server) {
    Cli cli = new Cli(dir);
    cli.ok("import", Cli.samples().toString());
    cli.ok("import", "--delay", "0", "--tag", "ferry", server.url("/changing"));
    server.change();
    cli.ok("refetch", "--delay", "0", "tag:ferry");
    cli.ok("tag", "+energy", "+Kelmar/Economy", "--", "pipeline");
    cli.ok("tag", "-energy", "--ids", "1");
    cli.ok("mark", "read", "--ids", "1,2");
    cli.ok("mark", "--star", "--ids", "3");
    cli.ok("note", "2", "Ask the union for the figures");
    cli.ok("edit", "3", "--title", "A corrected title", "--author", "Desk A");
    cli.ok("saved", "add", "ports", "tag:kelmar");
    cli.ok("rules", "add", "harbour", "--tag", "ports");
    cli.ok("rm", "--yes", "--ids", "4");
    return cli;
  }

  @Test
  void toTheServerAndBackIsTheSameArchive() throws Exception {
    String url = PgCluster.require().database("migrate");
    Path back = dir.resolve("back/archive.db");
    try (PageServer server = new PageServer()) {
      Cli file = filled(server);
      Cli.Result there = file.ok("db", "migrate-to", url);
      assertThat(there.err()).contains("copied 10 articles").contains("to " + url);
      Cli pg = new Cli(dir).env("DOSSIER_DB", url);
      Cli.Result home = pg.ok("db", "migrate-to", back.toString());
      assertThat(home.err()).contains("copied 10 articles");
      Cli copy = new Cli(dir).env("DOSSIER_DB", back.toString());

      String export = file.ok("export", "--format", "ndjson").out();
      assertThat(export).contains("\"original\"");
      assertThat(pg.ok("export", "--format", "ndjson").out()).isEqualTo(export);
      assertThat(copy.ok("export", "--format", "ndjson").out()).isEqualTo(export);
      assertThat(rows(back)).isEqualTo(rows(file.db()));
      for (String[] args :
          List.of(
              new String[] {"log"},
              new String[] {"show", "11", "--versions"},
              new String[] {"saved", "list"},
              new String[] {"rules", "list"},
              new String[] {"tags"})) {
        String want = file.ok(args).out();
        assertThat(pg.ok(args).out()).as(String.join(" ", args)).isEqualTo(want);
        assertThat(copy.ok(args).out()).as(String.join(" ", args)).isEqualTo(want);
      }

      // the copy goes on as the archive would: undo brings the removed article back, and a new
      // article gets an id above any handed out before
      Path late = dir.resolve("late.txt");
      Files.writeString(
          late,
          "A late report\n\nThe ferry timetable changes on Monday, the harbour office said.\n");
      for (Cli c : List.of(file, copy)) {
        c.ok("undo");
        c.ok("import", late.toString());
      }
      assertThat(copy.ok("list", "--format", "ids").out())
          .isEqualTo(file.ok("list", "--format", "ids").out())
          .contains("4")
          .contains("12");
    }
  }

  /**
   * Text that COPY's own format would read as escapes (a backslash before N, t or another
   * backslash, a real tab, line breaks) reaches the server as it was written.
   */
  @Test
  void textThatLooksLikeCopyEscapesArrivesAsItWas() throws Exception {
    String url = PgCluster.require().database("migrate_escapes");
    Cli file = new Cli(dir);
    file.ok("import", Cli.samples().resolve("krona-slides.txt").toString());
    String note = "\\N is not null, C:\\temp\\new\\table\ttab:\tend\r\nnext line \\\\ two";
    file.ok("note", "1", note);
    file.ok("edit", "1", "--title", "A \\N title\twith a tab");
    file.ok("db", "migrate-to", url);
    Cli pg = new Cli(dir).env("DOSSIER_DB", url);
    String export = file.ok("export", "--format", "ndjson").out();
    assertThat(export).contains("\\\\N is not null");
    assertThat(pg.ok("export", "--format", "ndjson").out()).isEqualTo(export);
    assertThat(pg.ok("show", "1", "--format", "json").out())
        .isEqualTo(file.ok("show", "1", "--format", "json").out());
  }

  @Test
  void aTargetThatHoldsAnythingIsRefusedAndLeftAsItWas() throws Exception {
    String url = PgCluster.require().database("migrate_refused");
    Cli file = new Cli(dir);
    file.ok("import", Cli.samples().toString());
    file.ok("db", "migrate-to", url);
    file.ok("tag", "+late", "--ids", "1");

    Cli.Result again = file.run("db", "migrate-to", url);
    assertThat(again.code()).as(again.toString()).isEqualTo(1);
    assertThat(again.err())
        .contains(url + " is not empty (10 articles)")
        .doesNotContain("Exception");
    Cli pg = new Cli(dir).env("DOSSIER_DB", url);
    assertThat(pg.ok("count", "tag:late").out().strip()).isEqualTo("0");

    Path other = dir.resolve("other.db");
    new Cli(dir).env("DOSSIER_DB", other.toString()).ok("saved", "add", "mine", "harbour");
    Cli.Result full = file.run("db", "migrate-to", other.toString());
    assertThat(full.code()).isEqualTo(1);
    assertThat(full.err())
        .contains("is not empty (rows in journal, journal_entries, saved_searches)");

    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not an archive\n");
    Cli.Result foreign = file.run("db", "migrate-to", text.toString());
    assertThat(foreign.code()).isEqualTo(1);
    assertThat(foreign.err()).contains(text.toString()).doesNotContain("Exception");
    assertThat(Files.readString(text)).isEqualTo("not an archive\n");

    Cli.Result self = file.run("db", "migrate-to", file.db().toString());
    assertThat(self.code()).isEqualTo(2);
    assertThat(self.err()).contains("is the archive");

    Cli.Result scheme = file.run("db", "migrate-to", "mysql://host/db");
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).contains("not 'mysql://host/db'");
    assertThat(file.ok("count", "tag:late").out().strip()).isEqualTo("1");
  }

  /** Every row of every table of an archive file, FTS5's own tables aside, as text. */
  static Map<String, List<String>> rows(Path archive) throws SQLException {
    Map<String, List<String>> all = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + archive);
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                  + " 'articles_fts%' AND name <> 'sqlite_stat1' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              row.append(i == 1 ? "" : " | ")
                  .append(v instanceof byte[] b ? "x" + HexFormat.of().formatHex(b) : v);
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        all.put(t, rows);
      }
    }
    return all;
  }
}
