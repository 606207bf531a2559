package dossier.bench;

import dossier.core.Hit;
import dossier.service.ArticleService;
import dossier.store.Archive;
import dossier.store.ArchiveLocation;
import dossier.store.Sort;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * In-process latencies of the common query shapes on an existing archive, through the same service
 * the commands and the review UI call.
 *
 * <p>One sample is what a screen of results costs: the best 20 with their snippets ({@code search})
 * or the newest 20 ({@code list}), plus the total count. Each query is warmed up for a fixed time,
 * then sampled many times; percentiles come from the sorted samples. The three parts (page, count,
 * both) are timed separately so a slow count is not hidden in a fast page; "both CPU" is the CPU
 * time of the two, which a busy machine inflates far less than their wall time. Each sample starts
 * with no plan kept from the one before, as a new query on a screen would: the page pays for
 * choosing the plan and the count that follows reuses it.
 *
 * <p>usage: LatencyBench --db ARCHIVE|postgresql://... [--samples 300] [--warmup-ms 2000]
 * [--compare] [--query NAME=KIND:TEXT]... where KIND is search or list. With {@code --compare} each
 * search is measured first with every match scored (the ranking before the walk of the shortest
 * articles), then as the store does it. The archive must already hold the corpus (and the tag the
 * tag query filters on); the hit counts printed beside each figure show what was measured.
 */
public final class LatencyBench {

  record Shape(String name, boolean search, String text) {}

  public static void main(String[] args) {
    ArchiveLocation db = null;
    int samples = 300;
    long warmupMs = 2000;
    List<Shape> shapes = new ArrayList<>();
    boolean compare = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> db = ArchiveLocation.parse(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
        case "--query" -> shapes.add(parse(args[++i]));
        case "--compare" -> compare = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (db == null) {
      usage("--db is required");
    }
    if (!db.isServer() && !Files.isRegularFile(db.file())) {
      usage("no archive at " + db.file());
    }
    if (shapes.isEmpty()) {
      shapes = defaults();
    }
    try (Archive archive = Archive.open(db, Archive.BUSY_TIMEOUT_MS)) {
      ArticleService service = new ArticleService(archive);
      System.out.printf(
          Locale.ROOT,
          "| shape | query | matches | page p50 | count p50 | both p50 | both p90 | both p99 | both"
              + " max | first call | both CPU p50 |%n");
      System.out.println(
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (Shape s : shapes) {
        if (compare && s.search()) {
          // the same query with every match scored, as before the walk of the shortest articles
          archive.articles().shortFirst(false);
          run(
              archive,
              service,
              new Shape(s.name() + ", every match scored", true, s.text()),
              samples,
              warmupMs);
          archive.articles().shortFirst(true);
        }
        run(archive, service, s, samples, warmupMs);
      }
    }
    if (sink == 42) {
      System.err.println("(checksum 42)");
    }
  }

  static List<Shape> defaults() {
    return List.of(
        new Shape("word (16% of articles)", true, "velmora"),
        new Shape("rare word", true, "tarnwick"),
        new Shape("phrase", true, "\"zintara lattice\""),
        new Shape("two words", true, "zintara lattice"),
        new Shape("word + tag", true, "ostrander tag:velmora"),
        new Shape("word + date", true, "velmora date:2010"),
        new Shape("list all, newest", false, ""),
        new Shape("list tag + dates", false, "tag:velmora date:2010..2012"));
  }

  private static Shape parse(String spec) {
    int eq = spec.indexOf('=');
    int colon = spec.indexOf(':', eq + 1);
    if (eq < 1 || colon < 0) {
      usage("--query takes NAME=search:TEXT or NAME=list:TEXT, not " + spec);
    }
    String kind = spec.substring(eq + 1, colon);
    if (!kind.equals("search") && !kind.equals("list")) {
      usage("query kind must be search or list, not " + kind);
    }
    return new Shape(spec.substring(0, eq), kind.equals("search"), spec.substring(colon + 1));
  }

  private static void usage(String problem) {
    System.err.println("latency bench: " + problem);
    System.err.println(
        "usage: LatencyBench --db ARCHIVE|URL [--samples N] [--warmup-ms MS] [--compare] [--query"
            + " NAME=search|list:TEXT]...");
    System.exit(2);
  }

  /**
   * The CPU time of the sampling thread (SQLite runs in it, through JNI): on a busy machine the
   * wall time measures the other processes as much as the query, the CPU time much less.
   */
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** A result the JIT cannot throw away: every row's id and snippet length go into it. */
  private static long sink;

  private static long page(ArticleService service, Shape s) {
    long[] acc = {0};
    if (s.search()) {
      service.search(s.text(), 20, 0, (Hit h) -> acc[0] += h.article().id() + h.snippet().length());
    } else {
      service.list(s.text(), Sort.NEWEST, 20, 0, false, a -> acc[0] += a.id());
    }
    return acc[0];
  }

  private static void run(
      Archive archive, ArticleService service, Shape s, int samples, long warmupMs) {
    long t0 = System.nanoTime();
    sink += page(service, s);
    long matches = service.count(s.text());
    long first = System.nanoTime() - t0;

    long until = System.nanoTime() + warmupMs * 1_000_000L;
    while (System.nanoTime() < until) {
      archive.articles().forgetPlans();
      sink += page(service, s) + service.count(s.text());
    }
    long[] pageNs = new long[samples];
    long[] countNs = new long[samples];
    long[] bothNs = new long[samples];
    long[] cpuNs = new long[samples];
    for (int i = 0; i < samples; i++) {
      archive.articles().forgetPlans();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long a = System.nanoTime();
      sink += page(service, s);
      long b = System.nanoTime();
      sink += service.count(s.text());
      long c = System.nanoTime();
      cpuNs[i] = THREADS.getCurrentThreadCpuTime() - cpu;
      pageNs[i] = b - a;
      countNs[i] = c - b;
      bothNs[i] = c - a;
    }
    Arrays.sort(pageNs);
    Arrays.sort(countNs);
    Arrays.sort(bothNs);
    Arrays.sort(cpuNs);
    System.out.printf(
        Locale.ROOT,
        "| %s | `%s` | %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
        s.name(),
        (s.search() ? "search " : "list ") + s.text(),
        matches,
        ms(pct(pageNs, 50)),
        ms(pct(countNs, 50)),
        ms(pct(bothNs, 50)),
        ms(pct(bothNs, 90)),
        ms(pct(bothNs, 99)),
        ms(bothNs[bothNs.length - 1]),
        ms(first),
        ms(pct(cpuNs, 50)));
    System.out.flush();
  }

  /** Nearest-rank percentile of sorted samples. */
  static long pct(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String ms(long ns) {
    double ms = ns / 1e6;
    return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
  }
}
