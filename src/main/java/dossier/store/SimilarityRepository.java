package dossier.store;

import dossier.query.CompiledQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Look-ups behind tag suggestions: similar tagged articles, rule matches, source tags. */
public final class SimilarityRepository {
  /** A tagged article like the one asked about, with its bm25 similarity (higher is closer). */
  public record Neighbor(long id, double score, List<String> tags) {}

  private final Archive archive;

  SimilarityRepository(Archive archive) {
    this.archive = archive;
  }

  /**
   * The {@code k} tagged articles that best match any of {@code words}, other than {@code
   * excludeId}. Each word is quoted for FTS5, so any text is safe here.
   */
  public List<Neighbor> similarTagged(List<String> words, long excludeId, int k) {
    if (words.isEmpty()) {
      return List.of();
    }
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add("\"" + w.replace("\"", "\"\"") + "\"");
    }
    String match = String.join(" OR ", quoted);
    String sql =
        "SELECT f.rowid, -bm25(articles_fts, "
            + Ranking.WEIGHTS
            + ") AS s,"
            + " (SELECT group_concat(t.name, char(10)) FROM article_tags x JOIN tags t ON t.id ="
            + " x.tag_id WHERE x.article_id = f.rowid) AS tags FROM articles_fts f WHERE"
            + " articles_fts MATCH ? AND f.rowid <> ? AND EXISTS (SELECT 1 FROM article_tags x"
            + " WHERE x.article_id = f.rowid) ORDER BY bm25(articles_fts, "
            + Ranking.WEIGHTS
            + ") LIMIT ?";
    List<Neighbor> out = new ArrayList<>();
    try (PreparedStatement st = archive.connection().prepareStatement(sql)) {
      st.setString(1, match);
      st.setLong(2, excludeId);
      st.setInt(3, k);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String t = rs.getString(3);
          out.add(
              new Neighbor(
                  rs.getLong(1),
                  rs.getDouble(2),
                  t == null ? List.of() : Arrays.asList(t.split("\n"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot find similar articles", e), e);
    }
  }

  /** True when the article matches the query. */
  public boolean matches(CompiledQuery q, long id) {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM articles a");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(sql, params, q);
    sql.append(" AND a.id = ?");
    params.add(id);
    try (PreparedStatement st = archive.connection().prepareStatement(sql.toString())) {
      ArticleRepository.bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot match rule", e), e);
    }
  }

  /** Tags the source itself proposed ("Tags:" lines, keywords), as stored on import. */
  public List<String> sourceTags(long id) {
    try (PreparedStatement st =
        archive.connection().prepareStatement("SELECT suggested_tags FROM articles WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null || rs.getString(1).isEmpty()) {
          return List.of();
        }
        return Arrays.asList(rs.getString(1).split("\n"));
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read article " + id, e), e);
    }
  }

  /** True when at least one article has a tag. */
  public boolean anyTagged() {
    try (PreparedStatement st =
            archive.connection().prepareStatement("SELECT EXISTS (SELECT 1 FROM article_tags)");
        ResultSet rs = st.executeQuery()) {
      return rs.next() && rs.getInt(1) == 1;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read tags", e), e);
    }
  }
}
