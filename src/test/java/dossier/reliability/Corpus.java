package dossier.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Plain-text articles made up from a few paragraphs, each file with its own headline and numbers so
 * that every file is a distinct article. Deterministic for a given seed.
 */
final class Corpus {
  private static final String[] PLACES = {
    "Harrowgate",
    "Lisvane",
    "Kelmar",
    "Oste",
    "Northgate",
    "Varela",
    "Dunmore",
    "Brightwater",
    "Calder",
    "Mossley",
    "Tarn",
    "Wexley"
  };

  private static final String[] TOPICS = {
    "council budget", "harbour dredging", "bus timetable", "flood defences", "school meals",
    "library hours", "bridge repairs", "water rates", "market licences", "wind farm"
  };

  private static final String[] PARAGRAPHS = {
    "Councillors met late into the evening to weigh the proposal, which officials said would"
        + " cost less than the plan it replaces but take two years longer to finish.",
    "Residents who spoke at the meeting were divided. Some welcomed the change; others said they"
        + " had not been asked and would press for a public consultation before any vote.",
    "The regional auditor's report, published last month, found that spending on maintenance"
        + " had fallen for the fourth year running while repair bills kept rising.",
    "A spokesperson for the operator said the company would study the decision carefully and"
        + " respond in writing before the end of the quarter.",
    "Traders on the high street reported fewer visitors over the winter, which several of them"
        + " blamed on the closure of the car park next to the station.",
    "Engineers who surveyed the site in the spring found the foundations in better shape than"
        + " expected, though the drainage will need to be replaced in full.",
    "Opposition members called the timetable unrealistic and asked for monthly progress reports"
        + " to be published so that delays could be spotted early.",
    "The scheme is part of a wider programme that the county hopes will bring new jobs to the"
        + " coast, where unemployment has stayed above the national average for a decade.",
  };

  /** Every word of the paragraphs, to vary them with. */
  private static final String[] WORDS = String.join(" ", PARAGRAPHS).split(" ");

  private Corpus() {}

  /**
   * The paragraph with about one word in three replaced by another of the corpus: two articles that
   * draw the same paragraph still share few runs of five words, so that they are distinct articles
   * and not near-duplicate copies of each other.
   */
  private static String vary(String paragraph, Random r) {
    String[] words = paragraph.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (r.nextInt(3) == 0) {
        words[i] = WORDS[r.nextInt(WORDS.length)];
      }
    }
    return String.join(" ", words);
  }

  /** The text of article {@code n} of the corpus with this seed. */
  static String article(long seed, int n) {
    Random r = new Random(seed * 1_000_003L + n);
    String place = PLACES[r.nextInt(PLACES.length)];
    String topic = TOPICS[r.nextInt(TOPICS.length)];
    StringBuilder b = new StringBuilder();
    b.append(place)
        .append(" weighs ")
        .append(topic)
        .append(" plan, item ")
        .append(seed)
        .append('-')
        .append(n)
        .append("\n\n");
    b.append("By Staff Reporter\n\n");
    b.append("The ")
        .append(place)
        .append(" ")
        .append(topic)
        .append(" review, case ")
        .append(seed)
        .append('-')
        .append(n)
        .append(", drew ")
        .append(10 + r.nextInt(900))
        .append(" written responses.\n\n");
    int paragraphs = 3 + r.nextInt(4);
    for (int i = 0; i < paragraphs; i++) {
      b.append(vary(PARAGRAPHS[r.nextInt(PARAGRAPHS.length)], r)).append("\n\n");
    }
    return b.toString();
  }

  /** Article {@code n} as a saved web page with navigation, a share bar and a footer. */
  static String page(long seed, int n) {
    String[] parts = article(seed, n).split("\n\n");
    StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">");
    b.append("<title>").append(parts[0]).append(" | The Courier</title></head><body>");
    b.append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a>");
    b.append("</nav><article><h1>").append(parts[0]).append("</h1>");
    b.append("<p class=\"byline\">").append(parts[1]).append("</p>");
    for (int i = 2; i < parts.length; i++) {
      b.append("<p>").append(parts[i].strip()).append("</p>");
    }
    b.append("</article><div class=\"share\">Share this article</div>");
    b.append("<footer>Copyright The Courier. All rights reserved.</footer></body></html>");
    return b.toString();
  }

  /** Writes pages {@code 0..count-1} as {@code p00000.html}, ... into {@code dir}. */
  static Path writePages(Path dir, long seed, int count) {
    try {
      Files.createDirectories(dir);
      for (int n = 0; n < count; n++) {
        Files.writeString(
            dir.resolve(String.format("p%05d.html", n)), page(seed, n), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes articles {@code 0..count-1} as {@code a00000.txt}, ... into {@code dir}. */
  static Path write(Path dir, long seed, int count) {
    try {
      Files.createDirectories(dir);
      for (int n = 0; n < count; n++) {
        Files.writeString(
            dir.resolve(String.format("a%05d.txt", n)), article(seed, n), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
