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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looking after the archive itself: integrity checks (SQLite's and FTS5's, or on PostgreSQL the
 * schema and the search vectors, and dossier's own invariants on both), repair of what can be
 * rebuilt, compaction, and facts about the file or database.
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
          new Invariant(
              "SELECT count(*) FROM journal WHERE undone NOT IN (0, 1)",
              "{change|changes} in the change log neither done nor undone",
              null),
          // undo of rm and of a replacing import puts the kept copy back: it must be there
          new Invariant(
              "SELECT count(*) FROM journal_entries e JOIN journal j ON j.id = e.journal_id"
                  + " WHERE j.undone = 0 AND e.kind IN ('deleted', 'updated') AND NOT EXISTS"
                  + " (SELECT 1 FROM trash_articles t WHERE t.journal_id = e.journal_id"
                  + " AND t.id = e.article_id)",
              "{change|changes} that cannot be undone: the kept copy of the article is missing",
              null));

  /** SQLite's full-text index keeps a row per article beside the articles table. */
  private static final List<Invariant> SQLITE_INVARIANTS =
      List.of(
          new Invariant(
              "SELECT count(*) FROM articles a WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)",
              "{article|articles} missing from the full-text index",
              null),
          new Invariant(
              "SELECT count(*) FROM articles_fts_docsize d WHERE NOT EXISTS"
                  + " (SELECT 1 FROM articles a WHERE a.id = d.id)",
              "full-text index {entry|entries} for articles that no longer exist",
              null));

  /**
   * On PostgreSQL each article carries its search vector, which the {@code articles_fts_vector}
   * trigger computes from the text: this is the same computation (pg/011.sql), so that a vector
   * that no longer matches its row (the trigger disabled, a row written around it) is found.
   */
  private static final String PG_FTS_OF_ROW =
      "setweight(dossier_words(title), 'A') || setweight(dossier_words(body), 'B')"
          + " || setweight(dossier_words(caption), 'C') || setweight(dossier_words(note), 'D')";

  private static final String PG_FTS_STALE = "fts IS DISTINCT FROM (" + PG_FTS_OF_ROW + ")";

  /**
   * How many articles hold each word of the search vectors, counted from the vectors, beside the
   * counts that migration 019's triggers keep (a word no article holds any more may keep a row of
   * 0).
   */
  private static final String PG_LEXEMES_OFF =
      "SELECT count(*) FROM (SELECT w, count(*) AS n FROM articles, unnest(tsvector_to_array(fts))"
          + " w GROUP BY w) c FULL JOIN (SELECT lexeme, docs FROM dossier_lexemes WHERE docs <> 0)"
          + " k ON k.lexeme = c.w WHERE c.n IS DISTINCT FROM k.docs";

  /** Counts every word's articles again from the vectors (pg/019.sql). */
  private static final String PG_LEXEMES_RECOUNT =
      "INSERT INTO dossier_lexemes (lexeme, docs) SELECT w, count(*) FROM articles,"
          + " unnest(tsvector_to_array(fts)) w GROUP BY w";

  private static final List<Invariant> PG_INVARIANTS =
      List.of(
          new Invariant(
              "SELECT greatest(count(*) - 1, 0) FROM dossier_schema",
              "extra {row|rows} in dossier_schema, which holds the schema version alone",
              null),
          new Invariant(
              "SELECT count(*) FROM articles WHERE " + PG_FTS_STALE,
              "{article|articles} whose search vector does not match {its|their} text (search"
                  + " misses or mis-ranks {it|them}); 'dossier db check --repair' recomputes"
                  + " {it|them}",
              null),
          new Invariant(
              PG_LEXEMES_OFF,
              "{word whose|words whose} kept number of articles is wrong (a search for"
                  + " {it|them} gives a wrong total); 'dossier db check --repair' counts them"
                  + " again",
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
      if (archive.onServer()) {
        problems.addAll(pgSchema());
        if (problems.stream().anyMatch(p -> p.startsWith(GONE))) {
          // without its tables the row checks below would fail or mislead
          return problems;
        }
      } else {
        problems.addAll(sqliteIntegrity());
        if (!problems.isEmpty()) {
          // The file itself is damaged: dossier's own queries may fail or mislead on top of it.
          return problems;
        }
        String fts = ftsIntegrity();
        if (fts != null) {
          problems.add(fts);
        }
      }
      for (Invariant inv : invariants()) {
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

  /** Dossier's rules for this archive's engine. */
  private List<Invariant> invariants() {
    List<Invariant> all = new ArrayList<>(INVARIANTS);
    all.addAll(archive.onServer() ? PG_INVARIANTS : SQLITE_INVARIANTS);
    return all;
  }

  /** How a missing table or function is said: only a backup brings one back. */
  private static final String GONE = "the schema is damaged: it has no ";

  /** A table, index, trigger or function a schema script creates, with its statement. */
  private record SchemaObject(String kind, String name, String sql) {
    String missing() {
      return switch (kind) {
        case "TABLE" -> GONE + "table " + name;
        case "FUNCTION" -> GONE + "function " + name;
        case "TRIGGER" ->
            "trigger "
                + name
                + " is missing or disabled: changed text no longer reaches the search vectors;"
                + " 'dossier db check --repair' puts it back";
        default ->
            "index " + name + " is missing or invalid; 'dossier db check --repair' rebuilds it";
      };
    }

    /** True for what a repair can put back from its statement alone. */
    boolean rebuildable() {
      return kind.equals("INDEX") || kind.equals("TRIGGER");
    }
  }

  /** The objects the schema scripts create: kind, name, and the statement up to its end. */
  private static final Pattern CREATED =
      Pattern.compile(
          "^CREATE (?:UNIQUE )?(TABLE|INDEX|TRIGGER|FUNCTION) (\\w+)[^;]*;",
          Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

  /** What pg/NNN.sql creates up to the archive's version. */
  private List<SchemaObject> pgObjects() throws SQLException {
    List<SchemaObject> out = new ArrayList<>();
    int version = Math.min(archive.userVersion(), PgSchema.latest());
    for (int v = PgSchema.BASE; v <= version; v++) {
      Matcher m = CREATED.matcher(PgSchema.script(v));
      while (m.find()) {
        out.add(new SchemaObject(m.group(1).toUpperCase(Locale.ROOT), m.group(2), m.group()));
      }
    }
    return out;
  }

  /**
   * What a PostgreSQL archive must still have: its schema version, and every table, index and
   * trigger of {@code pg/NNN.sql} up to it (an index left invalid by a failed build, or a disabled
   * trigger, counts as missing).
   */
  private List<String> pgSchema() throws SQLException {
    List<String> out = new ArrayList<>();
    int version = archive.userVersion();
    if (version != PgSchema.latest()) {
      out.add(
          "the schema version is "
              + version
              + ", not "
              + PgSchema.latest()
              + " as this dossier writes it");
    }
    for (SchemaObject o : pgObjects()) {
      if (!exists(o.kind(), o.name())) {
        out.add(o.missing());
      }
    }
    return out;
  }

  /**
   * Puts back the indexes and triggers the schema scripts create that are missing, invalid or
   * disabled; refuses when a table or function is gone, which only a backup can bring back.
   */
  private void repairPgSchema() throws SQLException {
    List<SchemaObject> missing = new ArrayList<>();
    for (SchemaObject o : pgObjects()) {
      if (!exists(o.kind(), o.name())) {
        if (!o.rebuildable()) {
          throw new StoreException(
              "cannot repair "
                  + archive.location().shown()
                  + ": "
                  + o.missing()
                  + ", and only a backup has it; nothing was changed");
        }
        missing.add(o);
      }
    }
    try (Statement st = conn().createStatement()) {
      for (SchemaObject o : missing) {
        if (o.kind().equals("INDEX")) {
          st.execute("DROP INDEX IF EXISTS " + o.name());
        } else {
          Matcher on = Pattern.compile(" ON (\\w+)").matcher(o.sql());
          if (on.find()) {
            st.execute("DROP TRIGGER IF EXISTS " + o.name() + " ON " + on.group(1));
          }
        }
        st.execute(o.sql());
      }
    }
  }

  private boolean exists(String kind, String name) throws SQLException {
    String sql =
        switch (kind) {
          case "TRIGGER" ->
              "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                  + " WHERE t.tgname = ? AND t.tgenabled <> 'D'"
                  + " AND c.relnamespace = current_schema()::regnamespace";
          case "FUNCTION" ->
              "SELECT count(*) FROM pg_proc WHERE proname = ?"
                  + " AND pronamespace = current_schema()::regnamespace";
          case "INDEX" ->
              "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                  + " WHERE c.relname = ? AND i.indisvalid"
                  + " AND c.relnamespace = current_schema()::regnamespace";
          default ->
              "SELECT count(*) FROM pg_class WHERE relname = ? AND relkind IN ('r', 'p')"
                  + " AND relnamespace = current_schema()::regnamespace";
        };
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
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
    return new StoreException("cannot check " + archive.location().shown() + ": " + why, e);
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
          if (archive.onServer()) {
            repairPgSchema();
          }
          long removed = 0;
          for (Invariant inv : invariants()) {
            if (inv.repairSql() != null) {
              try (Statement st = conn().createStatement()) {
                removed += st.executeUpdate(inv.repairSql());
              }
            }
          }
          try (Statement st = conn().createStatement()) {
            if (archive.onServer()) {
              // the trigger recomputes a row's vector when its title is written, even unchanged
              st.executeUpdate("UPDATE articles SET title = title WHERE " + PG_FTS_STALE);
              st.execute("REINDEX INDEX articles_fts");
              if (archive.userVersion() >= 19) {
                st.execute("DELETE FROM dossier_lexemes");
                st.execute(PG_LEXEMES_RECOUNT);
              }
            } else {
              st.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
            }
          }
          return new Repair(removed, true);
        });
  }

  /**
   * Merges the full-text index into as few segments as possible, then rewrites the file without
   * free pages and truncates the WAL; on PostgreSQL, VACUUM ANALYZE: dead rows become free space
   * for new ones and the planner's statistics are renewed. VACUUM cannot run inside a transaction,
   * so it waits for other writers through the busy timeout like any other write.
   */
  public void vacuum() {
    if (archive.onServer()) {
      // VACUUM cannot run in a transaction; it takes no lock that stops readers or writers
      try (Statement st = conn().createStatement()) {
        st.execute("VACUUM (ANALYZE)");
      } catch (SQLException e) {
        throw new StoreException(Archive.describe("vacuum failed", e), e);
      }
      return;
    }
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
          // the tags 'dossier tags' lists: a tag whose last article lost it is left as a row
          count(
              "SELECT count(*) FROM tags t"
                  + " WHERE EXISTS (SELECT 1 FROM article_tags x WHERE x.tag_id = t.id)"),
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
