package dossier.query;

import dossier.core.Query;
import dossier.core.Query.All;
import dossier.core.Query.And;
import dossier.core.Query.Dates;
import dossier.core.Query.Day;
import dossier.core.Query.DaysAgo;
import dossier.core.Query.IdRange;
import dossier.core.Query.Ids;
import dossier.core.Query.Is;
import dossier.core.Query.Meta;
import dossier.core.Query.Not;
import dossier.core.Query.OnDay;
import dossier.core.Query.Or;
import dossier.core.Query.Saved;
import dossier.core.Query.Tag;
import dossier.core.Query.Text;
import dossier.core.UrlKey;
import dossier.query.CompiledQuery.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link Query} to a {@link CompiledQuery}.
 *
 * <p>Words and phrases that are ANDed at the top of the query (possibly with {@code NOT}ed text
 * beside them) become one FTS5 MATCH expression, so the store can rank by bm25 and cut snippets.
 * Text that sits under {@code OR} or {@code NOT} together with metadata filters cannot be one MATCH
 * and becomes {@code a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)} inside
 * {@code where}. Everything else is plain SQL over {@code a}.
 *
 * <p>Safety: SQL text here comes only from the fixed templates in this class; every value is a
 * {@code ?} parameter. In FTS5 expressions every word the user wrote is inside an FTS5 string
 * ({@code "..."}, with {@code "} doubled), so no user character is ever FTS5 syntax; the only
 * syntax around the strings (column names, AND, OR, NOT, {@code *}, parentheses) is written here.
 */
final class SqlCompiler {
  private static final String IN_FTS =
      " IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
  private static final String NOT_IN_FTS =
      " NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";

  /** The article's id in the usual forms, over the alias {@code a}. */
  private static final String ARTICLE_ID = "a.id";

  /** The id of a word match, in the probe that tests matches on their id alone. */
  private static final String MATCH_ID = "articles_fts.rowid";

  // The tags are found first, by ranges of their unique key index, and their articles then read
  // from the (tag_id, article_id) index, instead of joining every row of article_tags to its tag.
  // A tag's subtree is the keys from "name/" up to "name0" ('0' follows '/').
  private static final String TAG_IDS =
      "SELECT t.id FROM tags t WHERE t.key = ? OR (t.key > ? AND t.key < ?)";
  private static final String PREFIX_IDS = "SELECT t.id FROM tags t WHERE t.key >= ? AND t.key < ?";
  private static final String TAGGED = "SELECT x.article_id FROM article_tags x";

  /** The articles of the tags {@code ids} selects. */
  private static String tagged(String ids) {
    return ids == null ? TAGGED : TAGGED + " WHERE x.tag_id IN (" + ids + ")";
  }

  /**
   * A tag condition on article {@code a} in each {@link Form}: in the set of the tag's articles
   * (which SQLite then walks to find the articles); in it with a unary plus, which makes it a test
   * only, so that another condition's index finds the articles; or, for one article at a time (see
   * CompiledQuery#probe), on its own tag rows read from the (article_id, tag_id) key.
   */
  private String tag(String ids) {
    return switch (form) {
      case SET -> id + " IN (" + tagged(ids) + ")";
      case MEMBER -> "+" + id + " IN (" + tagged(ids) + ")";
      // LIMIT 1 keeps SQLite 3.51 from turning the EXISTS into a join over the IN list, which
      // gives an article once for each of its tags in the list (a tag and a tag under it)
      case PROBE ->
          "EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = "
              + id
              + (ids == null ? "" : " AND x.tag_id IN (" + ids + ")")
              + " LIMIT 1)";
    };
  }

  /**
   * The host of the article's normalized URL ({@code a.url_key}, else {@code a.url} as written: no
   * http address), lower case, without scheme, path or port, compared with the domain itself and
   * with any subdomain of it.
   */
  private static final String SITE =
      "(SELECT h = ? OR h LIKE ? ESCAPE '\\' FROM (SELECT lower(CASE WHEN instr(hp, ':') > 0"
          + " THEN substr(hp, 1, instr(hp, ':') - 1) ELSE hp END) AS h FROM (SELECT CASE WHEN"
          + " instr(r, '/') > 0 THEN substr(r, 1, instr(r, '/') - 1) ELSE r END AS hp FROM"
          + " (SELECT CASE WHEN instr(u, '://') > 0 THEN substr(u, instr(u, '://') + 3)"
          + " ELSE u END AS r FROM (SELECT coalesce(a.url_key, a.url) AS u)))))";

  /** {@link #SITE} in PostgreSQL's functions (and with the aliases its subqueries need). */
  private static final String PG_SITE =
      "(SELECT s.h = ? OR s.h ILIKE ? ESCAPE '\\' FROM (SELECT lower(split_part(split_part(CASE"
          + " WHEN strpos(u.u, '://') > 0 THEN substr(u.u, strpos(u.u, '://') + 3) ELSE u.u END,"
          + " '/', 1), ':', 1)) AS h FROM (SELECT coalesce(a.url_key, a.url) AS u) u) s)";

  /**
   * SQL text with its parameters in order.
   *
   * @param nullable true when the condition can be NULL (a filter on a missing value), which NOT
   *     must treat as false
   */
  record Sql(String text, List<Object> params, boolean nullable) {
    Sql(String text, List<Object> params) {
      this(text, params, false);
    }

    static Sql of(String text, Object... params) {
      return new Sql(text, List.of(params), false);
    }

    static Sql maybeNull(String text, Object... params) {
      return new Sql(text, List.of(params), true);
    }
  }

  /** The forms a filter with tags is written in; see {@link #tag}. */
  private enum Form {
    SET,
    MEMBER,
    PROBE
  }

  private final Clock clock;
  private final Form form;

  /** How the conditions name the article's id. */
  private final String id;

  /**
   * True for PostgreSQL's form: text as {@code tsquery} over the article's weighted {@code a.fts},
   * booleans as booleans, LIKE as ILIKE (SQLite's LIKE ignores ASCII case).
   */
  private final boolean pg;

  SqlCompiler(Clock clock) {
    this(clock, Form.SET, ARTICLE_ID, false);
  }

  SqlCompiler(Clock clock, boolean pg) {
    this(clock, Form.SET, ARTICLE_ID, pg);
  }

  private SqlCompiler(Clock clock, Form form, String id, boolean pg) {
    this.clock = clock;
    this.form = form;
    this.id = id;
    this.pg = pg;
  }

  /** The same compiler writing conditions in another form. */
  private SqlCompiler in(Form f, String idName) {
    return new SqlCompiler(clock, f, idName, pg);
  }

  /** The test that the article matches the text expression bound to the {@code ?}. */
  private String textTest(boolean negated) {
    if (pg) {
      return (negated ? "NOT " : "") + "(a.fts @@ to_tsquery('dossier', ?))";
    }
    return id + (negated ? NOT_IN_FTS : IN_FTS);
  }

  /** True, in the engine's SQL. */
  private String always() {
    return pg ? "TRUE" : "1";
  }

  /**
   * The PostgreSQL form of {@code q}: one condition over {@code a} with its words as tsquery tests,
   * and the tsquery to rank and cut snippets by.
   */
  CompiledQuery.Postgres compilePostgres(Query q) {
    CompiledQuery c = compile(q);
    if (c == CompiledQuery.ALL) {
      return CompiledQuery.Postgres.ALL;
    }
    if (!c.hasText()) {
      return new CompiledQuery.Postgres(c.where(), c.params(), c.rank(), false);
    }
    List<Object> params = new ArrayList<>(c.params());
    params.add(c.match());
    return new CompiledQuery.Postgres(
        "(" + c.where() + ") AND " + textTest(false), params, c.rank(), c.match().equals(c.rank()));
  }

  CompiledQuery compile(Query q) {
    List<Query> conjuncts = new ArrayList<>();
    flattenAnd(q, conjuncts);
    if (conjuncts.isEmpty()) {
      return CompiledQuery.ALL;
    }
    Conjunction c = conjunction(conjuncts);
    Sql where = and(c.filters());
    String rank = c.match();
    if (rank == null) {
      List<String> positive = new ArrayList<>();
      positiveText(q, false, positive);
      rank = positive.isEmpty() ? null : String.join(or(), positive);
    }
    Sql probeWhere = and(in(Form.PROBE, ARTICLE_ID).conjunction(conjuncts).filters());
    if (!probeWhere.params().equals(where.params())) {
      throw new IllegalStateException("the two forms of a filter bind different values");
    }
    List<Query> filters = filterItems(conjuncts);
    String rowidProbe = null;
    if (!pg && !filters.isEmpty() && filters.stream().allMatch(SqlCompiler::idsOnly)) {
      Sql onId = and(in(Form.PROBE, MATCH_ID).conjunction(conjuncts).filters());
      if (!onId.params().equals(where.params())) {
        throw new IllegalStateException("the two forms of a filter bind different values");
      }
      rowidProbe = onId.text();
    }
    return new CompiledQuery(
        c.match(),
        where.text(),
        where.params(),
        rank,
        probeWhere.text(),
        c.match() == null ? tagSplit(conjuncts, where) : null,
        conjuncts.stream()
            .anyMatch(i -> i instanceof Dates d && d.field() == Query.DateField.PUBLISHED),
        !filters.isEmpty(),
        access(filters),
        rowidProbe,
        null);
  }

  /**
   * The items of a top-level AND that become filters beside its words (see {@link #conjunction}):
   * all but the words, and but the negated words when there are words to hang them on.
   */
  private List<Query> filterItems(List<Query> conjuncts) {
    boolean positive = conjuncts.stream().anyMatch(i -> fts(i) != null);
    List<Query> out = new ArrayList<>();
    for (Query item : conjuncts) {
      if (fts(item) != null || (positive && item instanceof Not n && fts(n.item()) != null)) {
        continue;
      }
      out.add(item);
    }
    return out;
  }

  /** How the articles of an AND of filters are found; see {@link CompiledQuery.Access}. */
  private Access access(List<Query> filters) {
    Access a = Access.SCAN;
    for (Query f : filters) {
      a = Access.and(a, access(f));
    }
    return a;
  }

  /**
   * How the articles of one condition, as {@link #sql} writes it, are found: by id (words, tags and
   * ids are all {@code a.id} tests), through the date indexes, the status or star index, or by
   * reading them all (a NOT, a part of a name, a note).
   */
  private Access access(Query q) {
    if (fts(q) != null) {
      return Access.ID;
    }
    if (q instanceof Saved s) {
      return access(s.query());
    }
    if (q instanceof And a) {
      List<Query> items = new ArrayList<>();
      flattenAnd(a, items);
      return items.isEmpty() ? Access.SCAN : conjunctionAccess(items);
    }
    if (q instanceof Or o) {
      Access out = null;
      for (Query item : o.items()) {
        Access x = access(item);
        out = out == null ? x : Access.or(out, x);
      }
      return out == null ? Access.SCAN : out;
    }
    if (q instanceof Ids || q instanceof Tag || q instanceof Query.Related) {
      return Access.ID;
    }
    if (q instanceof Dates) {
      return Access.DATE;
    }
    if (q instanceof Is is) {
      return switch (is.state()) {
        case NEW, READ, REVIEWED, ARCHIVED, STARRED -> Access.INDEX;
        case UNDATED -> Access.DATE;
        case UNTAGGED, NOTED, CHANGED -> Access.SCAN;
        case COPY -> Access.ID;
      };
    }
    return Access.SCAN;
  }

  /** An inner AND: its words are one id test, its filters as at the top. */
  private Access conjunctionAccess(List<Query> items) {
    boolean words = items.stream().anyMatch(i -> fts(i) != null);
    Access a = words ? Access.ID : Access.SCAN;
    return Access.and(a, access(filterItems(items)));
  }

  /**
   * True when the condition tests nothing of an article but its id: tags, ids, words (which are id
   * tests beside a filter) and untagged, under any AND, OR and NOT.
   */
  private static boolean idsOnly(Query q) {
    if (q instanceof Saved s) {
      return idsOnly(s.query());
    }
    if (q instanceof And a) {
      return a.items().stream().allMatch(SqlCompiler::idsOnly);
    }
    if (q instanceof Or o) {
      return o.items().stream().allMatch(SqlCompiler::idsOnly);
    }
    if (q instanceof Not n) {
      return idsOnly(n.item());
    }
    return q instanceof Text
        || q instanceof Tag
        || q instanceof Ids
        || q instanceof Query.Related
        || q instanceof All
        || (q instanceof Is is
            && (is.state() == Query.State.UNTAGGED || is.state() == Query.State.COPY));
  }

  /**
   * For a filter without words that is tags, or ANDs tags with other conditions: the parts the
   * store needs to choose how to find the articles (see CompiledQuery.TagSplit); null for any other
   * filter.
   */
  private CompiledQuery.TagSplit tagSplit(List<Query> conjuncts, Sql where) {
    List<CompiledQuery.Part> sets = new ArrayList<>();
    List<Query> others = new ArrayList<>();
    for (Query item : conjuncts) {
      if (item instanceof Tag t) {
        Sql ids = tagIds(t);
        sets.add(
            new CompiledQuery.Part(
                tagged(ids == null ? null : ids.text()), ids == null ? List.of() : ids.params()));
      } else {
        others.add(item);
      }
    }
    if (sets.isEmpty()) {
      return null;
    }
    Sql member = and(in(Form.MEMBER, ARTICLE_ID).conjunction(conjuncts).filters());
    if (!member.params().equals(where.params())) {
      throw new IllegalStateException("the two forms of a filter bind different values");
    }
    if (others.isEmpty()) {
      return new CompiledQuery.TagSplit(member.text(), sets, null, Access.SCAN);
    }
    Sql rest = and(conjunction(others).filters());
    return new CompiledQuery.TagSplit(
        member.text(), sets, new CompiledQuery.Part(rest.text(), rest.params()), access(others));
  }

  /** The ids of the tags a tag condition names, or null for "any tag" ({@code tag:*}). */
  private static Sql tagIds(Tag t) {
    String key = t.key();
    if (!t.prefix()) {
      return Sql.of(TAG_IDS, key, key + "/", key + "0");
    }
    return key.isEmpty() ? null : Sql.of(PREFIX_IDS, key, successor(key));
  }

  /** The items of a top-level AND, seen through saved searches; "all" items drop out. */
  private static void flattenAnd(Query q, List<Query> out) {
    if (q instanceof And a) {
      for (Query item : a.items()) {
        flattenAnd(item, out);
      }
    } else if (q instanceof Saved s) {
      flattenAnd(s.query(), out);
    } else if (!(q instanceof All)) {
      out.add(q);
    }
  }

  /** What an AND of items compiles to: one MATCH for its text, SQL for the rest. */
  private record Conjunction(String match, List<Sql> filters) {}

  private Conjunction conjunction(List<Query> items) {
    List<String> positive = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    List<Sql> filters = new ArrayList<>();
    for (Query item : items) {
      String f = fts(item);
      if (f != null) {
        positive.add(f);
      } else if (item instanceof Not n && fts(n.item()) != null) {
        negative.add(fts(n.item()));
      } else {
        filters.add(sql(item));
      }
    }
    String match = null;
    if (!positive.isEmpty()) {
      match = String.join(and(), positive);
      if (!negative.isEmpty()) {
        // FTS5's NOT is binary ("a NOT b"), so negated text needs a positive side to hang on
        match = "(" + match + ")" + not() + "(" + String.join(or(), negative) + ")";
      }
    } else if (!negative.isEmpty()) {
      filters.add(Sql.of(textTest(true), String.join(or(), negative)));
    }
    return new Conjunction(match, filters);
  }

  /**
   * The FTS5 expression for a subtree made only of text, or null when the subtree has metadata
   * filters or a NOT that FTS5 cannot express (a NOT with nothing positive beside it).
   */
  private String fts(Query q) {
    if (q instanceof Text t) {
      return phrase(t);
    }
    if (q instanceof Saved s) {
      return fts(s.query());
    }
    if (q instanceof Or o) {
      List<String> parts = new ArrayList<>();
      for (Query item : o.items()) {
        String f = fts(item);
        if (f == null) {
          return null;
        }
        parts.add(f);
      }
      return "(" + String.join(or(), parts) + ")";
    }
    if (q instanceof And a) {
      List<String> positive = new ArrayList<>();
      List<String> negative = new ArrayList<>();
      for (Query item : a.items()) {
        String f = fts(item);
        if (f != null) {
          positive.add(f);
        } else if (item instanceof Not n && (f = fts(n.item())) != null) {
          negative.add(f);
        } else {
          return null;
        }
      }
      if (positive.isEmpty()) {
        return null;
      }
      String p = "(" + String.join(and(), positive) + ")";
      return negative.isEmpty() ? p : "(" + p + not() + "(" + String.join(or(), negative) + "))";
    }
    return null;
  }

  /** The text expressions' operators: FTS5's, or tsquery's. */
  private String and() {
    return pg ? " & " : " AND ";
  }

  private String or() {
    return pg ? " | " : " OR ";
  }

  private String not() {
    return pg ? " & !" : " NOT ";
  }

  private String phrase(Text t) {
    return pg ? tsPhrase(t) : ftsPhrase(t);
  }

  /**
   * One word or phrase as a tsquery: each word (a run of letters and digits, as SQLite's unicode61
   * tokenizer cuts them) quoted, so that to_tsquery stems it and reads none of it as syntax;
   * followed by the next with {@code <->}, restricted to the column's weight (title A, body B,
   * caption C, note D), the last one a prefix when it ends in {@code *}.
   */
  static String tsPhrase(Text t) {
    List<String> words = words(t.text());
    if (words.isEmpty()) {
      words = List.of("");
    }
    String weight = t.column() == null ? "" : String.valueOf("ABCD".charAt(t.column().ordinal()));
    StringBuilder b = new StringBuilder(words.size() > 1 ? "(" : "");
    for (int i = 0; i < words.size(); i++) {
      boolean last = i == words.size() - 1;
      b.append(i == 0 ? "" : " <-> ").append('\'').append(words.get(i)).append('\'');
      String flags = (last && t.prefix() ? "*" : "") + weight;
      if (!flags.isEmpty()) {
        b.append(':').append(flags);
      }
    }
    return b.append(words.size() > 1 ? ")" : "").toString();
  }

  /** The runs of letters and digits of {@code text}, in lower case. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c)) {
                w.appendCodePoint(Character.toLowerCase(c));
              } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
              }
            });
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  /** One FTS5 phrase: the user's text as an FTS5 string, behind a fixed column filter. */
  static String ftsPhrase(Text t) {
    StringBuilder b = new StringBuilder();
    if (t.column() != null) {
      b.append(t.column().fieldName()).append(" : ");
    }
    b.append('"').append(t.text().replace("\"", "\"\"")).append('"');
    if (t.prefix()) {
      b.append(" *");
    }
    return b.toString();
  }

  /** Text that counts for relevance: every word and phrase not under a NOT. */
  private void positiveText(Query q, boolean negated, List<String> out) {
    if (q instanceof Text t) {
      if (!negated) {
        out.add(phrase(t));
      }
    } else if (q instanceof And a) {
      a.items().forEach(i -> positiveText(i, negated, out));
    } else if (q instanceof Or o) {
      o.items().forEach(i -> positiveText(i, negated, out));
    } else if (q instanceof Not n) {
      positiveText(n.item(), !negated, out);
    } else if (q instanceof Saved s) {
      positiveText(s.query(), negated, out);
    }
  }

  private Sql sql(Query q) {
    String f = fts(q);
    if (f != null) {
      return Sql.of(textTest(false), f);
    }
    if (q instanceof All) {
      return Sql.of(always());
    } else if (q instanceof Saved s) {
      return sql(s.query());
    } else if (q instanceof And a) {
      List<Query> items = new ArrayList<>();
      flattenAnd(a, items);
      if (items.isEmpty()) {
        return Sql.of(always());
      }
      Conjunction c = conjunction(items);
      List<Sql> parts = new ArrayList<>();
      if (c.match() != null) {
        parts.add(Sql.of(textTest(false), c.match()));
      }
      parts.addAll(c.filters());
      return and(parts);
    } else if (q instanceof Or o) {
      // the text alternatives go to the index together, in one MATCH
      List<String> text = new ArrayList<>();
      List<Sql> parts = new ArrayList<>();
      for (Query item : o.items()) {
        String itemFts = fts(item);
        if (itemFts != null) {
          text.add(itemFts);
        } else {
          parts.add(sql(item));
        }
      }
      if (!text.isEmpty()) {
        parts.add(0, Sql.of(textTest(false), String.join(or(), text)));
      }
      return balanced(parts, "OR");
    } else if (q instanceof Not n) {
      String inner = fts(n.item());
      if (inner != null) {
        return Sql.of(textTest(true), inner);
      }
      Sql s = sql(n.item());
      // a filter on a missing value (no source, no date) is NULL, not false: NOT must still match
      return new Sql(
          s.nullable()
              ? "NOT coalesce(" + s.text() + (pg ? ", FALSE)" : ", 0)")
              : "NOT (" + s.text() + ")",
          s.params());
    } else if (q instanceof Meta m) {
      return meta(m);
    } else if (q instanceof Ids ids) {
      return ids(ids);
    } else if (q instanceof Tag t) {
      Sql ids = tagIds(t);
      return ids == null ? Sql.of(tag(null)) : new Sql(tag(ids.text()), ids.params());
    } else if (q instanceof Is is) {
      return switch (is.state()) {
        // on a server, each person's own (see PersonState)
        case NEW, READ, REVIEWED, ARCHIVED ->
            Sql.of(PersonState.read("status", pg) + " = ?", is.state().word());
        case STARRED -> Sql.of(PersonState.read("starred", pg) + " = 1");
        case UNTAGGED ->
            Sql.of("NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = " + id + ")");
        case NOTED -> Sql.of("coalesce(trim(a.note), '') <> ''");
        case UNDATED -> Sql.of("a.published IS NULL");
        case COPY -> Sql.of(id + " IN (SELECT article_id FROM copies)");
        case CHANGED ->
            // the article's last real fetch (a redirect's address is recorded with no headers)
            Sql.of(
                "EXISTS (SELECT 1 FROM fetches f WHERE f.article_id = "
                    + id
                    + " AND f.changed = 1 AND NOT EXISTS (SELECT 1 FROM fetches g WHERE"
                    + " g.article_id = f.article_id AND g.id > f.id AND g.headers <> ''))");
      };
    } else if (q instanceof Query.Related r) {
      return related(r);
    } else if (q instanceof Dates d) {
      return dates(d);
    }
    throw new IllegalStateException("no SQL for " + q);
  }

  private Sql meta(Meta m) {
    String v = likeEscape(m.value());
    if (m.value().isEmpty()) {
      String column = column(m);
      return Sql.of("coalesce(" + column + ", '') <> ''");
    }
    return switch (m.field()) {
      case SOURCE, AUTHOR, PATH ->
          Sql.maybeNull(column(m) + like() + "? ESCAPE '\\'", "%" + v + "%");
      case URL ->
          // a whole address is compared in its normalized form, as the stored one is
          Sql.maybeNull(
              column(m) + like() + "? ESCAPE '\\'",
              "%" + likeEscape(UrlKey.orSelf(m.value())) + "%");
      case SECTION ->
          Sql.maybeNull("a.section" + like() + "? ESCAPE '\\'", m.prefix() ? v + "%" : v);
      case LANG ->
          m.prefix()
              ? Sql.maybeNull("a.lang" + like() + "? ESCAPE '\\'", v + "%")
              : Sql.maybeNull(
                  "(a.lang" + like() + "? ESCAPE '\\' OR a.lang" + like() + "? ESCAPE '\\')",
                  v,
                  v + "-%");
      case SITE -> Sql.maybeNull(pg ? PG_SITE : SITE, m.value(), "%." + v);
    };
  }

  /** LIKE, which in SQLite ignores the case of ASCII letters; PostgreSQL's ILIKE does so too. */
  private String like() {
    return pg ? " ILIKE " : " LIKE ";
  }

  private static String column(Meta m) {
    return switch (m.field()) {
      case SOURCE -> "a.source";
      case AUTHOR -> "a.authors";
      case SITE, URL -> "coalesce(a.url_key, a.url)";
      case SECTION -> "a.section";
      case LANG -> "a.lang";
      case PATH -> "a.path";
    };
  }

  /**
   * {@code similar:ID}: the article's original and the original's other copies (an original is
   * never itself a copy, so the group is one level deep). {@code story:N}: the story's articles.
   */
  private Sql related(Query.Related r) {
    if (r.relation() == Query.Relation.STORY) {
      return Sql.of(id + " IN (SELECT article_id FROM story_members WHERE story_id = ?)", r.id());
    }
    String root = "coalesce((SELECT original_id FROM copies WHERE article_id = ?), ?)";
    return new Sql(
        "("
            + id
            + " <> ? AND ("
            + id
            + " = "
            + root
            + " OR "
            + id
            + " IN (SELECT article_id FROM copies WHERE original_id = "
            + root
            + ")))",
        List.of(r.id(), r.id(), r.id(), r.id(), r.id()));
  }

  private Sql ids(Ids ids) {
    List<Object> singles = new ArrayList<>();
    List<Sql> parts = new ArrayList<>();
    for (IdRange r : ids.ranges()) {
      if (r.from() == r.to()) {
        singles.add(r.from());
      } else {
        parts.add(Sql.of(id + " BETWEEN ? AND ?", r.from(), r.to()));
      }
    }
    if (singles.size() == 1) {
      parts.add(0, Sql.of(id + " = ?", singles.get(0)));
    } else if (!singles.isEmpty()) {
      parts.add(0, new Sql(id + " IN (" + "?, ".repeat(singles.size() - 1) + "?)", singles));
    }
    return balanced(parts, "OR");
  }

  private Sql dates(Dates d) {
    String column = d.field() == Query.DateField.PUBLISHED ? "a.published" : "a.imported";
    List<Sql> parts = new ArrayList<>();
    String from = day(d.from());
    String until = day(d.until());
    if (from != null) {
      parts.add(Sql.maybeNull(column + " >= ?", from));
    }
    if (until != null) {
      parts.add(Sql.maybeNull(column + " < ?", until));
    }
    if (parts.isEmpty()) {
      // both ends beyond what the stored dates can hold: every dated article
      parts.add(Sql.of(column + " IS NOT NULL"));
    }
    return and(parts);
  }

  /**
   * The day as {@code YYYY-MM-DD}, which compares correctly as text with both stored shapes (a
   * date, or an ISO timestamp); null for an open end or a year past 9999, which ISO would write
   * with a sign that breaks the text comparison.
   */
  private String day(Day day) {
    if (day == null) {
      return null;
    }
    LocalDate date;
    if (day instanceof OnDay on) {
      date = on.date();
    } else {
      DaysAgo ago = (DaysAgo) day;
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      date =
          switch (ago.unit()) {
            case 'd' -> today.minusDays(ago.amount());
            case 'w' -> today.minusWeeks(ago.amount());
            case 'm' -> today.minusMonths(ago.amount());
            case 'y' -> today.minusYears(ago.amount());
            default -> throw new IllegalStateException("unit " + ago.unit());
          };
    }
    if (date.getYear() > 9999) {
      return null;
    }
    if (date.getYear() < 0) {
      return "0000-01-01";
    }
    return date.toString();
  }

  /**
   * The least string above every string that starts with {@code prefix}, in SQLite's binary order
   * (which is code point order for UTF-8): the prefix with its last code point raised by one.
   */
  static String successor(String prefix) {
    int last = prefix.codePointBefore(prefix.length());
    String head = prefix.substring(0, prefix.length() - Character.charCount(last));
    if (last == Character.MAX_CODE_POINT) {
      return head.isEmpty() ? "\uDBFF\uDFFF\uDBFF\uDFFF" : successor(head);
    }
    int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
    return head + new String(Character.toChars(next));
  }

  static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private Sql and(List<Sql> parts) {
    return parts.isEmpty() ? Sql.of(always()) : balanced(parts, "AND");
  }

  /**
   * Joins with {@code op} as a balanced tree of parentheses, so that a query of a thousand terms
   * stays far below SQLite's expression depth limit (1000) instead of nesting a thousand deep.
   */
  private static Sql balanced(List<Sql> parts, String op) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int mid = parts.size() / 2;
    Sql left = balanced(parts.subList(0, mid), op);
    Sql right = balanced(parts.subList(mid, parts.size()), op);
    List<Object> params = new ArrayList<>(left.params());
    params.addAll(right.params());
    return new Sql(
        "(" + left.text() + ") " + op + " (" + right.text() + ")",
        params,
        left.nullable() || right.nullable());
  }
}
