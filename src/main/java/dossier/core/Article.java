package dossier.core;

import java.util.List;

/**
 * One stored article, in the shape of the article JSON of the spec. {@code body} may be null when a
 * listing did not load it.
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
    String body) {

  public Article {
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    status = status == null ? Status.NEW : status;
  }

  public Article withTags(List<String> newTags) {
    return new Article(
        id,
        title,
        source,
        authors,
        published,
        url,
        section,
        lang,
        caption,
        newTags,
        status,
        starred,
        note,
        wordCount,
        imported,
        path,
        contentHash,
        body);
  }
}
