package dossier.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Status;
import dossier.core.Tags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article JSON of the spec, written and read back from {@link ArticleField}: the writer and its
 * reader side by side, so that whatever one writes the other restores (a round-trip test holds them
 * together).
 */
public final class ArticleJson {
  private ArticleJson() {}

  /**
   * Writes the fields of {@code a} in field order, without the braces, so callers can add their own
   * ({@code score}, {@code original}). {@code whole} adds the body and its Markdown rendition;
   * listings leave them out.
   */
  public static void write(JsonGenerator g, Article a, boolean whole) throws IOException {
    for (ArticleField f : ArticleField.values()) {
      if (f.isText() && !whole || f.isDerived()) {
        continue;
      }
      Object v = f.get(a);
      String name = f.json();
      switch (f.kind) {
        case ID -> {
          long id = (Long) v;
          if (id > 0) {
            g.writeNumberField(name, id);
          } else {
            g.writeNullField(name); // extract: not stored, so no id yet
          }
        }
        case TEXT -> g.writeStringField(name, (String) v);
        case LINES, TAGS -> writeList(g, name, strings(v));
        case STATUS -> g.writeStringField(name, ((Status) v).label());
        case BOOL -> g.writeBooleanField(name, (Boolean) v);
        case INT -> g.writeNumberField(name, (Integer) v);
        case ORIGINS -> {
          g.writeObjectFieldStart(name);
          for (Map.Entry<String, String> e : a.provenance().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
        }
      }
    }
  }

  static void writeList(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object v) {
    return (List<String>) v;
  }

  /**
   * The article an object of the article JSON describes: every field it has, defaults for those it
   * lacks (status new, no tags); tags normalized, the status checked (a bad one is a {@link
   * dossier.core.UsageException}).
   */
  public static Article read(JsonNode o) {
    Object[] v = new Object[ArticleField.values().length];
    for (ArticleField f : ArticleField.values()) {
      JsonNode n = o.get(f.json());
      if (n == null || n.isNull()) {
        continue;
      }
      v[f.ordinal()] =
          switch (f.kind) {
            case ID -> n.asLong(0);
            case TEXT -> n.asText();
            case LINES -> list(n);
            case TAGS -> {
              List<String> tags = new ArrayList<>();
              for (String t : list(n)) {
                tags.add(Tags.normalize(t));
              }
              yield tags;
            }
            case STATUS -> Status.parse(n.asText());
            case BOOL -> n.asBoolean(false);
            case INT -> n.canConvertToInt() ? n.asInt() : null;
            case ORIGINS -> {
              Map<String, String> m = new LinkedHashMap<>();
              n.fields()
                  .forEachRemaining(
                      e -> {
                        if (e.getValue().isTextual()) {
                          m.put(e.getKey(), e.getValue().asText());
                        }
                      });
              yield m;
            }
          };
    }
    @SuppressWarnings("unchecked")
    Map<String, String> origins = (Map<String, String>) v[ArticleField.PROVENANCE.ordinal()];
    v[ArticleField.PROVENANCE.ordinal()] = null;
    Article a = Article.of(v);
    return origins == null ? a : a.withProvenance(origins);
  }

  private static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    }
    return out;
  }
}
