package dossier.store;

import dossier.core.Article;
import dossier.core.Tags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes new articles, their originals and tags, and new imports of stored ones: the write path of
 * {@link ArticleRepository}, with the statements it keeps prepared between batches.
 */
final class ArticleWriter {
  private final Archive archive;
  private PreparedStatement tagByKey;
  private PreparedStatement insertTag;
  private PreparedStatement linkTag;

  ArticleWriter(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  private static StoreException fail(String what, SQLException e) {
    return new StoreException(Archive.describe(what, e), e);
  }

  /** Stores a new article with its original and tags; call inside {@link Archive#write}. */
  long insert(NewArticle n, String importedAt) {
    return insertAll(List.of(n), importedAt)[0];
  }

  /** The columns of an original, its article's id (the key) first. */
  static final List<String> ORIGINAL_COLUMNS = List.of("article_id", "size", "data");

  /** Articles one INSERT statement of {@link #insertAll} writes. */
  static final int ROWS_PER_INSERT = 256;

  private static final String INSERT_COLUMNS =
      "INSERT INTO articles(" + Columns.names(Columns.NEW_ROW, null) + ") VALUES ";

  /** The statement for {@link #ROWS_PER_INSERT} rows, kept; shorter ones are made as needed. */
  private PreparedStatement insertRows;

  /**
   * Stores new articles with their originals and tags, several to a statement, and returns their
   * ids in the same order; call inside {@link Archive#write}. None may have the text of a stored
   * article or of another in the list (one such row would fail the whole statement).
   *
   * <p>The full-text index writes what it has gathered to disk at the end of every statement that
   * inserts into it, so one statement per article made a segment (and later merges) per article: on
   * 20,000 generated articles a row at a time took 282 us of CPU an article, 256 rows at a time 157
   * us.
   */
  long[] insertAll(List<NewArticle> ns, String importedAt) {
    long[] ids = new long[ns.size()];
    try {
      for (int from = 0; from < ns.size(); from += ROWS_PER_INSERT) {
        List<NewArticle> part = ns.subList(from, Math.min(ns.size(), from + ROWS_PER_INSERT));
        insertRows(part, importedAt, ids, from);
      }
      for (int from = 0; from < ns.size(); from += ROWS_PER_INSERT) {
        insertOriginals(ns, ids, from, Math.min(ns.size(), from + ROWS_PER_INSERT));
      }
      for (int k = 0; k < ns.size(); k++) {
        for (String t : ns.get(k).tags()) {
          addTag(ids[k], t);
        }
      }
      return ids;
    } catch (SQLException e) {
      throw fail("cannot store articles", e);
    }
  }

  /** The statement for {@link #ROWS_PER_INSERT} originals, kept. */
  private PreparedStatement insertOriginalRows;

  private void insertOriginals(List<NewArticle> ns, long[] ids, int from, int to)
      throws SQLException {
    boolean full = to - from == ROWS_PER_INSERT;
    PreparedStatement st = full ? insertOriginalRows : null;
    if (st == null) {
      StringBuilder sql =
          new StringBuilder("INSERT INTO originals(article_id, size, data) VALUES ");
      for (int k = from; k < to; k++) {
        sql.append(k == from ? "" : ",").append("(?,?,?)");
      }
      st = conn().prepareStatement(sql.toString());
      if (full) {
        insertOriginalRows = st;
      }
    }
    try {
      int i = 1;
      for (int k = from; k < to; k++) {
        st.setLong(i++, ids[k]);
        st.setInt(i++, ns.get(k).originalSize());
        st.setBytes(i++, ns.get(k).compressedOriginal());
      }
      st.executeUpdate();
    } finally {
      if (!full) {
        st.close();
      }
    }
  }

  private void insertRows(List<NewArticle> part, String importedAt, long[] ids, int at)
      throws SQLException {
    boolean full = part.size() == ROWS_PER_INSERT;
    PreparedStatement st = full ? insertRows : null;
    if (st == null) {
      StringBuilder sql = new StringBuilder(INSERT_COLUMNS);
      for (int k = 0; k < part.size(); k++) {
        sql.append(k == 0 ? "" : ",").append(Columns.placeholders(Columns.NEW_ROW));
      }
      // the hash is unique: it tells which id each row got, whatever order RETURNING uses
      st = conn().prepareStatement(sql.append(" RETURNING id, content_hash").toString());
      if (full) {
        insertRows = st;
      }
    }
    try {
      int i = 1;
      for (NewArticle n : part) {
        i = Columns.bind(st, i, n.article().withImported(importedAt), Columns.NEW_ROW);
      }
      Map<String, Long> byHash = new HashMap<>(part.size() * 2);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          byHash.put(rs.getString(2), rs.getLong(1));
        }
      }
      for (int k = 0; k < part.size(); k++) {
        Long id = byHash.get(part.get(k).contentHash());
        if (id == null) {
          throw new SQLException("no id came back for article " + part.get(k).path());
        }
        ids[at + k] = id;
      }
    } finally {
      if (!full) {
        st.close();
      }
    }
  }

  /**
   * Replaces the extracted fields, path and original of a stored article with a new import of the
   * same text, keeping its tags, status, star and note, and every field a person set ({@link
   * Article#pinned}).
   */
  void update(long id, NewArticle n) {
    try (PreparedStatement st =
            conn()
                .prepareStatement(
                    "UPDATE articles SET "
                        + Columns.assignments(Columns.REIMPORTED)
                        + " WHERE id=?");
        PreparedStatement orig =
            conn()
                .prepareStatement(
                    archive
                        .engine()
                        .upsert("originals", "article_id", ORIGINAL_COLUMNS, "VALUES (?,?,?)"))) {
      Article current =
          archive.articles().get(id).orElseThrow(() -> new SQLException("no article " + id));
      Article fresh = ArticleRepository.keepPinned(current, n.article());
      int i = Columns.bind(st, 1, fresh, Columns.REIMPORTED);
      st.setLong(i, id);
      st.executeUpdate();
      orig.setLong(1, id);
      orig.setInt(2, n.originalSize());
      orig.setBytes(3, n.compressedOriginal());
      orig.executeUpdate();
    } catch (SQLException e) {
      throw fail("cannot update article " + id, e);
    }
  }

  /** Gives an article a tag (normalized name), creating the tag when it is new. */
  void addTag(long articleId, String normalizedTag) {
    try {
      long tagId = tagId(normalizedTag);
      if (linkTag == null) {
        linkTag =
            conn()
                .prepareStatement(
                    archive
                        .engine()
                        .insertIgnore("article_tags(article_id, tag_id) VALUES (?, ?)"));
      }
      linkTag.setLong(1, articleId);
      linkTag.setLong(2, tagId);
      linkTag.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot tag the article", e), e);
    }
  }

  private long tagId(String name) throws SQLException {
    if (tagByKey == null) {
      tagByKey = conn().prepareStatement("SELECT id FROM tags WHERE key = ?");
      insertTag =
          conn()
              .prepareStatement(
                  "INSERT INTO tags(name, key) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS);
    }
    String key = Tags.key(name);
    tagByKey.setString(1, key);
    try (ResultSet rs = tagByKey.executeQuery()) {
      if (rs.next()) {
        return rs.getLong(1);
      }
    }
    insertTag.setString(1, name);
    insertTag.setString(2, key);
    insertTag.executeUpdate();
    try (ResultSet rs = insertTag.getGeneratedKeys()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
