package dossier.ingest;

import dossier.core.Extracted;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Picks the extractor for a file and runs it: the one entry point import and extract use. */
public final class Extractors {
  private Extractors() {}

  static final int MAX_INFLATED = 64 << 20;

  /**
   * Extracts the article in {@code bytes}.
   *
   * @param fileName the file's name, for its extension (may be null for stdin)
   * @param format the format to assume, or {@link Format#AUTO} to decide from name and content
   * @throws ExtractionException when the bytes are not an article (binary, empty)
   */
  public static Extracted extract(byte[] bytes, String fileName, Format format) {
    return extract(bytes, fileName, format, null);
  }

  /**
   * Extracts the article in {@code bytes} as {@link #extract(byte[], String, Format)} does, with
   * the charset a server's Content-Type header named ({@code headerCharset}, may be null) taking
   * precedence over the page's own declaration.
   */
  public static Extracted extract(
      byte[] bytes, String fileName, Format format, java.nio.charset.Charset headerCharset) {
    if (isGzip(bytes)) {
      bytes = gunzip(bytes);
    }
    if (bytes.length == 0) {
      throw new ExtractionException("empty file");
    }
    if (format == Format.PDF || format == Format.AUTO && PdfExtractor.isPdf(bytes)) {
      if (!PdfExtractor.isPdf(bytes)) {
        throw new ExtractionException("not a PDF (no %PDF- header)");
      }
      return PdfExtractor.extract(bytes);
    }
    if (looksBinary(bytes)) {
      throw new ExtractionException("binary file, not text, HTML, Markdown or PDF");
    }
    String text = Decoder.decode(bytes, headerCharset).text();
    Format f = format == Format.AUTO ? decideFormat(fileName, text) : format;
    Extracted x =
        switch (f) {
          case HTML -> HtmlExtractor.extract(text);
          case MARKDOWN -> MarkdownExtractor.extract(text);
          default -> TextExtractor.extract(text);
        };
    if (x.body().isBlank()) {
      throw new ExtractionException("no article text found");
    }
    if (x.body().indexOf('\u0000') >= 0 || x.title().indexOf('\u0000') >= 0) {
      // A NUL (raw, or as &#0; in a page) would cut text short in C code that reads it;
      // browsers show U+FFFD for it, and so does dossier. Other control characters are kept,
      // and the printers show them as placeholders.
      x =
          new Extracted(
              x.title().replace('\u0000', '\uFFFD'),
              x.source(),
              x.authors(),
              x.published(),
              x.url(),
              x.section(),
              x.lang(),
              x.caption() == null ? null : x.caption().replace('\u0000', '\uFFFD'),
              x.body().replace('\u0000', '\uFFFD'),
              x.suggestedTags(),
              x.format(),
              x.markdown() == null ? null : x.markdown().replace('\u0000', '\uFFFD'),
              x.provenance());
    }
    return x;
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /** Inflates gzip data, refusing output past {@link #MAX_INFLATED} bytes (a gzip bomb). */
  static byte[] gunzip(byte[] b) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, b.length * 4));
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_INFLATED) {
          throw new ExtractionException("gzip data inflates past " + (MAX_INFLATED >> 20) + " MB");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ExtractionException("broken gzip data: " + e.getMessage());
    }
  }

  static Format decideFormat(String fileName, String text) {
    Format byName = fileName == null ? Format.AUTO : Format.fromFileName(fileName);
    String head = text.stripLeading();
    String lower = head.substring(0, Math.min(head.length(), 1024)).toLowerCase(Locale.ROOT);
    // A page saved under a text name is still a page: the markup says so unmistakably.
    if (byName == Format.TEXT
        && (lower.startsWith("<!doctype html") || lower.startsWith("<html"))) {
      return Format.HTML;
    }
    if (byName != Format.AUTO) {
      return byName;
    }
    if (lower.startsWith("<!doctype html")
        || lower.startsWith("<html")
        || lower.startsWith("<?xml")
        || lower.contains("<body")
        || lower.contains("<head")) {
      return Format.HTML;
    }
    if (head.startsWith("---\n") || head.startsWith("---\r\n") || head.startsWith("# ")) {
      return Format.MARKDOWN;
    }
    return Format.TEXT;
  }

  /**
   * A file is binary when its first 8 KB hold a NUL byte (outside UTF-16) or many bytes that no
   * text encoding uses.
   */
  static boolean looksBinary(byte[] b) {
    if (Decoder.bomCharset(b) != null || Decoder.utf16WithoutBom(b) != null) {
      return false;
    }
    int n = Math.min(b.length, 8192);
    int odd = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
        odd++;
      }
    }
    return n > 0 && odd > n / 20;
  }
}
