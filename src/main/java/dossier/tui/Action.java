package dossier.tui;

import static dossier.tui.Where.HELP;
import static dossier.tui.Where.LIST;
import static dossier.tui.Where.READER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every operation of the review UI: its keys, the help text, and the screens it works on. The
 * keymap, the help screen and the key-hint line are all built from this one table, so a key cannot
 * exist without help or the other way round.
 */
enum Action {
  DOWN(
      "down",
      "move down (scroll in the reader and help)",
      null,
      keys("j", "Down"),
      LIST,
      READER,
      HELP),
  UP("up", "move up (scroll in the reader and help)", null, keys("k", "Up"), LIST, READER, HELP),
  PAGE_DOWN("page down", "one page down", null, keys("PageDown", "C-f", "C-d"), LIST, READER, HELP),
  PAGE_UP("page up", "one page up", null, keys("PageUp", "C-b", "C-u"), LIST, READER, HELP),
  SPACE_PAGE("next page", "one page down, as in less", null, keys("Space"), READER, HELP),
  BACK_PAGE("previous page", "one page up, as in less", null, keys("b"), READER, HELP),
  FIRST(
      "first",
      "go to the first article (top of the text)",
      null,
      keys("g", "Home"),
      LIST,
      READER,
      HELP),
  LAST(
      "last",
      "go to the last article (end of the text)",
      null,
      keys("G", "End"),
      LIST,
      READER,
      HELP),
  OPEN("read", "open the article in the reader", "read", keys("Enter", "l", "Right"), LIST),
  NEXT_ARTICLE("next article", "show the next article of the list", "next", keys("J"), READER),
  PREV_ARTICLE(
      "previous article", "show the previous article of the list", null, keys("K"), READER),
  BACK("back", "back to the list", "back", keys("q", "Esc", "h", "Left"), READER, HELP),
  FIND(
      "find",
      "search inside the article, as in less; n and N go to the next and previous match",
      null,
      keys("/"),
      READER),
  FIND_NEXT(
      "next match", "go to the next match of the search in the article", null, keys("n"), READER),
  FIND_PREV(
      "previous match",
      "go to the previous match of the search in the article",
      null,
      keys("N"),
      READER),
  QUERY("query", "edit the query; the list follows as soon as it parses", "query", keys("/"), LIST),
  SAVED("saved searches", "pick a saved search", "saved", keys("S"), LIST),
  SAVED_N(
      "saved search N",
      "show the Nth saved search (by name)",
      null,
      keys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
      LIST),
  INBOX("inbox", "show new articles (is:new)", null, keys("i"), LIST),
  TAG("tag", "add tags (Tab completes; suggestions are listed)", "tag", keys("t"), LIST, READER),
  UNTAG("untag", "remove a tag", null, keys("T"), LIST, READER),
  REVIEWED(
      "reviewed",
      "mark reviewed and move to the next article",
      "reviewed",
      keys("r"),
      LIST,
      READER),
  STAR("star", "star or unstar", "star", keys("s"), LIST, READER),
  TOGGLE_NEW(
      "new/read",
      "mark read, or new again (opening an article marks it read unless review --no-mark-read)",
      null,
      keys("N"),
      LIST),
  OPEN_URL(
      "open url",
      "open the article's URL in $BROWSER (else xdg-open)",
      null,
      keys("o"),
      LIST,
      READER),
  COPY_URL(
      "copy url",
      "copy the article's URL to the clipboard (OSC 52, where the terminal allows it)",
      null,
      keys("y"),
      LIST,
      READER),
  PIPE(
      "pipe",
      "pipe the article's text (as 'dossier show' prints it) to a shell command; its output stays"
          + " on the screen until a key is pressed; the last command is offered again (Enter runs"
          + " it, typing replaces it)",
      null,
      keys("|"),
      LIST,
      READER),
  ARCHIVE(
      "archive", "mark archived and move to the next article", "archive", keys("a"), LIST, READER),
  NOTE("note", "edit the note (one line)", "note", keys("c"), LIST, READER),
  NOTE_EDITOR(
      "note in editor",
      "edit the note in $VISUAL or $EDITOR (else vi), for more than one line",
      null,
      keys("C"),
      LIST,
      READER),
  EDIT(
      "edit",
      "correct a field (title, source, authors, date, url, section, language, caption); pinned"
          + " against reextract, and u takes it back",
      null,
      keys("e"),
      LIST,
      READER),
  PREVIEW(
      "preview",
      "hide or show the preview: the list takes the whole screen",
      null,
      keys("p"),
      LIST),
  SORT(
      "sort",
      "sort by: newest, oldest, imported, title, relevance (with words in the query)",
      null,
      keys("O"),
      LIST),
  COPIES(
      "fold copies",
      "fold copies under their original: a story seen in twelve outlets is one line, '+11"
          + " copies'; Z again lists them flat",
      null,
      keys("Z"),
      LIST),
  THREADS(
      "threads",
      "show stories as threads, as mutt does: the articles of one story together, oldest first,"
          + " under ├─ └─ marks; = again lists them flat",
      null,
      keys("="),
      LIST),
  FOLD(
      "fold",
      "fold or unfold the copies under this line, or on a line without copies its thread; t r s"
          + " a N d and selecting a folded line act on every article folded in it",
      null,
      keys("z"),
      LIST),
  STORY(
      "story",
      "show the article's story as a thread (story:N); x again goes back to the list before",
      null,
      keys("x"),
      LIST,
      READER),
  SELECT(
      "select",
      "select or unselect and move down; t T r s a d then act on all selected",
      "select",
      keys("Space", "v"),
      LIST),
  SELECT_QUERY(
      "select by query",
      "select the articles of the list that match a query, as mutt's T does",
      null,
      keys("V"),
      LIST),
  UNSELECT("unselect all", "clear the selection", null, keys("Esc"), LIST),
  UNDO(
      "undo",
      "undo the last change (the journal of 'dossier undo'); one made outside this review is"
          + " named and needs a yes",
      "undo",
      keys("u"),
      LIST,
      READER),
  WHY("why", "show or hide where each field came from (its provenance)", "why", keys("w"), READER),
  DELETE(
      "delete", "delete, after a confirmation (u brings it back)", null, keys("d"), LIST, READER),
  RELOAD("reload", "reload from the archive and redraw", null, keys("C-l"), LIST, READER, HELP),
  HELP_SCREEN("help", "show this help", "help", keys("?"), LIST, READER),
  QUIT("quit", "quit (Ctrl-C quits from anywhere)", "quit", keys("q", "C-c"), LIST);

  final String label;
  final String help;

  /** The word on the key-hint line, or null to leave it to the help screen. */
  final String hint;

  final List<String> keys;
  final Set<Where> where;

  Action(String label, String help, String hint, List<String> keys, Where first, Where... more) {
    this.label = label;
    this.help = help;
    this.hint = hint;
    this.keys = keys;
    this.where = EnumSet.of(first, more);
  }

  private static List<String> keys(String... k) {
    return List.of(k);
  }

  /** The action a key triggers on a screen, or null. */
  static Action forKey(Where w, String key) {
    for (Action a : values()) {
      if (a.where.contains(w) && a.keys.contains(key)) {
        return a;
      }
    }
    return null;
  }

  /** The keys as the help screen shows them: "j, Down"; a run of digits as "1-9". */
  String keyText() {
    if (this == SAVED_N) {
      return keys.get(0) + "-" + keys.get(keys.size() - 1);
    }
    return String.join(", ", keys.stream().map(Keys::display).toList());
  }

  /** The actions of a screen, in table order. */
  static List<Action> on(Where w) {
    List<Action> out = new ArrayList<>();
    for (Action a : values()) {
      if (a.where.contains(w)) {
        out.add(a);
      }
    }
    return out;
  }
}
