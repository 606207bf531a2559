package dossier.store;

import dossier.core.Extracted;
import java.util.List;

/**
 * An article about to be stored: what the extractor found, the original bytes (already compressed
 * with {@link Originals#compress}), where it came from and the tags to give it.
 */
public record NewArticle(
    Extracted extracted,
    String contentHash,
    byte[] compressedOriginal,
    int originalSize,
    String path,
    List<String> tags) {}
