package dossier.service;

import dossier.core.UrlKey;
import dossier.fetch.FetchQueue;
import dossier.fetch.Fetcher;
import dossier.ingest.Sources.Source;
import dossier.service.ImportService.Outcome;
import dossier.service.ImportService.Status;
import dossier.service.ImportService.Summary;
import dossier.store.Archive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Imports pages by their URLs: an address already archived is a duplicate without a fetch (unless
 * asked to fetch it again, when a changed page becomes a new version of its article); the others
 * are fetched politely ({@link FetchQueue}) and stored through the one import pipeline, each page
 * as it arrives.
 */
public final class WebImport {
  private final Archive archive;
  private final Fetcher fetcher;

  public WebImport(Archive archive, Fetcher fetcher) {
    this.archive = archive;
    this.fetcher = fetcher;
  }

  /**
   * Imports {@code urls}. With {@code again}, archived addresses are fetched too, and a page that
   * changed is stored as a new version of its article.
   */
  public Summary run(
      List<String> urls,
      boolean again,
      ImportService.Options opts,
      ImportService.Listener listener,
      BooleanSupplier stop) {
    long start = System.nanoTime();
    List<String> toFetch = new ArrayList<>();
    Map<String, String> firstOfKey = new HashMap<>();
    int failed = 0;
    int duplicates = 0;
    for (String raw : urls) {
      String url = raw.strip();
      String problem = Fetcher.problem(url);
      if (problem != null) {
        listener.outcome(new Outcome(url, Status.FAILED, null, problem));
        failed++;
        continue;
      }
      String key = UrlKey.orSelf(url);
      if (firstOfKey.putIfAbsent(key, url) != null) {
        listener.outcome(new Outcome(url, Status.DUPLICATE, null, null));
        duplicates++;
        continue;
      }
      Optional<Long> stored = archive.fetches().idByUrl(url);
      if (stored.isPresent() && !again) {
        listener.outcome(Outcome.archivedUrl(url, stored.get()));
        duplicates++;
        continue;
      }
      toFetch.add(url);
    }
    Summary fetched;
    if (toFetch.isEmpty()) {
      fetched = new Summary(0, 0, 0, 0, 0);
    } else {
      try (FetchQueue queue = new FetchQueue(toFetch, fetcher, stop)) {
        Iterator<Source> sources =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return queue.hasNext();
              }

              @Override
              public Source next() {
                Fetcher.Result r = queue.next();
                return new Source(r.url(), null, null, r.error(), r.page());
              }
            };
        fetched = new ImportService(archive).run(sources, urls, opts, listener, stop);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Summary(
        fetched.imported(),
        fetched.duplicates() + duplicates,
        fetched.updated(),
        fetched.failed() + failed,
        millis,
        fetched.near());
  }
}
