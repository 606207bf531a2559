package dossier.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The schema of an archive on PostgreSQL: the scripts {@code dossier/db/pg/NNN.sql}, numbered as
 * SQLite's (a version is the same schema on both engines). {@link #BASE} creates the whole schema
 * of its version at once; every later version has one script (see the README beside them).
 */
public final class PgSchema {
  /** The version the first script brings a new PostgreSQL archive to. */
  public static final int BASE = 11;

  private PgSchema() {}

  /** The script that brings a PostgreSQL archive to {@code version}, or null when none exists. */
  public static String script(int version) {
    String name = "/dossier/db/pg/" + Migrations.name(version);
    try (InputStream in = PgSchema.class.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** The highest version a PostgreSQL script exists for: SQLite's latest, the same schema. */
  public static int latest() {
    return Migrations.LATEST;
  }
}
