package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.cli.Cli;
import dossier.core.Text;
import dossier.store.Originals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReextractCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    Cli.Result r = cli.run("import", Corpus.write(tmp.resolve("files"), 5, 20).toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** Makes articles look as an older, worse extractor left them: a wrong title, furniture. */
  private void ageArticles(String idList) throws SQLException {
    sql(
        "UPDATE articles SET title = 'Home | News | Sport', body = body || char(10) || char(10)"
            + " || 'Share this article. Cookie settings.', source = 'Old Extractor Gazette',"
            + " content_hash = 'old-' || id WHERE id IN ("
            + idList
            + ")");
  }

  private JsonNode show(long id) throws Exception {
    Cli.Result r = cli.run("show", "--format", "json", Long.toString(id));
    assertThat(r.code()).as(r.toString()).isZero();
    return JSON.readTree(r.out());
  }

  private List<String> hashes() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT content_hash FROM articles ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void reextractFixesAgedArticlesAndKeepsTagsNotesAndStatus() throws Exception {
    JsonNode fresh = show(3);
    List<String> freshHashes = hashes();
    ageArticles("3, 4, 5");
    assertThat(cli.run("tag", "+keep/me", "--", "id:3").code()).isZero();
    assertThat(cli.run("note", "3", "call the clerk").code()).isZero();
    assertThat(cli.run("mark", "reviewed", "--star", "--", "id:3").code()).isZero();
    assertThat(cli.run("list", "--format", "ids", "furniture OR cookie").lines()).hasSize(3);

    Cli.Result r = cli.run("reextract");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("re-extracted 20 articles: changed 3, 17 unchanged, 0 failed");

    JsonNode a = show(3);
    assertThat(a.get("title").asText()).isEqualTo(fresh.get("title").asText());
    assertThat(a.get("body").asText()).isEqualTo(fresh.get("body").asText());
    assertThat(a.get("content_hash").asText())
        .isEqualTo(Text.sha256(a.get("title").asText() + "\n\n" + a.get("body").asText()));
    assertThat(a.get("tags").toString()).contains("keep/me");
    assertThat(a.get("note").asText()).isEqualTo("call the clerk");
    assertThat(a.get("status").asText()).isEqualTo("reviewed");
    assertThat(a.get("starred").asBoolean()).isTrue();
    assertThat(hashes()).isEqualTo(freshHashes);
    // the index follows: the furniture words are gone, the new title is found
    assertThat(cli.run("list", "--format", "ids", "cookie").lines()).isEmpty();
    assertThat(cli.run("db", "check").code()).isZero();

    // a second run has nothing to do
    Cli.Result again = cli.run("reextract");
    assertThat(again.err()).contains("changed 0, 20 unchanged");
    assertThat(cli.run("log", "--format", "tsv").out()).containsOnlyOnce("reextract");
  }

  @Test
  void undoPutsTheOldFieldsBack() throws Exception {
    ageArticles("2, 7");
    List<String> aged = hashes();
    cli.run("reextract");
    assertThat(hashes()).isNotEqualTo(aged);
    Cli.Result u = cli.run("undo");
    assertThat(u.code()).as(u.toString()).isZero();
    assertThat(u.err()).contains("reextract");
    assertThat(hashes()).isEqualTo(aged);
    assertThat(show(7).get("title").asText()).isEqualTo("Home | News | Sport");
    assertThat(cli.run("list", "--format", "ids", "cookie").lines()).containsExactly("7", "2");
    assertThat(cli.run("db", "check").code()).isZero();
  }

  @Test
  void onlyTheMatchingArticlesAreReextracted() throws Exception {
    ageArticles("2, 7");
    Cli.Result r = cli.run("reextract", "id:7");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("re-extracted 1 article: changed 1");
    assertThat(show(2).get("title").asText()).isEqualTo("Home | News | Sport");
  }

  @Test
  void dryRunChangesNothing() throws Exception {
    ageArticles("2");
    List<String> aged = hashes();
    Cli.Result r = cli.run("reextract", "--dry-run", "--verbose");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("would change: article 2").contains("would change 1");
    assertThat(hashes()).isEqualTo(aged);
    assertThat(cli.run("log", "--format", "tsv").out()).doesNotContain("reextract");
  }

  @Test
  void aTextThatBecomesAnotherArticlesIsReportedAndLeftAlone() throws Exception {
    // article 2's stored original now holds article 1's file: re-extracting it gives article 1
    byte[] first;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db())) {
      first = Corpus.article(5, 0).getBytes(StandardCharsets.UTF_8);
      try (PreparedStatement st =
          c.prepareStatement("UPDATE originals SET size = ?, data = ? WHERE article_id = 2")) {
        st.setInt(1, first.length);
        st.setBytes(2, Originals.compress(first));
        st.executeUpdate();
      }
    }
    List<String> before = hashes();
    Cli.Result r = cli.run("reextract");
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains("skipped: article 2: its new text is the same as article 1")
        .contains("1 left as they were");
    assertThat(hashes()).isEqualTo(before);
    assertThat(cli.run("db", "check").code()).isZero();
  }

  @Test
  void anOriginalThatNoLongerExtractsIsReportedAndKept() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db())) {
      byte[] binary = new byte[4096];
      try (PreparedStatement st =
          c.prepareStatement("UPDATE originals SET size = ?, data = ? WHERE article_id = 4")) {
        st.setInt(1, binary.length);
        st.setBytes(2, Originals.compress(binary));
        st.executeUpdate();
      }
    }
    JsonNode before = show(4);
    Cli.Result r = cli.run("reextract");
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("error: article 4: binary file").contains("1 failed");
    assertThat(show(4)).isEqualTo(before);
  }

  @Test
  void aBadQueryIsAUsageError() {
    Cli.Result r = cli.run("reextract", "title:\"unclosed");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error:");
  }
}
