package dossier.tui;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * One screen or pop-up of the review UI. Screens ({@link #where} not null) take their keys from the
 * action table; pop-ups that edit text take every key themselves.
 */
interface View {
  /** The column of the action table this screen uses, or null for a pop-up. */
  Where where();

  /** The text of the top line. */
  String header();

  /** Text for the right end of the top line (a position), kept when the header is cut. */
  default String position() {
    return "";
  }

  /** Draws the rows between the top line and the status line. */
  void draw(Canvas c, int top, int bottom);

  /** Handles a movement action; false when it does not apply here. */
  default boolean move(Action a) {
    return false;
  }

  /** A pop-up's own key handling; screens leave keys to the action table. */
  default void key(KeyStroke k) {}
}
