package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite's spellings said in PostgreSQL's, without a server. */
class PgDialectTest {
  @Test
  void insertOrIgnoreBecomesOnConflictDoNothing() {
    assertThat(
            PgDialect.translate(
                    "INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)")
                .sql())
        .isEqualTo(
            "INSERT INTO article_tags(article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  }

  @Test
  void insertOrReplaceUpdatesEveryColumnButTheKey() {
    assertThat(
            PgDialect.translate(
                    "INSERT OR REPLACE INTO originals(article_id, size, data) VALUES (?,?,?)")
                .sql())
        .isEqualTo(
            "INSERT INTO originals(article_id, size, data) VALUES (?,?,?) ON CONFLICT (article_id)"
                + " DO UPDATE SET size = excluded.size, data = excluded.data");
  }

  @Test
  void numberedParametersStandWhereverTheyAreUsed() {
    PgDialect.Translated t = PgDialect.translate("DELETE FROM x WHERE a = ?1 OR b = ?2 OR c = ?1");
    assertThat(t.sql()).isEqualTo("DELETE FROM x WHERE a = ? OR b = ? OR c = ?");
    assertThat(t.positions()).containsExactly(List.of(1, 3), List.of(2));
  }

  @Test
  void plainParametersAreLeftAsTheyAre() {
    PgDialect.Translated t = PgDialect.translate("SELECT id FROM articles WHERE id = ?");
    assertThat(t.sql()).isEqualTo("SELECT id FROM articles WHERE id = ?");
    assertThat(t.positions()).isNull();
  }

  @Test
  void nullSafeInequalityAggregatesAndCaseFolding() {
    assertThat(PgDialect.translate("UPDATE articles SET note = ? WHERE note IS NOT ?").sql())
        .isEqualTo("UPDATE articles SET note = ? WHERE note IS DISTINCT FROM ?");
    assertThat(PgDialect.translate("SELECT group_concat(name, char(10)) FROM tags").sql())
        .isEqualTo("SELECT string_agg(name, chr(10)) FROM tags");
    assertThat(
            PgDialect.translate("SELECT 1 FROM articles a ORDER BY a.title COLLATE NOCASE").sql())
        .isEqualTo("SELECT 1 FROM articles a ORDER BY lower(a.title)");
    assertThat(PgDialect.translate("DELETE FROM temp.sel_3").sql())
        .isEqualTo("DELETE FROM pg_temp.sel_3");
  }
}
