package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.GoldenFiles;
import dossier.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole of {@code dossier extract --format json} for every demo article in {@code samples/} and
 * every extraction fixture ({@code src/test/resources/extract/} and {@code
 * src/test/resources/golden/extract/}), compared field by field with the committed answer in {@code
 * src/test/resources/golden/extraction/}: a title, a date, a dropped, merged or added paragraph
 * anywhere in the body each fail with the field and the file they belong to.
 *
 * <p>The committed files are the command's JSON with two changes that keep them readable and
 * portable: {@code body} is the list of its paragraphs, and {@code path} is the file's place in the
 * repository rather than where it is checked out. After a deliberate change to extraction, refresh
 * them with {@code mvn test -Dtest=ExtractionGoldenTest -Ddossier.update=true} and read the diff.
 */
class ExtractionGoldenTest {
  static final Path PROJECT = Cli.projectDir();
  static final Path EXPECTED = PROJECT.resolve("src/test/resources/golden/extraction");
  static final List<String> INPUTS =
      List.of("samples", "src/test/resources/extract", "src/test/resources/golden/inputs");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Every input file, as its path inside the repository. */
  static Stream<String> inputs() throws IOException {
    List<String> files = new ArrayList<>();
    for (String dir : INPUTS) {
      try (Stream<Path> list = Files.list(PROJECT.resolve(dir))) {
        list.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().equals("README.md"))
            .map(p -> PROJECT.relativize(p).toString())
            .sorted()
            .forEach(files::add);
      }
    }
    return files.stream();
  }

  /** What extract prints for {@code file}, in the committed form. */
  private ObjectNode extract(String file) throws IOException {
    Cli.Result r =
        new Cli(tmp).run("extract", "--format", "json", PROJECT.resolve(file).toString());
    assertThat(r.code()).as(r.toString()).isZero();
    ObjectNode x = (ObjectNode) JSON.readTree(r.out());
    x.put("path", file);
    ArrayNode paragraphs = JSON.createArrayNode();
    for (String p : x.get("body").asText().split("\n\n", -1)) {
      paragraphs.add(p);
    }
    x.set("body", paragraphs);
    return x;
  }

  private static String pretty(JsonNode x) throws IOException {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    return JSON.writer(printer).writeValueAsString(x).replace("\r\n", "\n") + "\n";
  }

  /** Where the answer for the input {@code file} is committed. */
  private static Path golden(String file) {
    Path p = Path.of(file);
    return EXPECTED
        .resolve(p.getParent().getFileName().toString())
        .resolve(p.getFileName() + ".json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void extractGivesTheCommittedJson(String file) throws IOException {
    ObjectNode actual = extract(file);
    String committed = GoldenFiles.expected(golden(file), pretty(actual));
    assertThat(committed)
        .as("no golden file for %s; %s", file, GoldenFiles.refresh("ExtractionGoldenTest"))
        .isNotNull();
    JsonNode expected = JSON.readTree(committed);
    Set<String> fields = new LinkedHashSet<>();
    expected.fieldNames().forEachRemaining(fields::add);
    actual.fieldNames().forEachRemaining(fields::add);
    SoftAssertions soft = new SoftAssertions();
    for (String f : fields) {
      String what = file + ": " + f + "; " + GoldenFiles.refresh("ExtractionGoldenTest");
      if (f.equals("body")) {
        soft.assertThat(texts(actual.get(f)))
            .as(what)
            .containsExactlyElementsOf(texts(expected.get(f)));
      } else {
        soft.assertThat(actual.get(f)).as(what).isEqualTo(expected.get(f));
      }
    }
    soft.assertAll();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        out.add(it.next().asText());
      }
    }
    return out;
  }

  @Test
  void everyGoldenFileBelongsToAnInput() throws IOException {
    Set<Path> wanted = new LinkedHashSet<>();
    inputs().forEach(f -> wanted.add(golden(f)));
    List<Path> committed;
    try (Stream<Path> files = Files.walk(EXPECTED)) {
      committed = files.filter(Files::isRegularFile).toList();
    }
    assertThat(committed).as("golden files whose input is gone").isSubsetOf(wanted);
  }
}
