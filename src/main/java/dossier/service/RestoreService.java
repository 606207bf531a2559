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
import dossier.store.Archive;
import dossier.store.RestoreRepository;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Imports a dossier JSON or NDJSON export: every article comes back with its id (when free), tags,
 * note, status, star, import time and original bytes, so export, import into an empty archive and
 * export again gives the same file.
 */
public final class RestoreService {
  private static final int BATCH = 500;
  private static final ObjectMapper MAPPER = new ObjectMapper();

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

  /** One article of an export, ready to store, or why it cannot be. */
  private record Entry(String where, Article article, byte[] original, String error) {}

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
    int[] counts = new int[4];
    List<Entry> batch = new ArrayList<>();
    int n = 0;
    try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
      parser.setCodec(MAPPER);
      // an array of articles (json) or one article after another (ndjson)
      JsonToken token = parser.nextToken();
      boolean array = token == JsonToken.START_ARRAY;
      if (array) {
        token = parser.nextToken();
      }
      while (token != null && token != JsonToken.END_ARRAY) {
        n++;
        Entry e;
        try {
          JsonNode node = parser.readValueAsTree();
          if (ExportEnd.is(node)) {
            n--; // the end record is not an article
            token = parser.nextToken();
            continue;
          }
          e = entry(name + ":" + n, node, extraTags);
          token = parser.nextToken();
        } catch (IOException | RuntimeException ex) {
          // the rest of a broken file cannot be found reliably
          batch.add(new Entry(name + ":" + n, null, null, "not a dossier export: " + brief(ex)));
          break;
        }
        batch.add(e);
        if (batch.size() >= BATCH) {
          store(batch, listener, counts);
          batch.clear();
        }
      }
    } catch (IOException ex) {
      batch.add(new Entry(name, null, null, "not a dossier export: " + brief(ex)));
    }
    store(batch, listener, counts);
    if (journal != 0) {
      long j = journal;
      archive.write(
          () -> {
            archive.journal().setSummary(j, "restored " + counts[0] + " from " + name);
            return null;
          });
      journal = 0;
    }
    return new Summary(
        counts[0], counts[1], counts[2], counts[3], (System.nanoTime() - start) / 1_000_000);
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
      return new Entry(where, null, null, "not a dossier article (needs body and content_hash)");
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
        return new Entry(where, null, null, bad);
      }
      String original = text(o, "original");
      byte[] bytes = original != null ? Base64.getDecoder().decode(original) : null;
      return new Entry(where, a, bytes, null);
    } catch (DossierException | IllegalArgumentException e) {
      return new Entry(where, null, null, e.getMessage());
    }
  }

  private void store(List<Entry> batch, Listener listener, int[] counts) {
    if (batch.isEmpty()) {
      return;
    }
    List<Outcome> outcomes =
        archive.write(
            () -> {
              RestoreRepository repo = new RestoreRepository(archive);
              List<Outcome> out = new ArrayList<>();
              List<Long> created = new ArrayList<>();
              for (Entry e : batch) {
                Outcome o = decide(e);
                if (o.status() == ImportService.Status.IMPORTED) {
                  long id = repo.insert(e.article(), e.original());
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
      counts[o.status().ordinal()]++;
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
