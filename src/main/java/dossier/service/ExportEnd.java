package dossier.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * The record a JSON or NDJSON export ends with: {@code {"dossier_export": {"articles": N}}}, the
 * last element of the array or the last line. Every line of an NDJSON file cut short still parses,
 * so without it an import could not tell a whole export from the first half of one. The writer and
 * the reader live here side by side.
 */
public final class ExportEnd {
  /** The one field of the end record. */
  public static final String FIELD = "dossier_export";

  private ExportEnd() {}

  /** Writes the end record of an export of {@code articles} articles. */
  public static void write(JsonGenerator g, long articles) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart(FIELD);
    g.writeNumberField("articles", articles);
    g.writeEndObject();
    g.writeEndObject();
  }

  /** True when {@code node} is an end record rather than an article. */
  public static boolean is(JsonNode node) {
    return node != null && node.isObject() && node.has(FIELD);
  }

  /**
   * What a whole file holds: how many articles, what its end record announces (-1: none), and
   * whether anything follows the end record.
   */
  public record Count(long articles, long announced, boolean afterEnd) {
    /** The problem that makes the file unfit to restore, or null. */
    public String problem(String name) {
      if (afterEnd) {
        return name + " has data after its end record: it is not one whole dossier export";
      }
      if (announced >= 0 && announced != articles) {
        return name
            + " holds "
            + articles
            + " of the "
            + announced
            + " articles its end record announces: it was cut short or edited; nothing was"
            + " restored from it";
      }
      return null;
    }
  }

  /**
   * Reads a whole export without keeping it, counting its articles; does not judge them. Fails with
   * the parser's error when the file is not JSON from end to end.
   */
  public static Count count(InputStream in) throws IOException {
    long n = 0;
    long announced = -1;
    boolean after = false;
    try (JsonParser p = new JsonFactory().createParser(in)) {
      JsonToken t = p.nextToken();
      boolean array = t == JsonToken.START_ARRAY;
      if (array) {
        t = p.nextToken();
      }
      while (t != null && t != JsonToken.END_ARRAY) {
        if (announced >= 0) {
          after = true;
        }
        long end = t == JsonToken.START_OBJECT ? endRecord(p) : -1;
        if (end >= 0) {
          announced = end;
        } else {
          p.skipChildren();
          n++;
        }
        t = p.nextToken();
      }
      if (array && t == JsonToken.END_ARRAY && p.nextToken() != null) {
        after = true;
      }
    }
    return new Count(n, announced, after);
  }

  /**
   * With the parser on an object's start: reads the object; returns the count of an end record,
   * else -1 (with the rest of the object skipped).
   */
  private static long endRecord(JsonParser p) throws IOException {
    long found = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (FIELD.equals(name) && v == JsonToken.START_OBJECT) {
        found = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String f = p.currentName();
          JsonToken fv = p.nextToken();
          if ("articles".equals(f) && fv == JsonToken.VALUE_NUMBER_INT) {
            found = p.getLongValue();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return found;
  }
}
