package dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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

  /** Saves (or replaces) a search; returns true when it replaced one. */
  public boolean put(String name, String query, String now) {
    return archive.write(
        () -> {
          boolean existed = get(name).isPresent();
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
          return existed;
        });
  }

  /** Removes a saved search; returns false when there was none by that name. */
  public boolean remove(String name) {
    return archive.write(
        () -> {
          try (PreparedStatement st =
              archive.connection().prepareStatement("DELETE FROM saved_searches WHERE name = ?")) {
            st.setString(1, name);
            return st.executeUpdate() > 0;
          }
        });
  }
}
