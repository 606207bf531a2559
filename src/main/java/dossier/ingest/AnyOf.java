package dossier.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether any of many patterns matches a whole line, as their alternation would say, for less: a
 * pattern with text that every line it matches contains ({@link RequiredText}) is tried only on
 * lines that contain it, found for all such patterns in one pass over the line; the others are
 * tried as one alternation. A pattern such as {@code .{0,200}\bcontributed ...} otherwise tries its
 * tail at every place of every line.
 */
final class AnyOf {
  /** The patterns without required text as one alternation, or null when there are none. */
  private final Pattern rest;

  /** The patterns with required text. */
  private final Pattern[] filtered;

  /** Each required string (case folded) and the filtered patterns that require it. */
  private final String[] needles;

  private final int[][] needlePatterns;

  /** Needles of one character, by that character: ASCII in a table, the rest in a map. */
  private final int[][] singleAscii = new int[128][];

  private final Map<Integer, int[]> singleOther = new HashMap<>();

  /** Longer needles, by their first two characters. */
  private final int[][] pairAscii = new int[128 * 128][];

  private final Map<Integer, int[]> pairOther = new HashMap<>();

  AnyOf(List<Pattern> patterns, int flags) {
    StringBuilder alternation = new StringBuilder();
    List<Pattern> withText = new ArrayList<>();
    Map<String, List<Integer>> byNeedle = new LinkedHashMap<>();
    for (Pattern p : patterns) {
      Optional<List<String>> required = RequiredText.of(p.pattern());
      if (required.isEmpty()) {
        alternation.append(alternation.length() == 0 ? "" : "|");
        alternation.append("(?:").append(p.pattern()).append(')');
        continue;
      }
      for (String n : required.get()) {
        byNeedle.computeIfAbsent(n, k -> new ArrayList<>()).add(withText.size());
      }
      withText.add(p);
    }
    rest = alternation.length() == 0 ? null : Pattern.compile(alternation.toString(), flags);
    filtered = withText.toArray(Pattern[]::new);
    needles = byNeedle.keySet().toArray(String[]::new);
    needlePatterns = new int[needles.length][];
    Map<Integer, List<Integer>> single = new HashMap<>();
    Map<Integer, List<Integer>> pair = new HashMap<>();
    Map<Integer, List<Integer>> pairWide = new HashMap<>();
    for (int i = 0; i < needles.length; i++) {
      needlePatterns[i] = byNeedle.get(needles[i]).stream().mapToInt(Integer::intValue).toArray();
      String n = needles[i];
      if (n.length() == 1) {
        single.computeIfAbsent((int) n.charAt(0), k -> new ArrayList<>()).add(i);
      } else {
        (ascii(n.charAt(0), n.charAt(1)) ? pair : pairWide)
            .computeIfAbsent(key(n.charAt(0), n.charAt(1)), k -> new ArrayList<>())
            .add(i);
      }
    }
    single.forEach(
        (c, ns) -> {
          int[] a = ns.stream().mapToInt(Integer::intValue).toArray();
          if (c < 128) {
            singleAscii[c] = a;
          } else {
            singleOther.put(c, a);
          }
        });
    pair.forEach((k, ns) -> pairAscii[k] = ns.stream().mapToInt(Integer::intValue).toArray());
    pairWide.forEach(
        (k, ns) -> pairOther.put(k, ns.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** The key of two characters, an index of {@link #pairAscii} when both are ASCII. */
  private static int key(char a, char b) {
    return a < 128 && b < 128 ? a * 128 + b : a << 16 | b;
  }

  private static boolean ascii(char a, char b) {
    return a < 128 && b < 128;
  }

  /** True when one of the patterns matches all of {@code line}. */
  boolean matches(String line) {
    if (rest != null && rest.matcher(line).matches()) {
      return true;
    }
    if (filtered.length == 0) {
      return false;
    }
    String f = RequiredText.fold(line);
    boolean[] met = null;
    int n = f.length();
    for (int i = 0; i < n; i++) {
      char c = f.charAt(i);
      int[] ones = c < 128 ? singleAscii[c] : singleOther.get((int) c);
      if (ones != null) {
        for (int needle : ones) {
          met = mark(met, needle);
        }
      }
      if (i + 1 < n) {
        char d = f.charAt(i + 1);
        int[] longer = ascii(c, d) ? pairAscii[key(c, d)] : pairOther.get(key(c, d));
        if (longer != null) {
          for (int needle : longer) {
            if (f.startsWith(needles[needle], i)) {
              met = mark(met, needle);
            }
          }
        }
      }
    }
    if (met == null) {
      return false;
    }
    for (int p = 0; p < filtered.length; p++) {
      if (met[p] && filtered[p].matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  private boolean[] mark(boolean[] met, int needle) {
    boolean[] m = met == null ? new boolean[filtered.length] : met;
    for (int p : needlePatterns[needle]) {
      m[p] = true;
    }
    return m;
  }
}
