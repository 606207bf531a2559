package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.Cli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionTableTest {
  @TempDir Path tmp;

  @Test
  void noKeyDoesTwoThingsOnOneScreen() {
    for (Where w : Where.values()) {
      Map<String, Action> seen = new HashMap<>();
      for (Action a : Action.on(w)) {
        for (String k : a.keys) {
          Action other = seen.put(k, a);
          assertThat(other).as("%s on %s: %s and %s", k, w, other, a).isNull();
        }
      }
    }
  }

  @Test
  void everyActionHasKeysHelpAndAScreenWithHelp() {
    for (Action a : Action.values()) {
      assertThat(a.keys).as(a.name()).isNotEmpty();
      assertThat(a.help).as(a.name()).isNotBlank();
      assertThat(a.label).as(a.name()).isNotBlank();
      // the help screen lists the list and reader screens; help-only actions would be invisible
      assertThat(a.where).as(a.name()).containsAnyOf(Where.LIST, Where.READER);
      for (String k : a.keys) {
        assertThat(Action.forKey(a.where.iterator().next(), k)).isEqualTo(a);
      }
    }
  }

  @Test
  void keysAreNamedAsLanternaDeliversThem() {
    for (Action a : Action.values()) {
      for (String k : a.keys) {
        assertThat(Keys.name(Harness.stroke(k))).as(k).isEqualTo(k);
      }
    }
  }

  @Test
  void reviewRefusesToRunWithoutATerminal() {
    Cli.Result r = new Cli(tmp).run("review");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("review needs a terminal");
  }

  @Test
  void reviewReportsABadQueryBeforeTakingOverTheScreen() {
    Cli.Result r = new Cli(tmp).tty(true, true).run("review", "title:\"open");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ");
  }
}
