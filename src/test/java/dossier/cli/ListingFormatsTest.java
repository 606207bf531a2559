package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every listing command's script formats parse back with a real parser (JSON with Jackson, CSV and
 * TSV with Commons CSV) and carry the same rows and values.
 */
class ListingFormatsTest {
  @TempDir static Path tmp;
  static Cli cli;

  @BeforeAll
  static void archive() {
    cli = new Cli(tmp);
    for (String f : ImportCommandTest.FIXTURES) {
      cli.fixture(f);
    }
    ok(cli.run("import", "--tag", "fixtures", tmp.resolve("files").toString()));
    ok(cli.run("tag", "+ports/strikes", "+\"odd, tag\"", "--", "harbour"));
    ok(cli.run("note", "1", "A note with \"quotes\", a comma\nand a second line"));
    ok(cli.run("saved", "add", "ports", "tag:ports"));
    ok(cli.run("rules", "add", "library", "--tag", "culture"));
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.toString()).isZero();
    return r;
  }

  static Stream<List<String>> listings() {
    return Stream.of(
        List.of("list"),
        List.of("search", "the"),
        List.of("tags"),
        List.of("log"),
        List.of("saved", "list"),
        List.of("rules", "list"));
  }

  private static String run(List<String> cmd, String format) {
    List<String> args = new ArrayList<>(cmd);
    args.add("--format");
    args.add(format);
    return ok(cli.run(args.toArray(String[]::new))).out();
  }

  @ParameterizedTest
  @MethodSource("listings")
  void formatsParseBackAndAgree(List<String> cmd) throws Exception {
    List<JsonNode> fromJson = new ArrayList<>();
    JsonNode array = JSON.readTree(run(cmd, "json"));
    assertThat(array.isArray()).as(cmd + " json is an array").isTrue();
    array.forEach(fromJson::add);
    assertThat(fromJson).as(cmd + " lists something").isNotEmpty();

    List<JsonNode> fromNdjson = ImportCommandTest.ndjson(run(cmd, "ndjson"));
    assertThat(fromNdjson).as(cmd + " ndjson").isEqualTo(fromJson);

    for (String format : List.of("csv", "tsv")) {
      List<CSVRecord> rows = records(format, run(cmd, format));
      assertThat(rows).as(cmd + " " + format + " rows").hasSize(fromJson.size());
      for (int i = 0; i < rows.size(); i++) {
        Map<String, String> row = rows.get(i).toMap();
        JsonNode obj = fromJson.get(i);
        for (Map.Entry<String, String> cell : row.entrySet()) {
          JsonNode v = obj.get(cell.getKey());
          if (v != null && v.isValueNode() && !v.isNull()) {
            String value = format.equals("tsv") ? unescapeTsv(cell.getValue()) : cell.getValue();
            assertThat(value)
                .as(cmd + " " + format + " row " + i + " " + cell.getKey())
                .isEqualTo(v.asText());
          }
        }
      }
    }
  }

  /** A TSV cell as written: backslash escapes for tab, line breaks and the backslash. */
  static String unescapeTsv(String cell) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length()) {
        char n = cell.charAt(++i);
        b.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The rows of a csv or tsv listing, by the names in its header line. TSV is read as cut and awk
   * read it: no quotes, every tab a new cell, every line a new row.
   */
  static List<CSVRecord> records(String format, String text) throws IOException {
    CSVFormat f =
        (format.equals("csv")
                ? CSVFormat.RFC4180.builder()
                : CSVFormat.TDF.builder().setQuote(null).setIgnoreSurroundingSpaces(false))
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    return f.parse(new StringReader(text)).getRecords();
  }
}
