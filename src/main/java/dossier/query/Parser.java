package dossier.query;

import dossier.core.Query;
import dossier.core.Query.And;
import dossier.core.Query.DateField;
import dossier.core.Query.Dates;
import dossier.core.Query.Day;
import dossier.core.Query.DaysAgo;
import dossier.core.Query.IdRange;
import dossier.core.Query.Ids;
import dossier.core.Query.Is;
import dossier.core.Query.Meta;
import dossier.core.Query.MetaField;
import dossier.core.Query.Not;
import dossier.core.Query.OnDay;
import dossier.core.Query.Or;
import dossier.core.Query.Saved;
import dossier.core.Query.State;
import dossier.core.Query.Tag;
import dossier.core.Query.Text;
import dossier.core.Query.TextColumn;
import dossier.core.Tags;
import dossier.core.UsageException;
import dossier.query.Lexer.Kind;
import dossier.query.Lexer.Token;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser from tokens to a {@link Query}. {@code OR} binds looser than the
 * implicit {@code AND} between terms; {@code NOT} and {@code -} apply to the one term or
 * parenthesized group after them.
 *
 * <p>A lone {@code *} means every article. Any other word with no letter or digit ({@code -},
 * {@code ...}, {@code ""}, {@code '}) has nothing for the full-text index to find, so it is left
 * out, as search engines do; a query made only of such words is a usage error rather than "every
 * article", so that a stray quote cannot select the whole archive.
 */
final class Parser {
  /** Deepest nesting of parentheses and negations; deeper input is refused, not recursed into. */
  static final int MAX_DEPTH = 32;

  /** Deepest chain of saved searches using saved searches. */
  static final int MAX_SAVED_DEPTH = 8;

  /**
   * Most words and operators a query may have once its saved searches are expanded. A saved search
   * used several times by another that is itself used several times multiplies: three levels of 9.6
   * KB searches took 66 s and 9 GB to expand before this bound.
   */
  static final int MAX_EXPANDED_TOKENS = 20_000;

  private static final Pattern ABSOLUTE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,5})([dwmy])");
  private static final int MAX_RELATIVE = 10_000;
  private static final int MAX_IDS = 1_000;

  private final List<Token> tokens;
  private final QueryContext ctx;
  private final List<String> savedStack;

  /** Tokens of the whole expansion so far, shared by the parsers of its saved searches. */
  private final int[] expanded;

  private int pos;
  private int depth;
  private Token firstIgnored;

  private Parser(List<Token> tokens, QueryContext ctx, List<String> savedStack, int[] expanded) {
    this.tokens = tokens;
    this.ctx = ctx;
    this.savedStack = savedStack;
    this.expanded = expanded;
  }

  static Query parse(String text, QueryContext ctx) {
    return parse(text, ctx, List.of(), new int[1]);
  }

  private static Query parse(
      String text, QueryContext ctx, List<String> savedStack, int[] expanded) {
    List<Token> tokens = Lexer.tokens(text == null ? "" : text);
    expanded[0] += tokens.size();
    if (expanded[0] > MAX_EXPANDED_TOKENS && !savedStack.isEmpty()) {
      throw new UsageException(
          "saved search: the query expands to more than "
              + MAX_EXPANDED_TOKENS
              + " words and operators through saved:"
              + savedStack.get(0)
              + " (saved searches that use others many times over multiply); make them shorter"
              + " or use fewer of them");
    }
    Parser p = new Parser(tokens, ctx, savedStack, expanded);
    return p.query();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Query query() {
    if (peek().kind() == Kind.EOF) {
      return Query.ALL;
    }
    Query q = or();
    Token t = peek();
    if (t.kind() == Kind.RPAREN) {
      throw new UsageException("unmatched ')' at column " + t.column());
    }
    if (q == null) {
      throw new UsageException(
          "nothing to search for: "
              + firstIgnored.describe()
              + " at column "
              + firstIgnored.column()
              + " has no letters or digits");
    }
    return q;
  }

  private static boolean endsTerm(Kind k) {
    return k == Kind.EOF || k == Kind.RPAREN || k == Kind.OR || k == Kind.AND;
  }

  private Query or() {
    Token first = peek();
    if (first.kind() == Kind.OR || first.kind() == Kind.AND) {
      throw new UsageException(
          first.kind() + " at column " + first.column() + " needs a term before it");
    }
    List<Query> items = new ArrayList<>();
    add(items, and(), Or.class);
    while (peek().kind() == Kind.OR) {
      Token op = next();
      if (endsTerm(peek().kind())) {
        throw new UsageException("OR at column " + op.column() + " needs a term after it");
      }
      add(items, and(), Or.class);
    }
    if (items.isEmpty()) {
      return null;
    }
    return items.size() == 1 ? items.get(0) : new Or(items);
  }

  private Query and() {
    List<Query> items = new ArrayList<>();
    boolean any = false;
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.AND) {
        next();
        if (!any) {
          throw new UsageException("AND at column " + t.column() + " needs a term before it");
        }
        if (endsTerm(peek().kind())) {
          throw new UsageException("AND at column " + t.column() + " needs a term after it");
        }
        continue;
      }
      if (t.kind() == Kind.EOF || t.kind() == Kind.RPAREN || t.kind() == Kind.OR) {
        break;
      }
      add(items, unary(), And.class);
      any = true;
    }
    if (items.isEmpty()) {
      return null;
    }
    return items.size() == 1 ? items.get(0) : new And(items);
  }

  /** Adds a parsed item, dropping ignored (null) ones and flattening same-kind groups. */
  private static void add(List<Query> items, Query q, Class<?> kind) {
    if (q == null) {
      return;
    }
    if (kind == And.class && q instanceof And a) {
      items.addAll(a.items());
    } else if (kind == Or.class && q instanceof Or o) {
      items.addAll(o.items());
    } else {
      items.add(q);
    }
  }

  private Query unary() {
    Token t = peek();
    if (t.kind() == Kind.NOT || t.kind() == Kind.MINUS) {
      next();
      if (endsTerm(peek().kind())) {
        throw new UsageException(
            (t.kind() == Kind.NOT ? "NOT" : "'-'")
                + " at column "
                + t.column()
                + " needs a term after it");
      }
      enter(t);
      Query inner = unary();
      depth--;
      if (inner == null) {
        return null;
      }
      return inner instanceof Not n ? n.item() : new Not(inner);
    }
    return primary();
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw new UsageException(
          "query nested too deeply at column "
              + t.column()
              + " (at most "
              + MAX_DEPTH
              + " levels)");
    }
  }

  private Query primary() {
    Token t = next();
    switch (t.kind()) {
      case LPAREN -> {
        enter(t);
        if (peek().kind() == Kind.RPAREN) {
          throw new UsageException("empty parentheses at column " + t.column());
        }
        Query inner = or();
        if (peek().kind() != Kind.RPAREN) {
          throw new UsageException("unclosed parenthesis at column " + t.column());
        }
        next();
        depth--;
        return inner;
      }
      case WORD -> {
        if (!t.quoted() && t.prefix() && t.value().isEmpty()) {
          // a lone * is the way to say "every article" on purpose (rm -- '*', tag +x -- '*')
          return Query.ALL;
        }
        return text(t, null, t.value());
      }
      case FIELD -> {
        return field(t);
      }
      default -> throw new IllegalStateException("unexpected token " + t);
    }
  }

  /** A full-text term, or null (ignored) when it has no letter or digit. */
  private Query text(Token t, TextColumn column, String value) {
    String v = dossier.core.Text.nfc(value).strip();
    if (v.codePoints().noneMatch(Character::isLetterOrDigit)) {
      if (firstIgnored == null) {
        firstIgnored = t;
      }
      return null;
    }
    return new Text(column, v, t.quoted(), t.prefix());
  }

  private Query field(Token t) {
    String name = t.field();
    String value = dossier.core.Text.nfc(t.value()).strip();
    if (value.isEmpty() && !t.prefix()) {
      throw new UsageException(
          "'" + name + ":' at column " + t.column() + " needs a value (" + example(name) + ")");
    }
    return switch (name) {
      case "title" -> text(t, TextColumn.TITLE, value);
      case "body" -> text(t, TextColumn.BODY, value);
      case "caption" -> text(t, TextColumn.CAPTION, value);
      case "note" -> text(t, TextColumn.NOTE, value);
      case "source" -> meta(t, MetaField.SOURCE, value);
      case "author" -> meta(t, MetaField.AUTHOR, value);
      case "site" -> meta(t, MetaField.SITE, site(t, value));
      case "url" -> meta(t, MetaField.URL, value);
      case "section" -> meta(t, MetaField.SECTION, value);
      case "lang" -> meta(t, MetaField.LANG, value);
      case "path" -> meta(t, MetaField.PATH, value);
      case "id" -> ids(t, value);
      case "tag" -> tag(t, value);
      case "is" -> is(t, value);
      case "date" -> dates(t, DateField.PUBLISHED, value);
      case "imported" -> dates(t, DateField.IMPORTED, value);
      case "after" -> after(t, value);
      case "before" -> before(t, value);
      case "saved" -> saved(t, value);
      case "similar" -> related(t, Query.Relation.SIMILAR, value);
      case "story" -> related(t, Query.Relation.STORY, value);
      default -> throw new IllegalStateException("field without a rule: " + name);
    };
  }

  private static String example(String field) {
    return switch (field) {
      case "tag" -> "tag:ukraine";
      case "is" -> "is:starred";
      case "date", "imported" ->
          field + ":2024-08, " + field + ":2024..2025-03, " + field + ":30d..";
      case "after", "before" -> field + ":2024-08-15";
      case "id" -> "id:42 or id:3,7,10..20";
      case "saved" -> "saved:NAME";
      case "similar" -> "similar:42";
      case "story" -> "story:7";
      case "site" -> "site:example.com";
      default -> field + ":word or " + field + ":\"some words\"";
    };
  }

  private Query meta(Token t, MetaField f, String value) {
    if (value.isEmpty()) {
      // "source:*" means any value at all, which is what "has a source" would say
      return new Meta(f, "", true);
    }
    return new Meta(f, value, t.prefix());
  }

  /** The host part of what was written after {@code site:}, lower case. */
  private static String site(Token t, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    int scheme = v.indexOf("://");
    if (scheme >= 0) {
      v = v.substring(scheme + 3);
    }
    int slash = v.indexOf('/');
    if (slash >= 0) {
      v = v.substring(0, slash);
    }
    while (v.endsWith(".")) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.isEmpty() && !value.isEmpty()) {
      throw new UsageException(
          "bad site '"
              + value
              + "' at column "
              + t.column()
              + " (expected a domain like example.com)");
    }
    return v;
  }

  private Query ids(Token t, String value) {
    List<IdRange> ranges = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String p = part.strip();
      int dots = p.indexOf("..");
      try {
        if (dots >= 0) {
          long from = Long.parseLong(p.substring(0, dots));
          long to = Long.parseLong(p.substring(dots + 2));
          if (from < 0 || to < from) {
            throw new NumberFormatException();
          }
          ranges.add(new IdRange(from, to));
        } else {
          long id = Long.parseLong(p);
          if (id < 0) {
            throw new NumberFormatException();
          }
          ranges.add(new IdRange(id, id));
        }
      } catch (NumberFormatException e) {
        throw new UsageException(
            "bad id '" + p + "' at column " + t.column() + " (expected id:42 or id:3,7,10..20)");
      }
      if (ranges.size() > MAX_IDS) {
        throw new UsageException(
            "too many ids at column "
                + t.column()
                + " (at most "
                + MAX_IDS
                + "; use --ids - instead)");
      }
    }
    return new Ids(ranges);
  }

  private Query related(Token t, Query.Relation r, String value) {
    try {
      long id = Long.parseLong(value);
      if (id <= 0 || t.prefix()) {
        throw new NumberFormatException();
      }
      return new Query.Related(r, id);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "bad id '"
              + value
              + (t.prefix() ? "*" : "")
              + "' at column "
              + t.column()
              + " (expected "
              + example(t.field())
              + ")");
    }
  }

  private Query tag(Token t, String value) {
    if (value.isEmpty()) {
      throw new UsageException("'tag:' at column " + t.column() + " needs a value (tag:ukraine)");
    }
    try {
      return new Tag(Tags.key(Tags.normalize(value)), t.prefix());
    } catch (UsageException e) {
      throw new UsageException(e.getMessage() + " at column " + t.column());
    }
  }

  private Query is(Token t, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("unread") && !t.prefix()) {
      v = State.NEW.word(); // the word of mutt and newsboat
    }
    List<String> words = Arrays.stream(State.values()).map(State::word).toList();
    if (t.prefix() || !words.contains(v)) {
      String hint = Fields.closest(v, words);
      throw new UsageException(
          "unknown state 'is:"
              + value
              + (t.prefix() ? "*" : "")
              + "' at column "
              + t.column()
              + (hint != null
                  ? " (did you mean 'is:" + hint + "'?)"
                  : " (expected one of " + String.join(", ", words) + ")"));
    }
    return new Is(State.valueOf(v.toUpperCase(Locale.ROOT)));
  }

  /** The first and the end (exclusive) of the period one date expression names. */
  private record Period(Day start, Day end, boolean relative) {}

  private Period period(Token t, String s) {
    String v = s.toLowerCase(Locale.ROOT);
    if (v.equals("today")) {
      return new Period(new DaysAgo(0, 'd'), new DaysAgo(-1, 'd'), true);
    }
    if (v.equals("yesterday")) {
      return new Period(new DaysAgo(1, 'd'), new DaysAgo(0, 'd'), true);
    }
    Matcher rel = RELATIVE.matcher(v);
    if (rel.matches()) {
      int n = Integer.parseInt(rel.group(1));
      if (n > MAX_RELATIVE) {
        throw badDate(t, s);
      }
      DaysAgo d = new DaysAgo(n, rel.group(2).charAt(0));
      return new Period(d, d, true);
    }
    Matcher abs = ABSOLUTE.matcher(v);
    if (!abs.matches()) {
      throw badDate(t, s);
    }
    try {
      int year = Integer.parseInt(abs.group(1));
      if (abs.group(2) == null) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return new Period(new OnDay(first), new OnDay(first.plusYears(1)), false);
      }
      int month = Integer.parseInt(abs.group(2));
      if (abs.group(3) == null) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new Period(new OnDay(first), new OnDay(first.plusMonths(1)), false);
      }
      LocalDate day = LocalDate.of(year, month, Integer.parseInt(abs.group(3)));
      return new Period(new OnDay(day), new OnDay(day.plusDays(1)), false);
    } catch (DateTimeException e) {
      throw badDate(t, s);
    }
  }

  private static UsageException badDate(Token t, String s) {
    return new UsageException(
        "bad date '"
            + s
            + "' at column "
            + t.column()
            + " (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)");
  }

  private Query dates(Token t, DateField field, String value) {
    if (field == DateField.PUBLISHED && value.equalsIgnoreCase("none") && !t.prefix()) {
      // date:none is another way to write is:undated
      return new Is(State.UNDATED);
    }
    int dots = value.indexOf("..");
    if (dots < 0) {
      Period p = period(t, value);
      // a bare relative date reads as "within the last ...": date:30d is date:30d..
      return p.relative()
              && !(value.equalsIgnoreCase("today") || value.equalsIgnoreCase("yesterday"))
          ? new Dates(field, p.start(), null)
          : new Dates(field, p.start(), p.end());
    }
    String a = value.substring(0, dots).strip();
    String b = value.substring(dots + 2).strip();
    if (a.isEmpty() && b.isEmpty()) {
      throw new UsageException(
          "date range '..' at column "
              + t.column()
              + " needs a start, an end or both (2024..2025-03)");
    }
    Period from = a.isEmpty() ? null : period(t, a);
    Period to = b.isEmpty() ? null : period(t, b);
    if (from != null
        && to != null
        && from.start() instanceof OnDay f
        && to.end() instanceof OnDay u
        && !f.date().isBefore(u.date())) {
      throw new UsageException(
          "date range '" + value + "' at column " + t.column() + " ends before it starts");
    }
    return new Dates(field, from == null ? null : from.start(), to == null ? null : to.end());
  }

  private Query after(Token t, String value) {
    if (value.contains("..")) {
      throw badDate(t, value);
    }
    Period p = period(t, value);
    // after a relative point is "since then"; after a day, month or year is once it is over
    return new Dates(DateField.PUBLISHED, p.relative() ? p.start() : p.end(), null);
  }

  private Query before(Token t, String value) {
    if (value.contains("..")) {
      throw badDate(t, value);
    }
    Period p = period(t, value);
    return new Dates(DateField.PUBLISHED, null, p.start());
  }

  private Query saved(Token t, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (savedStack.contains(key)) {
      List<String> chain = new ArrayList<>(savedStack);
      chain.add(key);
      throw new UsageException(
          "saved search '" + name + "' uses itself (" + String.join(" -> ", chain) + ")");
    }
    if (savedStack.size() >= MAX_SAVED_DEPTH) {
      throw new UsageException(
          "saved searches nested too deeply at '" + name + "' (at most " + MAX_SAVED_DEPTH + ")");
    }
    String text =
        ctx.savedSearches()
            .apply(name)
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown saved search '"
                            + name
                            + "' at column "
                            + t.column()
                            + " (see 'dossier saved list')"));
    List<String> stack = new ArrayList<>(savedStack);
    stack.add(key);
    Query inner;
    try {
      inner = parse(text, ctx, List.copyOf(new LinkedHashSet<>(stack)), expanded);
    } catch (UsageException e) {
      if (e.getMessage().startsWith("saved search ")
          || e.getMessage().startsWith("in saved search")) {
        throw e;
      }
      throw new UsageException("in saved search '" + name + "': " + e.getMessage());
    }
    return new Saved(name, inner);
  }
}
