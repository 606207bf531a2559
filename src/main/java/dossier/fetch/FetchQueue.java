package dossier.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * Fetches many URLs politely: several hosts at once, but one request at a time to any one host,
 * with the options' pause between two requests to it. Results come out as they are ready, each URL
 * once, so that the import stores pages while others are still on their way.
 */
public final class FetchQueue implements Iterator<Fetcher.Result>, AutoCloseable {
  private final LinkedBlockingQueue<Fetcher.Result> done = new LinkedBlockingQueue<>();
  private final ExecutorService pool;
  private final int total;
  private int given;

  /**
   * Starts fetching {@code urls}; {@code stop} is asked before each request, and once it says true
   * the URLs not fetched yet come out as not fetched.
   */
  public FetchQueue(List<String> urls, Fetcher fetcher, BooleanSupplier stop) {
    Map<String, List<String>> byHost = new LinkedHashMap<>();
    for (String u : urls) {
      byHost.computeIfAbsent(hostOf(u), h -> new ArrayList<>()).add(u);
    }
    total = urls.size();
    pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(fetcher.options().hosts(), byHost.size())),
            r -> {
              Thread t = new Thread(r, "dossier-fetch");
              t.setDaemon(true);
              return t;
            });
    for (List<String> hostUrls : byHost.values()) {
      pool.execute(() -> fetchHost(hostUrls, fetcher, stop));
    }
    pool.shutdown();
  }

  private void fetchHost(List<String> urls, Fetcher fetcher, BooleanSupplier stop) {
    boolean first = true;
    for (String u : urls) {
      try {
        if (stop.getAsBoolean()) {
          done.add(new Fetcher.Result(u, null, "not fetched: stopped"));
          continue;
        }
        if (!first) {
          fetcher.politePause();
        }
        first = false;
        done.add(fetcher.fetch(u));
      } catch (InterruptedException e) {
        done.add(new Fetcher.Result(u, null, "not fetched: interrupted"));
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        done.add(
            new Fetcher.Result(u, null, "cannot fetch (" + e.getClass().getSimpleName() + ")"));
      }
    }
  }

  /** The host and port requests are counted by; a URL without one is a host of its own. */
  static String hostOf(String url) {
    try {
      URI u = URI.create(url.strip());
      return (u.getHost() == null ? url : u.getHost().toLowerCase(Locale.ROOT)) + ":" + u.getPort();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  @Override
  public boolean hasNext() {
    return given < total;
  }

  @Override
  public Fetcher.Result next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      Fetcher.Result r = done.take();
      given++;
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
