package dossier.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.core.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests for the parser: each line is a query, {@code =>}, and the tree it must read as (or
 * the usage error it must give). The trees are rendered by {@link QueryPrinter}, with dates
 * resolved to the half-open ranges they test.
 */
class ParserGoldenTest {
  static final QueryContext CTX =
      new QueryContext(
          name ->
              switch (name.toLowerCase(Locale.ROOT)) {
                case "energy" -> Optional.of("tag:energy OR oil");
                case "blank" -> Optional.of("");
                default -> Optional.empty();
              },
          Clock.fixed(Instant.parse("2024-09-15T12:00:00Z"), ZoneOffset.UTC));

  static final String TREES =
      """
          oil  =>  oil
          oil prices  =>  (AND oil prices)
          "oil prices"  =>  "oil prices"
          oil -prices  =>  (AND oil (NOT prices))
          labour NOT blair  =>  (AND labour (NOT blair))
          econom*  =>  econom*
          "oil pri"*  =>  "oil pri"*
          oil OR gas  =>  (OR oil gas)
          oil OR gas coal  =>  (OR oil (AND gas coal))
          (oil OR gas) coal  =>  (AND (OR oil gas) coal)
          (oil OR gas) -tag:sport  =>  (AND (OR oil gas) (NOT tag:sport))
          NOT (oil OR gas)  =>  (NOT (OR oil gas))
          - -oil  =>  (NOT oil)
          NOT NOT oil  =>  oil
          oil AND gas  =>  (AND oil gas)
          a OR b OR c  =>  (OR a b c)
          a b OR c d  =>  (OR (AND a b) (AND c d))
          or not and  =>  (AND or not and)
          title:election  =>  title:election
          title:"general election"  =>  title:"general election"
          TITLE:Election  =>  title:Election
          body:elect*  =>  body:elect*
          note:todo  =>  note:todo
          caption:flood  =>  caption:flood
          café  =>  café
          Café crème  =>  (AND Café crème)
          e-mail  =>  e-mail
          U.S.  =>  U.S.
          10:30  =>  10:30
          source:"washington post"  =>  source:"washington post"
          source:reuters  =>  source:reuters
          author:smith  =>  author:smith
          site:bbc.co.uk  =>  site:bbc.co.uk
          site:https://www.BBC.co.uk/news/x  =>  site:www.bbc.co.uk
          url:example.com/a  =>  url:example.com/a
          section:world  =>  section:world
          section:uk*  =>  section:uk*
          lang:en  =>  lang:en
          source:*  =>  source:*
          id:42  =>  id:42
          id:3,7,10..20  =>  id:3,7,10..20
          tag:ukraine  =>  tag:ukraine
          tag:Ukraine/Energy  =>  tag:ukraine/energy
          tag:ukr*  =>  tag:ukr*
          tag:"civil war"  =>  tag:"civil war"
          -tag:sport  =>  (NOT tag:sport)
          tag:a tag:b  =>  (AND tag:a tag:b)
          tag:a OR tag:b  =>  (OR tag:a tag:b)
          is:new  =>  is:new
          is:read  =>  is:read
          is:reviewed  =>  is:reviewed
          is:archived  =>  is:archived
          is:starred  =>  is:starred
          is:untagged  =>  is:untagged
          is:noted  =>  is:noted
          is:undated  =>  is:undated
          is:copy  =>  is:copy
          similar:42  =>  similar:42
          -similar:42 is:copy  =>  (AND (NOT similar:42) is:copy)
          date:none  =>  is:undated
          -date:none  =>  (NOT is:undated)
          IS:STARRED  =>  is:starred
          date:2024  =>  date:[2024-01-01..2025-01-01)
          date:2024-08  =>  date:[2024-08-01..2024-09-01)
          date:2024-08-15  =>  date:[2024-08-15..2024-08-16)
          date:2024-02  =>  date:[2024-02-01..2024-03-01)
          date:2024-08..2024-09-15  =>  date:[2024-08-01..2024-09-16)
          date:2024..  =>  date:[2024-01-01..)
          date:..2024-09  =>  date:[..2024-10-01)
          date:30d..  =>  date:[30d ago..)
          date:30d  =>  date:[30d ago..)
          date:2w..  =>  date:[2w ago..)
          date:6m..1m  =>  date:[6m ago..1m ago)
          date:1y..  =>  date:[1y ago..)
          date:today  =>  date:[today..tomorrow)
          date:yesterday  =>  date:[1d ago..today)
          date:..30d  =>  date:[..30d ago)
          imported:2024-08  =>  imported:[2024-08-01..2024-09-01)
          imported:7d..  =>  imported:[7d ago..)
          after:2024-08-15  =>  date:[2024-08-16..)
          after:2024  =>  date:[2025-01-01..)
          before:2024-08  =>  date:[..2024-08-01)
          after:30d  =>  date:[30d ago..)
          saved:energy  =>  (saved:energy (OR tag:energy oil))
          saved:ENERGY -gas  =>  (AND (saved:ENERGY (OR tag:energy oil)) (NOT gas))
          saved:blank  =>  (saved:blank *)
          oil saved:blank  =>  (AND oil (saved:blank *))
          oil -  =>  oil
          oil *  =>  (AND oil *)
          *  =>  *
          -*  =>  (NOT *)
          tag:x OR *  =>  (OR tag:x *)
          oil "" gas  =>  (AND oil gas)
          (oil)  =>  oil
          ((oil))  =>  oil
          "NOT"  =>  "NOT"
          "OR" "AND"  =>  (AND "OR" "AND")
          "a ""b"  =>  (AND "a" "b")
          x'; DROP TABLE articles; --  =>  (AND x'; DROP TABLE articles;)
          ' OR 1=1 --  =>  1=1
          oil /* comment */  =>  (AND oil comment)
          foo"bar baz"  =>  (AND foo "bar baz")
          oil*gas  =>  oil*gas
          ***oil  =>  ***oil
      """;

  static final String ERRORS =
      """
          Robert'); DROP TABLE Students;--  =>  error: unmatched ')' at column 8
          '  =>  error: nothing to search for: ''' at column 1 has no letters or digits
          "  =>  error: unclosed quote at column 1
          ...  =>  error: nothing to search for: '...' at column 1 has no letters or digits
          (  =>  error: unclosed parenthesis at column 1
          )  =>  error: unmatched ')' at column 1
          NOT  =>  error: NOT at column 1 needs a term after it
          OR OR  =>  error: OR at column 1 needs a term before it
          tag:  =>  error: 'tag:' at column 1 needs a value (tag:ukraine)
          date:..  =>  error: date range '..' at column 1 needs a start, an end or both (2024..2025-03)
          -  =>  error: nothing to search for: '-' at column 1 has no letters or digits
          titel:election  =>  error: unknown field 'titel:' at column 1 (did you mean 'title:'?)
          "abc  =>  error: unclosed quote at column 1
          oil "gas  =>  error: unclosed quote at column 5
          a (b  =>  error: unclosed parenthesis at column 3
          a)  =>  error: unmatched ')' at column 2
          (a))  =>  error: unmatched ')' at column 4
          ()  =>  error: empty parentheses at column 1
          a OR  =>  error: OR at column 3 needs a term after it
          OR a  =>  error: OR at column 1 needs a term before it
          a AND  =>  error: AND at column 3 needs a term after it
          AND a  =>  error: AND at column 1 needs a term before it
          NOT  =>  error: NOT at column 1 needs a term after it
          oil NOT  =>  error: NOT at column 5 needs a term after it
          date:2024-13  =>  error: bad date '2024-13' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          date:2024-02-30  =>  error: bad date '2024-02-30' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          date:24  =>  error: bad date '24' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          date:2024-08-1  =>  error: bad date '2024-08-1' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          date:2024-09..2024-08  =>  error: date range '2024-09..2024-08' at column 1 ends before it starts
          date:99999d..  =>  error: bad date '99999d' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          imported:soon  =>  error: bad date 'soon' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          after:2024..2025  =>  error: bad date '2024..2025' at column 1 (expected 2024, 2024-08, 2024-08-15, today, yesterday, or 30d, 8w, 6m, 1y ago)
          before:  =>  error: 'before:' at column 1 needs a value (before:2024-08-15)
          is:starrd  =>  error: unknown state 'is:starrd' at column 1 (did you mean 'is:starred'?)
          is:foo  =>  error: unknown state 'is:foo' at column 1 (expected one of new, read, reviewed, archived, starred, untagged, noted, undated, changed, copy)
          is:new*  =>  error: unknown state 'is:new*' at column 1 (did you mean 'is:new'?)
          id:abc  =>  error: bad id 'abc' at column 1 (expected id:42 or id:3,7,10..20)
          similar:x7  =>  error: bad id 'x7' at column 1 (expected similar:42)
          similar:4*  =>  error: bad id '4*' at column 1 (expected similar:42)
          id:5..2  =>  error: bad id '5..2' at column 1 (expected id:42 or id:3,7,10..20)
          id:-3  =>  error: bad id '-3' at column 1 (expected id:42 or id:3,7,10..20)
          tag:/x  =>  error: bad tag '/x': empty level between '/' at column 1
          tag:a//b  =>  error: bad tag 'a//b': empty level between '/' at column 1
          tag:+x  =>  error: bad tag '+x': a tag cannot start with '+' or '-' at column 1
          site:///  =>  error: bad site '///' at column 1 (expected a domain like example.com)
          saved:nope  =>  error: unknown saved search 'nope' at column 1 (see 'dossier saved list')
          http://example.com  =>  error: unknown field 'http:' at column 1 (put the term in quotes to search for it as text)
          foo:bar  =>  error: unknown field 'foo:' at column 1 (put the term in quotes to search for it as text)
          ttle:x  =>  error: unknown field 'ttle:' at column 1 (did you mean 'title:'?)
          dte:2024  =>  error: unknown field 'dte:' at column 1 (did you mean 'date:'?)
          ((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))  =>  error: query nested too deeply at column 33 (at most 32 levels)
      """;

  @TestFactory
  Stream<DynamicTest> trees() {
    return cases(TREES).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0],
                    () ->
                        assertThat(QueryPrinter.render(QueryCompiler.parse(c[0], CTX)))
                            .isEqualTo(c[1])));
  }

  @TestFactory
  Stream<DynamicTest> errors() {
    return cases(ERRORS).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0],
                    () ->
                        assertThatThrownBy(() -> QueryCompiler.parse(c[0], CTX))
                            .isInstanceOf(UsageException.class)
                            .hasMessage(c[1].substring("error: ".length()))));
  }

  private static List<String[]> cases(String table) {
    return table
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .map(
            l -> {
              int arrow = l.indexOf("  =>  ");
              return new String[] {l.substring(0, arrow), l.substring(arrow + 6)};
            })
        .toList();
  }
}
