package dossier.store;

import dossier.core.Article;

/**
 * An article about to be stored: what the extractor found as an {@link Article} (id 0, with its
 * path, tags, hash and word count), and the original bytes (already compressed with {@link
 * Originals#compress}). The hash, the word count and the compression are worked out before the
 * write transaction, so that the writer only writes.
 */
public record NewArticle(Article article, byte[] compressedOriginal, int originalSize) {
  /** An extraction of {@code original} (the bytes as read) to store with this path and tags. */
  public static NewArticle of(
      dossier.core.Extracted x, byte[] original, String path, java.util.List<String> tags) {
    return new NewArticle(
        Article.extracted(x, path, tags), Originals.compress(original), original.length);
  }

  public String contentHash() {
    return article.contentHash();
  }

  public String path() {
    return article.path();
  }

  public java.util.List<String> tags() {
    return article.tags();
  }
}
