package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.fetch.PageServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page that changes: each change a new version of the one article, and what changed shown. */
class VersionsTest {
  @TempDir Path tmp;
  Cli cli;
  PageServer server;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    server = new PageServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Cli.Result ok(String... args) {
    return cli.ok(args);
  }

  @Test
  void aPageChangedTwiceHasThreeVersionsAndKeepsItsTags() {
    ok("import", "--delay", "0", "--tag", "ferry", server.url("/changing"));
    ok("note", "1", "check the subsidy");
    ok("mark", "read", "--", "id:1");
    server.change();
    Cli.Result first = ok("refetch", "--delay", "0");
    assertThat(first.err())
        .contains("changed: " + server.url("/changing") + " (a new version of article 1)")
        .contains("refetched 1 page: 1 changed, 0 unchanged, 0 failed");
    assertThat(ok("list", "--format", "ids", "is:changed").lines()).containsExactly("1");
    server.change();
    ok("refetch", "--delay", "0", "tag:ferry");

    Cli.Result versions = ok("show", "1", "--versions");
    assertThat(versions.lines()).hasSize(3);
    assertThat(versions.lines().get(0)).startsWith("1\t");
    assertThat(versions.lines().get(2)).startsWith("3\t").endsWith("(latest)");

    Cli.Result words = ok("diff", "1", "--words");
    assertThat(words.out()).contains("[-confirmed-]{+withdrew+}");
    Cli.Result oneToTwo = ok("diff", "1", "1", "2", "--words");
    assertThat(oneToTwo.out()).contains("{+ The council confirmed the subsidy.+}");
    Cli.Result unified = ok("diff", "1", "1", "3");
    assertThat(unified.out())
        .contains("--- article 1 version 1")
        .contains("+++ article 1 version 3")
        .contains("+" + "Islanders had asked");
    assertThat(unified.out()).contains("The council withdrew the subsidy.");

    String json = ok("show", "1", "--format", "json").out();
    assertThat(json)
        .containsPattern("\"tags\" : \\[\\s*\"ferry\"\\s*\\]")
        .contains("\"status\" : \"read\"")
        .contains("\"note\" : \"check the subsidy\"")
        .contains("withdrew the subsidy");
    assertThat(ok("list", "--format", "ids").lines()).containsExactly("1");

    // fetched again without a change: unchanged, and no longer is:changed
    Cli.Result same = ok("refetch", "--delay", "0");
    assertThat(same.err()).contains("unchanged: " + server.url("/changing") + " (article 1)");
    assertThat(ok("list", "--format", "ids", "is:changed").lines()).isEmpty();
    assertThat(ok("show", "1", "--versions").lines()).hasSize(3);
  }

  @Test
  void rmThenUndoBringsBackEveryVersionAndFetch() {
    ok("import", "--delay", "0", "--tag", "ferry", server.url("/changing"));
    server.change();
    ok("refetch", "--delay", "0");
    server.change();
    ok("refetch", "--delay", "0");
    String versions = ok("show", "1", "--versions").out();
    String diff = ok("diff", "1", "1", "3").out();
    assertThat(versions.lines()).hasSize(3);

    ok("rm", "--yes", "--", "id:1");
    assertThat(ok("list", "--format", "ids").lines()).isEmpty();
    ok("undo");

    assertThat(ok("show", "1", "--versions").out()).isEqualTo(versions);
    assertThat(ok("diff", "1", "1", "3").out()).isEqualTo(diff).contains("withdrew");
    assertThat(ok("list", "--format", "ids", "is:changed").lines()).containsExactly("1");
    assertThat(ok("list", "--format", "ids", "tag:ferry").lines()).containsExactly("1");
    // the fetch records are back: the address still names the article
    Cli.Result again = ok("import", "--delay", "0", server.url("/changing"));
    assertThat(again.err()).contains("duplicate");
    assertThat(ok("list", "--format", "ids").lines()).containsExactly("1");
  }

  @Test
  void undoingARefetchTakesBackTheVersionItStored() {
    ok("import", "--delay", "0", "--tag", "ferry", server.url("/changing"));
    server.change();
    ok("refetch", "--delay", "0");
    String twoVersions = ok("show", "1", "--versions").out();
    String json = ok("show", "1", "--format", "json").out();
    server.change();
    ok("refetch", "--delay", "0");
    assertThat(ok("show", "1", "--versions").lines()).hasSize(3);

    Cli.Result undo = ok("undo");
    assertThat(undo.out() + undo.err()).contains("took back version 3 of article #1");
    assertThat(ok("show", "1", "--versions").out()).isEqualTo(twoVersions);
    assertThat(ok("show", "1", "--format", "json").out()).isEqualTo(json);
    assertThat(ok("diff", "1", "--words").out())
        .contains("{+ The council confirmed the subsidy.+}");

    ok("undo");
    assertThat(ok("show", "1", "--versions").lines()).hasSize(1);
    assertThat(ok("list", "--format", "ids", "is:changed").lines()).isEmpty();
    assertThat(cli.run("diff", "1", "1", "2").err()).contains("article 1 has one version, not 2");

    // fetched again, the page is a new version once more, numbered as before
    ok("refetch", "--delay", "0");
    assertThat(ok("show", "1", "--versions").lines()).hasSize(2);
    assertThat(ok("list", "--format", "ids", "is:changed").lines()).containsExactly("1");
  }

  @Test
  void onATerminalTheChangedWordsAreColored() {
    ok("import", "--delay", "0", server.url("/changing"));
    server.change();
    server.change();
    ok("refetch", "--delay", "0");
    cli.tty(true, true);
    Cli.Result r = cli.run("--color=always", "diff", "1");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\u001b[32m The council withdrew the subsidy.\u001b[0m");
  }

  @Test
  void aFailedRefetchTouchesNothing() {
    ok("import", "--delay", "0", "--tag", "ferry", server.url("/changing"));
    String before = ok("show", "1", "--format", "json").out();
    server.close();
    Cli.Result r = cli.run("refetch", "--delay", "0", "--retries", "0");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error: " + server.url("/changing") + ": could not connect");
    assertThat(ok("show", "1", "--format", "json").out()).isEqualTo(before);
    assertThat(ok("show", "1", "--versions").lines()).hasSize(1);
  }

  @Test
  void aLocalFileImportedAgainBecomesANewVersion() throws IOException {
    Path f = tmp.resolve("budget.md");
    Files.writeString(f, "# Budget passes\n\nThe council passed the budget on Monday.\n");
    ok("import", "--tag", "budget", f.toString());
    Files.writeString(f, "# Budget passes\n\nThe council passed the budget on Tuesday.\n");
    Cli.Result r = ok("import", "--on-duplicate", "version", f.toString());
    assertThat(r.err()).contains("1 updated");
    assertThat(ok("list", "--format", "ids").lines()).containsExactly("1");
    assertThat(ok("show", "1", "--versions").lines()).hasSize(2);
    assertThat(ok("diff", "1", "--words").out()).contains("[-Monday.-]{+Tuesday.+}");
    assertThat(ok("show", "1", "--format", "json").out())
        .containsPattern("\"tags\" : \\[\\s*\"budget\"\\s*\\]");
  }

  @Test
  void versionsThatDoNotExistAreAUsageError() {
    ok("import", "--delay", "0", server.url("/changing"));
    Cli.Result r = cli.run("diff", "1", "1", "4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("article 1 has one version, not 4");
    assertThat(cli.run("diff", "9").code()).isEqualTo(4);
  }
}
