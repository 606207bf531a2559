package dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saved searches: a name (case-insensitive) for a query text. */
public final class SavedSearchRepository {
  private final Archive archive;

  SavedSearchRepository(Archive archive) {
    this.archive = archive;
  }

  /** The query text saved under {@code name}. */
  public Optional<String> get(String name) {
    try (PreparedStatement st =
        archive.connection().prepareStatement("SELECT query FROM saved_searches WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read saved search " + name, e), e);
    }
  }

  /** Every saved search, by name. */
  public Map<String, String> all() {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement st =
            archive
                .connection()
                .prepareStatement("SELECT name, query FROM saved_searches ORDER BY name");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read saved searches", e), e);
    }
  }

  /**
   * Saved searches a change added ('saved+') go; those it removed or replaced come back from the
   * trash.
   */
  static List<String> undo(Engine engine) {
    return List.of(
        "DELETE FROM saved_searches WHERE name IN (SELECT field FROM journal_entries WHERE"
            + " journal_id = ? AND kind = 'saved+')",
        engine.upsert(
            "saved_searches",
            "name",
            List.of("name", "query", "created"),
            "SELECT name, query, created FROM trash_saved WHERE journal_id = ?"));
  }

  /**
   * Saves (or replaces) a search, journaled in {@code journal} so undo takes it back (and brings
   * back the one it replaced); call inside {@link Archive#write}. Returns true when it replaced
   * one.
   */
  public boolean put(long journal, String name, String query, String now) {
    try {
      boolean existed = get(name).isPresent();
      if (existed) {
        archive.journal().savedRemoved(journal, name);
      }
      try (PreparedStatement st =
          archive
              .connection()
              .prepareStatement(
                  "INSERT INTO saved_searches(name, query, created) VALUES (?, ?, ?)"
                      + " ON CONFLICT(name) DO UPDATE SET query = excluded.query")) {
        st.setString(1, name);
        st.setString(2, query);
        st.setString(3, now);
        st.executeUpdate();
      }
      archive.journal().savedAdded(journal, name);
      return existed;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot save the search", e), e);
    }
  }

  /**
   * Removes a saved search, journaled so undo brings it back; call inside {@link Archive#write}.
   * Returns false when there was none by that name.
   */
  public boolean remove(long journal, String name) {
    try {
      if (get(name).isEmpty()) {
        return false;
      }
      archive.journal().savedRemoved(journal, name);
      try (PreparedStatement st =
          archive.connection().prepareStatement("DELETE FROM saved_searches WHERE name = ?")) {
        st.setString(1, name);
        return st.executeUpdate() > 0;
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot remove the saved search", e), e);
    }
  }
}
