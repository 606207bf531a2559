package dossier.eval;

import dossier.core.TagChange;
import dossier.service.ArticleService;
import dossier.service.EditService;
import dossier.service.ImportService;
import dossier.service.Selector;
import dossier.service.SuggestService;
import dossier.service.SuggestService.Suggestion;
import dossier.store.Archive;
import dossier.store.Sort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures tag suggestions on a folder of categorized stories ({@code <category>/<file>}, as the
 * BBC corpus is laid out): imports them into a temporary archive (byte-identical duplicates are
 * stored once), tags 80% of the distinct stories with their folder's name, and checks whether the
 * top suggestion for each of the other 20% is its folder. The split is fixed by the content hash.
 *
 * <p>{@code mvn -Peval test-compile exec:java -Deval.main=dossier.eval.SuggestEval
 * -Dexec.args=../shared/corpora/bbc}
 */
public final class SuggestEval {
  private SuggestEval() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: SuggestEval CORPUS_DIR (a folder of <category>/<story> files)");
      System.err.println(args.length < 1 ? "no folder given" : "not a folder: " + args[0]);
      System.exit(2);
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    Path dir = Files.createTempDirectory("dossier-suggest-eval");
    Path db = dir.resolve("eval.db");
    try (Archive archive = Archive.open(db)) {
      new ImportService(archive)
          .run(
              List.of(corpus.toString()),
              () -> System.in,
              ImportService.Options.defaults(),
              o -> {});
      Map<Long, String> category = new HashMap<>();
      List<Long> test = new ArrayList<>();
      Map<String, List<Long>> train = new HashMap<>();
      new ArticleService(archive)
          .list(
              "",
              Sort.OLDEST,
              0,
              0,
              false,
              a -> {
                String cat = Path.of(a.path()).getParent().getFileName().toString();
                category.put(a.id(), cat);
                // The first hex digit of the hash splits 80/20 independently of folder and order.
                int bucket = Character.digit(a.contentHash().charAt(0), 16) % 5;
                if (bucket == 0) {
                  test.add(a.id());
                } else {
                  train.computeIfAbsent(cat, k -> new ArrayList<>()).add(a.id());
                }
              });
      EditService edits = new EditService(archive);
      for (Map.Entry<String, List<Long>> e : train.entrySet()) {
        edits.tag(
            new TagChange(List.of(e.getKey()), List.of(), ""), Selector.ids(e.getValue()), false);
      }
      SuggestService suggest = new SuggestService(archive);
      int right = 0;
      long[] nanos = new long[test.size()];
      Map<String, int[]> perCategory = new HashMap<>();
      for (int i = 0; i < test.size(); i++) {
        long id = test.get(i);
        long t0 = System.nanoTime();
        List<Suggestion> s = suggest.suggest(id, 1);
        nanos[i] = System.nanoTime() - t0;
        boolean ok = !s.isEmpty() && s.get(0).tag().equals(category.get(id));
        right += ok ? 1 : 0;
        int[] pc = perCategory.computeIfAbsent(category.get(id), k -> new int[2]);
        pc[0] += ok ? 1 : 0;
        pc[1]++;
      }
      Arrays.sort(nanos);
      System.out.printf(
          Locale.ROOT,
          "stories %d, tagged %d, untagged %d; top suggestion right for %d = %.1f%%%n",
          category.size(),
          category.size() - test.size(),
          test.size(),
          right,
          100.0 * right / test.size());
      perCategory.forEach(
          (k, v) ->
              System.out.printf(
                  Locale.ROOT, "  %-14s %d/%d = %.1f%%%n", k, v[0], v[1], 100.0 * v[0] / v[1]));
      System.out.printf(
          Locale.ROOT,
          "suggest latency: p50 %.1f ms, p99 %.1f ms%n",
          nanos[nanos.length / 2] / 1e6,
          nanos[(int) (nanos.length * 0.99)] / 1e6);
    } finally {
      for (String f : new String[] {"eval.db", "eval.db-wal", "eval.db-shm"}) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.deleteIfExists(dir);
    }
  }
}
