package dossier.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes PDFs for the tests with PDFBox: pages of a headline and wrapped paragraphs, a running
 * header and footer, document metadata. The text is the tests' own.
 */
public final class Pdfs {
  private final List<List<Item>> pages = new ArrayList<>();
  private String title;
  private Calendar created;
  private String header;
  private String footer;
  private boolean drawnBottomUp;

  private record Item(String text, float size, boolean indent, boolean gapBefore) {}

  public static Pdfs create() {
    Pdfs p = new Pdfs();
    p.pages.add(new ArrayList<>());
    return p;
  }

  public Pdfs title(String t) {
    title = t;
    return this;
  }

  public Pdfs created(int year, int month, int day) {
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    c.clear();
    c.set(year, month - 1, day, 12, 0, 0);
    created = c;
    return this;
  }

  /** A header on every page; {@code #} becomes the page number. */
  public Pdfs header(String h) {
    header = h;
    return this;
  }

  /** A footer on every page; {@code #} becomes the page number. */
  public Pdfs footer(String f) {
    footer = f;
    return this;
  }

  /** Draws each page's lines from the bottom up, so content order is not reading order. */
  public Pdfs drawnBottomUp() {
    drawnBottomUp = true;
    return this;
  }

  public Pdfs heading(String text) {
    current().add(new Item(text, 20, false, false));
    return this;
  }

  public Pdfs paragraph(String text) {
    current().add(new Item(text, 11, false, true));
    return this;
  }

  public Pdfs newPage() {
    pages.add(new ArrayList<>());
    return this;
  }

  private List<Item> current() {
    return pages.get(pages.size() - 1);
  }

  private record Placed(String text, float size, float x, float y) {}

  public byte[] bytes() {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      int n = 0;
      for (List<Item> items : pages) {
        n++;
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        List<Placed> placed = new ArrayList<>();
        float y = 780;
        if (header != null) {
          placed.add(new Placed(header.replace("#", String.valueOf(n)), 8, 50, 810));
        }
        for (Item it : items) {
          if (it.gapBefore()) {
            y -= 8;
          }
          for (String line : wrap(it.text(), it.size() > 12 ? 40 : 90)) {
            placed.add(new Placed(line, it.size(), 50, y));
            y -= it.size() * 1.3f;
          }
        }
        if (footer != null) {
          placed.add(new Placed(footer.replace("#", String.valueOf(n)), 8, 50, 25));
        }
        if (drawnBottomUp) {
          java.util.Collections.reverse(placed);
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          for (Placed p : placed) {
            cs.beginText();
            cs.setFont(font, p.size());
            cs.newLineAtOffset(p.x(), p.y());
            cs.showText(p.text());
            cs.endText();
          }
        }
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      if (title != null) {
        info.setTitle(title);
      }
      if (created != null) {
        info.setCreationDate(created);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF of one page with nothing but a drawn rectangle: what a scan without OCR looks like. */
  public static byte[] withoutText() {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.addRect(50, 50, 400, 600);
        cs.fill();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (String w : text.split(" ")) {
      if (b.length() > 0 && b.length() + 1 + w.length() > width) {
        lines.add(b.toString());
        b.setLength(0);
      }
      b.append(b.length() == 0 ? "" : " ").append(w);
    }
    if (b.length() > 0) {
      lines.add(b.toString());
    }
    return lines;
  }
}
