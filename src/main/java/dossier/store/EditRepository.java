package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Corrections of an article's metadata (the journal keeps the old row for undo). */
public final class EditRepository {
  private final Archive archive;

  EditRepository(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /** The metadata fields and their provenance, as an edit changes them. */
  private static final List<ArticleField> CORRECTED =
      Columns.select(Columns.ROW, f -> f.isMetadata() || f == ArticleField.PROVENANCE);

  /**
   * Writes the metadata and provenance of {@code a} over the stored article of its id (the journal
   * has kept the old row first: {@link Journal#beforeUpdate}).
   */
  public void replaceMetadata(Article a) {
    try {
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "UPDATE articles SET " + Columns.assignments(CORRECTED) + " WHERE id=?")) {
        int i = Columns.bind(st, 1, a, CORRECTED);
        st.setLong(i, a.id());
        st.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot edit the article", e), e);
    }
  }
}
