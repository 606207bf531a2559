package dossier.service;

import dossier.core.Article;
import dossier.store.Archive;
import dossier.store.Sort;
import java.util.function.Consumer;

/** Reading articles out for an export: everything about each, oldest first, bodies included. */
public final class ExportService {
  /** One article with the bytes it was imported from (null when not asked for). */
  public record Exported(Article article, byte[] original) {}

  private final Archive archive;
  private final ArticleService articles;
  private Runnable afterEach = () -> {};

  public ExportService(Archive archive) {
    this.archive = archive;
    this.articles = new ArticleService(archive);
  }

  /** How many articles match. */
  public long count(String query) {
    return articles.count(query);
  }

  /** Runs {@code r} after each article is handed out (to count progress). */
  public ExportService afterEach(Runnable r) {
    this.afterEach = r;
    return this;
  }

  /** Streams every article matching {@code query}, oldest first. */
  public void export(String query, boolean withOriginals, Consumer<Exported> sink) {
    articles.list(
        query,
        Sort.OLDEST,
        0,
        0,
        true,
        a -> {
          byte[] original = withOriginals ? archive.articles().original(a.id()).orElse(null) : null;
          sink.accept(new Exported(a, original));
          afterEach.run();
        });
  }
}
