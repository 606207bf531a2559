package dossier.query;

import dossier.core.Query;
import dossier.core.Query.All;
import dossier.core.Query.And;
import dossier.core.Query.Dates;
import dossier.core.Query.Day;
import dossier.core.Query.DaysAgo;
import dossier.core.Query.IdRange;
import dossier.core.Query.Ids;
import dossier.core.Query.Is;
import dossier.core.Query.Meta;
import dossier.core.Query.Not;
import dossier.core.Query.OnDay;
import dossier.core.Query.Or;
import dossier.core.Query.Saved;
import dossier.core.Query.Tag;
import dossier.core.Query.Text;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a parsed query on one line as a parenthesized tree, e.g. {@code (AND oil (NOT
 * tag:sport))}, for {@code search --explain} and for tests. Dates are shown resolved to the
 * half-open range they test: {@code date:2024-08} is {@code date:[2024-08-01..2024-09-01)}.
 */
public final class QueryPrinter {
  private QueryPrinter() {}

  public static String render(Query q) {
    StringBuilder b = new StringBuilder();
    render(q, b);
    return b.toString();
  }

  private static void render(Query q, StringBuilder b) {
    if (q instanceof All) {
      b.append('*');
    } else if (q instanceof And a) {
      group("AND", a.items(), b);
    } else if (q instanceof Or o) {
      group("OR", o.items(), b);
    } else if (q instanceof Not n) {
      b.append("(NOT ");
      render(n.item(), b);
      b.append(')');
    } else if (q instanceof Text t) {
      if (t.column() != null) {
        b.append(t.column().fieldName()).append(':');
      }
      b.append(t.phrase() ? "\"" + t.text() + "\"" : t.text());
      if (t.prefix()) {
        b.append('*');
      }
    } else if (q instanceof Meta m) {
      b.append(m.field().fieldName()).append(':').append(value(m.value()));
      if (m.prefix()) {
        b.append('*');
      }
    } else if (q instanceof Ids ids) {
      b.append("id:")
          .append(ids.ranges().stream().map(QueryPrinter::range).collect(Collectors.joining(",")));
    } else if (q instanceof Tag t) {
      b.append("tag:").append(value(t.key())).append(t.prefix() ? "*" : "");
    } else if (q instanceof Query.Related r) {
      b.append(r.relation().name().toLowerCase(java.util.Locale.ROOT)).append(':').append(r.id());
    } else if (q instanceof Is is) {
      b.append("is:").append(is.state().word());
    } else if (q instanceof Dates d) {
      b.append(d.field() == Query.DateField.PUBLISHED ? "date:[" : "imported:[")
          .append(day(d.from()))
          .append("..")
          .append(day(d.until()))
          .append(')');
    } else if (q instanceof Saved s) {
      b.append("(saved:").append(value(s.name())).append(' ');
      render(s.query(), b);
      b.append(')');
    }
  }

  private static void group(String op, List<Query> items, StringBuilder b) {
    b.append('(').append(op);
    for (Query item : items) {
      b.append(' ');
      render(item, b);
    }
    b.append(')');
  }

  private static String value(String v) {
    return v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '(' || c == ')')
        ? "\"" + v + "\""
        : v;
  }

  private static String range(IdRange r) {
    return r.from() == r.to() ? Long.toString(r.from()) : r.from() + ".." + r.to();
  }

  private static String day(Day d) {
    if (d == null) {
      return "";
    }
    if (d instanceof OnDay on) {
      return on.date().toString();
    }
    DaysAgo ago = (DaysAgo) d;
    if (ago.unit() == 'd' && ago.amount() == 0) {
      return "today";
    }
    if (ago.unit() == 'd' && ago.amount() == -1) {
      return "tomorrow";
    }
    return ago.amount() + "" + ago.unit() + " ago";
  }
}
