package dossier.similar;

import dossier.service.Stopwords;
import java.util.ArrayList;
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
    List<List<Word>> sentences = new ArrayList<>();
    if (title != null) {
      sentences.addAll(sentences(title));
    }
    if (body != null) {
      sentences.addAll(sentences(body));
    }
    Set<String> capitalisedInside = new HashSet<>();
    for (List<Word> s : sentences) {
      for (int i = 1; i < s.size(); i++) {
        if (s.get(i).capital()) {
          capitalisedInside.add(s.get(i).lower());
        }
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<Word> s : sentences) {
      int i = 0;
      while (i < s.size()) {
        if (!s.get(i).capital()) {
          i++;
          continue;
        }
        int j = i;
        List<String> run = new ArrayList<>();
        while (j < s.size() && s.get(j).capital() && (j == i || s.get(j).joined())) {
          run.add(s.get(j).lower());
          j++;
        }
        if (i == 0 && !capitalisedInside.contains(run.get(0))) {
          run.remove(0);
        }
        count(run, counts);
        i = j;
      }
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(MAX, sorted.size()))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static void count(List<String> run, Map<String, Integer> counts) {
    while (!run.isEmpty() && (TITLES.contains(run.get(0)) || Stopwords.isStopword(run.get(0)))) {
      run.remove(0);
    }
    while (!run.isEmpty() && Stopwords.isStopword(run.get(run.size() - 1))) {
      run.remove(run.size() - 1);
    }
    if (run.isEmpty() || run.size() > LONGEST) {
      return;
    }
    String last = run.get(run.size() - 1);
    if (run.size() > 1) {
      counts.merge(String.join(" ", run), 1, Integer::sum);
    }
    if (last.length() > 1 && !last.chars().allMatch(Character::isDigit)) {
      counts.merge(last, 1, Integer::sum);
    }
  }

  /**
   * A word, whether it is capitalised, and whether only spaces separate it from the one before. A
   * word in lower case is only ever asked whether it is capitalised: it is {@link #LOWER}, and only
   * capitalised words are cut out of the text and lower-cased.
   */
  private record Word(String lower, boolean capital, boolean joined) {}

  private static final Word LOWER = new Word(null, false, false);

  /** The words of a text, cut into sentences at . ! ? and line ends. */
  private static List<List<Word>> sentences(String string) {
    // an array, not charAt: most bodies hold a curly quote, and charAt checks every index of such a
    // string for a second time
    char[] text = string.toCharArray();
    List<List<Word>> out = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    int n = text.length;
    int i = 0;
    boolean joined = false;
    // where the last word of the current sentence starts and ends, for an abbreviation's full stop
    int lastStart = 0;
    int lastEnd = 0;
    while (i < n) {
      char c = text[i];
      if (letterOrDigit(c)) {
        int start = i;
        while (i < n && wordChar(text, i)) {
          i++;
        }
        current.add(
            (c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c))
                ? new Word(lower(text, start, i), true, joined)
                : LOWER);
        lastStart = start;
        lastEnd = i;
        joined = true;
        continue;
      }
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') {
        if (!(c == '.' && !current.isEmpty() && abbreviation(text, lastStart, lastEnd))) {
          if (!current.isEmpty()) {
            out.add(current);
          }
          current = new ArrayList<>();
        }
        joined = c == '.' && !current.isEmpty();
      } else if (!whitespace(c)) {
        joined = false;
      }
      i++;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  private static String lower(char[] text, int start, int end) {
    return new String(text, start, end - start).toLowerCase(Locale.ROOT);
  }

  /** {@link Character#isWhitespace}, without a look-up for the ASCII ones. */
  private static boolean whitespace(char c) {
    return c < 128
        ? c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31
        : Character.isWhitespace(c);
  }

  /** {@link Character#isLetterOrDigit}, without a look-up for the ASCII ones. */
  private static boolean letterOrDigit(char c) {
    return c < 128
        ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        : Character.isLetterOrDigit(c);
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
