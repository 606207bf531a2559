package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    Path files = Corpus.write(tmp.resolve("files"), 1, 30);
    Cli.Result r = cli.run("import", "--tag", "council", files.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  /** Changes the archive behind dossier's back, as a crash or a hand edit could. */
  private void tamper(String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = OFF");
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Test
  void aSoundArchivePassesTheCheck() {
    Cli.Result r = cli.run("db", "check");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("ok");
  }

  @Test
  void anArticleMissingFromTheIndexIsFoundAndRepaired() throws SQLException {
    tamper(
        "INSERT INTO articles_fts(articles_fts, rowid, title, body, caption, note)"
            + " SELECT 'delete', id, title, body, caption, note FROM articles WHERE id = 7");
    // the article no longer turns up in a search for its own words
    assertThat(cli.run("list", "--format", "ids", "\"item 1-6\"").lines()).isEmpty();

    Cli.Result r = cli.run("db", "check");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("1 article missing from the full-text index")
        .contains("full-text index does not match");
    assertThat(r.err()).contains("2 problems found");

    Cli.Result fix = cli.run("db", "check", "--repair");
    assertThat(fix.code()).as(fix.toString()).isZero();
    assertThat(fix.err()).contains("rebuilt the full-text index").contains("no problems left");
    assertThat(cli.run("db", "check").code()).isZero();
    assertThat(cli.run("list", "--format", "ids", "\"item 1-6\"").lines()).containsExactly("7");
  }

  @Test
  void danglingRowsAreFoundAndRemoved() throws SQLException {
    tamper(
        "INSERT INTO article_tags(article_id, tag_id) VALUES (9999, 1)",
        "INSERT INTO article_tags(article_id, tag_id) VALUES (1, 9999)",
        "INSERT INTO journal_entries(journal_id, kind, article_id) VALUES (9999, 'created', 1)",
        "INSERT INTO originals(article_id, size, data) VALUES (9999, 1, x'00')");
    Cli.Result r = cli.run("db", "check");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.lines())
        .containsExactlyInAnyOrder(
            "1 stored original of articles that no longer exist",
            "1 tag link to articles that no longer exist",
            "1 tag link to tags that no longer exist",
            "1 change-log entry without their change");

    Cli.Result fix = cli.run("db", "check", "--repair");
    assertThat(fix.code()).as(fix.toString()).isZero();
    assertThat(fix.err()).contains("removed 4 dangling rows");
    assertThat(cli.run("db", "check").code()).isZero();
    // the real tags are still there
    assertThat(cli.run("list", "--format", "ids", "tag:council").lines()).hasSize(30);
  }

  @Test
  void aMissingOriginalIsNeverMadeUpAndIsNamedWhereItIsNeeded() throws SQLException {
    // as an import of an export made with --no-originals leaves an article
    tamper("DELETE FROM originals WHERE article_id = 3");
    assertThat(cli.run("db", "check").code()).isZero();
    Cli.Result raw = cli.run("show", "3", "--format", "raw");
    assertThat(raw.code()).isEqualTo(4);
    assertThat(raw.out()).isEmpty();
    assertThat(raw.err()).contains("article 3 has no stored original");
    Cli.Result re = cli.run("reextract", "id:3");
    assertThat(re.code()).as(re.toString()).isZero();
    assertThat(re.err())
        .contains("article 3: no original is stored")
        .contains("1 without an original");
  }

  @Test
  void anArticleRemovedWithoutItsIndexEntryIsFound() throws SQLException {
    // a writer that bypassed the triggers: the index still lists an article that is gone
    tamper(
        "DROP TRIGGER articles_fts_delete",
        "DELETE FROM articles WHERE id = 5",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
            + " INSERT INTO articles_fts(articles_fts, rowid, title, body, caption, note)"
            + " VALUES ('delete', old.id, old.title, old.body, old.caption, old.note); END");
    Cli.Result r = cli.run("db", "check");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("1 full-text index entry for articles that no longer exist")
        .contains("1 stored original of articles that no longer exist");
    assertThat(cli.run("db", "check", "--repair").code()).isZero();
    assertThat(cli.run("db", "check").code()).isZero();
  }

  @Test
  void damagedFileIsReportedNotCrashedOn() throws Exception {
    // a bigger archive so that there are pages beyond the schema to damage
    cli.run("import", Corpus.write(tmp.resolve("more"), 2, 300).toString());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement()) {
      // no free pages left (the full-text merges free hundreds, wherever the layout puts them):
      // every page damaged below holds data
      st.execute("VACUUM");
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    byte[] bytes = Files.readAllBytes(cli.db());
    int pageSize = 4096;
    // overwrite the middle pages, keeping the header and schema page intact
    for (int i = bytes.length / 2; i < bytes.length / 2 + 4 * pageSize && i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(cli.db(), bytes);
    Cli.Result r = cli.run("db", "check");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void infoReportsSchemaCountsAndSizes() throws Exception {
    // a tag no article holds (nothing matched, or its articles lost it) is not counted, as
    // 'dossier tags' does not list it
    assertThat(cli.run("tag", "+unused", "--", "zzzunheardof").code()).isZero();
    assertThat(cli.run("tag", "+gone", "--", "*").code()).isZero();
    assertThat(cli.run("tag", "-gone", "--", "*").code()).isZero();
    Cli.Result r = cli.run("db", "info");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern("schema +\\d+ \\(current\\)")
        .containsPattern("articles +30\n")
        .containsPattern("tags +1 \\(30 tag links\\)")
        .contains("wal");
    JsonNode j = new ObjectMapper().readTree(cli.run("db", "info", "--format", "json").out());
    assertThat(j.get("articles").asLong()).isEqualTo(30);
    assertThat(j.get("schema_version").asInt()).isEqualTo(j.get("latest_schema_version").asInt());
    assertThat(j.get("db_bytes").asLong()).isEqualTo(Files.size(cli.db()));
    assertThat(j.get("original_bytes").asLong())
        .isGreaterThan(j.get("stored_original_bytes").asLong());
  }

  @Test
  void vacuumShrinksAfterDeletionAndKeepsEverything() throws Exception {
    cli.run("import", Corpus.write(tmp.resolve("more"), 3, 400).toString());
    Cli.Result rm = cli.run("rm", "--yes", "--", "-tag:council");
    assertThat(rm.code()).as(rm.toString()).isZero();
    long before = Files.size(cli.db());
    Cli.Result r = cli.run("db", "vacuum");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("vacuumed");
    assertThat(Files.size(cli.db())).isLessThanOrEqualTo(before);
    JsonNode info = new ObjectMapper().readTree(cli.run("db", "info", "--format", "json").out());
    assertThat(info.get("free_pages").asLong()).isZero();
    Path wal = cli.db().resolveSibling(cli.db().getFileName() + "-wal");
    assertThat(!Files.exists(wal) || Files.size(wal) == 0).isTrue();
    assertThat(cli.run("db", "check").code()).isZero();
    assertThat(cli.run("list", "--format", "ids", "tag:council").lines()).hasSize(30);
    assertThat(cli.run("list", "--format", "ids", "\"item 1-6\"").lines()).containsExactly("7");
  }

  @Test
  void dbWithoutSubcommandIsAUsageError() {
    Cli.Result r = cli.run("db");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("check").contains("vacuum").contains("info");
  }
}
