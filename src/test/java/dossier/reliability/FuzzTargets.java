package dossier.reliability;

import dossier.core.DossierException;
import dossier.core.Extracted;
import dossier.core.TagChange;
import dossier.core.UsageException;
import dossier.ingest.ExtractionException;
import dossier.ingest.Extractors;
import dossier.ingest.Format;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.service.RestoreService;
import dossier.store.Archive;
import dossier.store.Maintenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What every parser a user's files or words reach must hold to, for any input: the fuzz tests
 * (profile {@code fuzz}) feed them generated inputs, {@link FuzzRegressionTest} replays what the
 * fuzzer found. Each target throws only when the parser broke its contract: an exception other than
 * the documented one, or a result that breaks an invariant.
 */
public final class FuzzTargets {
  private static final Format[] FORMATS = Format.values();
  private static final String[] NAMES = {null, "a.txt", "a.html", "a.md", "a.txt.gz", "a"};

  private FuzzTargets() {}

  /**
   * Extraction of any bytes: an article, or an {@link ExtractionException} (a per-file message).
   * The first byte picks the format and file name, the rest is the file.
   */
  public static void extract(byte[] data) {
    if (data.length == 0) {
      return;
    }
    Format format = FORMATS[(data[0] & 0xff) % FORMATS.length];
    String name = NAMES[((data[0] & 0xff) / FORMATS.length) % NAMES.length];
    byte[] file = Arrays.copyOfRange(data, 1, data.length);
    Extracted x;
    try {
      x = Extractors.extract(file, name, format);
    } catch (ExtractionException expected) {
      return;
    }
    check(x.body() != null && !x.body().isBlank(), "an article without a body");
    check(x.title() != null, "no title");
    check(x.contentHash().length() == 64, "no content hash");
    check(x.body().indexOf('\0') < 0, "a NUL character in the body");
  }

  /** The query language: any text compiles, or is a usage error; what compiles runs. */
  public static void query(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    CompiledQuery q;
    try {
      q = QueryCompiler.compile(text, SAVED);
    } catch (UsageException expected) {
      check(expected.getMessage() != null && !expected.getMessage().isBlank(), "an empty error");
      return;
    }
    // compiled SQL and FTS5 syntax must be accepted by SQLite too
    archive().articles().count(q);
  }

  /** A line of {@code tag --batch}: parsed, or a usage error; tags come out normalized. */
  public static void tagLine(byte[] data) {
    String line = new String(data, StandardCharsets.UTF_8);
    TagChange c;
    try {
      c = TagChange.parseLine(line);
    } catch (UsageException expected) {
      return;
    }
    for (String t : c.add()) {
      check(!t.isBlank() && t.equals(t.strip()), "a tag that is blank or not trimmed: " + t);
    }
    for (String t : c.remove()) {
      check(!t.isBlank() && t.equals(t.strip()), "a tag that is blank or not trimmed: " + t);
    }
    check(c.query() != null, "no query");
  }

  /**
   * Restoring a JSON or NDJSON export: every article is an outcome (imported, duplicate, failed),
   * never an exception, and what was stored leaves a sound archive.
   */
  public static void restoreJson(byte[] data) {
    Archive a = archive();
    try {
      new RestoreService(a)
          .restore("fuzz.json", new ByteArrayInputStream(data), List.of(), false, o -> {});
    } catch (DossierException e) {
      // a write that failed as a whole is reported as an error, not a crash
      check(e.getMessage() != null, "an error without a message");
    }
    if (++restores % 500 == 0) {
      List<String> problems = Maintenance.of(a).check();
      check(problems.isEmpty(), "the archive broke: " + problems);
    }
  }

  private static int restores;

  private static final QueryContext SAVED =
      QueryContext.of(
          name -> name.equals("loop") ? Optional.of("saved:loop") : Optional.of("tag:x"));

  private static Archive archive;

  /** One small archive for the whole run (the fuzzer calls a target many times per second). */
  private static synchronized Archive archive() {
    if (archive == null) {
      try {
        Path dir = Files.createTempDirectory("dossier-fuzz");
        dir.toFile().deleteOnExit();
        archive = Archive.open(dir.resolve("archive.db"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return archive;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
