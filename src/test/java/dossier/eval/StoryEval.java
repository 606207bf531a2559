package dossier.eval;

import dossier.service.ImportService;
import dossier.store.Archive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores story threads on hand-labelled BBC events ({@code eval/bbc-story-events.tsv}: file names
 * and event labels only): the whole corpus is imported as a user would import it, each labelled
 * file's article is looked up in its story, and every pair of labelled articles is counted as
 * rightly or wrongly together or apart. Pairwise precision and recall, for the events the
 * thresholds were tuned on, for those only scored, and for all; and each event's own recall.
 *
 * <p>{@code mvn -Peval test-compile exec:java -Deval.main=dossier.eval.StoryEval
 * -Dexec.args=CORPUS_DIR} (the bbc folder).
 */
public final class StoryEval {
  private StoryEval() {}

  private record Label(String event, String use) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: StoryEval CORPUS_DIR (the BBC corpus: business/001.txt, ...)");
      System.err.println(args.length < 1 ? "no folder given" : "not a folder: " + args[0]);
      System.exit(2);
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    Map<String, Label> labels = labels();
    Path dir = Files.createTempDirectory("dossier-story-eval");
    Map<String, Long> idOf = new HashMap<>();
    long t0 = System.nanoTime();
    try (Archive archive = Archive.open(dir.resolve("eval.db"))) {
      new ImportService(archive)
          .run(
              List.of(corpus.toString()),
              () -> InputStream.nullInputStream(),
              ImportService.Options.defaults(),
              o -> {
                if (o.id() != null) {
                  idOf.put(
                      corpus.relativize(Path.of(o.path()).toAbsolutePath()).toString(), o.id());
                }
              });
      long millis = (System.nanoTime() - t0) / 1_000_000;
      // one labelled article per stored article: the corpus holds some stories twice
      Map<Long, Label> byArticle = new LinkedHashMap<>();
      Map<Long, Long> story = new HashMap<>();
      for (Map.Entry<String, Label> e : labels.entrySet()) {
        Long id = idOf.get(e.getKey());
        if (id == null) {
          System.err.println("not stored: " + e.getKey());
          continue;
        }
        if (byArticle.putIfAbsent(id, e.getValue()) == null) {
          Optional<Long> s = archive.stories().storyOf(id);
          story.put(id, s.orElse(-id));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "imported %s in %d ms; %d labelled articles in %d events%n",
          corpus.getFileName(),
          millis,
          byArticle.size(),
          byArticle.values().stream().map(Label::event).distinct().count());
      for (String use : List.of("tune", "score", "all")) {
        score(use, byArticle, story);
      }
      Map<String, int[]> perEvent = new TreeMap<>();
      List<Long> ids = new ArrayList<>(byArticle.keySet());
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          Label a = byArticle.get(ids.get(i));
          Label b = byArticle.get(ids.get(j));
          if (a.event().equals(b.event())) {
            int[] c = perEvent.computeIfAbsent(a.event() + " (" + a.use() + ")", k -> new int[2]);
            c[1]++;
            if (story.get(ids.get(i)).equals(story.get(ids.get(j)))) {
              c[0]++;
            }
          }
        }
      }
      perEvent.forEach(
          (e, c) ->
              System.out.printf(
                  Locale.ROOT,
                  "  %-40s recall %.3f (%d of %d pairs)%n",
                  e,
                  c[0] / (double) c[1],
                  c[0],
                  c[1]));
    }
  }

  private static void score(String use, Map<Long, Label> byArticle, Map<Long, Long> story) {
    List<Long> ids =
        byArticle.keySet().stream()
            .filter(id -> use.equals("all") || byArticle.get(id).use().equals(use))
            .toList();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        boolean same = byArticle.get(ids.get(i)).event().equals(byArticle.get(ids.get(j)).event());
        boolean together = story.get(ids.get(i)).equals(story.get(ids.get(j)));
        if (same && together) {
          tp++;
        } else if (together) {
          fp++;
        } else if (same) {
          fn++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-6s %3d articles: pairwise precision %.3f (%d of %d), recall %.3f (%d of %d)%n",
        use,
        ids.size(),
        tp + fp == 0 ? 1.0 : tp / (double) (tp + fp),
        tp,
        tp + fp,
        tp + fn == 0 ? 0.0 : tp / (double) (tp + fn),
        tp,
        tp + fn);
  }

  private static Map<String, Label> labels() throws IOException {
    Map<String, Label> out = new LinkedHashMap<>();
    try (InputStream in = StoryEval.class.getResourceAsStream("/eval/bbc-story-events.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.put(f[0], new Label(f[1], f[2]));
      }
    }
    return out;
  }
}
