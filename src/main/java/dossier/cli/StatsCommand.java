package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Text;
import dossier.service.StatsService;
import dossier.store.StatsRepository.Count;
import dossier.store.StatsRepository.Stats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Counts for the articles that match a query (all without one): totals by status, the most"
          + " common tags and sources, and articles per month, drawn as bar charts.",
      "An article counts under the month it was published; articles without a publication date"
          + " are counted apart as undated (never under the month they were imported)."
    })
final class StatsCommand extends BaseCommand implements QueryWords {
  enum StatsFormat {
    table,
    json
  }

  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  private static final String SPARKS = "▁▂▃▄▅▆▇█";

  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  StatsFormat format = StatsFormat.table;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "How many tags and sources to show (default: ${DEFAULT-VALUE}).")
  int top = 10;

  @Override
  public Integer call() {
    String q = queryText(query);
    Stats s = new StatsService(archive()).stats(q, Math.max(1, top));
    if (format == StatsFormat.json) {
      json(s);
    } else {
      table(s, out(), root().color(), env().stdoutTty() ? Terminal.width(env()) : 80);
    }
    out().flush();
    return ExitCode.OK;
  }

  private void json(Stats s) {
    try {
      JsonGenerator g = Json.generator(out(), true);
      g.writeStartObject();
      g.writeNumberField("articles", s.articles());
      g.writeNumberField("words", s.words());
      g.writeObjectFieldStart("status");
      for (Map.Entry<String, Long> e : s.statuses().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("starred", s.starred());
      g.writeNumberField("noted", s.noted());
      g.writeNumberField("tagged", s.tagged());
      g.writeStringField("first", s.first());
      g.writeStringField("last", s.last());
      g.writeNumberField("undated", s.undated());
      counts(g, "tags", "name", s.tags());
      counts(g, "sources", "name", s.sources());
      counts(g, "months", "month", s.months());
      g.writeEndObject();
      g.flush();
      out().println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void counts(JsonGenerator g, String field, String key, List<Count> counts)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (Count c : counts) {
      g.writeStartObject();
      g.writeStringField(key, c.name());
      g.writeNumberField("count", c.count());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void table(Stats s, PrintWriter out, boolean color, int width) {
    String bold = color ? Terminal.BOLD : "";
    String reset = color ? Terminal.RESET : "";
    out.println(
        bold + "Articles" + reset + "  " + n(s.articles()) + "  (" + n(s.words()) + " words)");
    if (s.articles() == 0) {
      return;
    }
    List<String> status = new ArrayList<>();
    s.statuses().forEach((k, v) -> status.add(k + " " + n(v)));
    out.println(bold + "Status" + reset + "    " + String.join(" · ", status));
    out.println(
        bold
            + "Marks"
            + reset
            + "     "
            + n(s.starred())
            + " starred · "
            + n(s.noted())
            + " with a note · "
            + n(s.tagged())
            + " tagged ("
            + Math.round(100.0 * s.tagged() / s.articles())
            + "%)");
    // the span of publication dates; articles without one are counted apart, never dated by
    // their import
    String span = s.first() == null ? "none published" : s.first() + " .. " + s.last();
    out.println(
        bold
            + "Dates"
            + reset
            + "     "
            + span
            + (s.undated() > 0 ? " · " + n(s.undated()) + " undated" : ""));
    section(out, "Top tags", s.tags(), color, width, bold, reset);
    section(out, "Top sources", s.sources(), color, width, bold, reset);
    List<Count> months = s.months();
    if (!months.isEmpty()) {
      out.println();
      out.println(
          bold
              + "Timeline"
              + reset
              + "  "
              + months.get(0).name()
              + " "
              + sparkline(fillMonths(months))
              + " "
              + months.get(months.size() - 1).name());
      List<Count> rows = months.size() > 36 ? byYear(months) : months;
      section(
          out,
          months.size() > 36 ? "Articles per year" : "Articles per month",
          rows,
          color,
          width,
          bold,
          reset);
    }
  }

  private static void section(
      PrintWriter out,
      String title,
      List<Count> rows,
      boolean color,
      int width,
      String bold,
      String reset) {
    if (rows.isEmpty()) {
      return;
    }
    out.println();
    out.println(bold + title + reset);
    int labelW = 0;
    long max = 1;
    for (Count c : rows) {
      labelW = Math.max(labelW, Terminal.displayWidth(label(c)));
      max = Math.max(max, c.count());
    }
    labelW = Math.min(labelW, Math.max(12, width / 3));
    int numW = n(max).length();
    int barW = Math.max(10, Math.min(50, width - 2 - labelW - 2 - 2 - numW));
    for (Count c : rows) {
      String bar = bar(c.count(), max, barW);
      out.println(
          "  "
              + Terminal.fit(label(c), labelW)
              + "  "
              + (color ? Terminal.CYAN : "")
              + bar
              + (color ? Terminal.RESET : "")
              + " ".repeat(barW - bar.length() + 2)
              + " ".repeat(numW - n(c.count()).length())
              + n(c.count()));
    }
  }

  private static String label(Count c) {
    return c.name() == null ? "(none)" : Text.safeForTerminal(Text.oneLine(c.name()), false);
  }

  /** A bar {@code count/max} of {@code width} cells, in eighths of a cell. */
  static String bar(long count, long max, int width) {
    int eighths = (int) Math.round((double) count / max * width * 8);
    if (count > 0 && eighths == 0) {
      eighths = 1; // something is not nothing
    }
    return "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
  }

  /** One block character a value, from lowest to highest. */
  static String sparkline(List<Long> values) {
    long max = 1;
    for (long v : values) {
      max = Math.max(max, v);
    }
    StringBuilder b = new StringBuilder();
    for (long v : values) {
      b.append(v == 0 ? ' ' : SPARKS.charAt((int) Math.min(7, Math.round((v * 7.0) / max))));
    }
    return b.toString();
  }

  /** Counts for every month from the first to the last, zero where none were published. */
  static List<Long> fillMonths(List<Count> months) {
    Map<String, Long> byMonth = new LinkedHashMap<>();
    months.forEach(c -> byMonth.put(c.name(), c.count()));
    List<Long> out = new ArrayList<>();
    String first = months.get(0).name();
    String last = months.get(months.size() - 1).name();
    if (!first.matches("\\d{4}-\\d{2}") || !last.matches("\\d{4}-\\d{2}")) {
      months.forEach(c -> out.add(c.count()));
      return out;
    }
    int y = Integer.parseInt(first.substring(0, 4));
    int m = Integer.parseInt(first.substring(5, 7));
    for (int i = 0; i < 1200; i++) {
      String key = String.format(Locale.ROOT, "%04d-%02d", y, m);
      out.add(byMonth.getOrDefault(key, 0L));
      if (key.equals(last)) {
        break;
      }
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    return out;
  }

  private static List<Count> byYear(List<Count> months) {
    Map<String, Long> years = new LinkedHashMap<>();
    for (Count c : months) {
      String y = c.name() == null || c.name().length() < 4 ? "?" : c.name().substring(0, 4);
      years.merge(y, c.count(), Long::sum);
    }
    List<Count> out = new ArrayList<>();
    years.forEach((k, v) -> out.add(new Count(k, v)));
    return out;
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
