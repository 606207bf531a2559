package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The everyday comforts of the review UI, on the virtual terminal. */
class DailyReviewTest {
  @TempDir Path tmp;

  /** Rows of the list: the lines between the header and the separator. */
  private static int listRows(Harness h) {
    int n = 0;
    for (int r = 1; r < 23 && !h.row(r).startsWith("──"); r++) {
      n++;
    }
    return n;
  }

  @Test
  void openingMarksReadAndNTogglesIt() {
    try (Harness h = Harness.open(tmp)) {
      h.press("Enter");
      assertThat(h.article(1).status()).isEqualTo(Status.READ);
      // the inbox keeps it until it is reloaded, so J still goes to the next one
      h.press("J");
      assertThat(h.row(0)).startsWith("dossier review: #2 Harbour fees rise again");
      assertThat(h.article(2).status()).isEqualTo(Status.READ);
      h.press("q", "g");
      assertThat(h.row(ReviewScreenTest.cursorRow(h))).contains("Dam talks").contains("-");
      h.press("N");
      assertThat(h.article(1).status()).isEqualTo(Status.NEW);
      h.press("N");
      assertThat(h.article(1).status()).isEqualTo(Status.READ);
      // reloaded, the inbox has shrunk by the two read
      h.press("C-l");
      assertThat(h.text()).contains("3 articles");
    }
  }

  @Test
  void markReadCanBeTurnedOff() {
    try (Harness h = Harness.open(tmp)) {
      h.app.markReadOnOpen(false);
      h.press("Enter");
      assertThat(h.article(1).status()).isEqualTo(Status.NEW);
    }
  }

  @Test
  void moreThanNineRowsAt80x24AndAFullHeightList() throws Exception {
    try (Harness h = Harness.open(tmp.resolve("a"), "", 80, 24, false)) {
      for (int i = 0; i < 20; i++) {
        h.cli.runWithInput("Filler article " + i + "\n\nSome body text.\n", "import", "-");
      }
      h.press("C-l");
      assertThat(listRows(h)).isGreaterThanOrEqualTo(12);
      assertThat(h.text()).contains("── 1 of 25 ");
      h.press("p");
      assertThat(listRows(h)).isEqualTo(20);
      assertThat(h.row(21)).startsWith("── 1 of 25 ");
      h.press("p");
      assertThat(listRows(h)).isLessThan(20);
    }
  }

  @Test
  void theEmptyListHasNoSeparator() {
    try (Harness h = Harness.open(tmp, "nothing-matches-this", 80, 24, false)) {
      assertThat(h.text()).contains("Nothing matches.").doesNotContain("───");
    }
  }

  @Test
  void oOpensAndYCopiesTheUrl() throws Exception {
    try (Harness h = Harness.open(tmp, "", 80, 24, false)) {
      h.cli.runWithInput(
          "Linked story\n\nBody.\n", "import", "-", "--url", "https://example.org/s");
      List<String> opened = new ArrayList<>();
      List<String> copied = new ArrayList<>();
      h.app.outside(
          new ReviewApp.Outside() {
            @Override
            public String open(String url) {
              opened.add(url);
              return "opened " + url;
            }

            @Override
            public String copy(String text) {
              copied.add(text);
              return "copied";
            }
          });
      h.press("C-l", "O", "O"); // imported first: the linked story on top
      assertThat(h.row(ReviewScreenTest.cursorRow(h))).contains("Linked story");
      h.press("o");
      assertThat(opened).containsExactly("https://example.org/s");
      h.press("Enter", "y");
      assertThat(copied).containsExactly("https://example.org/s");
      assertThat(h.text()).contains("copied");
      h.press("q", "j", "o");
      assertThat(h.text()).contains("this article has no URL");
    }
  }

  @Test
  void sortCyclesAndTheHeaderSaysHow() {
    try (Harness h = Harness.open(tmp, "", 80, 24, false)) {
      assertThat(h.row(ReviewScreenTest.cursorRow(h))).contains("Dam talks");
      h.press("O");
      assertThat(h.row(0)).contains("oldest first");
      assertThat(h.row(ReviewScreenTest.cursorRow(h))).contains("Quiet week");
    }
  }

  @Test
  void theCursorFollowsAnUndoneArticle() {
    try (Harness h = Harness.open(tmp, "", 80, 24, false)) {
      h.press("j", "j", "d", "y");
      assertThat(h.text()).doesNotContain("Court pauses");
      h.press("G");
      h.press("u");
      assertThat(h.row(ReviewScreenTest.cursorRow(h))).contains("Court pauses");
    }
  }

  @Test
  void savedSearchesShowNewAndTotal() {
    try (Harness h = Harness.open(tmp)) {
      assertThat(h.cli.run("saved", "add", "talks", "dam OR harbour").code()).isZero();
      assertThat(h.cli.run("mark", "read", "--", "harbour").code()).isZero();
      h.press("S");
      assertThat(h.text()).contains("Saved searches (new/total)").containsPattern("1/2 +dam OR");
    }
  }

  @Test
  void theManualListsTheKeysOfTheActionTable() {
    List<String> keys = new ArrayList<>();
    Review.keys().values().forEach(rows -> rows.forEach(r -> keys.add(r[0])));
    for (Action a : Action.values()) {
      assertThat(keys).contains(a.keyText());
    }
  }

  /** An article of 40 paragraphs; the word "needle" is in paragraphs 12 and 30. */
  private static void importLong(Harness h) {
    StringBuilder md = new StringBuilder("Long haystack story\n\n");
    for (int i = 1; i <= 40; i++) {
      md.append("Paragraph ").append(i).append(i == 12 || i == 30 ? " has the Needle." : ".");
      md.append("\n\n");
    }
    assertThat(h.cli.runWithInput(md.toString(), "import", "-").code()).isZero();
  }

  @Test
  void slashFindsInTheArticleAndNAndShiftNStepThroughTheMatches() {
    try (Harness h = Harness.open(tmp, "haystack", 80, 24, false)) {
      importLong(h);
      h.press("C-l", "Enter");
      assertThat(h.row(0)).contains("Long haystack story");
      h.press("/").type("needle");
      // live, as it is typed: the first match is on top and stands out
      assertThat(h.text()).contains("Find in the article").contains("2 lines");
      h.press("Enter");
      assertThat(h.row(1)).startsWith("Paragraph 12 has the Needle.");
      assertThat(h.text()).contains("'needle' on 2 lines (n next, N previous)");
      h.press("n");
      assertThat(h.row(1)).startsWith("Paragraph 30 has the Needle.");
      assertThat(h.text()).contains("match 2 of 2");
      h.press("n");
      assertThat(h.row(1)).startsWith("Paragraph 12 has the Needle.");
      assertThat(h.text()).contains("match 1 of 2");
      h.press("N");
      assertThat(h.row(1)).startsWith("Paragraph 30 has the Needle.");
      h.press("/").type("nowhere-word").press("Enter");
      assertThat(h.text()).contains("'nowhere-word' is not in this article");
      // the note moved to c, so n and N are the search's in the reader
      h.press("c").type("one line").press("Enter");
      assertThat(h.text()).contains("saved the note of #6");
    }
  }

  @Test
  void aSearchTypedAheadOfTheFirstDrawStillFindsItsLine() {
    try (Harness h = Harness.open(tmp, "haystack", 80, 24, false)) {
      importLong(h);
      h.press("C-l");
      // Enter, / and the word arrive together: the reader is not drawn before the search runs
      for (String k : List.of("Enter", "/", "n", "e", "e", "d", "l", "e", "Enter")) {
        h.terminal.addInput(Harness.stroke(k));
      }
      h.settle();
      assertThat(h.row(1)).startsWith("Paragraph 12 has the Needle.");
      h.press("n");
      assertThat(h.text()).contains("match 2 of 2");
    }
  }

  @Test
  void theFoundWordIsDrawnInReverseVideo() {
    try (Harness h = Harness.open(tmp, "haystack", 80, 24, false)) {
      importLong(h);
      h.press("C-l", "Enter", "/").type("needle").press("Enter");
      int col = "Paragraph 12 has the ".length();
      assertThat(h.terminal.getCharacter(col, 1).getModifiers())
          .contains(com.googlecode.lanterna.SGR.REVERSE);
      assertThat(h.terminal.getCharacter(0, 1).getModifiers())
          .doesNotContain(com.googlecode.lanterna.SGR.REVERSE);
    }
  }

  @Test
  void vSelectsTheArticlesOfTheListThatMatchAQuery() {
    try (Harness h = Harness.open(tmp)) {
      h.press("V").type("dam OR harbour").press("Enter");
      assertThat(h.text()).contains("selected 2 articles matching 'dam OR harbour'");
      assertThat(h.row(0)).contains("2 selected");
      // then the selection is acted on as a whole
      h.press("s");
      assertThat(h.article(1).starred()).isTrue();
      assertThat(h.article(2).starred()).isTrue();
      assertThat(h.article(3).starred()).isFalse();
      // only within the list shown: the query narrows what is selected, never widens the list
      h.press("/", "C-u").type("reservoir").press("Enter");
      h.press("V").type("dam").press("Enter");
      assertThat(h.text()).contains("nothing in this list matches 'dam'");
      h.press("V").type("title:\"open").press("Enter");
      assertThat(h.text()).contains("error:");
    }
  }
}
