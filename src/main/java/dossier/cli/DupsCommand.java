package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Article;
import dossier.core.Text;
import dossier.service.CopyService;
import dossier.service.CopyService.Copy;
import dossier.service.CopyService.Group;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "dups",
    mixinStandardHelpOptions = true,
    description = {
      "List groups of near-duplicate copies: the same story stored more than once with another"
          + " headline, a trimmed or extended ending, an outlet's intro or sign-off line, a few"
          + " words changed or paragraphs reordered. Each group is the earliest article (the"
          + " original) and its copies, with what each copy changed. With a query: the groups"
          + " that have at least one matching article.",
      "Copies are found when they are imported; 'similar:ID' and 'is:copy' select them in any"
          + " query."
    })
final class DupsCommand extends BaseCommand implements QueryWords {
  enum DupsFormat {
    table,
    json,
    ndjson
  }

  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table (for people), json (one array) or ndjson (one group a line: original, copies"
              + " with id, title, resemblance, containment, differs) (default: table).")
  DupsFormat format = DupsFormat.table;

  @Override
  public Integer call() {
    List<Group> groups = new CopyService(archive()).groups(queryText(query));
    if (format == DupsFormat.table) {
      for (Group g : groups) {
        out().println(line(g.original()) + "  (original)");
        for (Copy c : g.copies()) {
          out()
              .println(
                  "  "
                      + line(c.article())
                      + String.format(Locale.ROOT, "  (%.0f%% alike: ", 100 * c.resemblance())
                      + String.join(", ", c.differs())
                      + ")");
        }
      }
      out().flush();
      say(groups.size() + " group" + (groups.size() == 1 ? "" : "s") + " of copies");
      return ExitCode.OK;
    }
    try {
      // json pretty-printed, ndjson one compact object a line, as every other command prints them
      JsonGenerator g = Json.generator(out(), format == DupsFormat.json);
      if (format == DupsFormat.json) {
        g.writeStartArray();
      }
      for (Group group : groups) {
        write(g, group);
        if (format == DupsFormat.ndjson) {
          g.flush();
          out().print('\n');
        }
      }
      if (format == DupsFormat.json) {
        g.writeEndArray();
        g.flush();
        out().print('\n');
      }
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out().flush();
    return ExitCode.OK;
  }

  private static void write(JsonGenerator g, Group group) throws IOException {
    g.writeStartObject();
    g.writeFieldName("original");
    brief(g, group.original());
    g.writeEndObject();
    g.writeArrayFieldStart("copies");
    for (Copy c : group.copies()) {
      brief(g, c.article());
      g.writeNumberField("resemblance", Math.round(c.resemblance() * 1000) / 1000.0);
      g.writeNumberField("containment", Math.round(c.containment() * 1000) / 1000.0);
      g.writeArrayFieldStart("differs");
      for (String d : c.differs()) {
        g.writeString(d);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Opens an object with the article's id, title, source, published and imported. */
  private static void brief(JsonGenerator g, Article a) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", a.id());
    g.writeStringField("title", a.title());
    g.writeStringField("source", a.source());
    g.writeStringField("published", a.published());
    g.writeStringField("imported", a.imported());
  }

  private static String line(Article a) {
    return "#"
        + a.id()
        + "  "
        + (a.published() == null ? "undated" : a.published())
        + "  "
        + (a.source() == null ? "" : Text.safeForTerminal(a.source(), false) + "  ")
        + Text.safeForTerminal(Text.cutAtWord(a.title(), 70), false);
  }
}
