package dossier.store;

/**
 * The database an archive lives in. Where the two differ in meaning (full-text search and its
 * ranking, lists of ids, transactions), the repositories ask the engine, or branch on it, so that
 * one repository serves both; where they differ in spelling only, {@link PgDialect} translates.
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

  /**
   * A table of the ids in a JSON array bound to its one parameter, in a column {@code value}:
   * {@code json_each} on SQLite; PostgreSQL's json_each reads objects only.
   */
  String ids(String alias) {
    return this == SQLITE
        ? "json_each(?) " + alias
        : "(SELECT CAST(value AS BIGINT) AS value FROM json_array_elements_text(CAST(? AS json))) "
            + alias;
  }
}
