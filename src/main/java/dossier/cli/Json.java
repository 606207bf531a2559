package dossier.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dossier.core.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The article JSON shape of the spec, written with Jackson's streaming generator. */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * A generator that escapes every control character, C1 controls, line separators and
   * bidirectional overrides included.
   */
  static JsonGenerator generator(Writer w, boolean pretty) {
    try {
      JsonGenerator g = FACTORY.createGenerator(w);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setCharacterEscapes(SafeEscapes.INSTANCE);
      // NDJSON: objects are separated by our newlines, not by Jackson's default space
      g.setRootValueSeparator(null);
      if (pretty) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pp);
      }
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the fields of {@code a}, without the braces, so callers can add their own; {@code whole}
   * adds the body and its Markdown rendition (listings leave them out).
   */
  static void writeFields(JsonGenerator g, Article a, boolean whole) throws IOException {
    dossier.service.ArticleJson.write(g, a, whole);
  }

  /** One whole article as a pretty-printed object on its own lines. */
  static void writeArticle(java.io.PrintWriter out, Article a) {
    try {
      JsonGenerator g = generator(out, true);
      g.writeStartObject();
      writeFields(g, a, true);
      g.writeEndObject();
      g.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class SafeEscapes extends CharacterEscapes {
    static final SafeEscapes INSTANCE = new SafeEscapes();
    private final int[] ascii;

    private SafeEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // bidirectional overrides too: valid JSON either way, but raw they reorder what a
      // terminal shows
      if ((ch >= 0x80 && ch <= 0x9f)
          || ch == 0x2028
          || ch == 0x2029
          || (ch >= 0x202a && ch <= 0x202e)
          || (ch >= 0x2066 && ch <= 0x2069)) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
