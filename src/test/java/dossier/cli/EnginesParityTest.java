package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.store.PgCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commands give the same answers on a SQLite file and on a PostgreSQL database: each step
 * runs through the real command line against both archives, and what they print is compared (the
 * same ids in the same order, the same JSON), with only what must differ masked: the time of an
 * import or a change, and a search's scores and snippets, which the two engines' rankings compute
 * differently (the order of a date sort is compared as it is).
 */
class EnginesParityTest {
  @TempDir Path dir;
  Cli sqlite;
  Cli pg;

  @BeforeEach
  void setUp() {
    String url = PgCluster.require().database("parity");
    sqlite = new Cli(dir);
    pg = new Cli(dir).env("DOSSIER_DB", url);
  }

  private static final Pattern TIMES =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
  private static final Pattern SCORES =
      Pattern.compile("\"(score|snippet)\" : (\"[^\"]*\"|[-0-9.eE]+)");

  private static String masked(String s) {
    return SCORES.matcher(TIMES.matcher(s).replaceAll("<time>")).replaceAll("\"$1\" : <$1>");
  }

  /** Runs {@code args} on both engines and returns what they printed, once found equal. */
  private Cli.Result both(String... args) {
    Cli.Result a = sqlite.run(args);
    Cli.Result b = pg.run(args);
    String what = String.join(" ", args);
    assertThat(b.code()).as(what + "\nSQLite: " + a + "\nPostgreSQL: " + b).isEqualTo(a.code());
    assertThat(masked(b.out())).as(what + "\nPostgreSQL: " + b).isEqualTo(masked(a.out()));
    return a;
  }

  private Cli.Result ok(String... args) {
    Cli.Result r = both(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  private void imported() {
    Path samples = Cli.samples();
    ok("import", "--format", "ndjson", samples.toString());
  }

  @Test
  void importListCountShowAndSearchAgree() {
    imported();
    assertThat(ok("count").out().trim()).isNotEqualTo("0");
    ok("list", "--format", "json");
    ok("list", "--sort", "oldest", "--format", "ids");
    ok("list", "--sort", "title", "--format", "ids");
    ok("list", "--sort", "imported", "--format", "ids");
    ok("list", "--limit", "3", "--offset", "2", "--format", "ids");
    ok("count", "pipeline");
    ok("count", "title:harbour OR body:glacier");
    ok("list", "date:2020..", "--format", "ids");
    ok("show", "1", "--format", "json");
    ok("show", "2");
    ok("search", "pipeline", "--format", "json");
    ok("search", "harbour", "strike", "--format", "ids");
    // a phrase and words joined by AND, beside a filter and alone, and a page past the first
    ok("search", "\"northgate pipeline\"", "--format", "ids");
    ok("search", "northgate", "pipeline", "--limit", "1", "--format", "ids");
    ok("search", "date:2020..", "\"harbour ledger\"", "--format", "json");
    ok("count", "\"northgate pipeline\"");
    ok("import", "--format", "ndjson", Cli.samples().toString());
  }

  @Test
  void changesAndTheirUndoAgree() {
    imported();
    ok("tag", "+energy", "+Kelmar/Economy", "--", "pipeline");
    ok("list", "tag:kelmar", "--format", "ids");
    ok("tags");
    ok("tag", "-energy", "--", "pipeline");
    ok("mark", "read", "--ids", "1,2");
    ok("mark", "--star", "--ids", "3");
    ok("note", "2", "Ask the union for the figures");
    ok("list", "is:read", "--format", "json");
    ok("list", "note:union", "--format", "ids");
    ok("log");
    ok("log", "--limit", "0", "--format", "tsv");
    ok("undo");
    ok("undo", "--any");
    ok("list", "--format", "json");
    ok("saved", "add", "ports", "tag:kelmar");
    ok("saved", "list");
    ok("list", "saved:ports", "--format", "ids");
    ok("stats", "--format", "json");
    ok("rm", "--yes", "--ids", "1");
    ok("count");
    ok("undo");
    ok("list", "--format", "json");
  }

  @Test
  void editsCopiesAndExportsAgree() {
    imported();
    ok("edit", "3", "--title", "A corrected title", "--author", "Desk A");
    ok("show", "3", "--format", "json");
    ok("undo");
    ok("show", "3", "--format", "json");
    ok("dups", "--format", "json");
    ok("export", "--format", "ndjson");
  }

  @Test
  void tagTreesRulesAndSavedSearchesComeBackOnUndo() {
    imported();
    ok("tag", "+Ports/North", "+ports/south", "+labour", "--", "harbour OR pipeline");
    ok("tags", "rename", "ports", "Harbours");
    ok("tags", "merge", "labour", "--into", "harbours/north");
    ok("tags");
    ok("undo");
    ok("undo");
    ok("tags", "delete", "ports");
    ok("list", "--format", "json");
    ok("undo");
    ok("tags");
    ok("rules", "add", "pipeline", "--tag", "energy");
    ok("rules", "rm", "1");
    ok("undo");
    ok("rules", "list");
    ok("rules", "apply");
    ok("saved", "add", "ports", "tag:ports");
    ok("saved", "add", "ports", "harbour");
    ok("undo");
    ok("saved", "list");
    ok("stats", "--format", "json");
  }

  @Test
  void storiesAndSimilarArticlesAgree() throws IOException {
    imported();
    // a reworded copy of a sample: a near-duplicate that follows its original into its story
    Path copies = dir.resolve("copies");
    Files.createDirectories(copies);
    Files.writeString(
        copies.resolve("copy.txt"),
        Files.readString(Cli.samples().resolve("northgate-pipeline-deal.txt"))
            .replace("months", "many months"));
    ok("import", copies.toString());
    assertThat(ok("list", "similar:11", "--format", "ids").lines()).hasSize(1);
    ok("list", "similar:7", "--format", "ids");
    ok("show", "11");
    ok("stories", "--all", "--format", "json");
    ok("stories");
    ok("stories", "pipeline", "--format", "ids");
    ok("list", "story:1", "--format", "ids");
    ok("stories", "merge", "1", "2");
    ok("stories", "--all", "--format", "json");
    ok("undo");
    ok("stories", "split", "1", "--ids", "1");
    ok("stories", "--all", "--format", "json");
    ok("undo");
    ok("stories", "--all", "--format", "json");
    ok("import", "--format", "ndjson", Cli.samples().toString());
    ok("stories", "--all", "--format", "json");
  }
}
