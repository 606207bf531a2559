package dossier.core;

import java.util.List;
import java.util.Map;

/**
 * One stored article, in the shape of the article JSON of the spec; its fields are listed, with how
 * each is stored and written, in {@link ArticleField}. {@code body} and {@code markdown} may be
 * null when a listing did not load them.
 *
 * @param format the input format extraction recognized (text, html, markdown), or null
 * @param suggestedTags tags the source itself proposed, not applied
 * @param provenance where each metadata field came from (see {@link ArticleField#origins}); a field
 *     whose origin is {@link ArticleField#EDIT} was set by a person and is pinned
 * @param markdown the body with its structure as CommonMark, or null when none was kept
 */
public record Article(
    long id,
    String title,
    String source,
    List<String> authors,
    String published,
    String url,
    String section,
    String lang,
    String caption,
    List<String> tags,
    Status status,
    boolean starred,
    String note,
    int wordCount,
    String imported,
    String path,
    String contentHash,
    String format,
    List<String> suggestedTags,
    Map<String, String> provenance,
    String body,
    String markdown) {

  public Article {
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    suggestedTags = suggestedTags == null ? List.of() : List.copyOf(suggestedTags);
    status = status == null ? Status.NEW : status;
    provenance = provenance == null ? Map.of() : provenance;
  }

  /** An article with nothing but an id and a title (and defaults elsewhere). */
  public static Article titled(long id, String title) {
    return new Article(
        id, title, null, null, null, null, null, null, null, null, null, false, null, 0, null, null,
        null, null, null, null, null, null);
  }

  /**
   * What import would store for an extraction: not stored yet (id 0), status new, the hash and word
   * count of its text, provenance in its one form.
   */
  public static Article extracted(Extracted x, String path, List<String> tags) {
    return new Article(
            0,
            x.title(),
            x.source(),
            x.authors(),
            x.published(),
            x.url(),
            x.section(),
            x.lang(),
            x.caption(),
            tags,
            Status.NEW,
            false,
            null,
            x.wordCount(),
            null,
            path,
            x.contentHash(),
            x.format(),
            x.suggestedTags(),
            Map.of(),
            x.body(),
            x.markdown())
        .withProvenance(x.provenance());
  }

  /** This article with one field set to {@code value} (of the kind the field holds). */
  public Article with(ArticleField f, Object value) {
    Object[] v = values();
    v[f.ordinal()] = value;
    return of(v);
  }

  /** The values of every field, indexed by {@link ArticleField#ordinal}. */
  public Object[] values() {
    ArticleField[] fields = ArticleField.values();
    Object[] v = new Object[fields.length];
    for (ArticleField g : fields) {
      v[g.ordinal()] = g.get(this);
    }
    return v;
  }

  /**
   * The article of these values, indexed by {@link ArticleField#ordinal}; a null number or flag is
   * 0 or false.
   */
  @SuppressWarnings("unchecked")
  public static Article of(Object[] v) {
    Object id = v[ArticleField.ID.ordinal()];
    Object words = v[ArticleField.WORD_COUNT.ordinal()];
    return new Article(
        id == null ? 0 : ((Number) id).longValue(),
        (String) v[ArticleField.TITLE.ordinal()],
        (String) v[ArticleField.SOURCE.ordinal()],
        (List<String>) v[ArticleField.AUTHORS.ordinal()],
        (String) v[ArticleField.PUBLISHED.ordinal()],
        (String) v[ArticleField.URL.ordinal()],
        (String) v[ArticleField.SECTION.ordinal()],
        (String) v[ArticleField.LANG.ordinal()],
        (String) v[ArticleField.CAPTION.ordinal()],
        (List<String>) v[ArticleField.TAGS.ordinal()],
        (Status) v[ArticleField.STATUS.ordinal()],
        Boolean.TRUE.equals(v[ArticleField.STARRED.ordinal()]),
        (String) v[ArticleField.NOTE.ordinal()],
        words == null ? 0 : ((Number) words).intValue(),
        (String) v[ArticleField.IMPORTED.ordinal()],
        (String) v[ArticleField.PATH.ordinal()],
        (String) v[ArticleField.CONTENT_HASH.ordinal()],
        (String) v[ArticleField.FORMAT.ordinal()],
        (List<String>) v[ArticleField.SUGGESTED_TAGS.ordinal()],
        (Map<String, String>) v[ArticleField.PROVENANCE.ordinal()],
        (String) v[ArticleField.BODY.ordinal()],
        (String) v[ArticleField.MARKDOWN.ordinal()]);
  }

  public Article withId(long newId) {
    return with(ArticleField.ID, newId);
  }

  public Article withTitle(String v) {
    return with(ArticleField.TITLE, v);
  }

  public Article withSource(String v) {
    return with(ArticleField.SOURCE, v);
  }

  public Article withAuthors(List<String> v) {
    return with(ArticleField.AUTHORS, v);
  }

  public Article withPublished(String v) {
    return with(ArticleField.PUBLISHED, v);
  }

  public Article withUrl(String v) {
    return with(ArticleField.URL, v);
  }

  public Article withTags(List<String> v) {
    return with(ArticleField.TAGS, v);
  }

  public Article withStatus(Status v) {
    return with(ArticleField.STATUS, v);
  }

  public Article withStarred(boolean v) {
    return with(ArticleField.STARRED, v);
  }

  public Article withNote(String v) {
    return with(ArticleField.NOTE, v);
  }

  public Article withImported(String v) {
    return with(ArticleField.IMPORTED, v);
  }

  public Article withPath(String v) {
    return with(ArticleField.PATH, v);
  }

  /** Provenance as given, put in its one form against this article's values. */
  public Article withProvenance(Map<String, String> origins) {
    return with(ArticleField.PROVENANCE, ArticleField.origins(origins, this));
  }

  /** The origin of a metadata field's value, or null when none is known. */
  public String origin(ArticleField f) {
    return provenance.get(f.json());
  }

  /** True when a person set this field: re-extraction leaves it alone. */
  public boolean pinned(ArticleField f) {
    return ArticleField.EDIT.equals(origin(f));
  }
}
