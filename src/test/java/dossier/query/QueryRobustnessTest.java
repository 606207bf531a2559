package dossier.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dossier.core.UsageException;
import dossier.store.Archive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and random query text: every input either compiles to SQL made only of the compiler's
 * fixed templates (user text only in bound parameters, and only inside FTS5 strings) and runs on a
 * real archive, or fails with a {@link UsageException} whose message is fit to print.
 */
class QueryRobustnessTest {
  @TempDir static Path dir;
  static Archive archive;

  @BeforeAll
  static void open() throws Exception {
    archive = Fixture.build(dir);
  }

  @AfterAll
  static void close() {
    archive.close();
  }

  /** Pieces random queries are made of: syntax, fields, hostile characters and plain words. */
  static final String[] PIECES = {
    " ",
    " ",
    " ",
    "\"",
    "(",
    ")",
    "*",
    "-",
    "NOT",
    "OR",
    "AND",
    "not",
    ":",
    "..",
    "'",
    ";",
    "--",
    "/*",
    "*/",
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\n",
    "\t",
    "é",
    "Café",
    "日本",
    "\uD800",
    "\uDC00",
    "😀",
    "\\",
    "%",
    "_",
    "title:",
    "body:",
    "note:",
    "tag:",
    "date:",
    "imported:",
    "is:",
    "source:",
    "site:",
    "url:",
    "id:",
    "saved:",
    "after:",
    "before:",
    "lang:",
    "section:",
    "author:",
    "titel:",
    "2024",
    "2024-08",
    "2024-13",
    "30d",
    "oil",
    "prices",
    "ZQX",
    "ukraine/energy",
    "energy",
    "new",
    "starred",
    "1..3",
    "DROP TABLE articles",
    "' OR '1'='1",
    "\"\"",
    "{title}",
    "NEAR",
    "^",
    "+",
    "1=1",
    "x.y",
    "http://a.b/c",
    "\u202e",
    "\u00a0"
  };

  @Test
  void tagPrefixRangesHoldExactlyTheKeysWithThePrefix() {
    for (String prefix : List.of("a", "ukr", "é", "日本", "x\uffff", "\uD83D\uDE00", "a\uD7FF")) {
      String upper = SqlCompiler.successor(prefix);
      // SQLite compares keys as UTF-8 bytes
      Comparator<String> utf8 =
          (x, y) ->
              Arrays.compareUnsigned(
                  x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
      for (String tail : List.of("", "a", "/x", "\uffff\uffff", "\uDBFF\uDFFF", "zz")) {
        assertThat(utf8.compare(prefix + tail, upper)).as(prefix + tail).isNegative();
      }
      assertThat(utf8.compare(upper, prefix)).isPositive();
    }
  }

  @Test
  void randomQueriesNeverCrashAndNeverReachSqlUnbound() {
    Random random = new Random(20240915L);
    int compiled = 0;
    int refused = 0;
    for (int n = 0; n < 4000; n++) {
      StringBuilder b = new StringBuilder();
      int pieces = random.nextInt(24);
      for (int k = 0; k < pieces; k++) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextInt(3) == 0) {
          b.append(' ');
        }
      }
      if (check(b.toString())) {
        compiled++;
      } else {
        refused++;
      }
    }
    // the generator must exercise both outcomes, or the test proves little
    assertThat(compiled).isGreaterThan(800);
    assertThat(refused).isGreaterThan(800);
  }

  @Test
  void hostileInputsGiveResultsOrAClearUsageError() {
    List<String> inputs =
        new ArrayList<>(
            List.of(
                "'",
                "\"",
                "(",
                ")",
                "*",
                "NOT",
                "OR OR",
                "tag:",
                "date:..",
                "-",
                "--",
                "/* x */",
                "oil -- comment",
                "x'; DROP TABLE articles; --",
                "\"; DELETE FROM articles; --",
                "' OR 1=1 --",
                "oil) OR (1=1",
                "title:\"x\" OR \"1\"=\"1\"",
                "\u0000",
                "oil\u0000gas",
                "\u001b[2J\u001b[31mred",
                "tag:\u0007bell",
                "\uD800",
                "a\uDC00b",
                "source:%",
                "source:_",
                "url:\\",
                "NEAR(oil gas)",
                "{title body}: oil",
                "^oil",
                "title:^oil",
                "oil + gas",
                "\"oil\"\"gas\"",
                "saved:missing",
                "AND",
                "NOT NOT",
                "- -",
                "(((",
                ")))",
                "\"unclosed",
                "date:2024-02-30",
                "id:99999999999999999999"));
    inputs.add("oil ".repeat(2500));
    inputs.add("tag:x ".repeat(1666));
    inputs.add("-gas ".repeat(2000));
    inputs.add("(oil OR tag:a) ".repeat(650));
    inputs.add("\"".repeat(10_000));
    inputs.add("(".repeat(5_000) + "oil" + ")".repeat(5_000));
    inputs.add("NOT ".repeat(2_500));
    inputs.add("x".repeat(10_000));
    inputs.add("source:" + "y".repeat(9_990));
    inputs.add("oil ".repeat(2_501));
    for (String q : inputs) {
      check(q);
    }
  }

  @Test
  void tooLongAQueryIsRefusedWithItsLength() {
    try {
      QueryCompiler.compile("oil ".repeat(2_501), Fixture.CTX);
      fail("expected a usage error");
    } catch (UsageException e) {
      assertThat(e.getMessage()).isEqualTo("query too long: 10004 characters (at most 10000)");
    }
  }

  @Test
  void thousandsOfTermsStayWithinSqliteLimits() {
    assertThat(Fixture.ids(archive, "oil ".repeat(2500))).containsExactly(1L, 2L, 4L, 5L);
    assertThat(Fixture.ids(archive, "-tag:x ".repeat(1400))).hasSize(6);
    assertThat(Fixture.ids(archive, "(oil OR is:new) ".repeat(600)))
        .containsExactly(1L, 2L, 4L, 5L, 6L);
  }

  /** Compiles and runs {@code q}; true when it compiled, false when it was a usage error. */
  private static boolean check(String q) {
    CompiledQuery c;
    try {
      c = QueryCompiler.compile(q, Fixture.CTX);
    } catch (UsageException e) {
      assertThat(e.getMessage()).as("message for %s", q).isNotBlank();
      assertThat(
              e.getMessage()
                  .chars()
                  .noneMatch(ch -> Character.isISOControl(ch) || (ch >= 0x202a && ch <= 0x202e)))
          .as("message without control characters for %s", q)
          .isTrue();
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("query " + escape(q) + " crashed: " + e, e);
    }
    assertOnlyTemplates(q, c);
    try {
      archive.articles().count(c);
      if (c.rank() != null) {
        archive.articles().search(c, 5, 0, h -> {});
      }
    } catch (RuntimeException e) {
      throw new AssertionError("query " + escape(q) + " failed in SQLite: " + e.getMessage(), e);
    }
    return true;
  }

  private static final Pattern SQL_TOKEN =
      Pattern.compile(
          "\\s+|'(?:[^']++|'')*+'|[A-Za-z_][A-Za-z_0-9]*(?:\\.[A-Za-z_][A-Za-z_0-9]*)?|\\d+|\\?"
              + "|>=|<=|<>|=|<|>|\\(|\\)|,|\\+|-|\\|\\|");

  /** Every word and literal the compiler's templates use; nothing else may appear in SQL. */
  private static final Set<String> SQL_WORDS =
      Set.of(
          "a.id",
          "IN",
          "SELECT",
          "rowid",
          "FROM",
          "articles_fts",
          "WHERE",
          "MATCH",
          "NOT",
          "x.article_id",
          "article_tags",
          "x",
          "JOIN",
          "tags",
          "t",
          "ON",
          "t.id",
          "x.tag_id",
          "t.key",
          "OR",
          "LIKE",
          "ESCAPE",
          "AND",
          "h",
          "lower",
          "CASE",
          "WHEN",
          "instr",
          "hp",
          "THEN",
          "substr",
          "ELSE",
          "END",
          "AS",
          "r",
          "a.url",
          "a.url_key",
          "fetches",
          "f",
          "g",
          "f.article_id",
          "f.changed",
          "f.id",
          "g.article_id",
          "g.id",
          "g.headers",
          "u",
          "a.source",
          "a.authors",
          "a.section",
          "a.lang",
          "a.status",
          "a.starred",
          "EXISTS",
          "coalesce",
          "trim",
          "a.note",
          "a.published",
          "a.imported",
          "BETWEEN",
          "IS",
          "NULL",
          "'\\'",
          "'://'",
          "':'",
          "'/'",
          "''",
          "0",
          "1",
          "3");

  private static final Pattern FTS_TOKEN =
      Pattern.compile(
          "\\s+|\"(?:[^\"]++|\"\")*+\"|\\(|\\)|AND|OR|NOT|\\*|:|title|body|caption|note");

  private static void assertOnlyTemplates(String q, CompiledQuery c) {
    Matcher m = SQL_TOKEN.matcher(c.where());
    int at = 0;
    int marks = 0;
    List<Integer> matchParams = new ArrayList<>();
    while (at < c.where().length()) {
      if (!m.find(at) || m.start() != at) {
        throw new AssertionError(
            "unexpected SQL at " + at + " in " + c.where() + " for " + escape(q));
      }
      String tok = m.group();
      at = m.end();
      if (tok.isBlank()) {
        continue;
      }
      if (tok.equals("?")) {
        if (c.where().substring(0, m.start()).endsWith("MATCH ")) {
          matchParams.add(marks);
        }
        marks++;
        continue;
      }
      boolean operator =
          !Character.isLetterOrDigit(tok.charAt(0))
              && tok.charAt(0) != '\''
              && tok.charAt(0) != '_';
      if (!operator && !SQL_WORDS.contains(tok)) {
        throw new AssertionError("SQL word " + tok + " is not from a template, for " + escape(q));
      }
    }
    assertThat(marks).as("placeholders for %s", escape(q)).isEqualTo(c.params().size());
    for (int i : matchParams) {
      assertFts(q, (String) c.params().get(i));
    }
    if (c.match() != null) {
      assertFts(q, c.match());
    }
    if (c.rank() != null) {
      assertFts(q, c.rank());
    }
  }

  /** Outside FTS5 strings there is only syntax the compiler writes. */
  private static void assertFts(String q, String fts) {
    Matcher m = FTS_TOKEN.matcher(fts);
    int at = 0;
    while (at < fts.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new AssertionError(
            "unexpected FTS5 text at " + at + " in " + fts + " for " + escape(q));
      }
      at = m.end();
    }
  }

  private static String escape(String q) {
    StringBuilder b = new StringBuilder("<");
    String shown = q.length() > 200 ? q.substring(0, 200) + "..." : q;
    shown
        .codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp < 0xe000)) {
                b.append(String.format("\\u%04x", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.append('>').toString();
  }
}
