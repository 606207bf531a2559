package dossier.query;

import dossier.core.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits query text into tokens: parentheses, the operators {@code OR}, {@code AND}, {@code NOT}
 * and a leading {@code -}, words, quoted phrases and {@code field:value} terms. Operators are
 * recognized only in upper case, so {@code or} and {@code not} stay ordinary words.
 */
final class Lexer {
  /** Longest query text accepted; longer input is refused rather than compiled. */
  static final int MAX_LENGTH = 10_000;

  enum Kind {
    LPAREN,
    RPAREN,
    OR,
    AND,
    NOT,
    /** {@code -} directly before a term or parenthesis */
    MINUS,
    /** a bare word or a quoted phrase */
    WORD,
    /** {@code name:value}, the name already lower case */
    FIELD,
    EOF
  }

  /**
   * One token.
   *
   * @param column where it starts, counted in characters from 1
   * @param field the field name for {@link Kind#FIELD}, else null
   * @param value the word, phrase or field value, without quotes and without a trailing {@code *}
   * @param quoted true when the value was written in double quotes
   * @param prefix true when the value ended with {@code *}
   */
  record Token(Kind kind, int column, String field, String value, boolean quoted, boolean prefix) {
    String describe() {
      return switch (kind) {
        case LPAREN -> "'('";
        case RPAREN -> "')'";
        case OR, AND, NOT -> kind.name();
        case MINUS -> "'-'";
        case WORD -> "'" + (quoted ? "\"" + value + "\"" : value) + (prefix ? "*" : "") + "'";
        case FIELD -> "'" + field + ":'";
        case EOF -> "the end of the query";
      };
    }
  }

  private final String s;
  private int i;

  private Lexer(String text) {
    this.s = clean(text);
  }

  /** Tokens of {@code text}, ending with one {@link Kind#EOF}. */
  static List<Token> tokens(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new UsageException(
          "query too long: " + text.length() + " characters (at most " + MAX_LENGTH + ")");
    }
    return new Lexer(text).run();
  }

  /**
   * Control characters, bidi controls and unpaired surrogates become spaces: they separate words
   * for the tokenizer anyway, and none can be sent safely to SQLite or printed in an error. One
   * character for one keeps error columns right.
   */
  private static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      // bidi overrides would reorder the error messages and explain output that echo the query
      boolean bad =
          Character.isISOControl(c)
              || c == '\u2028'
              || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069');
      if (Character.isHighSurrogate(c)) {
        bad = k + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(k + 1));
        if (!bad) {
          b.append(c).append(text.charAt(++k));
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        bad = true;
      }
      b.append(bad ? ' ' : c);
    }
    return b.toString();
  }

  private int column(int at) {
    return s.codePointCount(0, at) + 1;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Characters that end a bare word. */
  private static boolean endsWord(char c) {
    return isSpace(c) || c == '(' || c == ')' || c == '"';
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length()) {
        out.add(new Token(Kind.EOF, column(i), null, null, false, false));
        return out;
      }
      int start = i;
      char c = s.charAt(i);
      if (c == '(') {
        i++;
        out.add(new Token(Kind.LPAREN, column(start), null, null, false, false));
      } else if (c == ')') {
        i++;
        out.add(new Token(Kind.RPAREN, column(start), null, null, false, false));
      } else if (c == '"') {
        String phrase = quoted();
        boolean prefix = star();
        out.add(new Token(Kind.WORD, column(start), null, phrase, true, prefix));
      } else if (c == '-'
          && i + 1 < s.length()
          && !isSpace(s.charAt(i + 1))
          && s.charAt(i + 1) != ')') {
        i++;
        out.add(new Token(Kind.MINUS, column(start), null, null, false, false));
      } else {
        out.add(bare(start));
      }
    }
  }

  /** A quoted string starting at {@code i}; leaves {@code i} after the closing quote. */
  private String quoted() {
    int open = i;
    int close = s.indexOf('"', i + 1);
    if (close < 0) {
      throw new UsageException("unclosed quote at column " + column(open));
    }
    i = close + 1;
    return s.substring(open + 1, close);
  }

  /** Consumes trailing {@code *}s; true when there was one. */
  private boolean star() {
    boolean any = false;
    while (i < s.length() && s.charAt(i) == '*') {
      i++;
      any = true;
    }
    return any;
  }

  private Token bare(int start) {
    while (i < s.length() && !endsWord(s.charAt(i))) {
      i++;
    }
    String run = s.substring(start, i);
    switch (run) {
      case "OR":
        return new Token(Kind.OR, column(start), null, null, false, false);
      case "AND":
        return new Token(Kind.AND, column(start), null, null, false, false);
      case "NOT":
        return new Token(Kind.NOT, column(start), null, null, false, false);
      default:
        break;
    }
    int colon = run.indexOf(':');
    if (colon > 0 && run.substring(0, colon).chars().allMatch(Lexer::isAsciiLetter)) {
      String name = run.substring(0, colon).toLowerCase(Locale.ROOT);
      Fields.check(name, column(start));
      String rest = run.substring(colon + 1);
      boolean quotedValue = false;
      if (rest.isEmpty() && i < s.length() && s.charAt(i) == '"') {
        rest = quoted();
        quotedValue = true;
      }
      boolean prefix;
      if (quotedValue) {
        prefix = star();
      } else {
        int end = rest.length();
        while (end > 0 && rest.charAt(end - 1) == '*') {
          end--;
        }
        prefix = end < rest.length();
        rest = rest.substring(0, end);
      }
      return new Token(Kind.FIELD, column(start), name, rest, quotedValue, prefix);
    }
    int end = run.length();
    while (end > 0 && run.charAt(end - 1) == '*') {
      end--;
    }
    // a quote inside a word ends it and starts a phrase: foo"bar baz" is foo and "bar baz"
    boolean prefix = end < run.length();
    return new Token(Kind.WORD, column(start), null, run.substring(0, end), false, prefix);
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
