package dossier.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL the repositories write in SQLite's spelling, said in PostgreSQL's: a connection to the
 * server that rewrites, before preparing, the forms that are only spelled differently and mean the
 * same. Whatever differs in meaning (full-text search, ranking, limits, lists of ids) the
 * repositories ask the {@link Engine} for instead; this is for syntax alone:
 *
 * <ul>
 *   <li>numbered parameters {@code ?1 ?2} (bound once, used several times) become plain {@code ?},
 *       and setting parameter N sets each place it stands;
 *   <li>{@code INSERT OR IGNORE INTO} becomes {@code ... ON CONFLICT DO NOTHING}, and {@code INSERT
 *       OR REPLACE INTO t(cols)} {@code ... ON CONFLICT (key) DO UPDATE SET} every other column,
 *       for the tables whose key is known here;
 *   <li>{@code x IS NOT ?} becomes {@code x IS DISTINCT FROM ?}; {@code group_concat(x, char(10))}
 *       {@code string_agg(x, chr(10))}; {@code char(n)} {@code chr(n)}; {@code col COLLATE NOCASE}
 *       {@code lower(col)}; {@code temp.t} {@code pg_temp.t}; {@code CAST(x AS INTEGER)} of a text
 *       {@code CAST(x AS BIGINT)}.
 * </ul>
 */
final class PgDialect {
  private PgDialect() {}

  /** The key of each table that an {@code INSERT OR REPLACE} writes to. */
  private static final Map<String, String> KEYS =
      Map.of(
          "originals", "article_id",
          "fingerprints", "article_id",
          "copies", "article_id",
          "saved_searches", "name",
          "rules", "id",
          "story_members", "article_id");

  /** A statement's PostgreSQL text and, for numbered parameters, where each one stands. */
  record Translated(String sql, List<List<Integer>> positions) {}

  private static final Map<String, Translated> CACHE = new ConcurrentHashMap<>();

  private static final Pattern OR_IGNORE =
      Pattern.compile("^\\s*INSERT OR IGNORE INTO ", Pattern.CASE_INSENSITIVE);
  private static final Pattern OR_REPLACE =
      Pattern.compile(
          "^\\s*INSERT OR REPLACE INTO (\\w+)\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOCASE = Pattern.compile("([\\w.]+) COLLATE NOCASE");
  private static final Pattern GROUP_CONCAT =
      Pattern.compile("group_concat\\(([^,()]+), char\\(10\\)\\)");
  private static final Pattern CHAR = Pattern.compile("\\bchar\\((\\d+)\\)");
  private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

  static Translated translate(String sql) {
    return CACHE.computeIfAbsent(sql, PgDialect::rewrite);
  }

  private static Translated rewrite(String sql) {
    String s = sql;
    Matcher m = OR_REPLACE.matcher(s);
    if (m.find()) {
      String table = m.group(1);
      String key = KEYS.get(table);
      if (key == null) {
        throw new IllegalStateException("no known key for INSERT OR REPLACE INTO " + table);
      }
      StringBuilder set = new StringBuilder();
      for (String c : m.group(2).split(",")) {
        String col = c.strip();
        if (!col.equals(key)) {
          set.append(set.length() == 0 ? "" : ", ").append(col).append(" = excluded.").append(col);
        }
      }
      s =
          "INSERT INTO "
              + s.substring(m.start(1))
              + " ON CONFLICT ("
              + key
              + ") DO "
              + (set.length() == 0 ? "NOTHING" : "UPDATE SET " + set);
    } else if (OR_IGNORE.matcher(s).find()) {
      s = OR_IGNORE.matcher(s).replaceFirst("INSERT INTO ");
      int returning = s.toUpperCase(java.util.Locale.ROOT).lastIndexOf(" RETURNING ");
      s =
          returning < 0
              ? s + " ON CONFLICT DO NOTHING"
              : s.substring(0, returning) + " ON CONFLICT DO NOTHING" + s.substring(returning);
    }
    s = s.replace(" IS NOT ?", " IS DISTINCT FROM ?");
    s = GROUP_CONCAT.matcher(s).replaceAll("string_agg($1, chr(10))");
    s = CHAR.matcher(s).replaceAll("chr($1)");
    s = NOCASE.matcher(s).replaceAll("lower($1)");
    s = s.replace("temp.sel_", "pg_temp.sel_").replace("temp.suggest_", "pg_temp.suggest_");
    s = s.replace("CAST(old AS INTEGER)", "CAST(old AS BIGINT)");
    List<List<Integer>> positions = null;
    Matcher n = NUMBERED.matcher(s);
    if (n.find()) {
      positions = new ArrayList<>();
      StringBuilder out = new StringBuilder();
      int place = 0;
      n.reset();
      int last = 0;
      while (n.find()) {
        int number = Integer.parseInt(n.group(1));
        while (positions.size() < number) {
          positions.add(new ArrayList<>());
        }
        positions.get(number - 1).add(++place);
        out.append(s, last, n.start()).append('?');
        last = n.end();
      }
      out.append(s.substring(last));
      s = out.toString();
    }
    return new Translated(s, positions);
  }

  /** A connection whose statements are translated; everything else passes through. */
  static Connection wrap(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            PgDialect.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
                return real;
              }
              if (name.equals("prepareStatement")
                  && args != null
                  && args[0] instanceof String sql) {
                Translated t = translate(sql);
                PreparedStatement st;
                if (args.length == 1 && returnsKey(t.sql())) {
                  // pgjdbc hands out generated keys only when asked when preparing
                  st = real.prepareStatement(t.sql(), Statement.RETURN_GENERATED_KEYS);
                } else {
                  Object[] a = args.clone();
                  a[0] = t.sql();
                  st = (PreparedStatement) call(method, real, a);
                }
                return t.positions() == null ? st : numbered(st, t.positions());
              }
              if (name.equals("createStatement")) {
                Statement st = (Statement) call(method, real, args);
                return statement(st);
              }
              return call(method, real, args);
            });
  }

  private static final Pattern INSERT_VALUES =
      Pattern.compile(
          "^\\s*INSERT INTO (journal|tags|rules|fetches|stories)\\b.* VALUES .*", Pattern.DOTALL);

  /** True for a one-row insert into a table with a generated id, whose id the caller may read. */
  private static boolean returnsKey(String sql) {
    return INSERT_VALUES.matcher(sql).matches()
        && !sql.contains("RETURNING")
        && !sql.contains("ON CONFLICT");
  }

  /** A statement whose execute methods translate their SQL. */
  private static Statement statement(Statement real) {
    return (Statement)
        Proxy.newProxyInstance(
            PgDialect.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("execute")
                  && args != null
                  && args[0] instanceof String sql) {
                Object[] a = args.clone();
                a[0] = translate(sql).sql();
                return call(method, real, a);
              }
              return call(method, real, args);
            });
  }

  /** A statement where setting parameter N sets each place {@code positions} lists for it. */
  private static PreparedStatement numbered(PreparedStatement real, List<List<Integer>> positions) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getName().startsWith("set")
              && args != null
              && args.length >= 2
              && args[0] instanceof Integer i
              && i >= 1
              && i <= positions.size()) {
            Object result = null;
            for (int p : positions.get(i - 1)) {
              Object[] a = args.clone();
              a[0] = p;
              result = call(method, real, a);
            }
            return result;
          }
          return call(method, real, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PgDialect.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  private static Object call(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
