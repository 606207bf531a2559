package dossier.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Auto-tag rules: a query and the tag that every matching article gets. */
public final class RuleRepository {
  /** One rule. */
  public record Rule(long id, String query, String tag, String created) {}

  private final Archive archive;

  RuleRepository(Archive archive) {
    this.archive = archive;
  }

  public List<Rule> all() {
    List<Rule> out = new ArrayList<>();
    try (PreparedStatement st =
            archive
                .connection()
                .prepareStatement("SELECT id, query, tag, created FROM rules ORDER BY id");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(new Rule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read rules", e), e);
    }
  }

  /** Rules a change added ('rule+') go; those it removed come back from the trash. */
  static List<String> undo(Engine engine) {
    return List.of(
        "DELETE FROM rules WHERE id IN (SELECT tag_id FROM journal_entries WHERE journal_id = ? AND"
            + " kind = 'rule+')",
        engine.upsert(
            "rules",
            "id",
            List.of("id", "query", "tag", "created"),
            "SELECT id, query, tag, created FROM trash_rules WHERE journal_id = ?"));
  }

  /** Adds a rule, journaled so undo removes it; call inside {@link Archive#write}. */
  public long add(long journal, String query, String tag) {
    try {
      long id;
      try (PreparedStatement st =
          archive
              .connection()
              .prepareStatement(
                  "INSERT INTO rules(query, tag, created) VALUES (?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, query);
        st.setString(2, tag);
        st.setString(3, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        st.executeUpdate();
        try (ResultSet rs = st.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      archive.journal().ruleAdded(journal, id);
      return id;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot add the rule", e), e);
    }
  }

  /**
   * Removes a rule, journaled so undo brings it back with its id; call inside {@link
   * Archive#write}. Returns false when there is no such rule.
   */
  public boolean remove(long journal, long id) {
    try {
      archive.journal().ruleRemoved(journal, id);
      try (PreparedStatement st =
          archive.connection().prepareStatement("DELETE FROM rules WHERE id = ?")) {
        st.setLong(1, id);
        return st.executeUpdate() > 0;
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot remove the rule", e), e);
    }
  }
}
