package dossier.store;

import dossier.core.Text;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One table of an {@link ArchiveCopy} written into a PostgreSQL archive with {@code COPY ... FROM
 * STDIN}: the rows stream to the server in PostgreSQL's text format instead of one {@code INSERT}
 * each, and the table's secondary indexes (the GIN index of the full-text column among them) are
 * dropped for the load and built again once over all the rows, which is several times quicker than
 * growing them row by row. Everything happens inside the copy's one transaction: a load that fails
 * leaves the table, and its indexes, as they were.
 *
 * <p>Values go over as {@link ArchiveCopy}'s {@code INSERT} binds them: numbers as numbers, text as
 * text, bytes as bytes; what a column cannot hold is refused by the server, never converted.
 */
final class PgBulkLoad {
  /** What is sent to the server at once, in bytes of COPY text. */
  private static final int CHUNK = 1 << 20;

  /** Progress is told every this many rows. */
  private static final int REPORT_ROWS = 500;

  /** The least memory an index build gets (PostgreSQL's default is 64 MB). */
  private static final long INDEX_BUILD_MEMORY_KB = 256L * 1024;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private PgBulkLoad() {}

  static long load(
      Connection src,
      Connection dst,
      String table,
      List<String> cols,
      int[] types,
      String select,
      boolean blobs,
      long[] done,
      long total,
      ArchiveCopy.Progress progress)
      throws SQLException {
    List<String> rebuild = dropSecondaryIndexes(dst, table);
    StringBuilder copy = new StringBuilder("COPY ").append(quote(table)).append(" (");
    for (int i = 0; i < cols.size(); i++) {
      copy.append(i == 0 ? "" : ", ").append(quote(cols.get(i)));
    }
    copy.append(") FROM STDIN");
    long rows = 0;
    CopyIn in = dst.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.toString());
    try (Statement read = src.createStatement()) {
      read.setFetchSize(blobs ? 50 : 1000);
      try (ResultSet rs = read.executeQuery(select)) {
        Chunk out = new Chunk();
        int unreported = 0;
        while (rs.next()) {
          for (int i = 0; i < types.length; i++) {
            if (i > 0) {
              out.write('\t');
            }
            out.value(rs.getObject(i + 1), types[i]);
          }
          out.write('\n');
          rows++;
          if (out.size() >= CHUNK) {
            in.writeToCopy(out.bytes(), 0, out.size());
            out.reset();
          }
          if (++unreported >= REPORT_ROWS) {
            done[0] += unreported;
            progress.rows(done[0], total);
            unreported = 0;
          }
        }
        if (out.size() > 0) {
          in.writeToCopy(out.bytes(), 0, out.size());
        }
        in.endCopy();
        done[0] += unreported;
        progress.rows(done[0], total);
      }
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
    if (!rebuild.isEmpty()) {
      giveIndexBuildsMemory(dst);
      try (Statement st = dst.createStatement()) {
        for (String def : rebuild) {
          st.execute(def);
        }
      }
    }
    // the planner's statistics for the new rows, before anyone searches them
    try (Statement st = dst.createStatement()) {
      st.execute("ANALYZE " + quote(table));
    }
    return rows;
  }

  /**
   * Drops the indexes of {@code table} that no constraint owns (a primary key or a unique column
   * keeps its index: the load checks against it) and returns the statements that make them again.
   */
  private static List<String> dropSecondaryIndexes(Connection dst, String table)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> defs = new ArrayList<>();
    try (PreparedStatement st =
        dst.prepareStatement(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " WHERE i.indrelid = to_regclass(?) AND NOT EXISTS (SELECT 1 FROM"
                + " pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1")) {
      st.setString(1, quote(table));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          defs.add(rs.getString(2));
        }
      }
    }
    try (Statement st = dst.createStatement()) {
      for (String name : names) {
        st.execute("DROP INDEX " + name);
      }
    }
    return defs;
  }

  /** Raises this transaction's memory for index builds to at least the floor above. */
  private static void giveIndexBuildsMemory(Connection dst) throws SQLException {
    try (Statement st = dst.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem'")) {
      if (rs.next() && rs.getLong(1) >= INDEX_BUILD_MEMORY_KB) {
        return;
      }
    }
    try (PreparedStatement st =
        dst.prepareStatement("SELECT set_config('maintenance_work_mem', ?, true)")) {
      st.setString(1, INDEX_BUILD_MEMORY_KB + "kB");
      st.executeQuery().close();
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** COPY text being gathered: values escaped as PostgreSQL's text format reads them. */
  private static final class Chunk extends ByteArrayOutputStream {
    Chunk() {
      super(CHUNK + (CHUNK >> 2));
    }

    byte[] bytes() {
      return buf;
    }

    void value(Object v, int type) {
      if (v == null) {
        write('\\');
        write('N');
      } else if (v instanceof byte[] b) {
        // bytea's hex form, its backslash escaped for COPY
        write('\\');
        write('\\');
        write('x');
        for (byte x : b) {
          write(HEX[(x >> 4) & 0xf]);
          write(HEX[x & 0xf]);
        }
      } else if (v instanceof String s) {
        text(s);
      } else if (v instanceof Number n
          && integral(type)
          && !(v instanceof Double || v instanceof Float)) {
        text(Long.toString(n.longValue()));
      } else {
        text(v.toString());
      }
    }

    private static boolean integral(int type) {
      return type == Types.BIGINT
          || type == Types.INTEGER
          || type == Types.SMALLINT
          || type == Types.TINYINT;
    }

    private void text(String s) {
      String escaped = Text.escapeTabular(s);
      utf8(escaped, 0, escaped.length());
    }

    private void utf8(String s, int from, int to) {
      if (from < to) {
        byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
      }
    }
  }
}
