package dossier.core;

import java.util.List;

/**
 * What an extractor pulled out of one file: the article text and its metadata, before it is stored.
 *
 * @param body plain text, paragraphs separated by one blank line
 * @param suggestedTags tags the source itself proposes ("Tags:" lines, keywords), not applied
 * @param format the input format that was recognized: text, html or markdown
 */
public record Extracted(
    String title,
    String source,
    List<String> authors,
    String published,
    String url,
    String section,
    String lang,
    String caption,
    String body,
    List<String> suggestedTags,
    String format) {

  public Extracted {
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    authors = authors == null ? List.of() : List.copyOf(authors);
    suggestedTags = suggestedTags == null ? List.of() : List.copyOf(suggestedTags);
  }

  /**
   * The identity of the article's text: sha256 of the title, a blank line and the body. The same
   * body under another headline is another article (wire stories are often re-headlined).
   */
  public String contentHash() {
    return Text.sha256(title, "\n\n", body);
  }

  /** Words in the body, counted as runs of letters and digits. */
  public int wordCount() {
    return Text.wordCount(body);
  }

  public Extracted withUrl(String newUrl) {
    return new Extracted(
        title,
        source,
        authors,
        published,
        newUrl,
        section,
        lang,
        caption,
        body,
        suggestedTags,
        format);
  }
}
