package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An export imported into an empty archive and exported again is the same file, byte for byte:
 * every stored field (ids, import times, paths, formats, suggested tags, provenance, the Markdown
 * rendition, tags, notes, statuses, stars, edits) comes back, and an export without originals
 * restores articles that have none rather than ones made up.
 */
class RoundTripTest {
  @TempDir Path tmp;

  /** The samples with a person's work on them: tags, notes, statuses, stars, edits. */
  private Cli samples() {
    Cli cli = new Cli(tmp.resolve("a"));
    Cli.Result imp = cli.run("import", Cli.samples().toString());
    assertThat(imp.code()).as(imp.toString()).isZero();
    work(cli, List.of(1L, 2L, 3L, 4L, 5L));
    return cli;
  }

  private static void work(Cli cli, List<Long> ids) {
    run(
        cli,
        "tag",
        "+kelmar/economy",
        "+Review Later",
        "--",
        "id:" + ids.get(0) + "," + ids.get(1));
    run(cli, "note", ids.get(1).toString(), "check the figures\nagainst the ministry's");
    run(cli, "mark", "reviewed", "--star", "--", "id:" + ids.get(2));
    run(cli, "mark", "archived", "--", "id:" + ids.get(3));
    run(cli, "edit", ids.get(0).toString(), "--source", "", "--date", "2024-08-15");
    run(cli, "edit", ids.get(4).toString(), "--author", "Ana Reyes", "--author", "Ben Ode");
  }

  private static Cli.Result run(Cli cli, String... args) {
    Cli.Result r = cli.run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  /** Exports {@code from}, imports that into an empty archive, and exports it again. */
  private void roundTrip(Cli from, String format, boolean originals, String name)
      throws IOException {
    List<String> opts = new ArrayList<>(List.of("export", "--format", format));
    if (!originals) {
      opts.add("--no-originals");
    }
    Path first = tmp.resolve(name + "-1." + format);
    Path second = tmp.resolve(name + "-2." + format);
    List<String> a = new ArrayList<>(opts);
    a.addAll(List.of("-o", first.toString()));
    run(from, a.toArray(String[]::new));

    Cli empty = new Cli(tmp.resolve(name + "-b"));
    Cli.Result imp = run(empty, "import", first.toString());
    assertThat(imp.err()).contains(" 0 failed");
    List<String> b = new ArrayList<>(opts);
    b.addAll(List.of("-o", second.toString()));
    run(empty, b.toArray(String[]::new));

    String one = Files.readString(first, StandardCharsets.UTF_8);
    assertThat(one)
        .contains("\"provenance\"", "\"format\"", "\"suggested_tags\"", "\"edit\"", "check the");
    assertThat(Files.readString(second, StandardCharsets.UTF_8))
        .as(
            "%s export %s originals, imported and exported again",
            format, originals ? "with" : "without")
        .isEqualTo(one);
    if (!originals) {
      // nothing was made up: the restored articles have no original, and say so
      Cli.Result withOriginals = run(empty, "export", "--format", "ndjson");
      assertThat(withOriginals.out()).doesNotContain("\"original\"");
      Cli.Result raw = empty.run("show", "1", "--format", "raw");
      assertThat(raw.code()).isEqualTo(4);
      assertThat(raw.err()).contains("has no stored original");
      Cli.Result re = empty.run("reextract");
      assertThat(re.code()).as(re.toString()).isZero();
      assertThat(re.err()).contains("changed 0").contains("without an original");
    }
  }

  @ParameterizedTest(name = "{0}, originals {1}")
  @CsvSource({"json, true", "json, false", "ndjson, true", "ndjson, false"})
  void theSamplesComeBackIdentical(String format, boolean originals) throws IOException {
    roundTrip(samples(), format, originals, "samples");
  }

  @Test
  void aGeneratedArchiveComesBackIdentical() throws IOException {
    Cli cli = new Cli(tmp.resolve("gen"));
    Path dir = tmp.resolve("gen-files");
    Files.createDirectories(dir);
    Random r = new Random(7);
    String[] words = {
      "harbour", "levy", "council", "river", "drought", "tender", "court", "pipeline", "vote"
    };
    for (int i = 0; i < 60; i++) {
      StringBuilder t = new StringBuilder();
      t.append("The ").append(words[r.nextInt(words.length)]).append(" story number ").append(i);
      t.append("\n\n");
      if (r.nextBoolean()) {
        t.append("By Writer ").append((char) ('A' + r.nextInt(26))).append(" Example\n\n");
      }
      if (r.nextInt(3) > 0) {
        t.append("Published 2024-0").append(1 + r.nextInt(9)).append("-1").append(r.nextInt(9));
        t.append("\n\n");
      }
      for (int p = 0; p < 4 + r.nextInt(3); p++) {
        for (int w = 0; w < 30 + r.nextInt(20); w++) {
          t.append(words[r.nextInt(words.length)]).append(w % 7 == 6 ? ". " : " ");
        }
        t.append("\n\n");
      }
      Files.writeString(dir.resolve("story-" + i + ".txt"), t.toString(), StandardCharsets.UTF_8);
    }
    run(cli, "import", dir.toString(), "--tag", "generated");
    for (int k = 0; k < 10; k++) {
      work(cli, List.of(1L + k * 5, 2L + k * 5, 3L + k * 5, 4L + k * 5, 5L + k * 5));
    }
    // a deletion taken back keeps the trash path honest too
    run(cli, "rm", "--yes", "--", "id:7");
    run(cli, "undo");
    for (String format : List.of("json", "ndjson")) {
      roundTrip(cli, format, true, "gen-" + format + "-o");
      roundTrip(cli, format, false, "gen-" + format);
    }
  }
}
