package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One JSON style in every command that prints JSON: --format json is one pretty-printed document
 * (several for show, one after another), --format ndjson one compact object a line; keys are
 * snake_case; dossier's own times are UTC to the second with a Z; an article has every field of its
 * shape, null where there is no value, in every command that prints one.
 */
class JsonStyleTest {
  @TempDir Path tmp;
  Cli cli;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A time dossier wrote: when it imported, when a change was made. */
  private static final String OUR_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    for (String f : ImportCommandTest.FIXTURES) {
      cli.fixture(f);
    }
    cli.ok("import", tmp.resolve("files").toString());
    cli.ok("tag", "+energy", "--", "the");
    cli.ok("note", "1", "a note");
    cli.ok("saved", "add", "libraries", "library");
    cli.ok("rules", "add", "harbour", "--tag", "ports");
  }

  /** Every command and format that prints JSON, as a user would type it. */
  private List<List<String>> commands() {
    String file = tmp.resolve("files").resolve(ImportCommandTest.FIXTURES[0]).toString();
    List<List<String>> out = new ArrayList<>();
    for (String f : List.of("json", "ndjson")) {
      out.add(List.of("list", "--format", f));
      out.add(List.of("search", "the", "--format", f));
      out.add(List.of("search", "the", "--sort", "oldest", "--format", f));
      out.add(List.of("tags", "--format", f));
      out.add(List.of("log", "--format", f));
      out.add(List.of("saved", "list", "--format", f));
      out.add(List.of("rules", "list", "--format", f));
      out.add(List.of("suggest", "1", "--format", f));
      out.add(List.of("dups", "--format", f));
      out.add(List.of("export", "--format", f));
    }
    out.add(List.of("show", "1", "2", "--format", "json"));
    out.add(List.of("extract", file, "--format", "json"));
    out.add(List.of("stats", "--format", "json"));
    out.add(List.of("db", "info", "--format", "json"));
    out.add(List.of("import", file, "--format", "ndjson"));
    out.add(List.of("import", file, "--json"));
    return out;
  }

  @Test
  void everyJsonOutputHasOneStyle() throws IOException {
    Set<String> articleKeys = null;
    for (List<String> c : commands()) {
      String what = String.join(" ", c);
      Cli.Result r = cli.run(c.toArray(String[]::new));
      assertThat(r.code()).as("%s: %s", what, r.err()).isZero();
      boolean ndjson = c.contains("ndjson") || c.contains("--json");
      List<JsonNode> docs = ndjson ? lines(what, r.out()) : documents(what, r.out());
      if (!ndjson) {
        // (ndjson of nothing is no line at all: dups without copies)
        assertThat(docs).as(what).isNotEmpty();
      }
      for (JsonNode d : docs) {
        List<JsonNode> articles = new ArrayList<>();
        walk(what, d, articles);
        for (JsonNode a : articles) {
          Set<String> keys = keys(a);
          // what some commands add to the shape: the text (show, export), the original bytes
          // (export), a hit's score and snippet (search)
          keys.removeAll(Set.of("body", "markdown", "original", "score", "snippet"));
          if (articleKeys == null) {
            articleKeys = keys;
          }
          assertThat(keys).as("the article fields of %s", what).isEqualTo(articleKeys);
        }
      }
    }
    assertThat(articleKeys).contains("published", "url", "note", "imported", "content_hash");
  }

  /** ndjson: one compact object a line, as the compact generator writes it. */
  private static List<JsonNode> lines(String what, String out) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      assertThat(n.isObject()).as("%s: one object a line: %s", what, line).isTrue();
      assertThat(line).as("%s: compact", what).isEqualTo(write(n, false));
      docs.add(n);
    }
    return docs;
  }

  /**
   * json: pretty-printed documents (one, or one an article for show), each as the printer writes.
   */
  private static List<JsonNode> documents(String what, String out) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    StringBuilder again = new StringBuilder();
    // a parser of its own: readValues would take a top-level array apart into its elements
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(out)) {
      while (p.nextToken() != null) {
        JsonNode n = JSON.readTree(p);
        docs.add(n);
        again.append(write(n, true)).append('\n');
      }
    }
    assertThat(out).as("%s: pretty-printed in the one style", what).isEqualTo(again.toString());
    return docs;
  }

  private static String write(JsonNode n, boolean pretty) throws IOException {
    StringWriter w = new StringWriter();
    JsonGenerator g = Json.generator(w, pretty);
    JSON.writeTree(g, n);
    g.flush();
    return w.toString();
  }

  /** Checks keys and times everywhere in {@code n}; collects the article objects found. */
  private static void walk(String what, JsonNode n, List<JsonNode> articles) {
    if (n.isObject()) {
      if (n.has("content_hash")) {
        articles.add(n);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String key = f.getKey();
        JsonNode v = f.getValue();
        if (!n.has("content_hash") || !key.equals("provenance")) {
          assertThat(key).as("%s: a snake_case key", what).matches("[a-z][a-z0-9_]*");
        }
        if (v.isTextual() && v.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
          if (key.equals("published")) {
            // a page's own time, as the page gave it
            assertThat(v.asText()).as("%s: %s", what, key).matches("\\d{4}-\\d{2}-\\d{2}T.+");
          } else {
            assertThat(v.asText()).as("%s: %s in UTC to the second", what, key).matches(OUR_TIME);
          }
        }
        if (key.equals("imported") || key.equals("at")) {
          assertThat(v.isNull() || v.asText().matches(OUR_TIME)).as("%s: %s", what, key).isTrue();
        }
        walk(what, v, articles);
      }
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        walk(what, e, articles);
      }
    }
  }

  private static Set<String> keys(JsonNode n) {
    Set<String> out = new TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
