package dossier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a benchmark corpus of N articles from the paragraphs of a folder of real stories (one
 * story a file: headline, blank line, paragraphs separated by blank lines).
 *
 * <p>Output is a pure function of the source folder, N and the seed: article i draws everything
 * from its own random stream, so the first 10,000 articles of the 100k corpus are the 10k corpus.
 * Each article is written as plain text (the source's shape plus a "Published" line), as an HTML
 * page with site furniture and JSON-LD, and as a mail file for mail indexers, 1,000 files a folder.
 * A few invented words recur at fixed rates so that queries with known, large hit counts exist;
 * their exact counts are written to {@code manifest.tsv}.
 *
 * <p>With {@code --count source} the source stories themselves are written, one article each, in
 * the same three shapes (text byte for byte), so peers can index exactly what dossier imports.
 */
public final class CorpusGenerator {

  /** Invented words (absent from the source) and the share of articles that carry each. */
  static final Map<String, Double> MARKERS = new LinkedHashMap<>();

  static {
    MARKERS.put("velmora", 0.16);
    MARKERS.put("ostrander", 0.016);
    MARKERS.put("quillon", 0.0016);
    MARKERS.put("tarnwick", 0.00016);
  }

  /** A two-word phrase put in 2% of articles; each word alone goes into another 2%. */
  static final String PHRASE_A = "zintara";

  static final String PHRASE_B = "lattice";
  static final double PHRASE_RATE = 0.02;

  static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
  static final int DAYS = 25 * 365;

  private static final String[] SITES = {
    "The Harrow Ledger", "Northwind Post", "Calder Evening Star", "The Brisk Review",
    "Ashgrove Courier", "Lowmarsh Gazette", "The Meridian Wire", "Tollan Daily"
  };
  private static final String[] FIRST = {
    "Ana", "Tomas", "Ilse", "Marek", "Priya", "Owen", "Sade", "Jonas", "Leila", "Ruth", "Kofi",
    "Mirela", "Dev", "Hanna", "Paulo", "Grete"
  };
  private static final String[] LAST = {
    "Varga",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Castell",
    "Ibsen",
    "Radu",
    "Achebe",
    "Novak",
    "Hale",
    "Sorensen",
    "Quaid",
    "Brennan",
    "Takeda",
    "Ferro",
    "Dunmore"
  };

  enum Shape {
    TEXT("text", ".txt"),
    HTML("html", ".html"),
    MAIL("mail", "");

    final String folder;
    final String suffix;

    Shape(String folder, String suffix) {
      this.folder = folder;
      this.suffix = suffix;
    }
  }

  record Story(String category, String headline, List<String> paragraphs, byte[] raw) {}

  record Article(
      int index,
      String category,
      String headline,
      List<String> paragraphs,
      LocalDate date,
      String site,
      String author,
      byte[] raw) {}

  private final List<Story> stories;
  private final List<String> pool;
  private final long seed;

  CorpusGenerator(List<Story> stories, long seed) {
    this.stories = stories;
    this.pool = stories.stream().flatMap(s -> s.paragraphs().stream()).collect(Collectors.toList());
    this.seed = seed;
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("the source folder holds no paragraphs");
    }
  }

  public static void main(String[] args) throws IOException {
    Path source = null;
    Path out = null;
    String count = null;
    long seed = 20250101L;
    int perFolder = 1000;
    Set<Shape> shapes = EnumSet.allOf(Shape.class);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--source" -> source = Paths.get(args[++i]);
        case "--out" -> out = Paths.get(args[++i]);
        case "--count" -> count = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--per-folder" -> perFolder = Integer.parseInt(args[++i]);
        case "--shapes" -> {
          shapes = EnumSet.noneOf(Shape.class);
          for (String s : args[++i].split(",")) {
            shapes.add(Shape.valueOf(s.trim().toUpperCase(Locale.ROOT)));
          }
        }
        default -> usage("unknown argument " + a);
      }
    }
    if (source == null || out == null || count == null) {
      usage("--source, --out and --count are required");
    }
    if (!Files.isDirectory(source)) {
      usage("no such folder: " + source + " (pass the folder of source stories)");
    }
    List<Story> stories = readStories(source);
    CorpusGenerator g = new CorpusGenerator(stories, seed);
    long t0 = System.nanoTime();
    Map<String, Integer> counts =
        count.equals("source")
            ? g.writeSource(out, perFolder, shapes)
            : g.write(out, parseCount(count), perFolder, shapes);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.err.printf(
        Locale.ROOT,
        "wrote %d articles to %s in %.1f s%n",
        counts.get("articles"),
        out,
        ms / 1000.0);
  }

  private static int parseCount(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    int mult = 1;
    if (t.endsWith("k")) {
      mult = 1000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      mult = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    return Math.multiplyExact(Integer.parseInt(t), mult);
  }

  private static void usage(String problem) {
    System.err.println("corpus generator: " + problem);
    System.err.println(
        "usage: CorpusGenerator --source DIR --out DIR --count N|10k|1m|source"
            + " [--seed S] [--per-folder 1000] [--shapes text,html,mail]");
    System.exit(2);
  }

  /** Reads every .txt story under {@code dir}, sorted by relative path so the order is fixed. */
  static List<Story> readStories(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".txt"))
              .sorted(
                  (x, y) -> dir.relativize(x).toString().compareTo(dir.relativize(y).toString()))
              .collect(Collectors.toList());
    }
    List<Story> stories = new ArrayList<>();
    for (Path f : files) {
      byte[] raw = Files.readAllBytes(f);
      String text = decode(raw).replace("\r\n", "\n");
      String[] lines = text.split("\n");
      String headline = lines.length > 0 ? lines[0].strip() : "";
      List<String> paras = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        String p = lines[i].strip();
        if (!p.isEmpty()) {
          paras.add(p);
        }
      }
      Path rel = dir.relativize(f);
      String category = rel.getNameCount() > 1 ? rel.getName(0).toString() : "news";
      if (!headline.isEmpty() && !paras.isEmpty()) {
        stories.add(new Story(category, headline, paras, raw));
      }
    }
    return stories;
  }

  /** UTF-8, or Latin-1 for a file that is not valid UTF-8 (one source story has a stray byte). */
  private static String decode(byte[] raw) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }

  /** SplitMix64: tiny, and its output is fixed by its definition, not by a JDK version. */
  static final class Rng {
    private long state;

    Rng(long seed) {
      state = seed;
    }

    long next() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    int below(int n) {
      return (int) Math.floorMod(next(), (long) n);
    }

    double unit() {
      return (next() >>> 11) * 0x1.0p-53;
    }
  }

  /** Article i: headline and length from one story, paragraphs from anywhere, markers by rate. */
  Article article(int i, Map<String, Integer> counts) {
    Rng r = new Rng(seed * 0x9E3779B97F4A7C15L + i);
    Story model = stories.get(r.below(stories.size()));
    int n = Math.max(3, model.paragraphs().size());
    List<String> paras = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      paras.add(pool.get(r.below(pool.size())));
    }
    for (Map.Entry<String, Double> m : MARKERS.entrySet()) {
      if (r.unit() < m.getValue()) {
        insertWord(paras, m.getKey(), r);
        counts.merge(m.getKey(), 1, Integer::sum);
      }
    }
    double u = r.unit();
    if (u < PHRASE_RATE) {
      insertWord(paras, PHRASE_A + " " + PHRASE_B, r);
      counts.merge(PHRASE_A + " " + PHRASE_B, 1, Integer::sum);
    } else if (u < 2 * PHRASE_RATE) {
      insertWord(paras, PHRASE_A, r);
      counts.merge(PHRASE_A + " alone", 1, Integer::sum);
    } else if (u < 3 * PHRASE_RATE) {
      insertWord(paras, PHRASE_B, r);
      counts.merge(PHRASE_B + " alone", 1, Integer::sum);
    }
    LocalDate date = FIRST_DAY.plusDays(r.below(DAYS));
    String site = SITES[r.below(SITES.length)];
    String author = FIRST[r.below(FIRST.length)] + " " + LAST[r.below(LAST.length)];
    counts.merge("year " + date.getYear(), 1, Integer::sum);
    counts.merge("category " + model.category(), 1, Integer::sum);
    return new Article(i, model.category(), model.headline(), paras, date, site, author, null);
  }

  /** Puts a word between two words of one paragraph, keeping the sentence readable enough. */
  private static void insertWord(List<String> paras, String word, Rng r) {
    int p = r.below(paras.size());
    String[] words = paras.get(p).split(" ");
    int at = r.below(words.length + 1);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k <= words.length; k++) {
      if (k == at) {
        b.append(b.length() == 0 ? "" : " ").append(word);
      }
      if (k < words.length) {
        b.append(b.length() == 0 ? "" : " ").append(words[k]);
      }
    }
    paras.set(p, b.toString());
  }

  Map<String, Integer> write(Path out, int n, int perFolder, Set<Shape> shapes) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      writeArticle(out, article(i, counts), perFolder, shapes);
    }
    counts.put("articles", n);
    writeManifest(out, counts, "generated, seed " + seed);
    return counts;
  }

  Map<String, Integer> writeSource(Path out, int perFolder, Set<Shape> shapes) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < stories.size(); i++) {
      Story s = stories.get(i);
      // dates are not in the source stories; give the other shapes one anyway, from the same rule
      Rng r = new Rng(seed * 0x9E3779B97F4A7C15L + i);
      LocalDate date = FIRST_DAY.plusDays(r.below(DAYS));
      String site = SITES[r.below(SITES.length)];
      String author = FIRST[r.below(FIRST.length)] + " " + LAST[r.below(LAST.length)];
      writeArticle(
          out,
          new Article(i, s.category(), s.headline(), s.paragraphs(), date, site, author, s.raw()),
          perFolder,
          shapes);
      counts.merge("category " + s.category(), 1, Integer::sum);
    }
    counts.put("articles", stories.size());
    writeManifest(out, counts, "source stories as they are");
    return counts;
  }

  private static void writeManifest(Path out, Map<String, Integer> counts, String what)
      throws IOException {
    StringBuilder b = new StringBuilder("# ").append(what).append('\n');
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      b.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("manifest.tsv"), b.toString());
  }

  private static void writeArticle(Path out, Article a, int perFolder, Set<Shape> shapes)
      throws IOException {
    String folder = String.format(Locale.ROOT, "%04d", a.index() / perFolder);
    String name = String.format(Locale.ROOT, "%07d", a.index());
    for (Shape s : shapes) {
      Path dir = out.resolve(s.folder).resolve(folder);
      if (s == Shape.MAIL) {
        dir = dir.resolve("cur");
      }
      if (a.index() % perFolder == 0) {
        Files.createDirectories(dir);
        if (s == Shape.MAIL) {
          Files.createDirectories(dir.resolveSibling("new"));
          Files.createDirectories(dir.resolveSibling("tmp"));
        }
      }
      byte[] bytes =
          switch (s) {
            case TEXT -> a.raw() != null ? a.raw() : utf8(text(a));
            case HTML -> utf8(html(a));
            case MAIL -> utf8(mail(a));
          };
      String file = s == Shape.MAIL ? name + ".bench:2," : name + s.suffix;
      try {
        Files.write(dir.resolve(file), bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
      }
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Article a) {
    StringBuilder b = new StringBuilder(a.headline()).append("\n\n");
    b.append("Published ").append(a.date()).append("\n\n");
    for (String p : a.paragraphs()) {
      b.append(p).append("\n\n");
    }
    return b.toString();
  }

  static String html(Article a) {
    String slug = a.category();
    String h = esc(a.headline());
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(h)
        .append(" | ")
        .append(esc(a.site()))
        .append("</title>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta property=\"og:title\" content=\"")
        .append(h)
        .append("\">\n<meta property=\"og:site_name\" content=\"")
        .append(esc(a.site()))
        .append("\">\n<meta property=\"article:section\" content=\"")
        .append(slug)
        .append("\">\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
        .append("<script type=\"application/ld+json\">")
        .append("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":")
        .append(json(a.headline()))
        .append(",\"datePublished\":\"")
        .append(a.date())
        .append("T08:30:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":")
        .append(json(a.author()))
        .append("}],\"publisher\":{\"@type\":\"Organization\",\"name\":")
        .append(json(a.site()))
        .append("},\"articleSection\":\"")
        .append(slug)
        .append("\"}</script>\n")
        .append("</head>\n<body>\n")
        .append("<div class=\"cookie-banner\" id=\"cookie-consent\"><p>We use cookies to improve")
        .append(" your experience and to show you relevant advertising. By continuing you accept")
        .append(" our use of cookies.</p><button>Accept all</button><button>Manage settings")
        .append("</button></div>\n")
        .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">")
        .append(esc(a.site()))
        .append("</a>\n<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/business\">")
        .append("Business</a></li><li><a href=\"/politics\">Politics</a></li><li><a")
        .append(" href=\"/sport\">Sport</a></li><li><a href=\"/tech\">Technology</a></li><li>")
        .append("<a href=\"/entertainment\">Entertainment</a></li><li><a href=\"/subscribe\">")
        .append("Subscribe</a></li></ul></nav></header>\n")
        .append("<main>\n<article>\n<h1>")
        .append(h)
        .append("</h1>\n<p class=\"byline\">By <a rel=\"author\" href=\"/people/")
        .append(a.index() % 97)
        .append("\">")
        .append(esc(a.author()))
        .append("</a></p>\n<time datetime=\"")
        .append(a.date())
        .append("\">")
        .append(longDate(a.date()))
        .append("</time>\n")
        .append("<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on")
        .append(" X</a> <a href=\"#\">Email</a></div>\n");
    List<String> paras = a.paragraphs();
    for (int k = 0; k < paras.size(); k++) {
      b.append("<p>").append(esc(paras.get(k))).append("</p>\n");
      if (k == 1 && paras.size() > 3) {
        b.append("<aside class=\"ad\"><span>Advertisement</span></aside>\n");
      }
    }
    b.append("<div class=\"newsletter\"><h3>Sign up for our morning briefing</h3><p>The day's")
        .append(" top stories in your inbox.</p><form><input type=\"email\"><button>Sign up")
        .append("</button></form></div>\n")
        .append("</article>\n<section class=\"related\"><h2>Related stories</h2><ul>\n");
    for (int k = 1; k <= 4; k++) {
      b.append("<li><a href=\"/")
          .append(slug)
          .append("/")
          .append(a.index() + k)
          .append("\">")
          .append("More from ")
          .append(slug)
          .append(", part ")
          .append(k)
          .append("</a></li>\n");
    }
    b.append("</ul></section>\n</main>\n<footer><p>&copy; ")
        .append(a.date().getYear())
        .append(' ')
        .append(esc(a.site()))
        .append(". All rights reserved.</p><ul><li><a href=\"/privacy\">Privacy</a></li><li><a")
        .append(" href=\"/terms\">Terms</a></li><li><a href=\"/contact\">Contact us</a></li>")
        .append("</ul></footer>\n</body>\n</html>\n");
    return b.toString();
  }

  static String mail(Article a) {
    String domain = a.site().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
    DayOfWeek dow = a.date().getDayOfWeek();
    StringBuilder b = new StringBuilder(4096);
    b.append("From: ")
        .append(a.author())
        .append(" <desk@")
        .append(domain)
        .append(">\nTo: archive@reader.example\nSubject: ")
        .append(a.headline())
        .append("\nDate: ")
        .append(dow.getDisplayName(TextStyle.SHORT, Locale.ROOT))
        .append(", ")
        .append(a.date().getDayOfMonth())
        .append(' ')
        .append(a.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT))
        .append(' ')
        .append(a.date().getYear())
        .append(" 08:30:00 +0000\nMessage-ID: <")
        .append(a.index())
        .append('.')
        .append(a.category())
        .append("@bench.")
        .append(domain)
        .append(">\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n")
        .append("Content-Transfer-Encoding: 8bit\n\n");
    for (String p : a.paragraphs()) {
      b.append(p).append("\n\n");
    }
    return b.toString();
  }

  private static String longDate(LocalDate d) {
    return d.getDayOfMonth()
        + " "
        + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT)
        + " "
        + d.getYear();
  }

  private static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '<' -> b.append("\\u003c"); // keeps "</script>" out of the script element
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
