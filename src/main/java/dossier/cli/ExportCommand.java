package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Article;
import dossier.core.UsageException;
import dossier.core.WriteFailure;
import dossier.service.ExportEnd;
import dossier.service.ExportService;
import dossier.service.ExportService.Exported;
import dossier.service.OutputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
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
          + " 'dossier import' of the export restores the articles as they were. csv and tsv have one"
          + " row an article (tsv without quoting: tabs and line breaks in a cell as \\t and \\n);"
          + " ids one id a line. markdown writes one file an article, with front matter, into a folder;"
          + " html writes a small static site with an index by date and by tag. Exported into"
          + " the same folder again, they remove the files the last export wrote and this one"
          + " does not (deleted articles; listed in the folder's .dossier-export), and no other.",
      "Examples:%n  dossier export --format ndjson -o archive.ndjson%n  dossier export"
          + " tag:energy --format html -o energy-site/"
    })
final class ExportCommand extends BaseCommand implements QueryWords {
  enum ExportFormat {
    json,
    ndjson,
    csv,
    tsv,
    ids,
    markdown,
    html
  }

  @Completes(Completes.Kind.QUERY)
  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words and filters.")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ExportFormat format = ExportFormat.json;

  @Completes(Completes.Kind.FILE)
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|DIR",
      description =
          "Write to this file (json, ndjson, csv, tsv, ids; default: standard output) or folder (markdown,"
              + " html; required); missing folders on the way are created.")
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
    Runnable pause = testPause();
    if (bar.active()) {
      long total = service.count(q);
      long[] done = {0};
      service.afterEach(
          () -> {
            bar.update(++done[0], total);
            pause.run();
          });
    } else {
      service.afterEach(pause);
    }
    int n;
    Path archivePath = archive().path();
    int pruned = 0;
    if (toFolder) {
      Files2.createPrivateDirectories(output);
      List<Path> written = new ArrayList<>();
      n =
          format == ExportFormat.markdown
              ? markdown(service, q, archivePath, written)
              : HtmlSite.write(output, archivePath, service, q, written);
      pruned = ExportManifest.replace(output, archivePath, written);
    } else if (output == null || output.toString().equals("-")) {
      n = toWriter(service, q, out());
      out().flush();
    } else {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files2.createPrivateDirectories(parent); // -o reports/2024/energy.json makes reports/2024
      }
      int[] count = {0};
      OutputFiles.write(
          output,
          archivePath,
          os -> {
            PrintWriter pw = Output.printWriter(os, StandardCharsets.UTF_8, output.toString());
            count[0] = toWriter(service, q, pw);
            pw.flush();
          });
      n = count[0];
    }
    bar.close();
    say(
        "exported "
            + n
            + " article"
            + (n == 1 ? "" : "s")
            + (output != null && !output.toString().equals("-") ? " to " + output : "")
            + (pruned > 0
                ? "; removed "
                    + pruned
                    + " file"
                    + (pruned == 1 ? "" : "s")
                    + " of the last export that this one no longer has"
                : ""));
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
          // the end record: an import of a file cut short can tell that articles are missing
          ExportEnd.write(g, n[0]);
          if (format == ExportFormat.json) {
            g.writeEndArray();
            g.flush();
            w.println();
          } else {
            g.flush();
            w.print('\n');
          }
          g.flush();
        }
        case csv, tsv -> {
          List<String> header = new ArrayList<>(List.of(ArticlePrinter.COLUMNS));
          header.add("body");
          Records csv =
              Records.of(w, format == ExportFormat.csv ? OutputFormat.csv : OutputFormat.tsv);
          csv.row(header);
          service.export(
              q,
              false,
              e -> {
                n[0]++;
                List<Object> row = ArticlePrinter.csvRow(e.article());
                row.add(e.article().body());
                row.replaceAll(ExportCommand::guardFormula);
                csv.row(row);
              });
          csv.flush();
        }
        case ids ->
            service.export(
                q,
                false,
                e -> {
                  n[0]++;
                  w.print(e.article().id());
                  w.print('\n');
                });
        default -> throw new IllegalStateException(format.name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    w.flush();
    return n[0];
  }

  /**
   * For tests only: with {@code DOSSIER_TEST_PAUSE_EXPORT=N}, the export stops after its N-th
   * article, says so on standard error and waits for standard input to end, so that a test can kill
   * it at that very point (mid-write) without guessing when that is.
   */
  private Runnable testPause() {
    String v = env().get("DOSSIER_TEST_PAUSE_EXPORT");
    if (v == null) {
      return () -> {};
    }
    long after = Long.parseLong(v.trim());
    long[] n = {0};
    return () -> {
      if (++n[0] == after) {
        err().println("export paused after " + after + " articles");
        err().flush();
        try {
          env().stdin().readAllBytes();
        } catch (IOException e) {
          // the test went away: go on
        }
      }
    };
  }

  /**
   * A CSV export is opened in spreadsheets, which run a cell that starts with {@code = + - @} (or a
   * tab or carriage return before one) as a formula: such a text cell gets a leading {@code '}, as
   * OWASP advises, which spreadsheets show as text. Numbers stay numbers.
   */
  static Object guardFormula(Object cell) {
    if (cell instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return cell;
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

  private int markdown(ExportService service, String q, Path archivePath, List<Path> written) {
    int[] n = {0};
    Files2.removeStaleParts(output);
    service.export(
        q,
        false,
        e -> {
          Article a = e.article();
          Path file = output.resolve(HtmlSite.fileName(a, ".md"));
          Files2.write(file, archivePath, w -> ArticleText.markdown(w, a));
          written.add(file);
          n[0]++;
        });
    return n[0];
  }

  /** Files the export creates are readable by their owner only, like the archive. */
  static final class Files2 {
    private Files2() {}

    static void createPrivateDirectories(Path dir) {
      // a file where a folder of the path should be: say which, not "Not a directory"
      for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
        if (Files.exists(p)) {
          if (!Files.isDirectory(p)) {
            throw new WriteFailure(dir, p + " is a file, not a folder");
          }
          break;
        }
      }
      try {
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir);
          setPermissions(dir, "rwx------");
        }
      } catch (IOException e) {
        throw new WriteFailure(dir, e);
      }
    }

    /**
     * Writes one file of a folder export whole, replacing (never writing through) a symbolic link
     * that waits at its name.
     */
    static void write(Path file, Path archive, Consumer<PrintWriter> body) {
      OutputFiles.refuseArchive(file, archive);
      OutputFiles.writeNoFollow(
          file,
          os -> {
            PrintWriter w = Output.printWriter(os, StandardCharsets.UTF_8, file.toString());
            body.accept(w);
            w.flush();
          });
    }

    /** Removes the part files that an export killed while writing into {@code dir} left. */
    static void removeStaleParts(Path dir) {
      OutputFiles.removeStaleParts(dir, null);
    }

    /** A folder inside an export's folder: made here, or refused when something planted it. */
    static void createInside(Path dir) {
      if (Files.isSymbolicLink(dir)) {
        throw new WriteFailure(
            dir, "it is a symbolic link; an export writes nothing through a link in its folder");
      }
      createPrivateDirectories(dir);
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
