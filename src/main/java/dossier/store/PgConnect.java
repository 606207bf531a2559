package dossier.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Connects to the PostgreSQL server a {@code postgresql://} URL names, through pgjdbc.
 *
 * <p>The URL is libpq's ({@code postgresql://[user[:password]@][host][:port][/dbname][?param=
 * value&...]}), which pgjdbc does not read as such: its host, port and database make the JDBC URL,
 * the user and password become properties, and the parameters are passed on (pgjdbc knows {@code
 * sslmode}, {@code sslrootcert}, {@code service} and the rest). pgjdbc itself looks a missing
 * password up in {@code ~/.pgpass} (or {@code $PGPASSFILE}) and reads {@code ?service=NAME} from
 * {@code ~/.pg_service.conf} (or {@code $PGSERVICEFILE}, {@code $PGSYSCONFDIR}). What it does not
 * read, libpq's environment, is filled in here, the URL first: {@code PGPASSWORD}, {@code PGUSER},
 * {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGSERVICE}, {@code PGSSLMODE}, {@code
 * PGAPPNAME}, {@code PGCONNECT_TIMEOUT}.
 */
final class PgConnect {
  private PgConnect() {}

  /** The JDBC URL and properties for a {@code postgresql://} URL. */
  record Target(String jdbcUrl, Properties properties) {}

  static Target target(String url, Map<String, String> env) {
    String rest = url.substring(url.indexOf("://") + 3);
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String path = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    Properties p = new Properties();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (!user.isEmpty()) {
        p.setProperty("user", decode(user));
      }
      if (colon >= 0) {
        p.setProperty("password", decode(userInfo.substring(colon + 1)));
      }
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq >= 0 ? pair.substring(0, eq) : pair);
      String v = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
      p.setProperty(k.equals("dbname") ? "PGDBNAME" : k, v);
    }
    String hostPort = rest;
    String db = path.isEmpty() ? p.getProperty("PGDBNAME") : decode(path);
    p.remove("PGDBNAME");
    fill(p, "password", env.get("PGPASSWORD"));
    fill(p, "user", env.get("PGUSER"));
    fill(p, "service", env.get("PGSERVICE"));
    fill(p, "sslmode", env.get("PGSSLMODE"));
    fill(p, "ApplicationName", env.getOrDefault("PGAPPNAME", "dossier"));
    fill(p, "connectTimeout", env.get("PGCONNECT_TIMEOUT"));
    if (hostPort.isEmpty() && p.getProperty("service") == null) {
      String host = env.get("PGHOST");
      String port = env.get("PGPORT");
      hostPort =
          (host == null || host.isEmpty() || host.startsWith("/") ? "localhost" : host)
              + (port == null || port.isEmpty() ? "" : ":" + port);
    } else if (!hostPort.isEmpty() && !hostPort.contains(":") && !hostPort.endsWith("]")) {
      String port = env.get("PGPORT");
      if (port != null && !port.isEmpty()) {
        hostPort = hostPort + ":" + port;
      }
    }
    if (db == null || db.isEmpty()) {
      db = env.get("PGDATABASE");
    }
    if (db == null || db.isEmpty()) {
      // libpq's default: the database named as the user
      db = p.getProperty("user", "");
    }
    String jdbc = "jdbc:postgresql://" + hostPort + "/" + encode(db);
    return new Target(jdbc, p);
  }

  private static void fill(Properties p, String key, String value) {
    if (value != null && !value.isEmpty() && p.getProperty(key) == null) {
      p.setProperty(key, value);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Opens the connection, or fails with what went wrong in words, naming the shown URL. */
  static Connection connect(ArchiveLocation where, Map<String, String> env) {
    Target t = target(where.url(), env);
    try {
      Connection c = new org.postgresql.Driver().connect(t.jdbcUrl(), t.properties());
      if (c == null) {
        throw new StoreException("cannot open archive " + where.shown() + ": not a PostgreSQL URL");
      }
      return c;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open archive " + where.shown() + ": " + connectReason(e, t), e);
    }
  }

  /** Why a connection failed, in words: the server, the login, or the database. */
  static String connectReason(SQLException e, Target t) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String user = t.properties().getProperty("user", System.getProperty("user.name"));
    if (state.equals("28P01") || state.equals("28000")) {
      return "the server refused the login of role '"
          + user
          + "' (password authentication failed or no access); give the password in ~/.pgpass,"
          + " $PGPASSWORD or a service file, not in the URL";
    }
    if (state.equals("3D000")) {
      return "the server has no such database; create it (createdb) or name another";
    }
    if (state.startsWith("08")) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (m.toLowerCase(Locale.ROOT).contains("password")) {
        return "the server asks for a password for role '"
            + user
            + "'; give it in ~/.pgpass, $PGPASSWORD or a service file";
      }
      return "cannot reach the server (" + firstLine(m) + ")";
    }
    return firstLine(e.getMessage());
  }

  /** Why a statement failed on the server, in words; the server's own message otherwise. */
  static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String m =
        e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
            ? p.getServerErrorMessage().getMessage()
            : e.getMessage();
    if (state.equals("42501") || state.equals("25006")) {
      return "this role may only read the archive ("
          + firstLine(m)
          + "); ask its owner for write rights";
    }
    if (state.equals("55P03") || state.equals("40001") || state.equals("40P01")) {
      return "the archive is busy with another client's change; try again";
    }
    if (state.equals("53100")) {
      return "the server has no space left on its disk";
    }
    if (state.startsWith("08") || state.equals("57P01")) {
      return "the connection to the server was lost (" + firstLine(m) + ")";
    }
    return firstLine(m);
  }

  static String firstLine(String m) {
    if (m == null) {
      return "unknown failure";
    }
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
