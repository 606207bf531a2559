package dossier.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A parsed query: the tree the query language reads into, before it is compiled to SQL. Every value
 * in it is already checked (dates are real dates, tags are valid tag names, ids are numbers), so
 * compiling cannot fail on user input.
 */
public sealed interface Query {

  /** The query with no terms: every article. */
  Query ALL = new All();

  /** Matches every article (an empty query, or a saved search with no terms). */
  record All() implements Query {}

  /** Every item matches; written as terms side by side or with {@code AND}. */
  record And(List<Query> items) implements Query {
    public And {
      items = List.copyOf(items);
    }
  }

  /** At least one item matches. */
  record Or(List<Query> items) implements Query {
    public Or {
      items = List.copyOf(items);
    }
  }

  /** The item does not match; written {@code NOT x} or {@code -x}. */
  record Not(Query item) implements Query {}

  /** Full-text columns a word or phrase can be limited to. */
  enum TextColumn {
    TITLE,
    BODY,
    CAPTION,
    NOTE;

    public String fieldName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A word or phrase searched in the full-text index (stemmed, case- and accent-insensitive).
   *
   * @param column the one column to search, or null for title, body, caption and note
   * @param text the words as written (NFC), never empty of letters and digits
   * @param phrase true when it was written in double quotes
   * @param prefix true for {@code word*}: the last word is a prefix
   */
  record Text(TextColumn column, String text, boolean phrase, boolean prefix) implements Query {}

  /** Metadata fields compared in SQL rather than through the full-text index. */
  enum MetaField {
    /** publisher, case-insensitive substring */
    SOURCE,
    /** any author, case-insensitive substring */
    AUTHOR,
    /** the host of the url, or any subdomain of it */
    SITE,
    /** case-insensitive substring of the url */
    URL,
    /** case-insensitive equality ({@code *} at the end for a prefix) */
    SECTION,
    /** language code; {@code en} also matches {@code en-GB} */
    LANG,
    /** case-insensitive substring of the file an article was imported from */
    PATH;

    public String fieldName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A metadata filter.
   *
   * @param value the value as written (NFC, trimmed), never empty
   * @param prefix true when written with a trailing {@code *}
   */
  record Meta(MetaField field, String value, boolean prefix) implements Query {}

  /** Article ids: single ids and inclusive ranges, from {@code id:3,7,10..20}. */
  record Ids(List<IdRange> ranges) implements Query {
    public Ids {
      ranges = List.copyOf(ranges);
    }
  }

  /** An inclusive range of ids; {@code from == to} for one id. */
  record IdRange(long from, long to) {}

  /**
   * A tag and, unless {@code prefix}, its children ({@code tag:ukraine} matches {@code
   * ukraine/energy}).
   *
   * @param key the tag's identity (normalized, lower case)
   * @param prefix true for {@code tag:ukr*}: every tag whose key starts with {@code key}
   */
  record Tag(String key, boolean prefix) implements Query {}

  /** The states {@code is:} can test. */
  enum State {
    NEW,
    READ,
    REVIEWED,
    ARCHIVED,
    STARRED,
    UNTAGGED,
    NOTED,
    /** without a publication date ({@code is:undated}, {@code date:none}) */
    UNDATED,
    /** whose page, fetched again the last time, had changed ({@code is:changed}) */
    CHANGED,
    /** a near-duplicate copy of an earlier article ({@code is:copy}) */
    COPY;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code is:STATE}. */
  record Is(State state) implements Query {}

  /** What {@code similar:} relates an article to. */
  enum Relation {
    /** the other articles of its group of copies ({@code similar:ID}) */
    SIMILAR,
    /** the articles of story N ({@code story:N}), the id being the story's */
    STORY
  }

  /** The articles related to article (or story) {@code id}, itself left out. */
  record Related(Relation relation, long id) implements Query {}

  /** The two dates an article has. */
  enum DateField {
    /** the publication date ({@code date:}, {@code after:}, {@code before:}) */
    PUBLISHED,
    /** when it was imported ({@code imported:}) */
    IMPORTED
  }

  /**
   * A point in time that a date range starts or ends at: midnight (UTC) at the start of a day,
   * either a fixed day or a number of days, weeks, months or years before today.
   */
  sealed interface Day {}

  /** Midnight at the start of {@code date}. */
  record OnDay(LocalDate date) implements Day {}

  /**
   * Midnight at the start of the day {@code amount} {@code unit}s before today, by the query's
   * clock; {@code amount} 0 is today.
   *
   * @param unit one of {@code d}, {@code w}, {@code m}, {@code y}
   */
  record DaysAgo(int amount, char unit) implements Day {}

  /**
   * Dates from {@code from} (inclusive) to {@code until} (exclusive); either end may be open
   * (null), but not both.
   */
  record Dates(DateField field, Day from, Day until) implements Query {}

  /** {@code saved:NAME}, kept in the tree with what it expanded to so explain can show both. */
  record Saved(String name, Query query) implements Query {}
}
