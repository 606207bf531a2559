package dossier.store;

import dossier.core.Tags;
import dossier.core.UsageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tags: counts, and renames, merges and deletions of whole subtrees ({@code a} and {@code a/...}).
 * Every change is journaled.
 */
public final class TagRepository {
  /** A tag and how many articles carry it. */
  public record TagCount(String name, long count) {}

  private final Archive archive;

  TagRepository(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /** The tag's id, creating it in the given case when it is new. */
  long ensure(String normalized) throws SQLException {
    Optional<Long> id = find(normalized);
    if (id.isPresent()) {
      return id.get();
    }
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "INSERT INTO tags(name, key) VALUES (?,?)", Statement.RETURN_GENERATED_KEYS)) {
      st.setString(1, normalized);
      st.setString(2, Tags.key(normalized));
      st.executeUpdate();
      try (ResultSet rs = st.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  Optional<Long> find(String normalized) throws SQLException {
    try (PreparedStatement st = conn().prepareStatement("SELECT id FROM tags WHERE key = ?")) {
      st.setString(1, Tags.key(normalized));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * Tags a rename, merge or deletion removed ('tagrow') come back with their ids, and renamed ones
   * ('tagname') get their old names and keys.
   */
  static List<String> undoTagRows(Engine engine) {
    return List.of(
        engine.insertIgnore(
            "tags(id, name, key) SELECT tag_id, old, field FROM journal_entries WHERE journal_id ="
                + " ? AND kind = 'tagrow'"),
        "UPDATE tags SET name = (SELECT old FROM journal_entries e WHERE e.journal_id = ? AND"
            + " e.kind = 'tagname' AND e.tag_id = tags.id), key = (SELECT field FROM"
            + " journal_entries e WHERE e.journal_id = ? AND e.kind = 'tagname' AND e.tag_id ="
            + " tags.id) WHERE id IN (SELECT tag_id FROM journal_entries WHERE journal_id = ? AND"
            + " kind = 'tagname')");
  }

  /** How many distinct articles a journaled change touched. */
  public int articlesChanged(long journal) {
    try {
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "SELECT count(DISTINCT article_id) FROM journal_entries WHERE journal_id = ?")) {
        st.setLong(1, journal);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot count the changed articles", e), e);
    }
  }

  /** Every tag carried by at least one article, by name, with its count. */
  public List<TagCount> counts() {
    List<TagCount> out = new ArrayList<>();
    try (PreparedStatement st =
            conn()
                .prepareStatement(
                    "SELECT t.name, count(*) FROM tags t JOIN article_tags x ON x.tag_id = t.id"
                        + " GROUP BY t.id ORDER BY t.key");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(new TagCount(rs.getString(1), rs.getLong(2)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read tags", e), e);
    }
  }

  /** How many articles hold the tag {@code normalized} or one below it, each article once. */
  public long articlesUnder(String normalized) {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT count(DISTINCT x.article_id) FROM tags t JOIN article_tags x ON x.tag_id"
                    + " = t.id WHERE "
                    + inSubtree("t.key"))) {
      bindSubtree(st, normalized);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read tags", e), e);
    }
  }

  /**
   * The test that {@code key} (a tag's key column) is the key of a tag or of one below it; {@link
   * #bindSubtree} binds its three parameters.
   */
  private static String inSubtree(String key) {
    return key + " = ? OR (" + key + " >= ? AND " + key + " < ?)";
  }

  /** Binds {@link #inSubtree}'s parameters, from 1, for the tag {@code normalized}. */
  private static void bindSubtree(PreparedStatement st, String normalized) throws SQLException {
    String key = Tags.key(normalized);
    st.setString(1, key);
    st.setString(2, key + "/");
    st.setString(3, key + "0"); // '0' sorts right after '/'
  }

  /** Ids and names of a tag and its children, parents first. */
  private List<Object[]> subtree(String normalized) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT id, name FROM tags WHERE " + inSubtree("key") + " ORDER BY key")) {
      bindSubtree(st, normalized);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Object[] {rs.getLong(1), rs.getString(2)});
        }
      }
    }
    return out;
  }

  /**
   * Renames a tag and its children ({@code a/b} becomes {@code new/b}); returns how many tags were
   * renamed. A target name that another tag already has is an error: merge instead.
   */
  public int rename(long journal, String from, String to) {
    try {
      List<Object[]> tags = subtree(from);
      if (tags.isEmpty()) {
        throw new UsageException("no tag '" + from + "'");
      }
      String fromKey = Tags.key(from);
      String toKey = Tags.key(to);
      if (toKey.startsWith(fromKey + "/")) {
        throw new UsageException("cannot rename '" + from + "' into its own child '" + to + "'");
      }
      for (Object[] t : tags) {
        String oldName = (String) t[1];
        String newName = to + oldName.substring(from.length());
        Optional<Long> clash = find(newName);
        if (clash.isPresent() && clash.get() != (long) t[0]) {
          throw new UsageException(
              "tag '"
                  + newName
                  + "' already exists; use 'dossier tags merge "
                  + oldName
                  + " --into "
                  + newName
                  + "'");
        }
      }
      try (PreparedStatement st =
          conn().prepareStatement("UPDATE tags SET name=?, key=? WHERE id=?")) {
        for (Object[] t : tags) {
          String oldName = (String) t[1];
          String newName = to + oldName.substring(from.length());
          archive
              .journal()
              .entry(journal, "tagname", null, (Long) t[0], Tags.key(oldName), oldName);
          st.setString(1, newName);
          st.setString(2, Tags.key(newName));
          st.setLong(3, (Long) t[0]);
          st.executeUpdate();
        }
      }
      return tags.size();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot rename the tag", e), e);
    }
  }

  /**
   * Moves every article of {@code from} to {@code into} and deletes {@code from}; returns links
   * moved.
   */
  public int merge(long journal, String from, String into) {
    try {
      Optional<Long> src = find(from);
      if (src.isEmpty()) {
        throw new UsageException("no tag '" + from + "'");
      }
      long dst = ensure(into);
      if (dst == src.get()) {
        return 0;
      }
      int moved;
      try (PreparedStatement j =
              conn()
                  .prepareStatement(
                      "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id) SELECT ?,"
                          + " 'tag+', x.article_id, ? FROM article_tags x WHERE x.tag_id = ? AND NOT"
                          + " EXISTS (SELECT 1 FROM article_tags y WHERE y.article_id = x.article_id"
                          + " AND y.tag_id = ?)");
          PreparedStatement link =
              conn()
                  .prepareStatement(
                      archive
                          .engine()
                          .insertIgnore(
                              "article_tags(article_id, tag_id) SELECT article_id, ? FROM"
                                  + " article_tags WHERE tag_id = ?"))) {
        j.setLong(1, journal);
        j.setLong(2, dst);
        j.setLong(3, src.get());
        j.setLong(4, dst);
        j.executeUpdate();
        link.setLong(1, dst);
        link.setLong(2, src.get());
        moved = link.executeUpdate();
      }
      deleteTag(journal, src.get());
      return moved;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot merge the tags", e), e);
    }
  }

  /** Deletes a tag and its children from every article; returns how many links were removed. */
  public int delete(long journal, String name) {
    try {
      List<Object[]> tags = subtree(name);
      if (tags.isEmpty()) {
        throw new UsageException("no tag '" + name + "'");
      }
      int n = 0;
      for (Object[] t : tags) {
        n += deleteTag(journal, (Long) t[0]);
      }
      return n;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot delete the tag", e), e);
    }
  }

  private int deleteTag(long journal, long tagId) throws SQLException {
    try (PreparedStatement j =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id) SELECT ?,"
                        + " 'tag-', article_id, tag_id FROM article_tags WHERE tag_id = ?");
        PreparedStatement row =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, tag_id, field, old) SELECT ?,"
                        + " 'tagrow', id, key, name FROM tags WHERE id = ?");
        PreparedStatement del = conn().prepareStatement("DELETE FROM tags WHERE id = ?")) {
      j.setLong(1, journal);
      j.setLong(2, tagId);
      int n = j.executeUpdate();
      row.setLong(1, journal);
      row.setLong(2, tagId);
      row.executeUpdate();
      del.setLong(1, tagId);
      del.executeUpdate();
      return n;
    }
  }
}
