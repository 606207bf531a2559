package dossier.ingest;

import dossier.core.UsageException;
import java.util.Locale;

/** Input formats dossier extracts articles from. */
public enum Format {
  AUTO,
  TEXT,
  HTML,
  MARKDOWN,
  PDF;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Format parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "unknown format '" + s + "' (expected auto, text, html, markdown or pdf)");
    }
  }

  /** The format a file name's extension names (after a {@code .gz}), or AUTO. */
  public static Format fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".txt") || n.endsWith(".text")) {
      return TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
      return HTML;
    }
    if (n.endsWith(".md") || n.endsWith(".markdown")) {
      return MARKDOWN;
    }
    if (n.endsWith(".pdf")) {
      return PDF;
    }
    return AUTO;
  }
}
