package dossier.query;

/**
 * Each person's read status and star on a server's archive (PostgreSQL's {@code person_state}), as
 * SQL over the article alias {@code a}: what the person of the session ({@code dossier.person}, the
 * journal's author) set, else the article's own value. A file has one person and reads the
 * article's columns themselves.
 */
public final class PersonState {
  private PersonState() {}

  /** The person of the session, as SQL. */
  public static final String PERSON = "current_setting('dossier.person')";

  /** The session's person's status of article {@code a}. */
  public static final String STATUS = of("status");

  /** The session's person's star of article {@code a}: 1 or 0. */
  public static final String STARRED = of("starred");

  private static String of(String column) {
    return "coalesce((SELECT s."
        + column
        + " FROM person_state s WHERE s.article_id = a.id AND s.person = "
        + PERSON
        + "), a."
        + column
        + ")";
  }

  /**
   * {@code column} (status or starred) of article {@code a} as a read of the archive sees it: on a
   * server ({@code server} true) the session's person's, on a file the article's own column.
   */
  public static String read(String column, boolean server) {
    return server ? column(column) : "a." + column;
  }

  /** {@code column} (status or starred) as the session's person sees it, over {@code a}. */
  public static String column(String column) {
    return switch (column) {
      case "status" -> STATUS;
      case "starred" -> STARRED;
      default -> throw new IllegalArgumentException("not a person's column: " + column);
    };
  }
}
