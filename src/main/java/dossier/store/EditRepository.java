package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Status, star, note and deletion of the selected articles, journaled for undo. */
public final class EditRepository {
  private final Archive archive;

  EditRepository(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /** Sets the status of every selected article; returns how many changed. */
  public int setStatus(long journal, Status status) throws SQLException {
    return setField(journal, "status", status.label());
  }

  /** Stars or unstars every selected article; returns how many changed. */
  public int setStarred(long journal, boolean starred) throws SQLException {
    return setField(journal, "starred", starred ? 1 : 0);
  }

  /** Sets (or, with null, clears) the note of every selected article; returns how many changed. */
  public int setNote(long journal, String note) throws SQLException {
    return setField(journal, "note", note);
  }

  /** {@code field} is one of the constant names above, never user text. */
  private int setField(long journal, String field, Object value) throws SQLException {
    try (PreparedStatement j =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id, field, old) SELECT"
                        + " ?, 'field', a.id, ?, a."
                        + field
                        + " FROM articles a WHERE a.id IN"
                        + " (SELECT id FROM temp.sel) AND a."
                        + field
                        + " IS NOT ?");
        PreparedStatement up =
            conn()
                .prepareStatement(
                    "UPDATE articles SET "
                        + field
                        + " = ? WHERE id IN (SELECT id FROM temp.sel)"
                        + " AND "
                        + field
                        + " IS NOT ?")) {
      j.setLong(1, journal);
      j.setString(2, field);
      j.setObject(3, value);
      j.executeUpdate();
      up.setObject(1, value);
      up.setObject(2, value);
      return up.executeUpdate();
    }
  }

  /** The metadata fields and their provenance, as an edit changes them. */
  private static final List<ArticleField> CORRECTED =
      Columns.select(Columns.ROW, f -> f.isMetadata() || f == ArticleField.PROVENANCE);

  /**
   * Writes the metadata and provenance of {@code a} over the stored article of its id (the journal
   * has kept the old row first: {@link Journal#beforeUpdate}).
   */
  public void replaceMetadata(Article a) throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "UPDATE articles SET " + Columns.assignments(CORRECTED) + " WHERE id=?")) {
      int i = Columns.bind(st, 1, a, CORRECTED);
      st.setLong(i, a.id());
      st.executeUpdate();
    }
  }

  /** For --dry-run: how many selected articles a field change would touch. */
  public int wouldChange(String field, Object value) throws SQLException {
    if (!field.equals("status") && !field.equals("starred") && !field.equals("note")) {
      throw new IllegalArgumentException(field);
    }
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT count(*) FROM articles WHERE id IN (SELECT id FROM temp.sel) AND "
                    + field
                    + " IS NOT ?")) {
      st.setObject(1, value);
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Deletes the selected articles, keeping their rows, originals and tags in the journal so undo
   * can bring them back; returns how many were deleted.
   */
  public int delete(long journal) throws SQLException {
    try (PreparedStatement trash =
            conn()
                .prepareStatement(
                    "INSERT INTO " + Journal.TRASH + " WHERE a.id IN (SELECT id FROM temp.sel)");
        PreparedStatement tags =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id) SELECT ?,"
                        + " 'tag-', article_id, tag_id FROM article_tags WHERE article_id IN"
                        + " (SELECT id FROM temp.sel)");
        PreparedStatement entries =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id) SELECT ?,"
                        + " 'deleted', id FROM temp.sel");
        PreparedStatement del =
            conn().prepareStatement("DELETE FROM articles WHERE id IN (SELECT id FROM temp.sel)")) {
      trash.setLong(1, journal);
      trash.executeUpdate();
      tags.setLong(1, journal);
      tags.executeUpdate();
      entries.setLong(1, journal);
      entries.executeUpdate();
      return del.executeUpdate();
    }
  }
}
