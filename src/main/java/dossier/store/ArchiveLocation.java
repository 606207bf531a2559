package dossier.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an archive is, as {@code --db} or {@code $DOSSIER_DB} names it: a SQLite file, or a
 * database on a PostgreSQL server ({@code postgresql://} or {@code postgres://}). A value that
 * starts with a URL scheme is never taken as a file name: {@code postgresql://host/db} read as a
 * path would make a folder named {@code postgresql:}.
 *
 * @param file the archive file, or null for a server archive
 * @param url the server archive's URL as given (it may hold a password), or null for a file
 */
public record ArchiveLocation(Path file, String url) {
  private static final Pattern SCHEME =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*", Pattern.DOTALL);

  /** A SQLite archive file. */
  public static ArchiveLocation ofFile(Path file) {
    return new ArchiveLocation(file, null);
  }

  /**
   * Reads a {@code --db} value: a {@code postgresql://} or {@code postgres://} URL names a server
   * archive, any other {@code scheme://} is refused, and the rest is a file path.
   */
  public static ArchiveLocation parse(String value) {
    var m = SCHEME.matcher(value);
    if (!m.matches()) {
      return ofFile(Path.of(value));
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new dossier.core.UsageException(
          "--db takes an archive file or a postgresql:// URL, not '"
              + redact(value)
              + "' (a "
              + scheme
              + ":// URL)");
    }
    return new ArchiveLocation(null, value);
  }

  /** True for an archive on a PostgreSQL server. */
  public boolean isServer() {
    return url != null;
  }

  /**
   * The location for messages and listings: the file's absolute path, or the URL without its
   * password (in the user part or a {@code password=} parameter).
   */
  public String shown() {
    return isServer() ? redact(url) : file.toAbsolutePath().toString();
  }

  @Override
  public String toString() {
    return shown();
  }

  private static final Pattern USER_PASSWORD = Pattern.compile("^([^:/?#]+://[^:@/?#]*):[^@/?#]*@");
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("([?&])password=[^&#]*(&?)", Pattern.CASE_INSENSITIVE);

  /** A URL without the password it may carry. */
  static String redact(String url) {
    String s = USER_PASSWORD.matcher(url).replaceFirst("$1@");
    s = PASSWORD_PARAM.matcher(s).replaceAll(r -> r.group(2).isEmpty() ? "" : r.group(1));
    return s;
  }
}
