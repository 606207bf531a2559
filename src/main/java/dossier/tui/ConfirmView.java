package dossier.tui;

import com.googlecode.lanterna.input.KeyStroke;

/** A yes/no question at the bottom of the screen; only {@code y} says yes. */
final class ConfirmView implements View {
  private final View under;
  private final String question;
  private final Runnable yes;
  private boolean closed;

  ConfirmView(View under, String question, Runnable yes) {
    this.under = under;
    this.question = question;
    this.yes = yes;
  }

  @Override
  public Where where() {
    return null;
  }

  @Override
  public String header() {
    return under.header();
  }

  View under() {
    return under;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void key(KeyStroke k) {
    closed = true;
    if ("y".equals(Keys.name(k)) || "Y".equals(Keys.name(k))) {
      yes.run();
    }
  }

  @Override
  public void draw(Canvas c, int from, int to) {
    int row = Math.max(from, to - 1);
    c.fillRow(row, c.theme.box);
    // the question is cut, never the answer it asks for
    int col = c.put(0, row, Cells.fit(question, c.width - 6), c.theme.error);
    c.put(col, row, " [y/N]", c.theme.error);
  }
}
