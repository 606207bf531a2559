package dossier.cli;

import dossier.core.TagChange;
import dossier.service.ArticleService;
import dossier.service.EditService;
import dossier.service.ImportService;
import dossier.service.Selector;
import dossier.store.Archive;
import dossier.store.Sort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the common paths once on a throw-away archive, so that the launcher can record the classes
 * they load into a class-data sharing archive or ahead-of-time cache that makes every later start
 * faster. With {@code --prepare} and {@code --read} the archive is made by one run and read by
 * another, so that a cache recorded from the second holds what the reading commands load and none
 * of the import's classes (JDK 25 loads every class of its cache at start).
 */
@Command(
    name = "__warmup",
    hidden = true,
    description = "Exercise common paths (for start-up tuning).")
final class WarmupCommand extends BaseCommand {
  private static final String TEXT =
      "Harbour cranes idle as dockers strike\n\nDockers at the port walked out on Monday over pay,"
          + " leaving cranes idle and ships waiting offshore, union officials said.\n\nThe strike"
          + " is the first at the port in a decade.\n";
  private static final String HTML =
      "<!doctype html><html lang=en><head><title>Ferry fares rise</title><meta property=og:title"
          + " content='Ferry fares rise'></head><body><nav><a href=/>Home</a></nav><article><h1>"
          + "Ferry fares rise</h1><p>Ferry operators raised fares by a tenth on Tuesday, citing"
          + " fuel costs.</p><p>Commuters said the rise would hurt.</p></article></body></html>";

  /** The reading commands as people type them: a read-only cache is trained on these alone. */
  private static final String[][] READING = {
    {"search", "strike"},
    {"search", "\"ferry fares\"", "date:2020.."},
    {"search", "fares", "--format", "json"},
    {"list", "tag:port"},
    {"list", "--format", "ids", "fares"},
    {"show", "1"},
    {"count", "strike"},
    {"tags"},
    {"log"},
    {"stats"},
    {"__complete", "tags", "--", "po"},
    {"__complete", "query", "--", "tag:"}
  };

  /** The writing commands and help, for the cache of every other command. */
  private static final String[][] WRITING = {
    {"tag", "+harbour", "--", "cranes"},
    {"mark", "read", "--", "tag:harbour"},
    {"suggest", "2"},
    {"--help"}
  };

  @Option(
      names = "--prepare",
      paramLabel = "ARCHIVE",
      description = "Only make a small archive to train on, at ARCHIVE.")
  Path prepare;

  @Option(
      names = "--read",
      paramLabel = "ARCHIVE",
      description = "Only run the reading commands, on ARCHIVE (made by --prepare).")
  Path read;

  @Override
  public Integer call() throws IOException {
    if (prepare != null) {
      fill(prepare);
      return ExitCode.OK;
    }
    if (read != null) {
      reading(read);
      return ExitCode.OK;
    }
    Path dir = Files.createTempDirectory("dossier-warmup");
    Path db = dir.resolve("warmup.db");
    try {
      fill(db);
      reading(db);
      writing(db);
    } finally {
      for (String f : new String[] {"warmup.db", "warmup.db-wal", "warmup.db-shm"}) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.deleteIfExists(dir);
    }
    return ExitCode.OK;
  }

  /** Imports the two small documents into a new archive at {@code db}. */
  private static void fill(Path db) {
    try (Archive archive = Archive.open(db)) {
      ImportService importer = new ImportService(archive);
      for (String doc : List.of(TEXT, HTML)) {
        importer.run(
            List.of("-"),
            () -> new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
            ImportService.Options.defaults(),
            o -> {});
      }
    }
  }

  /** Lists, searches, shows and counts in every output format, then the reading commands. */
  private static void reading(Path db) {
    try (Archive archive = Archive.open(db)) {
      ArticleService articles = new ArticleService(archive);
      PrintWriter sink = new PrintWriter(new StringWriter());
      for (OutputFormat f : OutputFormat.values()) {
        try (ArticlePrinter p = new ArticlePrinter(sink, f, false, false, 80, false)) {
          articles.list("", Sort.NEWEST, 0, 0, false, p::article);
        }
        try (ArticlePrinter p = new ArticlePrinter(sink, f, false, false, 80, true)) {
          articles.search("strike OR fares", 20, 0, p::hit);
        }
      }
      ArticleText.text(sink, articles.get(1), false);
      articles.count("tag:port is:new date:2020..");
    }
    run(db, READING);
  }

  /** Tags and undoes, then the writing commands and help. */
  private static void writing(Path db) {
    try (Archive archive = Archive.open(db)) {
      EditService edits = new EditService(archive);
      edits.tag(new TagChange(List.of("port"), List.of(), ""), Selector.query("dockers"), false);
      edits.undo();
    }
    run(db, WRITING);
  }

  /**
   * Runs each command line through picocli as people type it: its model of each command and the
   * parsing are part of what the cache records.
   */
  private static void run(Path db, String[][] commands) {
    Env env =
        new Env(
            Map.of("DOSSIER_DB", db.toString()),
            InputStream.nullInputStream(),
            OutputStream.nullOutputStream(),
            false,
            false);
    for (String[] args : commands) {
      CommandLine cl = DossierCommand.commandLine(env, args);
      cl.setErr(new PrintWriter(Writer.nullWriter()));
      cl.execute(args);
    }
  }
}
