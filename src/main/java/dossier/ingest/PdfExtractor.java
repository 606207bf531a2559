package dossier.ingest;

import dossier.core.ArticleField;
import dossier.core.Extracted;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts the article of a PDF (a page printed to PDF, a report) with Apache PDFBox: the text in
 * reading order, lines joined into paragraphs by the spacing between them, the running headers,
 * footers and page numbers that repeat on every page left out; the rebuilt text then goes through
 * the plain-text rules (headline, bylines, date lines), and the document's own title and dates fill
 * in what the text does not say.
 */
final class PdfExtractor {
  private PdfExtractor() {}

  static {
    // PDFBox reports fonts it substitutes and the like through java.util.logging: nothing a
    // person importing an article can act on.
    Logger.getLogger("org.apache.pdfbox").setLevel(Level.OFF);
    Logger.getLogger("org.apache.fontbox").setLevel(Level.OFF);
  }

  /** Where metadata taken from the document's information dictionary came from. */
  static final String METADATA = "pdf metadata";

  /** True when {@code bytes} start like a PDF (a few bytes of junk before the header allowed). */
  static boolean isPdf(byte[] bytes) {
    int n = Math.min(bytes.length - 5, 1024);
    for (int i = 0; i <= n; i++) {
      if (bytes[i] == '%'
          && bytes[i + 1] == 'P'
          && bytes[i + 2] == 'D'
          && bytes[i + 3] == 'F'
          && bytes[i + 4] == '-') {
        return true;
      }
    }
    return false;
  }

  static Extracted extract(byte[] bytes) {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      Lines lines = new Lines();
      lines.setSortByPosition(true);
      lines.writeText(doc, new StringWriter());
      lines.endLine();
      List<List<Line>> pages = lines.pages;
      dropRunningLines(pages);
      List<String> paragraphs = new ArrayList<>();
      String heading = paragraphs(pages, paragraphs);
      if (paragraphs.isEmpty() && heading == null) {
        throw new ExtractionException(
            "a PDF without text (a scan?): " + doc.getNumberOfPages() + " page(s) of images only");
      }
      if (paragraphs.isEmpty()) {
        paragraphs.add(heading);
      }
      Extracted x = TextExtractor.extract(String.join("\n\n", paragraphs));
      return withMetadata(x, doc.getDocumentInformation(), heading);
    } catch (InvalidPasswordException e) {
      throw new ExtractionException("an encrypted PDF that needs a password to open");
    } catch (IOException e) {
      throw new ExtractionException("a broken PDF: " + e.getMessage());
    }
  }

  /** The document's title and dates where the text gave none. */
  private static Extracted withMetadata(Extracted x, PDDocumentInformation info, String heading) {
    Map<String, String> origins = new LinkedHashMap<>(x.provenance());
    String title = heading != null ? heading : x.title();
    String metaTitle = info == null ? null : clean(info.getTitle());
    if (heading != null) {
      origins.put(ArticleField.TITLE.json(), "pdf heading");
    } else if (metaTitle != null && !looksLikeFileName(metaTitle) && !headlined(x)) {
      title = metaTitle;
      origins.put(ArticleField.TITLE.json(), METADATA);
    }
    String published = x.published();
    if (published == null && info != null) {
      Calendar c = info.getCreationDate() != null ? info.getCreationDate() : null;
      if (c != null) {
        published = c.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        origins.put(ArticleField.PUBLISHED.json(), METADATA + " creation date");
      }
    }
    List<String> authors = x.authors();
    if (authors.isEmpty() && info != null && clean(info.getAuthor()) != null) {
      authors = List.of(clean(info.getAuthor()));
      origins.put(ArticleField.AUTHORS.json(), METADATA);
    }
    return new Extracted(
        title,
        x.source(),
        authors,
        published,
        x.url(),
        x.section(),
        x.lang(),
        x.caption(),
        x.body(),
        x.suggestedTags(),
        "pdf",
        null,
        origins);
  }

  /** True when the plain-text rules found a headline line rather than making a title up. */
  private static boolean headlined(Extracted x) {
    return !x.title().isEmpty() && !x.body().startsWith(x.title().replaceAll("[.…]+$", ""));
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = Spaces.collapse(s).strip();
    return t.isEmpty() ? null : t;
  }

  /** A title such as "Microsoft Word - draft3.docx", which names the file, not the article. */
  private static boolean looksLikeFileName(String t) {
    return t.matches("(?i).*\\.(docx?|pdf|odt|rtf|pages|html?|txt)$")
        || t.toLowerCase(Locale.ROOT).startsWith("microsoft word - ");
  }

  /** One line of text on a page, with where it sits. */
  record Line(String text, float x, float y, float height, float right) {}

  /** Collects the lines of every page from PDFBox's text positions. */
  private static final class Lines extends PDFTextStripper {
    final List<List<Line>> pages = new ArrayList<>();
    private List<Line> page;
    private final StringBuilder text = new StringBuilder();
    private float x;
    private float y = Float.NaN;
    private float height;
    private float right;

    Lines() {
      super();
    }

    @Override
    protected void startPage(PDPage p) throws IOException {
      page = new ArrayList<>();
      pages.add(page);
    }

    @Override
    protected void endPage(PDPage p) throws IOException {
      endLine();
    }

    @Override
    protected void writeString(String s, List<TextPosition> positions) {
      if (positions.isEmpty()) {
        return;
      }
      TextPosition first = positions.get(0);
      TextPosition last = positions.get(positions.size() - 1);
      float h = Math.max(first.getHeightDir(), first.getFontSizeInPt() * 0.7f);
      if (!Float.isNaN(y) && Math.abs(first.getYDirAdj() - y) > Math.max(h, height) / 2) {
        endLine();
      }
      if (Float.isNaN(y)) {
        x = first.getXDirAdj();
        y = first.getYDirAdj();
        height = h;
      } else if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
        // two runs on one line that PDFBox did not separate by a word space
        if (first.getXDirAdj() - right > first.getWidthOfSpace() * 0.5f) {
          text.append(' ');
        }
      }
      text.append(s);
      height = Math.max(height, h);
      right = last.getXDirAdj() + last.getWidthDirAdj();
    }

    @Override
    protected void writeWordSeparator() {
      if (text.length() > 0) {
        text.append(' ');
      }
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    void endLine() {
      String t = Spaces.collapse(text.toString()).strip();
      if (!t.isEmpty() && page != null) {
        page.add(new Line(t, x, y, height, right));
      }
      text.setLength(0);
      y = Float.NaN;
    }
  }

  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "(?i)^(?:page\\s+)?[-–—]?\\s*\\d{1,4}\\s*[-–—]?(?:\\s*(?:/|of)\\s*\\d{1,4})?$");

  /**
   * Leaves out the running lines: page numbers at the top or bottom of a page, and lines at the top
   * or bottom that come back on most pages (numbers aside: "Page 3 of 9", a date and a title
   * printed by the browser, the address of the page).
   */
  static void dropRunningLines(List<List<Line>> pages) {
    Map<String, Integer> seen = new HashMap<>();
    for (List<Line> p : pages) {
      for (Line l : edges(p)) {
        seen.merge(shape(l.text()), 1, Integer::sum);
      }
    }
    int many = Math.max(2, (pages.size() + 1) / 2);
    for (List<Line> p : pages) {
      List<Line> edge = edges(p);
      p.removeIf(
          l ->
              edge.contains(l)
                  && (PAGE_NUMBER.matcher(l.text()).matches()
                      || pages.size() >= 2 && seen.getOrDefault(shape(l.text()), 0) >= many));
    }
  }

  /** The two lines at the top and the two at the bottom of a page. */
  private static List<Line> edges(List<Line> p) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (i < 2 || i >= p.size() - 2) {
        out.add(p.get(i));
      }
    }
    return out;
  }

  /** A line with its numbers masked, so that "Page 2" and "Page 3" are one running line. */
  private static String shape(String t) {
    return t.replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
  }

  private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?:;\"”’)]$");

  /**
   * Joins the lines into paragraphs: a new one starts after a gap clearly wider than the usual
   * spacing of lines, at an indented first line, or after a line that ends a sentence well short of
   * the right margin. Returns the heading (the lines at the top of the first page set in a clearly
   * larger type than the text), or null.
   */
  static String paragraphs(List<List<Line>> pages, List<String> out) {
    List<Float> heights = new ArrayList<>();
    for (List<Line> p : pages) {
      for (Line l : p) {
        heights.add(l.height());
      }
    }
    if (heights.isEmpty()) {
      return null;
    }
    float bodyHeight = median(heights);
    String heading = null;
    StringBuilder para = new StringBuilder();
    boolean first = true;
    Prev prev = null;
    for (List<Line> p : pages) {
      List<Float> gaps = new ArrayList<>();
      float left = Float.MAX_VALUE;
      float rightMargin = 0;
      for (int i = 0; i < p.size(); i++) {
        Line l = p.get(i);
        if (Math.abs(l.height() - bodyHeight) < bodyHeight * 0.2f) {
          left = Math.min(left, l.x());
          rightMargin = Math.max(rightMargin, l.right());
        }
        if (i > 0 && p.get(i).y() > p.get(i - 1).y()) {
          gaps.add(p.get(i).y() - p.get(i - 1).y());
        }
      }
      float spacing = gaps.isEmpty() ? bodyHeight * 1.2f : median(gaps);
      float width = rightMargin - left;
      for (int i = 0; i < p.size(); i++) {
        Line l = p.get(i);
        if (first && heading == null && l.height() > bodyHeight * 1.3f) {
          // the headline: consecutive lines of the large type at the top
          StringBuilder h = new StringBuilder(l.text());
          while (i + 1 < p.size() && p.get(i + 1).height() > bodyHeight * 1.3f) {
            h.append(' ').append(p.get(++i).text());
          }
          heading = h.toString();
          prev = null;
          continue;
        }
        first = false;
        boolean breaks;
        if (prev == null) {
          breaks = true;
        } else if (prev.page != p) {
          // a page turn continues the paragraph unless the last one ended a sentence short
          breaks = ENDS_SENTENCE.matcher(prev.line.text()).matches() && shortLine(prev, width);
        } else {
          float gap = l.y() - prev.line.y();
          breaks =
              gap > spacing * 1.35f
                  || gap < 0
                  || l.x() - left > bodyHeight * 0.8f && prev.line.x() - left < bodyHeight * 0.4f
                  || ENDS_SENTENCE.matcher(prev.line.text()).matches() && shortLine(prev, width)
                  || Math.abs(l.height() - prev.line.height()) > bodyHeight * 0.3f;
        }
        if (breaks && para.length() > 0) {
          out.add(para.toString());
          para.setLength(0);
        }
        join(para, l.text());
        prev = new Prev(p, l, left);
      }
    }
    if (para.length() > 0) {
      out.add(para.toString());
    }
    return heading;
  }

  private record Prev(List<Line> page, Line line, float left) {}

  private static boolean shortLine(Prev p, float width) {
    return width > 0 && p.line.right() - p.left < width * 0.85f;
  }

  /** Appends a line to a paragraph: a word broken by a hyphen at the line's end is made whole. */
  private static void join(StringBuilder para, String line) {
    int n = para.length();
    if (n == 0) {
      para.append(line);
      return;
    }
    if (n >= 2
        && para.charAt(n - 1) == '-'
        && Character.isLowerCase(para.charAt(n - 2))
        && !line.isEmpty()
        && Character.isLowerCase(line.charAt(0))) {
      para.setLength(n - 1);
      para.append(line);
      return;
    }
    para.append(' ').append(line);
  }

  private static float median(List<Float> v) {
    List<Float> s = new ArrayList<>(v);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
