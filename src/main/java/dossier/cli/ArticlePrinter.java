package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Hit;
import dossier.core.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a stream of articles (or search hits) in one of the listing formats. JSON is an array,
 * NDJSON one object a line, CSV/TSV a header and a row each, ids one id a line (or NUL-separated),
 * and table aligned columns for people.
 */
final class ArticlePrinter implements AutoCloseable {
  /** The fields of the CSV and TSV columns: every field of the article but its long text. */
  private static final List<ArticleField> FIELDS =
      java.util.Arrays.stream(ArticleField.values())
          .filter(f -> !f.isText() && !f.isDerived())
          .toList();

  /** The CSV and TSV columns, in order. */
  static final String[] COLUMNS = FIELDS.stream().map(ArticleField::json).toArray(String[]::new);

  private final PrintWriter out;
  private final OutputFormat format;
  private final boolean nul;
  private final boolean color;
  private final int width;
  private final boolean hits;
  private JsonGenerator json;
  private Records csv;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> snippets = new ArrayList<>();

  /**
   * @param width the terminal width to fit tables to, or 0 for no limit (output is not a terminal)
   * @param hits true when printing search hits, which add score and snippet
   */
  ArticlePrinter(
      PrintWriter out, OutputFormat format, boolean nul, boolean color, int width, boolean hits) {
    this.out = out;
    this.format = nul ? OutputFormat.ids : format;
    this.nul = nul;
    this.color = color;
    this.width = width;
    this.hits = hits;
    try {
      switch (this.format) {
        case json -> {
          json = Json.generator(out, true);
          json.writeStartArray();
        }
        case ndjson -> json = Json.generator(out, false);
        case csv, tsv -> {
          List<String> header = new ArrayList<>(List.of(COLUMNS));
          if (hits) {
            header.add("score");
            header.add("snippet");
          }
          csv = Records.of(out, this.format);
          csv.row(header);
        }
        default -> {}
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How long a snippet to ask the index for: about a line's worth of words on a terminal's table (a
   * word with its space and punctuation takes about 6 columns; the line's cut takes what does not
   * fit), else 0 for the usual length, which scripts reading JSON or CSV have always had.
   */
  int snippetTokens() {
    if (!hits || format != OutputFormat.table || width <= 0) {
      return 0;
    }
    return Math.max(6, (width - SNIPPET_INDENT) / 6 + 2);
  }

  /** About how far a snippet is indented: under the id column. */
  private static final int SNIPPET_INDENT = 6;

  void article(Article a) {
    print(a, null);
  }

  void hit(Hit h) {
    print(h.article(), h);
  }

  private void print(Article a, Hit h) {
    try {
      switch (format) {
        case ids -> {
          out.print(a.id());
          out.print(nul ? '\0' : '\n');
        }
        case json, ndjson -> {
          json.writeStartObject();
          Json.writeFields(json, a, false);
          if (h != null) {
            json.writeNumberField("score", Math.round(h.score() * 1000) / 1000.0);
            json.writeStringField("snippet", Terminal.snippet(h.snippet(), false));
          }
          json.writeEndObject();
          if (format == OutputFormat.ndjson) {
            json.flush();
            out.print('\n');
          }
        }
        case csv, tsv -> {
          List<Object> r = csvRow(a);
          if (h != null) {
            r.add(Math.round(h.score() * 1000) / 1000.0);
            r.add(Terminal.snippet(h.snippet(), false));
          }
          csv.row(r);
        }
        case table -> {
          rows.add(tableRow(a));
          if (h != null) {
            snippets.add(h.snippet());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One article as a CSV row of {@link #COLUMNS}: lists joined with "; ", provenance as
   * "field=origin" pairs joined the same way.
   */
  @SuppressWarnings("unchecked")
  static List<Object> csvRow(Article a) {
    List<Object> r = new ArrayList<>();
    for (ArticleField f : FIELDS) {
      Object v = f.get(a);
      r.add(
          switch (f.kind) {
            case LINES, TAGS -> String.join("; ", (List<String>) v);
            case STATUS -> a.status().label();
            case ORIGINS -> {
              List<String> pairs = new ArrayList<>();
              a.provenance().forEach((k, o) -> pairs.add(k + "=" + o));
              yield String.join("; ", pairs);
            }
            default -> v;
          });
    }
    return r;
  }

  private static String[] tableRow(Article a) {
    // an undated article shows no date: never its import date in the publication date's place
    String date = a.published() == null ? "" : a.published();
    date = date.substring(0, Math.min(10, date.length()));
    String marks =
        (a.starred() ? "★" : " ")
            + switch (a.status()) {
              case NEW -> "N";
              case READ -> " ";
              case REVIEWED -> "✓";
              case ARCHIVED -> "A";
            };
    String tags = a.tags().isEmpty() ? "" : String.join(" ", a.tags());
    return new String[] {
      Long.toString(a.id()), date, marks, safe(a.source()), safe(a.title()), safe(tags)
    };
  }

  private static String safe(String s) {
    return s == null ? "" : Text.safeForTerminal(Text.oneLine(s), false);
  }

  private void flushTable() {
    if (rows.isEmpty()) {
      return;
    }
    int idW = 2;
    int srcW = 0;
    int tagW = 0;
    for (String[] r : rows) {
      idW = Math.max(idW, r[0].length());
      srcW = Math.max(srcW, Terminal.displayWidth(r[3]));
      tagW = Math.max(tagW, Terminal.displayWidth(r[5]));
    }
    int fixed = idW + 1 + 10 + 1 + 2 + 1;
    int avail = width > 0 ? width : Integer.MAX_VALUE / 4;
    srcW = Math.min(srcW, 18);
    tagW = Math.min(tagW, 24);
    int titleW = avail - fixed - (srcW > 0 ? srcW + 1 : 0) - (tagW > 0 ? tagW + 1 : 0);
    if (width <= 0) {
      titleW = 0;
      for (String[] r : rows) {
        titleW = Math.max(titleW, Terminal.displayWidth(r[4]));
      }
    } else if (titleW < 20) {
      tagW = 0;
      titleW = avail - fixed - (srcW > 0 ? srcW + 1 : 0);
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      StringBuilder line = new StringBuilder();
      line.append(color ? Terminal.YELLOW : "")
          .append(" ".repeat(idW - r[0].length()))
          .append(r[0])
          .append(color ? Terminal.RESET : "")
          .append(' ')
          .append(Terminal.fit(r[1], 10))
          .append(' ')
          .append(r[2])
          .append(' ');
      if (srcW > 0) {
        line.append(color ? Terminal.CYAN : "")
            .append(Terminal.fit(r[3], srcW))
            .append(color ? Terminal.RESET : "")
            .append(' ');
      }
      line.append(Terminal.fit(r[4], titleW));
      if (tagW > 0 && !r[5].isEmpty()) {
        line.append(' ')
            .append(color ? Terminal.DIM : "")
            .append(Terminal.fit(r[5], tagW))
            .append(color ? Terminal.RESET : "");
      }
      out.println(line.toString().stripTrailing());
      if (i < snippets.size()) {
        String indent = " ".repeat(idW + 1);
        int snipW = width - indent.length();
        String snip =
            width <= 0
                ? Terminal.snippet(snippets.get(i), color)
                : snipW > 0 ? Terminal.snippet(snippets.get(i), color, snipW) : "";
        out.println(indent + snip);
      }
    }
  }

  @Override
  public void close() {
    try {
      switch (format) {
        case json -> {
          json.writeEndArray();
          json.flush();
          out.println();
        }
        case ndjson -> json.flush();
        case csv, tsv -> csv.flush();
        case table -> flushTable();
        default -> {}
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
