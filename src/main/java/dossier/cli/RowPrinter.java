package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows of named columns (tags, log, rules, saved searches) in the listing formats. The first
 * column is the id that {@code --format ids} and {@code -0} print. Values are strings, numbers,
 * booleans or null.
 */
final class RowPrinter implements AutoCloseable {
  private final PrintWriter out;
  private final OutputFormat format;
  private final boolean nul;
  private final String[] columns;
  private final List<Object[]> rows = new ArrayList<>();

  RowPrinter(PrintWriter out, OutputOptions options, String... columns) {
    this.out = out;
    this.format = options.effective();
    this.nul = options.nul;
    this.columns = columns;
  }

  private boolean header;

  /** The table gets a first line that names the columns (the other formats always name them). */
  RowPrinter withHeader() {
    header = true;
    return this;
  }

  void row(Object... values) {
    rows.add(values);
  }

  /** A row whose lists (a JSON array in json) are one cell of comma-separated values. */
  private static Object[] flat(Object[] row) {
    Object[] out = row.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof List<?> l) {
        out[i] = String.join(", ", l.stream().map(String::valueOf).toList());
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      switch (format) {
        case ids -> {
          for (Object[] r : rows) {
            out.print(r[0]);
            out.print(nul ? '\0' : '\n');
          }
        }
        case json, ndjson -> {
          JsonGenerator g = Json.generator(out, format == OutputFormat.json);
          if (format == OutputFormat.json) {
            g.writeStartArray();
          }
          for (Object[] r : rows) {
            g.writeStartObject();
            for (int i = 0; i < columns.length; i++) {
              g.writeFieldName(columns[i]);
              Object v = r[i];
              if (v == null) {
                g.writeNull();
              } else if (v instanceof Double d) {
                g.writeNumber(d);
              } else if (v instanceof Number n) {
                g.writeNumber(n.longValue());
              } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
              } else if (v instanceof List<?> l) {
                g.writeStartArray();
                for (Object o : l) {
                  g.writeString(String.valueOf(o));
                }
                g.writeEndArray();
              } else {
                g.writeString(v.toString());
              }
            }
            g.writeEndObject();
            if (format == OutputFormat.ndjson) {
              g.flush();
              out.print('\n');
            }
          }
          if (format == OutputFormat.json) {
            g.writeEndArray();
            g.flush();
            out.println();
          }
          g.flush();
        }
        case csv, tsv -> {
          Records p = Records.of(out, format);
          p.row((Object[]) columns);
          for (Object[] r : rows) {
            p.row(flat(r));
          }
          p.flush();
        }
        case table -> {
          int[] w = new int[columns.length];
          List<String[]> cells = new ArrayList<>();
          if (header && !rows.isEmpty()) {
            cells.add(columns.clone());
            for (int i = 0; i < columns.length; i++) {
              w[i] = Terminal.displayWidth(columns[i]);
            }
          }
          for (Object[] r0 : rows) {
            Object[] r = flat(r0);
            String[] c = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
              // one line per row, but leading spaces stay: they indent the levels of a tree
              c[i] =
                  r[i] == null
                      ? ""
                      : Text.safeForTerminal(
                          r[i].toString().replaceAll("\\s*\\R\\s*", " ").stripTrailing(), false);
              w[i] = Math.max(w[i], Terminal.displayWidth(c[i]));
            }
            cells.add(c);
          }
          for (String[] c : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
              boolean numeric = rows.get(0)[i] instanceof Number;
              String cell = c[i];
              int pad = w[i] - Terminal.displayWidth(cell);
              if (numeric) {
                line.append(" ".repeat(pad)).append(cell);
              } else {
                line.append(cell).append(i < c.length - 1 ? " ".repeat(pad) : "");
              }
              if (i < c.length - 1) {
                line.append("  ");
              }
            }
            out.println(line.toString().stripTrailing());
          }
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
