package dossier.cli;

import dossier.core.Text;
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
    return v == null ? "" : Text.escapeTabular(v.toString());
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
