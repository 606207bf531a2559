package dossier.service;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.DossierException;
import dossier.core.Extracted;
import dossier.core.Text;
import dossier.ingest.Extractors;
import dossier.ingest.Format;
import dossier.query.CompiledQuery;
import dossier.similar.Fingerprint;
import dossier.store.Archive;
import dossier.store.ArticleRepository;
import dossier.store.ReextractRepository;
import dossier.store.ReextractRepository.Replaced;
import dossier.store.ReextractRepository.Stored;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs the current extractors again on the stored originals and replaces the extracted text and
 * metadata, keeping tags, status, star and note. Works in batches, each in its own transaction with
 * its journal entries, so a run that is stopped keeps what it committed and {@code undo} reverts
 * all of it.
 */
public final class ReextractService {
  /** Articles read, extracted and written per transaction. */
  static final int BATCH = 256;

  /** What happened to one article. */
  public enum Status {
    CHANGED,
    UNCHANGED,
    FAILED,
    /** Its new text is the text of another stored article: left as it was. */
    CONFLICT,
    /** No original is stored (restored from an export without originals): left as it was. */
    NO_ORIGINAL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The outcome for one article; {@code detail} says why it failed or which article it matches;
   * {@code kept} names each field a person set that the extractor now reads otherwise, with what it
   * reads (the person's value is kept).
   */
  public record Outcome(long id, Status status, String detail, List<String> kept) {
    public Outcome(long id, Status status, String detail) {
      this(id, status, detail, List.of());
    }
  }

  public record Summary(
      int changed, int unchanged, int failed, int conflicts, int noOriginal, boolean stopped) {
    public int articles() {
      return changed + unchanged + failed + conflicts + noOriginal;
    }
  }

  /** Receives outcomes in id order, each once its batch is committed. */
  public interface Listener {
    void outcome(Outcome o);
  }

  private final Archive archive;
  private final ArticleService articles;

  public ReextractService(Archive archive) {
    this.archive = archive;
    this.articles = new ArticleService(archive);
  }

  /**
   * Re-extracts the articles matching {@code query} (every article when blank). {@code stop} is
   * asked between batches; when it says true the run ends after the last committed batch.
   */
  public Summary run(String query, boolean dryRun, BooleanSupplier stop, Listener listener) {
    // a dry run is the real run rolled back at its end, its journal entry with it
    return dryRun
        ? archive.rehearse(() -> reextract(query, stop, listener))
        : reextract(query, stop, listener);
  }

  private Summary reextract(String query, BooleanSupplier stop, Listener listener) {
    String q = query == null ? "" : query.trim();
    CompiledQuery cq = q.isEmpty() || q.equals("*") ? CompiledQuery.ALL : articles.compile(q);
    ReextractRepository repo = ReextractRepository.of(archive);
    int[] counts = new int[Status.values().length];
    long[] journal = {0};
    // the articles are read from the archive, so by the writer between its transactions
    Pipeline<Stored, Fresh> pipeline =
        new Pipeline<>(
            BATCH,
            Pipeline.Walk.BY_WRITER,
            ReextractService::extract,
            s -> new Fresh(s, null, null, Status.FAILED, "re-extraction interrupted"));
    boolean stopped;
    try {
      if (stop.getAsBoolean()) {
        stopped = true;
      } else {
        stopped =
            pipeline.run(
                stored(repo, cq),
                stop,
                fresh -> {
                  List<Outcome> outcomes =
                      archive.write(
                          () -> {
                            // begun with the first batch so a run stopped before it leaves no
                            // record
                            if (journal[0] == 0) {
                              journal[0] = archive.journal().begin("reextract", describe(q));
                            }
                            List<Outcome> out = new ArrayList<>(fresh.size());
                            for (Fresh f : fresh) {
                              out.add(decide(f, journal[0]));
                            }
                            return out;
                          });
                  for (Outcome o : outcomes) {
                    counts[o.status().ordinal()]++;
                    listener.outcome(o);
                  }
                });
      }
    } finally {
      if (journal[0] != 0) {
        long j = journal[0];
        String summary =
            "re-extracted " + counts[Status.CHANGED.ordinal()] + " changed " + describe(q);
        archive.write(
            () -> {
              archive.journal().setSummary(j, summary);
              archive.journal().discardIfEmpty(j);
              return null;
            });
      }
    }
    return new Summary(
        counts[Status.CHANGED.ordinal()],
        counts[Status.UNCHANGED.ordinal()],
        counts[Status.FAILED.ordinal()],
        counts[Status.CONFLICT.ordinal()],
        counts[Status.NO_ORIGINAL.ordinal()],
        stopped);
  }

  /**
   * The stored articles matching {@code cq} in id order, a page at a time. Walking by id keeps a
   * long run going forward even as re-extraction changes which articles match words in the query.
   */
  private static Iterator<Stored> stored(ReextractRepository repo, CompiledQuery cq) {
    return new Iterator<>() {
      private final ArrayDeque<Stored> page = new ArrayDeque<>();
      private long after;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (page.isEmpty() && !done) {
          List<Stored> next = repo.next(cq, after, BATCH);
          done = next.isEmpty();
          if (!done) {
            after = next.get(next.size() - 1).id();
            page.addAll(next);
          }
        }
        return !page.isEmpty();
      }

      @Override
      public Stored next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.poll();
      }
    };
  }

  private static String describe(String q) {
    return q.isEmpty() ? "(all articles)" : Text.cutAtWord(q, 60);
  }

  /**
   * A stored article with what the extractors make of its original now and the fingerprint of its
   * new body, or why they cannot.
   */
  private record Fresh(
      Stored stored, Article extracted, Fingerprint print, Status failure, String error) {}

  /** Runs on a worker thread and never throws: a bad original costs one article. */
  private static Fresh extract(Stored s) {
    try {
      if (s.data() == null) {
        return new Fresh(
            s,
            null,
            null,
            Status.NO_ORIGINAL,
            "no original is stored (it was restored from an export without originals); left as"
                + " it is");
      }
      byte[] bytes = s.original();
      String name = s.path() == null ? null : fileName(s.path());
      Format format = s.format() == null ? Format.AUTO : parseFormat(s.format());
      Extracted x = Extractors.extract(bytes, name, format);
      Article fresh = Article.extracted(x, s.path(), List.of());
      Article current = s.current();
      String urlOrigin = current.origin(ArticleField.URL);
      if (current.url() != null
          && !current.url().equals(fresh.url())
          && (urlOrigin == null || urlOrigin.equals(ImportService.COMMAND_LINE))) {
        // a URL given at import (--url) is kept: the file itself may not name one (one stored
        // before origins were kept is taken to be such a URL)
        if (urlOrigin == null) {
          Map<String, String> origins = new LinkedHashMap<>(fresh.provenance());
          origins.remove(ArticleField.URL.json());
          fresh = fresh.withUrl(current.url()).withProvenance(origins);
        } else {
          fresh = ImportService.withCommandLineUrl(fresh, current.url());
        }
      }
      return new Fresh(s, fresh, Fingerprint.of(fresh.body()), null, null);
    } catch (DossierException e) {
      return new Fresh(s, null, null, Status.FAILED, e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Fresh(
          s,
          null,
          null,
          Status.FAILED,
          "cannot extract an article (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String fileName(String path) {
    try {
      Path p = Path.of(path).getFileName();
      return p == null ? null : p.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Format parseFormat(String f) {
    try {
      return Format.parse(f);
    } catch (RuntimeException e) {
      return Format.AUTO;
    }
  }

  /** Decides and applies the outcome for one article. */
  private Outcome decide(Fresh f, long journal) {
    Stored s = f.stored();
    if (f.error() != null) {
      keepFingerprint(s, null);
      return new Outcome(s.id(), f.failure(), f.error());
    }
    Article current = s.current();
    Article x = ArticleRepository.keepPinned(current, f.extracted());
    List<String> kept = new ArrayList<>();
    for (ArticleField field : ArticleField.METADATA) {
      if (current.pinned(field) && !Objects.equals(field.get(f.extracted()), field.get(current))) {
        Object v = field.get(f.extracted());
        kept.add(
            field.json()
                + " (the extractor now reads "
                + (field.isEmpty(v) ? "nothing" : "\"" + shown(v) + "\"")
                + ")");
      }
    }
    if (ReextractRepository.sameFields(x, current)) {
      keepFingerprint(s, f.print());
      return new Outcome(s.id(), Status.UNCHANGED, null, kept);
    }
    String hash = x.contentHash();
    if (!hash.equals(s.contentHash())) {
      Optional<Long> other = archive.articles().idByHash(hash);
      if (other.isPresent() && other.get() != s.id()) {
        keepFingerprint(s, null);
        return new Outcome(
            s.id(), Status.CONFLICT, "its new text is the same as article " + other.get(), kept);
      }
    }
    Replaced r = ReextractRepository.of(archive).replace(journal, s, x);
    if (r == Replaced.GONE) {
      return new Outcome(s.id(), Status.UNCHANGED, "changed by another command meanwhile; skipped");
    }
    archive.copies().refresh(s.id(), f.print());
    return new Outcome(s.id(), Status.CHANGED, null, kept);
  }

  /**
   * Gives an article whose body stays as it is a fingerprint when it has none (it was stored before
   * near-duplicates were looked for); {@code print} is its body's, when already known.
   */
  private void keepFingerprint(Stored s, Fingerprint print) {
    if (!archive.copies().hasFingerprint(s.id())) {
      archive.copies().refresh(s.id(), print != null ? print : Fingerprint.of(s.current().body()));
    }
  }

  private static String shown(Object v) {
    return v instanceof List<?> l
        ? String.join("; ", l.stream().map(String::valueOf).toList())
        : Text.oneLine(String.valueOf(v));
  }
}
