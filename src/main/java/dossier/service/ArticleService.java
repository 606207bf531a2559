package dossier.service;

import dossier.core.Article;
import dossier.core.Hit;
import dossier.core.NotFoundException;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.store.Archive;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

  /**
   * The matches in {@code sort} order, each with its score and snippet: the best first for {@link
   * Sort#RELEVANCE}, else the page that {@link #list} gives, its hits then read for those articles
   * alone.
   */
  public void search(String query, Sort sort, int limit, int offset, Consumer<Hit> sink) {
    search(query, sort, limit, offset, 0, sink);
  }

  /**
   * {@link #search(String, Sort, int, int, Consumer)} with snippets of about {@code snippetTokens}
   * tokens (0: the usual length), as long as the line they are printed on.
   */
  public void search(
      String query, Sort sort, int limit, int offset, int snippetTokens, Consumer<Hit> sink) {
    if (sort == Sort.RELEVANCE) {
      archive.articles().search(compile(query), limit, offset, snippetTokens, sink);
      return;
    }
    List<Long> page = new ArrayList<>();
    list(query, sort, limit, offset, false, a -> page.add(a.id()));
    for (int from = 0; from < page.size(); from += HITS_AT_ONCE) {
      List<Long> ids = page.subList(from, Math.min(page.size(), from + HITS_AT_ONCE));
      Map<Long, Hit> hits = new HashMap<>();
      // the same query narrowed to the page, so that its words still make the snippets
      String narrowed =
          "("
              + query
              + ") id:"
              + ids.stream().map(String::valueOf).collect(Collectors.joining(","));
      archive
          .articles()
          .search(compile(narrowed), 0, 0, snippetTokens, h -> hits.put(h.article().id(), h));
      for (long id : ids) {
        Hit h = hits.get(id);
        if (h != null) {
          sink.accept(h);
        }
      }
    }
  }

  /** How many articles' snippets one statement reads. */
  private static final int HITS_AT_ONCE = 500;

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
