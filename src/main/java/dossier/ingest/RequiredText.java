package dossier.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Text that a line must contain for a regular expression to match it whole: a few strings, one of
 * which is in every such line, case folded (see {@link #fold}). Read from the pattern's source, for
 * the constructs the furniture phrases use; anything else (back-references, quoting, comments mode,
 * unusual escapes) gives no answer rather than a guess, and a part that can match anything (a
 * class, {@code .}, an optional part) simply adds nothing. Lookarounds count too: what they require
 * is in the line, though not in the match.
 */
final class RequiredText {
  private RequiredText() {}

  /** Sets of exact strings larger than this are no longer tracked as exact. */
  private static final int MAX_EXACT = 64;

  /**
   * The strings one of which any line that {@code regex} matches whole contains, case folded; empty
   * when the pattern's source says nothing usable.
   */
  static Optional<List<String>> of(String regex) {
    try {
      RequiredText.Parser p = new Parser(regex);
      Info i = p.alternation();
      if (p.at < regex.length()) {
        return Optional.empty();
      }
      Set<String> best = i.best();
      return best == null ? Optional.empty() : Optional.of(List.copyOf(best));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /**
   * Folds case as a case-insensitive pattern with Unicode case compares characters: a character
   * matches a pattern's letter when their folds are equal.
   */
  static String fold(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int f = foldChar(c);
      if (f != c && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.appendCodePoint(f);
      }
      i += Character.charCount(c);
    }
    return b == null ? s : b.toString();
  }

  static int foldChar(int c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * What a part of a pattern is known to match: {@code exact}, every string it can match (null when
   * too many or unknown), and {@code required}, strings one of which each match (or the line, for
   * lookarounds) contains (null when nothing is known).
   */
  private record Info(Set<String> exact, Set<String> required) {
    static final Info ANY = new Info(null, null);
    static final Info EMPTY = new Info(Set.of(""), null);

    /** The better of what is required and the exact strings, or null. */
    Set<String> best() {
      return better(required, exact);
    }
  }

  /** Whether a set says anything: not empty, and no string of it empty. */
  private static boolean useful(Set<String> s) {
    return s != null && !s.isEmpty() && !s.contains("");
  }

  private static int shortest(Set<String> s) {
    int m = Integer.MAX_VALUE;
    for (String x : s) {
      m = Math.min(m, x.length());
    }
    return m;
  }

  /** The more telling of two requirements: strings of three characters or more, then fewer. */
  private static Set<String> better(Set<String> a, Set<String> b) {
    if (!useful(a)) {
      return useful(b) ? b : null;
    }
    if (!useful(b)) {
      return a;
    }
    boolean longA = shortest(a) >= 3;
    boolean longB = shortest(b) >= 3;
    if (longA != longB) {
      return longA ? a : b;
    }
    if (a.size() != b.size()) {
      return a.size() < b.size() ? a : b;
    }
    return shortest(a) >= shortest(b) ? a : b;
  }

  private static Set<String> product(Set<String> a, Set<String> b) {
    if ((long) a.size() * b.size() > MAX_EXACT) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        out.add(x + y);
      }
    }
    return out;
  }

  private static final class Parser {
    final String s;
    int at;

    Parser(String s) {
      this.s = s;
    }

    boolean more() {
      return at < s.length();
    }

    char peek() {
      return s.charAt(at);
    }

    Info alternation() {
      List<Info> branches = new ArrayList<>();
      branches.add(sequence());
      while (more() && peek() == '|') {
        at++;
        branches.add(sequence());
      }
      if (branches.size() == 1) {
        return branches.get(0);
      }
      Set<String> exact = new LinkedHashSet<>();
      Set<String> required = new LinkedHashSet<>();
      for (Info b : branches) {
        if (exact != null) {
          if (b.exact() == null || exact.size() + b.exact().size() > MAX_EXACT) {
            exact = null;
          } else {
            exact.addAll(b.exact());
          }
        }
        Set<String> r = b.best();
        if (required != null) {
          if (r == null) {
            required = null;
          } else {
            required.addAll(r);
          }
        }
      }
      return new Info(exact, useful(required) ? required : null);
    }

    Info sequence() {
      Set<String> run = Set.of("");
      boolean allExact = true;
      Set<String> best = null;
      while (more() && peek() != '|' && peek() != ')') {
        Info part = quantified();
        best = better(best, part.required());
        if (part.exact() != null && run != null) {
          run = product(run, part.exact());
          if (run == null) {
            run = part.exact();
            allExact = false;
          }
        } else if (part.exact() != null) {
          run = part.exact();
        } else {
          run = null;
          allExact = false;
        }
        if (run != null) {
          best = better(best, run);
        }
        if (part.exact() != null) {
          best = better(best, part.exact());
        }
      }
      return new Info(allExact ? run : null, best);
    }

    Info quantified() {
      Info atom = atom();
      if (!more()) {
        return atom;
      }
      char c = peek();
      int min;
      int max;
      if (c == '?') {
        at++;
        min = 0;
        max = 1;
      } else if (c == '*') {
        at++;
        min = 0;
        max = Integer.MAX_VALUE;
      } else if (c == '+') {
        at++;
        min = 1;
        max = Integer.MAX_VALUE;
      } else if (c == '{') {
        int close = s.indexOf('}', at);
        if (close < 0) {
          throw new Unsupported();
        }
        String body = s.substring(at + 1, close);
        if (!isBounds(body)) {
          throw new Unsupported();
        }
        at = close + 1;
        int comma = body.indexOf(',');
        min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
        max =
            comma < 0
                ? min
                : comma == body.length() - 1
                    ? Integer.MAX_VALUE
                    : Integer.parseInt(body.substring(comma + 1));
      } else {
        return atom;
      }
      if (more() && (peek() == '?' || peek() == '+')) {
        at++; // lazy or possessive: the strings matched are among the greedy one's
      }
      if (min == 0) {
        if (max == 1 && atom.exact() != null) {
          Set<String> e = new LinkedHashSet<>(atom.exact());
          e.add("");
          return new Info(e, null);
        }
        return Info.ANY;
      }
      if (min == 1 && max == 1) {
        return atom;
      }
      return new Info(null, atom.best());
    }

    /** "3", "3," or "3,5": the bounds of a quantifier. */
    static boolean isBounds(String body) {
      int comma = body.indexOf(',');
      String low = comma < 0 ? body : body.substring(0, comma);
      String high = comma < 0 ? "" : body.substring(comma + 1);
      return !low.isEmpty() && digits(low) && digits(high);
    }

    static boolean digits(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    Info atom() {
      char c = s.charAt(at++);
      switch (c) {
        case '(':
          return group();
        case '[':
          skipClass();
          return Info.ANY;
        case '.':
          return Info.ANY;
        case '^':
        case '$':
          return Info.EMPTY;
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
        case '{':
          throw new Unsupported();
        default:
          return literal(c);
      }
    }

    Info literal(int c) {
      if (Character.isSurrogate((char) c)) {
        throw new Unsupported();
      }
      int f = foldChar(c);
      if (foldChar(f) != f) {
        // a fold that folds again: comparisons would not follow the line's fold
        return Info.ANY;
      }
      return new Info(Set.of(new String(Character.toChars(f))), null);
    }

    Info group() {
      boolean around = false;
      if (more() && peek() == '?') {
        at++;
        if (!more()) {
          throw new Unsupported();
        }
        char k = s.charAt(at++);
        if (k == ':' || k == '>') {
          // a plain or an atomic group
        } else if (k == '=') {
          around = true;
        } else if (k == '!') {
          alternationUntilClose();
          return Info.EMPTY;
        } else if (k == '<') {
          if (!more()) {
            throw new Unsupported();
          }
          char l = s.charAt(at++);
          if (l == '=') {
            around = true;
          } else if (l == '!') {
            alternationUntilClose();
            return Info.EMPTY;
          } else {
            // a named group
            int close = s.indexOf('>', at);
            if (close < 0) {
              throw new Unsupported();
            }
            at = close + 1;
          }
        } else {
          // inline flags: (?i) or (?-i:...); comments mode changes how the rest reads
          at--;
          while (more() && (Character.isLetter(peek()) || peek() == '-')) {
            if (peek() == 'x') {
              throw new Unsupported();
            }
            at++;
          }
          if (!more()) {
            throw new Unsupported();
          }
          char e = s.charAt(at++);
          if (e == ')') {
            return Info.EMPTY;
          }
          if (e != ':') {
            throw new Unsupported();
          }
        }
      }
      Info inner = alternationUntilClose();
      if (around) {
        return new Info(Set.of(""), inner.best());
      }
      return inner;
    }

    Info alternationUntilClose() {
      Info inner = alternation();
      if (!more() || peek() != ')') {
        throw new Unsupported();
      }
      at++;
      return inner;
    }

    void skipClass() {
      int depth = 1;
      if (more() && peek() == '^') {
        at++;
      }
      if (more() && peek() == ']') {
        throw new Unsupported();
      }
      while (depth > 0) {
        if (!more()) {
          throw new Unsupported();
        }
        char c = s.charAt(at++);
        if (c == '\\') {
          if (!more()) {
            throw new Unsupported();
          }
          char e = s.charAt(at++);
          if (e == 'Q' || e == 'x' || e == 'u' || e == '0' || e == 'c' || e == 'N') {
            throw new Unsupported();
          }
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        }
      }
    }

    Info escape() {
      if (!more()) {
        throw new Unsupported();
      }
      char e = s.charAt(at++);
      switch (e) {
        case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X':
          return Info.ANY;
        case 'b', 'B', 'A', 'z', 'Z', 'G':
          if (e == 'b' && more() && peek() == '{') {
            throw new Unsupported();
          }
          return Info.EMPTY;
        case 'p', 'P':
          if (more() && peek() == '{') {
            int close = s.indexOf('}', at);
            if (close < 0) {
              throw new Unsupported();
            }
            at = close + 1;
          } else if (more()) {
            at++;
          }
          return Info.ANY;
        case 't':
          return literal('\t');
        case 'n':
          return literal('\n');
        case 'r':
          return literal('\r');
        case 'f':
          return literal('\f');
        default:
          if (Character.isLetterOrDigit(e)) {
            throw new Unsupported();
          }
          return literal(e);
      }
    }
  }
}
