package dossier.eval;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dossier.core.Extracted;
import dossier.ingest.ExtractionException;
import dossier.ingest.Extractors;
import dossier.ingest.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Scores dossier's extraction against evaluation corpora given by path.
 *
 * <ul>
 *   <li>a folder of cases {@code pages/<case>/source.html.gz} with {@code expected.html.gz} and
 *       {@code expected-metadata.json}: body text by the shingle metric, title, authors, date and
 *       site name;
 *   <li>a folder with {@code eval_mediacloud_2020.json} and {@code html/}: publication dates;
 *   <li>a folder of category folders of plain-text articles (headline, blank line, paragraphs):
 *       body text and title of plain-text extraction.
 * </ul>
 *
 * <p>Shingle metric: tokens are maximal runs of {@code [\p{L}\p{N}_]}; each text is a bag of
 * 4-token shingles (a text of 1-3 tokens is one shingle); per page precision and recall from the
 * shared shingles counted with multiplicity (both 1 when nothing differs); corpus precision is the
 * mean over pages with a non-empty prediction, corpus recall the mean over all pages, F1 the
 * harmonic mean of the two means.
 *
 * <p>Cases are split by a hash of their name into a development half and a held-out half, and the
 * figures are printed for both, so that tuning on one half can be checked on the other.
 */
public final class ExtractionEval {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final PrintStream out;
  private final boolean verbose;

  private ExtractionEval(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  public static void main(String[] args) throws IOException {
    boolean verbose = false;
    List<String> paths = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-v") || a.equals("--verbose")) {
        verbose = true;
      } else if (!a.isBlank()) {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) {
      System.err.println("usage: ExtractionEval [-v] CORPUS_PATH...");
      System.exit(2);
    }
    ExtractionEval eval = new ExtractionEval(System.out, verbose);
    int missing = 0;
    for (String p : paths) {
      Path path = Path.of(p);
      if (!Files.isDirectory(path)) {
        System.err.println("corpus not found: " + p + " (no such folder; skipped)");
        missing++;
        continue;
      }
      if (Files.isDirectory(path.resolve("pages"))) {
        eval.readabilityPages(path);
      } else if (Files.exists(path.resolve("eval_mediacloud_2020.json"))) {
        eval.datedPages(path);
      } else {
        eval.plainTextArticles(path);
      }
    }
    if (missing == paths.size()) {
      System.exit(1);
    }
    eval.largePageTiming();
  }

  // ---------------------------------------------------------------- corpora

  /** Saved pages with the article text and metadata Readability.js is expected to find. */
  private void readabilityPages(Path root) throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(root.resolve("pages"))) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    Scores all = new Scores();
    Scores real = new Scores();
    Scores dev = new Scores();
    Scores held = new Scores();
    List<byte[]> realPages = new ArrayList<>();
    for (Path c : cases) {
      Path src = c.resolve("source.html.gz");
      Path exp = c.resolve("expected.html.gz");
      if (!Files.exists(src) || !Files.exists(exp)) {
        continue;
      }
      byte[] page = Files.readAllBytes(src);
      byte[] html = gunzip(page);
      String expectedText =
          Jsoup.parse(new String(gunzip(Files.readAllBytes(exp)), StandardCharsets.UTF_8)).text();
      JsonNode meta =
          Files.exists(c.resolve("expected-metadata.json"))
              ? JSON.readTree(c.resolve("expected-metadata.json").toFile())
              : null;
      long t0 = cpuNanos();
      Extracted x = extractOrNull(page, "source.html.gz");
      long ns = cpuNanos() - t0;
      PageScore ps =
          new PageScore(c.getFileName().toString(), x == null ? "" : x.body(), expectedText, ns);
      if (meta != null) {
        ps.title =
            match(text(meta, "title"), x == null ? null : x.title(), ExtractionEval::sameHeadline);
        ps.titleStrict =
            match(text(meta, "title"), x == null ? null : x.title(), ExtractionEval::sameTitle);
        ps.author =
            match(
                text(meta, "byline"),
                x == null ? null : String.join(", ", x.authors()),
                ExtractionEval::sameAuthors);
        ps.date =
            match(
                text(meta, "publishedTime"),
                x == null ? null : x.published(),
                ExtractionEval::sameDay);
        ps.site =
            match(text(meta, "siteName"), x == null ? null : x.source(), ExtractionEval::sameTitle);
      }
      boolean isReal = html.length >= 10_000;
      all.add(ps);
      if (isReal) {
        realPages.add(page);
        real.add(ps);
        (heldOut(ps.name) ? held : dev).add(ps);
      }
      if (verbose && !heldOut(ps.name)) {
        out.printf(
            Locale.ROOT,
            "  %-40s P=%.3f R=%.3f title=%s author=%s date=%s site=%s%n",
            ps.name,
            ps.precision,
            ps.recall,
            ps.title,
            ps.author,
            ps.date,
            ps.site);
        if (x != null && ps.title == Boolean.FALSE) {
          out.printf("      title: %s | expected: %s%n", x.title(), text(meta, "title"));
        }
        if (x != null && ps.date == Boolean.FALSE) {
          out.printf("      date: %s | expected: %s%n", x.published(), text(meta, "publishedTime"));
        }
        if (x != null && ps.author == Boolean.FALSE) {
          out.printf("      author: %s | expected: %s%n", x.authors(), text(meta, "byline"));
        }
      }
    }
    out.println("readability-test-pages (" + root.getFileName() + ")");
    all.print(out, "all " + all.pages.size() + " cases");
    real.print(out, "real pages (source >= 10 KB)");
    dev.print(out, "  development half");
    held.print(out, "  held-out half");
    warmTiming(realPages);
  }

  /**
   * The real pages extracted a second time, in the same order: the first pass pays for the JIT
   * compiling the extractor, as a short import does; this one shows what a long import pays.
   */
  private void warmTiming(List<byte[]> pages) {
    if (pages.isEmpty()) {
      return;
    }
    long[] ns = new long[pages.size()];
    for (int i = 0; i < ns.length; i++) {
      long t0 = cpuNanos();
      extractOrNull(pages.get(i), "source.html.gz");
      ns[i] = cpuNanos() - t0;
    }
    Arrays.sort(ns);
    out.printf(
        Locale.ROOT,
        "  real pages, second pass (JIT warm): CPU time p50 %.1f ms, max %.1f ms%n",
        ns[ns.length / 2] / 1e6,
        ns[ns.length - 1] / 1e6);
  }

  /** News pages with their gold publication dates (htmldate's evaluation set). */
  private void datedPages(Path root) throws IOException {
    JsonNode gold = JSON.readTree(root.resolve("eval_mediacloud_2020.json").toFile());
    int dated = 0;
    int right = 0;
    int found = 0;
    int undated = 0;
    int undatedRight = 0;
    int devN = 0;
    int devRight = 0;
    long totalNs = 0;
    List<String> wrong = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String file = e.getValue().get("file").asText();
      JsonNode d = e.getValue().get("date");
      Path p = root.resolve("html").resolve(file + ".gz");
      if (!Files.exists(p)) {
        p = root.resolve("html").resolve(file);
      }
      if (!Files.exists(p)) {
        continue;
      }
      long t0 = cpuNanos();
      Extracted x = extractOrNull(Files.readAllBytes(p), "page.html.gz");
      totalNs += cpuNanos() - t0;
      String got = x == null || x.published() == null ? null : x.published().substring(0, 10);
      boolean hasGold = d != null && d.isTextual() && !d.asText().equals("NaN");
      if (!hasGold) {
        undated++;
        if (got == null) {
          undatedRight++;
        }
        continue;
      }
      dated++;
      if (got != null) {
        found++;
      }
      boolean ok = d.asText().equals(got);
      if (ok) {
        right++;
      }
      if (!heldOut(file)) {
        devN++;
        if (ok) {
          devRight++;
        } else {
          wrong.add(
              String.format("  %s got %s expected %s (%s)", file, got, d.asText(), e.getKey()));
        }
      }
    }
    out.println("htmldate-mediacloud (" + root.getFileName() + ")");
    out.printf(
        Locale.ROOT,
        "  date accuracy on %d dated pages: %.1f%% (%d right, %d with a date" + " found)%n",
        dated,
        pct(right, dated),
        right,
        found);
    out.printf(
        Locale.ROOT,
        "    development half %.1f%% of %d, held-out half %.1f%% of %d%n",
        pct(devRight, devN),
        devN,
        pct(right - devRight, dated - devN),
        dated - devN);
    out.printf(
        Locale.ROOT,
        "  undated pages (gold NaN) left without a date: %d of %d%n",
        undatedRight,
        undated);
    out.printf(
        Locale.ROOT,
        "  mean extraction CPU time %.1f ms per page%n",
        totalNs / 1e6 / Math.max(1, dated + undated));
    if (verbose) {
      wrong.forEach(out::println);
    }
  }

  /** Category folders of plain-text articles whose first line is the headline. */
  private void plainTextArticles(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    if (files.isEmpty()) {
      System.err.println(
          "corpus not recognized: " + root + " (no pages/, eval json or .txt files)");
      return;
    }
    Scores scores = new Scores();
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      String text = decodeExpected(b).replace("\r\n", "\n");
      int nl = text.indexOf('\n');
      if (nl < 0) {
        continue;
      }
      String headline = text.substring(0, nl).trim();
      String rest = text.substring(nl + 1);
      long t0 = cpuNanos();
      Extracted x = extractOrNull(b, f.getFileName().toString());
      long ns = cpuNanos() - t0;
      String name = root.relativize(f).toString();
      PageScore ps = new PageScore(name, x == null ? "" : x.body(), rest, ns);
      ps.title = sameTitle(headline, x == null ? null : x.title());
      scores.add(ps);
      if (verbose && (ps.recall < 0.95 || ps.precision < 0.95 || !ps.title)) {
        out.printf(
            Locale.ROOT,
            "  %-24s P=%.3f R=%.3f title=%s%n",
            name,
            ps.precision,
            ps.recall,
            ps.title);
      }
    }
    out.println("plain-text articles (" + root.getFileName() + ")");
    scores.print(out, files.size() + " files");
  }

  /** A 1 MB page of many paragraphs and furniture: how long one extraction takes. */
  private void largePageTiming() {
    StringBuilder b = new StringBuilder("<html><head><title>Large page</title></head><body>");
    b.append("<nav>").append("<a href=/x>Section</a> ".repeat(200)).append("</nav><article>");
    int i = 0;
    while (b.length() < 1_000_000) {
      b.append("<div class=block><p>Paragraph ")
          .append(i++)
          .append(" of the long article, with words, commas, and a full stop at the end.</p>")
          .append("<div class=share><a href=#>Share</a></div></div>");
    }
    b.append("</article></body></html>");
    byte[] page = b.toString().getBytes(StandardCharsets.UTF_8);
    for (int w = 0; w < 3; w++) {
      extractOrNull(page, "large.html");
    }
    long best = Long.MAX_VALUE;
    for (int r = 0; r < 5; r++) {
      long t0 = cpuNanos();
      extractOrNull(page, "large.html");
      best = Math.min(best, cpuNanos() - t0);
    }
    out.printf(
        Locale.ROOT,
        "1 MB synthetic page: %.0f ms CPU time per extraction (best of 5)%n",
        best / 1e6);
  }

  // ---------------------------------------------------------------- scoring

  private static final class PageScore {
    final String name;
    final double precision;
    final double recall;
    final boolean emptyPrediction;
    final long nanos;
    Boolean title;
    Boolean titleStrict;
    Boolean author;
    Boolean date;
    Boolean site;

    PageScore(String name, String predicted, String expected, long nanos) {
      this.name = name;
      this.nanos = nanos;
      Map<String, Integer> p = shingles(predicted);
      Map<String, Integer> e = shingles(expected);
      int tp = 0;
      int np = 0;
      int ne = 0;
      for (int v : p.values()) {
        np += v;
      }
      for (int v : e.values()) {
        ne += v;
      }
      for (Map.Entry<String, Integer> en : p.entrySet()) {
        tp += Math.min(en.getValue(), e.getOrDefault(en.getKey(), 0));
      }
      int fp = np - tp;
      int fn = ne - tp;
      emptyPrediction = np == 0;
      precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
      recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }
  }

  private static final class Scores {
    final List<PageScore> pages = new ArrayList<>();

    void add(PageScore s) {
      pages.add(s);
    }

    void print(PrintStream out, String label) {
      if (pages.isEmpty()) {
        return;
      }
      double p = 0;
      int np = 0;
      double r = 0;
      long[] times = new long[pages.size()];
      int[] title = new int[2];
      int[] strict = new int[2];
      int[] author = new int[2];
      int[] date = new int[2];
      int[] site = new int[2];
      for (int i = 0; i < pages.size(); i++) {
        PageScore s = pages.get(i);
        if (!s.emptyPrediction) {
          p += s.precision;
          np++;
        }
        r += s.recall;
        times[i] = s.nanos;
        count(title, s.title);
        count(strict, s.titleStrict);
        count(author, s.author);
        count(date, s.date);
        count(site, s.site);
      }
      double mp = np == 0 ? 0 : p / np;
      double mr = r / pages.size();
      double f1 = mp + mr == 0 ? 0 : 2 * mp * mr / (mp + mr);
      Arrays.sort(times);
      out.printf(
          Locale.ROOT,
          "  %s: %d pages, body F1 %.3f (precision %.3f, recall %.3f)%n",
          label,
          pages.size(),
          f1,
          mp,
          mr);
      out.printf(
          Locale.ROOT,
          "    title %s (identical %s), authors %s, date %s, site %s;"
              + " CPU time p50 %.1f ms, max %.1f ms%n",
          rate(title),
          rate(strict),
          rate(author),
          rate(date),
          rate(site),
          times[times.length / 2] / 1e6,
          times[times.length - 1] / 1e6);
    }

    private static void count(int[] c, Boolean b) {
      if (b != null) {
        c[1]++;
        if (b) {
          c[0]++;
        }
      }
    }

    private static String rate(int[] c) {
      return c[1] == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% of %d", pct(c[0], c[1]), c[1]);
    }
  }

  static Map<String, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> bag = new HashMap<>();
    if (tokens.isEmpty()) {
      return bag;
    }
    if (tokens.size() < 4) {
      bag.put(String.join(" ", tokens), 1);
      return bag;
    }
    for (int i = 0; i + 4 <= tokens.size(); i++) {
      bag.merge(String.join(" ", tokens.subList(i, i + 4)), 1, Integer::sum);
    }
    return bag;
  }

  /** Null when there is no expected value to compare with. */
  private static Boolean match(String expected, String got, Comparison same) {
    if (expected == null || expected.isBlank()) {
      return null;
    }
    return got != null && same.test(expected, got);
  }

  private interface Comparison {
    boolean test(String expected, String got);
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  static boolean sameTitle(String expected, String got) {
    return got != null && norm(expected).equals(norm(got));
  }

  private static final Pattern TITLE_PARTS = Pattern.compile("\\s+(?:[|\\-–—:·»/]|::)\\s+");

  /**
   * The same title, or the same once a site-name segment at either end of one of them is left out
   * ("Headline | Site" and "Headline" are the same headline).
   */
  static boolean sameHeadline(String expected, String got) {
    if (got == null) {
      return false;
    }
    for (String e : variants(expected)) {
      for (String g : variants(got)) {
        if (!e.isEmpty() && e.equals(g)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> variants(String title) {
    List<String> out = new ArrayList<>();
    out.add(norm(title));
    String[] parts = TITLE_PARTS.split(title);
    if (parts.length >= 2) {
      int last = parts.length - 1;
      if (norm(parts[last]).split(" ").length <= 5) {
        out.add(
            norm(
                title
                    .substring(0, title.lastIndexOf(parts[last]))
                    .replaceAll("\\s+(?:[|\\-–—:·»/]|::)\\s*$", "")));
      }
      if (norm(parts[0]).split(" ").length <= 5) {
        out.add(
            norm(
                title
                    .substring(parts[0].length())
                    .replaceFirst("^\\s*(?:[|\\-–—:·»/]|::)\\s+", "")));
      }
    }
    return out;
  }

  /** The same set of name words, ignoring "by", "and" and punctuation. */
  static boolean sameAuthors(String expected, String got) {
    return nameWords(expected).equals(nameWords(got)) && !nameWords(got).isEmpty();
  }

  private static TreeSet<String> nameWords(String s) {
    TreeSet<String> out = new TreeSet<>(Arrays.asList(norm(s).split(" ")));
    out.removeAll(List.of("by", "and", ""));
    return out;
  }

  static boolean sameDay(String expected, String got) {
    String e = expected.trim();
    String g = got.trim();
    if (e.length() < 10 || g.length() < 10) {
      return false;
    }
    try {
      return LocalDate.parse(e.substring(0, 10)).equals(LocalDate.parse(g.substring(0, 10)));
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Extracted extractOrNull(byte[] bytes, String name) {
    try {
      return Extractors.extract(bytes, name, Format.AUTO);
    } catch (ExtractionException e) {
      return null;
    }
  }

  private static boolean heldOut(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return (crc.getValue() & 1) == 1;
  }

  /** Expected text as its author wrote it: UTF-8, or Latin-1 where a byte is not UTF-8. */
  private static String decodeExpected(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * CPU time of this thread: extraction is single-threaded, and CPU time stays meaningful when
   * other processes share the machine.
   */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  private static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  private static byte[] gunzip(byte[] b) throws IOException {
    if (b.length < 2 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) {
      return b;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return in.readAllBytes();
    }
  }
}
