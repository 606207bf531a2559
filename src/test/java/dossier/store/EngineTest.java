package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How each engine says what the two spell differently, checked without a server. */
class EngineTest {
  @Test
  void anInsertThatSkipsKnownKeys() {
    String into = "article_tags(article_id, tag_id) VALUES (?, ?)";
    assertThat(Engine.SQLITE.insertIgnore(into))
        .isEqualTo("INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)");
    assertThat(Engine.POSTGRES.insertIgnore(into))
        .isEqualTo(
            "INSERT INTO article_tags(article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  }

  @Test
  void anUpsertReplacesEveryColumnButTheKey() {
    List<String> columns = List.of("article_id", "size", "data");
    assertThat(Engine.SQLITE.upsert("originals", "article_id", columns, "VALUES (?,?,?)"))
        .isEqualTo("INSERT OR REPLACE INTO originals(article_id, size, data) VALUES (?,?,?)");
    assertThat(Engine.POSTGRES.upsert("originals", "article_id", columns, "VALUES (?,?,?)"))
        .isEqualTo(
            "INSERT INTO originals(article_id, size, data) VALUES (?,?,?) ON CONFLICT (article_id)"
                + " DO UPDATE SET size = excluded.size, data = excluded.data");
    assertThat(Engine.POSTGRES.upsert("t", "k", List.of("k"), "SELECT k FROM u"))
        .isEqualTo("INSERT INTO t(k) SELECT k FROM u ON CONFLICT (k) DO NOTHING");
  }

  @Test
  void linesCaseFoldingAndTemporaryTables() {
    assertThat(Engine.SQLITE.lines("name")).isEqualTo("group_concat(name, char(10))");
    assertThat(Engine.POSTGRES.lines("name")).isEqualTo("string_agg(name, chr(10))");
    assertThat(Engine.SQLITE.nocase("a.title")).isEqualTo("a.title COLLATE NOCASE");
    assertThat(Engine.POSTGRES.nocase("a.title")).isEqualTo("lower(a.title) COLLATE \"C\"");
    assertThat(Engine.SQLITE.temp("sel_3")).isEqualTo("temp.sel_3");
    assertThat(Engine.POSTGRES.temp("sel_3")).isEqualTo("pg_temp.sel_3");
  }

  @Test
  void everyUndoStepIsPreparedAsWrittenWithPlainParameters() {
    for (Engine e : Engine.values()) {
      for (String sql : Journal.revertSteps(e)) {
        assertThat(sql).as(e + ": " + sql).doesNotContainPattern("\\?\\d").contains("?");
        if (e == Engine.POSTGRES) {
          assertThat(sql).as(sql).doesNotContain("INSERT OR").doesNotContain("json_each");
        }
      }
    }
  }
}
