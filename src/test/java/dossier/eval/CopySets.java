package dossier.eval;

import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import java.util.stream.Stream;

/**
 * Writes a labelled set for copy detection from a folder of categorized stories ({@code
 * <category>/<file>}: headline, blank line, paragraphs), as the BBC corpus is laid out.
 *
 * <p>Every distinct story is written once under {@code stories/} (byte-identical and same-body
 * files of the source are kept once). A sample of them, the originals, get one to three copies
 * under {@code copies/}, each made by a mix of the edits outlets make to a wire story: a new
 * headline, a trimmed ending, an extended ending, an outlet's intro or sign-off line, a few words
 * changed, paragraphs reordered. Each story gets a date: the stories of a category are spread over
 * one year in file order, so "the same week" means the same category's neighbours; the stories of
 * the same category and week are the hard negatives. {@code labels.tsv} names each copy's original
 * and its edits, {@code negatives.tsv} the hard negative pairs. The output is a pure function of
 * the source, the sample size and the seed.
 *
 * <p>{@code mvn -Peval test-compile exec:java -Deval.main=dossier.eval.CopySets
 * -Dexec.args="CORPUS_DIR OUT_DIR [ORIGINALS [SEED]]"}
 */
public final class CopySets {
  private CopySets() {}

  /** One source story. */
  record Story(String name, String category, String title, List<String> paragraphs, int day) {}

  /** The edits a copy can get, each with the share of copies that get it. */
  enum Edit {
    HEADLINE(0.85),
    TRIM(0.45),
    EXTEND(0.30),
    INTRO(0.45),
    SIGNOFF(0.45),
    WORDS(0.55),
    REORDER(0.30);

    final double rate;

    Edit(double rate) {
      this.rate = rate;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  // Lines written for this set (none from the corpus): what outlets put around a wire story.
  static final String[] OUTLETS = {
    "The Northern Ledger",
    "Daily Courier",
    "Metro Wire",
    "The Evening Herald",
    "Coastline News",
    "The Capital Times",
    "Valley Post",
    "Harbour Gazette"
  };
  static final String[] INTROS = {
    "%s staff and agencies report.",
    "This story was first published by %s.",
    "From the %s newsroom:",
    "LONDON (%s) -",
    "Updated: a report from %s's partners.",
  };
  static final String[] SIGNOFFS = {
    "Reporting by %s correspondents; editing by the news desk.",
    "Copyright %s. All rights reserved.",
    "Additional reporting by %s. Follow us for more updates.",
    "Have your say: write to the letters page of %s.",
    "This article was amended to correct a figure. %s regrets the error.",
  };
  static final String[] HEADLINE_WORDS = {
    "Latest:", "Update:", "Breaking:", "Analysis:", "Explained:", "Report:", "Watch:"
  };
  static final Map<String, String> SWAPS = new LinkedHashMap<>();

  static {
    String[][] pairs = {
      {"said", "says"}, {"company", "firm"}, {"firm", "company"}, {"government", "administration"},
      {"also", "additionally"}, {"but", "however"}, {"rise", "increase"}, {"fall", "drop"},
      {"big", "large"}, {"told", "informed"}, {"people", "individuals"}, {"new", "fresh"},
      {"year", "twelve months"}, {"show", "reveal"}, {"shows", "reveals"}, {"chief", "head"},
      {"expected", "forecast"}, {"plans", "proposals"}, {"month", "four weeks"},
    };
    for (String[] p : pairs) {
      SWAPS.put(p[0], p[1]);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: CopySets CORPUS_DIR OUT_DIR [ORIGINALS [SEED]]");
      System.err.println(args.length < 1 ? "no folder given" : "not a folder: " + args[0]);
      System.exit(2);
    }
    int originals = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 18;
    write(Path.of(args[0]), Path.of(args[1]), originals, seed);
  }

  /** Reads the distinct stories of a categorized folder, in category and file order. */
  static List<Story> read(Path corpus) throws IOException {
    List<Path> cats;
    try (Stream<Path> s = Files.list(corpus)) {
      cats = s.filter(Files::isDirectory).sorted().toList();
    }
    List<Story> out = new ArrayList<>();
    Set<String> bodies = new HashSet<>();
    for (Path cat : cats) {
      List<Path> files;
      try (Stream<Path> s = Files.list(cat)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      List<Story> inCat = new ArrayList<>();
      for (Path f : files) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        String[] parts = text.replace("\r", "").strip().split("\n\\s*\n");
        if (parts.length < 2) {
          continue;
        }
        List<String> paras = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          paras.add(parts[i].strip().replaceAll("\\s+", " "));
        }
        if (!bodies.add(String.join("\n", paras))) {
          continue;
        }
        inCat.add(
            new Story(
                cat.getFileName() + "/" + f.getFileName(),
                cat.getFileName().toString(),
                parts[0].strip(),
                paras,
                0));
      }
      for (int i = 0; i < inCat.size(); i++) {
        Story s = inCat.get(i);
        out.add(
            new Story(
                s.name(),
                s.category(),
                s.title(),
                s.paragraphs(),
                (int) ((long) i * 365 / inCat.size())));
      }
    }
    return out;
  }

  static final LocalDate FIRST_DAY = LocalDate.of(2004, 6, 1);

  static void write(Path corpus, Path out, int originals, long seed) throws IOException {
    List<Story> stories = read(corpus);
    Files.createDirectories(out);
    Map<String, String> group = sourceGroups(stories, out);
    Random rnd = new Random(seed);
    Files.createDirectories(out.resolve("stories"));
    Files.createDirectories(out.resolve("copies"));
    StringBuilder labels = new StringBuilder("file\tkind\tstory\tdate\tedits\tgroup\n");
    for (Story s : stories) {
      String file = "stories/" + s.name().replace('/', '-');
      Files.writeString(out.resolve(file), render(s.title(), s.paragraphs(), date(s.day())));
      labels
          .append(file)
          .append("\tstory\t")
          .append(s.name())
          .append('\t')
          .append(date(s.day()))
          .append("\t-\t")
          .append(group.get(s.name()))
          .append('\n');
    }
    List<Story> shuffled = new ArrayList<>(stories);
    Collections.shuffle(shuffled, rnd);
    Map<String, Integer> editCounts = new LinkedHashMap<>();
    int copies = 0;
    for (Story s : shuffled.subList(0, Math.min(originals, shuffled.size()))) {
      int n = 1 + rnd.nextInt(3);
      for (int c = 0; c < n; c++) {
        List<Edit> edits = pickEdits(rnd);
        Story other = stories.get(rnd.nextInt(stories.size()));
        while (other.paragraphs().size() < 6 || other.category().equals(s.category())) {
          // background is a small part of a long story elsewhere, not a whole other story
          other = stories.get(rnd.nextInt(stories.size()));
        }
        String[] made = copy(s, other, edits, rnd);
        String file = "copies/" + s.name().replace('/', '-').replace(".txt", "") + "-" + c + ".txt";
        int day = Math.min(364, s.day() + rnd.nextInt(3));
        Files.writeString(
            out.resolve(file), render(made[0], List.of(made[1].split("\n\n")), date(day)));
        List<String> names = edits.stream().map(Edit::label).toList();
        labels
            .append(file)
            .append("\tcopy\t")
            .append(s.name())
            .append('\t')
            .append(date(day))
            .append('\t')
            .append(String.join(",", names))
            .append('\t')
            .append(group.get(s.name()))
            .append('\n');
        names.forEach(e -> editCounts.merge(e, 1, Integer::sum));
        copies++;
      }
    }
    Files.writeString(out.resolve("labels.tsv"), labels);
    StringBuilder neg = new StringBuilder("a\tb\n");
    int negatives = 0;
    for (int i = 0; i < stories.size(); i++) {
      for (int k = i + 1; k < stories.size(); k++) {
        Story a = stories.get(i);
        Story b = stories.get(k);
        if (a.category().equals(b.category()) && a.day() / 7 == b.day() / 7) {
          neg.append("stories/")
              .append(a.name().replace('/', '-'))
              .append("\tstories/")
              .append(b.name().replace('/', '-'))
              .append('\n');
          negatives++;
        }
      }
    }
    Files.writeString(out.resolve("negatives.tsv"), neg);
    System.out.printf(
        Locale.ROOT,
        "%d stories, %d originals with %d copies, %d hard negative"
            + " pairs%nedit mix (copies with each edit): %s%n",
        stories.size(),
        Math.min(originals, stories.size()),
        copies,
        negatives,
        editCounts);
  }

  /**
   * The source's own copies: stories that are copies of each other by the exact measure that a
   * fingerprint estimates (resemblance 0.5, or 0.7 of the smaller text's shingles, as {@link
   * Copies} decides) form one group; each story maps to its group's first name. The pairs are
   * written to {@code source-copies.tsv}.
   */
  static Map<String, String> sourceGroups(List<Story> stories, Path out) throws IOException {
    List<long[]> sets = new ArrayList<>();
    Map<Long, List<Integer>> inverted = new HashMap<>();
    for (int i = 0; i < stories.size(); i++) {
      long[] sh = Fingerprint.shingleHashes(String.join("\n\n", stories.get(i).paragraphs()));
      sets.add(sh);
      for (long h : sh) {
        inverted.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
      }
    }
    int[] parent = new int[stories.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    StringBuilder pairs = new StringBuilder("a\tb\tresemblance\tcontainment\n");
    for (int i = 0; i < stories.size(); i++) {
      Map<Integer, Integer> shared = new HashMap<>();
      for (long h : sets.get(i)) {
        for (int k : inverted.get(h)) {
          if (k > i) {
            shared.merge(k, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int a = sets.get(i).length;
        int b = sets.get(e.getKey()).length;
        double j = (double) e.getValue() / (a + b - e.getValue());
        double c = (double) e.getValue() / Math.min(a, b);
        if (j >= Copies.RESEMBLANCE
            || Math.min(a, b) >= Copies.MIN_SHINGLES && c >= Copies.CONTAINMENT) {
          pairs
              .append(stories.get(i).name())
              .append('\t')
              .append(stories.get(e.getKey()).name())
              .append(String.format(Locale.ROOT, "\t%.3f\t%.3f%n", j, c));
          parent[find(parent, e.getKey())] = find(parent, i);
        }
      }
    }
    Files.writeString(out.resolve("source-copies.tsv"), pairs);
    Map<String, String> group = new HashMap<>();
    for (int i = 0; i < stories.size(); i++) {
      group.put(stories.get(i).name(), stories.get(find(parent, i)).name());
    }
    return group;
  }

  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  static String date(int day) {
    return FIRST_DAY.plusDays(day).toString();
  }

  static String render(String title, List<String> paragraphs, String date) {
    return title + "\n\nPublished " + date + "\n\n" + String.join("\n\n", paragraphs) + "\n";
  }

  /** At least two edits per copy, each drawn at its rate. */
  static List<Edit> pickEdits(Random rnd) {
    while (true) {
      List<Edit> out = new ArrayList<>();
      for (Edit e : Edit.values()) {
        if (rnd.nextDouble() < e.rate) {
          out.add(e);
        }
      }
      if (out.size() >= 2) {
        return out;
      }
    }
  }

  /** The copy's headline and body (paragraphs separated by a blank line). */
  static String[] copy(Story s, Story other, List<Edit> edits, Random rnd) {
    String outlet = OUTLETS[rnd.nextInt(OUTLETS.length)];
    String title = s.title();
    List<String> paras = new ArrayList<>(s.paragraphs());
    if (edits.contains(Edit.REORDER) && paras.size() >= 3) {
      // a later paragraph moved up, as an editor puts the quote first
      int from = 1 + rnd.nextInt(paras.size() - 1);
      int to = rnd.nextInt(from);
      paras.add(to, paras.remove(from));
    }
    if (edits.contains(Edit.TRIM)) {
      // the bottom 10% to 40% of the words cut at a sentence end, as an editor cuts for length
      paras = trim(paras, 0.1 + 0.3 * rnd.nextDouble());
    }
    if (edits.contains(Edit.WORDS)) {
      paras.replaceAll(p -> changeWords(p, rnd));
    }
    if (edits.contains(Edit.EXTEND)) {
      // background from elsewhere: sentences from the middle of another kind of story, 10% to 30%
      // of this story's length and never more than a fifth of that one's
      int want = (int) (words(s.paragraphs()) * (0.1 + 0.2 * rnd.nextDouble()));
      want = Math.min(want, words(other.paragraphs()) / 5);
      List<String> sentences = sentences(other.paragraphs());
      int from = sentences.size() / 3;
      StringBuilder added = new StringBuilder();
      for (int i = from; i < sentences.size() && count(added.toString()) < want; i++) {
        added.append(added.length() > 0 ? " " : "").append(sentences.get(i));
      }
      if (added.length() > 0) {
        paras.add(added.toString());
      }
    }
    if (edits.contains(Edit.INTRO)) {
      paras.add(0, String.format(Locale.ROOT, INTROS[rnd.nextInt(INTROS.length)], outlet));
    }
    if (edits.contains(Edit.SIGNOFF)) {
      paras.add(String.format(Locale.ROOT, SIGNOFFS[rnd.nextInt(SIGNOFFS.length)], outlet));
    }
    if (edits.contains(Edit.HEADLINE)) {
      String[] w = title.split(" ");
      if (rnd.nextBoolean() && w.length > 2) {
        title =
            HEADLINE_WORDS[rnd.nextInt(HEADLINE_WORDS.length)]
                + " "
                + String.join(" ", List.of(w).subList(0, w.length - 1));
      } else {
        title = title + " - " + outlet;
      }
    }
    return new String[] {title, String.join("\n\n", paras)};
  }

  static int count(String p) {
    return p.isBlank() ? 0 : p.trim().split("\\s+").length;
  }

  static int words(List<String> paras) {
    return paras.stream().mapToInt(CopySets::count).sum();
  }

  static List<String> sentences(List<String> paras) {
    List<String> out = new ArrayList<>();
    for (String p : paras) {
      out.addAll(List.of(p.split("(?<=[.!?\"])\\s+(?=[A-Z\"])")));
    }
    return out;
  }

  /** The paragraphs without their last {@code share} of words, cut after a whole sentence. */
  static List<String> trim(List<String> paras, double share) {
    int cut = (int) (words(paras) * share);
    List<String> out = new ArrayList<>(paras);
    while (cut > 0 && out.size() > 1) {
      String last = out.get(out.size() - 1);
      if (count(last) <= cut) {
        cut -= count(last);
        out.remove(out.size() - 1);
        continue;
      }
      List<String> sent = new ArrayList<>(sentences(List.of(last)));
      while (cut > 0 && sent.size() > 1) {
        cut -= count(sent.remove(sent.size() - 1));
      }
      out.set(out.size() - 1, String.join(" ", sent));
      break;
    }
    return out;
  }

  /** About one word in thirty changed: a synonym where one is known, else a word dropped. */
  static String changeWords(String p, Random rnd) {
    String[] w = p.split(" ");
    StringBuilder b = new StringBuilder();
    for (String word : w) {
      String bare = word.toLowerCase(Locale.ROOT);
      if (rnd.nextDouble() < 1 / 30.0) {
        String swap = SWAPS.get(bare);
        if (swap != null) {
          word = swap;
        } else if (bare.length() > 3 && rnd.nextBoolean()) {
          continue;
        }
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(word);
    }
    return b.toString();
  }
}
