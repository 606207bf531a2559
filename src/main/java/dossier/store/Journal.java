package dossier.store;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.DossierException;
import dossier.core.NotFoundException;
import dossier.similar.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The change journal: every command that changes the archive records what it did, in the same
 * transaction as the change, so {@link #undo} can revert it exactly.
 */
public final class Journal {
  /** One recorded change; {@code author} is null for one recorded before authors were kept. */
  public record Change(
      long id, String at, String command, String summary, boolean undone, String author) {}

  private final Archive archive;
  private PreparedStatement entry;

  /** Who the changes recorded from now on are by; null when unknown. */
  private String author;

  Journal(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /**
   * Names the person whose changes are recorded from now on; on a server, also the person whose
   * read status and stars this session reads and sets (see {@link dossier.query.PersonState}).
   */
  public void setAuthor(String author) {
    this.author = author == null || author.isBlank() ? null : author.strip();
    archive.setPerson(this.author);
  }

  /** Who the changes recorded from now on are by; null when unknown. */
  public String author() {
    return author;
  }

  /** Starts a change; call inside {@link Archive#write}. */
  public long begin(String command, String summary) {
    try {
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "INSERT INTO journal(at, command, summary, author) VALUES (?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        st.setString(2, command);
        st.setString(3, summary);
        st.setString(4, author);
        st.executeUpdate();
        try (ResultSet rs = st.getGeneratedKeys()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write the journal", e), e);
    }
  }

  public void setSummary(long id, String summary) {
    try {
      try (PreparedStatement st =
          conn().prepareStatement("UPDATE journal SET summary=? WHERE id=?")) {
        st.setString(1, summary);
        st.setLong(2, id);
        st.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write the journal", e), e);
    }
  }

  /**
   * Removes a change that turned out to change nothing, so undo skips it; returns the change's id,
   * or 0 when it was removed.
   */
  public long discardIfEmpty(long id) {
    try {
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "DELETE FROM journal WHERE id = ? AND NOT EXISTS"
                      + " (SELECT 1 FROM journal_entries WHERE journal_id = ?)")) {
        st.setLong(1, id);
        st.setLong(2, id);
        return st.executeUpdate() > 0 ? 0 : id;
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write the journal", e), e);
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

  /** Articles an import created ('created', see {@link #created}) are deleted. */
  static final List<String> UNDO_CREATED =
      List.of(
          "DELETE FROM articles WHERE id IN (SELECT article_id FROM journal_entries WHERE journal_id ="
              + " ? AND kind = 'created')");

  /** Records that an import created these articles; undo deletes them. */
  public void created(long journal, List<Long> articleIds) {
    try {
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "INSERT INTO journal_entries(journal_id, kind, article_id)"
                      + " SELECT ?, 'created', j.value FROM "
                      + archive.engine().ids("j"))) {
        st.setLong(1, journal);
        st.setString(2, articleIds.toString());
        st.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write the journal", e), e);
    }
  }

  /**
   * Articles an import, reextract or edit replaced ('updated', see {@link #beforeUpdate}) get their
   * old text and metadata back; their hashes are first moved aside so that putting one back never
   * collides with another's.
   */
  static final List<String> UNDO_UPDATED =
      List.of(
          "UPDATE articles SET content_hash = 'undo:' || id WHERE id IN (SELECT article_id FROM"
              + " journal_entries WHERE journal_id = ? AND kind = 'updated')",
          "UPDATE articles SET "
              + Columns.copyFrom(
                  Columns.REIMPORTED,
                  "t",
                  "trash_articles t WHERE t.journal_id = ? AND t.id = articles.id")
              + " WHERE id IN (SELECT article_id FROM journal_entries WHERE journal_id = ? AND kind ="
              + " 'updated')");

  /**
   * Keeps the current text and metadata of an article an import, re-extraction or edit is about to
   * replace; undo puts them back.
   */
  public void beforeUpdate(long journal, long articleId) {
    try {
      try (PreparedStatement st =
          conn().prepareStatement(archive.engine().insertIgnore(TRASH + " WHERE a.id = ?"))) {
        st.setLong(1, journal);
        st.setLong(2, articleId);
        st.executeUpdate();
      }
      entry(journal, "updated", articleId, null, null, null);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write the journal", e), e);
    }
  }

  /**
   * The head of a statement that copies article rows, with their originals, into the trash of the
   * journal record bound first; a WHERE on {@code a} follows.
   */
  static final String TRASH =
      "trash_articles(journal_id, "
          + Columns.names(Columns.ROW, null)
          + ", original_size, original) SELECT ?, "
          + Columns.names(Columns.ROW, "a")
          + ", o.size, o.data FROM articles a LEFT JOIN originals o ON o.article_id = a.id";

  /** Records that a saved search was added; undo removes it. */
  void savedAdded(long journal, String name) throws SQLException {
    entry(journal, "saved+", null, null, name, null);
  }

  /** Keeps a saved search about to be removed or replaced; undo puts it back. */
  void savedRemoved(long journal, String name) throws SQLException {
    keep(journal, "trash_saved", "name, query, created", "saved_searches WHERE name = ?", name);
    entry(journal, "saved-", null, null, name, null);
  }

  /** Records that a rule was added; undo removes it. */
  void ruleAdded(long journal, long ruleId) throws SQLException {
    entry(journal, "rule+", null, ruleId, null, null);
  }

  /** Keeps a rule about to be removed; undo puts it back with its id. */
  void ruleRemoved(long journal, long ruleId) throws SQLException {
    keep(journal, "trash_rules", "id, query, tag, created", "rules WHERE id = ?", ruleId);
    entry(journal, "rule-", null, ruleId, null, null);
  }

  /** Copies the row {@code from} names (by {@code key}) into a trash table of this change. */
  private void keep(long journal, String trash, String columns, String from, Object key)
      throws SQLException {
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                archive
                    .engine()
                    .insertIgnore(
                        trash
                            + "(journal_id, "
                            + columns
                            + ") SELECT ?, "
                            + columns
                            + " FROM "
                            + from))) {
      st.setLong(1, journal);
      st.setObject(2, key);
      st.executeUpdate();
    }
  }

  /** The most recent changes, newest first. */
  public List<Change> recent(int limit) {
    List<Change> out = new ArrayList<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT id, at, command, summary, undone, author FROM journal ORDER BY id DESC LIMIT ?")) {
      // all: the largest number, as SQLite's -1 is refused by PostgreSQL
      st.setLong(1, limit <= 0 ? Long.MAX_VALUE : limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(change(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read the change log", e), e);
    }
  }

  /**
   * What an undo reverted: the changes, newest first, and for each the lines that say what was put
   * back.
   */
  public record Undone(List<Change> changes, List<List<String>> what) {}

  /** Thrown when the change to undo is no longer the latest one. */
  public static final class LaterChanges extends DossierException {
    public final List<Change> later;

    LaterChanges(String message, List<Change> later) {
      super(message);
      this.later = later;
    }
  }

  /** Reverts the most recent change not yet undone, in one transaction; empty when none is left. */
  public Optional<Undone> undoLast() {
    return archive.writeSql(
        () -> {
          List<Change> open = notUndone(0);
          if (open.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(revertAll(open.subList(0, 1)));
        });
  }

  /**
   * Reverts the most recent change not yet undone that {@code author} made (or one recorded before
   * authors were kept), in one transaction; empty when there is none. When someone else changed the
   * archive after it, nothing is reverted and {@link LaterChanges} names those changes, unless
   * {@code withLater} asks to undo them too (newest first).
   */
  public Optional<Undone> undoLastBy(String author, boolean withLater) {
    return archive.writeSql(
        () -> {
          Long id = null;
          try (PreparedStatement st =
              conn()
                  .prepareStatement(
                      "SELECT max(id) FROM journal WHERE undone = 0 AND (author IS NULL OR author"
                          + " = ?)")) {
            st.setString(1, author);
            try (ResultSet rs = st.executeQuery()) {
              if (rs.next()) {
                long v = rs.getLong(1);
                id = rs.wasNull() ? null : v;
              }
            }
          }
          return id == null ? Optional.empty() : Optional.of(undoIn(id, withLater));
        });
  }

  /**
   * Reverts change {@code id}, in one transaction with the check that nothing was changed after it:
   * when other changes not yet undone came later, nothing is reverted and {@link LaterChanges}
   * names them, unless {@code withLater} asks to undo them too (newest first).
   */
  public Undone undo(long id, boolean withLater) {
    return archive.writeSql(() -> undoIn(id, withLater));
  }

  private Undone undoIn(long id, boolean withLater) throws SQLException {
    Change target = null;
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT id, at, command, summary, undone, author FROM journal WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          target = change(rs);
        }
      }
    }
    if (target == null) {
      throw new NotFoundException("no change #" + id + " in the journal ('dossier log')");
    }
    if (target.undone()) {
      throw new DossierException(
          "change #" + id + " (" + target.command() + ") was already undone");
    }
    List<Change> later = notUndone(id, target.author());
    if (!later.isEmpty() && !withLater) {
      StringBuilder m =
          new StringBuilder("change #")
              .append(id)
              .append(" is no longer the latest; nothing was undone. Made after it:");
      for (Change c : later) {
        m.append("\n  #").append(c.id()).append(' ').append(c.command());
        if (c.author() != null) {
          m.append(" by ").append(c.author());
        }
        m.append(": ").append(c.summary());
      }
      m.append("\n(--with-later undoes those too, newest first)");
      throw new LaterChanges(m.toString(), later);
    }
    List<Change> all = new ArrayList<>(later);
    all.add(target);
    return revertAll(all);
  }

  /**
   * A later change that {@link #undoIn} may pass over on a server: another person's that only set
   * their own status or stars, which nobody else's undo touches (the parameter is the author of the
   * change undone).
   */
  private static final String OTHERS_OWN =
      " AND NOT (j.author IS DISTINCT FROM ? AND EXISTS (SELECT 1 FROM journal_entries e WHERE"
          + " e.journal_id = j.id) AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE"
          + " e.journal_id = j.id AND NOT (e.kind = 'field' AND e.field IN ('status',"
          + " 'starred'))))";

  /** The changes not yet undone with an id above {@code after}, newest first. */
  private List<Change> notUndone(long after) throws SQLException {
    return notUndone(after, null, false);
  }

  /**
   * The changes not yet undone after {@code after} that its undo must take back first or refuse
   * over: all of them on a file; on a server, all but {@link #OTHERS_OWN}.
   */
  private List<Change> notUndone(long after, String author) throws SQLException {
    return notUndone(after, author, archive.engine() == Engine.POSTGRES);
  }

  private List<Change> notUndone(long after, String author, boolean passOthersOwn)
      throws SQLException {
    List<Change> out = new ArrayList<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT id, at, command, summary, undone, author FROM journal j WHERE undone = 0"
                    + " AND id > ?"
                    + (passOthersOwn ? OTHERS_OWN : "")
                    + " ORDER BY id DESC")) {
      st.setLong(1, after);
      if (passOthersOwn) {
        st.setString(2, author);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(change(rs));
        }
      }
    }
    return out;
  }

  private static Change change(ResultSet rs) throws SQLException {
    return new Change(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5) != 0,
        rs.getString(6));
  }

  /** Reverts {@code changes} in the order given (newest first), saying what each put back. */
  private Undone revertAll(List<Change> changes) throws SQLException {
    List<Change> done = new ArrayList<>();
    List<List<String>> what = new ArrayList<>();
    for (Change c : changes) {
      what.add(describe(c.id()));
      revert(c.id());
      refreshFingerprints(c.id());
      try (PreparedStatement st =
          conn().prepareStatement("UPDATE journal SET undone=1 WHERE id=?")) {
        st.setLong(1, c.id());
        st.executeUpdate();
      }
      done.add(new Change(c.id(), c.at(), c.command(), c.summary(), true, c.author()));
    }
    return new Undone(done, what);
  }

  /**
   * The articles a change replaced have their old bodies back: their fingerprints follow, so that
   * copies are found by the text the archive holds.
   */
  private void refreshFingerprints(long journalId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    query(
        "SELECT a.id, a.body FROM articles a JOIN journal_entries e ON e.article_id = a.id WHERE"
            + " e.journal_id = ? AND e.kind = 'updated'",
        journalId,
        rs -> {
          ids.add(rs.getLong(1));
          bodies.add(rs.getString(2));
        });
    for (int i = 0; i < ids.size(); i++) {
      archive.copies().refresh(ids.get(i), Fingerprint.of(bodies.get(i)));
    }
  }

  /** The kept rows of the change, once everything is back. */
  static final List<String> EMPTY_TRASH =
      List.of(
          "DELETE FROM trash_articles WHERE journal_id = ?",
          "DELETE FROM trash_versions WHERE journal_id = ?",
          "DELETE FROM trash_fetches WHERE journal_id = ?",
          "DELETE FROM trash_person_state WHERE journal_id = ?",
          "DELETE FROM trash_saved WHERE journal_id = ?",
          "DELETE FROM trash_rules WHERE journal_id = ?");

  /**
   * Each step reverts one kind of entry, written beside the write that records it; the order undoes
   * the kinds' dependencies: deleted articles come back before their tags, replaced ones get their
   * text back, tags their rows and names before articles their links, and the trash goes last.
   * Every parameter of a step stands for the id of the change undone.
   */
  static List<String> revertSteps(Engine engine) {
    return Stream.of(
            Selection.undoDeleted(engine),
            UNDO_UPDATED,
            FetchRepository.UNDO,
            TagRepository.undoTagRows(engine),
            Selection.undoTags(engine),
            Selection.undoFields(engine),
            UNDO_CREATED,
            SavedSearchRepository.undo(engine),
            RuleRepository.undo(engine),
            StoryRepository.undo(engine),
            EMPTY_TRASH)
        .flatMap(List::stream)
        .toList();
  }

  /** Each engine's revert statements, made on the first undo: a search never needs them. */
  private static final class Revert {
    static final Map<Engine, List<String>> STEPS = new EnumMap<>(Engine.class);

    static {
      for (Engine e : Engine.values()) {
        STEPS.put(e, revertSteps(e));
      }
    }
  }

  /** Articles named one by one in what an undo says; beyond, they are counted. */
  private static final int NAMED = 5;

  /** What reverting change {@code journalId} puts back, a line a kind of entry. */
  private List<String> describe(long journalId) throws SQLException {
    List<String> out = new ArrayList<>();
    query(
        "SELECT min(coalesce(t.name, r.old, '#' || e.tag_id)), e.kind, count(*) FROM"
            + " journal_entries e"
            + " LEFT JOIN tags t ON t.id = e.tag_id LEFT JOIN journal_entries r ON r.journal_id ="
            + " e.journal_id AND r.kind = 'tagrow' AND r.tag_id = e.tag_id WHERE e.journal_id = ?"
            + " AND e.kind IN ('tag+', 'tag-') GROUP BY e.kind, e.tag_id ORDER BY e.kind, 1",
        journalId,
        rs ->
            out.add(
                (rs.getString(2).equals("tag+") ? "took tag " : "put tag ")
                    + rs.getString(1)
                    + (rs.getString(2).equals("tag+") ? " off " : " back on ")
                    + articles(rs.getLong(3))));
    query(
        "SELECT field, count(*) FROM journal_entries WHERE journal_id = ? AND kind = 'field'"
            + " GROUP BY field ORDER BY field",
        journalId,
        rs ->
            out.add("put back the earlier " + rs.getString(1) + " of " + articles(rs.getLong(2))));
    for (String kind : List.of("created", "deleted")) {
      List<Long> ids = new ArrayList<>();
      query(
          "SELECT article_id FROM journal_entries WHERE journal_id = ? AND kind = '"
              + kind
              + "' ORDER BY article_id",
          journalId,
          rs -> ids.add(rs.getLong(1)));
      if (!ids.isEmpty()) {
        out.add(
            (kind.equals("created") ? "deleted the " : "brought back the deleted ")
                + articles(ids.size())
                + (kind.equals("created") ? " it imported" : "")
                + " ("
                + named(ids)
                + ")");
      }
    }
    describeUpdated(journalId, out);
    query(
        "SELECT article_id, field FROM journal_entries WHERE journal_id = ? AND kind = 'version'"
            + " ORDER BY article_id",
        journalId,
        rs ->
            out.add(
                "took back version "
                    + (Integer.parseInt(rs.getString(2)) + 1)
                    + " of article #"
                    + rs.getLong(1)));
    query(
        "SELECT t.name, e.old FROM journal_entries e LEFT JOIN tags t ON t.id = e.tag_id"
            + " WHERE e.journal_id = ? AND e.kind = 'tagname' ORDER BY e.old",
        journalId,
        rs -> out.add("renamed tag " + rs.getString(1) + " back to " + rs.getString(2)));
    query(
        "SELECT old FROM journal_entries WHERE journal_id = ? AND kind = 'tagrow' ORDER BY old",
        journalId,
        rs -> out.add("brought back tag " + rs.getString(1)));
    query(
        "SELECT e.field, s.query FROM journal_entries e LEFT JOIN saved_searches s ON s.name ="
            + " e.field WHERE e.journal_id = ? AND e.kind = 'saved+' ORDER BY e.field",
        journalId,
        rs -> out.add("removed saved search " + rs.getString(1) + " (" + rs.getString(2) + ")"));
    query(
        "SELECT name, query FROM trash_saved WHERE journal_id = ? ORDER BY name",
        journalId,
        rs -> out.add("brought back saved search " + rs.getString(1) + ": " + rs.getString(2)));
    query(
        "SELECT e.tag_id, r.query, r.tag FROM journal_entries e LEFT JOIN rules r ON r.id ="
            + " e.tag_id WHERE e.journal_id = ? AND e.kind = 'rule+' ORDER BY e.tag_id",
        journalId,
        rs ->
            out.add(
                "removed rule "
                    + rs.getLong(1)
                    + " ("
                    + rs.getString(2)
                    + " → tag "
                    + rs.getString(3)
                    + ")"));
    query(
        "SELECT id, query, tag FROM trash_rules WHERE journal_id = ? ORDER BY id",
        journalId,
        rs ->
            out.add(
                "brought back rule "
                    + rs.getLong(1)
                    + " ("
                    + rs.getString(2)
                    + " → tag "
                    + rs.getString(3)
                    + ")"));
    query(
        "SELECT count(*) FROM journal_entries WHERE journal_id = ? AND kind = 'story'",
        journalId,
        rs -> {
          if (rs.getLong(1) > 0) {
            out.add("put " + articles(rs.getLong(1)) + " back in their stories");
          }
        });
    if (out.isEmpty()) {
      out.add("nothing left to put back");
    }
    return out;
  }

  /**
   * For articles an import, re-extraction or edit replaced: how many, and for the first few, each
   * metadata field that goes back, with its origin.
   */
  private void describeUpdated(long journalId, List<String> out) throws SQLException {
    List<Article[]> pairs = new ArrayList<>();
    long[] total = {0};
    query(
        "SELECT count(*) FROM journal_entries WHERE journal_id = ? AND kind = 'updated'",
        journalId,
        rs -> total[0] = rs.getLong(1));
    if (total[0] == 0) {
      return;
    }
    String cols = Columns.names(Columns.ROW, "t");
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT "
                    + cols
                    + " FROM trash_articles t JOIN journal_entries e ON e.journal_id ="
                    + " t.journal_id AND e.article_id = t.id AND e.kind = 'updated' WHERE"
                    + " t.journal_id = ? ORDER BY t.id LIMIT "
                    + NAMED)) {
      st.setLong(1, journalId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Article old = Columns.read(rs, Columns.ROW, false);
          Article now = archive.articles().get(old.id()).orElse(null);
          pairs.add(new Article[] {old, now});
        }
      }
    }
    out.add("put back the earlier fields of " + articles(total[0]));
    for (Article[] p : pairs) {
      Article old = p[0];
      Article now = p[1];
      if (now == null) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (ArticleField f : ArticleField.METADATA) {
        boolean valueDiffers = !java.util.Objects.equals(f.get(old), f.get(now));
        boolean originDiffers = !java.util.Objects.equals(old.origin(f), now.origin(f));
        if (valueDiffers || originDiffers) {
          Object v = f.get(old);
          String shown =
              f.isEmpty(v)
                  ? "(none)"
                  : "\"" + (v instanceof List<?> l ? String.join("; ", castStrings(l)) : v) + "\"";
          String origin = old.origin(f);
          fields.add(f.json() + " " + shown + (origin == null ? "" : " (" + origin + ")"));
        }
      }
      if (!Objects.equals(old.body(), now.body())) {
        fields.add("its earlier text");
      }
      if (!fields.isEmpty()) {
        out.add("  #" + old.id() + ": " + String.join(", ", fields));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> castStrings(List<?> l) {
    return (List<String>) l;
  }

  private static String articles(long n) {
    return n == 1 ? "1 article" : n + " articles";
  }

  private static String named(List<Long> ids) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(NAMED, ids.size()); i++) {
      b.append(i == 0 ? "#" : ", #").append(ids.get(i));
    }
    if (ids.size() > NAMED) {
      b.append(", …");
    }
    return b.toString();
  }

  /** A row of a query about one journal record. */
  @FunctionalInterface
  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, long journalId, Row row) throws SQLException {
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      st.setLong(1, journalId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }

  private void revert(long journalId) throws SQLException {
    for (String sql : Revert.STEPS.get(archive.engine())) {
      try (PreparedStatement st = conn().prepareStatement(sql)) {
        bindEach(st, sql, journalId);
        st.executeUpdate();
      }
    }
  }

  /**
   * Binds {@code id} to every parameter of {@code sql}, a statement about one change (none of those
   * has a {@code ?} in a literal).
   */
  static void bindEach(PreparedStatement st, String sql, long id) throws SQLException {
    int n = (int) sql.chars().filter(c -> c == '?').count();
    for (int i = 1; i <= n; i++) {
      st.setLong(i, id);
    }
  }
}
