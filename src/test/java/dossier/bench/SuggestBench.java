package dossier.bench;

import dossier.service.SuggestService;
import dossier.store.Archive;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * In-process latency of tag suggestions on an existing archive that already has tags: {@code
 * suggest} for articles spread evenly over the ids, after a few warm-up calls, as the review UI and
 * the command ask for them. Wall and thread CPU times are both given: on a shared machine the CPU
 * time is the steadier one (SQLite runs on the calling thread).
 *
 * <p>usage: SuggestBench --db ARCHIVE [--samples 200] [--warmup 20]
 */
public final class SuggestBench {
  private SuggestBench() {}

  public static void main(String[] args) {
    Path db = null;
    int samples = 200;
    int warmup = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> db = Path.of(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (db == null || !Files.isRegularFile(db)) {
      usage(db == null ? "--db is required" : "no archive at " + db);
    }
    try (Archive archive = Archive.open(db)) {
      SuggestService suggest = new SuggestService(archive);
      long max = archive.similarity().articleCountEstimate();
      if (max < 1 || !archive.similarity().anyTagged()) {
        usage("the archive needs articles and some tags");
      }
      for (int i = 0; i < warmup; i++) {
        suggest.suggest(1 + (i * 7919L) % max, 5);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] nanos = new long[samples];
      long[] cpu = new long[samples];
      int answered = 0;
      for (int i = 0; i < samples; i++) {
        long id = 1 + (long) ((i + 0.5) * max / samples);
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try {
          answered += suggest.suggest(id, 5).isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
          // an id with no article (removed): not a sample of suggestion work
        }
        nanos[i] = System.nanoTime() - t0;
        cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      }
      Arrays.sort(nanos);
      Arrays.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "suggest: %d samples (%d with a suggestion) on %,d articles: p50 %.1f ms, p99 %.1f ms;"
              + " thread CPU p50 %.1f ms, p99 %.1f ms%n",
          samples,
          answered,
          max,
          nanos[samples / 2] / 1e6,
          nanos[Math.min(samples - 1, (int) (samples * 0.99))] / 1e6,
          cpu[samples / 2] / 1e6,
          cpu[Math.min(samples - 1, (int) (samples * 0.99))] / 1e6);
    }
  }

  private static void usage(String why) {
    System.err.println("SuggestBench: " + why);
    System.err.println("usage: SuggestBench --db ARCHIVE [--samples 200] [--warmup 20]");
    System.exit(2);
  }
}
