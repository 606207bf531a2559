package dossier.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a stored article, defined once: the name (the same in the article JSON and as the
 * archive's column), the kind of value, and which group it belongs to. Every INSERT, UPDATE,
 * SELECT, trash copy and restore of the store, the re-extraction comparison and the JSON writer and
 * reader are built from this list, so a new field is one new constant here (and a migration).
 *
 * <p>The order is the order of the article JSON.
 */
public enum ArticleField {
  ID(Kind.ID, Group.RECORD),
  TITLE(Kind.TEXT, Group.METADATA),
  SOURCE(Kind.TEXT, Group.METADATA),
  AUTHORS(Kind.LINES, Group.METADATA),
  PUBLISHED(Kind.TEXT, Group.METADATA),
  URL(Kind.TEXT, Group.METADATA),
  SECTION(Kind.TEXT, Group.METADATA),
  LANG(Kind.TEXT, Group.METADATA),
  CAPTION(Kind.TEXT, Group.METADATA),
  /** Kept in the tag tables, not in the article row. */
  TAGS(Kind.TAGS, Group.STATE),
  STATUS(Kind.STATUS, Group.STATE),
  STARRED(Kind.BOOL, Group.STATE),
  NOTE(Kind.TEXT, Group.STATE),
  WORD_COUNT(Kind.INT, Group.EXTRACTED),
  IMPORTED(Kind.TEXT, Group.RECORD),
  PATH(Kind.TEXT, Group.RECORD),
  CONTENT_HASH(Kind.TEXT, Group.EXTRACTED),
  FORMAT(Kind.TEXT, Group.EXTRACTED),
  SUGGESTED_TAGS(Kind.LINES, Group.EXTRACTED),
  PROVENANCE(Kind.ORIGINS, Group.EXTRACTED),
  /** Read only where the text is wanted (not by listings). */
  BODY(Kind.TEXT, Group.EXTRACTED),
  /** Read with the body; left out of listings. */
  MARKDOWN(Kind.TEXT, Group.EXTRACTED),
  /**
   * The normalized form of {@link #URL} ({@link UrlKey}), worked out from it and stored beside it
   * so that {@code url:}, {@code site:} and the duplicate check by address use an index; not part
   * of the article JSON.
   */
  URL_KEY(Kind.TEXT, Group.DERIVED);

  /** What kind of value a field holds, which says how it is stored and written as JSON. */
  public enum Kind {
    /** a positive integer, or 0 before the article is stored (JSON null) */
    ID,
    /** a string or null */
    TEXT,
    /** a list of strings, stored one a line */
    LINES,
    /** the article's tags, stored in the tag tables */
    TAGS,
    /** a {@link Status}, stored and written as its label */
    STATUS,
    BOOL,
    INT,
    /** field name to origin ({@link #PROVENANCE}), stored as {@code field=origin} lines */
    ORIGINS
  }

  /** Who sets a field. */
  public enum Group {
    /** the archive: id, import time, the file it came from */
    RECORD,
    /** extraction, and a person's edit: the fields that carry provenance */
    METADATA,
    /** extraction alone: the text and what is derived from it */
    EXTRACTED,
    /** the person: tags, status, star, note */
    STATE,
    /** worked out from another field whenever that one is written; never read back into it */
    DERIVED
  }

  public final Kind kind;
  public final Group group;

  ArticleField(Kind kind, Group group) {
    this.kind = kind;
    this.group = group;
  }

  /** The name in the article JSON, which is also the archive's column name. */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The column in the article row, or null for a field kept elsewhere (tags). */
  public String column() {
    return kind == Kind.TAGS ? null : json();
  }

  /** True for the long text fields that listings do not read. */
  public boolean isText() {
    return this == BODY || this == MARKDOWN;
  }

  /** A field worked out from another one ({@link #URL_KEY} from {@link #URL}). */
  public boolean isDerived() {
    return group == Group.DERIVED;
  }

  /** The field a derived field is worked out from, or null. */
  public ArticleField derivedFrom() {
    return this == URL_KEY ? URL : null;
  }

  /** A metadata field: title, source, authors, published, url, section, lang, caption. */
  public boolean isMetadata() {
    return group == Group.METADATA;
  }

  /** A field that extraction sets (and re-extraction replaces): metadata and text. */
  public boolean isExtracted() {
    return group == Group.METADATA || group == Group.EXTRACTED;
  }

  /** The metadata fields, in order. */
  public static final List<ArticleField> METADATA = of(f -> f.isMetadata());

  /** The fields that have a column in the article row, in order. */
  public static final List<ArticleField> COLUMNS = of(f -> f.column() != null);

  /** The fields extraction sets, in order. */
  public static final List<ArticleField> EXTRACTED = of(ArticleField::isExtracted);

  private static List<ArticleField> of(java.util.function.Predicate<ArticleField> p) {
    List<ArticleField> out = new ArrayList<>();
    for (ArticleField f : values()) {
      if (p.test(f)) {
        out.add(f);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The metadata field of this JSON name, or null. */
  public static ArticleField metadata(String name) {
    for (ArticleField f : METADATA) {
      if (f.json().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The value of this field in {@code a}. */
  public Object get(Article a) {
    return switch (this) {
      case ID -> a.id();
      case TITLE -> a.title();
      case SOURCE -> a.source();
      case AUTHORS -> a.authors();
      case PUBLISHED -> a.published();
      case URL -> a.url();
      case SECTION -> a.section();
      case LANG -> a.lang();
      case CAPTION -> a.caption();
      case TAGS -> a.tags();
      case STATUS -> a.status();
      case STARRED -> a.starred();
      case NOTE -> a.note();
      case WORD_COUNT -> a.wordCount();
      case IMPORTED -> a.imported();
      case PATH -> a.path();
      case CONTENT_HASH -> a.contentHash();
      case FORMAT -> a.format();
      case SUGGESTED_TAGS -> a.suggestedTags();
      case PROVENANCE -> a.provenance();
      case BODY -> a.body();
      case MARKDOWN -> a.markdown();
      case URL_KEY -> UrlKey.of(a.url());
    };
  }

  /** True when a value of this field says nothing: null, blank text or an empty list. */
  public boolean isEmpty(Object v) {
    return v == null
        || (v instanceof String s && s.isBlank())
        || (v instanceof List<?> l && l.isEmpty());
  }

  // ------------------------------------------------------------------ origins

  /** The origin of a field a person set with {@code dossier edit}: such a field is pinned. */
  public static final String EDIT = "edit";

  /**
   * Provenance in its one form: metadata fields only, in field order, each with a value (or set by
   * a person, who may have emptied it on purpose), origins on one line.
   */
  public static Map<String, String> origins(Map<String, String> given, Article a) {
    if (given == null || given.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (ArticleField f : METADATA) {
      String origin = given.get(f.json());
      if (origin == null || origin.isBlank()) {
        continue;
      }
      origin = Text.oneLine(origin).strip();
      if (a != null && f.isEmpty(f.get(a)) && !origin.equals(EDIT)) {
        continue;
      }
      out.put(f.json(), origin);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Provenance as stored: one {@code field=origin} line each. */
  public static String encodeOrigins(Map<String, String> origins) {
    if (origins == null || origins.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    origins.forEach(
        (k, v) -> b.append(b.length() == 0 ? "" : "\n").append(k).append('=').append(v));
    return b.toString();
  }

  /** The stored form of {@link #encodeOrigins} read back. */
  public static Map<String, String> decodeOrigins(String s) {
    if (s == null || s.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : s.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Lines as stored ({@link Kind#LINES}): one value a line. */
  public static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }

  /** The set of fields whose values differ between {@code a} and {@code b}, among {@code in}. */
  public static Set<ArticleField> differences(Article a, Article b, List<ArticleField> in) {
    Set<ArticleField> out = EnumSet.noneOf(ArticleField.class);
    for (ArticleField f : in) {
      if (!java.util.Objects.equals(f.get(a), f.get(b))) {
        out.add(f);
      }
    }
    return out;
  }
}
