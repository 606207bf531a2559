package dossier.store;

/**
 * The database an archive lives in. Where the two speak different SQL, the repositories ask the
 * engine for its form of it, so that one repository serves both.
 */
enum Engine {
  /** A file, through sqlite-jdbc: FTS5 for words, {@code PRAGMA}s for settings. */
  SQLITE,
  /** A database on a PostgreSQL server, through pgjdbc: a weighted tsvector for words. */
  POSTGRES;

  /** The statement that opens a write transaction. */
  String begin() {
    return this == SQLITE ? "BEGIN IMMEDIATE" : "BEGIN";
  }

  /** {@code a IS NOT b} for values that may be null. */
  String isNot() {
    return this == SQLITE ? " IS NOT " : " IS DISTINCT FROM ";
  }

  /**
   * {@code INSERT OR IGNORE INTO <into> <rest>}: rows that would break a unique key are left out.
   */
  String insertOrIgnore(String into, String rest) {
    return this == SQLITE
        ? "INSERT OR IGNORE INTO " + into + " " + rest
        : "INSERT INTO " + into + " " + rest + " ON CONFLICT DO NOTHING";
  }

  /**
   * {@code INSERT OR REPLACE INTO <into> <rest>} for a table whose key is {@code key}: a row of the
   * same key is replaced by the new one ({@code set} assigns every other column from {@code
   * excluded}).
   */
  String insertOrReplace(String into, String rest, String key, String set) {
    return this == SQLITE
        ? "INSERT OR REPLACE INTO " + into + " " + rest
        : "INSERT INTO " + into + " " + rest + " ON CONFLICT (" + key + ") DO UPDATE SET " + set;
  }

  /** The lines of {@code expr} joined by newlines, an aggregate. */
  String joinLines(String expr) {
    return this == SQLITE
        ? "group_concat(" + expr + ", char(10))"
        : "string_agg(" + expr + ", chr(10))";
  }

  /** {@code LIMIT ? OFFSET ?}'s value for no limit. */
  Long noLimit() {
    return this == SQLITE ? -1L : null;
  }

  /** A temporary table's qualified name. */
  String temp(String name) {
    return (this == SQLITE ? "temp." : "pg_temp.") + name;
  }
}
