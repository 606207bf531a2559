package dossier.ingest;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What fetching a URL brought back, to be imported like a file: the body as the server sent it
 * (gzip already decoded), the addresses asked for and finally reached, and the response headers.
 *
 * @param requested the URL as given
 * @param finalUrl the URL the redirects ended at
 * @param contentType the media type without parameters, lower case, or null
 * @param charset the charset the Content-Type header names, or null
 * @param headers the response headers of the final answer, names in lower case
 * @param lastModified the Last-Modified header as sent, or null
 */
public record WebPage(
    String requested,
    String finalUrl,
    int status,
    String contentType,
    Charset charset,
    byte[] body,
    Map<String, List<String>> headers,
    String lastModified) {

  /** A file name whose extension says the format, for the extractors. */
  public String fileName() {
    String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (t.equals("application/pdf")) {
      return "page.pdf";
    }
    if (t.equals("text/plain")) {
      return "page.txt";
    }
    if (t.equals("text/markdown") || t.equals("text/x-markdown")) {
      return "page.md";
    }
    if (t.contains("html") || t.contains("xml")) {
      return "page.html";
    }
    return null;
  }

  /** The headers as stored: one {@code name: value} line each. */
  public String headerLines() {
    StringBuilder b = new StringBuilder();
    headers.forEach(
        (k, vs) -> {
          for (String v : vs) {
            b.append(b.length() == 0 ? "" : "\n").append(k).append(": ").append(v);
          }
        });
    return b.toString();
  }
}
