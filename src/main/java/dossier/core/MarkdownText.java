package dossier.core;

import java.util.regex.Pattern;

/**
 * Article text written into Markdown so that it reads back as the same text and nothing else: a
 * title, body or note that holds {@code <script>}, {@code <img onerror=...>} or {@code
 * [x](javascript:...)} must come out as those characters, not as live markup, as the web page that
 * showed it escaped them. Every character CommonMark (and GitHub's tables and strikethrough) give a
 * meaning is escaped with a backslash, which CommonMark allows before any ASCII punctuation.
 */
public final class MarkdownText {
  private MarkdownText() {}

  /** Characters that start markup anywhere in a line. */
  private static final String INLINE = "\\`*_[]<>&!|~";

  /** Characters that start a block (heading, quote, list, rule) at the start of a line. */
  private static final String LINE_START = "#>-+=";

  /** One line or paragraph of text as Markdown inline content; newlines are kept. */
  public static String escape(String s) {
    return escape(s, true);
  }

  /**
   * {@link #escape(String)} of text that continues a line when {@code lineStart} is false, so that
   * only the characters that mean something inside a line are escaped.
   */
  public static String escape(String s, boolean lineStart) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append(c);
        lineStart = true;
        continue;
      }
      if (lineStart && c == ' ') {
        b.append(c);
        continue;
      }
      if (INLINE.indexOf(c) >= 0 || (lineStart && LINE_START.indexOf(c) >= 0)) {
        b.append('\\');
      } else if (lineStart && c >= '0' && c <= '9') {
        // "1. " and "1) " start an ordered list: escape the dot or parenthesis after the digits
        int j = i;
        while (j < s.length() && j - i < 9 && Character.isDigit(s.charAt(j))) {
          j++;
        }
        if (j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == ')')) {
          b.append(s, i, j).append('\\').append(s.charAt(j));
          i = j;
          lineStart = false;
          continue;
        }
      }
      b.append(c);
      lineStart = false;
    }
    return b.toString();
  }

  private static final Pattern LINK_TARGET =
      Pattern.compile("(?i)(https?://|mailto:)[^\\s<>()\\\\]+");

  /**
   * A link target fit for a Markdown link: http, https and mailto only (never {@code javascript:},
   * {@code data:} or {@code file:}), with nothing in it that could end the link; null for any
   * other.
   */
  public static String linkTarget(String url) {
    if (url == null || !LINK_TARGET.matcher(url).matches()) {
      return null;
    }
    return url;
  }
}
