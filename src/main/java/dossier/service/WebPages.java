package dossier.service;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.ingest.WebPage;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a fetch adds to an extracted page: its address, and the server's date as a last resort. */
public final class WebPages {
  private WebPages() {}

  /** The origin of a URL that is the address a fetch ended at. */
  static final String FETCHED = "fetched url";

  /** The origin of a date taken from the Last-Modified header. */
  static final String LAST_MODIFIED = "http last-modified";

  /**
   * The page's own canonical address stays its URL; without one, the address the redirects ended
   * at. Last-Modified says when the server last changed the file, not when the story was published,
   * so it only stands in when the page itself gives no date.
   */
  public static Article withFetchEvidence(Article a, WebPage page) {
    Map<String, String> origins = new LinkedHashMap<>(a.provenance());
    Article out = a;
    if (a.url() == null || a.url().isBlank() || !a.url().matches("(?i)https?://.*")) {
      out = out.withUrl(page.finalUrl());
      origins.put(ArticleField.URL.json(), FETCHED);
    }
    if (a.published() == null && page.lastModified() != null) {
      String day = day(page.lastModified());
      if (day != null) {
        out = out.withPublished(day);
        origins.put(ArticleField.PUBLISHED.json(), LAST_MODIFIED);
      }
    }
    return out == a ? a : out.withProvenance(origins);
  }

  static String day(String httpDate) {
    try {
      return ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneOffset.UTC)
          .toLocalDate()
          .toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
