package dossier.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a file into text: a byte-order mark wins, then a charset the document declares
 * (HTML meta, XML declaration), then strict UTF-8, then statistical detection of legacy encodings.
 */
public final class Decoder {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]+)[\"']");

  private Decoder() {}

  /** The decoded text and the charset that decoded it. */
  public record Decoded(String text, Charset charset) {}

  public static Decoded decode(byte[] b) {
    return decode(b, null);
  }

  /**
   * Decodes {@code b}, the charset a server named in its Content-Type header ({@code header}, may
   * be null) coming before the one the page declares, and both before detection.
   */
  public static Decoded decode(byte[] b, Charset header) {
    Charset bom = bomCharset(b);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new Decoded(new String(b, skip, b.length - skip, bom), bom);
    }
    Charset utf16 = utf16WithoutBom(b);
    if (utf16 != null) {
      return new Decoded(new String(b, utf16), utf16);
    }
    Charset declared = header != null ? header : declaredCharset(b);
    if (declared != null && isSingleByte(declared) && hasMultiByteUtf8(b)) {
      // Pages re-saved as UTF-8 often keep their old legacy declaration; valid multi-byte UTF-8
      // almost never happens by chance in legacy text, so it wins over the declaration.
      String utf8 = strictDecode(b, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return new Decoded(utf8, StandardCharsets.UTF_8);
      }
    }
    if (declared != null) {
      String strict = strictDecode(b, declared);
      if (strict != null) {
        return new Decoded(strict, declared);
      }
    }
    if (header != null) {
      // a header the bytes do not fit: what the page itself says
      Charset page = declaredCharset(b);
      String strict = page == null ? null : strictDecode(b, page);
      if (strict != null) {
        return new Decoded(strict, page);
      }
    }
    String utf8 = strictDecode(b, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8);
    }
    Charset detected = detect(b);
    return new Decoded(new String(b, detected), detected);
  }

  static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** UTF-16 text without a BOM shows up as a NUL in every other byte of mostly-ASCII text. */
  static Charset utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, 4096) & ~1;
    if (n < 8) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) {
        evenZero++;
      }
      if (b[i + 1] == 0) {
        oddZero++;
      }
    }
    int pairs = n / 2;
    if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  static Charset declaredCharset(byte[] b) {
    int n = Math.min(b.length, 4096);
    if (indexOf(b, n, (byte) '<') < 0) {
      return null; // plain text declares nothing
    }
    String head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    String name = m.find() ? m.group(1) : null;
    if (name == null) {
      Matcher mm = META_CHARSET.matcher(head);
      name = mm.find() ? mm.group(1) : null;
    }
    if (name == null) {
      return null;
    }
    try {
      Charset cs = Charset.forName(name.trim());
      // Pages that say latin-1 nearly always mean windows-1252, as browsers assume.
      String canonical = cs.name().toLowerCase(Locale.ROOT);
      if (canonical.equals("iso-8859-1") || canonical.equals("us-ascii")) {
        return Charset.forName("windows-1252");
      }
      return cs;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean isSingleByte(Charset cs) {
    return cs.newEncoder().maxBytesPerChar() <= 1.0f;
  }

  private static boolean hasMultiByteUtf8(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      int c = b[i] & 0xff;
      if (c >= 0xC2 && c <= 0xF4 && (b[i + 1] & 0xC0) == 0x80) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] b, int n, byte x) {
    for (int i = 0; i < n; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  static String strictDecode(byte[] b, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      if (isAscii(b)) {
        return new String(b, StandardCharsets.ISO_8859_1); // ASCII reads the same either way
      }
      // The String constructor's decoder is much faster than a CharsetDecoder; it replaces what
      // is not UTF-8 with U+FFFD, so a text without U+FFFD was valid throughout. One with it is
      // decoded strictly, since the page may have written U+FFFD itself.
      String s = new String(b, StandardCharsets.UTF_8);
      if (s.indexOf('\uFFFD') < 0) {
        return s;
      }
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static Charset detect(byte[] b) {
    UniversalDetector d = new UniversalDetector();
    d.handleData(b, 0, Math.min(b.length, 1 << 20));
    d.dataEnd();
    String name = d.getDetectedCharset();
    if (name != null) {
      try {
        Charset cs = Charset.forName(name);
        if (!cs.equals(StandardCharsets.UTF_8) && strictDecode(b, cs) != null) {
          return cs;
        }
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // fall through to the usual legacy default
      }
    }
    return Charset.forName("windows-1252");
  }
}
