package dossier.store;

import dossier.core.Article;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes articles back from a dossier export with everything they had: id (when it is free), import
 * time, status, star, note and tags, and the original bytes.
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
   * Stores {@code a} and its original; call inside {@link Archive#write}. Keeps {@code a.id()} when
   * no article has it, else takes a new one. Returns the id stored under.
   */
  public long insert(Article a, String format, byte[] originalBytes) throws SQLException {
    if (insert == null) {
      idTaken = archive.connection().prepareStatement("SELECT 1 FROM articles WHERE id = ?");
      insert =
          archive
              .connection()
              .prepareStatement(
                  "INSERT INTO articles(id, title, source, authors, published, url, section,"
                      + " lang, caption, body, note, status, starred, word_count, imported, path,"
                      + " format, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
    int i = 1;
    if (keepId) {
      insert.setLong(i++, a.id());
    } else {
      insert.setNull(i++, Types.INTEGER);
    }
    insert.setString(i++, a.title() == null ? "" : a.title());
    insert.setString(i++, a.source());
    insert.setString(i++, String.join("\n", a.authors()));
    insert.setString(i++, a.published());
    insert.setString(i++, a.url());
    insert.setString(i++, a.section());
    insert.setString(i++, a.lang());
    insert.setString(i++, a.caption());
    insert.setString(i++, a.body());
    insert.setString(i++, a.note());
    insert.setString(i++, a.status().label());
    insert.setInt(i++, a.starred() ? 1 : 0);
    insert.setInt(i++, a.wordCount());
    insert.setString(i++, a.imported());
    insert.setString(i++, a.path());
    insert.setString(i++, format);
    insert.setString(i, a.contentHash());
    insert.executeUpdate();
    long id;
    try (ResultSet rs = insert.getGeneratedKeys()) {
      rs.next();
      id = rs.getLong(1);
    }
    original.setLong(1, id);
    original.setInt(2, originalBytes.length);
    original.setBytes(3, Originals.compress(originalBytes));
    original.executeUpdate();
    for (String t : a.tags()) {
      archive.articles().addTag(id, t);
    }
    return id;
  }
}
