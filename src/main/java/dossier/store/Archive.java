package dossier.store;

import dossier.query.CompiledQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Properties;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConnection;

/**
 * One open archive: a SQLite file in WAL mode with a busy timeout and foreign keys, its schema
 * brought up to date by the numbered migrations in {@code dossier/db/NNN.sql}.
 *
 * <p>This package is the only place that talks SQL; everything else goes through {@link
 * #articles()} and the other repositories.
 */
public final class Archive implements AutoCloseable {
  /** How long a writer waits for another process's transaction before giving up. */
  public static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path path;
  private final ArchiveLocation location;
  private final Engine engine;
  private final Connection conn;
  private ArticleRepository articles;
  private SavedSearchRepository saved;
  private TagRepository tags;
  private EditRepository edits;
  private Journal journal;
  private RuleRepository rules;
  private SimilarityRepository similarity;
  private CopyRepository copies;
  private StoryRepository stories;

  private Archive(Path path, Connection conn) {
    this(ArchiveLocation.ofFile(path), Engine.SQLITE, conn);
  }

  private Archive(ArchiveLocation location, Engine engine, Connection conn) {
    this.location = location;
    this.path = location.file();
    this.engine = engine;
    this.conn = conn;
  }

  /** Opens (creating with its folders, readable by the owner only) and migrates the archive. */
  public static Archive open(Path path) {
    return open(path, BUSY_TIMEOUT_MS);
  }

  /**
   * Opens the archive {@code --db} names: a file as {@link #open(Path, int)} does, or a database on
   * a PostgreSQL server.
   */
  public static Archive open(ArchiveLocation where, int busyTimeoutMs) {
    return open(where, busyTimeoutMs, System.getenv());
  }

  /**
   * Opens the archive {@code --db} names, reading a server's connection settings that the URL
   * leaves out from {@code env} (see {@link PgConnect}).
   */
  public static Archive open(
      ArchiveLocation where, int busyTimeoutMs, java.util.Map<String, String> env) {
    if (!where.isServer()) {
      return open(where.file(), busyTimeoutMs);
    }
    Connection conn = PgConnect.connect(where, env);
    Archive a = new Archive(where, Engine.POSTGRES, conn);
    try {
      try (Statement st = conn.createStatement()) {
        // a writer waits this long for another's write lock, as SQLite's busy timeout
        st.execute("SET lock_timeout = " + busyTimeoutMs);
      }
      a.setPerson(null);
      a.preparePg();
    } catch (SQLException e) {
      a.close();
      throw new StoreException(describe("cannot open archive " + where.shown(), e), e);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
    return a;
  }

  /**
   * On a server, names the person whose read status and stars this session reads and sets ({@code
   * dossier.person}, see {@link dossier.query.PersonState}): the journal's author, or '' for none,
   * as undo names the author of a change recorded without one. A file has one person: nothing
   * changes.
   */
  void setPerson(String person) {
    if (engine != Engine.POSTGRES) {
      return;
    }
    try (PreparedStatement st =
        conn.prepareStatement("SELECT set_config('dossier.person', ?, false)")) {
      st.setString(1, person == null ? "" : person);
      st.execute();
    } catch (SQLException e) {
      throw new StoreException(describe("cannot name the archive's person", e), e);
    }
  }

  /** The key of the advisory lock that a write transaction on PostgreSQL holds: "doss". */
  static final long PG_WRITE_LOCK = 0x646f7373L;

  /**
   * Refuses a database that holds tables but no dossier schema, or a newer schema; brings an empty
   * one or an older one to the latest schema in one transaction.
   */
  private void preparePg() throws SQLException {
    int version;
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT to_regclass('dossier_schema') IS NOT NULL, (SELECT count(*) FROM"
                    + " pg_catalog.pg_tables WHERE schemaname = current_schema())")) {
      rs.next();
      boolean marked = rs.getBoolean(1);
      if (!marked && rs.getLong(2) > 0) {
        throw new StoreException(
            "cannot open archive "
                + location.shown()
                + ": the database holds tables but is not a dossier archive (it has no"
                + " dossier_schema table); it was not changed. Name an empty database or another"
                + " one with --db.");
      }
      version = marked ? userVersion() : 0;
    }
    if (version > PgSchema.latest()) {
      throw new StoreException(
          "archive "
              + location.shown()
              + " was written by a newer dossier (schema "
              + version
              + ", this version knows up to "
              + PgSchema.latest()
              + "); upgrade dossier to open it. The archive was not changed.");
    }
    if (version < PgSchema.latest()) {
      inTransaction(
          () -> {
            // another client may have migrated while this one waited for the write lock
            boolean marked;
            try (Statement st = conn.createStatement();
                ResultSet rs =
                    st.executeQuery("SELECT to_regclass('dossier_schema') IS NOT NULL")) {
              rs.next();
              marked = rs.getBoolean(1);
            }
            int current = marked ? userVersion() : 0;
            for (int v = current == 0 ? PgSchema.BASE : current + 1; v <= PgSchema.latest(); v++) {
              execScript(PgSchema.script(v));
            }
            if (current < PgSchema.latest()) {
              try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM dossier_schema");
                st.execute(
                    "INSERT INTO dossier_schema(version) VALUES (" + PgSchema.latest() + ")");
              }
            }
            return null;
          });
    }
  }

  /** The database engine this archive lives in. */
  Engine engine() {
    return engine;
  }

  /** Where the archive is: its file or its server's URL. */
  public ArchiveLocation location() {
    return location;
  }

  /** True for an archive on a PostgreSQL server. */
  public boolean onServer() {
    return engine == Engine.POSTGRES;
  }

  /**
   * Opens the archive as {@link #open(Path)} does, waiting up to {@code busyTimeoutMs} for another
   * process's write.
   */
  public static Archive open(Path path, int busyTimeoutMs) {
    if (path.toString().isEmpty()) {
      throw new StoreException("the archive's path is empty: name the archive file");
    }
    Path abs = path.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new StoreException("cannot open archive " + abs + ": it is a folder; name a file");
    }
    createPrivately(abs);
    NativeLibrary.ensure();
    Connection conn;
    try {
      Properties p = new Properties();
      p.setProperty("busy_timeout", Integer.toString(busyTimeoutMs));
      // the driver directly: DriverManager would first look through the class path for every
      // JDBC driver (a service-loader scan of the jar on each start)
      conn = JDBC.createConnection("jdbc:sqlite:" + abs, p);
    } catch (SQLException e) {
      throw new StoreException("cannot open archive " + abs + ": " + openReason(abs, e), e);
    }
    Archive a = new Archive(abs, conn);
    try {
      a.prepare();
    } catch (StoreException e) {
      a.close();
      if (e.getCause() instanceof SQLException sql) {
        throw new StoreException("cannot open archive " + abs + ": " + openReason(abs, sql), sql);
      }
      throw e;
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
    return a;
  }

  /**
   * Why an archive could not be opened: a damaged file is not worth a 'db check' (which cannot open
   * it either), and a read-only folder is not a read-only archive.
   */
  static String openReason(Path abs, SQLException e) {
    SqliteCode code = SqliteCode.of(e);
    if (code == SqliteCode.CORRUPT || code == SqliteCode.NOTADB) {
      long size = -1;
      try {
        size = Files.size(abs);
      } catch (IOException ignored) {
        // the size only makes the message clearer
      }
      return (size >= 0 && size < 4096 && code == SqliteCode.CORRUPT
              ? "the file is damaged (it is cut short: " + size + " bytes)"
              : code == SqliteCode.CORRUPT
                  ? "the file is damaged"
                  : "the file is not an SQLite database, so not a dossier archive")
          + "; it was not changed. Restore it from a backup, or try 'sqlite3 "
          + abs
          + " .recover'";
    }
    if (code == SqliteCode.READONLY || code == SqliteCode.CANTOPEN) {
      Path dir = abs.getParent();
      if (!Files.isWritable(abs) && Files.exists(abs)) {
        return "the archive file is read-only (permission denied)";
      }
      if (dir != null && !Files.isWritable(dir)) {
        return "its folder "
            + dir
            + " is read-only, and SQLite keeps the archive's log ("
            + abs.getFileName()
            + "-wal, -shm) beside it";
      }
    }
    return reason(e);
  }

  private static void createPrivately(Path abs) {
    try {
      Path dir = abs.getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        trySetPermissions(dir, "rwx------");
      }
      if (!Files.exists(abs)) {
        try {
          // private from the first moment, not only once a second call has narrowed the mode
          Files.createFile(
              abs,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(abs);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first, privately too
        }
        // the umask may have taken bits away, never added them; this only makes sure
        trySetPermissions(abs, "rw-------");
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create archive " + abs + ": " + dossier.core.WriteFailure.reason(e, abs), e);
    }
  }

  static void trySetPermissions(Path p, String perms) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing more we can do
    }
  }

  /** SQLite's application id of a dossier archive ("doss"), set by migration 006. */
  static final int APPLICATION_ID = 0x646f7373;

  /** The first schema whose archives carry {@link #APPLICATION_ID}. */
  static final int MARKED_SINCE = 6;

  private void prepare() {
    try (Statement st = conn.createStatement()) {
      int version = userVersion();
      refuseForeign(version);
      if (version > Migrations.latest()) {
        throw new StoreException(
            "archive "
                + path
                + " was written by a newer dossier (schema "
                + version
                + ", this version knows up to "
                + Migrations.latest()
                + "); upgrade dossier to open it. The archive was not changed.");
      }
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
        rs.next();
      }
      st.execute("PRAGMA synchronous = NORMAL");
      // A bigger page cache keeps the upper levels of the full-text and article indexes in memory
      // during large imports; temporary tables (the selection of a change) stay in memory.
      st.execute("PRAGMA cache_size = -65536");
      st.execute("PRAGMA temp_store = MEMORY");
      // Migrations run with foreign keys off (a new connection's default): a script that rebuilds
      // a table must not cascade the old table's removal to the rows that refer to it.
      Migrations.migrate(this, version);
      st.execute("PRAGMA foreign_keys = ON");
    } catch (SQLException e) {
      throw new StoreException(describe("cannot open archive " + path, e), e);
    }
  }

  /**
   * Refuses a database that is not a dossier archive before anything is written to it (opening
   * switches the file to WAL and the migrations add dossier's tables): dossier's own carry its
   * application id; those of schemas before it are known by their tables; an empty one becomes an
   * archive.
   */
  private void refuseForeign(int version) throws SQLException {
    int app = pragmaInt("application_id");
    if (app == APPLICATION_ID) {
      return;
    }
    if (app == 0) {
      long tables = countTables("");
      if (version == 0 && tables == 0) {
        return; // empty: a new archive
      }
      if (version > 0
          && version < MARKED_SINCE
          && countTables("AND name IN ('articles', 'originals', 'tags', 'article_tags')") == 4) {
        return; // an archive of an earlier dossier, marked by its next migration
      }
    }
    throw new StoreException(
        "cannot open archive "
            + path
            + ": it is an SQLite database but not a dossier archive (it has no dossier schema"
            + " marker); it was not changed. Name another file, or a new one, with --db.");
  }

  private int pragmaInt(String pragma) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private long countTables(String condition) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM sqlite_schema WHERE type IN ('table', 'view') "
                    + condition)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  int userVersion() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                engine == Engine.SQLITE
                    ? "PRAGMA user_version"
                    : "SELECT max(version) FROM dossier_schema")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** The archive file; null for an archive on a server (see {@link #location}). */
  public Path path() {
    return path;
  }

  /** The schema version the archive is at. */
  public int schemaVersion() {
    try {
      return userVersion();
    } catch (SQLException e) {
      throw new StoreException(describe("cannot read schema version", e), e);
    }
  }

  Connection connection() {
    return conn;
  }

  /**
   * The channel every write transaction on a PostgreSQL archive notifies when it commits; a
   * long-running reader listens on it (see {@link #dataVersion}).
   */
  static final String PG_CHANGES = "dossier_changes";

  /** True once this connection listens on {@link #PG_CHANGES}. */
  private boolean listening;

  /** Commits of other connections this one has been told of (PostgreSQL). */
  private long othersCommits;

  /**
   * A number that changes when another connection commits to the archive (SQLite's {@code
   * data_version}; on PostgreSQL, the count of other sessions' commits told by LISTEN/NOTIFY): a
   * long-running reader polls it to notice other processes' changes cheaply. Its own commits do not
   * change it. On PostgreSQL the first call starts listening, so it is the reference point.
   */
  public long dataVersion() {
    try {
      if (engine == Engine.POSTGRES) {
        return pgDataVersion();
      }
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA data_version")) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException(describe("cannot read the archive's data version", e), e);
    }
  }

  private long pgDataVersion() throws SQLException {
    try (Statement st = conn.createStatement()) {
      if (!listening) {
        st.execute("LISTEN " + PG_CHANGES);
        listening = true;
      }
      // one round trip: the server sends the notifications of commits made before it with its
      // answer (they wait while this connection is inside a transaction)
      st.execute("SELECT 1");
    }
    org.postgresql.PGConnection pg = conn.unwrap(org.postgresql.PGConnection.class);
    org.postgresql.PGNotification[] told = pg.getNotifications();
    if (told != null) {
      int self = pg.getBackendPID();
      for (org.postgresql.PGNotification n : told) {
        if (n.getPID() != self) {
          othersCommits++;
        }
      }
    }
    return othersCommits;
  }

  /** Runs a script of several statements, as migrations need. */
  void execScript(String sql) throws SQLException {
    if (engine == Engine.POSTGRES) {
      try (Statement st = conn.createStatement()) {
        st.execute(sql);
      }
      return;
    }
    ((SQLiteConnection) conn).getDatabase()._exec(sql);
  }

  static String resource(String name) {
    try (InputStream in = Archive.class.getResourceAsStream("/dossier/db/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  public ArticleRepository articles() {
    if (articles == null) {
      articles = new ArticleRepository(this);
    }
    return articles;
  }

  private FetchRepository fetches;

  public FetchRepository fetches() {
    if (fetches == null) {
      fetches = new FetchRepository(this);
    }
    return fetches;
  }

  public SavedSearchRepository savedSearches() {
    if (saved == null) {
      saved = new SavedSearchRepository(this);
    }
    return saved;
  }

  public TagRepository tags() {
    if (tags == null) {
      tags = new TagRepository(this);
    }
    return tags;
  }

  public EditRepository edits() {
    if (edits == null) {
      edits = new EditRepository(this);
    }
    return edits;
  }

  public Journal journal() {
    if (journal == null) {
      journal = new Journal(this);
    }
    return journal;
  }

  public RuleRepository rules() {
    if (rules == null) {
      rules = new RuleRepository(this);
    }
    return rules;
  }

  /** Fingerprints and copy links. */
  public CopyRepository copies() {
    if (copies == null) {
      copies = new CopyRepository(this);
    }
    return copies;
  }

  /** Story threads (migration 013). */
  public StoryRepository stories() {
    if (stories == null) {
      stories = new StoryRepository(this);
    }
    return stories;
  }

  public SimilarityRepository similarity() {
    if (similarity == null) {
      similarity = new SimilarityRepository(this);
    }
    return similarity;
  }

  /**
   * Refreshes the query planner's statistics when {@code added} new articles are a tenth or more of
   * what they describe (or there are none yet). Without them SQLite cannot tell that, say, a date
   * index is far more selective than the status index; a full ANALYZE of the small tables and the
   * article indexes takes a fraction of a second per 100,000 articles.
   */
  public void analyzeIfStale(long added) {
    if (engine == Engine.POSTGRES) {
      // the server's autovacuum keeps the statistics
      return;
    }
    try (Statement st = conn.createStatement()) {
      long described = -1;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'articles'")) {
        if (rs.next() && rs.getObject(1) != null) {
          described = rs.getLong(1);
        }
      } catch (SQLException noStatsTableYet) {
        described = -1;
      }
      if (described >= 0 && added * 10 < described) {
        return;
      }
      st.execute("PRAGMA analysis_limit = 0");
      st.execute("ANALYZE articles");
      st.execute("ANALYZE article_tags");
      st.execute("ANALYZE tags");
    } catch (SQLException e) {
      throw new StoreException(describe("cannot update the archive's statistics", e), e);
    }
  }

  /**
   * Merges the full-text index's segments after an import (or a copy into a file) of {@code added}
   * articles, as much as about one index page of merging per article allows (FTS5's {@code merge}
   * with a negative count: every segment joins one merge, which later calls go on with). An import
   * leaves the index in many segments (it merges sixteen at a time while it runs, and each segment
   * is one more look-up for every query term): 25 of them after 100,000 articles, which made a
   * common word's search and a tag suggestion about twice as slow as on one segment. The work is in
   * proportion to the import, so a small import into a large archive stays quick and the index
   * still tends to one segment; {@code db vacuum} merges it whole.
   */
  public void mergeIndexAfterImport(long added) {
    if (engine == Engine.POSTGRES || added <= 0) {
      return;
    }
    writeSql(
        () -> {
          try (PreparedStatement st =
              conn.prepareStatement(
                  "INSERT INTO articles_fts(articles_fts, rank) VALUES('merge', ?)")) {
            st.setLong(1, -Math.max(MERGE_PAGES_MIN, added));
            st.executeUpdate();
          }
          return null;
        });
  }

  /** The least merging an import does: a few of FTS5's pages (4,050 bytes each by default). */
  static final int MERGE_PAGES_MIN = 16;

  /** FTS5's default: a level of the full-text index is merged once it holds this many segments. */
  static final int FTS_AUTOMERGE_DEFAULT = 4;

  /**
   * The same during an import: every transaction of an import adds a segment, and merging them four
   * at a time rewrote the index over and over (about a fifth of the writer's time on 20,000
   * articles); sixteen at a time writes each posting about half as often.
   */
  static final int FTS_AUTOMERGE_BULK = 16;

  /**
   * Pages of write-ahead log after which an import's commits copy the log into the archive: at
   * SQLite's default of 1,000 (4 MB) an import copied the pages it rewrites in every transaction
   * (the index's and the full-text index's upper levels) again after every second batch.
   */
  static final int WAL_AUTOCHECKPOINT_BULK = 20_000;

  /** This connection's checkpoint interval before {@link #beginBulkWrite}, or -1. */
  private int autocheckpointBefore = -1;

  /**
   * Makes the full-text index merge its segments in bigger, rarer steps, and the log be copied into
   * the archive less often, while an import writes; call inside the import's first write
   * transaction, and give what it returns to {@link #endBulkWrite} inside its last one. The merge
   * setting is stored in the index (FTS5 keeps it in its config table), so an import that dies
   * leaves it at the bulk value until the next import ends, which costs nothing but larger merges.
   */
  public int beginBulkWrite() {
    bulk = true;
    if (engine == Engine.POSTGRES) {
      return FTS_AUTOMERGE_DEFAULT;
    }
    try {
      if (autocheckpointBefore < 0) {
        try (Statement st = conn.createStatement();
            ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
          autocheckpointBefore = rs.next() ? rs.getInt(1) : 1000;
        }
        try (Statement st = conn.createStatement();
            ResultSet rs =
                st.executeQuery("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_BULK)) {
          // the pragma answers with the new value
        }
      }
      int before = FTS_AUTOMERGE_DEFAULT;
      try (Statement st = conn.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT v FROM articles_fts_config WHERE k = 'automerge'")) {
        if (rs.next()) {
          before = rs.getInt(1);
        }
      }
      setFtsAutomerge(FTS_AUTOMERGE_BULK);
      bulkStartRows = 0;
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT max(id) FROM articles")) {
        bulkStartRows = rs.next() ? rs.getLong(1) : 0;
      }
      if (lengthIndexSql == null && lengthIndexSql() == null) {
        // an import that died with the index dropped: this one makes it again at its end
        lengthIndexSql = resource(Migrations.name(LENGTH_INDEX_MIGRATION));
      }
      // another import may be running: then the value to go back to is the default
      return before == FTS_AUTOMERGE_BULK ? FTS_AUTOMERGE_DEFAULT : before;
    } catch (SQLException e) {
      throw new StoreException(describe("cannot prepare the full-text index for an import", e), e);
    }
  }

  /**
   * Ends what {@link #cacheEpoch} keeps from one transaction to the next, whether or not the bulk
   * write got as far as {@link #endBulkWrite}: what follows on this connection may write through
   * other paths.
   */
  public void bulkWriteDone() {
    bulk = false;
  }

  /** Puts back the settings {@link #beginBulkWrite} replaced. */
  public void endBulkWrite(int automerge) {
    bulk = false;
    if (engine == Engine.POSTGRES) {
      return;
    }
    try {
      setFtsAutomerge(automerge);
      if (lengthIndexSql != null) {
        if (lengthIndexSql() == null) {
          try (Statement st = conn.createStatement()) {
            st.execute(lengthIndexSql);
          }
        }
        lengthIndexSql = null;
      }
      if (autocheckpointBefore >= 0) {
        try (Statement st = conn.createStatement();
            ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint = " + autocheckpointBefore)) {
          autocheckpointBefore = -1;
        }
      }
    } catch (SQLException e) {
      throw new StoreException(describe("cannot reset the full-text index's merging", e), e);
    }
  }

  /** The migration that made the index of the articles by length ({@code articles_fts_length}). */
  static final int LENGTH_INDEX_MIGRATION = 14;

  /** Articles in the archive when the running import began, by their highest id. */
  private long bulkStartRows;

  /**
   * The statement that makes the length index again at the end of the running import, which has
   * dropped it (or found it missing); null while the index is in place.
   */
  private String lengthIndexSql;

  /**
   * An import that inserts this many times fewer articles than the archive held keeps the length
   * index as it goes; a larger one drops it and makes it again at its end. SQLite keeping an index
   * on FTS5's docsize table cost about 150 us of CPU an inserted article (10,000 generated
   * articles: 1.9 s against 3.6 s of inserting in the sqlite3 shell, 7.6 to 7.9 s against 8.9 to
   * 9.8 s of the importing thread), making it anew 6 us an article the archive holds.
   */
  static final int LENGTH_INDEX_REBUILD_RATIO = 20;

  /**
   * Tells the running import's writes that it will have inserted {@code rows} articles once the
   * statement it is about to run is done; call inside its write transaction, between {@link
   * #beginBulkWrite} and {@link #endBulkWrite}. Once that is large against what the archive held,
   * the length index is dropped until the import's end, when {@link #endBulkWrite} makes it anew.
   * Queries meanwhile rank as they do on an archive without the index: the same results, more
   * slowly.
   */
  public void bulkInserting(long rows) {
    if (engine == Engine.POSTGRES
        || !bulk
        || lengthIndexSql != null
        || rows * LENGTH_INDEX_REBUILD_RATIO < bulkStartRows) {
      return;
    }
    try {
      String sql = lengthIndexSql();
      if (sql != null) {
        try (Statement st = conn.createStatement()) {
          st.execute("DROP INDEX " + LENGTH_INDEX_NAME);
        }
        lengthIndexSql = sql;
      }
    } catch (SQLException e) {
      throw new StoreException(describe("cannot prepare the full-text index for an import", e), e);
    }
  }

  private static final String LENGTH_INDEX_NAME = "articles_fts_length";

  /** The statement that made the length index, or null when the archive has none. */
  private String lengthIndexSql() throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
      st.setString(1, LENGTH_INDEX_NAME);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void setFtsAutomerge(int n) throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', ?)")) {
      st.setInt(1, n);
      st.executeUpdate();
    }
  }

  /**
   * Work that runs inside one write transaction. Store methods report failures as {@link
   * StoreException}; whatever it throws rolls the transaction back.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run();
  }

  /** Work of the store's own that talks SQL directly. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Counts the write transactions begun on this connection; a selection belongs to one. */
  private long transactions;

  /** The number of the open write transaction, or 0 when none is open. */
  private long openTransaction;

  /** Selections handed out in the open transaction. */
  private int selections;

  /** True while the open transaction is a rehearsal, to be rolled back whatever it does. */
  private boolean rehearsing;

  /**
   * The span of write transactions that a cache of what the archive holds stays valid for (see
   * {@link #cacheEpoch}); a new one starts with a transaction unless a bulk write is on, the last
   * transaction committed and no other connection has committed since.
   */
  private long epoch;

  /** SQLite's {@code PRAGMA data_version} read at the start of the last transaction, or -1. */
  private long versionAtBegin = -1;

  /** True once the last transaction committed, until the next one begins. */
  private boolean committed;

  /** True between {@link #beginBulkWrite} and {@link #endBulkWrite}. */
  private boolean bulk;

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: it takes the write lock up front,
   * so a concurrent writer waits for the busy timeout instead of failing halfway. Inside a {@link
   * #rehearse}, it runs in a savepoint of the rehearsal instead, so that a dry run makes exactly
   * the writes of the real run, each rolled back alone when it fails, and all of them at the end.
   */
  public <T> T write(Work<T> work) {
    return writeSql(work::run);
  }

  /**
   * Runs {@code work} exactly as {@link #write} does, then rolls it back: a dry run is the real run
   * whose changes are thrown away, so it reports what the real one would do. The writes {@code
   * work} makes through {@link #write} are part of it.
   */
  public <T> T rehearse(Work<T> work) {
    try {
      return inTransaction(work::run, false);
    } catch (SQLException e) {
      throw new StoreException(describe("archive write failed", e), e);
    }
  }

  /** {@link #write} for the store's own SQL. */
  <T> T writeSql(SqlWork<T> work) {
    try {
      return rehearsing ? inSavepoint(work) : inTransaction(work, true);
    } catch (SQLException e) {
      throw new StoreException(describe("archive write failed", e), e);
    }
  }

  /** True while a write transaction is open on this connection. */
  boolean writing() {
    return openTransaction != 0;
  }

  /**
   * Runs {@code work}, which only reads, on one snapshot of the archive: on PostgreSQL outside a
   * write, in a read-only REPEATABLE READ transaction (each statement would otherwise see what
   * others committed since the one before); as it is inside a write, whose lock keeps other writers
   * out, and on SQLite.
   */
  <T> T readOneSnapshot(SqlWork<T> work) throws SQLException {
    if (engine != Engine.POSTGRES || openTransaction != 0) {
      return work.run();
    }
    try (Statement st = conn.createStatement()) {
      st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      T result;
      try {
        result = work.run();
      } catch (SQLException | RuntimeException e) {
        st.execute("ROLLBACK");
        throw e;
      }
      st.execute("COMMIT");
      return result;
    }
  }

  <T> T inTransaction(SqlWork<T> work) throws SQLException {
    return inTransaction(work, true);
  }

  private <T> T inTransaction(SqlWork<T> work, boolean commit) throws SQLException {
    if (openTransaction != 0) {
      throw new IllegalStateException("a write transaction is already open on this archive");
    }
    try (Statement st = conn.createStatement()) {
      st.execute(engine.begin());
      if (engine == Engine.POSTGRES) {
        // one writer at a time, as on SQLite: a change reads and writes without lost updates
        st.execute("SELECT pg_advisory_xact_lock(" + PG_WRITE_LOCK + ")");
        // told to the listeners when (and only if) the transaction commits
        st.execute("NOTIFY " + PG_CHANGES);
      }
    }
    openTransaction = ++transactions;
    selections = 0;
    rehearsing = !commit;
    boolean wasCommitted = committed;
    committed = false;
    boolean ok = false;
    try {
      long version = engine == Engine.SQLITE ? dataVersion() : -1;
      if (!(bulk && wasCommitted && version >= 0 && version == versionAtBegin)) {
        epoch++;
      }
      versionAtBegin = version;
      T result = work.run();
      if (commit) {
        CrashPoint.beforeCommit();
        try (Statement st = conn.createStatement()) {
          st.execute("COMMIT");
        }
        ok = true;
        committed = true;
        openTransaction = 0;
        CrashPoint.afterCommit();
      }
      return result;
    } finally {
      openTransaction = 0;
      rehearsing = false;
      if (!ok) {
        try (Statement st = conn.createStatement()) {
          st.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // the transaction is already gone; the original failure is what matters
        }
      }
    }
  }

  /** Runs {@code work} in a savepoint of the open rehearsal, rolled back to when it fails. */
  private <T> T inSavepoint(SqlWork<T> work) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("SAVEPOINT write");
    }
    boolean ok = false;
    try {
      T result = work.run();
      ok = true;
      return result;
    } finally {
      try (Statement st = conn.createStatement()) {
        if (!ok) {
          st.execute("ROLLBACK TO write");
        }
        st.execute("RELEASE write");
      } catch (SQLException e) {
        if (ok) {
          throw e;
        }
        // the original failure is what matters
      }
    }
  }

  /**
   * Selects the articles matching {@code q} for a change made in the open {@link #write}; the
   * handle works on that set alone, until the transaction ends.
   */
  public Selection select(CompiledQuery q) {
    Selection sel = newSelection();
    return sel.fill(q);
  }

  /**
   * Selects the articles with these ids (ids that do not exist are left out) for a change made in
   * the open {@link #write}.
   */
  public Selection select(Collection<Long> ids) {
    Selection sel = newSelection();
    return sel.fill(ids);
  }

  private Selection newSelection() {
    if (openTransaction == 0) {
      throw new IllegalStateException("a selection is made inside a write transaction");
    }
    return new Selection(this, openTransaction, ++selections);
  }

  /**
   * The number of the write transaction open on this connection, or 0 outside one and in a
   * rehearsal (whose parts may be rolled back alone): what a cache valid for one transaction keys
   * on.
   */
  long committingTransaction() {
    return rehearsing ? 0 : openTransaction;
  }

  /**
   * What a cache of the archive's rows (written through this connection's repositories) keys on, or
   * 0 when nothing may be cached: outside a write transaction and in a rehearsal. Within one
   * transaction nothing else writes the archive. During a bulk write (an import) the number also
   * stays the same from one transaction to the next as long as each committed and SQLite's {@code
   * data_version} says that no other connection committed in between, so an import keeps what it
   * learned from batch to batch; a server archive starts again with every transaction.
   */
  long cacheEpoch() {
    return rehearsing || openTransaction == 0 ? 0 : epoch;
  }

  /** True while the write transaction {@code number} is open. */
  boolean isOpen(long number) {
    return number != 0 && openTransaction == number;
  }

  /** A user-facing description of an SQLite failure. */
  static String describe(String what, SQLException e) {
    return what + ": " + reason(e);
  }

  /** Why an SQLite operation failed, in words: never a bare {@code [SQLITE_...]} code. */
  static String reason(SQLException e) {
    if (e instanceof org.postgresql.util.PSQLException) {
      return PgConnect.reason(e);
    }
    return switch (SqliteCode.of(e)) {
      case BUSY, LOCKED -> "the archive is busy in another process; try again";
      case NOTADB -> "the file is not a dossier archive";
      case CORRUPT -> "the archive is damaged";
      case READONLY -> "the archive cannot be written (check its permissions and its folder's)";
      case CANTOPEN -> "the archive cannot be opened";
      case FULL -> "No space left on device";
      case IOERR -> "input/output error";
      case INTERRUPT, OTHER -> SqliteCode.message(e);
    };
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      // closing a connection we are done with: nothing to recover
    }
  }
}
