package dossier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change journal: every command that changes the archive records what it did, in the same
 * transaction as the change, so {@link #undoLast} can revert it exactly.
 */
public final class Journal {
  /** One recorded change. */
  public record Change(long id, String at, String command, String summary, boolean undone) {}

  private final Archive archive;
  private PreparedStatement entry;

  Journal(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /** Starts a change; call inside {@link Archive#write}. */
  public long begin(String command, String summary) throws SQLException {
    try (PreparedStatement st =
        conn().prepareStatement("INSERT INTO journal(at, command, summary) VALUES (?, ?, ?)")) {
      st.setString(1, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      st.setString(2, command);
      st.setString(3, summary);
      st.executeUpdate();
      try (ResultSet rs = st.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public void setSummary(long id, String summary) throws SQLException {
    try (PreparedStatement st =
        conn().prepareStatement("UPDATE journal SET summary=? WHERE id=?")) {
      st.setString(1, summary);
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  /** Removes a change that turned out to change nothing, so undo skips it. */
  public void discardIfEmpty(long id) throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "DELETE FROM journal WHERE id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM journal_entries WHERE journal_id = ?)")) {
      st.setLong(1, id);
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  void entry(long journal, String kind, Long articleId, Long tagId, String field, String old)
      throws SQLException {
    if (entry == null) {
      entry =
          conn()
              .prepareStatement(
                  "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id, field, old)"
                      + " VALUES (?,?,?,?,?,?)");
    }
    entry.setLong(1, journal);
    entry.setString(2, kind);
    entry.setObject(3, articleId);
    entry.setObject(4, tagId);
    entry.setString(5, field);
    entry.setString(6, old);
    entry.executeUpdate();
  }

  /** Records that an import created these articles; undo deletes them. */
  public void created(long journal, List<Long> articleIds) throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "INSERT INTO journal_entries(journal_id, kind, article_id)"
                    + " SELECT ?, 'created', value FROM json_each(?)")) {
      st.setLong(1, journal);
      st.setString(2, articleIds.toString());
      st.executeUpdate();
    }
  }

  /**
   * Keeps the current text and metadata of an article an import is about to replace; undo puts them
   * back.
   */
  public void beforeUpdate(long journal, long articleId) throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "INSERT OR IGNORE INTO trash_articles SELECT ?, a.id, a.title, a.source, a.authors,"
                    + " a.published, a.url, a.section, a.lang, a.caption, a.body, a.note, a.status,"
                    + " a.starred, a.word_count, a.imported, a.path, a.format, a.suggested_tags,"
                    + " a.content_hash, o.size, o.data FROM articles a LEFT JOIN originals o ON"
                    + " o.article_id = a.id WHERE a.id = ?")) {
      st.setLong(1, journal);
      st.setLong(2, articleId);
      st.executeUpdate();
    }
    entry(journal, "updated", articleId, null, null, null);
  }

  /** The most recent changes, newest first. */
  public List<Change> recent(int limit) {
    List<Change> out = new ArrayList<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT id, at, command, summary, undone FROM journal ORDER BY id DESC LIMIT ?")) {
      st.setInt(1, limit <= 0 ? -1 : limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Change(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5) != 0));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read the change log", e), e);
    }
  }

  /** Reverts the most recent change not yet undone, in one transaction; empty when none is left. */
  public Optional<Change> undoLast() {
    return archive.write(
        () -> {
          Change c = null;
          try (Statement st = conn().createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT id, at, command, summary FROM journal WHERE undone = 0"
                          + " ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
              c =
                  new Change(
                      rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), true);
            }
          }
          if (c == null) {
            return Optional.empty();
          }
          revert(c.id());
          try (PreparedStatement st =
              conn().prepareStatement("UPDATE journal SET undone=1 WHERE id=?")) {
            st.setLong(1, c.id());
            st.executeUpdate();
          }
          return Optional.of(c);
        });
  }

  /** Each step reverts one kind of entry; the order undoes the kinds' dependencies. */
  private static final String[] REVERT = {
    // articles removed by rm come back with their ids, originals and (below) their tags
    "INSERT INTO articles(id, title, source, authors, published, url, section, lang, caption, body,"
        + " note, status, starred, word_count, imported, path, format, suggested_tags, content_hash)"
        + " SELECT t.id, t.title, t.source, t.authors, t.published, t.url, t.section, t.lang,"
        + " t.caption, t.body, t.note, t.status, t.starred, t.word_count, t.imported, t.path,"
        + " t.format, t.suggested_tags, t.content_hash FROM trash_articles t JOIN journal_entries e"
        + " ON e.journal_id = t.journal_id AND e.article_id = t.id AND e.kind = 'deleted'"
        + " WHERE t.journal_id = ?1",
    "INSERT OR REPLACE INTO originals(article_id, size, data) SELECT t.id, t.original_size,"
        + " t.original FROM trash_articles t WHERE t.journal_id = ?1 AND t.original IS NOT NULL",
    // articles an import or reextract replaced get their old text and metadata back; their
    // hashes are first moved aside so that putting one back never collides with another's
    "UPDATE articles SET content_hash = 'undo:' || id WHERE id IN (SELECT article_id FROM"
        + " journal_entries WHERE journal_id = ?1 AND kind = 'updated')",
    "UPDATE articles SET (title, source, authors, published, url, section, lang, caption, body,"
        + " word_count, path, format, suggested_tags, content_hash) = (SELECT t.title, t.source,"
        + " t.authors, t.published, t.url, t.section, t.lang, t.caption, t.body, t.word_count,"
        + " t.path, t.format, t.suggested_tags, t.content_hash FROM trash_articles t WHERE"
        + " t.journal_id = ?1 AND t.id = articles.id) WHERE id IN (SELECT article_id FROM"
        + " journal_entries WHERE journal_id = ?1 AND kind = 'updated')",
    "INSERT OR IGNORE INTO tags(id, name, key) SELECT tag_id, old, field FROM"
        + " journal_entries WHERE journal_id = ?1 AND kind = 'tagrow'",
    "UPDATE tags SET name = (SELECT old FROM journal_entries e WHERE e.journal_id = ?1 AND"
        + " e.kind = 'tagname' AND e.tag_id = tags.id), key = (SELECT field FROM"
        + " journal_entries e WHERE e.journal_id = ?1 AND e.kind = 'tagname' AND e.tag_id ="
        + " tags.id) WHERE id IN (SELECT tag_id FROM journal_entries WHERE journal_id = ?1 AND"
        + " kind = 'tagname')",
    "DELETE FROM article_tags WHERE (article_id, tag_id) IN (SELECT article_id, tag_id FROM"
        + " journal_entries WHERE journal_id = ?1 AND kind = 'tag+')",
    "INSERT OR IGNORE INTO article_tags(article_id, tag_id) SELECT e.article_id, e.tag_id FROM"
        + " journal_entries e WHERE e.journal_id = ?1 AND e.kind = 'tag-' AND EXISTS (SELECT 1"
        + " FROM articles a WHERE a.id = e.article_id) AND EXISTS (SELECT 1 FROM tags t WHERE"
        + " t.id = e.tag_id)",
    "UPDATE articles SET status = (SELECT old FROM journal_entries e WHERE e.journal_id = ?1 AND"
        + " e.kind = 'field' AND e.field = 'status' AND e.article_id = articles.id) WHERE id IN"
        + " (SELECT article_id FROM journal_entries WHERE journal_id = ?1 AND kind = 'field' AND"
        + " field = 'status')",
    "UPDATE articles SET starred = (SELECT CAST(old AS INTEGER) FROM journal_entries e WHERE"
        + " e.journal_id = ?1 AND e.kind = 'field' AND e.field = 'starred' AND e.article_id ="
        + " articles.id) WHERE id IN (SELECT article_id FROM journal_entries WHERE journal_id = ?1"
        + " AND kind = 'field' AND field = 'starred')",
    "UPDATE articles SET note = (SELECT old FROM journal_entries e WHERE e.journal_id = ?1 AND"
        + " e.kind = 'field' AND e.field = 'note' AND e.article_id = articles.id) WHERE id IN"
        + " (SELECT article_id FROM journal_entries WHERE journal_id = ?1 AND kind = 'field' AND"
        + " field = 'note')",
    "DELETE FROM articles WHERE id IN (SELECT article_id FROM journal_entries WHERE journal_id ="
        + " ?1 AND kind = 'created')",
    "DELETE FROM trash_articles WHERE journal_id = ?1",
  };

  private void revert(long journalId) throws SQLException {
    for (String sql : REVERT) {
      try (PreparedStatement st = conn().prepareStatement(sql)) {
        st.setLong(1, journalId);
        st.executeUpdate();
      }
    }
  }
}
