package dossier.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grouped review list on the virtual terminal at 80x24: copies folded under their original (Z,
 * z), stories as threads (=), an article's story (x), and what keys do on a folded line.
 */
class GroupedReviewTest {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = Wire.archive(tmp);
  }

  private Harness open(String query) {
    return Harness.on(cli, query, 80, 24);
  }

  /** The screen's row that shows {@code title}, or a failure that shows the screen. */
  private static String row(Harness h, String title) {
    return h.text()
        .lines()
        .filter(l -> l.contains(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row with '" + title + "':\n" + h.text()));
  }

  private static String cursorRow(Harness h) {
    return h.text()
        .lines()
        .filter(l -> l.startsWith(">"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cursor:\n" + h.text()));
  }

  @Test
  void aWireStoryInSixOutletsIsOneLineThatUnfoldsUnderItsOriginal() {
    try (Harness h = open("")) {
      assertThat(h.text()).contains("· 10 articles").doesNotContain("copies folded");
      h.press("Z");
      String s = h.text();
      assertThat(s.lines().findFirst().orElseThrow())
          .contains("(everything) · 10 articles in 5 lines · copies folded");
      assertThat(row(h, "Ferry line halts")).contains("Coast Wire").endsWith("+5 copies");
      // the copies are not lines of their own, and the story's other articles are untouched
      assertThat(s).doesNotContain("Pier gives way").contains("Orlen bridge closed over cracks");

      // z on the folded line: its copies under it, oldest first, with tree marks
      h.press("G", "z");
      assertThat(cursorRow(h)).contains("Ferry line halts").doesNotContain("+5 copies");
      assertThat(row(h, "Pier gives way")).contains("Valley Post ├─ Pier gives way");
      assertThat(row(h, "No ferries after")).contains("└─ No ferries after");
      assertThat(h.text().lines().findFirst().orElseThrow())
          .contains("10 articles · copies folded");
      // z on a copy folds its group again, the cursor back on the original
      h.press("j", "j", "z");
      assertThat(cursorRow(h)).contains("Ferry line halts").endsWith("+5 copies");
      assertThat(h.text()).doesNotContain("Pier gives way");

      // Z again: the flat list, the cursor still on the same article
      h.press("Z");
      assertThat(h.text()).contains("· 10 articles").contains("Pier gives way");
      assertThat(cursorRow(h)).contains("Ferry line halts").doesNotContain("copies");
    }
  }

  @Test
  void keysOnAFoldedLineActOnEveryArticleFoldedInIt() {
    try (Harness h = open("is:new")) {
      h.press("Z", "G");
      assertThat(cursorRow(h)).contains("Ferry line halts").endsWith("+5 copies");
      h.press("t");
      assertThat(h.text()).contains("Add tags to 6 articles");
      h.type("pier").press("Enter");
      assertThat(h.text()).contains("+pier on 6 articles");
      assertThat(h.ids("tag:pier")).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");

      // selecting the folded line selects all six; Space again lets them go
      h.press("Space");
      assertThat(h.text().lines().findFirst().orElseThrow()).contains("6 selected");
      h.press("G", "Space");
      assertThat(h.text().lines().findFirst().orElseThrow()).doesNotContain("selected");

      // reading the original reads its copies (the same text), not the rest of its story
      h.press("Enter");
      assertThat(h.text()).startsWith("dossier review: #1 ");
      h.press("q", "C-l");
      assertThat(h.ids("is:new")).containsExactlyInAnyOrder("7", "8", "9", "10");
      assertThat(h.text()).contains("is:new · 4 articles").doesNotContain("Ferry line halts");
    }
  }

  @Test
  void copiesWhoseOriginalIsNotInTheListAreFoldedUnderTheFirstOfThem() {
    cli.ok("mark", "read", "--ids", "1");
    try (Harness h = open("is:new")) {
      h.press("Z");
      assertThat(h.text()).contains("9 articles in 5 lines").doesNotContain("Ferry line halts");
      // newest first: the first copy in the list's order leads the others
      assertThat(row(h, "No ferries after")).endsWith("+4 copies");
    }
  }

  @Test
  void storiesAsThreadsWithTreeMarksByDateAndAThreadFoldsAndTagsAsAWhole() {
    try (Harness h = open("")) {
      h.press("=");
      String s = h.text();
      assertThat(s.lines().findFirst().orElseThrow()).contains("· 10 articles · threads");
      // the bridge story where its newest article would be, its articles oldest first
      List<String> rows = s.lines().skip(1).limit(10).toList();
      assertThat(rows.get(0)).contains("2026-11-03 Valley Post Orlen bridge closed over cracks");
      assertThat(rows.get(1)).contains("├─ Kellow traders count the cost");
      assertThat(rows.get(2)).contains("North Star  └─ Grendal Works questioned");
      assertThat(rows.get(3)).contains("Chess club wins county cup");
      assertThat(rows.get(4)).contains("Ferry line halts after pier collapse");
      assertThat(rows.get(5)).contains("├─ Pier gives way");
      assertThat(rows.get(9)).contains("└─ No ferries after");

      // the cursor stayed on the article it was on, the newest; z on it folds its thread into
      // the thread's first article: "+2 in story N"; t tags all three
      assertThat(cursorRow(h)).contains("└─ Grendal Works");
      h.press("z");
      assertThat(cursorRow(h)).contains("Orlen bridge closed").containsPattern("\\+2 in story \\d");
      assertThat(h.text()).doesNotContain("Kellow traders");
      h.press("t").type("bridge").press("Enter");
      assertThat(h.ids("tag:bridge")).containsExactlyInAnyOrder("7", "8", "9");

      // with copies folded too, the wire story's thread is one line
      h.press("Z");
      assertThat(h.text().lines().findFirst().orElseThrow()).contains("threads, copies folded");
      assertThat(row(h, "Ferry line halts")).endsWith("+5 copies");
    }
  }

  @Test
  void xShowsTheArticlesStoryAsAThreadAndGoesBack() {
    try (Harness h = open("is:new")) {
      // the third line of the flat list: #8, the story's second day
      h.press("j", "j");
      assertThat(cursorRow(h)).contains("Kellow traders count the cost");
      h.press("x");
      String s = h.text();
      assertThat(s.lines().findFirst().orElseThrow())
          .containsPattern("dossier review: story:\\d+ · 3 articles · threads");
      assertThat(cursorRow(h)).contains("├─ Kellow traders count the cost");
      assertThat(s).contains("└─ Grendal Works").doesNotContain("Chess club");
      h.press("x");
      assertThat(h.text().lines().findFirst().orElseThrow())
          .contains("dossier review: is:new · 10 articles")
          .doesNotContain("threads");
      assertThat(cursorRow(h)).contains("Kellow traders count the cost");

      // from the reader too; an article in a story of its own is its own thread
      h.press("k", "Enter", "x");
      assertThat(h.text()).containsPattern("story:\\d+ · 1 article · threads");
      assertThat(cursorRow(h)).contains("Chess club wins county cup");
    }
  }
}
