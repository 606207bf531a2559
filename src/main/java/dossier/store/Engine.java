package dossier.store;

import java.util.List;

/**
 * The database an archive lives in, and how each says the few things the two spell or mean
 * differently. The repositories build their SQL through these methods (or branch on the engine
 * where the work itself differs: full-text search and its ranking, transactions), so one repository
 * serves both and every statement is prepared as written. Everything else is written once, in SQL
 * both read alike: plain {@code ?} parameters, each bound in order; {@code IS DISTINCT FROM};
 * {@code CAST(x AS BIGINT)}.
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

  /**
   * A table of the strings in the JSON array {@code json} (a parameter {@code ?} or a column), in a
   * column {@code value}.
   */
  String strings(String json, String alias) {
    return this == SQLITE
        ? "json_each(" + json + ") " + alias
        : "json_array_elements_text(CAST(" + json + " AS json)) " + alias;
  }

  /**
   * A table of the values in a JSON array bound to its one parameter, each as JSON in a column
   * {@code value}, so that {@code value ->> 0} reads an inner array's first item as text.
   */
  String jsonValues() {
    return this == SQLITE ? "json_each(?)" : "json_array_elements(CAST(? AS json)) value";
  }

  /**
   * An insert that leaves out the rows whose key a stored row already has: {@code into} is the
   * table, its columns and the rows (a {@code VALUES} list or a {@code SELECT}).
   */
  String insertIgnore(String into) {
    return this == SQLITE
        ? "INSERT OR IGNORE INTO " + into
        : "INSERT INTO " + into + " ON CONFLICT DO NOTHING";
  }

  /**
   * An insert of {@code rows} into {@code columns} of {@code table} whose rows replace the stored
   * ones with the same {@code key} (the table's primary key, the first of {@code columns}).
   */
  String upsert(String table, String key, List<String> columns, String rows) {
    String names = String.join(", ", columns);
    if (this == SQLITE) {
      return "INSERT OR REPLACE INTO " + table + "(" + names + ") " + rows;
    }
    StringBuilder set = new StringBuilder();
    for (String c : columns) {
      if (!c.equals(key)) {
        set.append(set.isEmpty() ? "" : ", ").append(c).append(" = excluded.").append(c);
      }
    }
    return "INSERT INTO "
        + table
        + "("
        + names
        + ") "
        + rows
        + " ON CONFLICT ("
        + key
        + ") DO "
        + (set.isEmpty() ? "NOTHING" : "UPDATE SET " + set);
  }

  /** The values of {@code expr} in a group, one to a line, in the order the rows come. */
  String lines(String expr) {
    return this == SQLITE
        ? "group_concat(" + expr + ", char(10))"
        : "string_agg(" + expr + ", chr(10))";
  }

  /**
   * {@code expr} as it compares without regard to case: SQLite's {@code NOCASE} (ASCII letters
   * folded, then code points compared); on PostgreSQL letters folded by {@code lower}, then code
   * points compared.
   */
  String nocase(String expr) {
    return this == SQLITE ? expr + " COLLATE NOCASE" : "lower(" + expr + ") COLLATE \"C\"";
  }

  /** The name of the connection's temporary table {@code name}. */
  String temp(String name) {
    return (this == SQLITE ? "temp." : "pg_temp.") + name;
  }
}
