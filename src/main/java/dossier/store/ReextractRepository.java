package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.query.CompiledQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
      Article current,
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
            "SELECT "
                + Columns.names(Columns.ROW, "a")
                + ", o.size, o.data FROM articles a LEFT JOIN originals o ON o.article_id = a.id");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(archive.engine(), sql, params, q);
    sql.append(" AND a.id > ? ORDER BY a.id LIMIT ?");
    params.add(afterId);
    params.add((long) limit);
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement st = conn().prepareStatement(sql.toString())) {
      ArticleRepository.bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Article x = Columns.read(rs, Columns.ROW, false);
          out.add(
              new Stored(
                  x.id(),
                  x.path(),
                  x.format(),
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
   * Replaces the extracted fields of {@code s} with those of {@code fresh} (its content hash
   * included), keeping the original as it was read; journaled in {@code journal} so undo restores
   * the old fields. Call inside {@link Archive#write}, after checking that no other article has the
   * new hash.
   */
  public Replaced replace(long journal, Stored s, Article fresh) {
    try {
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
                  "UPDATE articles SET "
                      + Columns.assignments(Columns.EXTRACTED)
                      + " WHERE id=?")) {
        int i = Columns.bind(st, 1, fresh, Columns.EXTRACTED);
        st.setLong(i, s.id());
        st.executeUpdate();
      }
      return Replaced.DONE;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot replace the article", e), e);
    }
  }

  /** True when {@code a} and {@code b} would be stored with the same extracted fields. */
  public static boolean sameFields(Article a, Article b) {
    return ArticleField.differences(a, b, Columns.EXTRACTED).isEmpty();
  }
}
