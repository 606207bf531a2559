package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change reaches the journal and undo reverts exactly that change, saying what it put back:
 * saved searches and rules too, and by id only while the change is still the latest.
 */
class UndoCommandTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    ok("import", Cli.samples().toString());
  }

  Cli.Result ok(String... args) {
    return cli.ok(args);
  }

  @Test
  void undoAfterSavedRmBringsTheSavedSearchBackAndLeavesTheOlderChangeAlone() {
    ok("saved", "add", "dams", "dam OR reservoir");
    ok("rules", "add", "dam", "--tag", "water");
    ok("rules", "apply");
    int tagged = cli.run("list", "--format", "ids", "tag:water").lines().size();
    assertThat(tagged).isPositive();
    ok("saved", "rm", "dams");
    assertThat(cli.run("saved", "list", "--format", "tsv").out()).doesNotContain("dams");
    assertThat(cli.run("log", "--format", "tsv").lines().get(1)).contains("saved rm");

    Cli.Result u = ok("undo");
    assertThat(u.err())
        .contains("saved rm: removed saved search dams")
        .contains("brought back saved search dams: dam OR reservoir");
    assertThat(cli.run("saved", "list", "--format", "tsv").out())
        .contains("dams\tdam OR reservoir");
    // the rules apply before it is untouched
    assertThat(cli.run("list", "--format", "ids", "tag:water").lines()).hasSize(tagged);
  }

  @Test
  void undoAfterRulesAddRemovesTheRuleAndRmComesBackWithItsId() {
    ok("rules", "add", "pipeline", "--tag", "energy");
    assertThat(cli.run("rules", "list", "--format", "tsv").lines()).hasSize(2);
    Cli.Result u = ok("undo");
    assertThat(u.err()).contains("rules add").contains("removed rule 1 (pipeline → tag energy)");
    assertThat(cli.run("rules", "list", "--format", "tsv").lines()).hasSize(1); // the header

    ok("rules", "add", "pipeline", "--tag", "energy");
    ok("rules", "rm", "1");
    assertThat(cli.run("rules", "list", "--format", "tsv").lines()).hasSize(1);
    assertThat(ok("undo").err()).contains("brought back rule 1 (pipeline → tag energy)");
    assertThat(cli.run("rules", "list", "--format", "tsv").lines().get(1))
        .startsWith("1\tpipeline\tenergy");
  }

  @Test
  void savedAddOverAnotherIsUndoneBackToTheOldQuery() {
    ok("saved", "add", "dams", "dam");
    ok("saved", "add", "dams", "reservoir");
    ok("undo");
    assertThat(cli.run("saved", "list", "--format", "tsv").out()).contains("dams\tdam\n");
  }

  @Test
  void undoByIdRefusesWhenALaterChangeCameAndGoesBackOverItWhenAsked() {
    Cli.Result tag = ok("tag", "+first", "--", "id:1");
    ok("tag", "+second", "--", "id:2");
    String first = cli.run("log", "--format", "tsv").lines().get(2).split("\t")[0];
    assertThat(cli.run("log", "--format", "tsv").lines().get(2)).contains("+first");
    assertThat(tag.err()).contains("#" + first);

    Cli.Result refused = cli.run("undo", "--id", first);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("change #" + first + " is no longer the latest; nothing was undone")
        .contains("+second");
    assertThat(cli.run("list", "--format", "ids", "tag:first").lines()).containsExactly("1");
    assertThat(cli.run("list", "--format", "ids", "tag:second").lines()).containsExactly("2");

    Cli.Result both = ok("undo", "--id", first, "--with-later");
    assertThat(both.err())
        .contains("took tag second off 1 article")
        .contains("took tag first off 1 article");
    assertThat(cli.run("list", "--format", "ids", "tag:first OR tag:second").lines()).isEmpty();
    assertThat(cli.run("undo", "--id", first).err()).contains("already undone");
    assertThat(cli.run("undo", "--id", "999").code()).isEqualTo(4);
  }

  @Test
  void anEditIsPinnedAgainstReextractAndUndoPutsBackTheValueAndItsOrigin() {
    // a url given on the command line: its origin is known whatever the extractor says
    Cli.Result imp =
        ok(
            "import",
            Cli.samples().resolve("dam-talks-stall.txt").toString(),
            "--url",
            "https://example.org/dam",
            "--on-duplicate",
            "update",
            "--json");
    String id = imp.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
    Cli.Result before = ok("show", id, "--format", "json");
    assertThat(before.out())
        .contains("\"source\" : \"The Daily Meridian\"")
        .contains("\"url\" : \"command line\"");

    Cli.Result edit =
        ok("edit", id, "--source", "The Meridian Weekly", "--url", "https://example.org/x");
    assertThat(edit.err()).contains("edited source, url of #" + id);
    assertThat(cli.run("list", "--format", "ids", "source:\"meridian weekly\"").lines())
        .containsExactly(id);
    Cli.Result why = ok("show", id, "--why");
    assertThat(why.out())
        .containsPattern("source +edit \\(pinned\\) +The Meridian Weekly")
        .containsPattern("url +edit \\(pinned\\) +https://example.org/x");

    Cli.Result re = ok("reextract");
    assertThat(re.err())
        .contains("kept: article " + id + ": the edited source (the extractor now reads");
    assertThat(ok("show", id, "--format", "json").out())
        .contains("\"source\" : \"The Meridian Weekly\"")
        .contains("\"url\" : \"https://example.org/x\"");

    String editId = edit.err().replaceAll("(?s).*\\(#(\\d+) in the log.*", "$1");
    // the edit, and the reextract after it if it changed anything
    Cli.Result u = ok("undo", "--id", editId, "--with-later");
    assertThat(u.err())
        .contains("edit: edited source, url of #" + id)
        .contains("url \"https://example.org/dam\" (command line)");
    Cli.Result after = ok("show", id, "--format", "json");
    assertThat(after.out())
        .contains("\"source\" : \"The Daily Meridian\"")
        .contains("\"url\" : \"https://example.org/dam\"")
        .contains("\"url\" : \"command line\"")
        .doesNotContain("\"edit\"");
  }

  @Test
  void editAloneOpensTheEditorOnAFormOfTheFields() throws Exception {
    Path script = tmp.resolve("editor.sh");
    Files.writeString(
        script,
        "#!/bin/sh\nsed -i 's/^section: .*/section: Politics/; s/^author: .*/author: Ana Reyes/' \"$1\"\n");
    script.toFile().setExecutable(true);
    cli.env("EDITOR", script.toString()).env("VISUAL", null);
    Cli.Result r = ok("edit", "1");
    assertThat(r.err()).contains("edited authors, section of #1");
    Cli.Result show = ok("show", "1", "--format", "json");
    assertThat(show.out()).contains("\"section\" : \"Politics\"").contains("\"Ana Reyes\"");
    // saved without a change: nothing to do
    cli.env("EDITOR", "true");
    assertThat(ok("edit", "1").err()).contains("nothing changed in #1");
    // a bad value names itself and changes nothing
    cli.env("EDITOR", "sed -i 's/^date: .*/date: last tuesday/'");
    Cli.Result bad = cli.run("edit", "1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("bad date 'last tuesday'");
  }
}
