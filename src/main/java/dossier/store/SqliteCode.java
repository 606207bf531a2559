package dossier.store;

import java.sql.SQLException;

/**
 * SQLite's primary result codes that dossier tells apart, read from the code a failure carries
 * rather than from its message (whose wording SQLite does not promise to keep).
 */
enum SqliteCode {
  BUSY(5),
  LOCKED(6),
  READONLY(8),
  INTERRUPT(9),
  IOERR(10),
  CORRUPT(11),
  FULL(13),
  CANTOPEN(14),
  NOTADB(26),
  OTHER(-1);

  private final int code;

  SqliteCode(int code) {
    this.code = code;
  }

  /**
   * The primary code of {@code e}: the low byte of its (possibly extended) result code, or of the
   * first failure in its chain that has one; {@link #OTHER} when none does.
   */
  static SqliteCode of(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() != 0) {
        int primary = s.getErrorCode() & 0xff;
        for (SqliteCode c : values()) {
          if (c.code == primary) {
            return c;
          }
        }
        return OTHER;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return OTHER;
  }

  /** The message of {@code e} without the {@code [SQLITE_...]} prefix the driver puts on it. */
  static String message(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return m.replaceFirst("^\\[SQLITE_\\w+\\]\\s*", "").trim();
  }
}
