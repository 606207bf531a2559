package dossier.query;

import dossier.core.Query;
import dossier.core.UsageException;
import java.util.List;

/**
 * The query language's entry points: {@link #parse} reads query text into a {@link Query} tree,
 * {@link #compile} turns text into SQL and an FTS5 expression for the store, and {@link #explain}
 * shows both for people debugging a query.
 *
 * <p>Every malformed query is a {@link UsageException} whose message says where it broke; nothing
 * else escapes from here for any input.
 *
 * <p>Choices where the language could be read more than one way:
 *
 * <ul>
 *   <li>{@code OR}, {@code AND} and {@code NOT} are operators only in upper case; {@code OR} binds
 *       looser than the implicit AND, so {@code a b OR c} is {@code (a b) OR c}.
 *   <li>A lone {@code *} is every article. Other words without a letter or digit ({@code -}, {@code
 *       ...}, {@code ""}) are left out; a query of nothing else is a usage error.
 *   <li>{@code title:}, {@code body:}, {@code caption:} and {@code note:} search that full-text
 *       column (stemmed, accent-folded). {@code source:}, {@code author:} and {@code url:} match a
 *       substring, {@code section:} the whole value ({@code section:uk*} for a prefix), {@code
 *       lang:en} also {@code en-GB}, {@code site:example.com} also its subdomains; these compare
 *       case-insensitively for ASCII letters only (SQLite's LIKE).
 *   <li>{@code id:} takes one id, a list and ranges: {@code id:3,7,10..20}.
 *   <li>Date ranges include both ends' whole periods ({@code date:2024-08..2024-09} is August and
 *       September). A bare relative date means "since": {@code date:30d} is {@code date:30d..};
 *       {@code today} and {@code yesterday} are days. {@code after:X} starts once X is over and
 *       {@code before:X} ends where X starts: both leave X itself out.
 *   <li>Dates compare by day in UTC; an article without a date matches no date range, and so
 *       matches {@code -date:...}.
 * </ul>
 */
public final class QueryCompiler {
  private QueryCompiler() {}

  /** The parsed tree of {@code text}, with saved searches expanded. */
  public static Query parse(String text, QueryContext ctx) {
    return Parser.parse(text, ctx);
  }

  /** Parses and compiles {@code text}; an empty query is {@link CompiledQuery#ALL}. */
  public static CompiledQuery compile(String text, QueryContext ctx) {
    return compile(parse(text, ctx), ctx);
  }

  /** Compiles an already parsed tree; relative dates count back from {@code ctx}'s clock. */
  public static CompiledQuery compile(Query query, QueryContext ctx) {
    // both engines' forms: the services do not know which engine the store has
    return new SqlCompiler(ctx.clock())
        .compile(query)
        .withPostgres(new SqlCompiler(ctx.clock(), true).compilePostgres(query));
  }

  /**
   * A few lines for people: the tree as parsed, the FTS5 expression, the SQL condition with its
   * parameters, and how the store combines them.
   */
  public static String explain(String text, QueryContext ctx) {
    Query q = parse(text, ctx);
    CompiledQuery c = compile(q, ctx);
    StringBuilder b = new StringBuilder();
    b.append("query:  ").append(QueryPrinter.render(q)).append('\n');
    b.append("match:  ").append(c.match() == null ? "(none: no full-text search)" : c.match());
    b.append('\n');
    if (c.match() == null && c.rank() != null) {
      b.append("rank:   ").append(c.rank()).append('\n');
    }
    b.append("where:  ").append(c.where()).append('\n');
    if (!c.probe().equals(c.where())) {
      b.append("probe:  ").append(c.probe()).append("  (where, to test articles already found)\n");
    }
    b.append("params: ").append(params(c.params())).append('\n');
    b.append("runs:   SELECT ... FROM articles a WHERE (<where>)");
    if (c.match() != null) {
      b.append(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH <match>)");
      b.append("\n        ranked by bm25(articles_fts) on <match>");
    } else if (c.rank() != null) {
      b.append("\n        ranked by bm25(articles_fts) on <rank> where it matches");
    } else {
      b.append("\n        newest first");
    }
    b.append('\n');
    return b.toString();
  }

  private static String params(List<Object> params) {
    if (params.isEmpty()) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      Object p = params.get(i);
      b.append(i + 1).append('=');
      b.append(p instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(p));
    }
    return b.toString();
  }
}
