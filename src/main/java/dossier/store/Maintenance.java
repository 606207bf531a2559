package dossier.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looking after the archive file itself: integrity checks (SQLite's, FTS5's and dossier's own
 * invariants), repair of what can be rebuilt, compaction, and facts about the file.
 */
public final class Maintenance {
  /** At most this many lines of SQLite's own integrity report are kept. */
  private static final int MAX_SQLITE_MESSAGES = 100;

  /** One invariant dossier relies on: a query that counts the rows breaking it. */
  private record Invariant(String countSql, String problem, String repairSql) {
    /** The problem for {@code n} rows: "{a|b}" in the text picks a for one row, b for several. */
    String describe(long n) {
      return n + " " + problem.replaceAll("\\{([^|}]*)\\|([^}]*)}", n == 1 ? "$1" : "$2");
    }
  }

  /**
   * The archive's own rules. Foreign keys and triggers keep them while SQLite enforces them, so a
   * broken one means a damaged file, a crash in the middle of a write by a program that turned
   * foreign keys off, or a change made by hand.
   */
  private static final List<Invariant> INVARIANTS =
      List.of(
          // (an article without an original is not among them: one restored from an export made
          // without originals has none, and show --format raw and reextract say so)
          new Invariant(
              "SELECT count(*) FROM originals o WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles a WHERE a.id = o.article_id)",
              "stored {original|originals} of articles that no longer exist",
              "DELETE FROM originals WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles a WHERE a.id = originals.article_id)"),
          new Invariant(
              "SELECT count(*) FROM articles a WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)",
              "{article|articles} missing from the full-text index",
              null),
          new Invariant(
              "SELECT count(*) FROM articles_fts_docsize d WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles a WHERE a.id = d.id)",
              "full-text index {entry|entries} for articles that no longer exist",
              null),
          new Invariant(
              "SELECT count(*) FROM article_tags x WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles a WHERE a.id = x.article_id)",
              "tag {link|links} to articles that no longer exist",
              "DELETE FROM article_tags WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles a WHERE a.id = article_tags.article_id)"),
          new Invariant(
              "SELECT count(*) FROM article_tags x WHERE NOT EXISTS"
                  + " (SELECT 1 FROM tags t WHERE t.id = x.tag_id)",
              "tag {link|links} to tags that no longer exist",
              "DELETE FROM article_tags WHERE NOT EXISTS"
                  + " (SELECT 1 FROM tags t WHERE t.id = article_tags.tag_id)"),
          new Invariant(
              "SELECT count(*) FROM journal_entries e WHERE NOT EXISTS"
                  + " (SELECT 1 FROM journal j WHERE j.id = e.journal_id)",
              "change-log {entry|entries} without their change",
              "DELETE FROM journal_entries WHERE NOT EXISTS"
                  + " (SELECT 1 FROM journal j WHERE j.id = journal_entries.journal_id)"),
          new Invariant(
              "SELECT count(*) FROM journal_entries WHERE kind NOT IN ('tag+', 'tag-', 'field',"
                  + " 'tagname', 'tagrow', 'created', 'deleted', 'updated', 'version', 'fetched',"
                  + " 'saved+', 'saved-', 'rule+', 'rule-')",
              "change-log {entry|entries} of an unknown kind",
              null),
          new Invariant(
              "SELECT count(*) FROM trash_articles t WHERE NOT EXISTS"
                  + " (SELECT 1 FROM journal j WHERE j.id = t.journal_id)",
              "kept {copy|copies} of removed articles without their change",
              "DELETE FROM trash_articles WHERE NOT EXISTS"
                  + " (SELECT 1 FROM journal j WHERE j.id = trash_articles.journal_id)"),
          // undo of rm and of a replacing import puts the kept copy back: it must be there
          new Invariant(
              "SELECT count(*) FROM journal_entries e JOIN journal j ON j.id = e.journal_id"
                  + " WHERE j.undone = 0 AND e.kind IN ('deleted', 'updated') AND NOT EXISTS"
                  + " (SELECT 1 FROM trash_articles t WHERE t.journal_id = e.journal_id"
                  + " AND t.id = e.article_id)",
              "{change|changes} that cannot be undone: the kept copy of the article is missing",
              null));

  private final Archive archive;

  Maintenance(Archive archive) {
    this.archive = archive;
  }

  /** Opens the maintenance view of an archive. */
  public static Maintenance of(Archive archive) {
    return new Maintenance(archive);
  }

  private Connection conn() {
    return archive.connection();
  }

  /**
   * Runs every check and returns the problems found, one line each; empty means the archive is
   * sound. It changes nothing, though FTS5's check is written as an insert and so waits for the
   * write lock like any writer.
   */
  public List<String> check() {
    List<String> problems = new ArrayList<>();
    try {
      problems.addAll(sqliteIntegrity());
      if (!problems.isEmpty()) {
        // The file itself is damaged: dossier's own queries may fail or mislead on top of it.
        return problems;
      }
      String fts = ftsIntegrity();
      if (fts != null) {
        problems.add(fts);
      }
      for (Invariant inv : INVARIANTS) {
        long n = count(inv.countSql());
        if (n > 0) {
          problems.add(inv.describe(n));
        }
      }
    } catch (SQLException e) {
      if (!damaged(e)) {
        throw cannotCheck(e);
      }
      problems.add(Archive.describe("the check could not finish", e));
    }
    return problems;
  }

  /** True when SQLite says the file itself is damaged: the only evidence of damage. */
  private static boolean damaged(SQLException e) {
    return SqliteCode.of(e) == SqliteCode.CORRUPT;
  }

  /** A check that could not run is no finding: read-only or busy says nothing about damage. */
  private StoreException cannotCheck(SQLException e) {
    SqliteCode code = SqliteCode.of(e);
    String why;
    if (code == SqliteCode.READONLY) {
      why =
          "it is read-only (the full-text index's check writes); nothing was found wrong with what"
              + " could be checked";
    } else if (code == SqliteCode.BUSY || code == SqliteCode.LOCKED) {
      why =
          "it is busy: another process held its write lock for as long as dossier waits; try again";
    } else {
      why = Archive.reason(e);
    }
    return new StoreException("cannot check " + archive.path() + ": " + why, e);
  }

  private List<String> sqliteIntegrity() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = conn().createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check(" + MAX_SQLITE_MESSAGES + ")")) {
      while (rs.next()) {
        String m = rs.getString(1);
        if (!"ok".equals(m)) {
          out.add("sqlite: " + m);
        }
      }
    }
    return out;
  }

  /**
   * FTS5's own check; with rank 1 it also compares the index with the articles table it is built
   * from. Returns the problem, or null when the index is sound.
   */
  private String ftsIntegrity() {
    try (Statement st = conn().createStatement()) {
      st.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
      return null;
    } catch (SQLException e) {
      if (!damaged(e)) {
        throw cannotCheck(e);
      }
      return "the full-text index does not match the articles ("
          + SqliteCode.message(e)
          + "); 'dossier db check --repair' rebuilds it";
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement st = conn().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** What a repair did. */
  public record Repair(long rowsRemoved, boolean indexRebuilt) {}

  /**
   * Removes rows that point at nothing and rebuilds the full-text index from the articles, in one
   * transaction. Missing originals cannot be made up; {@link #check} still reports them.
   */
  public Repair repair() {
    return archive.writeSql(
        () -> {
          long removed = 0;
          for (Invariant inv : INVARIANTS) {
            if (inv.repairSql() != null) {
              try (Statement st = conn().createStatement()) {
                removed += st.executeUpdate(inv.repairSql());
              }
            }
          }
          try (Statement st = conn().createStatement()) {
            st.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
          }
          return new Repair(removed, true);
        });
  }

  /**
   * Merges the full-text index into as few segments as possible, then rewrites the file without
   * free pages and truncates the WAL. VACUUM cannot run inside a transaction, so it waits for other
   * writers through the busy timeout like any other write.
   */
  public void vacuum() {
    archive.writeSql(
        () -> {
          try (Statement st = conn().createStatement()) {
            st.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
          }
          return null;
        });
    try (Statement st = conn().createStatement()) {
      st.execute("VACUUM");
      try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("vacuum failed", e), e);
    }
  }

  /**
   * Facts about the archive: schema, counts and sizes.
   *
   * @param schemaVersion the schema the archive is at
   * @param latestSchema the newest schema this build knows
   * @param originalBytes the size of the original files as imported
   * @param storedOriginalBytes what they take compressed
   * @param dbBytes the size of the archive file
   * @param walBytes the size of its write-ahead log (0 when there is none)
   * @param freePages pages VACUUM would give back
   */
  public record Info(
      String path,
      int schemaVersion,
      int latestSchema,
      String sqliteVersion,
      long articles,
      long tags,
      long taggings,
      long changes,
      long originalBytes,
      long storedOriginalBytes,
      long dbBytes,
      long walBytes,
      long pageSize,
      long freePages,
      String postgresqlVersion) {
    /** True for an archive on a PostgreSQL server: then the sizes are the database's. */
    public boolean onServer() {
      return postgresqlVersion != null;
    }
  }

  public Info info() {
    try {
      boolean server = archive.onServer();
      Path db = server ? null : archive.path();
      return new Info(
          server ? archive.location().shown() : db.toString(),
          archive.userVersion(),
          Migrations.latest(),
          server ? null : string("SELECT sqlite_version()"),
          count("SELECT count(*) FROM articles"),
          count("SELECT count(*) FROM tags"),
          count("SELECT count(*) FROM article_tags"),
          count("SELECT count(*) FROM journal"),
          count("SELECT coalesce(sum(size), 0) FROM originals"),
          count("SELECT coalesce(sum(length(data)), 0) FROM originals"),
          server ? count("SELECT pg_database_size(current_database())") : size(db),
          server ? 0 : size(db.resolveSibling(db.getFileName() + "-wal")),
          count(server ? "SELECT current_setting('block_size')::bigint" : "PRAGMA page_size"),
          server ? 0 : count("PRAGMA freelist_count"),
          server ? string("SELECT current_setting('server_version')") : null);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read archive facts", e), e);
    }
  }

  private String string(String sql) throws SQLException {
    try (PreparedStatement st = conn().prepareStatement(sql);
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
