package dossier.core;

import java.util.List;
import java.util.Map;

/**
 * What an extractor pulled out of one file: the article text and its metadata, before it is stored.
 *
 * @param body plain text, paragraphs separated by one blank line
 * @param suggestedTags tags the source itself proposes ("Tags:" lines, keywords), not applied
 * @param format the input format that was recognized: text, html, markdown or pdf
 * @param markdown the body with its structure (headings, lists, quotes, links) as CommonMark, or
 *     null when the extractor kept none; {@code body} stays the plain text that is indexed
 * @param provenance where each metadata field that has a value came from: field name ({@code
 *     title}, {@code source}, {@code authors}, {@code published}, {@code url}, {@code section},
 *     {@code lang}, {@code caption}) to a short origin such as {@code json-ld} or {@code byline
 *     line}
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
    String format,
    String markdown,
    Map<String, String> provenance) {

  public Extracted {
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    authors = authors == null ? List.of() : List.copyOf(authors);
    suggestedTags = suggestedTags == null ? List.of() : List.copyOf(suggestedTags);
    provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
  }

  /** An extraction without a structured rendition or provenance. */
  public Extracted(
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
    this(
        title,
        source,
        authors,
        published,
        url,
        section,
        lang,
        caption,
        body,
        suggestedTags,
        format,
        null,
        Map.of());
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

  /** The same extraction with another url (given on the command line, say). */
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
        format,
        markdown,
        provenance);
  }
}
