package dossier.store;

import dossier.core.Extracted;
import java.util.List;

/**
 * An article about to be stored: what the extractor found, its word count, the original bytes
 * (already compressed with {@link Originals#compress}), where it came from and the tags to give it.
 * The hash, the word count and the compression are worked out before the write transaction, so that
 * the writer only writes.
 */
public record NewArticle(
    Extracted extracted,
    String contentHash,
    int wordCount,
    byte[] compressedOriginal,
    int originalSize,
    String path,
    List<String> tags) {

  public NewArticle(
      Extracted extracted,
      String contentHash,
      byte[] compressedOriginal,
      int originalSize,
      String path,
      List<String> tags) {
    this(
        extracted,
        contentHash,
        extracted.wordCount(),
        compressedOriginal,
        originalSize,
        path,
        tags);
  }
}
