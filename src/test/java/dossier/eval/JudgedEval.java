package dossier.eval;

import dossier.core.Extracted;
import dossier.core.Text;
import dossier.ingest.ExtractionException;
import dossier.ingest.Extractors;
import dossier.ingest.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Scores extraction against a person's judgement of what each page's article is.
 *
 * <p>The judgement ({@code src/test/resources/eval/judged-blocks.tsv}) holds no text of the pages:
 * each page is cut into blocks by a fixed rule ({@link #blocks}: every block element and line break
 * ends a block), and a person marks the blocks that are the article (its paragraphs, subheadings,
 * list items and quotes; not captions, credits, bylines, bios, prompts or teasers). The file keeps,
 * per page, the corpus, the page's name, whether it was looked at while tuning ({@code tuned}) or
 * only scored ({@code scored}; a later batch tuned on is {@code tuned:BATCH}, scored as tuned on
 * and reported on a line of its own as well), and the first 12 hex digits of the SHA-256 of each
 * marked block's normalized text (its tokens, lower-cased, one space apart). The expected text of a
 * page is its marked blocks in page order; dossier's body is scored against it with the shingle
 * metric of {@link ExtractionEval}.
 *
 * <pre>
 * JudgedEval score CORPORA_DIR            score every judged page (CORPORA_DIR holds the corpora)
 * JudgedEval show CORPORA_DIR CORPUS PAGE print a page's blocks with their numbers, to judge it
 * JudgedEval mark CORPORA_DIR CORPUS PAGE SPLIT RANGES   print the judgement line for blocks
 *                                          RANGES ("3-40,44,47-52"), to add to the file
 * JudgedEval diff CORPORA_DIR CORPUS PAGE  of a page tuned on: the body's paragraphs that are not
 *                                          the article (+) and the article's blocks the body lacks
 *                                          (-); pages only scored are refused
 * </pre>
 */
public final class JudgedEval {
  static final Path JUDGEMENT = Path.of("src/test/resources/eval/judged-blocks.tsv");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  private JudgedEval() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: JudgedEval score|show|mark CORPORA_DIR [CORPUS PAGE [SPLIT RANGES]]");
      System.exit(2);
    }
    Path corpora = Path.of(args[1]);
    switch (args[0]) {
      case "show" -> show(System.out, page(corpora, args[2], args[3]));
      case "mark" -> System.out.println(mark(corpora, args[2], args[3], args[4], args[5]));
      case "diff" -> diff(System.out, corpora, args[2], args[3]);
      default -> score(System.out, corpora, args.length > 2 && args[2].equals("-v"));
    }
  }

  /** The page file of {@code name} in one of the two HTML corpora. */
  static Path page(Path corpora, String corpus, String name) {
    return corpus.equals("readability")
        ? corpora.resolve("readability-test-pages/pages").resolve(name).resolve("source.html.gz")
        : corpora.resolve("htmldate-mediacloud/html").resolve(name);
  }

  /** The blocks of a page, by the fixed rule, each as its text on one line. */
  static List<String> blocks(byte[] gz) throws IOException {
    byte[] html = gunzip(gz);
    // UTF-8 when the bytes are valid UTF-8 (some pages declare another charset wrongly), else
    // what the page declares or Jsoup detects.
    Document doc;
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(html)).toString();
      doc = Jsoup.parse(text);
    } catch (java.nio.charset.CharacterCodingException e) {
      doc = Jsoup.parse(new ByteArrayInputStream(html), null, "");
    }
    doc.select("script, style, noscript, template, svg, head").remove();
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              cur.append(t.getWholeText());
            } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
              flush();
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
              flush();
            }
          }

          private void flush() {
            String s = Text.oneLine(cur.toString()).strip();
            cur.setLength(0);
            if (TOKEN.matcher(s).find()) {
              out.add(s);
            }
          }
        },
        doc.body() == null ? doc : doc.body());
    String rest = Text.oneLine(cur.toString()).strip();
    if (TOKEN.matcher(rest).find()) {
      out.add(rest);
    }
    return out;
  }

  /** A block's tokens, lower-cased, one space apart. */
  static String normalized(String block) {
    StringBuilder b = new StringBuilder();
    Matcher m = TOKEN.matcher(block);
    while (m.find()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(m.group().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  static String hash(String block) {
    return Text.sha256(normalized(block)).substring(0, 12);
  }

  /**
   * Prints the blocks with their numbers, cut to 110 characters, from a little before the first
   * long block (30 tokens or more) to a little after the last: what lies outside is menus and
   * footers, and is not article text.
   */
  private static void show(PrintStream out, Path page) throws IOException {
    List<String> blocks = blocks(Files.readAllBytes(page));
    int first = -1;
    int last = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (normalized(blocks.get(i)).split(" ").length >= 30) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    int from = Math.max(0, first - 40);
    int to = Math.min(blocks.size(), last + 12);
    out.println("blocks " + from + " to " + (to - 1) + " of " + blocks.size());
    for (int i = from; i < to; i++) {
      String b = blocks.get(i);
      out.printf(Locale.ROOT, "%d %s%n", i, b.length() > 110 ? b.substring(0, 110) + "…" : b);
    }
  }

  private static String mark(Path corpora, String corpus, String name, String split, String ranges)
      throws IOException {
    List<String> blocks = blocks(Files.readAllBytes(page(corpora, corpus, name)));
    List<String> hashes = new ArrayList<>();
    for (String r : ranges.split(",")) {
      String[] ab = r.trim().split("-");
      int a = Integer.parseInt(ab[0]);
      int z = ab.length > 1 ? Integer.parseInt(ab[1]) : a;
      for (int i = a; i <= z && i < blocks.size(); i++) {
        String h = hash(blocks.get(i));
        if (!hashes.contains(h)) {
          hashes.add(h);
        }
      }
    }
    return corpus + "\t" + name + "\t" + split + "\t" + String.join(",", hashes);
  }

  /**
   * What dossier's body of a tuned-on page has that the judgement has not, and what it lacks. Pages
   * only scored are refused: their text is not to be read while tuning.
   */
  private static void diff(PrintStream out, Path corpora, String corpus, String name)
      throws IOException {
    Judged j = null;
    for (Judged k : judgement()) {
      if (k.corpus().equals(corpus) && k.name().equals(name)) {
        j = k;
      }
    }
    if (j == null || !j.tuned()) {
      out.println(corpus + " " + name + ": not a tuned-on page of the judgement");
      return;
    }
    byte[] bytes = Files.readAllBytes(page(corpora, corpus, name));
    List<String> blocks = blocks(bytes);
    String expected = normalized(expected(blocks, j.hashes()));
    String body;
    try {
      body = Extractors.extract(bytes, "page.html.gz", Format.AUTO).body();
    } catch (ExtractionException e) {
      body = "";
    }
    String got = normalized(body);
    double[] pr = precisionRecall(body, expected(blocks, j.hashes()));
    out.printf(Locale.ROOT, "%s %s P=%.3f R=%.3f%n", corpus, name, pr[0], pr[1]);
    for (String para : body.split("\n+")) {
      String n = normalized(para);
      if (!n.isEmpty() && !expected.contains(n)) {
        out.println("+ " + (para.length() > 160 ? para.substring(0, 160) + "…" : para));
      }
    }
    Set<String> seen = new HashSet<>();
    for (String block : blocks) {
      String n = normalized(block);
      if (j.hashes().contains(hash(block)) && seen.add(n) && !got.contains(n)) {
        out.println("- " + (block.length() > 160 ? block.substring(0, 160) + "…" : block));
      }
    }
  }

  /** One judged page: where it is, whether it was tuned on, and its marked blocks' hashes. */
  record Judged(String corpus, String name, String split, Set<String> hashes) {
    /** Tuned on: the split is {@code tuned}, or {@code tuned:BATCH} for a later batch. */
    boolean tuned() {
      return split.equals("tuned") || split.startsWith("tuned:");
    }
  }

  static List<Judged> judgement() throws IOException {
    List<Judged> out = new ArrayList<>();
    for (String line : Files.readAllLines(JUDGEMENT, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(new Judged(f[0], f[1], f[2], new HashSet<>(List.of(f[3].split(",")))));
    }
    return out;
  }

  /** The expected text of a judged page: its marked blocks, in page order, once each. */
  static String expected(List<String> blocks, Set<String> hashes) {
    StringBuilder b = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (String block : blocks) {
      String h = hash(block);
      if (hashes.contains(h) && seen.add(h)) {
        b.append(block).append("\n\n");
      }
    }
    return b.toString();
  }

  private static void score(PrintStream out, Path corpora, boolean verbose) throws IOException {
    double[][] sums = new double[2][3]; // [scored, tuned][precision, recall, pages]
    Map<String, double[]> batches = new java.util.TreeMap<>(); // tuned:BATCH -> the same sums
    int missing = 0;
    for (Judged j : judgement()) {
      Path p = page(corpora, j.corpus(), j.name());
      if (!Files.exists(p)) {
        missing++;
        continue;
      }
      byte[] bytes = Files.readAllBytes(p);
      String expected = expected(blocks(bytes), j.hashes());
      Extracted x;
      try {
        x = Extractors.extract(bytes, "page.html.gz", Format.AUTO);
      } catch (ExtractionException e) {
        x = null;
      }
      double[] pr = precisionRecall(x == null ? "" : x.body(), expected);
      double[] s = sums[j.tuned() ? 1 : 0];
      s[0] += pr[0];
      s[1] += pr[1];
      s[2]++;
      if (j.split().startsWith("tuned:")) {
        double[] b = batches.computeIfAbsent(j.split(), k -> new double[3]);
        b[0] += pr[0];
        b[1] += pr[1];
        b[2]++;
      }
      if (verbose && j.tuned()) {
        // pages only scored are seen in the aggregate alone, so that they stay held out
        out.printf(
            Locale.ROOT,
            "  %-6s %-11s %-32s P=%.3f R=%.3f%n",
            "tuned",
            j.corpus(),
            j.name(),
            pr[0],
            pr[1]);
      }
    }
    out.println("judged pages (" + JUDGEMENT.getFileName() + ")");
    print(out, "all", sums[0][0] + sums[1][0], sums[0][1] + sums[1][1], sums[0][2] + sums[1][2]);
    print(out, "  tuned on", sums[1][0], sums[1][1], sums[1][2]);
    for (Map.Entry<String, double[]> b : batches.entrySet()) {
      double[] v = b.getValue();
      print(out, "    batch " + b.getKey().substring(6), v[0], v[1], v[2]);
    }
    print(out, "  only scored", sums[0][0], sums[0][1], sums[0][2]);
    if (missing > 0) {
      out.println("  " + missing + " judged pages not found under " + corpora);
    }
  }

  private static void print(PrintStream out, String label, double p, double r, double n) {
    if (n == 0) {
      return;
    }
    double mp = p / n;
    double mr = r / n;
    out.printf(
        Locale.ROOT,
        "  %s: %d pages, body F1 %.3f (precision %.3f, recall %.3f)%n",
        label,
        (int) n,
        2 * mp * mr / (mp + mr),
        mp,
        mr);
  }

  /** Shingle precision and recall of one page, as {@link ExtractionEval} counts them. */
  static double[] precisionRecall(String predicted, String expected) {
    Map<String, Integer> p = ExtractionEval.shingles(predicted);
    Map<String, Integer> e = ExtractionEval.shingles(expected);
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
    double precision = np == 0 ? (ne == 0 ? 1 : 0) : tp / (double) np;
    double recall = ne == 0 ? 1 : tp / (double) ne;
    return new double[] {precision, recall};
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
