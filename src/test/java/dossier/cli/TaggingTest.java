package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tagging as a user does it from the shell: tag by query, ids and batches, tag names and hierarchy,
 * tag renames and merges, status, star, notes, deletion, the change log and undo, auto-tag rules
 * and suggestions. Every undo is checked against a full export of the archive. On a SQLite file
 * here, and on PostgreSQL in {@link PgTaggingTest}.
 */
class TaggingTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = open(new Cli(tmp));
    Cli.Result r = cli.run("import", Cli.samples().toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  /** The command line on the archive these tests run on. */
  Cli open(Cli cli) {
    return cli;
  }

  /** Everything a user can change, as the export format carries it. */
  private String snapshot() {
    Cli.Result r = cli.run("list", "--format", "ndjson");
    assertThat(r.code()).isZero();
    return r.out();
  }

  private List<Long> ids(String... query) {
    String[] args = new String[query.length + 3];
    args[0] = "list";
    System.arraycopy(query, 0, args, 1, query.length);
    args[query.length + 1] = "--format";
    args[query.length + 2] = "ids";
    Cli.Result r = cli.run(args);
    assertThat(r.code()).as(r.toString()).isZero();
    return r.out().isBlank()
        ? List.of()
        : Arrays.stream(r.out().trim().split("\n")).map(Long::parseLong).sorted().toList();
  }

  @Test
  void tagByQueryReportsCountsAndUndoRestoresTheArchiveExactly() {
    String before = snapshot();
    List<Long> matches = ids("pipeline");
    assertThat(matches).isNotEmpty();
    Cli.Result r = cli.run("tag", "+energy", "+Kelmar/Economy", "--", "pipeline");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains(matches.size() + " matched").contains("articles changed");
    assertThat(ids("tag:energy")).isEqualTo(matches);
    assertThat(ids("tag:kelmar")).as("a parent tag matches its children").isEqualTo(matches);
    assertThat(ids("tag:KELMAR/economy")).as("tags are case-insensitive").isEqualTo(matches);
    assertThat(cli.run("tags").out()).contains("Kelmar/Economy").contains("energy");

    Cli.Result undo = cli.run("undo");
    assertThat(undo.code()).isZero();
    assertThat(undo.err()).contains("undid").contains("+energy");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aNumberGivenForAnIdMatchesNoWordAndTheMessageSaysHowToNameTheArticle() {
    // an article whose id no text holds as a word (a sample may say "7 kilometres")
    long id =
        ids("*").stream()
            .filter(n -> cli.run("count", String.valueOf(n)).out().strip().equals("0"))
            .filter(n -> cli.run("count", String.valueOf(n + 1)).out().strip().equals("0"))
            .findFirst()
            .orElseThrow();
    String before = snapshot();
    Cli.Result tag = cli.run("tag", "+energy", String.valueOf(id));
    assertThat(tag.code()).as(tag.toString()).isZero();
    assertThat(tag.err())
        .contains("0 matched")
        .contains("a number in a query is a word of the text")
        .contains("--ids " + id + " or the query id:" + id);
    Cli.Result mark = cli.run("mark", "read", "--", id + "," + (id + 1));
    assertThat(mark.err()).contains("0 matched").contains("--ids " + id + "," + (id + 1));
    Cli.Result rm = cli.run("rm", String.valueOf(id));
    assertThat(rm.code()).isZero();
    assertThat(rm.err()).contains("deleted 0 articles").contains("--ids " + id);
    assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    // what the hint says works, and a query of words that matches nothing gets no hint
    assertThat(cli.run("tag", "+energy", "--", "id:" + id).err()).contains("1 matched");
    assertThat(cli.run("tag", "+energy", "--", "zzzunheardof").err())
        .contains("0 matched")
        .doesNotContain("hint:");
    assertThat(cli.run("tag", "+energy", "--ids", String.valueOf(id)).err())
        .doesNotContain("hint:");
  }

  @Test
  void removingTagsAndQueriesThatStartWithAMinus() {
    cli.run("tag", "+water", "--", "*");
    List<Long> noDam = ids("-dam");
    Cli.Result r = cli.run("tag", "-water", "--", "-dam");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ids("tag:water")).doesNotContainAnyElementsOf(noDam);
    assertThat(ids("-tag:water")).isEqualTo(noDam);
  }

  @Test
  void dryRunSaysWhatWouldChangeAndChangesNothing() {
    String before = snapshot();
    Cli.Result r = cli.run("tag", "--dry-run", "+x", "--", "election");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("would add x to " + ids("election").size());
    assertThat(snapshot()).isEqualTo(before);
    assertThat(cli.run("log").out()).doesNotContain("+x");

    // rm and mark say how many they would change too
    int n = ids("election").size();
    Cli.Result rm = cli.run("rm", "--dry-run", "--", "election");
    assertThat(rm.code()).isZero();
    assertThat(rm.out()).contains("would delete " + n + " article");
    Cli.Result mark = cli.run("mark", "read", "--dry-run", "--", "election");
    assertThat(mark.code()).isZero();
    assertThat(mark.out()).contains("would mark " + n + " read");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void idsFromTheOptionAndFromStandardInput() {
    assertThat(cli.run("tag", "+picked", "--ids", "2,3").code()).isZero();
    assertThat(ids("tag:picked")).containsExactly(2L, 3L);
    Cli.Result r = cli.runWithInput("5\n7\n", "tag", "+piped", "-");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ids("tag:piped")).containsExactly(5L, 7L);
  }

  @Test
  void batchLinesApplyEachInItsOwnTransactionAndBadLinesAreNamed() {
    String batch =
        "+water -- dam OR reservoir\n"
            + "# a comment\n"
            + "+bad/ -- election\n"
            + "+\"snap vote\" -- election\n"
            + "+title -- title:(\n";
    Cli.Result r = cli.runWithInput(batch, "tag", "--batch");
    assertThat(r.code()).as("some lines failed").isEqualTo(3);
    assertThat(r.err()).contains("line 3").contains("line 5").doesNotContain("line 1:");
    assertThat(ids("tag:water")).isEqualTo(ids("dam OR reservoir"));
    assertThat(ids("tag:\"snap vote\"")).isEqualTo(ids("election"));
  }

  @Test
  void badTagNamesAreUsageErrorsThatNameTheTag() {
    Cli.Result r = cli.run("tag", "+a//b", "--", "*");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("a//b").doesNotContain("Exception");
    assertThat(cli.run("tag", "+x").code()).as("no query").isEqualTo(2);
  }

  @Test
  void renameMergeAndDeleteOfTagsAreUndoneExactly() {
    cli.run("tag", "+ostrand/dam", "--", "dam");
    cli.run("tag", "+ostrand/water", "--", "reservoir");
    cli.run("tag", "+drought", "--", "drought");
    String before = snapshot();

    assertThat(cli.run("tags", "rename", "ostrand", "os").code()).isZero();
    assertThat(ids("tag:os/dam")).isEqualTo(ids("dam"));
    assertThat(cli.run("tags", "--tree").out()).contains("os").contains("  dam");
    cli.run("undo");
    assertThat(snapshot()).isEqualTo(before);

    assertThat(cli.run("tags", "merge", "ostrand/dam", "drought", "--into", "river").code())
        .isZero();
    assertThat(cli.run("tags").out()).doesNotContain("drought").contains("river");
    cli.run("undo");
    assertThat(snapshot()).isEqualTo(before);

    assertThat(cli.run("tags", "delete", "ostrand").code()).isZero();
    assertThat(ids("tag:ostrand")).isEmpty();
    cli.run("undo");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void markStarNoteAndRmAreUndoneExactly() {
    String before = snapshot();
    assertThat(cli.run("mark", "reviewed", "--star", "--", "election").code()).isZero();
    assertThat(ids("is:reviewed")).isEqualTo(ids("election"));
    assertThat(ids("is:starred")).isEqualTo(ids("election"));
    assertThat(cli.run("note", "3", "check", "the", "figures").code()).isZero();
    assertThat(ids("note:figures")).containsExactly(3L);
    assertThat(cli.run("rm", "--yes", "--", "pipeline").code()).isZero();
    assertThat(ids("pipeline")).isEmpty();
    assertThat(cli.run("show", "7").code()).isEqualTo(4);

    String log = cli.run("log").out();
    assertThat(log).contains("rm").contains("note").contains("mark");
    for (int i = 0; i < 3; i++) {
      assertThat(cli.run("undo").code()).isZero();
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(cli.run("search", "pipeline").out())
        .as("the full-text index is back too")
        .contains("pipeline");
  }

  @Test
  void undoOfAnImportRemovesWhatItAdded() {
    String before = snapshot();
    Path extra = cli.fixture("harbour-strike.txt");
    assertThat(cli.run("import", extra.toString()).code()).isZero();
    assertThat(ids("stoppage")).hasSize(1);
    cli.run("undo");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void rulesTagOnImportAndOnApplyAndApplyIsUndone() {
    assertThat(cli.run("rules", "add", "dam", "OR", "reservoir", "--tag", "water").code()).isZero();
    assertThat(cli.run("rules", "list").out()).contains("dam OR reservoir").contains("water");
    String before = snapshot();
    Cli.Result apply = cli.run("rules", "apply");
    assertThat(apply.code()).isZero();
    assertThat(ids("tag:water")).isEqualTo(ids("dam OR reservoir"));
    cli.run("undo");
    assertThat(snapshot()).isEqualTo(before);

    cli.run("tag", "-water", "--", "*");
    Path extra = cli.fixture("harbour-strike.txt");
    cli.run("rules", "add", "stoppage", "--tag", "port");
    cli.run("import", extra.toString());
    assertThat(ids("tag:port")).isEqualTo(ids("stoppage")).hasSize(1);
    assertThat(cli.run("rules", "rm", "1").code()).isZero();
    assertThat(cli.run("rules", "rm", "99").code()).isEqualTo(4);
  }

  @Test
  void suggestionsComeWithScoresAndReasons() throws Exception {
    // an archive without tags: names the text keeps coming back to
    Cli.Result names = cli.run("suggest", "1", "--format", "json");
    assertThat(names.code()).as(names.toString()).isZero();
    var json = new ObjectMapper().readTree(names.out());
    List<String> tags =
        StreamSupport.stream(json.spliterator(), false)
            .map(n -> n.get("tag").asText())
            .collect(Collectors.toList());
    assertThat(tags).contains("Kelmar", "Ostrand");
    assertThat(json.get(0).get("score").asDouble()).isPositive();
    assertThat(json.get(0).get("reason").asText()).contains("named");

    // once articles are tagged, similar ones vote
    cli.run("tag", "+water", "--", "dam OR reservoir OR drought");
    cli.run("rules", "add", "election", "--tag", "politics");
    long target = ids("election").get(0);
    String text = cli.run("suggest", Long.toString(target)).out();
    assertThat(text).contains("politics").contains("rule");
    long untagged = ids("NOT tag:water").get(0);
    assertThat(cli.run("suggest", Long.toString(untagged)).out())
        .contains("water")
        .contains("similar articles are tagged so");
  }
}
