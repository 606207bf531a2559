package dossier.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.core.WriteFailure;
import dossier.fetch.Fetcher;
import dossier.imports.Exports;
import dossier.service.ExportEnd;
import dossier.service.ExportImport;
import dossier.service.ImportService;
import dossier.service.ImportService.OnDuplicate;
import dossier.service.ImportService.Options;
import dossier.service.ImportService.Outcome;
import dossier.service.ImportService.Status;
import dossier.service.ImportService.Summary;
import dossier.service.RestoreService;
import dossier.service.WebImport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

final class ImportCommand extends BaseCommand {
  @Override
  boolean createsArchive() {
    return true;
  }

  List<String> paths = new ArrayList<>();

  String urlsFile;

  boolean refetch;

  boolean fetchPages;

  final FetchMixin fetch = new FetchMixin();

  List<String> tags = new ArrayList<>();

  String url;

  InputFormat input = InputFormat.auto;

  /** How the outcomes are printed. */
  enum OutcomeFormat {
    /** a summary line and the failures on stderr, for people */
    text,
    /** one JSON object an input on stdout as well */
    ndjson
  }

  OutcomeFormat format = OutcomeFormat.text;

  /** The choices of --on-duplicate. */
  enum DuplicateAction {
    skip(OnDuplicate.SKIP),
    update(OnDuplicate.UPDATE),
    version(OnDuplicate.VERSION),
    skip_near(OnDuplicate.SKIP_NEAR);

    final OnDuplicate action;

    DuplicateAction(OnDuplicate action) {
      this.action = action;
    }

    /** As typed: skip-near. */
    @Override
    public String toString() {
      return name().replace('_', '-');
    }
  }

  DuplicateAction onDuplicate = DuplicateAction.skip;

  boolean verbose;

  boolean dryRun;

  boolean skipKnown;

  /** The failures earlier imports into this archive met, and how many of this run's they are. */
  private KnownFailures known;

  private int knownFailed;

  boolean jsonAlias;

  /** True when the outcomes go to stdout as NDJSON. */
  private boolean json;

  String maxSize = "20M";

  boolean follow;

  /** Drawn on stderr while files are imported, when it is a terminal. */
  private Progress bar;

  /** The command's model, built in code: an import is often a script's one-file call. */
  CommandSpec model() {
    spec =
        Specs.command(
            this,
            "import",
            "Import articles from files, folders (recursively) and - (standard input).",
            "Reads .txt .text .html .htm .xhtml .md .markdown .pdf, each also gzipped (.gz). A"
                + " file whose extracted text is already stored is a duplicate. One bad file is"
                + " reported and skipped; the rest are imported.",
            "A dossier export (.json or .ndjson, or JSON on standard input) is restored as it"
                + " was: ids where free, tags, notes, status, stars and the original files.",
            "http(s):// URLs (as arguments or with --urls) are fetched, several hosts at once and"
                + " one request at a time per host, and imported with their response headers; a"
                + " URL already archived (in its normalized form) is a duplicate without a fetch"
                + " unless --refetch.");
    spec.addPositional(
        Specs.words("PATH|URL", "0..*", () -> paths, v -> paths = v)
            .userObject(Completes.Kind.FILE)
            .description("Files, folders, - for stdin, or http(s):// URLs.")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> urlsFile, v -> urlsFile = v, "--urls")
            .paramLabel("FILE")
            .userObject(Completes.Kind.FILE)
            .description("Fetch and import the URLs listed in FILE (- for stdin), one a line.")
            .build());
    spec.addOption(
        Specs.flag("refetch", () -> refetch, v -> refetch = v, "--refetch")
            .description(
                "Fetch archived URLs again too: a page that changed becomes a new version of its"
                    + " article.")
            .build());
    spec.addOption(
        Specs.flag("fetchPages", () -> fetchPages, v -> fetchPages = v, "--fetch")
            .description(
                "For exports of Pocket, Instapaper, wallabag, Omnivore and bookmarks: fetch each"
                    + " page now (else each is stored with what the export holds, for refetch to"
                    + " fetch later).")
            .build());
    fetch.addTo(spec);
    spec.addOption(
        Specs.strings(() -> tags, v -> tags = v, "--tag")
            .paramLabel("TAG")
            .userObject(Completes.Kind.TAG)
            .description("Tag every imported article (repeatable).")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> url, v -> url = v, "--url")
            .paramLabel("URL")
            .description("The URL the article came from (one file or stdin only).")
            .build());
    spec.addOption(
        Specs.option(InputFormat.class, () -> input, v -> input = v, "--input", "--from")
            .paramLabel("TYPE")
            .description(
                "Input format: ${COMPLETION-CANDIDATES} (default: auto, from the file name and"
                    + " content).")
            .build());
    spec.addOption(
        Specs.option(OutcomeFormat.class, () -> format, v -> format = v, "--format")
            .paramLabel("FORMAT")
            .description(
                "${COMPLETION-CANDIDATES}: text prints a summary on stderr; ndjson also prints one"
                    + " JSON object an input on stdout: path, status (imported, duplicate, updated,"
                    + " failed), id, error (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Specs.option(
                DuplicateAction.class, () -> onDuplicate, v -> onDuplicate = v, "--on-duplicate")
            .paramLabel("ACTION")
            .converters(new DuplicateActionConverter())
            .description(
                "For text already stored: skip, or update its metadata and original; version: a"
                    + " file whose path is stored with other text becomes a new version of that"
                    + " article; skip-near also leaves out near-duplicate copies of a stored"
                    + " story, which are otherwise stored and marked as copies (default:"
                    + " ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Specs.flag("verbose", () -> verbose, v -> verbose = v, "-v", "--verbose")
            .description(
                "Name every duplicate and near-duplicate copy on stderr (by default the summary"
                    + " counts them).")
            .build());
    spec.addOption(
        Specs.flag("dryRun", () -> dryRun, v -> dryRun = v, "--dry-run")
            .description("Extract and report what would be imported; store nothing.")
            .build());
    spec.addOption(
        Specs.flag("skipKnown", () -> skipKnown, v -> skipKnown = v, "--skip-known")
            .description(
                "Leave out of the report and the exit status the files that failed the same way"
                    + " before (unchanged since the import that reported them): a nightly import"
                    + " exits 0 when nothing new failed.")
            .build());
    spec.addOption(
        Specs.flag("jsonAlias", () -> jsonAlias, v -> jsonAlias = v, "--json")
            .description("The old spelling of --format ndjson, kept for scripts.")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> maxSize, v -> maxSize = v, "--max-size")
            .paramLabel("BYTES")
            .description("Refuse files larger than this (suffix K, M or G; default: 20M).")
            .build());
    spec.addOption(
        Specs.flag("follow", () -> follow, v -> follow = v, "--follow")
            .description(
                "Follow symbolic links out of the folders named (default: only links that stay"
                    + " inside them; the others are skipped and reported).")
            .build());
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    json = jsonAlias || format == OutcomeFormat.ndjson;
    List<String> urls = new ArrayList<>();
    List<String> local = new ArrayList<>();
    for (String p : paths) {
      (isUrl(p) ? urls : local).add(p);
    }
    if (urlsFile != null) {
      urls.addAll(readUrls(urlsFile, local.contains("-")));
    }
    if (local.isEmpty() && urls.isEmpty()) {
      throw new UsageException(
          urlsFile != null
              ? "--urls " + urlsFile + " lists no URL"
              : "give files, folders, - or URLs to import");
    }
    paths = local;
    Options opts =
        new Options(tags, url, input.format, onDuplicate.action, dryRun, parseSize(maxSize));
    if (url != null
        && (paths.size() != 1 || !urls.isEmpty() || Files.isDirectory(Path.of(paths.get(0))))) {
      throw new UsageException("--url needs exactly one file or - (standard input)");
    }
    JsonGenerator g = json ? Json.generator(out(), false) : null;
    bar = Progress.start(this, dryRun ? "checking" : "importing", "files");
    long[] done = {0};
    ImportService.Listener listener =
        o -> {
          if (g != null) {
            writeJson(g, o);
          }
          report(o);
          bar.update(++done[0], 0);
        };
    // dossier exports (.json, .ndjson, or JSON on stdin) are restored, not extracted
    BufferedInputStream stdin = new BufferedInputStream(env().stdin());
    List<String> files = new ArrayList<>();
    List<String> exports = new ArrayList<>();
    List<String> toolExports = new ArrayList<>();
    for (String p : paths) {
      if (!p.equals("-") && Files.isRegularFile(Path.of(p)) && Exports.detect(Path.of(p)) != null) {
        toolExports.add(p);
        continue;
      }
      boolean export =
          p.equals("-")
              ? startsWithJson(stdin)
              : RestoreService.isExportName(p) && Files.isRegularFile(Path.of(p));
      (export ? exports : files).add(p);
    }
    known = dryRun ? null : KnownFailures.load(env(), root().archiveLocation());
    try (Interruption stop = Interruption.watch(this)) {
      return importAndReport(files, exports, urls, toolExports, stdin, opts, listener, stop);
    } finally {
      if (known != null) {
        known.save();
      }
    }
  }

  /**
   * An argument that names an address rather than a file ({@code scheme://...}): http and https are
   * fetched, any other scheme is refused by name.
   */
  static boolean isUrl(String arg) {
    return arg != null && arg.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  /** The URLs a --urls file lists: one a line, blank lines and # comments left out. */
  private List<String> readUrls(String name, boolean stdinTaken) {
    List<String> out = new ArrayList<>();
    try {
      List<String> lines;
      if (name.equals("-")) {
        if (stdinTaken) {
          throw new UsageException("standard input cannot be both an article (-) and --urls -");
        }
        lines =
            List.of(
                new String(env().stdin().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\\R"));
      } else {
        lines = Files.readAllLines(Path.of(name), java.nio.charset.StandardCharsets.UTF_8);
      }
      for (String line : lines) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UsageException("--urls " + name + ": " + WriteFailure.reason(e, null));
    }
  }

  private int importAndReport(
      List<String> files,
      List<String> exports,
      List<String> urls,
      List<String> toolExports,
      BufferedInputStream stdin,
      Options opts,
      ImportService.Listener listener,
      Interruption stop) {
    Summary s =
        files.isEmpty()
            ? new Summary(0, 0, 0, 0, 0)
            : new ImportService(archive())
                .links(follow, this::reportSkipped)
                .run(files, () -> stdin, opts, listener, stop::requested);
    if (!urls.isEmpty() && !stop.requested()) {
      Summary w =
          new WebImport(archive(), new Fetcher(fetch.options(opts.maxSize())))
              .run(urls, refetch, opts, listener, stop::requested);
      s = add(s, w);
    }
    for (String e : stop.requested() ? List.<String>of() : toolExports) {
      s = add(s, importExport(e, opts, listener, stop));
    }
    for (String e : stop.requested() ? List.<String>of() : exports) {
      s = add(s, restore(e, stdin, opts, listener));
    }
    bar.close();
    out().flush();
    String verb = dryRun ? "would import" : "imported";
    say(
        String.format(
            Locale.ROOT,
            "%s%s %d, %d duplicate%s%s%s, %d failed%s (%d file%s in %.1f s)",
            stop.requested() ? "stopped by Ctrl-C; the rest was not imported; " : "",
            verb,
            s.imported(),
            s.duplicates(),
            s.duplicates() == 1 ? "" : "s",
            s.near() == 0
                ? ""
                : ", "
                    + s.near()
                    + " near-duplicate"
                    + (s.near() == 1 ? "" : "s")
                    + (opts.onDuplicate() == OnDuplicate.SKIP_NEAR ? " left out" : " stored"),
            s.updated() > 0 ? ", " + s.updated() + " updated" : "",
            s.failed(),
            knownFailed > 0 ? " (" + knownFailed + " known from before, not reported again)" : "",
            s.files(),
            s.files() == 1 ? "" : "s",
            s.millis() / 1000.0));
    err().flush();
    if (stop.requested()) {
      return ExitCode.INTERRUPTED;
    }
    if (s.failed() - knownFailed == 0) {
      return ExitCode.OK;
    }
    return s.failed() == s.files() ? ExitCode.FAILURE : ExitCode.PARTIAL;
  }

  /** An export of another tool: its entries, fetched with --fetch, with their tags and states. */
  private Summary importExport(
      String name, Options opts, ImportService.Listener listener, Interruption stop) {
    Path file = Path.of(name);
    Exports.Kind kind = Exports.detect(file);
    List<Exports.Entry> entries;
    try {
      entries = Exports.read(file, kind);
    } catch (IOException e) {
      listener.outcome(new Outcome(name, Status.FAILED, null, e.getMessage()));
      return new Summary(0, 0, 0, 1, 0);
    }
    say(name + ": " + entries.size() + " entries of a " + kind.label + " export");
    return new ExportImport(archive())
        .run(
            name,
            entries,
            kind,
            fetchPages ? new Fetcher(fetch.options(opts.maxSize())) : null,
            opts,
            listener,
            stop::requested);
  }

  private static Summary add(Summary s, Summary r) {
    return new Summary(
        s.imported() + r.imported(),
        s.duplicates() + r.duplicates(),
        s.updated() + r.updated(),
        s.failed() + r.failed(),
        s.millis() + r.millis(),
        s.near() + r.near());
  }

  /** Reads --on-duplicate: skip, update, version or skip-near. */
  static final class DuplicateActionConverter
      implements picocli.CommandLine.ITypeConverter<DuplicateAction> {
    @Override
    public DuplicateAction convert(String s) {
      for (DuplicateAction a : DuplicateAction.values()) {
        if (a.name().replace('_', '-').equalsIgnoreCase(s)) {
          return a;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "--on-duplicate must be skip, update, version or skip-near, not '" + s + "'");
    }
  }

  /**
   * Restores one export after reading it through once: a file whose end record does not match what
   * it holds, or that is not JSON to its end, is refused whole, before anything is stored. Standard
   * input is kept in a private temporary file for the two readings.
   */
  private Summary restore(
      String name, BufferedInputStream stdin, Options opts, ImportService.Listener listener) {
    Path spool = null;
    try {
      Path file;
      if (name.equals("-")) {
        spool = Files.createTempFile("dossier-restore-", ".json");
        Files.copy(stdin, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        file = spool;
      } else {
        file = Path.of(name);
      }
      String problem;
      ExportEnd.Count count = null;
      try (InputStream in = Files.newInputStream(file)) {
        count = ExportEnd.count(in);
        problem = count.problem(name);
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        problem =
            "not a dossier export: it is not JSON from end to end (cut short?): "
                + ex.getOriginalMessage()
                + "; nothing was restored from it";
      }
      if (problem != null) {
        listener.outcome(new Outcome(name, Status.FAILED, null, problem));
        return new Summary(0, 0, 0, 1, 0);
      }
      if (count.announced() < 0 && count.articles() > 1) {
        say(
            "warning: "
                + Text.safeForTerminal(name, false)
                + " has no end record (written by an older dossier, or cut short): whether"
                + " articles are missing cannot be told");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new RestoreService(archive()).restore(name, in, opts.tags(), dryRun, listener);
      }
    } catch (IOException ex) {
      listener.outcome(new Outcome(name, Status.FAILED, null, WriteFailure.reason(ex, null)));
      return new Summary(0, 0, 0, 1, 0);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // a temporary file; the system's cleaning takes it
        }
      }
    }
  }

  /** A path a folder walk left out; the walk runs beside the writer, so this may be any thread. */
  private synchronized void reportSkipped(String what) {
    bar.close();
    say("skipped: " + Text.safeForTerminal(what, false));
  }

  private synchronized void report(Outcome o) {
    String path = Text.safeForTerminal(o.path(), false);
    if (known != null) {
      if (o.status() != Status.FAILED) {
        known.succeeded(o.path());
      } else if (known.failed(o.path()) && skipKnown) {
        knownFailed++;
        return;
      }
    }
    boolean named = verbose && !json;
    if (o.status() == Status.FAILED || (o.status() == Status.DUPLICATE && named)) {
      bar.close(); // the message gets its own line; the bar comes back under it
    }
    if (isUrl(o.path()) && o.status() != Status.FAILED && !json) {
      // every URL gets its line: a page is not a file the user can look at
      bar.close();
      say(o.status().label() + ": " + path + urlDetail(o));
    } else if (o.status() == Status.FAILED) {
      err().println("error: " + path + ": " + Text.safeForTerminal(o.error(), false));
    } else if (o.status() == Status.DUPLICATE && named) {
      say("duplicate: " + path + (o.id() != null ? " (same text as article " + o.id() + ")" : ""));
    } else if (o.status() == Status.NEAR_DUPLICATE && named) {
      bar.close();
      say(
          "near-duplicate of "
              + o.copyOf()
              + ": "
              + path
              + (o.id() != null && !o.id().equals(o.copyOf())
                  ? " (stored as article " + o.id() + ")"
                  : " (left out)"));
    }
  }

  private static String urlDetail(Outcome o) {
    if (o.id() == null) {
      return o.status() == Status.DUPLICATE ? " (named earlier in the list)" : "";
    }
    if (o.archived()) {
      return " (archived as article " + o.id() + ", not fetched; --refetch fetches it again)";
    }
    return switch (o.status()) {
      case UPDATED -> " (a new version of article " + o.id() + ")";
      case DUPLICATE -> " (same text as article " + o.id() + ")";
      default -> " (article " + o.id() + ")";
    };
  }

  private void writeJson(JsonGenerator g, Outcome o) {
    try {
      g.writeStartObject();
      g.writeStringField(isUrl(o.path()) ? "url" : "path", o.path());
      g.writeStringField("status", o.status().label());
      if (o.id() == null) {
        g.writeNullField("id");
      } else {
        g.writeNumberField("id", o.id());
      }
      g.writeStringField("error", o.error());
      if (o.copyOf() != null) {
        g.writeNumberField("copy_of", o.copyOf());
      }
      g.writeEndObject();
      g.flush();
      out().print('\n');
      out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the stream starts (after blanks) with '{' or '[': a dossier export. */
  private static boolean startsWithJson(BufferedInputStream in) {
    try {
      in.mark(4096);
      try {
        for (int i = 0; i < 4096; i++) {
          int c = in.read();
          if (c == '{' || c == '[') {
            return true;
          }
          if (c < 0 || !(Character.isWhitespace(c) || c == 0xEF || c == 0xBB || c == 0xBF)) {
            return false;
          }
        }
        return false;
      } finally {
        in.reset();
      }
    } catch (IOException e) {
      return false;
    }
  }

  static long parseSize(String s) {
    String t = s.trim().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
    long mult = 1;
    if (t.endsWith("K")) {
      mult = 1L << 10;
    } else if (t.endsWith("M")) {
      mult = 1L << 20;
    } else if (t.endsWith("G")) {
      mult = 1L << 30;
    }
    if (mult > 1) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t.trim());
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return v * mult;
    } catch (NumberFormatException e) {
      throw new UsageException("bad --max-size '" + s + "' (expected a size such as 500K or 20M)");
    }
  }
}
