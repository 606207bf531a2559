package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys that hand the terminal to another program: | pipes the article to a shell command, C
 * edits the note in $EDITOR. On the virtual terminal the programs are a seam that records what it
 * was given; ReviewTmuxIT runs the real ones.
 */
class PipeAndEditorTest {
  @TempDir Path tmp;

  /** Records what the review handed over and answers as the test says. */
  static final class Programs implements ReviewApp.Outside {
    final List<String> commands = new ArrayList<>();
    final List<String> piped = new ArrayList<>();
    final List<String> edited = new ArrayList<>();
    ReviewApp.Outside.Edited answer;
    int status;

    @Override
    public String open(String url) {
      return "no browser";
    }

    @Override
    public String copy(String text) {
      return "no clipboard";
    }

    @Override
    public String pipe(String command, String text) {
      commands.add(command);
      piped.add(text);
      return (status == 0 ? "done: " : "exit status " + status + ": ") + command;
    }

    @Override
    public Edited edit(String text) {
      edited.add(text);
      return answer;
    }
  }

  private static Programs programs(Harness h) {
    Programs p = new Programs();
    h.app.outside(p);
    h.app.plainText(a -> "TEXT OF #" + a.id() + "\n" + a.body());
    return p;
  }

  @Test
  void barPipesTheArticleToACommandAndSaysHowItEnded() {
    try (Harness h = Harness.open(tmp)) {
      Programs p = programs(h);
      h.press("Enter", "|");
      assertThat(h.text()).contains("Pipe #1 to a shell command").contains("sh -c");
      h.type("wc -w").press("Enter");
      assertThat(p.commands).containsExactly("wc -w");
      assertThat(p.piped.get(0))
          .startsWith("TEXT OF #1\n")
          .contains("Negotiators left Lisvane without an agreement on Monday.");
      assertThat(h.text()).contains("done: wc -w");
      // still in the reader, and the last command is offered again
      assertThat(h.row(0)).contains("#1 Dam talks stall");
      p.status = 3;
      h.press("|");
      assertThat(h.text()).contains("> wc -w");
      h.press("Enter");
      assertThat(h.text()).contains("exit status 3: wc -w");
      // from the list too, for the article under the cursor
      h.press("q", "j", "|", "Enter");
      assertThat(p.piped.get(2)).startsWith("TEXT OF #2\n");
      // typing replaces the offered command instead of appending to it; an arrow edits it
      h.press("|").type("wc -l").press("Enter");
      h.press("|", "End").type(" -c").press("Enter");
      assertThat(p.commands).containsExactly("wc -w", "wc -w", "wc -w", "wc -l", "wc -l -c");
    }
  }

  @Test
  void aPipeCancelledOrLeftEmptyRunsNothing() {
    try (Harness h = Harness.open(tmp)) {
      Programs p = programs(h);
      h.press("|").type("cat").press("Esc");
      h.press("|", "C-u", "Enter");
      assertThat(h.text()).contains("type a command, or Esc");
      h.press("Esc");
      assertThat(p.commands).isEmpty();
    }
  }

  @Test
  void shiftCEditsTheNoteInTheEditorAndUTakesItBack() {
    try (Harness h = Harness.open(tmp)) {
      Programs p = programs(h);
      h.press("c").type("first thought").press("Enter");
      p.answer = new ReviewApp.Outside.Edited("first thought\nand a second line\n\n", null);
      h.press("C");
      // the editor starts from the note as it is
      assertThat(p.edited).containsExactly("first thought\n");
      assertThat(h.article(1).note()).isEqualTo("first thought\nand a second line");
      assertThat(h.text()).contains("saved the note of #1");
      h.press("Enter");
      assertThat(h.text()).contains("and a second line");
      h.press("u");
      assertThat(h.article(1).note()).isEqualTo("first thought");
    }
  }

  @Test
  void anUnchangedFileChangesNothingAndAFailingEditorSaysSo() {
    try (Harness h = Harness.open(tmp)) {
      Programs p = programs(h);
      p.answer = new ReviewApp.Outside.Edited("", null);
      h.press("C");
      assertThat(p.edited).containsExactly("");
      assertThat(h.text()).contains("the note of #1 is unchanged");
      assertThat(h.cli.run("log").out()).doesNotContain("note");
      p.answer =
          new ReviewApp.Outside.Edited(
              null, "the editor (false) exited with status 1; the note is unchanged");
      h.press("C");
      assertThat(h.text()).contains("error: the editor (false) exited with status 1");
      assertThat(h.article(1).note()).isNull();
      // a note emptied in the editor is removed, as an empty one-line note is
      h.press("c").type("short").press("Enter");
      p.answer = new ReviewApp.Outside.Edited("\n", null);
      h.press("C");
      assertThat(h.article(1).note()).isNull();
      assertThat(h.text()).contains("removed the note of #1");
    }
  }
}
