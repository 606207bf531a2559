package dossier.ingest;

import dossier.core.Extracted;
import java.util.List;

/** Markdown clips; front matter handling comes with the full extractor. */
final class MarkdownExtractor {
  private MarkdownExtractor() {}

  static Extracted extract(String text) {
    Extracted t = TextExtractor.extract(text.replaceFirst("^#+\\s*", ""));
    return new Extracted(t.title(), null, List.of(), null, null, null, null, t.caption(), t.body(),
        List.of(), "markdown");
  }
}
