package dossier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of cells as CSV (RFC 4180, quoted where needed) or TSV. TSV has no quoting, as cut, awk and
 * {@code IFS=$'\t' read} expect: a tab, a line break or a backslash inside a cell is written as
 * {@code \t}, {@code \n}, {@code \r} or {@code \\}, so every line is one row.
 */
abstract class Records {
  abstract void row(Iterable<?> cells);

  void row(Object... cells) {
    row(Arrays.asList(cells));
  }

  abstract void flush();

  static Records of(PrintWriter out, OutputFormat format) {
    return format == OutputFormat.tsv ? new Tsv(out) : new Csv(out);
  }

  /** One TSV cell: null is empty, and nothing in it ends the cell or the row. */
  static String tsvCell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc =
          switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            default -> null;
          };
      if (esc != null && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        if (esc != null) {
          b.append(esc);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  private static final class Tsv extends Records {
    private final PrintWriter out;

    Tsv(PrintWriter out) {
      this.out = out;
    }

    @Override
    void row(Iterable<?> cells) {
      boolean first = true;
      for (Object c : cells) {
        if (!first) {
          out.print('\t');
        }
        first = false;
        out.print(tsvCell(c));
      }
      out.print('\n');
    }

    @Override
    void flush() {
      out.flush();
    }
  }

  private static final class Csv extends Records {
    private final CSVPrinter csv;

    Csv(PrintWriter out) {
      try {
        csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void row(Iterable<?> cells) {
      try {
        csv.printRecord(cells);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void flush() {
      try {
        csv.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
