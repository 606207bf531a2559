package dossier.store;

import dossier.core.Article;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes articles back from a dossier export with everything they had: id (when it is free), every
 * field of the row, tags, and the original bytes when the export has them.
 */
public final class RestoreRepository {
  private final Archive archive;
  private PreparedStatement idTaken;
  private PreparedStatement insert;
  private PreparedStatement original;

  public RestoreRepository(Archive archive) {
    this.archive = archive;
  }

  /**
   * Stores {@code a} and its original, compressed (none when {@code compressed} is null: restore
   * never makes one up), of {@code size} bytes; call inside {@link Archive#write}. Keeps {@code
   * a.id()} when no article has it, else takes a new one. Returns the id stored under.
   */
  public long insert(Article a, byte[] compressed, int size) {
    try {
      if (insert == null) {
        idTaken = archive.connection().prepareStatement("SELECT 1 FROM articles WHERE id = ?");
        insert =
            archive
                .connection()
                .prepareStatement(
                    "INSERT INTO articles("
                        + Columns.names(Columns.ROW, null)
                        + ") VALUES "
                        + Columns.placeholders(Columns.ROW)
                        + " RETURNING id");
        original =
            archive
                .connection()
                .prepareStatement("INSERT INTO originals(article_id, size, data) VALUES (?,?,?)");
      }
      boolean keepId = false;
      if (a.id() > 0) {
        idTaken.setLong(1, a.id());
        try (ResultSet rs = idTaken.executeQuery()) {
          keepId = !rs.next();
        }
      }
      Columns.bind(insert, 1, keepId ? a : a.withId(0), Columns.ROW);
      long id;
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      if (compressed != null) {
        original.setLong(1, id);
        original.setInt(2, size);
        original.setBytes(3, compressed);
        original.executeUpdate();
      }
      for (String t : a.tags()) {
        archive.articles().addTag(id, t);
      }
      return id;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot store the article", e), e);
    }
  }
}
