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

  /**
   * False when {@link #TRAILING_CREDIT} cannot match: every credit it takes has a colon, "by", a
   * copyright sign or "(c)" in it. The pattern is tried at every place of the line; this is not.
   */
  private static boolean mayHoldCredit(String t) {
    return t.indexOf(':') >= 0
        || t.indexOf('©') >= 0
        || holdsIgnoringCase(t, "by")
        || holdsIgnoringCase(t, "(c)");
  }

  /** {@code t} contains {@code ascii} (lower-case ASCII) in any mix of ASCII cases. */
  static boolean holdsIgnoringCase(String t, String ascii) {
    int n = ascii.length();
    for (int i = 0; i + n <= t.length(); i++) {
      if (t.regionMatches(true, i, ascii, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** A caption line without its credit; null when nothing but a credit is left. */
  static String withoutCredit(String caption) {
    String t = Spaces.collapse(caption);
    t = LEADING_LABEL.matcher(t).replaceFirst("");
    if (t.contains("Credit")) {
      t = GLUED_CREDIT.matcher(t).replaceFirst("");
    }
    for (int i = 0; i < 2 && mayHoldCredit(t); i++) {
      t = TRAILING_CREDIT.matcher(t).replaceFirst("");
    }
    t = TRAILING_MARKS.matcher(t.strip()).replaceFirst("");
    return t.isEmpty() || !ANY_LETTER.matcher(t).matches() ? null : t;
  }
}
