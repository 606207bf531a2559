package dossier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A copy of a whole archive into an empty one, on either engine: every table of dossier's schema,
 * row for row and column for column (articles with every field, their originals' bytes, tags,
 * notes, edits, the change log with what undo needs, saved searches, rules, copies, stories,
 * fetches and versions), with the ids kept and each id counter carried over, so that an id handed
 * out before is never handed out again.
 *
 * <p>The source is read in one snapshot (a read transaction) and streamed: rows go over in batches
 * of a bounded size, so an archive of any size is copied without being held in memory. The target
 * is written in one transaction: a copy that fails leaves it as empty as it was. What an engine
 * derives from the rows (SQLite's full-text index, PostgreSQL's tsvector column) it builds from
 * them as they arrive, by its own triggers.
 */
public final class ArchiveCopy {
  /** Told how far the copy is, in rows of all the tables. */
  @FunctionalInterface
  public interface Progress {
    void rows(long done, long total);
  }

  /** What was copied: rows per table, in the order they were copied. */
  public record Result(Map<String, Long> rows) {
    public long articles() {
      return rows.getOrDefault("articles", 0L);
    }

    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Columns an engine computes from the others; never copied, never required. */
  private static final Set<String> DERIVED = Set.of("articles.fts");

  /** Tables other rows refer to, copied first so that every reference finds its row. */
  private static final List<String> PARENTS = List.of("articles", "tags", "journal");

  /** A batch is sent once it holds this many rows... */
  private static final int BATCH_ROWS = 500;

  /** ...or this many bytes of text and blobs, whichever comes first. */
  private static final long BATCH_BYTES = 8L << 20;

  private final Archive from;
  private final Archive to;

  private ArchiveCopy(Archive from, Archive to) {
    this.from = from;
    this.to = to;
  }

  /**
   * Copies {@code from} into {@code to}, which must hold nothing yet (a new archive, or one whose
   * tables are all empty); refuses otherwise, changing nothing.
   */
  public static Result copy(Archive from, Archive to, Progress progress) {
    return new ArchiveCopy(from, to).run(progress);
  }

  private Result run(Progress progress) {
    try {
      List<String> tables = tables(from);
      Set<String> targetTables = new TreeSet<>(tables(to));
      if (!targetTables.equals(new TreeSet<>(tables))) {
        Set<String> onlySource = new TreeSet<>(tables);
        onlySource.removeAll(targetTables);
        Set<String> onlyTarget = new TreeSet<>(targetTables);
        onlyTarget.removeAll(tables);
        throw new StoreException(
            "cannot copy "
                + from.location().shown()
                + " to "
                + to.location().shown()
                + ": their schemas differ (only in the archive: "
                + onlySource
                + "; only in the target: "
                + onlyTarget
                + ")");
      }
      refuseNonEmpty(tables);
      Connection src = reader(from);
      boolean pgSource = from.engine() == Engine.POSTGRES;
      try {
        beginSnapshot(src, pgSource);
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (String t : tables) {
          long n = count(src, t);
          counts.put(t, n);
          total += n;
        }
        long all = total;
        Map<String, Long> copied = new LinkedHashMap<>();
        to.writeSql(
            () -> {
              int automerge = to.beginBulkWrite();
              long[] done = {0};
              progress.rows(0, all);
              for (String t : tables) {
                copied.put(t, copyTable(src, t, done, all, progress));
              }
              carryCounters(src, tables);
              to.endBulkWrite(automerge);
              return null;
            });
        for (Map.Entry<String, Long> e : counts.entrySet()) {
          long got = copied.getOrDefault(e.getKey(), -1L);
          if (got != e.getValue()) {
            throw new StoreException(
                "the copy of table "
                    + e.getKey()
                    + " has "
                    + got
                    + " rows where the archive has "
                    + e.getValue());
          }
        }
        // a file target's index was built a flush at a time: merge it as an import would
        to.mergeIndexAfterImport(copied.getOrDefault("articles", 0L));
        return new Result(copied);
      } finally {
        endSnapshot(src, pgSource);
      }
    } catch (SQLException e) {
      throw new StoreException(
          Archive.describe(
              "cannot copy " + from.location().shown() + " to " + to.location().shown(), e),
          e);
    }
  }

  /** The engine's own connection: the copy's SQL is its own, not SQLite's spelling translated. */
  private static Connection reader(Archive a) throws SQLException {
    return a.engine() == Engine.POSTGRES ? a.connection().unwrap(Connection.class) : a.connection();
  }

  private static void beginSnapshot(Connection c, boolean pg) throws SQLException {
    if (pg) {
      // a cursor (fetch size) streams only outside autocommit
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
    } else {
      try (Statement st = c.createStatement()) {
        st.execute("BEGIN");
      }
    }
  }

  private static void endSnapshot(Connection c, boolean pg) {
    try {
      if (pg) {
        c.rollback();
        c.setAutoCommit(true);
      } else {
        try (Statement st = c.createStatement()) {
          st.execute("COMMIT");
        }
      }
    } catch (SQLException e) {
      // a read-only snapshot: ending it can lose nothing
    }
  }

  /** dossier's tables in the archive, parents first, then the rest by name. */
  static List<String> tables(Archive a) throws SQLException {
    String sql =
        a.engine() == Engine.POSTGRES
            ? "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                + " AND tablename NOT IN ('dossier_schema', 'dossier_lexemes')"
            : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name NOT LIKE 'articles_fts%'";
    Set<String> names = new TreeSet<>();
    try (Statement st = reader(a).createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String p : PARENTS) {
      if (names.remove(p)) {
        ordered.add(p);
      }
    }
    ordered.addAll(names);
    return ordered;
  }

  private void refuseNonEmpty(List<String> tables) throws SQLException {
    Connection c = reader(to);
    List<String> held = new ArrayList<>();
    for (String t : tables) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(t) + ")")) {
        if (rs.next() && rs.getBoolean(1)) {
          held.add(t);
        }
      }
    }
    if (!held.isEmpty()) {
      long articles = count(c, "articles");
      throw new StoreException(
          to.location().shown()
              + " is not empty ("
              + (articles > 0
                  ? articles + " article" + (articles == 1 ? "" : "s")
                  : "rows in " + String.join(", ", held))
              + "): an archive is copied only into a new or empty one, so nothing is mixed or"
              + " overwritten; it was not changed");
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table))) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The columns of {@code table} and their JDBC types, in the table's order. */
  private static Map<String, Integer> columns(Connection c, String table) throws SQLException {
    Map<String, Integer> cols = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        cols.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
      }
    }
    return cols;
  }

  private long copyTable(Connection src, String table, long[] done, long total, Progress progress)
      throws SQLException {
    Connection dst = reader(to);
    Map<String, Integer> srcCols = columns(src, table);
    Map<String, Integer> dstCols = columns(dst, table);
    List<String> cols = new ArrayList<>();
    for (String c : srcCols.keySet()) {
      if (DERIVED.contains(table + "." + c)) {
        continue;
      }
      if (!dstCols.containsKey(c)) {
        throw new StoreException(
            "cannot copy table " + table + ": the target has no column " + c + " to hold it");
      }
      cols.add(c);
    }
    for (String c : dstCols.keySet()) {
      if (!cols.contains(c) && !DERIVED.contains(table + "." + c)) {
        throw new StoreException(
            "cannot copy table " + table + ": the archive has no column " + c + " to fill it");
      }
    }
    StringBuilder select = new StringBuilder("SELECT ");
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      String sep = i == 0 ? "" : ", ";
      select.append(sep).append(quote(cols.get(i)));
      insert.append(sep).append(quote(cols.get(i)));
      marks.append(sep).append('?');
    }
    select.append(" FROM ").append(quote(table));
    if (from.engine() == Engine.POSTGRES && cols.contains("id")) {
      // SQLite reads a table in its key's order; the server in the order rows lie on disk
      select.append(" ORDER BY id");
    }
    insert.append(") VALUES (").append(marks).append(')');
    int[] types = new int[cols.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = dstCols.get(cols.get(i));
    }
    if (to.engine() == Engine.POSTGRES) {
      return PgBulkLoad.load(
          src,
          dst,
          table,
          cols,
          types,
          select.toString(),
          hasBlobs(srcCols),
          done,
          total,
          progress);
    }
    long rows = 0;
    try (Statement read = src.createStatement();
        PreparedStatement write = dst.prepareStatement(insert.toString())) {
      read.setFetchSize(hasBlobs(srcCols) ? 50 : 1000);
      try (ResultSet rs = read.executeQuery(select.toString())) {
        int batched = 0;
        long bytes = 0;
        while (rs.next()) {
          for (int i = 0; i < types.length; i++) {
            bytes += bind(write, i + 1, rs.getObject(i + 1), types[i]);
          }
          write.addBatch();
          batched++;
          rows++;
          if (batched >= BATCH_ROWS || bytes >= BATCH_BYTES) {
            write.executeBatch();
            done[0] += batched;
            progress.rows(done[0], total);
            batched = 0;
            bytes = 0;
          }
        }
        if (batched > 0) {
          write.executeBatch();
          done[0] += batched;
          progress.rows(done[0], total);
        }
      }
    }
    return rows;
  }

  private static boolean hasBlobs(Map<String, Integer> cols) {
    return cols.values().stream().anyMatch(ArchiveCopy::binary);
  }

  private static boolean binary(int type) {
    return type == Types.BLOB
        || type == Types.BINARY
        || type == Types.VARBINARY
        || type == Types.LONGVARBINARY;
  }

  /**
   * Binds one value as the target's column takes it, and returns about how many bytes it holds.
   * SQLite gives back what a column holds (its types are only affinities): a whole number goes to a
   * server's integer column as a number, text as text, bytes as bytes; what does not fit is refused
   * by the server, never converted.
   */
  private static long bind(PreparedStatement st, int i, Object v, int type) throws SQLException {
    if (v == null) {
      st.setNull(i, type);
      return 1;
    }
    switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
          st.setLong(i, n.longValue());
          return 8;
        }
      }
      case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC, Types.DECIMAL -> {
        if (v instanceof Number n) {
          st.setDouble(i, n.doubleValue());
          return 8;
        }
      }
      default -> {
        // as it is below
      }
    }
    if (v instanceof byte[] b) {
      st.setBytes(i, b);
      return b.length;
    }
    if (v instanceof String s) {
      st.setString(i, s);
      return s.length();
    }
    st.setObject(i, v);
    return 8;
  }

  /**
   * Carries each id counter over: the target hands out, for every table with an id of its own, ids
   * above any the archive ever handed out (SQLite's AUTOINCREMENT and the server's sequences both
   * remember ids whose rows were removed, and undo and the copy links rely on ids never coming
   * back).
   */
  private void carryCounters(Connection src, List<String> tables) throws SQLException {
    Connection dst = reader(to);
    for (String t : tables) {
      if (!columns(dst, t).containsKey("id")) {
        continue;
      }
      long high = Math.max(handedOut(from, src, t), maxId(dst, t));
      if (to.engine() == Engine.POSTGRES) {
        String seq = sequence(dst, t);
        if (seq == null) {
          continue;
        }
        try (PreparedStatement st = dst.prepareStatement("SELECT setval(?, ?, ?)")) {
          st.setString(1, seq);
          st.setLong(2, Math.max(high, 1));
          st.setBoolean(3, high > 0);
          st.executeQuery().close();
        }
      } else if (autoincrement(dst, t)) {
        try (PreparedStatement del =
                dst.prepareStatement("DELETE FROM sqlite_sequence WHERE name = ?");
            PreparedStatement ins =
                dst.prepareStatement("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)")) {
          del.setString(1, t);
          del.executeUpdate();
          ins.setString(1, t);
          ins.setLong(2, high);
          ins.executeUpdate();
        }
      }
    }
  }

  private static long maxId(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM " + quote(table))) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The highest id the archive's counter for {@code table} handed out, or 0 when it keeps none. */
  private static long handedOut(Archive a, Connection c, String table) throws SQLException {
    if (a.engine() == Engine.POSTGRES) {
      String seq = sequence(c, table);
      if (seq == null) {
        return 0;
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + seq)) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
    try (PreparedStatement st =
        c.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The sequence behind a server table's id, or null when its id is not generated. */
  private static String sequence(Connection c, String table) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static boolean autoincrement(Connection c, String table) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT sql LIKE '%AUTOINCREMENT%' FROM sqlite_schema WHERE type = 'table' AND name"
                + " = ?")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
