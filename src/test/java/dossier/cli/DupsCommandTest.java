package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-duplicate copies end to end: import reports them, dups groups them, queries select them. */
class DupsCommandTest {
  @TempDir Path tmp;
  Cli cli;
  Path wire;

  /** A wire story of ten paragraphs the test made up. */
  static List<String> story() {
    List<String> p = new ArrayList<>();
    String[] who = {
      "The port authority",
      "A union official",
      "Dock workers",
      "The shipping line",
      "Harbour police",
      "The city council",
      "Fishermen",
      "A ferry operator",
      "Local traders",
      "The transport minister"
    };
    for (int i = 0; i < who.length; i++) {
      p.add(
          who[i]
              + " said on Tuesday that the strike at the eastern quay, now in its "
              + (i + 3)
              + "th day, had left "
              + (i * 40 + 120)
              + " containers waiting and berth number "
              + i
              + " closed until talks resume.");
    }
    return p;
  }

  static String file(String title, List<String> paragraphs) {
    return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
  }

  @BeforeEach
  void setUp() throws IOException {
    cli = new Cli(tmp);
    wire = tmp.resolve("wire");
    Files.createDirectories(wire);
    List<String> original = story();
    Files.writeString(
        wire.resolve("a-original.txt"), file("Harbour strike enters second week", original));
    List<String> trimmed = new ArrayList<>(original.subList(0, 7));
    trimmed.add(0, "From the Valley Post newsroom:");
    Files.writeString(wire.resolve("b-trimmed.txt"), file("Latest: quay strike drags on", trimmed));
    List<String> extended = new ArrayList<>(original);
    extended.add(extended.remove(2));
    extended.add(
        "The eastern quay was rebuilt in 1998 and handles most of the region's grain and"
            + " timber exports, which traders fear will now go by road.");
    Files.writeString(wire.resolve("c-extended.txt"), file("Strike: containers pile up", extended));
    List<String> other = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      other.add(
          "The library on Elm Street reopened its reading room "
              + i
              + " after a flood,"
              + " and volunteers sorted "
              + (i * 90)
              + " damaged books by hand over the weekend.");
    }
    Files.writeString(wire.resolve("d-other.txt"), file("Library reopens after flood", other));
  }

  @Test
  void importLinksCopiesToTheOriginalAndSaysSo() throws IOException {
    Cli.Result r = cli.run("import", wire.toString(), "--json");
    assertThat(r.code()).as(r.toString()).isZero();
    List<JsonNode> o = ImportCommandTest.ndjson(r.out());
    assertThat(o).hasSize(4);
    long original = o.get(0).get("id").asLong();
    assertThat(o.get(0).get("status").asText()).isEqualTo("imported");
    assertThat(o.get(1).get("status").asText()).isEqualTo("near-duplicate");
    assertThat(o.get(1).get("copy_of").asLong()).isEqualTo(original);
    assertThat(o.get(2).get("status").asText()).isEqualTo("near-duplicate");
    assertThat(o.get(2).get("copy_of").asLong()).isEqualTo(original);
    assertThat(o.get(3).get("status").asText()).isEqualTo("imported");
    assertThat(o.get(3).has("copy_of")).isFalse();
    assertThat(r.err()).contains("2 near-duplicates stored");

    // stored and marked: is:copy and similar: select them
    assertThat(cli.run("list", "--format", "ids").lines()).hasSize(4);
    assertThat(cli.run("list", "is:copy", "--format", "ids").lines())
        .containsExactlyInAnyOrder(o.get(1).get("id").asText(), o.get(2).get("id").asText());
    assertThat(cli.run("list", "similar:" + o.get(1).get("id").asText(), "--format", "ids").lines())
        .containsExactlyInAnyOrder(String.valueOf(original), o.get(2).get("id").asText());
    assertThat(cli.run("list", "-is:copy", "--format", "ids").lines()).hasSize(2);

    // show names them
    assertThat(cli.run("show", String.valueOf(original)).out())
        .contains("Copies: #" + o.get(1).get("id").asText() + ", #" + o.get(2).get("id").asText());
    assertThat(cli.run("show", o.get(1).get("id").asText()).out())
        .contains("A near-duplicate copy of #" + original);

    // dups: the group, earliest first, with what differs
    Cli.Result d = cli.run("dups");
    assertThat(d.code()).isZero();
    assertThat(d.lines()).hasSize(3);
    assertThat(d.lines().get(0)).startsWith("#" + original).endsWith("(original)");
    assertThat(d.lines().get(1)).contains("new title", "1 paragraph added", "3 paragraphs cut");
    assertThat(d.lines().get(2)).contains("1 paragraph added", "paragraphs reordered");
    assertThat(cli.run("dups", "library").out()).isEmpty();
    assertThat(cli.run("dups", "containers").lines()).hasSize(3);
    JsonNode g = ImportCommandTest.ndjson(cli.run("dups", "--format", "ndjson").out()).get(0);
    assertThat(g.get("original").get("id").asLong()).isEqualTo(original);
    assertThat(g.get("copies")).hasSize(2);
    assertThat(g.get("copies").get(0).get("containment").asDouble()).isGreaterThan(0.6);
  }

  @Test
  void skipNearLeavesCopiesOutAndAnotherImportFindsStoredOriginals() throws IOException {
    Path first = tmp.resolve("first");
    Files.createDirectories(first);
    Files.move(wire.resolve("a-original.txt"), first.resolve("a-original.txt"));
    assertThat(cli.run("import", first.toString()).code()).isZero();
    Cli.Result r = cli.run("import", wire.toString(), "--on-duplicate", "skip-near", "--verbose");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("near-duplicate of 1: ").contains("(left out)");
    assertThat(r.err()).contains("imported 1, 0 duplicates, 2 near-duplicates left out");
    // a quiet import (a nightly cron job) counts them in its summary and names none
    Cli.Result again = cli.run("import", wire.toString(), "--on-duplicate", "skip-near");
    assertThat(again.err()).doesNotContain("near-duplicate of").contains("2 near-duplicates");
    assertThat(cli.run("list", "--format", "ids").lines()).hasSize(2);
    assertThat(cli.run("list", "is:copy", "--format", "ids").out()).isEmpty();
  }

  /** The one file of the wire folder named {@code name}, moved to a folder of its own. */
  private Path alone(String name) throws IOException {
    Path dir = tmp.resolve("alone-" + name);
    Files.createDirectories(dir);
    return Files.move(wire.resolve(name), dir.resolve(name));
  }

  private static String status(Cli.Result r) throws IOException {
    assertThat(r.code()).as(r.toString()).isZero();
    return ImportCommandTest.ndjson(r.out()).get(0).get("status").asText();
  }

  @Test
  void aRestoredArticleIsFoundAsTheOriginalOfALaterCopy() throws IOException {
    Path original = alone("a-original.txt");
    Path copy = alone("b-trimmed.txt");
    cli.ok("import", original.toString());
    Path export = tmp.resolve("archive.ndjson");
    cli.ok("export", "--format", "ndjson", "-o", export.toString());

    Cli restored = new Cli(tmp.resolve("restored"));
    restored.ok("import", export.toString());
    assertThat(status(restored.run("import", copy.toString(), "--format", "ndjson")))
        .isEqualTo("near-duplicate");
    assertThat(restored.run("list", "is:copy", "--format", "ids").lines()).hasSize(1);
  }

  @Test
  void reextractGivesAnArticleStoredWithoutAFingerprintOne() throws Exception {
    Path original = alone("a-original.txt");
    Path copy = alone("b-trimmed.txt");
    cli.ok("import", original.toString());
    // as an archive of migration 010 left it, before fingerprints were kept
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        var st = c.createStatement()) {
      st.execute("DELETE FROM fingerprints");
      st.execute("DELETE FROM lsh_bands");
      st.execute("DELETE FROM lsh_recent");
    }
    cli.ok("reextract");
    assertThat(status(cli.run("import", copy.toString(), "--format", "ndjson")))
        .isEqualTo("near-duplicate");
  }

  @Test
  void undoingAnUpdateFindsCopiesByTheTextPutBack() throws IOException {
    Path original = alone("a-original.txt");
    Path other = alone("d-other.txt");
    Path copy = alone("b-trimmed.txt");
    cli.ok("import", original.toString());
    // the file at the same path now holds the library story: a new version of article 1
    Files.copy(other, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(
            status(
                cli.run(
                    "import",
                    original.toString(),
                    "--on-duplicate",
                    "version",
                    "--format",
                    "ndjson")))
        .isEqualTo("updated");
    assertThat(status(cli.run("import", copy.toString(), "--format", "ndjson", "--dry-run")))
        .isEqualTo("imported");
    cli.ok("undo");
    assertThat(status(cli.run("import", copy.toString(), "--format", "ndjson")))
        .isEqualTo("near-duplicate");
  }

  @Test
  void badSimilarIdIsAUsageError() {
    Cli.Result r = cli.run("list", "similar:abc");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad id 'abc' at column 1 (expected similar:42)");
    Cli.Result o = cli.run("import", wire.toString(), "--on-duplicate", "near");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--on-duplicate takes one of").contains("skip-near, got 'near'");
  }
}
