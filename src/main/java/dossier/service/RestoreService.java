package dossier.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.DossierException;
import dossier.core.Text;
import dossier.service.ImportService.Listener;
import dossier.service.ImportService.Outcome;
import dossier.service.ImportService.Summary;
import dossier.similar.Fingerprint;
import dossier.store.Archive;
import dossier.store.Originals;
import dossier.store.RestoreRepository;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Imports a dossier JSON or NDJSON export: every article comes back with its id (when free), tags,
 * note, status, star, import time and original bytes, so export, import into an empty archive and
 * export again gives the same file.
 */
public final class RestoreService {
  private static final int BATCH = 500;

  /** Made on first use: an import of files only asks whether a name is an export's. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Archive archive;

  /** The journal record of the running restore, once it has written something; 0 before. */
  private long journal;

  public RestoreService(Archive archive) {
    this.archive = archive;
  }

  /** True when a file of this name is read as a dossier export rather than as an article. */
  public static boolean isExportName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  /** One article of an export as read, or why the export cannot be read further. */
  private record Raw(String where, JsonNode node, String error) {}

  /**
   * One article of an export, ready to store (its original compressed, its body's fingerprint), or
   * why it cannot be.
   */
  private record Entry(
      String where, Article article, byte[] original, int size, Fingerprint print, String error) {
    Entry(String where, String error) {
      this(where, null, null, 0, null, error);
    }
  }

  /**
   * Restores the articles of one export read from {@code in}; {@code name} names it in outcomes
   * ({@code name:N} for the N-th article); {@code extraTags} are added to every article. An article
   * whose text is already stored is a duplicate and left as it is.
   */
  public Summary restore(
      String name, InputStream in, List<String> extraTags, boolean dryRun, Listener listener) {
    if (!dryRun) {
      return restoreAll(name, in, extraTags, listener);
    }
    // a dry run is the real restore rolled back: an article given twice is a duplicate the second
    // time in both
    try {
      return archive.rehearse(() -> restoreAll(name, in, extraTags, listener));
    } finally {
      journal = 0;
    }
  }

  private Summary restoreAll(
      String name, InputStream in, List<String> extraTags, Listener listener) {
    long start = System.nanoTime();
    ImportService.Counter counter = new ImportService.Counter();
    Pipeline<Raw, Entry> pipeline =
        new Pipeline<>(
            BATCH,
            Pipeline.Walk.AHEAD,
            r -> prepare(r, extraTags),
            r -> new Entry(r.where(), "restore interrupted"));
    try (Articles articles = new Articles(name, in)) {
      pipeline.run(articles, () -> false, batch -> store(batch, listener, counter));
    }
    if (journal != 0) {
      long j = journal;
      archive.write(
          () -> {
            archive.journal().setSummary(j, "restored " + counter.imported + " from " + name);
            return null;
          });
      journal = 0;
    }
    return counter.summary((System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The articles of an export, an array of them (json) or one after another (ndjson), without its
   * end record; a part that cannot be parsed ends it, as the rest of a broken file cannot be found
   * reliably.
   */
  private static final class Articles implements Iterator<Raw>, AutoCloseable {
    private final String name;
    private final InputStream in;
    private JsonParser parser;
    private JsonToken token;
    private Raw next;
    private boolean done;
    private int n;

    Articles(String name, InputStream in) {
      this.name = name;
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        next = read();
      }
      return next != null;
    }

    @Override
    public Raw next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Raw r = next;
      next = null;
      return r;
    }

    /** The next article, null to be asked again (the end record), or null with done set. */
    private Raw read() {
      try {
        if (parser == null) {
          parser = Json.MAPPER.getFactory().createParser(in);
          parser.setCodec(Json.MAPPER);
          token = parser.nextToken();
          if (token == JsonToken.START_ARRAY) {
            token = parser.nextToken();
          }
        }
        if (token == null || token == JsonToken.END_ARRAY) {
          done = true;
          return null;
        }
      } catch (IOException ex) {
        done = true;
        return new Raw(name, null, "not a dossier export: " + brief(ex));
      }
      n++;
      try {
        JsonNode node = parser.readValueAsTree();
        token = parser.nextToken();
        if (ExportEnd.is(node)) {
          n--; // the end record is not an article
          return null;
        }
        return new Raw(name + ":" + n, node, null);
      } catch (IOException | RuntimeException ex) {
        done = true;
        return new Raw(name + ":" + n, null, "not a dossier export: " + brief(ex));
      }
    }

    @Override
    public void close() {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException e) {
          // the export was read as far as it goes; closing it changes nothing stored
        }
      }
    }
  }

  /** Reads one article of the export; runs on a worker thread and never throws. */
  private static Entry prepare(Raw r, List<String> extraTags) {
    if (r.error() != null) {
      return new Entry(r.where(), r.error());
    }
    try {
      Entry e = entry(r.where(), r.node(), extraTags);
      if (e.error() != null) {
        return e;
      }
      byte[] bytes = e.original();
      return new Entry(
          e.where(),
          e.article(),
          bytes == null ? null : Originals.compress(bytes),
          bytes == null ? 0 : bytes.length,
          Fingerprint.of(e.article().body()),
          null);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Entry(r.where(), "cannot read the article (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String brief(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Entry entry(String where, JsonNode o, List<String> extraTags) {
    if (!o.isObject() || text(o, "body") == null || !o.has("content_hash")) {
      return new Entry(where, "not a dossier article (needs body and content_hash)");
    }
    try {
      Article a = ArticleJson.read(o);
      List<String> tags = new ArrayList<>(a.tags());
      for (String t : extraTags) {
        if (!tags.contains(t)) {
          tags.add(t);
        }
      }
      a = a.withTags(tags);
      if (a.title() == null) {
        a = a.withTitle("");
      }
      JsonNode wc = o.get("word_count");
      if (wc == null || !wc.canConvertToInt()) {
        a = a.with(ArticleField.WORD_COUNT, Text.wordCount(a.body()));
      }
      if (a.imported() == null) {
        a =
            a.withImported(
                java.time.Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString());
      }
      // an export without originals restores articles without one: never one made up
      String bad = RestoreChecks.problem(o, a);
      if (bad != null) {
        return new Entry(where, bad);
      }
      String original = text(o, "original");
      byte[] bytes = original != null ? Base64.getDecoder().decode(original) : null;
      return new Entry(where, a, bytes, 0, null, null);
    } catch (DossierException | IllegalArgumentException e) {
      return new Entry(where, e.getMessage());
    }
  }

  private void store(List<Entry> batch, Listener listener, ImportService.Counter counter) {
    List<Outcome> outcomes =
        archive.write(
            () -> {
              RestoreRepository repo = new RestoreRepository(archive);
              List<Outcome> out = new ArrayList<>();
              List<Long> created = new ArrayList<>();
              for (Entry e : batch) {
                Outcome o = decide(e);
                if (o.status() == ImportService.Status.IMPORTED) {
                  long id = repo.insert(e.article(), e.original(), e.size());
                  archive.copies().refresh(id, e.print());
                  created.add(id);
                  o = new Outcome(e.where(), ImportService.Status.IMPORTED, id, null);
                }
                out.add(o);
              }
              if (!created.isEmpty()) {
                // recorded like any import, so 'dossier undo' takes the articles out again
                if (journal == 0) {
                  journal = archive.journal().begin("import", "import");
                }
                archive.journal().created(journal, created);
              }
              return out;
            });
    for (Outcome o : outcomes) {
      counter.count(o.status());
      listener.outcome(o);
    }
  }

  private Outcome decide(Entry e) {
    if (e.error() != null) {
      return new Outcome(e.where(), ImportService.Status.FAILED, null, e.error());
    }
    Optional<Long> existing = archive.articles().idByHash(e.article().contentHash());
    if (existing.isPresent()) {
      return new Outcome(e.where(), ImportService.Status.DUPLICATE, existing.get(), null);
    }
    return new Outcome(e.where(), ImportService.Status.IMPORTED, null, null);
  }
}
