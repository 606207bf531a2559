package dossier.service;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.DossierException;
import dossier.core.Extracted;
import dossier.core.Tags;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.ingest.Extractors;
import dossier.ingest.Format;
import dossier.ingest.Sources;
import dossier.ingest.Sources.Source;
import dossier.ingest.WebPage;
import dossier.query.CompiledQuery;
import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import dossier.similar.StoryTerms;
import dossier.store.Archive;
import dossier.store.CopyRepository;
import dossier.store.NewArticle;
import dossier.store.Originals;
import dossier.store.RuleRepository;
import dossier.store.Selection;
import dossier.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Imports files into the archive. Reading, extraction, hashing and compression run in parallel on
 * all cores; one writer stores the results in file order, many files per short transaction, so the
 * write lock is held only while rows are written. A file that fails is reported and skipped.
 */
public final class ImportService {
  /** Files written per transaction. */
  static final int BATCH = 512;

  public static final long DEFAULT_MAX_SIZE = 20L << 20;

  /** An import of at least this many articles may refresh the planner's statistics. */
  static final int ANALYZE_AFTER = 1000;

  /** What to do with a file whose text is already stored. */
  public enum OnDuplicate {
    SKIP,
    UPDATE,
    /** skip exact duplicates, and near-duplicate copies too */
    SKIP_NEAR,
    /**
     * A file whose path (or a page whose URL) is already stored with other text becomes a new
     * version of that article: the old text is kept, tags, notes and status stay.
     */
    VERSION
  }

  /** What happened to one file. */
  public enum Status {
    IMPORTED,
    DUPLICATE,
    UPDATED,
    FAILED,
    /**
     * a copy of a stored story (another headline, a trimmed ending, ...): see the outcome's copyOf
     */
    NEAR_DUPLICATE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public record Options(
      List<String> tags,
      String url,
      Format format,
      OnDuplicate onDuplicate,
      boolean dryRun,
      long maxSize) {
    public Options {
      tags = tags == null ? List.of() : tags.stream().map(Tags::normalize).distinct().toList();
      format = format == null ? Format.AUTO : format;
      onDuplicate = onDuplicate == null ? OnDuplicate.SKIP : onDuplicate;
      maxSize = maxSize <= 0 ? DEFAULT_MAX_SIZE : maxSize;
    }

    public static Options defaults() {
      return new Options(List.of(), null, Format.AUTO, OnDuplicate.SKIP, false, DEFAULT_MAX_SIZE);
    }
  }

  /**
   * The outcome for one input; {@code id} is the article it became or duplicates. A near-duplicate
   * names the original it copies in {@code copyOf}; its {@code id} is the copy as stored, or the
   * original when {@code --on-duplicate skip-near} left it out. {@code archived}: a URL that is a
   * duplicate because its address is archived already, so it was not fetched (the page may have
   * changed since).
   */
  public record Outcome(
      String path, Status status, Long id, String error, Long copyOf, boolean archived) {
    public Outcome(String path, Status status, Long id, String error, Long copyOf) {
      this(path, status, id, error, copyOf, false);
    }

    public Outcome(String path, Status status, Long id, String error) {
      this(path, status, id, error, null, false);
    }

    /** A URL whose address article {@code id} holds already, not fetched. */
    public static Outcome archivedUrl(String url, long id) {
      return new Outcome(url, Status.DUPLICATE, id, null, null, true);
    }
  }

  /** What an import did; {@code near} counts near-duplicates, stored or left out. */
  public record Summary(
      int imported, int duplicates, int updated, int failed, long millis, int near) {
    public Summary(int imported, int duplicates, int updated, int failed, long millis) {
      this(imported, duplicates, updated, failed, millis, 0);
    }

    public int files() {
      return imported + duplicates + updated + failed + near;
    }
  }

  /** Receives outcomes in file order, each once its article is committed. */
  public interface Listener {
    void outcome(Outcome o);
  }

  private final Archive archive;

  /** The journal record of the running import, once it has written something; 0 before. */
  private long journal;

  /** Articles the running import has inserted, or is inserting, so far. */
  private long inserted;

  /** The full-text index's merge setting to put back when the import ends. */
  private int automergeAfter;

  private List<CompiledRule> rules;

  public ImportService(Archive archive) {
    this.archive = archive;
  }

  /** Follow every symbolic link a folder walk meets, not only those inside the folder. */
  private boolean followAll;

  /** Hears of each path a folder walk leaves out, and why. */
  private java.util.function.Consumer<String> skipped = s -> {};

  /**
   * How folder walks treat symbolic links: {@code followAll} follows links out of the folder too;
   * {@code skipped} hears of each link left out.
   */
  public ImportService links(boolean followAll, java.util.function.Consumer<String> skipped) {
    this.followAll = followAll;
    this.skipped = skipped;
    return this;
  }

  /** An auto-tag rule whose query is compiled once per import. */
  private record CompiledRule(CompiledQuery query, String tag) {}

  private List<CompiledRule> compileRules() {
    ArticleService articles = new ArticleService(archive);
    List<CompiledRule> out = new ArrayList<>();
    for (RuleRepository.Rule r : archive.rules().all()) {
      try {
        out.add(new CompiledRule(articles.compile(r.query()), r.tag()));
      } catch (UsageException e) {
        // A rule saved by an older version whose query no longer parses: 'rules list' shows it.
      }
    }
    return out;
  }

  /** A file ready to store with its body's fingerprint, or the reason it cannot be. */
  private record Prepared(
      Source source,
      NewArticle article,
      Fingerprint print,
      Map<String, Integer> names,
      String error) {
    Prepared(Source source, NewArticle article, String error) {
      this(source, article, null, Map.of(), error);
    }
  }

  /**
   * What imports leave out, for a measurement of what it costs: {@code DOSSIER_SIMILAR=off} stores
   * no fingerprints and places no article in a story, {@code copies} leaves out the stories (no
   * names either), {@code stories} the fingerprints (no copy is found, so a copy is placed as any
   * other article). Anything else, or nothing, does both.
   */
  private static final String SIMILAR_SETTING = System.getenv("DOSSIER_SIMILAR");

  /** False when {@link #SIMILAR_SETTING} leaves fingerprints out: no copy is looked for. */
  static final boolean PRINTS =
      !"off".equals(SIMILAR_SETTING) && !"stories".equals(SIMILAR_SETTING);

  /** False when {@link #SIMILAR_SETTING} leaves stories out: no names, no story placed. */
  static final boolean STORIES =
      !"off".equals(SIMILAR_SETTING) && !"copies".equals(SIMILAR_SETTING);

  /** The new articles of the batch being written, in the order of their ids, for their stories. */
  private final List<StoryService.Arrival> arrivals = new ArrayList<>();

  /** The bands of the new articles of the batch being written, by their places in it. */
  private final BatchBands batchBands = new BatchBands(CopyRepository.PER_BAND);

  /** Imports everything {@code args} names. */
  public Summary run(
      List<String> args, Supplier<InputStream> stdin, Options opts, Listener listener) {
    return run(args, stdin, opts, listener, () -> false);
  }

  /**
   * Imports what {@code args} names until {@code stop} says true: it is asked after each file is
   * prepared, and once it says true the files prepared so far are stored and the rest left alone.
   */
  public Summary run(
      List<String> args,
      Supplier<InputStream> stdin,
      Options opts,
      Listener listener,
      BooleanSupplier stop) {
    return run(Sources.walk(args, stdin, followAll, skipped), args, opts, listener, stop);
  }

  /**
   * Imports {@code sources} (walked files, or pages fetched from the web) through the same
   * pipeline; {@code args} names them in the journal.
   */
  public Summary run(
      Iterator<Source> sources,
      List<String> args,
      Options opts,
      Listener listener,
      BooleanSupplier stop) {
    if (!opts.dryRun()) {
      return importAll(sources, args, opts, listener, stop);
    }
    // a dry run is the real import rolled back at its end: what it reports is what the import
    // would do, duplicates within the files and rules included
    try {
      return archive.rehearse(() -> importAll(sources, args, opts, listener, stop));
    } finally {
      journal = 0;
    }
  }

  private Summary importAll(
      Iterator<Source> sources,
      List<String> args,
      Options opts,
      Listener listener,
      BooleanSupplier stop) {
    long start = System.nanoTime();
    Counter counter = new Counter();
    journal = 0;
    inserted = 0;
    rules = compileRules();
    Pipeline<Source, Prepared> pipeline =
        new Pipeline<>(
            BATCH,
            Pipeline.Walk.AHEAD,
            s -> prepare(s, opts),
            s -> new Prepared(s, null, "import interrupted"));
    try {
      pipeline.run(sources, stop, batch -> store(batch, opts, listener, counter));
    } finally {
      try {
        finishJournal(args, counter);
      } finally {
        archive.bulkWriteDone();
      }
    }
    if (inserted >= ANALYZE_AFTER && !opts.dryRun()) {
      try {
        archive.analyzeIfStale(inserted);
      } catch (StoreException e) {
        // the planner's statistics only make queries faster: an import that stored its files
        // is not failed by them (they are refreshed by the next large import)
      }
    }
    // every article written counts, near-duplicate copies included: they are stored and indexed
    // as the others (in a day's wire stories most articles can be copies)
    if (inserted + counter.updated > 0 && !opts.dryRun()) {
      try {
        archive.mergeIndexAfterImport(inserted + counter.updated);
      } catch (StoreException e) {
        // merging only makes queries faster: the import stored its files (the next one merges)
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return counter.summary(millis);
  }

  /** Counts outcomes by status. */
  static final class Counter {
    int imported;
    int duplicates;
    int updated;
    int failed;
    int near;

    void count(Status s) {
      switch (s) {
        case IMPORTED -> imported++;
        case DUPLICATE -> duplicates++;
        case NEAR_DUPLICATE -> near++;
        case UPDATED -> updated++;
        case FAILED -> failed++;
      }
    }

    Summary summary(long millis) {
      return new Summary(imported, duplicates, updated, failed, millis, near);
    }
  }

  /** Reads and extracts one file; runs on a worker thread and never throws. */
  static Prepared prepare(Source s, Options opts) {
    if (s.error() != null) {
      return new Prepared(s, null, s.error());
    }
    try {
      byte[] bytes = Sources.read(s, opts.maxSize());
      WebPage page = s.page();
      Extracted x =
          page == null
              ? Extractors.extract(bytes, s.name(), opts.format())
              : Extractors.extract(bytes, page.fileName(), opts.format(), page.charset());
      String path =
          s.isStdin() || s.file() == null ? null : s.file().toAbsolutePath().normalize().toString();
      Article a = Article.extracted(x, path, opts.tags());
      if (page != null) {
        a = WebPages.withFetchEvidence(a, page);
      } else if (opts.url() != null) {
        a = withCommandLineUrl(a, opts.url());
      }
      NewArticle n = new NewArticle(a, Originals.compress(bytes), bytes.length);
      // the fingerprint and the names read the body's characters from one copy
      char[] body = (PRINTS || STORIES) && a.body() != null ? a.body().toCharArray() : null;
      return new Prepared(
          s,
          n,
          PRINTS ? Fingerprint.of(body) : null,
          STORIES ? StoryTerms.of(a.title(), body) : Map.of(),
          null);
    } catch (IOException e) {
      return new Prepared(s, null, Sources.describe(e));
    } catch (DossierException e) {
      return new Prepared(s, null, e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // An extractor bug must cost one file, not the whole import.
      return new Prepared(
          s, null, "cannot extract an article (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The url given with {@code --url}, which the file itself may not name, and its origin. */
  static Article withCommandLineUrl(Article a, String url) {
    Map<String, String> origins = new LinkedHashMap<>(a.provenance());
    origins.put(ArticleField.URL.json(), COMMAND_LINE);
    return a.withUrl(url).withProvenance(origins);
  }

  /** The origin of what was given on the command line ({@code --url}). */
  public static final String COMMAND_LINE = "command line";

  private void store(List<Prepared> batch, Options opts, Listener listener, Counter counter) {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    long journalBefore = journal;
    try {
      outcomes.addAll(archive.write(() -> writeBatch(batch, opts)));
    } catch (StoreException e) {
      // the batch was rolled back (a full disk, say): every file in it gets the reason, and
      // the import goes on to report the rest and its summary
      journal = journalBefore;
      for (Prepared p : batch) {
        outcomes.add(
            new Outcome(
                p.source().display(),
                Status.FAILED,
                null,
                p.error() != null ? p.error() : "not stored: " + e.getMessage()));
      }
    }
    for (Outcome o : outcomes) {
      counter.count(o.status());
      listener.outcome(o);
    }
  }

  /**
   * The stored article that a new one is a copy of, if any: the closest of those sharing an LSH
   * band, or rather its original when it is a copy itself. The link's copy is {@code place}.
   */
  private Optional<CopyRepository.Link> storedOriginal(Fingerprint f, int place) {
    if (f == null || f.shingles() == 0) {
      return Optional.empty();
    }
    return archive.copies().closestOriginal(place, f, Copies.bands(f));
  }

  /**
   * The article earlier in this batch that the one at {@code place} copies, if any; the link's
   * original is that article's place in the batch.
   */
  private static Optional<CopyRepository.Link> batchOriginal(
      List<Prepared> batch, int place, BatchBands batchBands) {
    Fingerprint f = batch.get(place).print();
    if (f == null || f.shingles() == 0 || batchBands.isEmpty()) {
      return Optional.empty();
    }
    CopyRepository.Link best = null;
    boolean[] seen = new boolean[batch.size()];
    int[] inBand = new int[CopyRepository.PER_BAND];
    for (long b : Copies.bands(f)) {
      // the earliest few of a crowded band, as a lookup in the store takes them
      int n = batchBands.places(b, inBand);
      for (int k = 0; k < n; k++) {
        int j = inBand[k];
        if (seen[j]) {
          continue;
        }
        seen[j] = true;
        Copies.Match m = Copies.match(f, batch.get(j).print());
        if (m != null && (best == null || m.resemblance() > best.resemblance())) {
          best = new CopyRepository.Link(place, j, m.resemblance(), m.containment());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private void finishJournal(List<String> args, Counter c) {
    if (journal == 0) {
      return;
    }
    long j = journal;
    String what = Text.cutAtWord(String.join(" ", args), 60);
    try {
      writeJournalSummary(j, what, c);
    } catch (StoreException e) {
      // what was stored is stored and journaled; only the change's summary line is left as it was
      if (c.failed == 0) {
        throw e;
      }
    }
  }

  private void writeJournalSummary(long j, String what, Counter c) {
    archive.write(
        () -> {
          archive
              .journal()
              .setSummary(
                  j,
                  "imported "
                      + c.imported
                      + (c.updated > 0 ? ", updated " + c.updated : "")
                      + " from "
                      + what);
          archive.journal().discardIfEmpty(j);
          archive.endBulkWrite(automergeAfter);
          return null;
        });
  }

  /** Stores the new articles waiting in {@code batch} and puts their outcomes in place. */
  private void insertWaiting(
      List<Prepared> batch,
      List<Integer> waiting,
      Set<String> waitingHashes,
      Outcome[] placed,
      List<Long> created,
      Map<Integer, CopyRepository.Link> links,
      String now) {
    if (waiting.isEmpty()) {
      return;
    }
    List<NewArticle> articles = new ArrayList<>(waiting.size());
    for (int i : waiting) {
      articles.add(batch.get(i).article());
    }
    inserted += articles.size();
    archive.bulkInserting(inserted);
    long[] ids = archive.articles().insertAll(articles, now);
    List<Fingerprint> prints = new ArrayList<>(ids.length);
    for (int i : waiting) {
      prints.add(batch.get(i).print());
    }
    archive.copies().refreshAll(ids, prints);
    List<CopyRepository.Link> copyLinks = new ArrayList<>();
    for (int k = 0; k < ids.length; k++) {
      int i = waiting.get(k);
      created.add(ids[k]);
      WebPage page = batch.get(i).source().page();
      if (page != null) {
        archive.fetches().record(ids[k], page, now, false);
      }
      Prepared p = batch.get(i);
      CopyRepository.Link l = links.remove(i);
      if (STORIES) {
        arrivals.add(
            new StoryService.Arrival(
                ids[k],
                StoryService.day(p.article().article().published(), now),
                p.names(),
                l == null ? null : l.original()));
      }
      if (l != null) {
        long original = l.original();
        copyLinks.add(new CopyRepository.Link(ids[k], original, l.resemblance(), l.containment()));
        placed[i] =
            new Outcome(p.source().display(), Status.NEAR_DUPLICATE, ids[k], null, original);
      } else {
        placed[i] = new Outcome(p.source().display(), Status.IMPORTED, ids[k], null);
      }
    }
    // written before any later look-up of this batch, which may read a copy's original
    archive.copies().linkAll(copyLinks);
    waiting.clear();
    waitingHashes.clear();
  }

  /**
   * The stored article this one is a later version of: for a page, the article its address (as
   * asked for, as redirected to, or its canonical link) names; for a file imported with {@code
   * --on-duplicate version}, the article last imported from the same path.
   */
  private Optional<Long> earlierVersionOf(Prepared p) {
    WebPage page = p.source().page();
    if (page == null) {
      return archive.fetches().idByPath(p.article().path());
    }
    Optional<Long> id = archive.fetches().idByUrl(page.requested());
    if (id.isEmpty()) {
      id = archive.fetches().idByUrl(page.finalUrl());
    }
    if (id.isEmpty() && p.article().article().url() != null) {
      id = archive.fetches().idByUrl(p.article().article().url());
    }
    return id;
  }

  /**
   * Stores {@code p} over article {@code id}: the same text is a duplicate; other text becomes the
   * article's new version, the old one kept, its tags, notes and status untouched.
   */
  private Outcome storeVersion(long id, Prepared p, Options opts, String now) {
    String display = p.source().display();
    WebPage page = p.source().page();
    if (p.article().contentHash().equals(archive.fetches().hashOf(id))) {
      if (page != null) {
        archive.fetches().record(id, page, now, false);
      }
      return new Outcome(display, Status.DUPLICATE, id, null);
    }
    Optional<Long> other = archive.articles().idByHash(p.article().contentHash());
    if (other.isPresent()) {
      // the new text is another stored article's: that one is what this is now a copy of
      return new Outcome(display, Status.DUPLICATE, other.get(), null);
    }
    archive.journal().beforeUpdate(journal, id);
    archive.fetches().keepVersion(journal, id);
    archive.articles().update(id, p.article());
    archive.copies().refresh(id, p.print());
    if (page != null) {
      archive.fetches().recordChange(journal, id, page, now);
    }
    if (!opts.tags().isEmpty()) {
      Selection sel = archive.select(List.of(id));
      for (String t : opts.tags()) {
        sel.addTag(journal, t);
      }
    }
    return new Outcome(display, Status.UPDATED, id, null);
  }

  private List<Outcome> writeBatch(List<Prepared> batch, Options opts) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<Outcome> out = new ArrayList<>(batch.size());
    if (journal == 0) {
      journal = archive.journal().begin("import", "import");
      automergeAfter = archive.beginBulkWrite();
    }
    List<Long> created = new ArrayList<>();
    arrivals.clear();
    // New articles are written several to a statement (see ArticleRepository.insertAll): they
    // wait here, their outcomes in their places, until a text seen again or the batch's end.
    Outcome[] placed = new Outcome[batch.size()];
    // a copy's link to its original waits with it (copy: its place in the batch)
    Map<Integer, CopyRepository.Link> links = new HashMap<>();
    batchBands.clear(batch.size(), Copies.BANDS);
    List<Integer> waiting = new ArrayList<>();
    Set<String> waitingHashes = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Prepared p = batch.get(i);
      String display = p.source().display();
      if (p.error() != null) {
        placed[i] = new Outcome(display, Status.FAILED, null, p.error());
        continue;
      }
      if (waitingHashes.contains(p.article().contentHash())) {
        // the same text earlier in this batch: store that one, so this is its duplicate as ever
        insertWaiting(batch, waiting, waitingHashes, placed, created, links, now);
      }
      WebPage page = p.source().page();
      Optional<Long> earlier =
          page != null || opts.onDuplicate() == OnDuplicate.VERSION
              ? earlierVersionOf(p)
              : Optional.empty();
      if (earlier.isPresent()) {
        placed[i] = storeVersion(earlier.get(), p, opts, now);
        continue;
      }
      Optional<Long> existing = archive.articles().idByHash(p.article().contentHash());
      if (existing.isPresent() && page != null) {
        // the same text under another address: that address names the article from now on
        archive.fetches().record(existing.get(), page, now, false);
      }
      if (existing.isPresent()) {
        if (opts.onDuplicate() == OnDuplicate.UPDATE) {
          archive.journal().beforeUpdate(journal, existing.get());
          archive.articles().update(existing.get(), p.article());
          archive.copies().refresh(existing.get(), p.print());
          if (!opts.tags().isEmpty()) {
            Selection sel = archive.select(List.of(existing.get()));
            for (String t : opts.tags()) {
              sel.addTag(journal, t);
            }
          }
          placed[i] = new Outcome(display, Status.UPDATED, existing.get(), null);
        } else {
          placed[i] = new Outcome(display, Status.DUPLICATE, existing.get(), null);
        }
        continue;
      }
      Optional<CopyRepository.Link> copy = storedOriginal(p.print(), i);
      if (copy.isEmpty()) {
        copy = batchOriginal(batch, i, batchBands);
        if (copy.isPresent()) {
          // its original is earlier in this batch: store that one first, to have its id
          insertWaiting(batch, waiting, waitingHashes, placed, created, links, now);
          Outcome o = placed[(int) copy.get().original()];
          long original = o.copyOf() != null ? o.copyOf() : o.id();
          CopyRepository.Link l = copy.get();
          copy =
              Optional.of(new CopyRepository.Link(i, original, l.resemblance(), l.containment()));
        }
      }
      if (copy.isPresent() && opts.onDuplicate() == OnDuplicate.SKIP_NEAR) {
        long original = copy.get().original();
        placed[i] = new Outcome(display, Status.NEAR_DUPLICATE, original, null, original);
        continue;
      }
      if (copy.isPresent()) {
        links.put(i, copy.get());
      }
      if (p.print() != null) {
        for (long b : Copies.bands(p.print())) {
          batchBands.add(b, i);
        }
      }
      waiting.add(i);
      waitingHashes.add(p.article().contentHash());
    }
    insertWaiting(batch, waiting, waitingHashes, placed, created, links, now);
    new StoryService(archive).place(arrivals);
    arrivals.clear();
    out.addAll(Arrays.asList(placed));
    if (!created.isEmpty()) {
      archive.journal().created(journal, created);
      for (CompiledRule r : rules) {
        Selection sel = archive.select(created);
        if (sel.retain(r.query()) > 0) {
          sel.addTag(journal, r.tag());
        }
      }
    }
    return out;
  }
}
