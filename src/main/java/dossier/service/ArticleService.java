package dossier.service;

import dossier.core.Article;
import dossier.core.Hit;
import dossier.core.NotFoundException;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.store.Archive;
import dossier.store.Sort;
import java.util.function.Consumer;

/** Reading the archive: queries, listings, search and single articles. */
public final class ArticleService {
  private final Archive archive;

  public ArticleService(Archive archive) {
    this.archive = archive;
  }

  /** Compiles query text, expanding saved searches from this archive. */
  public CompiledQuery compile(String query) {
    return QueryCompiler.compile(
        query == null ? "" : query, QueryContext.of(name -> archive.savedSearches().get(name)));
  }

  public long count(String query) {
    return archive.articles().count(compile(query));
  }

  public void list(
      String query, Sort sort, int limit, int offset, boolean withBody, Consumer<Article> sink) {
    archive.articles().list(compile(query), sort, limit, offset, withBody, sink);
  }

  public void search(String query, int limit, int offset, Consumer<Hit> sink) {
    archive.articles().search(compile(query), limit, offset, sink);
  }

  /** One article with its body. */
  public Article get(long id) {
    return archive.articles().get(id).orElseThrow(() -> notFound(id));
  }

  /**
   * The bytes the article was imported from. An article restored from an export without originals
   * has none, and this says so rather than making one up.
   */
  public byte[] original(long id) {
    return archive
        .articles()
        .original(id)
        .orElseThrow(
            () -> {
              get(id); // no such article: say that
              return new NotFoundException(
                  "article "
                      + id
                      + " has no stored original: it was restored from an export made without"
                      + " originals (export without --no-originals to keep them)");
            });
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("no article with id " + id);
  }
}
