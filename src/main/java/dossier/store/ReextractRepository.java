package dossier.store;

import dossier.core.Extracted;
import dossier.query.CompiledQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What re-extraction reads and writes: stored originals with the fields extraction produced from
 * them, and the replacement of those fields (never tags, status, star or note).
 */
public final class ReextractRepository {
  /**
   * One stored article as extraction left it.
   *
   * @param data the compressed original, also used to notice that it changed meanwhile
   */
  public record Stored(
      long id,
      String path,
      String format,
      int size,
      byte[] data,
      Extracted current,
      String contentHash) {
    public byte[] original() {
      return Originals.decompress(data, size);
    }
  }

  private final Archive archive;

  ReextractRepository(Archive archive) {
    this.archive = archive;
  }

  /** Opens the repository on an archive. */
  public static ReextractRepository of(Archive archive) {
    return new ReextractRepository(archive);
  }

  private Connection conn() {
    return archive.connection();
  }

  /**
   * The next {@code limit} articles matching {@code q} with an id above {@code afterId}, in id
   * order. Walking by id keeps a long run going forward even as re-extraction changes which
   * articles match words in the query.
   */
  public List<Stored> next(CompiledQuery q, long afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.id, a.path, a.format, o.size, o.data, a.title, a.source, a.authors,"
                + " a.published, a.url, a.section, a.lang, a.caption, a.body, a.suggested_tags,"
                + " a.content_hash FROM articles a LEFT JOIN originals o ON o.article_id = a.id");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(sql, params, q);
    sql.append(" AND a.id > ? ORDER BY a.id LIMIT ?");
    params.add(afterId);
    params.add((long) limit);
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement st = conn().prepareStatement(sql.toString())) {
      ArticleRepository.bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Extracted x =
              new Extracted(
                  rs.getString("title"),
                  rs.getString("source"),
                  lines(rs.getString("authors")),
                  rs.getString("published"),
                  rs.getString("url"),
                  rs.getString("section"),
                  rs.getString("lang"),
                  rs.getString("caption"),
                  rs.getString("body"),
                  lines(rs.getString("suggested_tags")),
                  rs.getString("format"));
          out.add(
              new Stored(
                  rs.getLong("id"),
                  rs.getString("path"),
                  rs.getString("format"),
                  rs.getInt("size"),
                  rs.getBytes("data"),
                  x,
                  rs.getString("content_hash")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read stored articles", e), e);
    }
  }

  /** What {@link #replace} did. */
  public enum Replaced {
    /** The article now has the new fields. */
    DONE,
    /** The article was removed or re-imported meanwhile: nothing was changed. */
    GONE
  }

  /**
   * Replaces the extracted fields and content hash of {@code s} with {@code x}, keeping the
   * original as it was read; journaled in {@code journal} so undo restores the old fields. Call
   * inside {@link Archive#write}, after checking that no other article has the new hash.
   */
  public Replaced replace(long journal, Stored s, Extracted x, String hash) throws SQLException {
    try (PreparedStatement same =
        conn()
            .prepareStatement(
                "SELECT 1 FROM articles a JOIN originals o ON o.article_id = a.id"
                    + " WHERE a.id = ? AND a.content_hash = ? AND o.data = ?")) {
      same.setLong(1, s.id());
      same.setString(2, s.contentHash());
      same.setBytes(3, s.data());
      try (ResultSet rs = same.executeQuery()) {
        if (!rs.next()) {
          return Replaced.GONE;
        }
      }
    }
    archive.journal().beforeUpdate(journal, s.id());
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "UPDATE articles SET title=?, source=?, authors=?, published=?, url=?,"
                    + " section=?, lang=?, caption=?, body=?, word_count=?, suggested_tags=?,"
                    + " content_hash=? WHERE id=?")) {
      int i = ArticleRepository.bindMetadata(st, x);
      st.setString(i++, String.join("\n", x.suggestedTags()));
      st.setString(i++, hash);
      st.setLong(i, s.id());
      st.executeUpdate();
    }
    return Replaced.DONE;
  }

  /** True when {@code a} and {@code b} would be stored as the same row. */
  public static boolean sameFields(Extracted a, Extracted b) {
    return Objects.equals(a.title(), b.title())
        && Objects.equals(a.source(), b.source())
        && a.authors().equals(b.authors())
        && Objects.equals(a.published(), b.published())
        && Objects.equals(a.url(), b.url())
        && Objects.equals(a.section(), b.section())
        && Objects.equals(a.lang(), b.lang())
        && Objects.equals(a.caption(), b.caption())
        && Objects.equals(a.body(), b.body())
        && a.suggestedTags().equals(b.suggestedTags());
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }
}
