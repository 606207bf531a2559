package dossier.similar;

import dossier.service.Stopwords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names an article is about: runs of capitalised words ("Mikhail Khodorkovsky", "Yukos",
 * "Manchester United"), lower-cased, with how often each occurs in the title and body. A developing
 * event keeps its names (people, firms, places) from one report to the next while the words around
 * them change, so names are what story threads are grouped by; how rare a name is comes from the
 * archive (see {@link Stories}).
 *
 * <p>A capitalised word that opens a sentence counts only when the text also capitalises it
 * elsewhere, so "Shares fell" does not make "shares" a name. A title (Mr, Dr) is dropped, and a
 * name of several words also counts its last word alone, as a later "Mr Khodorkovsky" names him.
 */
public final class StoryTerms {
  /** Names kept per article, the most frequent first. */
  public static final int MAX = 40;

  /** Words of a run kept; a longer run is a heading in title case rather than a name. */
  private static final int LONGEST = 4;

  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "st", "mr.", "dr.");

  /** The longest of {@link #TITLES}. */
  private static final int LONGEST_TITLE = 4;

  private StoryTerms() {}

  /** The names of an article, most frequent first (ties in order of appearance). */
  public static Map<String, Integer> of(String title, String body) {
    return of(title, body == null ? null : body.toCharArray());
  }

  /**
   * {@link #of(String, String)} of a body given as its characters, which are only read: an import
   * fingerprints the same array (see {@link Fingerprint#of(char[])}).
   */
  public static Map<String, Integer> of(String title, char[] body) {
    Capitals caps = new Capitals();
    if (title != null) {
      caps.scan(title.toCharArray());
    }
    if (body != null) {
      caps.scan(body);
    }
    int n = caps.size;
    // sized for every word at once: growing them was a tenth of the work
    Set<String> capitalisedInside = new HashSet<>(2 * n);
    for (int t = 0; t < n; t++) {
      if (!caps.first[t]) {
        capitalisedInside.add(caps.lower[t]);
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>(4 * n);
    int t = 0;
    while (t < n) {
      int end = t + 1;
      while (end < n && caps.continues[end]) {
        end++;
      }
      int from = caps.first[t] && !capitalisedInside.contains(caps.lower[t]) ? t + 1 : t;
      count(caps.lower, from, end, counts);
      t = end;
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(MAX, sorted.size()))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Counts the name of the run {@code words[from, to)} and its last word. */
  private static void count(String[] words, int from, int to, Map<String, Integer> counts) {
    while (from < to && (TITLES.contains(words[from]) || Stopwords.isStopword(words[from]))) {
      from++;
    }
    while (from < to && Stopwords.isStopword(words[to - 1])) {
      to--;
    }
    if (from == to || to - from > LONGEST) {
      return;
    }
    String last = words[to - 1];
    if (to - from > 1) {
      counts.merge(String.join(" ", Arrays.asList(words).subList(from, to)), 1, Integer::sum);
    }
    if (last.length() > 1 && !allDigits(last)) {
      counts.merge(last, 1, Integer::sum);
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit((int) s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The capitalised words of the texts scanned, in order, lower-cased: whether each opens its
   * sentence, and whether it continues a run of capitalised words (the word before it in the same
   * sentence is capitalised, and only spaces lie between them). Sentences end at . ! ? : ; and line
   * ends. Words in lower case are only read past: they end a run and nothing else, so none is kept.
   */
  private static final class Capitals {
    String[] lower = new String[64];
    boolean[] first = new boolean[64];
    boolean[] continues = new boolean[64];
    int size;

    private void add(String word, boolean opens, boolean cont) {
      if (size == lower.length) {
        lower = Arrays.copyOf(lower, 2 * size);
        first = Arrays.copyOf(first, 2 * size);
        continues = Arrays.copyOf(continues, 2 * size);
      }
      lower[size] = word;
      first[size] = opens;
      continues[size] = cont;
      size++;
    }

    /** Room for an ASCII word lower-cased, as Latin-1 bytes. */
    private byte[] ascii = new byte[32];

    /**
     * {@link StoryTerms#lower}, with one copy rather than two for a word of ASCII letters (lower
     * case of ASCII in the root locale is A-Z to a-z and nothing else).
     */
    private String lowerCase(char[] text, int start, int end) {
      int len = end - start;
      if (len > ascii.length) {
        ascii = new byte[Math.max(len, 2 * ascii.length)];
      }
      for (int k = 0; k < len; k++) {
        char c = text[start + k];
        if (c >= 128) {
          return lower(text, start, end);
        }
        ascii[k] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      }
      return new String(ascii, 0, len, StandardCharsets.ISO_8859_1);
    }

    /** Adds the capitalised words of one text (a title or a body), its own sentences. */
    void scan(char[] text) {
      // an array, not charAt: most bodies hold a curly quote, and charAt checks every index of
      // such a string for a second time
      int n = text.length;
      int i = 0;
      boolean joined = false;
      // the current sentence has a word; its last word is capitalised
      boolean words = false;
      boolean lastCapital = false;
      // where the last word of the current sentence starts and ends, for an abbreviation's stop
      int lastStart = 0;
      int lastEnd = 0;
      while (i < n) {
        char c = text[i];
        if (letterOrDigit(c)) {
          int start = i;
          while (i < n && wordChar(text, i)) {
            i++;
          }
          boolean capital = c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
          if (capital) {
            add(lowerCase(text, start, i), !words, words && lastCapital && joined);
          }
          words = true;
          lastCapital = capital;
          lastStart = start;
          lastEnd = i;
          joined = true;
          continue;
        }
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') {
          if (!(c == '.' && words && abbreviation(text, lastStart, lastEnd))) {
            words = false;
            lastCapital = false;
          }
          joined = c == '.' && words;
        } else if (!whitespace(c)) {
          joined = false;
        }
        i++;
      }
    }
  }

  private static String lower(char[] text, int start, int end) {
    return new String(text, start, end - start).toLowerCase(Locale.ROOT);
  }

  /** Letters and digits among the ASCII characters. */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
  }

  /** {@link Character#isWhitespace}, without a look-up for the ASCII ones. */
  private static boolean whitespace(char c) {
    return c < 128
        ? c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31
        : Character.isWhitespace(c);
  }

  /** {@link Character#isLetterOrDigit}, without a look-up for the ASCII ones. */
  private static boolean letterOrDigit(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** A letter or digit, or an apostrophe, hyphen or ampersand inside a word ("O'Neill"). */
  private static boolean wordChar(char[] text, int i) {
    char c = text[i];
    if (letterOrDigit(c)) {
      return true;
    }
    return (c == '\'' || c == '\u2019' || c == '-' || c == '&')
        && i + 1 < text.length
        && letterOrDigit(text[i + 1])
        && i > 0
        && letterOrDigit(text[i - 1]);
  }

  /** A full stop after "Mr" or a single letter ("J. K.") does not end the sentence. */
  private static boolean abbreviation(char[] text, int start, int end) {
    if (end - start > LONGEST_TITLE) {
      // lower case is never shorter: no single letter, no title
      return false;
    }
    String last = lower(text, start, end);
    return last.length() == 1 || TITLES.contains(last);
  }
}
