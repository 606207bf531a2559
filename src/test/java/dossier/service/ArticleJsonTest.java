package dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The article JSON's writer and its reader agree on every field of {@link ArticleField}. */
class ArticleJsonTest {
  static Article full() {
    Map<String, String> origins = new LinkedHashMap<>();
    origins.put("title", "json-ld");
    origins.put("source", "caption credit");
    origins.put("section", "edit"); // a person emptied it on purpose
    origins.put("url", "command line");
    origins.put("authors", "byline line");
    return new Article(
            42,
            "Dam talks stall",
            "The Daily Meridian",
            List.of("Ana Reyes", "Ben Ode"),
            "2024-08-15T09:30:00Z",
            "https://example.org/dam",
            null,
            "en",
            "The quay at dawn",
            List.of("kelmar/economy", "Review Later"),
            Status.REVIEWED,
            true,
            "check the figures\nagainst the ministry's",
            123,
            "2024-08-16T10:00:00Z",
            "/home/u/dam.txt",
            "ab".repeat(32),
            "text",
            List.of("water", "dams"),
            Map.of(),
            "First paragraph.\n\nSecond.",
            "## First\n\n- a list")
        .withProvenance(origins);
  }

  private static String json(Article a, boolean whole) throws IOException {
    StringWriter w = new StringWriter();
    JsonGenerator g = new JsonFactory().createGenerator(w);
    g.writeStartObject();
    ArticleJson.write(g, a, whole);
    g.writeEndObject();
    g.flush();
    return w.toString();
  }

  @Test
  void whatIsWrittenIsReadBackWhole() throws Exception {
    Article a = full();
    String json = json(a, true);
    Article back = ArticleJson.read(new ObjectMapper().readTree(json));
    assertThat(back).isEqualTo(a);
    for (ArticleField f : ArticleField.values()) {
      if (f.isDerived()) {
        // worked out from another field, for the archive's index: not part of the record
        assertThat(json).as(f.json()).doesNotContain("\"" + f.json() + "\":");
      } else {
        assertThat(json).as(f.json()).contains("\"" + f.json() + "\":");
      }
    }
    // in field order, whatever order they were given in
    assertThat(json)
        .contains(
            "\"provenance\":{\"title\":\"json-ld\",\"source\":\"caption credit\","
                + "\"authors\":\"byline line\",\"url\":\"command line\",\"section\":\"edit\"}");
    assertThat(back.pinned(ArticleField.SECTION)).isTrue();
    assertThat(back.pinned(ArticleField.SOURCE)).isFalse();
  }

  @Test
  void listingsLeaveOutTheBodyAndItsRendition() throws Exception {
    String json = json(full(), false);
    assertThat(json).doesNotContain("\"body\"").doesNotContain("\"markdown\"");
    assertThat(json).contains("\"provenance\":{");
  }

  @Test
  void anOriginWithoutAValueIsDropped() {
    Article a = full().withProvenance(Map.of("lang", "html lang", "caption", "figure caption"));
    Article b = a.withSource(null).withProvenance(Map.of("source", "json-ld", "lang", "html lang"));
    assertThat(b.provenance()).containsOnlyKeys("lang");
  }
}
