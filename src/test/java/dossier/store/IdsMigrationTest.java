package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.Cli;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 006 keeps every id and makes the next one count on from the highest ever used: the
 * stored articles' and those that undo may still bring back.
 */
class IdsMigrationTest {
  @TempDir Path tmp;

  @Test
  void anArchiveOfSchemaFiveKeepsItsIdsAndNeverHandsOutARemovedOne() throws Exception {
    Cli cli = new Cli(tmp);
    UpgradeTest.makeArchive(cli.db(), 5);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement()) {
      // article 12 was removed by 'rm' and is kept for undo
      st.execute(
          "INSERT INTO journal(id, at, command, summary, undone) VALUES (6,"
              + " '2024-08-17T10:00:00Z', 'rm', 'removed 1 article', 0)");
      st.execute(
          "INSERT INTO journal_entries(journal_id, kind, article_id) VALUES (6, 'deleted', 12)");
      st.execute(
          "INSERT INTO trash_articles(journal_id, id, title, authors, body, status, starred,"
              + " word_count, imported, suggested_tags, content_hash) VALUES (6, 12, 'Gone', '',"
              + " 'gone body', 'new', 0, 2, '2024-08-17T09:00:00Z', '', 'def456')");
    }
    Cli.Result r = cli.run("import", cli.fixture("harbour-strike.txt").toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(cli.run("list", "--format", "ids", "--sort", "imported").lines())
        .containsExactlyInAnyOrder("7", "13");
    // undo of the rm brings 12 back under its own id
    r = cli.run("undo");
    r = cli.run("undo");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(cli.run("list", "--format", "ids").lines()).contains("7", "12");
  }
}
