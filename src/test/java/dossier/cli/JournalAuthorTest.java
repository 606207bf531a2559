package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people on one archive: the journal records who made each change, log shows it, and undo
 * reverts one's own last change, never silently someone else's.
 */
class JournalAuthorTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp).env("DOSSIER_USER", "alice");
    cli.ok("import", Cli.samples().toString());
  }

  private Cli as(String name) {
    return cli.env("DOSSIER_USER", name);
  }

  private int tagged(String tag) {
    return cli.run("list", "--format", "ids", "tag:" + tag).lines().size();
  }

  @Test
  void logNamesWhoMadeEachChange() throws IOException {
    as("alice").ok("tag", "+energy", "--", "*");
    as("bob").ok("tag", "+water", "--", "*");
    List<JsonNode> log = ImportCommandTest.ndjson(cli.run("log", "--format", "ndjson").out());
    assertThat(log).extracting(c -> c.get("author").asText()).startsWith("bob", "alice", "alice");
    assertThat(cli.run("log").out()).contains("bob");
  }

  @Test
  void undoRevertsOnesOwnChangeAndRefusesWhileSomeoneElseChangedLater() {
    as("alice").ok("tag", "+energy", "--", "*");
    as("bob").ok("tag", "+water", "--", "*");
    int all = tagged("energy");
    assertThat(all).isPositive();

    Cli.Result refused = as("alice").run("undo");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err())
        .contains("is no longer the latest; nothing was undone")
        .contains("tag by bob")
        .contains("--with-later");
    assertThat(tagged("energy")).isEqualTo(all);
    assertThat(tagged("water")).isEqualTo(all);

    // bob takes his own change back; then alice's is hers to undo
    assertThat(as("bob").ok("undo").err()).contains("undid #").contains("+water");
    assertThat(tagged("water")).isZero();
    as("alice").ok("undo");
    assertThat(tagged("energy")).isZero();
  }

  @Test
  void undoAnyAndByReachOthersChanges() {
    as("alice").ok("tag", "+energy", "--", "*");
    as("bob").ok("tag", "+water", "--", "*");
    as("carol").ok("undo", "--by", "bob");
    assertThat(tagged("water")).isZero();
    as("carol").ok("undo", "--any");
    assertThat(tagged("energy")).isZero();
    Cli.Result none = as("carol").ok("undo");
    // the import is alice's
    assertThat(none.err()).contains("nothing of carol's to undo").contains("--any");
  }

  @Test
  void withLaterRevertsTheOthersChangesTooAndBadCombinationsAreUsageErrors() {
    as("alice").ok("tag", "+energy", "--", "*");
    as("bob").ok("tag", "+water", "--", "*");
    as("alice").ok("undo", "--with-later");
    assertThat(tagged("water")).isZero();
    assertThat(tagged("energy")).isZero();

    Cli.Result both = cli.run("undo", "--any", "--by", "bob");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--id, --any and --by each say which change to undo");
    assertThat(cli.run("undo", "--any", "--with-later").code()).isEqualTo(2);
  }

  @Test
  void theUserOptionAndTheConfigKeyNameTheAuthorBeforeTheEnvironment() throws Exception {
    cli.ok("--user", "dana", "tag", "+energy", "--", "*");
    java.nio.file.Path config = tmp.resolve("home/.config/dossier/config");
    java.nio.file.Files.createDirectories(config.getParent());
    java.nio.file.Files.writeString(config, "user = erin\n");
    cli.ok("tag", "+water", "--", "*");
    List<JsonNode> log = ImportCommandTest.ndjson(cli.run("log", "--format", "ndjson").out());
    assertThat(log).extracting(c -> c.get("author").asText()).startsWith("erin", "dana", "alice");
  }

  @Test
  void changesRecordedBeforeAuthorsWereKeptAreEveryonesToUndo() throws Exception {
    as("alice").ok("tag", "+energy", "--", "*");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        var st = c.createStatement()) {
      st.execute("UPDATE journal SET author = NULL");
    }
    as("bob").ok("undo");
    assertThat(tagged("energy")).isZero();
  }
}
