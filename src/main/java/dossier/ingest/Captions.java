package dossier.ingest;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Photo captions without their credits: "Photo: Name/AP", "(Photograph: Name)", "Credit: Name",
 * "CreditCredit...", "Image caption" labels, and credit boxes inside the caption.
 */
final class Captions {
  private Captions() {}

  private static final String CREDIT_WORD =
      "(?:photo(?:graph)?s?|image|picture|foto|credit|source|illustration|video)";

  /** A credit at the end of a caption: "... Photograph: Ivo Brandt/Northern Post". */
  private static final Pattern TRAILING_CREDIT =
      Pattern.compile(
          "\\s*(?:[|/–—-]\\s*)?[(\\[]?\\s*(?:\\b"
              + CREDIT_WORD
              + "s?\\s*(?::|by\\b)|©|\\(c\\))"
              + "[^()\\[\\]]{1,100}[)\\]]?\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** Labels that screen readers or galleries print before the caption text. */
  private static final Pattern LEADING_LABEL =
      Pattern.compile(
          "^(?:(?:media|image|photo|video)\\s+caption\\s*:?|(?:caption|image|photo|picture)\\s*:)"
              + "\\s+",
          Pattern.CASE_INSENSITIVE);

  /** "CreditCredit Name/Agency" and "Credit Name" glued to the caption by page markup. */
  private static final Pattern GLUED_CREDIT =
      Pattern.compile("\\s*(?:CreditCredit|(?<=[.!?])\\s*Credit\\b:?)\\s*\\S.{0,100}$");

  /** Dashes, bars and colons a credit left at the end. */
  private static final Pattern TRAILING_MARKS = Pattern.compile("\\s*[-–—|/:]+$");

  static final Pattern ANY_LETTER = Pattern.compile("(?s).*\\p{L}.*");

  /** Boxes inside a caption that hold its credit. */
  private static final Evaluator CREDIT_BOXES =
      Selector.evaluatorOf(
          "[class~=(?i)credit|copyright|byline|source|attribution|photographer],"
              + " [itemprop=copyrightHolder], [itemprop=creator], small, cite");

  /** The caption's text, credit boxes and credit phrases left out. */
  static String withoutCredit(Element caption) {
    Element c = caption.clone();
    for (Element e : c.select(CREDIT_BOXES)) {
      e.remove();
    }
    return withoutCredit(Spaces.collapse(c.text()));
  }

  /** A caption line without its credit; null when nothing but a credit is left. */
  static String withoutCredit(String caption) {
    String t = Spaces.collapse(caption);
    t = LEADING_LABEL.matcher(t).replaceFirst("");
    t = GLUED_CREDIT.matcher(t).replaceFirst("");
    for (int i = 0; i < 2; i++) {
      t = TRAILING_CREDIT.matcher(t).replaceFirst("");
    }
    t = TRAILING_MARKS.matcher(t.strip()).replaceFirst("");
    return t.isEmpty() || !ANY_LETTER.matcher(t).matches() ? null : t;
  }
}
