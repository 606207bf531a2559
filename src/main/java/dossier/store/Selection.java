package dossier.store;

import dossier.query.CompiledQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The articles a change applies to, held in a temporary table {@code temp.sel} of this connection
 * so that every step of the change works on the same set with set-based SQL. Use inside one {@link
 * Archive#write}.
 */
public final class Selection {
  private final Archive archive;
  private boolean created;

  Selection(Archive archive) {
    this.archive = archive;
  }

  private void reset() throws SQLException {
    try (Statement st = archive.connection().createStatement()) {
      if (!created) {
        st.execute("CREATE TEMP TABLE IF NOT EXISTS sel(id INTEGER PRIMARY KEY)");
        created = true;
      }
      st.execute("DELETE FROM temp.sel");
    }
  }

  /** Selects the articles matching {@code q}; returns how many. */
  public int select(CompiledQuery q) throws SQLException {
    reset();
    StringBuilder sql = new StringBuilder("INSERT INTO temp.sel(id) SELECT a.id FROM articles a");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(sql, params, q);
    try (PreparedStatement st = archive.connection().prepareStatement(sql.toString())) {
      ArticleRepository.bind(st, params);
      return st.executeUpdate();
    }
  }

  /** Selects the articles with these ids (ids that do not exist are left out); returns how many. */
  public int select(Collection<Long> ids) throws SQLException {
    reset();
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement(
                "INSERT OR IGNORE INTO temp.sel(id) SELECT id FROM articles WHERE id = ?")) {
      for (long id : ids) {
        st.setLong(1, id);
        st.executeUpdate();
      }
    }
    return count();
  }

  /** Narrows the selection to the articles that also match {@code q}; returns how many are left. */
  public int retain(CompiledQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT a.id FROM articles a");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(sql, params, q);
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement("DELETE FROM temp.sel WHERE id NOT IN (" + sql + ")")) {
      ArticleRepository.bind(st, params);
      st.executeUpdate();
    }
    return count();
  }

  public int count() throws SQLException {
    try (Statement st = archive.connection().createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM temp.sel")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
