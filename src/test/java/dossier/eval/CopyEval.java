package dossier.eval;

import dossier.core.DossierException;
import dossier.core.Extracted;
import dossier.ingest.Extractors;
import dossier.ingest.Format;
import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Scores copy detection on a set written by {@link CopySets}: every file is extracted as import
 * extracts it and fingerprinted; the files arrive in a shuffled order (a copy may come before its
 * original) and each is compared with the earlier files that share an LSH band, as import does.
 * Pairwise precision and recall over the pairs of one story (an original and its copies), the hard
 * negatives found as copies, and the cost of a fingerprint.
 *
 * <p>{@code mvn -Peval test-compile exec:java -Deval.main=dossier.eval.CopyEval
 * -Dexec.args=SET_DIR}
 */
public final class CopyEval {
  private CopyEval() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !Files.isRegularFile(Path.of(args[0], "labels.tsv"))) {
      System.err.println("usage: CopyEval SET_DIR (written by CopySets)");
      System.err.println(args.length < 1 ? "no folder given" : "no labels.tsv in " + args[0]);
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    List<String[]> labels = new ArrayList<>();
    List<String> lines = Files.readAllLines(dir.resolve("labels.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      labels.add(line.split("\t"));
    }
    Collections.shuffle(labels, new Random(7));
    Map<String, String> group = new HashMap<>();
    Map<String, String> edits = new HashMap<>();
    Map<String, String> story = new HashMap<>();
    Map<String, Integer> groupSize = new HashMap<>();
    List<String> files = new ArrayList<>();
    List<Fingerprint> prints = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (String[] l : labels) {
      byte[] bytes = Files.readAllBytes(dir.resolve(l[0]));
      Extracted x;
      try {
        x = Extractors.extract(bytes, l[0], Format.AUTO);
      } catch (DossierException e) {
        System.err.println("not imported: " + l[0] + ": " + e.getMessage());
        continue;
      }
      prints.add(Fingerprint.of(x.body()));
      files.add(l[0]);
      group.put(l[0], l[5]);
      story.put(l[0], l[2]);
      edits.put(l[0], l[4]);
      groupSize.merge(l[5], 1, Integer::sum);
      bodies.add(x.body());
    }
    // the cost of a fingerprint once the code is warm: the best of five rounds over every body
    long nanos = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (String b : bodies) {
        Fingerprint.of(b);
      }
      nanos = Math.min(nanos, System.nanoTime() - t0);
    }
    // the LSH index as import keeps it: band key -> the earlier articles with that band
    Map<Long, List<Integer>> index = new HashMap<>();
    Set<Long> found = new HashSet<>();
    int candidates = 0;
    for (int i = 0; i < files.size(); i++) {
      Set<Integer> cand = new HashSet<>();
      for (long band : Copies.bands(prints.get(i))) {
        List<Integer> l = index.computeIfAbsent(band, k -> new ArrayList<>());
        cand.addAll(l);
        l.add(i);
      }
      candidates += cand.size();
      for (int c : cand) {
        if (Copies.isCopy(prints.get(i), prints.get(c))) {
          found.add(pair(i, c));
        }
      }
    }
    long truth = 0;
    for (int n : groupSize.values()) {
      truth += (long) n * (n - 1) / 2;
    }
    int tp = 0;
    int tpStrict = 0;
    List<String> falsePositives = new ArrayList<>();
    for (long p : found) {
      int a = (int) (p >>> 32);
      int b = (int) p;
      if (story.get(files.get(a)).equals(story.get(files.get(b)))) {
        tpStrict++;
      }
      if (group.get(files.get(a)).equals(group.get(files.get(b)))) {
        tp++;
      } else {
        falsePositives.add(
            files.get(a)
                + " ~ "
                + files.get(b)
                + String.format(
                    Locale.ROOT,
                    " (resemblance %.2f, containment %.2f)",
                    prints.get(a).resemblance(prints.get(b)),
                    prints.get(a).containment(prints.get(b))));
      }
    }
    // recall by edit: is each copy linked to its original?
    Map<String, Integer> index0 = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      index0.put(files.get(i), i);
    }
    Map<String, int[]> byEdit = new LinkedHashMap<>();
    int copies = 0;
    int copiesFound = 0;
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (!files.get(i).startsWith("copies/")) {
        continue;
      }
      Integer orig = index0.get("stories/" + story.get(files.get(i)).replace('/', '-'));
      if (orig == null) {
        continue;
      }
      boolean ok = orig != null && found.contains(pair(i, orig));
      copies++;
      copiesFound += ok ? 1 : 0;
      if (!ok && missed.size() < 15) {
        missed.add(
            String.format(
                Locale.ROOT,
                "%s (%s): resemblance %.2f, containment %.2f, %d/%d" + " shingles",
                files.get(i),
                edits.get(files.get(i)),
                prints.get(i).resemblance(prints.get(orig)),
                prints.get(i).containment(prints.get(orig)),
                prints.get(i).shingles(),
                prints.get(orig).shingles()));
      }
      for (String e : edits.get(files.get(i)).split(",")) {
        int[] c = byEdit.computeIfAbsent(e, k -> new int[2]);
        c[0] += ok ? 1 : 0;
        c[1]++;
      }
    }
    int negatives = 0;
    int negFound = 0;
    List<String> neg = Files.readAllLines(dir.resolve("negatives.tsv"));
    for (String line : neg.subList(1, neg.size())) {
      String[] ab = line.split("\t");
      negatives++;
      if (!index0.containsKey(ab[0]) || !index0.containsKey(ab[1])) {
        continue;
      }
      if (found.contains(pair(index0.get(ab[0]), index0.get(ab[1])))) {
        negFound++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "files %d (copies %d); pairs found %d, true pairs %d%n",
        files.size(),
        copies,
        found.size(),
        truth);
    System.out.printf(
        Locale.ROOT,
        "pairwise precision %.4f, recall %.4f%n",
        found.isEmpty() ? 1.0 : (double) tp / found.size(),
        truth == 0 ? 1.0 : (double) tp / truth);
    System.out.printf(
        Locale.ROOT,
        "precision if pairs of the source's own copies counted as false: %.4f%n",
        found.isEmpty() ? 1.0 : (double) tpStrict / found.size());
    System.out.printf(
        Locale.ROOT,
        "copies linked to their original: %d/%d = %.4f%n",
        copiesFound,
        copies,
        (double) copiesFound / copies);
    byEdit.forEach(
        (e, c) ->
            System.out.printf(
                Locale.ROOT, "  with %-8s %d/%d = %.4f%n", e, c[0], c[1], (double) c[0] / c[1]));
    System.out.printf(
        Locale.ROOT,
        "hard negatives (same category and week) found as copies:" + " %d of %d%n",
        negFound,
        negatives);
    System.out.printf(
        Locale.ROOT,
        "candidates compared per article %.2f; fingerprint %.1f us" + " per article%n",
        (double) candidates / files.size(),
        nanos / 1e3 / files.size());
    missed.forEach(m -> System.out.println("  missed: " + m));
    simHashComparison(files, bodies, index0, story, dir);
    falsePositives.stream().limit(20).forEach(f -> System.out.println("  false: " + f));
  }

  /**
   * The alternative measured beside MinHash: a 64-bit SimHash over the same shingles, a copy when
   * at most k bits differ. Scored on the copy-original pairs and the hard negatives.
   */
  static void simHashComparison(
      List<String> files,
      List<String> bodies,
      Map<String, Integer> index0,
      Map<String, String> story,
      Path dir)
      throws java.io.IOException {
    long[] sim = new long[files.size()];
    for (int i = 0; i < files.size(); i++) {
      int[] v = new int[64];
      for (long h : Fingerprint.shingleHashes(bodies.get(i))) {
        for (int b = 0; b < 64; b++) {
          v[b] += (h >>> b & 1) == 1 ? 1 : -1;
        }
      }
      for (int b = 0; b < 64; b++) {
        sim[i] |= v[b] > 0 ? 1L << b : 0;
      }
    }
    List<String> neg = Files.readAllLines(dir.resolve("negatives.tsv"));
    for (int k : new int[] {3, 6, 10, 14}) {
      int copies = 0;
      int hit = 0;
      for (int i = 0; i < files.size(); i++) {
        Integer orig = index0.get("stories/" + story.get(files.get(i)).replace('/', '-'));
        if (files.get(i).startsWith("copies/") && orig != null) {
          copies++;
          hit += Long.bitCount(sim[i] ^ sim[orig]) <= k ? 1 : 0;
        }
      }
      int negHit = 0;
      for (String line : neg.subList(1, neg.size())) {
        String[] ab = line.split("\t");
        Integer a = index0.get(ab[0]);
        Integer b = index0.get(ab[1]);
        if (a != null && b != null && Long.bitCount(sim[a] ^ sim[b]) <= k) {
          negHit++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "SimHash, at most %d bits apart: copies linked %d/%d = %.4f, hard negatives %d%n",
          k,
          hit,
          copies,
          (double) hit / copies,
          negHit);
    }
  }

  static long pair(int a, int b) {
    return ((long) Math.max(a, b) << 32) | Math.min(a, b);
  }
}
