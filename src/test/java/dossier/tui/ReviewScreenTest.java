package dossier.tui;

import static dossier.tui.Golden.assertScreen;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import dossier.cli.RenditionTest;
import dossier.core.ArticleField;
import dossier.core.Status;
import dossier.core.Text;
import dossier.store.PgCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review UI on an 80x24 virtual terminal over a five-article archive: one test per action, each
 * checking the screen and, for edits, the archive as the CLI sees it afterwards.
 */
class ReviewScreenTest {
  @TempDir Path tmp;

  /** The row the cursor is on ('>' in the first column), or -1. */
  static int cursorRow(Harness h) {
    for (int r = 1; r < 23; r++) {
      if (h.row(r).startsWith(">")) {
        return r;
      }
    }
    return -1;
  }

  @Test
  void startsOnTheInboxWithQueryCountListPreviewAndHints() {
    try (Harness h = Harness.open(tmp)) {
      assertScreen(h.text(), "list-80x24.txt");
    }
  }

  @Test
  void movesWithViAndArrowKeys() {
    try (Harness h = Harness.open(tmp)) {
      h.press("j");
      assertThat(h.row(cursorRow(h))).contains("Harbour fees rise again");
      assertThat(h.text()).contains("── 2 of 5 ");
      h.press("Down");
      assertThat(h.row(cursorRow(h))).contains("Court pauses");
      h.press("k");
      assertThat(h.row(cursorRow(h))).contains("Harbour fees");
      h.press("Up");
      assertThat(h.row(cursorRow(h))).contains("Dam talks");
      h.press("G");
      assertThat(h.row(cursorRow(h))).contains("Quiet week");
      h.press("g");
      assertThat(h.row(cursorRow(h))).contains("Dam talks");
      h.press("End");
      assertThat(h.text()).contains("── 5 of 5 ");
      h.press("Home");
      assertThat(h.text()).contains("── 1 of 5 ");
      h.press("PageDown");
      assertThat(h.text()).doesNotContain("── 1 of 5 ");
      h.press("PageUp");
      assertThat(h.text()).contains("── 1 of 5 ");
      h.press("C-f");
      assertThat(h.text()).doesNotContain("── 1 of 5 ");
      h.press("C-b");
      assertThat(h.text()).contains("── 1 of 5 ");
      // the preview follows the cursor
      h.press("j");
      assertThat(h.text()).contains("The port authority raised transit fees");
    }
  }

  @Test
  void readerScrollsTheWholeArticleAndShowsTheNote() {
    try (Harness h = Harness.open(tmp)) {
      h.cli.run("note", "1", "Ask the ministry about the September date");
      h.press("C-l", "Enter");
      assertScreen(h.text(), "reader-80x24.txt");
      h.press("j"); // the whole article fits: nothing to scroll
      assertThat(h.row(1)).isEqualTo("Dam talks stall at Lisvane");
      h.press("q");
      assertThat(h.row(0)).startsWith("dossier review: is:new");
      h.press("l", "Esc");
      assertThat(h.row(0)).startsWith("dossier review: is:new");
      h.press("Right", "Left");
      assertThat(h.row(0)).startsWith("dossier review: is:new");
    }
  }

  @Test
  void readerScrollsALongArticleByPage() {
    try (Harness h = Harness.open(tmp)) {
      StringBuilder body = new StringBuilder();
      for (int i = 1; i <= 60; i++) {
        body.append("Paragraph number ").append(i).append(" of a long report.\n\n");
      }
      h.cli.runWithInput(body.toString(), "import", "-", "--input", "text");
      // the cursor stays on its article when the list reloads; the new one has no date and
      // goes after every dated article, with no date shown
      h.press("C-l");
      assertThat(h.row(cursorRow(h))).contains("Dam talks");
      h.press("G");
      assertThat(h.row(cursorRow(h))).contains("Paragraph number 1").doesNotContain("20");
      h.press("Enter");
      assertThat(h.row(0)).contains("lines 1-21 of");
      h.press("Space"); // as in less: a page down, and b a page up
      assertThat(h.row(0)).contains("lines 21-41 of");
      h.press("b");
      assertThat(h.row(0)).contains("lines 1-21 of");
      h.press("PageDown");
      assertThat(h.row(0)).contains("lines 21-41 of");
      h.press("j");
      assertThat(h.row(0)).contains("lines 22-42 of");
      h.press("k", "C-d");
      assertThat(h.row(0)).contains("lines 41-61 of");
      h.press("G");
      assertThat(h.text()).contains("Paragraph number 60 of a long report.");
      h.press("g");
      assertThat(h.row(0)).contains("lines 1-21 of");
      assertThat(h.text()).contains("undated");
    }
  }

  @Test
  void readerMovesToTheNextAndPreviousArticle() {
    try (Harness h = Harness.open(tmp)) {
      h.press("Enter", "J");
      assertThat(h.row(0)).startsWith("dossier review: #2 Harbour fees rise again");
      h.press("K");
      assertThat(h.row(0)).startsWith("dossier review: #1 Dam talks");
      h.press("q");
      assertThat(h.text()).contains("── 1 of 5 ");
    }
  }

  @Test
  void queryEditorUpdatesTheListAsSoonAsTheQueryParses() {
    try (Harness h = Harness.open(tmp)) {
      h.press("/", "C-u").type("harbour");
      // the list behind the prompt already shows the matches
      assertThat(h.row(0)).isEqualTo("dossier review: harbour · 1 article");
      assertThat(h.text()).contains("Harbour fees rise again").doesNotContain("Dam talks");
      h.type(" \"fee");
      assertThat(h.text()).containsIgnoringCase("quote");
      assertThat(h.row(0)).isEqualTo("dossier review: harbour · 1 article");
      // Enter does not take a query that does not parse
      h.press("Enter");
      assertThat(h.text()).contains("Query (updates as you type)").containsIgnoringCase("quote");
      h.press("Backspace", "Backspace", "Backspace", "Backspace", "Backspace");
      h.press("Enter");
      assertThat(h.row(0)).isEqualTo("dossier review: harbour · 1 article");
      assertThat(h.text()).doesNotContain("Query (updates as you type)");

      // Esc goes back to the query the editor started from
      h.press("/", "C-u").type("court");
      assertThat(h.row(0)).isEqualTo("dossier review: court · 1 article");
      h.press("Esc");
      assertThat(h.row(0)).isEqualTo("dossier review: harbour · 1 article");
    }
  }

  @Test
  void savedSearchesAreOneKeyAway() {
    try (Harness h = Harness.open(tmp)) {
      assertThat(h.cli.run("saved", "add", "courts", "court OR reservoir").code()).isZero();
      assertThat(h.cli.run("saved", "add", "river", "river").code()).isZero();
      h.press("S");
      assertThat(h.text()).contains("courts").contains("court OR reservoir").contains("river");
      h.press("Enter");
      assertThat(h.row(0)).isEqualTo("dossier review: saved:courts · 1 article");
      h.press("i");
      assertThat(h.row(0)).isEqualTo("dossier review: is:new · 5 articles");
      h.press("2");
      assertThat(h.row(0)).isEqualTo("dossier review: saved:river · 1 article");
      h.press("S").type("cou").press("Enter");
      assertThat(h.row(0)).isEqualTo("dossier review: saved:courts · 1 article");
      h.press("9");
      assertThat(h.row(22)).contains("no saved search 9");
    }
  }

  @Test
  void tagPromptCompletesExistingTagsAndListsSuggestions() {
    try (Harness h = Harness.open(tmp)) {
      h.cli.run("tag", "+followup", "--", "id:5");
      h.press("t");
      assertThat(h.text()).contains("Add tags to #1").contains("water").contains("test suggestion");
      h.type("fol");
      assertThat(h.text()).contains("followup").contains("1 article");
      h.press("Tab");
      assertThat(h.row(21)).isEqualTo("> followup,");
      h.type("deadline").press("Enter");
      assertThat(h.row(cursorRow(h))).contains("[deadline, followup]");
      assertThat(h.row(22)).contains("+followup +deadline on 1 article");
      assertThat(h.article(1).tags()).containsExactly("deadline", "followup");

      // a suggestion is taken with Down and Enter
      h.press("t", "Down", "Enter");
      assertThat(h.article(1).tags()).containsExactly("deadline", "followup", "water");

      // a bad tag keeps the prompt open with the reason
      h.press("t").type("-bad").press("Enter");
      assertThat(h.text()).contains("cannot start with");
      h.press("Esc");
      assertThat(h.text()).doesNotContain("Add tags");
    }
  }

  @Test
  void untagRemovesTheChosenTag() {
    try (Harness h = Harness.open(tmp)) {
      h.cli.run("tag", "+alpha", "+beta", "--", "id:1");
      h.press("C-l", "T");
      assertThat(h.text()).contains("Remove a tag from #1").contains("alpha").contains("beta");
      h.type("bet").press("Enter");
      assertThat(h.article(1).tags()).containsExactly("alpha");
      assertThat(h.row(cursorRow(h))).contains("[alpha]");
    }
  }

  @Test
  void reviewedMarksAndMovesOn() {
    try (Harness h = Harness.open(tmp, "", 80, 24, false)) {
      h.press("r");
      assertThat(h.article(1).status()).isEqualTo(Status.REVIEWED);
      assertThat(h.row(1)).contains("✓").contains("Dam talks");
      assertThat(h.row(cursorRow(h))).contains("Harbour fees");
    }
    try (Harness h = Harness.open(tmp.resolve("inbox"))) {
      h.press("r");
      // it leaves the inbox; the cursor is on the article that came after it
      assertThat(h.row(0)).isEqualTo("dossier review: is:new · 4 articles");
      assertThat(h.row(cursorRow(h))).contains("Harbour fees");
      assertThat(h.ids("is:reviewed")).containsExactly("1");
    }
  }

  @Test
  void inTheReaderMarksApplyToTheArticleShownAndMoveOn() {
    try (Harness h = Harness.open(tmp, "", 80, 24, false)) {
      h.press("Enter", "r");
      assertThat(h.row(0)).startsWith("dossier review: #2 Harbour fees");
      assertThat(h.article(1).status()).isEqualTo(Status.REVIEWED);
      h.press("s", "a");
      assertThat(h.article(2).starred()).isTrue();
      assertThat(h.article(2).status()).isEqualTo(Status.ARCHIVED);
      assertThat(h.row(0)).startsWith("dossier review: #3 Court pauses");
      h.press("t").type("court").press("Enter");
      assertThat(h.article(3).tags()).containsExactly("court");
      assertThat(h.text()).contains("tags: court");
      h.press("T", "Enter");
      assertThat(h.article(3).tags()).isEmpty();
      h.press("u");
      assertThat(h.article(3).tags()).containsExactly("court");
    }
  }

  @Test
  void starToggles() {
    try (Harness h = Harness.open(tmp)) {
      h.press("s");
      assertThat(h.row(1)).startsWith("> *N");
      assertThat(h.article(1).starred()).isTrue();
      h.press("s");
      assertThat(h.row(1)).startsWith(">  N");
      assertThat(h.article(1).starred()).isFalse();
    }
  }

  @Test
  void archiveMarksAndMovesOn() {
    try (Harness h = Harness.open(tmp)) {
      h.press("j", "a");
      assertThat(h.article(2).status()).isEqualTo(Status.ARCHIVED);
      assertThat(h.row(0)).contains("4 articles");
      assertThat(h.row(cursorRow(h))).contains("Court pauses");
    }
  }

  @Test
  void noteIsEditedFromTheListAndTheReader() {
    try (Harness h = Harness.open(tmp)) {
      h.press("c").type("ask the ministry").press("Enter");
      assertThat(h.article(1).note()).isEqualTo("ask the ministry");
      assertThat(h.text()).contains("note: ask the ministry");
      h.press("Enter", "c", "C-u").type("call back").press("Enter");
      assertThat(h.article(1).note()).isEqualTo("call back");
      assertThat(h.text()).contains("note: call back");
      h.press("c", "C-u", "Enter");
      assertThat(h.article(1).note()).isNull();
    }
  }

  @Test
  void selectSeveralThenActOnAll() {
    try (Harness h = Harness.open(tmp, "", 80, 24, false)) {
      h.press("Space", "v");
      assertThat(h.row(0)).endsWith("· 2 selected");
      assertThat(h.row(1)).startsWith(" +");
      assertThat(h.row(2)).startsWith(" +");
      h.press("s");
      assertThat(h.ids("is:starred")).containsExactly("1", "2");
      assertThat(h.row(0)).doesNotContain("selected");

      h.press("g", "Space", "Space", "t").type("batch").press("Enter");
      assertThat(h.ids("tag:batch")).containsExactly("1", "2");
      h.press("g", "Space", "Space", "r");
      assertThat(h.ids("is:reviewed")).containsExactly("1", "2");
      h.press("g", "Space", "Space", "a");
      assertThat(h.ids("is:archived")).containsExactly("1", "2");
      h.press("g", "Space", "Space", "T", "Enter");
      assertThat(h.ids("tag:batch")).isEmpty();

      // Esc clears the selection without changing anything
      h.press("g", "Space", "Esc");
      assertThat(h.row(0)).doesNotContain("selected");
      h.press("g", "Space", "Space", "d", "y");
      assertThat(h.ids("")).containsExactly("3", "4", "5");
    }
  }

  @Test
  void undoRevertsTheLastChangeLikeTheUndoCommand() {
    try (Harness h = Harness.open(tmp)) {
      h.press("s");
      assertThat(h.article(1).starred()).isTrue();
      h.press("u");
      assertThat(h.article(1).starred()).isFalse();
      assertThat(h.row(22)).startsWith("undone #");
      assertThat(h.row(1)).startsWith(">  N");
      // the journal is the one 'dossier log' shows
      assertThat(h.cli.run("log").out()).contains("starred");
    }
  }

  @Test
  void undoOfAChangeMadeElsewhereAsksFirst() {
    try (Harness h = Harness.open(tmp)) {
      h.cli.run("tag", "+script", "--", "id:3");
      h.press("u");
      assertThat(h.row(21))
          .containsPattern("Undo #\\d+ \"\\+script on 'id:3'")
          .contains("not made in this review");
      h.press("n");
      assertThat(h.article(3).tags()).containsExactly("script");
      h.press("u", "y");
      assertThat(h.article(3).tags()).isEmpty();
      // the import before it is not ours either: a stray u cannot take it back unasked
      h.press("u");
      assertThat(h.row(21)).containsPattern("^Undo #\\d+ \"imported 1").endsWith("[y/N]");
      h.press("Esc");
      assertThat(h.ids("")).hasSize(5);
    }
  }

  /**
   * Runs dossier as another process on the same archive (the test's own classes and libraries), to
   * completion: a commit the review did not make, landing at a moment the test chooses.
   */
  private static void otherProcess(Harness h, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dossier.Main");
    cmd.add("--db");
    cmd.add(h.cli.db().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", h.cli.dir().resolve("home").toString());
    pb.environment().put("XDG_CONFIG_HOME", h.cli.dir().resolve("home/.config").toString());
    pb.environment().put("XDG_DATA_HOME", h.cli.dir().resolve("home/.local/share").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void undoUndoesOnlyTheChangeConfirmedEvenWhenAnotherProcessCommitsMeanwhile() throws Exception {
    try (Harness h = Harness.open(tmp)) {
      h.cli.run("tag", "+script", "--", "id:3");
      h.press("u");
      assertThat(h.row(21)).contains("+script on 'id:3'").contains("not made in this review");
      // between the question and the answer, another process commits a change of its own
      otherProcess(h, "tag", "+later", "--", "id:2");
      h.press("y");
      // neither is undone: the confirmed change is no longer the latest, and the other one was
      // never confirmed
      assertThat(h.article(3).tags()).containsExactly("script");
      assertThat(h.article(2).tags()).containsExactly("later");
      assertThat(h.text()).contains("not undone: #").contains("+later");
      // asked again, the review names the latest change, and undoes exactly that one
      h.press("u");
      assertThat(h.row(21)).contains("+later on 'id:2'");
      h.press("y");
      assertThat(h.article(2).tags()).isEmpty();
      assertThat(h.article(3).tags()).containsExactly("script");
    }
  }

  @Test
  void ownChangesAreUndoneByTheirIdNotWhateverIsLatest() throws Exception {
    try (Harness h = Harness.open(tmp)) {
      h.press("s"); // ours: undone without a question
      otherProcess(h, "tag", "+later", "--", "id:2");
      h.press("u");
      // the latest is not ours: the review asks, and a no leaves both alone
      assertThat(h.row(21)).contains("+later on 'id:2'");
      h.press("n");
      assertThat(h.article(1).starred()).isTrue();
      assertThat(h.article(2).tags()).containsExactly("later");
    }
  }

  @Test
  void aFieldIsCorrectedWithEPinnedAndShownWithWInTheReader() {
    try (Harness h = Harness.open(tmp)) {
      h.press("e");
      assertThat(h.text()).contains("Correct a field of #1").contains("source");
      h.type("source").press("Enter");
      assertThat(h.text()).contains("New source of #1, empty clears it");
      h.press("C-u").type("The Lisvane Courier").press("Enter");
      assertThat(h.article(1).source()).isEqualTo("The Lisvane Courier");
      assertThat(h.article(1).pinned(ArticleField.SOURCE)).isTrue();
      assertThat(h.text()).contains("edited the source of #1");
      assertThat(h.ids("source:courier")).containsExactly("1");

      h.press("Enter", "w");
      assertThat(h.text())
          .contains("where each field came from")
          .containsPattern("source +edit \\(pinned\\) +The Lisvane Courier")
          .containsPattern("section +no evidence +\\(none\\)");
      h.press("w");
      assertThat(h.text()).doesNotContain("where each field came from");

      // a bad value is refused in the prompt, and nothing changes
      h.press("e").type("publ").press("Enter").press("C-u").type("soon").press("Enter");
      assertThat(h.text()).contains("bad date 'soon'");
      h.press("Esc");
      assertThat(h.article(1).published()).isEqualTo("2024-08-15");

      // the edit is ours: u takes it back at once, with its old value
      h.press("u");
      assertThat(h.article(1).source()).isNotEqualTo("The Lisvane Courier");
      assertThat(h.article(1).pinned(ArticleField.SOURCE)).isFalse();
    }
  }

  @Test
  void theReaderDrawsTheStructuredRenditionOfTheBody() throws Exception {
    try (Harness h = Harness.open(tmp)) {
      Path export = tmp.resolve("one.ndjson");
      Files.writeString(
          export,
          "{\"title\":\"Talks resume\",\"body\":"
              + RenditionTest.json(RenditionTest.BODY)
              + ",\"markdown\":"
              + RenditionTest.json(RenditionTest.MARKDOWN)
              + ",\"content_hash\":\""
              + Text.sha256("Talks resume", "\n\n", RenditionTest.BODY)
              + "\"}\n");
      assertThat(h.cli.run("import", export.toString()).code()).isZero();
      h.press("C-l", "G", "Enter");
      assertThat(h.text())
          .contains("Dam talks resume")
          .contains("• A timetable")
          .contains("• A panel <script>")
          .contains("│ We are close, one delegate said.")
          .doesNotContain("## ");
    }
  }

  @Test
  void theReaderSaysWhichVersionItShowsOfAnArticleThatChanged() throws Exception {
    try (Harness h = Harness.open(tmp)) {
      Path f = tmp.resolve("articles").resolve("a1.md");
      String first = Files.readString(f);
      for (String word : new String[] {"resumed", "collapsed"}) {
        Files.writeString(f, first.replace("\n\n", "\n\nTalks " + word + " on Friday. "));
        assertThat(h.cli.run("import", "--on-duplicate", "version", f.toString()).code()).isZero();
      }
      h.press("C-l", "Enter");
      assertThat(h.row(1)).isEqualTo("Dam talks stall at Lisvane");
      assertThat(h.text())
          .containsPattern("version 3 of 3, changed \\d{4}-\\d{2}-\\d{2} \\(dossier diff 1 shows")
          .contains("Talks collapsed on Friday.");
      // an article with one version says nothing of versions
      h.press("q", "j", "Enter");
      assertThat(h.row(1)).isEqualTo("Harbour fees rise again");
      assertThat(h.text()).doesNotContain("version ");
    }
  }

  @Test
  void deleteAsksFirst() {
    try (Harness h = Harness.open(tmp)) {
      h.press("d");
      assertThat(h.text()).contains("Delete article #1? (u undoes it) [y/N]");
      h.press("n");
      assertThat(h.ids("")).hasSize(5);
      h.press("d", "y");
      assertThat(h.ids("")).containsExactly("2", "3", "4", "5");
      assertThat(h.row(0)).contains("4 articles");
      h.press("u");
      assertThat(h.ids("")).hasSize(5);
      // from the reader it deletes the article shown and goes back to the list
      h.press("g", "Enter", "d", "y");
      assertThat(h.row(0)).startsWith("dossier review: is:new · 4 articles");
    }
  }

  @Test
  void changesByOtherProcessesAppearWithinAPoll() {
    try (Harness h = Harness.open(tmp)) {
      othersChangesAppearWithinAPoll(h);
    }
  }

  /** On a server, other clients' commits reach the review through LISTEN/NOTIFY. */
  @Test
  void changesByOtherClientsOfAServerArchiveAppearWithinAPoll() {
    String url = PgCluster.require().database("review_live");
    try (Harness h = Harness.onServer(tmp, url)) {
      othersChangesAppearWithinAPoll(h);
    }
  }

  private static void othersChangesAppearWithinAPoll(Harness h) {
    assertThat(h.cli.run("tag", "+late", "--", "harbour").code()).isZero();
    h.settle();
    assertThat(h.text()).doesNotContain("[late]");
    h.now += TimeUnit.SECONDS.toNanos(2);
    h.settle();
    assertThat(h.row(2)).contains("Harbour fees").contains("[late]");
    // an import shows up too
    h.cli.runWithInput("A new article arrived about the harbour.", "import", "-");
    h.now += TimeUnit.SECONDS.toNanos(2);
    h.settle();
    assertThat(h.row(0)).contains("6 articles");
  }

  @Test
  void reloadKeyShowsChangesAtOnce() {
    try (Harness h = Harness.open(tmp)) {
      h.cli.run("mark", "reviewed", "--", "id:1");
      h.press("C-l");
      assertThat(h.row(0)).contains("4 articles");
    }
  }

  @Test
  void helpListsEveryActionWithItsKeys() {
    try (Harness h = Harness.open(tmp)) {
      h.press("?");
      assertScreen(h.text(), "help-80x24.txt");
      List<String> pages = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        pages.add(h.text());
        h.press("PageDown");
      }
      String all = String.join("\n", pages);
      for (Action a : Action.values()) {
        assertThat(all).as(a.name()).contains(a.keyText()).contains(a.label + ":");
      }
      h.press("q");
      assertThat(h.row(0)).startsWith("dossier review: is:new");
      // from the reader too
      h.press("Enter", "?");
      assertThat(h.row(0)).contains("keys");
      h.press("Esc");
      assertThat(h.row(0)).startsWith("dossier review: #1");
    }
  }

  @Test
  void hintLineComesFromTheActionTable() {
    try (Harness h = Harness.open(tmp)) {
      String hints = h.row(23);
      for (Action a : Action.on(Where.LIST)) {
        if (a.hint != null && hints.contains(" " + a.hint)) {
          assertThat(hints).contains(Keys.display(a.keys.get(0)) + " " + a.hint);
        }
      }
      assertThat(hints).endsWith("? help");
    }
  }

  @Test
  void quitsWithQ() {
    try (Harness h = Harness.open(tmp)) {
      h.press("Enter", "q");
      assertThat(h.app.running()).isTrue();
      h.press("q");
      assertThat(h.app.running()).isFalse();
    }
    try (Harness h = Harness.open(tmp.resolve("c"))) {
      h.press("Enter", "C-c");
      assertThat(h.app.running()).isFalse();
    }
    // Esc and q typed fast arrive as Alt+q: the prompt closes and q quits
    try (Harness h = Harness.open(tmp.resolve("alt"))) {
      h.press("t");
      h.terminal.addInput(new KeyStroke('q', false, true));
      h.settle();
      assertThat(h.app.running()).isFalse();
    }
  }

  @Test
  void followsResizes() {
    try (Harness h = Harness.open(tmp)) {
      h.app.markReadOnOpen(false); // the list at the end is the first screen again, all new
      h.terminal.setTerminalSize(new TerminalSize(120, 30));
      h.settle();
      assertThat(h.row(29)).contains("c note");
      assertThat(h.text())
          .contains("漢字の見出し and a very long title that goes on well past the width");
      // tiny windows: nothing breaks, and it says so when nothing useful fits
      h.terminal.setTerminalSize(new TerminalSize(30, 7));
      h.settle().press("j", "Enter", "q", "?", "q");
      assertThat(h.row(0)).startsWith("dossier review: is:new");
      h.terminal.setTerminalSize(new TerminalSize(12, 4));
      h.settle();
      assertThat(h.row(0)).isEqualTo("window too s");
      h.terminal.setTerminalSize(new TerminalSize(80, 24));
      h.settle().press("k");
      assertScreen(h.text(), "list-80x24.txt");
    }
  }

  @Test
  void withoutColorOnlyBoldAndReverse() {
    try (Harness h = Harness.open(tmp)) {
      for (int r = 0; r < 24; r++) {
        for (int c = 0; c < 80; c++) {
          TextCharacter ch = h.cell(c, r);
          assertThat(ch.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
          assertThat(ch.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        }
      }
      assertThat(h.cell(0, 0).isReversed()).isTrue();
    }
    try (Harness h = Harness.open(tmp.resolve("color"), "is:new", 80, 24, true)) {
      assertThat(h.cell(0, 0).getBackgroundColor()).isEqualTo(TextColor.ANSI.BLUE);
    }
  }

  @Test
  void wideCharactersAreCutByWidthAndControlCharactersShowAsPlaceholders() {
    try (Harness h = Harness.open(tmp)) {
      String row = h.row(4);
      assertThat(row).contains("漢字の見出し").endsWith("…");
      // every row fits the terminal, counting a wide character as two columns
      for (int r = 0; r < 24; r++) {
        assertThat(Cells.width(h.row(r))).isLessThanOrEqualTo(80);
      }
      h.press("G", "k");
      assertThat(h.text()).contains("escape ␛[31mred␛[0m sequence");
      h.press("Enter");
      assertThat(h.text()).contains("escape ␛[31mred␛[0m sequence");
      for (int r = 0; r < 24; r++) {
        for (int c = 0; c < 80; c++) {
          String s = h.cell(c, r).getCharacterString();
          assertThat(s.chars().allMatch(ch -> ch >= 0x20 && (ch < 0x7f || ch >= 0xa0)))
              .as("cell %d,%d", c, r)
              .isTrue();
        }
      }
    }
  }
}
