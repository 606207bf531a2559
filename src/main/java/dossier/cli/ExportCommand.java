package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Article;
import dossier.core.UsageException;
import dossier.service.ExportService;
import dossier.service.ExportService.Exported;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the articles that match a query (all without one), oldest first, with everything"
          + " dossier knows about them.",
      "json and ndjson keep every field, tag, note, status, star and the original file, so"
          + " 'dossier import' of the export restores the articles as they were. csv has one row"
          + " an article. markdown writes one file an article, with front matter, into a folder;"
          + " html writes a small static site with an index by date and by tag.",
      "Examples:%n  dossier export --format ndjson -o archive.ndjson%n  dossier export"
          + " tag:energy --format html -o energy-site/"
    })
final class ExportCommand extends BaseCommand implements QueryWords {
  enum ExportFormat {
    json,
    ndjson,
    csv,
    markdown,
    html
  }

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ExportFormat format = ExportFormat.json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|DIR",
      description =
          "Write to this file (json, ndjson, csv; default: standard output) or folder (markdown,"
              + " html; required).")
  Path output;

  @Option(
      names = "--no-originals",
      description =
          "Leave the original files out of json and ndjson: smaller, and an import of it restores"
              + " everything but the originals.")
  boolean noOriginals;

  @Override
  public Integer call() {
    String q = queryText(query);
    ExportService service = new ExportService(archive());
    boolean toFolder = format == ExportFormat.markdown || format == ExportFormat.html;
    if (toFolder && output == null) {
      throw new UsageException("--format " + format + " writes a folder: name it with -o DIR");
    }
    if (!toFolder && output != null && Files.isDirectory(output)) {
      throw new UsageException(output + " is a folder; --format " + format + " writes one file");
    }
    Progress bar = Progress.start(this, "export", "articles");
    if (bar.active()) {
      long total = service.count(q);
      long[] done = {0};
      service.afterEach(() -> bar.update(++done[0], total));
    }
    int n;
    if (toFolder) {
      Files2.createPrivateDirectories(output);
      n =
          format == ExportFormat.markdown
              ? markdown(service, q)
              : HtmlSite.write(output, service, q);
    } else if (output == null || output.toString().equals("-")) {
      n = toWriter(service, q, out());
      out().flush();
    } else {
      try (Writer w = Files2.newPrivateWriter(output);
          PrintWriter pw = new PrintWriter(w)) {
        n = toWriter(service, q, pw);
      } catch (IOException e) {
        throw new dossier.core.DossierException("cannot write " + output + ": " + e.getMessage());
      }
    }
    bar.close();
    say(
        "exported "
            + n
            + " article"
            + (n == 1 ? "" : "s")
            + (output != null && !output.toString().equals("-") ? " to " + output : ""));
    return ExitCode.OK;
  }

  private int toWriter(ExportService service, String q, PrintWriter w) {
    int[] n = {0};
    try {
      switch (format) {
        case json, ndjson -> {
          JsonGenerator g = Json.generator(w, format == ExportFormat.json);
          if (format == ExportFormat.json) {
            g.writeStartArray();
          }
          service.export(
              q,
              !noOriginals,
              e -> {
                n[0]++;
                writeJson(g, e, format == ExportFormat.ndjson ? w : null);
              });
          if (format == ExportFormat.json) {
            g.writeEndArray();
            g.flush();
            w.println();
          }
          g.flush();
        }
        case csv -> {
          List<String> header = new ArrayList<>(List.of(ArticlePrinter.COLUMNS));
          header.add("body");
          CSVPrinter csv =
              new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
          csv.printRecord(header);
          service.export(
              q,
              false,
              e -> {
                n[0]++;
                try {
                  List<Object> row = ArticlePrinter.csvRow(e.article());
                  row.add(e.article().body());
                  csv.printRecord(row);
                } catch (IOException ex) {
                  throw new UncheckedIOException(ex);
                }
              });
          csv.flush();
        }
        default -> throw new IllegalStateException(format.name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    w.flush();
    return n[0];
  }

  private static void writeJson(JsonGenerator g, Exported e, PrintWriter ndjsonLines) {
    try {
      Article a = e.article();
      g.writeStartObject();
      Json.writeFields(g, a, true);
      if (e.original() != null) {
        g.writeStringField("original", Base64.getEncoder().encodeToString(e.original()));
      }
      g.writeEndObject();
      if (ndjsonLines != null) {
        g.flush();
        ndjsonLines.print('\n');
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private int markdown(ExportService service, String q) {
    int[] n = {0};
    service.export(
        q,
        false,
        e -> {
          Article a = e.article();
          Path file = output.resolve(HtmlSite.fileName(a, ".md"));
          try (Writer w = Files2.newPrivateWriter(file);
              PrintWriter pw = new PrintWriter(w)) {
            ArticleText.markdown(pw, a);
          } catch (IOException ex) {
            throw new dossier.core.DossierException(
                "cannot write " + file + ": " + ex.getMessage());
          }
          n[0]++;
        });
    return n[0];
  }

  /** Files the export creates are readable by their owner only, like the archive. */
  static final class Files2 {
    private Files2() {}

    static void createPrivateDirectories(Path dir) {
      try {
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir);
          setPermissions(dir, "rwx------");
        }
      } catch (IOException e) {
        throw new dossier.core.DossierException("cannot create " + dir + ": " + e.getMessage());
      }
    }

    static Writer newPrivateWriter(Path file) throws IOException {
      Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      setPermissions(file, "rw-------");
      return w;
    }

    private static void setPermissions(Path p, String perms) {
      try {
        Files.setPosixFilePermissions(
            p, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
      } catch (UnsupportedOperationException | IOException e) {
        // not a POSIX file system
      }
    }
  }
}
