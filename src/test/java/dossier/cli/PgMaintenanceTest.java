package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.store.PgCluster;
import dossier.store.PgDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * db check, db vacuum and backup on an archive on a PostgreSQL server: the check finds what breaks
 * the archive (a search vector that no longer matches its text, a missing index or trigger, a row
 * that points at nothing, a lost table) and --repair puts back what can be rebuilt; a backup made
 * with pg_dump restores with pg_restore into an archive that exports the same. The number of
 * articles that hold each word, kept as articles are written (pg/019.sql) for the total of a
 * one-word search, stays that of the vectors through imports, edits, notes, removals and undo.
 */
class PgMaintenanceTest {
  @TempDir Path dir;
  PgCluster pg;
  String url;
  Cli cli;

  @BeforeEach
  void setUp() {
    pg = PgCluster.require();
    url = pg.database("maintenance");
    cli = new Cli(dir).env("DOSSIER_DB", url);
    cli.ok("import", Cli.samples().toString());
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = pg.connectUrl(url);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @Test
  void aSoundArchivePassesAndVacuums() {
    Cli.Result check = cli.ok("db", "check");
    assertThat(check.out()).isEmpty();
    assertThat(check.err()).contains("ok: no problems found in " + url);
    assertThat(cli.ok("db", "vacuum").err()).contains("vacuumed and analyzed: database");
    assertThat(cli.ok("db", "check").err()).contains("ok");
  }

  @Test
  void damageIsFoundAndRepaired() throws Exception {
    sql(
        // a body written around the trigger: the search vector still holds the old text
        "ALTER TABLE articles DISABLE TRIGGER articles_fts_update",
        "UPDATE articles SET body = 'quixotic zebra' WHERE id = 2",
        "DROP INDEX articles_url_key",
        "SET session_replication_role = replica",
        "INSERT INTO article_tags(article_id, tag_id) VALUES (3, 9999)");
    assertThat(cli.ok("count", "zebra").out().trim()).isEqualTo("0");

    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).as(check.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(check.lines())
        .containsExactlyInAnyOrder(
            "trigger articles_fts_update is missing or disabled: changed text no longer reaches"
                + " the search vectors; 'dossier db check --repair' puts it back",
            "index articles_url_key is missing or invalid; 'dossier db check --repair' rebuilds"
                + " it",
            "1 tag link to tags that no longer exist",
            "1 article whose search vector does not match its text (search misses or mis-ranks"
                + " it); 'dossier db check --repair' recomputes it");
    assertThat(check.err()).contains("4 problems found");

    Cli.Result repair = cli.ok("db", "check", "--repair");
    assertThat(repair.out()).isEmpty();
    assertThat(repair.err()).contains("removed 1 dangling row").contains("ok: no problems left");
    assertThat(cli.ok("count", "zebra").out().trim()).isEqualTo("1");
    // the trigger is back: an edit reaches search again
    cli.ok("note", "4", "walrus");
    assertThat(cli.ok("count", "walrus").out().trim()).isEqualTo("1");
  }

  @Test
  void aLostTableIsReportedAndRepairLeavesTheArchiveAlone() throws Exception {
    sql("DROP TABLE rules");
    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(check.lines()).containsExactly("the schema is damaged: it has no table rules");
    Cli.Result repair = cli.run("db", "check", "--repair");
    assertThat(repair.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(repair.err())
        .contains("cannot repair " + url)
        .contains("only a backup has it; nothing was changed")
        .doesNotContain("Exception");
  }

  @Test
  void aBackupRestoresWithPgRestore() throws Exception {
    Path file = dir.resolve("backups/news.dump");
    Cli.Result r = cli.ok("backup", file.toString());
    assertThat(r.err()).contains("backed up " + url + " to " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllBytes(file)).startsWith("PGDMP".getBytes());
    try (var files = Files.list(file.getParent())) {
      assertThat(files.toList()).as("no part file left").containsExactly(file);
    }

    // as the README says: a new database, pg_restore --no-owner, then --db
    String restored = pg.database("restored");
    Path pgRestore = PgDump.find("pg_restore", Map.of());
    Process p =
        new ProcessBuilder(
                pgRestore.toString(), "--no-owner", "--dbname", restored, file.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(said).isZero();

    Cli back = new Cli(dir.resolve("back")).env("DOSSIER_DB", restored);
    assertThat(back.ok("export", "--format", "ndjson").out())
        .isEqualTo(cli.ok("export", "--format", "ndjson").out());
    assertThat(back.ok("db", "check").err()).contains("ok");
  }

  @Test
  void withoutPgDumpTheBackupSaysWhatToInstall() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no-programs"));
    Path file = dir.resolve("news.dump");
    Cli.Result r = cli.env("DOSSIER_PG_BIN", empty.toString()).run("backup", file.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("cannot write backup " + file)
        .contains("pg_dump, which is not in DOSSIER_PG_BIN (" + empty + ")")
        .contains("postgresql-client")
        .doesNotContain("Exception");
    assertThat(Files.exists(file)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .noneMatch(n -> n.endsWith(".part"));
    }
  }

  /** Every word's kept number beside the number of vectors that hold it, where they differ. */
  private Map<String, String> differences() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = pg.connectUrl(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT coalesce(c.w, k.lexeme), c.n, k.docs FROM (SELECT w, count(*) AS n FROM"
                    + " articles, unnest(tsvector_to_array(fts)) w GROUP BY w) c FULL JOIN"
                    + " (SELECT * FROM dossier_lexemes WHERE docs <> 0) k ON k.lexeme = c.w"
                    + " WHERE c.n IS DISTINCT FROM k.docs")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2) + " held, " + rs.getString(3) + " kept");
      }
    }
    return out;
  }

  private long kept(String lexeme) throws Exception {
    try (Connection c = pg.connectUrl(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT coalesce(sum(docs), 0) FROM dossier_lexemes WHERE lexeme = '"
                    + lexeme
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long articles() throws Exception {
    try (Connection c = pg.connectUrl(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM articles")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theKeptWordCountsFollowEveryWriteOfTheText() throws Exception {
    assertThat(articles()).isGreaterThan(5);
    assertThat(differences()).isEmpty();
    assertThat(kept("quixot")).isZero();

    cli.ok("edit", "3", "--title", "A quixotic title");
    cli.ok("note", "4", "quixotic walrus");
    assertThat(differences()).isEmpty();
    assertThat(kept("quixot")).isEqualTo(2);
    assertThat(kept("walrus")).isEqualTo(1);

    cli.ok("rm", "--yes", "--ids", "4");
    assertThat(differences()).isEmpty();
    assertThat(kept("quixot")).isEqualTo(1);
    assertThat(kept("walrus")).isZero();

    cli.ok("undo");
    assertThat(differences()).isEmpty();
    assertThat(kept("walrus")).isEqualTo(1);

    // a second import of the same files adds nothing; new files add their words
    cli.ok("import", Cli.samples().toString());
    assertThat(differences()).isEmpty();
  }

  @Test
  void aOneWordSearchTakesItsTotalFromTheKeptNumbers() throws Exception {
    cli.ok("note", "2", "quixotic");
    cli.ok("note", "5", "quixotic quixotic");
    assertThat(cli.ok("count", "quixotic").out().trim()).isEqualTo("2");
    Cli.Result search = cli.ok("search", "--format", "ndjson", "quixotic");
    assertThat(search.lines()).hasSize(2);
    assertThat(search.lines().get(0)).contains("\"id\":5");
    // the total is read from the kept number, not counted from the matches
    long the = kept("the");
    assertThat(the).isEqualTo(articles());
    sql("UPDATE dossier_lexemes SET docs = docs + 3 WHERE lexeme = 'the'");
    assertThat(cli.ok("count", "the").out().trim()).isEqualTo(Long.toString(the + 3));
    assertThat(cli.ok("count", "the", "quixotic").out().trim()).isEqualTo("2");
  }

  @Test
  void aWrongWordCountIsFoundAndCountedAgain() throws Exception {
    sql(
        "UPDATE dossier_lexemes SET docs = docs + 3 WHERE lexeme = 'the'",
        "DELETE FROM dossier_lexemes WHERE lexeme IN (SELECT lexeme FROM dossier_lexemes"
            + " WHERE lexeme <> 'the' ORDER BY lexeme LIMIT 1)");
    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).as(check.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(check.lines())
        .containsExactly(
            "2 words whose kept number of articles is wrong (a search for them gives a wrong"
                + " total); 'dossier db check --repair' counts them again");

    Cli.Result repair = cli.ok("db", "check", "--repair");
    assertThat(repair.err()).contains("ok: no problems left");
    assertThat(differences()).isEmpty();
    assertThat(cli.ok("db", "check").err()).contains("ok: no problems found");
  }
}
