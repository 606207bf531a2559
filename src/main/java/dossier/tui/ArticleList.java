package dossier.tui;

import dossier.core.Article;
import dossier.store.FetchRepository;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The matches of the current query, loaded a page at a time as the screen needs them: asking for an
 * article that is not loaded yet returns null and starts loading its page, so startup and moving
 * through a large archive never wait for the whole result. After a change (ours or another
 * process's) the loaded pages are kept on screen while fresh ones load.
 */
final class ArticleList {
  static final int PAGE = 50;
  private static final int BODIES = 64;

  private final Db db;
  private final Consumer<String> onError;
  private final Runnable onLoaded;

  private String query;

  /** The order the list is in: the sort key (O) cycles it. */
  private Sort sort = Sort.NEWEST;

  /** Matches, or -1 while the first count is loading. */
  private long count = -1;

  /** Bumped on every reset and refresh: answers to older requests are dropped. */
  private int generation;

  private final Map<Integer, List<Article>> pages = new HashMap<>();
  private final Set<Integer> stalePages = new HashSet<>();
  private final Set<Integer> loadingPages = new HashSet<>();

  private final Map<Long, Article> bodies =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Article> e) {
          return size() > BODIES;
        }
      };

  /**
   * For the loaded articles with earlier versions, the line that says so (see {@link #versions}).
   */
  private final Map<Long, String> versionLines = new HashMap<>();

  private final Set<Long> staleBodies = new HashSet<>();
  private final Set<Long> loadingBodies = new HashSet<>();
  private final Set<Long> missing = new HashSet<>();

  /**
   * @param onLoaded called on the UI thread when a page arrives (the cursor may need to follow its
   *     article)
   */
  ArticleList(Db db, Consumer<String> onError, Runnable onLoaded) {
    this.db = db;
    this.onError = onError;
    this.onLoaded = onLoaded;
  }

  String query() {
    return query;
  }

  Sort sort() {
    return sort;
  }

  /** Changes the order; the pages are read again in it. */
  void sort(Sort s) {
    sort = s;
    reset(query, count);
  }

  long count() {
    return count;
  }

  /** Shows the matches of another (already checked) query, whose count is known. */
  void reset(String newQuery, long newCount) {
    query = newQuery;
    count = newCount;
    generation++;
    pages.clear();
    stalePages.clear();
    loadingPages.clear();
  }

  /** As {@link #reset(String, long)}, with the first page loaded along with the count. */
  void reset(String newQuery, long newCount, List<Article> firstPage) {
    reset(newQuery, newCount);
    pages.put(0, new ArrayList<>(firstPage));
  }

  /** The first page of a query, read on the worker along with its count. */
  static List<Article> firstPage(Db.Services s, String q, Sort sort) {
    List<Article> rows = new ArrayList<>(PAGE);
    s.articles().list(q, sort, PAGE, 0, false, rows::add);
    return rows;
  }

  /** Reloads the count, then each page and article body when it is next drawn. */
  void refresh() {
    generation++;
    stalePages.addAll(pages.keySet());
    loadingPages.clear();
    staleBodies.addAll(bodies.keySet());
    loadingBodies.clear();
    missing.clear();
    int g = generation;
    String q = query;
    db.submit(
        s -> s.articles().count(q),
        n -> {
          if (g == generation) {
            count = n;
          }
        },
        onError);
  }

  /** The article at {@code index}, or null while its page loads. */
  Article get(int index) {
    if (index < 0 || index >= count) {
      return null;
    }
    int p = index / PAGE;
    List<Article> page = pages.get(p);
    if (page == null || stalePages.contains(p)) {
      load(p);
    }
    return page != null && index % PAGE < page.size() ? page.get(index % PAGE) : null;
  }

  /** The index of an article near {@code around} among the loaded pages, or -1. */
  int indexOf(long id, int around) {
    int best = -1;
    for (Map.Entry<Integer, List<Article>> e : pages.entrySet()) {
      List<Article> page = e.getValue();
      for (int i = 0; i < page.size(); i++) {
        if (page.get(i).id() == id) {
          int idx = e.getKey() * PAGE + i;
          if (best < 0 || Math.abs(idx - around) < Math.abs(best - around)) {
            best = idx;
          }
        }
      }
    }
    return best;
  }

  private void load(int p) {
    if (!loadingPages.add(p)) {
      return;
    }
    int g = generation;
    String q = query;
    Sort order = sort;
    db.submit(
        s -> {
          List<Article> rows = new ArrayList<>(PAGE);
          s.articles().list(q, order, PAGE, p * PAGE, false, rows::add);
          return rows;
        },
        rows -> {
          if (g != generation) {
            return;
          }
          loadingPages.remove(p);
          stalePages.remove(p);
          pages.put(p, rows);
          onLoaded.run();
        },
        err -> {
          loadingPages.remove(p);
          onError.accept(err);
        });
  }

  /** The article with its body (for the preview and the reader), or null while it loads. */
  Article full(long id) {
    Article a = bodies.get(id);
    if ((a == null || staleBodies.contains(id)) && !missing.contains(id)) {
      loadBody(id);
    }
    return a;
  }

  /**
   * For an article whose page changed, which version is shown and when it was stored, e.g. "version
   * 3 of 3, changed 2026-12-02"; null while it loads or when the article has one version.
   */
  String versions(long id) {
    return versionLines.get(id);
  }

  /** The line {@link #versions} gives, worked out on the worker thread. */
  static String versionLine(Db.Services s, long id) {
    List<FetchRepository.Version> all = s.archive().fetches().versions(id, false);
    if (all.size() < 2) {
      return null;
    }
    String since = all.get(all.size() - 1).since();
    return "version "
        + all.size()
        + " of "
        + all.size()
        + ", changed "
        + (since == null ? "?" : since.length() > 10 ? since.substring(0, 10) : since)
        + " (dossier diff "
        + id
        + " shows what changed)";
  }

  private record Loaded(Article article, String versions) {}

  /** True when the article was deleted (by us or by another process). */
  boolean isMissing(long id) {
    return missing.contains(id);
  }

  private void loadBody(long id) {
    if (!loadingBodies.add(id)) {
      return;
    }
    int g = generation;
    db.submit(
        s -> new Loaded(s.articles().get(id), versionLine(s, id)),
        loaded -> {
          if (g != generation) {
            return;
          }
          loadingBodies.remove(id);
          staleBodies.remove(id);
          bodies.put(id, loaded.article());
          if (loaded.versions() == null) {
            versionLines.remove(id);
          } else {
            versionLines.put(id, loaded.versions());
          }
        },
        err -> {
          if (g != generation) {
            return;
          }
          loadingBodies.remove(id);
          staleBodies.remove(id);
          bodies.remove(id);
          versionLines.remove(id);
          missing.add(id);
        });
  }

  /**
   * Applies a change we just made to the loaded copies, so the screen shows it before the reload
   * that follows the write arrives.
   */
  void patch(Set<Long> ids, UnaryOperator<Article> change) {
    for (List<Article> page : pages.values()) {
      for (int i = 0; i < page.size(); i++) {
        if (ids.contains(page.get(i).id())) {
          page.set(i, change.apply(page.get(i)));
        }
      }
    }
    for (Long id : ids) {
      Article a = bodies.get(id);
      if (a != null) {
        bodies.put(id, change.apply(a));
      }
    }
  }
}
