package dossier.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * A one-line editor at the bottom of the screen, with a list of choices above it: the query editor,
 * the tag prompt (completion and suggestions), the note editor, and the pickers for a tag to remove
 * or a saved search.
 */
final class PromptView implements View {
  /** A choice: the value it puts in, and a note beside it (a count, a reason, a query). */
  record Choice(String value, String detail) {}

  /** What the prompt is for. */
  interface Handler {
    /** The choices for the text typed so far. */
    default List<Choice> choices(String text) {
      return List.of();
    }

    /** Called after each edit. */
    default void changed(String text) {}

    /**
     * The user pressed Enter, with a choice highlighted (or null).
     *
     * @return null to close the prompt, or a message to keep it open and show
     */
    String submit(String text, Choice chosen);

    default void cancel() {}
  }

  private static final int MAX_CHOICES = 8;

  private final String title;
  private final String hint;
  private Handler handler;

  /** Enter takes the highlighted choice, not the text (pickers). */
  private final boolean pick;

  private final View under;

  private final StringBuilder text = new StringBuilder();
  private int caret;
  private int highlight;
  private String message;
  private boolean messageIsError;
  private boolean closed;

  /**
   * The initial text is an offer (the last command): Enter takes it, a typed character replaces it.
   */
  private boolean offered;

  PromptView(View under, String title, String hint, String initial, boolean pick, Handler handler) {
    this.under = under;
    this.title = title;
    this.hint = hint;
    this.handler = handler;
    this.pick = pick;
    this.highlight = pick ? 0 : -1;
    text.append(initial == null ? "" : initial);
    caret = text.length();
  }

  /**
   * Makes the initial text an offer, as a shell's default answer: Enter takes it, editing keys
   * (arrows, Backspace, C-e...) edit it, and a typed character starts a new text in its place.
   */
  PromptView offered() {
    offered = text.length() > 0;
    return this;
  }

  @Override
  public Where where() {
    return null;
  }

  @Override
  public String header() {
    return under.header();
  }

  Handler handler() {
    return handler;
  }

  /** For handlers that need the prompt itself (to show messages in it). */
  void setHandler(Handler h) {
    handler = h;
  }

  View under() {
    return under;
  }

  boolean closed() {
    return closed;
  }

  String text() {
    return text.toString();
  }

  /** Shows a message under the input: an error (the query does not parse) or a note. */
  void message(String m, boolean error) {
    message = m;
    messageIsError = error;
  }

  /** The error shown under the input, or null. */
  String error() {
    return messageIsError ? message : null;
  }

  private List<Choice> choices() {
    List<Choice> all = handler.choices(text.toString());
    return all.size() > MAX_CHOICES ? all.subList(0, MAX_CHOICES) : all;
  }

  @Override
  public void key(KeyStroke k) {
    String name = Keys.name(k);
    if (name == null) {
      return;
    }
    List<Choice> choices = choices();
    String before = text.toString();
    if (offered) {
      offered = false;
      if (k.getKeyType() == KeyType.Character
          && !k.isCtrlDown()
          && !k.isAltDown()
          && !Character.isISOControl(k.getCharacter())) {
        text.setLength(0);
        caret = 0;
      }
    }
    switch (name) {
      case "Enter" -> {
        Choice chosen =
            highlight >= 0 && highlight < choices.size() ? choices.get(highlight) : null;
        if (pick && chosen == null && !choices.isEmpty()) {
          chosen = choices.get(0);
        }
        String m = handler.submit(text.toString(), chosen);
        if (m == null) {
          closed = true;
        } else {
          message(m, true);
        }
        return;
      }
      case "Esc", "C-c", "C-g" -> {
        closed = true;
        handler.cancel();
        return;
      }
      case "Down", "C-n" ->
          highlight = choices.isEmpty() ? -1 : Math.min(highlight + 1, choices.size() - 1);
      case "Up", "C-p" -> highlight = Math.max(pick ? 0 : -1, highlight - 1);
      case "Tab" -> {
        if (!choices.isEmpty()) {
          Choice ch = choices.get(Math.max(0, highlight));
          complete(ch.value());
        }
      }
      case "Left" -> caret = prev(caret);
      case "Right" -> caret = next(caret);
      case "Home", "C-a" -> caret = 0;
      case "End", "C-e" -> caret = text.length();
      case "Backspace", "C-h" -> {
        if (caret > 0) {
          int p = prev(caret);
          text.delete(p, caret);
          caret = p;
        }
      }
      case "Delete", "C-d" -> {
        if (caret < text.length()) {
          text.delete(caret, next(caret));
        }
      }
      case "C-u" -> {
        text.delete(0, caret);
        caret = 0;
      }
      case "C-k" -> text.setLength(caret);
      case "C-w" -> {
        int p = caret;
        while (p > 0 && text.charAt(p - 1) == ' ') {
          p--;
        }
        while (p > 0 && text.charAt(p - 1) != ' ') {
          p--;
        }
        text.delete(p, caret);
        caret = p;
      }
      default -> {
        if (k.getKeyType() == KeyType.Character
            && !k.isCtrlDown()
            && !k.isAltDown()
            && !Character.isISOControl(k.getCharacter())) {
          text.insert(caret, k.getCharacter().charValue());
          caret++;
        }
      }
    }
    if (!text.toString().equals(before)) {
      highlight = pick ? 0 : -1;
      message = null;
      handler.changed(text.toString());
    }
  }

  /**
   * Replaces the part after the last comma with a choice (tags are entered as a comma-separated
   * list); pickers replace everything.
   */
  private void complete(String value) {
    String s = text.toString();
    int comma = pick ? -1 : s.lastIndexOf(',');
    String head = comma < 0 ? "" : s.substring(0, comma + 1) + " ";
    text.setLength(0);
    text.append(head).append(value);
    if (!pick && handler instanceof ListInput) {
      text.append(", ");
    }
    caret = text.length();
    highlight = pick ? 0 : -1;
    handler.changed(text.toString());
  }

  /** Marks handlers whose text is a comma-separated list (Tab adds ", " after a completion). */
  interface ListInput {}

  private int prev(int i) {
    return i <= 0 ? 0 : Character.isLowSurrogate(text.charAt(i - 1)) && i > 1 ? i - 2 : i - 1;
  }

  private int next(int i) {
    return i >= text.length() ? i : Character.isHighSurrogate(text.charAt(i)) ? i + 2 : i + 1;
  }

  @Override
  public void draw(Canvas c, int from, int to) {
    Theme t = c.theme;
    List<Choice> choices = choices();
    int height = 3 + choices.size() + (message != null ? 1 : 0);
    int top = Math.max(from, to - height);
    int row = top;
    for (int r = top; r < to; r++) {
      c.fillRow(r, t.box);
    }
    int col0 = c.put(0, row, "── ", t.box);
    col0 = c.put(col0, row, Cells.fit(Cells.line(title), c.width - 8), t.title);
    c.put(col0, row++, " " + "─".repeat(c.width), t.box);
    int valueW = 0;
    for (Choice ch : choices) {
      valueW = Math.max(valueW, Cells.width(Cells.line(ch.value())));
    }
    valueW = Math.min(valueW, c.width / 2);
    for (int i = 0; i < choices.size() && row < to; i++) {
      Choice ch = choices.get(i);
      boolean hl = i == highlight;
      if (hl) {
        c.fillRow(row, t.cursor);
      }
      int col = c.put(0, row, hl ? "> " : "  ", hl ? t.cursor : t.box);
      col = c.put(col, row, Cells.pad(Cells.line(ch.value()), valueW), hl ? t.cursor : t.box);
      if (ch.detail() != null && !ch.detail().isBlank()) {
        c.put(
            col + 2,
            row,
            Cells.fit(Cells.line(ch.detail()), c.width - col - 2),
            hl ? t.cursor : t.dim);
      }
      row++;
    }
    if (message != null && row < to) {
      c.put(0, row++, Cells.fit(Cells.line(message), c.width), messageIsError ? t.error : t.dim);
    }
    if (row < to) {
      c.put(0, row++, Cells.fit(hint, c.width), t.dim);
    }
    if (row < to) {
      drawInput(c, row);
    }
  }

  private void drawInput(Canvas c, int row) {
    String label = "> ";
    String s = Cells.line(text.substring(0, caret));
    String rest = Cells.line(text.substring(caret));
    int room = c.width - Cells.width(label) - 1;
    // keep the caret on screen: drop characters from the left while the text before it is too wide
    while (Cells.width(s) > room && !s.isEmpty()) {
      s = s.substring(Character.charCount(s.codePointAt(0)));
    }
    int col = c.put(0, row, label, c.theme.key);
    int caretCol = c.put(col, row, s, c.theme.box);
    c.put(caretCol, row, rest, c.theme.box);
    c.cursor(new TerminalPosition(Math.min(caretCol, c.width - 1), row));
  }
}
