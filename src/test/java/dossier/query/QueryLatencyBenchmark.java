package dossier.query;

import dossier.store.Archive;
import dossier.store.Sort;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * In-process latency of compile + search and compile + list for common query shapes on the archive
 * named by {@code DOSSIER_BENCH_DB} (skipped without it). Prints a Markdown table for
 * BENCHMARKS.md; it asserts nothing, because timings depend on the machine.
 */
@EnabledIfEnvironmentVariable(named = "DOSSIER_BENCH_DB", matches = ".+")
class QueryLatencyBenchmark {
  static final String[] SHAPES = {
    "oil",
    "oil prices",
    "\"oil prices\"",
    "econom*",
    "title:election",
    "labour NOT blair",
    "(oil OR gas) -tag:sport",
    "tag:sport england",
    "tag:sport",
    "is:new date:2005..",
    "oil OR tag:sport",
    "-oil -gas",
  };

  @Test
  void measure() {
    int warmup = Integer.getInteger("bench.warmup", 200);
    int runs = Integer.getInteger("bench.runs", 1000);
    try (Archive archive = Archive.open(Path.of(System.getenv("DOSSIER_BENCH_DB")))) {
      QueryContext ctx = QueryContext.empty();
      System.out.println("| query | matches | search p50 | search p99 | list p50 | list p99 |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
      for (String q : SHAPES) {
        long matches = archive.articles().count(QueryCompiler.compile(q, ctx));
        Runnable search =
            () -> archive.articles().search(QueryCompiler.compile(q, ctx), 20, 0, h -> {});
        Runnable list =
            () ->
                archive
                    .articles()
                    .list(QueryCompiler.compile(q, ctx), Sort.NEWEST, 50, 0, false, a -> {});
        double[] s = time(search, warmup, runs);
        double[] l = time(list, warmup, runs);
        System.out.printf(
            "| `%s` | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
            q, matches, s[0], s[1], l[0], l[1]);
      }
    }
  }

  /** p50 and p99 in milliseconds. */
  private static double[] time(Runnable r, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      r.run();
    }
    long[] ns = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      r.run();
      ns[i] = System.nanoTime() - t;
    }
    Arrays.sort(ns);
    return new double[] {ns[runs / 2] / 1e6, ns[(int) (runs * 0.99)] / 1e6};
  }
}
