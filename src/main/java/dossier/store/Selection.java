package dossier.store;

import dossier.core.Status;
import dossier.query.CompiledQuery;
import dossier.query.PersonState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A set of articles a change applies to, handed out by {@link Archive#select} inside one {@link
 * Archive#write}: every change made through it works on this set alone, with set-based SQL, and
 * writes its journal entries beside it so that undo can revert it. The set lives in a temporary
 * table of its own, so two handles of one transaction never mix; a handle used after its
 * transaction ended fails instead of acting on whatever another change selected.
 */
public final class Selection {
  private final Archive archive;
  private final long transaction;
  private final String name;
  private final String table;

  Selection(Archive archive, long transaction, int number) {
    this.archive = archive;
    this.transaction = transaction;
    // the number comes from a counter, never from user text
    this.name = "sel_" + number;
    this.table = archive.engine().temp(name);
  }

  private Connection conn() {
    if (!archive.isOpen(transaction)) {
      throw new IllegalStateException("a selection is used after the transaction that made it");
    }
    return archive.connection();
  }

  private void create() throws SQLException {
    try (Statement st = conn().createStatement()) {
      st.execute("CREATE TEMP TABLE IF NOT EXISTS " + name + "(id INTEGER PRIMARY KEY)");
      st.execute("DELETE FROM " + table);
    }
  }

  Selection fill(CompiledQuery q) {
    try {
      create();
      StringBuilder sql =
          new StringBuilder("INSERT INTO " + table + "(id) SELECT a.id FROM articles a");
      List<Object> params = new ArrayList<>();
      ArticleRepository.appendFilter(archive.engine(), sql, params, q);
      try (PreparedStatement st = conn().prepareStatement(sql.toString())) {
        ArticleRepository.bind(st, params);
        st.executeUpdate();
      }
      return this;
    } catch (SQLException e) {
      throw fail("cannot select articles", e);
    }
  }

  Selection fill(Collection<Long> ids) {
    try {
      create();
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  archive
                      .engine()
                      .insertIgnore(table + "(id) SELECT id FROM articles WHERE id = ?"))) {
        for (long id : ids) {
          st.setLong(1, id);
          st.executeUpdate();
        }
      }
      return this;
    } catch (SQLException e) {
      throw fail("cannot select articles", e);
    }
  }

  /** Narrows the selection to the articles that also match {@code q}; returns how many are left. */
  public int retain(CompiledQuery q) {
    StringBuilder sql = new StringBuilder("SELECT a.id FROM articles a");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(archive.engine(), sql, params, q);
    try (PreparedStatement st =
        conn().prepareStatement("DELETE FROM " + table + " WHERE id NOT IN (" + sql + ")")) {
      ArticleRepository.bind(st, params);
      st.executeUpdate();
    } catch (SQLException e) {
      throw fail("cannot select articles", e);
    }
    return count();
  }

  /** How many articles are selected. */
  public int count() {
    try (Statement st = conn().createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw fail("cannot count the selected articles", e);
    }
  }

  /**
   * Tags {@link #addTag} added ('tag+') come off; tags {@link #removeTag}, {@link #delete} or a tag
   * merge or deletion took off ('tag-') go back on, where the article and tag exist.
   */
  static List<String> undoTags(Engine engine) {
    return List.of(
        "DELETE FROM article_tags WHERE (article_id, tag_id) IN (SELECT article_id, tag_id FROM"
            + " journal_entries WHERE journal_id = ? AND kind = 'tag+')",
        engine.insertIgnore(
            "article_tags(article_id, tag_id) SELECT e.article_id, e.tag_id FROM journal_entries e"
                + " WHERE e.journal_id = ? AND e.kind = 'tag-' AND EXISTS (SELECT 1 FROM articles a"
                + " WHERE a.id = e.article_id) AND EXISTS (SELECT 1 FROM tags t WHERE t.id ="
                + " e.tag_id)"));
  }

  /**
   * Adds the tag (a normalized name, created when it is new) to every selected article that lacks
   * it, journaled as {@code tag+} (undo unlinks them); returns how many got it.
   */
  public int addTag(long journal, String normalized) {
    try {
      long tagId = archive.tags().ensure(normalized);
      try (PreparedStatement j =
              conn()
                  .prepareStatement(
                      "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id) SELECT ?,"
                          + " 'tag+', s.id, ? FROM "
                          + table
                          + " s WHERE NOT EXISTS (SELECT 1 FROM article_tags x WHERE"
                          + " x.article_id = s.id AND x.tag_id = ?)");
          PreparedStatement link =
              conn()
                  .prepareStatement(
                      archive
                          .engine()
                          .insertIgnore(
                              "article_tags(article_id, tag_id) SELECT s.id, ? FROM "
                                  + table
                                  + " s"))) {
        j.setLong(1, journal);
        j.setLong(2, tagId);
        j.setLong(3, tagId);
        j.executeUpdate();
        link.setLong(1, tagId);
        return link.executeUpdate();
      }
    } catch (SQLException e) {
      throw fail("cannot tag articles", e);
    }
  }

  /**
   * Removes the tag from every selected article that has it, journaled as {@code tag-} (undo links
   * them again); returns how many lost it.
   */
  public int removeTag(long journal, String normalized) {
    try {
      Optional<Long> tagId = archive.tags().find(normalized);
      if (tagId.isEmpty()) {
        return 0;
      }
      try (PreparedStatement j =
              conn()
                  .prepareStatement(
                      "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id) SELECT ?,"
                          + " 'tag-', x.article_id, x.tag_id FROM article_tags x WHERE x.tag_id ="
                          + " ? AND x.article_id IN (SELECT id FROM "
                          + table
                          + ")");
          PreparedStatement unlink =
              conn()
                  .prepareStatement(
                      "DELETE FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT id FROM "
                          + table
                          + ")")) {
        j.setLong(1, journal);
        j.setLong(2, tagId.get());
        j.executeUpdate();
        unlink.setLong(1, tagId.get());
        return unlink.executeUpdate();
      }
    } catch (SQLException e) {
      throw fail("cannot untag articles", e);
    }
  }

  /** Fields {@link #setField} changed ('field') get their old values back. */
  static List<String> undoFields(Engine engine) {
    boolean pg = engine == Engine.POSTGRES;
    return List.of(
        pg ? undoPersons("status", "e.old") : undoArticles("status", "old"),
        pg
            ? undoPersons("starred", "CAST(e.old AS INTEGER)")
            : undoArticles("starred", "CAST(old AS BIGINT)"),
        undoArticles("note", "old"));
  }

  /** The article's own {@code field} goes back to the journal entry's {@code old} value. */
  private static String undoArticles(String field, String old) {
    return "UPDATE articles SET "
        + field
        + " = (SELECT "
        + old
        + " FROM journal_entries e WHERE e.journal_id = ? AND e.kind = 'field' AND e.field = '"
        + field
        + "' AND e.article_id = articles.id) WHERE id IN (SELECT article_id FROM journal_entries"
        + " WHERE journal_id = ? AND kind = 'field' AND field = '"
        + field
        + "')";
  }

  /**
   * On a server, a status or star a change set goes back to what the change's author saw before:
   * that person's own, whoever undoes it (the author is the session's person when it was made).
   */
  private static String undoPersons(String field, String old) {
    return "INSERT INTO person_state(article_id, person, "
        + field
        + ") SELECT e.article_id, coalesce(j.author, ''), "
        + old
        + " FROM journal_entries e JOIN journal j ON j.id = e.journal_id WHERE e.journal_id = ?"
        + " AND e.kind = 'field' AND e.field = '"
        + field
        + "' AND EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id) ON CONFLICT"
        + " (article_id, person) DO UPDATE SET "
        + field
        + " = excluded."
        + field;
  }

  /** Sets the status of every selected article; returns how many changed. */
  public int setStatus(long journal, Status status) {
    return setField(journal, "status", status.label());
  }

  /** Stars or unstars every selected article; returns how many changed. */
  public int setStarred(long journal, boolean starred) {
    return setField(journal, "starred", starred ? 1 : 0);
  }

  /** Sets (or, with null, clears) the note of every selected article; returns how many changed. */
  public int setNote(long journal, String note) {
    return setField(journal, "note", note);
  }

  /**
   * Sets {@code field} (one of the constant names above, never user text) of every selected
   * article, journaled as {@code field} with the old value (undo writes it back).
   */
  private int setField(long journal, String field, Object value) {
    // on a server, status and star are each person's own (see PersonState)
    boolean person = archive.engine() == Engine.POSTGRES && !field.equals("note");
    String current = PersonState.read(field, person);
    try (PreparedStatement j =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id, field, old) SELECT"
                        + " ?, 'field', a.id, ?, "
                        + current
                        + " FROM articles a WHERE a.id IN (SELECT id FROM "
                        + table
                        + ") AND "
                        + current
                        + " IS DISTINCT FROM ?");
        PreparedStatement up =
            conn()
                .prepareStatement(
                    person
                        ? "INSERT INTO person_state(article_id, person, "
                            + field
                            + ") SELECT a.id, "
                            + PersonState.PERSON
                            + ", ? FROM articles a WHERE a.id IN (SELECT id FROM "
                            + table
                            + ") AND "
                            + current
                            + " IS DISTINCT FROM ? ON CONFLICT (article_id, person) DO UPDATE SET "
                            + field
                            + " = excluded."
                            + field
                        : "UPDATE articles SET "
                            + field
                            + " = ? WHERE id IN (SELECT id FROM "
                            + table
                            + ") AND "
                            + field
                            + " IS DISTINCT FROM ?")) {
      j.setLong(1, journal);
      j.setString(2, field);
      j.setObject(3, value);
      j.executeUpdate();
      up.setObject(1, value);
      up.setObject(2, value);
      return up.executeUpdate();
    } catch (SQLException e) {
      throw fail("cannot change the " + field + " of articles", e);
    }
  }

  /** The columns of an earlier version and of a fetch record, as their trash copies have them. */
  private static final String VERSION_COLUMNS =
      "article_id, version, since, title, published, body, content_hash, original, original_size";

  /** The columns of each person's state of an article, as its trash copy has them. */
  private static final String PERSON_COLUMNS = "article_id, person, status, starred";

  private static final String FETCH_COLUMNS =
      "article_id, url, url_key, final_url, status, fetched, headers, changed";

  /**
   * Articles {@link #delete} removed ('deleted') come back with their ids, originals, earlier
   * versions, fetch records and each person's status and star; their tags come back with the 'tag-'
   * entries (see {@link #undoTags}).
   */
  static List<String> undoDeleted(Engine engine) {
    return List.of(
        "INSERT INTO articles("
            + Columns.names(Columns.ROW, null)
            + ") SELECT "
            + Columns.names(Columns.ROW, "t")
            + " FROM trash_articles t JOIN journal_entries e ON e.journal_id = t.journal_id AND"
            + " e.article_id = t.id AND e.kind = 'deleted' WHERE t.journal_id = ?",
        engine.upsert(
            "originals",
            "article_id",
            ArticleWriter.ORIGINAL_COLUMNS,
            "SELECT t.id, t.original_size, t.original FROM trash_articles t WHERE t.journal_id = ?"
                + " AND t.original IS NOT NULL"),
        "INSERT INTO versions("
            + VERSION_COLUMNS
            + ") SELECT "
            + VERSION_COLUMNS
            + " FROM trash_versions WHERE journal_id = ?",
        "INSERT INTO person_state("
            + PERSON_COLUMNS
            + ") SELECT "
            + PERSON_COLUMNS
            + " FROM trash_person_state WHERE journal_id = ?",
        // fresh ids in the kept order: a fetch made since may have taken an old one
        "INSERT INTO fetches("
            + FETCH_COLUMNS
            + ") SELECT "
            + FETCH_COLUMNS
            + " FROM trash_fetches WHERE journal_id = ? ORDER BY id");
  }

  /**
   * Deletes the selected articles, keeping their rows, originals, earlier versions, fetch records,
   * each person's status and star, and tags in the journal ({@code deleted} and {@code tag-}) so
   * undo can bring them back; returns how many were deleted.
   */
  public int delete(long journal) {
    String ids = " (SELECT id FROM " + table + ")";
    try (PreparedStatement trash =
            conn().prepareStatement("INSERT INTO " + Journal.TRASH + " WHERE a.id IN" + ids);
        PreparedStatement versions =
            conn()
                .prepareStatement(
                    "INSERT INTO trash_versions(journal_id, "
                        + VERSION_COLUMNS
                        + ") SELECT ?, "
                        + VERSION_COLUMNS
                        + " FROM versions WHERE article_id IN"
                        + ids);
        PreparedStatement fetches =
            conn()
                .prepareStatement(
                    "INSERT INTO trash_fetches(journal_id, id, "
                        + FETCH_COLUMNS
                        + ") SELECT ?, id, "
                        + FETCH_COLUMNS
                        + " FROM fetches WHERE article_id IN"
                        + ids);
        PreparedStatement persons =
            conn()
                .prepareStatement(
                    "INSERT INTO trash_person_state(journal_id, "
                        + PERSON_COLUMNS
                        + ") SELECT ?, "
                        + PERSON_COLUMNS
                        + " FROM person_state WHERE article_id IN"
                        + ids);
        PreparedStatement tags =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id, tag_id) SELECT ?,"
                        + " 'tag-', article_id, tag_id FROM article_tags WHERE article_id IN"
                        + ids);
        PreparedStatement entries =
            conn()
                .prepareStatement(
                    "INSERT INTO journal_entries(journal_id, kind, article_id) SELECT ?,"
                        + " 'deleted', id FROM "
                        + table);
        PreparedStatement del = conn().prepareStatement("DELETE FROM articles WHERE id IN" + ids)) {
      trash.setLong(1, journal);
      trash.executeUpdate();
      versions.setLong(1, journal);
      versions.executeUpdate();
      fetches.setLong(1, journal);
      fetches.executeUpdate();
      persons.setLong(1, journal);
      persons.executeUpdate();
      tags.setLong(1, journal);
      tags.executeUpdate();
      entries.setLong(1, journal);
      entries.executeUpdate();
      return del.executeUpdate();
    } catch (SQLException e) {
      throw fail("cannot delete articles", e);
    }
  }

  private static StoreException fail(String what, SQLException e) {
    return new StoreException(Archive.describe(what, e), e);
  }
}
