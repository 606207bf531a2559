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
    return new SqlCompiler(ctx.clock()).compile(query);
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
