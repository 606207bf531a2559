package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story threads end to end: import groups one event's reports, stories lists, story:N selects. On a
 * SQLite file here, and on PostgreSQL in {@link PgStoriesCommandTest}.
 */
class StoriesCommandTest {
  @TempDir Path tmp;
  Cli cli;
  Path in;

  /** Reports the test made up: three on the Varela Dam inquiry (different texts), one apart. */
  @BeforeEach
  void setUp() throws IOException {
    cli = open(new Cli(tmp));
    in = tmp.resolve("in");
    Files.createDirectories(in);
    write(
        "a.txt",
        "Inquiry opens into Varela Dam cracks",
        "Engineers found cracks in the Varela Dam on Monday, and Minister Elena Kostic ordered an"
            + " inquiry. Residents of Rivermouth below the Varela Dam were told to stay alert."
            + "\n\nKostic said the inquiry would report within a month.");
    write(
        "b.txt",
        "Rivermouth families leave homes",
        "Families in Rivermouth packed their cars as water was released from the Varela Dam."
            + " Elena Kostic visited the town hall and promised help.\n\nMrs Kostic told"
            + " reporters the Varela Dam was safe for now.");
    write(
        "c.txt",
        "Dam builder questioned",
        "The firm that built the Varela Dam answered questions from the inquiry that Elena Kostic"
            + " set up. Lawyers for Rivermouth residents sat in.\n\nKostic is expected to speak"
            + " again on Friday.");
    write(
        "d.txt",
        "Chess club wins cup",
        "The Northgate Chess Club beat Oakfield in the county final, with Tomas Brandt winning"
            + " the last game.\n\nBrandt has played for Northgate since he was nine.");
  }

  /** The command line on the archive these tests run on. */
  Cli open(Cli cli) {
    return cli;
  }

  private void write(String name, String title, String body) throws IOException {
    Files.writeString(in.resolve(name), title + "\n\n" + body + "\n");
  }

  private List<JsonNode> stories(String... query) throws IOException {
    String[] args = new String[query.length + 3];
    args[0] = "stories";
    args[1] = "--format";
    args[2] = "ndjson";
    System.arraycopy(query, 0, args, 3, query.length);
    return ImportCommandTest.ndjson(cli.ok(args).out());
  }

  @Test
  void oneEventsReportsAreOneStoryThatQueriesSelectAndTagging() throws IOException {
    cli.ok("import", in.toString());
    List<JsonNode> all = stories("--all");
    assertThat(all).hasSize(2);
    // a story of one article is no thread yet: listed with --all only, and counted
    assertThat(stories()).hasSize(1);
    assertThat(cli.ok("stories").err()).contains("1 story; 1 more of one article (--all lists it)");
    assertThat(stories("--all", "--limit", "1")).hasSize(1);
    assertThat(cli.ok("stories", "--all", "--limit", "1").err())
        .contains("2 stories, 1 shown (--limit 0 for all)");
    JsonNode dam = all.get(0);
    assertThat(dam.get("title").asText()).isEqualTo("Inquiry opens into Varela Dam cracks");
    assertThat(dam.get("count").asInt()).isEqualTo(3);
    assertThat(all.get(1).get("count").asInt()).isEqualTo(1);
    long story = dam.get("id").asLong();

    // a query picks the stories it touches; story:N selects the articles; tagging tags them all
    assertThat(stories("--all", "chess")).hasSize(1);
    assertThat(stories("chess")).isEmpty();
    assertThat(stories("families").get(0).get("id").asLong()).isEqualTo(story);
    assertThat(cli.ok("list", "story:" + story, "--format", "ids").lines())
        .containsExactly("3", "2", "1");
    cli.ok("tag", "+dam", "--", "story:" + story);
    assertThat(cli.ok("list", "tag:dam", "--format", "ids").lines()).hasSize(3);
    assertThat(cli.ok("show", "2").out()).contains("Story " + story + ": Inquiry opens");

    // the span is of publication dates: undated reports give none, not the day of the import
    assertThat(dam.get("first").isNull()).as(dam.toString()).isTrue();
    assertThat(cli.ok("show", "2").out()).contains("3 articles, undated");
    cli.ok("edit", "1", "--date", "2026-03-02");
    cli.ok("edit", "3", "--date", "2026-03-05");
    JsonNode dated = stories("families").get(0);
    assertThat(dated.get("first").asText()).isEqualTo("2026-03-02");
    assertThat(dated.get("last").asText()).isEqualTo("2026-03-05");
    assertThat(cli.ok("show", "2").out()).contains("3 articles, 2026-03-02 to 2026-03-05");

    // a table for people
    assertThat(cli.ok("stories").lines().get(0))
        .contains("Inquiry opens into Varela Dam cracks")
        .endsWith("3");
  }

  @Test
  void mergeAndSplitAreUndoneByUndoAndSurviveLaterImports() throws IOException {
    cli.ok("import", in.toString());
    long dam = stories("--all").get(0).get("id").asLong();
    long chess = stories("--all").get(1).get("id").asLong();

    Cli.Result m = cli.ok("stories", "merge", String.valueOf(dam), String.valueOf(chess));
    assertThat(m.err()).contains("moved 1 article into story " + dam);
    assertThat(stories("--all")).hasSize(1);
    assertThat(stories("--all").get(0).get("count").asInt()).isEqualTo(4);
    cli.ok("undo");
    assertThat(stories("--all")).hasSize(2);

    Cli.Result s = cli.ok("stories", "split", String.valueOf(dam), "--ids", "3");
    assertThat(s.err()).contains("moved 1 article into new story");
    assertThat(stories("--all")).hasSize(3);

    // another report of the event: placed in a story, the split article stays where it was put
    write(
        "e.txt",
        "Kostic orders repairs",
        "Elena Kostic ordered repairs to the Varela Dam after the inquiry, and Rivermouth"
            + " residents may return home.\n\nKostic thanked the engineers at the Varela Dam.");
    Path more = tmp.resolve("more");
    Files.createDirectories(more);
    Files.move(in.resolve("e.txt"), more.resolve("e.txt"));
    cli.ok("import", more.toString());
    assertThat(cli.ok("list", "story:" + dam, "--format", "ids").lines())
        .contains("1", "2")
        .doesNotContain("3");

    // bad input: named, exit codes per kind
    Cli.Result missing = cli.run("stories", "merge", String.valueOf(dam), "999");
    assertThat(missing.code()).isEqualTo(4);
    assertThat(missing.err()).contains("no story 999");
    Cli.Result notIn = cli.run("stories", "split", String.valueOf(dam), "--ids", "4");
    assertThat(notIn.code()).isEqualTo(2);
    assertThat(notIn.err()).contains("article #4 is not in story " + dam);
  }
}
