package dossier.service;

import dossier.core.NotFoundException;
import dossier.core.UsageException;
import dossier.fetch.Fetcher;
import dossier.query.CompiledQuery;
import dossier.service.ImportService.Summary;
import dossier.store.Archive;
import dossier.store.FetchRepository.Version;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The versions of articles: fetching stored URLs again ({@code refetch}), listing an article's
 * versions, and the two versions a diff compares.
 */
public final class VersionService {
  private final Archive archive;

  public VersionService(Archive archive) {
    this.archive = archive;
  }

  /**
   * Fetches again the stored URL of every article matching {@code query} (all articles with one
   * when blank): a page that changed becomes a new version of its article, one that did not is
   * reported unchanged, and a failed fetch changes nothing.
   */
  public Summary refetch(
      String query,
      Fetcher fetcher,
      ImportService.Options opts,
      ImportService.Listener listener,
      BooleanSupplier stop) {
    String q = query == null ? "" : query.trim();
    CompiledQuery cq =
        q.isEmpty() || q.equals("*") ? CompiledQuery.ALL : new ArticleService(archive).compile(q);
    List<Long> ids = new ArrayList<>();
    archive.articles().list(cq, Sort.IMPORTED, 0, 0, false, a -> ids.add(a.id()));
    List<String> urls = new ArrayList<>();
    for (String[] idAndUrl : archive.fetches().refetchUrls(ids)) {
      if (Fetcher.problem(idAndUrl[1]) == null) {
        urls.add(idAndUrl[1]);
      }
    }
    if (urls.isEmpty()) {
      return new Summary(0, 0, 0, 0, 0);
    }
    return new WebImport(archive, fetcher).run(urls, true, opts, listener, stop);
  }

  /** Every version of article {@code id}, oldest first; the latest is the article as shown. */
  public List<Version> versions(long id, boolean withBody) {
    List<Version> v = archive.fetches().versions(id, withBody);
    if (v.isEmpty()) {
      throw new NotFoundException("no article " + id);
    }
    return v;
  }

  /**
   * The two versions to compare: {@code v1} and {@code v2} when given (0: not given), else the last
   * two; a single version is compared with itself.
   */
  public Version[] pair(long id, int v1, int v2) {
    List<Version> all = versions(id, true);
    int n = all.size();
    int a = v1 > 0 ? v1 : Math.max(1, n - 1);
    int b = v2 > 0 ? v2 : (v1 > 0 ? n : n);
    for (int v : new int[] {a, b}) {
      if (v < 1 || v > n) {
        throw new UsageException(
            "article " + id + " has " + (n == 1 ? "one version" : n + " versions") + ", not " + v);
      }
    }
    return new Version[] {all.get(a - 1), all.get(b - 1)};
  }
}
