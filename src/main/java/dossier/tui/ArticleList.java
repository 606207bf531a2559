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

  /** Copies folded under their original (Z). */
  private boolean foldCopies;

  /** Stories shown as threads (=). */
  private boolean threads;

  /** The groups whose folding a person changed with z (see {@link Tree#lines}). */
  private final Set<String> flipped = new HashSet<>();

  /** What the grouped list is built from, or null while it loads. */
  private Tree.Data data;

  /** The lines of the grouped list (kept on screen while a fresh tree loads), or null. */
  private List<Tree.Line> lines;

  private boolean loadingTree;

  /** The articles of the grouped list's lines, without bodies, as their pages are read. */
  private final Map<Long, Article> byId = new HashMap<>();

  private final Set<Long> staleIds = new HashSet<>();
  private final Set<Integer> loadingLinePages = new HashSet<>();

  /** Articles of lines that were deleted meanwhile: not read again until the next tree. */
  private final Set<Long> goneIds = new HashSet<>();

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

  /** True when the list is grouped: copies folded, or stories as threads. */
  boolean grouped() {
    return foldCopies || threads;
  }

  boolean foldsCopies() {
    return foldCopies;
  }

  boolean threads() {
    return threads;
  }

  /**
   * Groups the list (or not) from now on; with {@code reload} the tree is read again at once (else
   * at the next reset).
   */
  void grouping(boolean copies, boolean asThreads, boolean reload) {
    foldCopies = copies;
    threads = asThreads;
    flipped.clear();
    if (reload) {
      reset(query, count);
    }
  }

  /** How many lines the list has: the matches, or in a grouped list its lines; -1 while loading. */
  long size() {
    if (!grouped()) {
      return count;
    }
    return lines == null ? -1 : lines.size();
  }

  /** The line at {@code index} of a grouped list, or null (a flat list, or one still loading). */
  Tree.Line line(int index) {
    return grouped() && lines != null && index >= 0 && index < lines.size()
        ? lines.get(index)
        : null;
  }

  /** The articles the line at {@code index} stands for: its own, and those folded under it. */
  List<Long> members(int index) {
    Tree.Line l = line(index);
    if (l != null) {
      return l.members();
    }
    Article a = get(index);
    return a == null ? List.of() : List.of(a.id());
  }

  /**
   * Folds or unfolds a group (z); returns the index of the line that heads it now, or -1 when the
   * line has no group.
   */
  int fold(int index) {
    Tree.Line l = line(index);
    if (l == null || l.fold() == null) {
      return -1;
    }
    String key = l.fold();
    if (!flipped.remove(key)) {
      flipped.add(key);
    }
    relines();
    for (int i = 0; i < lines.size(); i++) {
      if (key.equals(lines.get(i).fold())) {
        return i;
      }
    }
    return -1;
  }

  private void relines() {
    lines = data == null ? null : Tree.lines(data, foldCopies, threads, flipped);
    loadingLinePages.clear();
    goneIds.clear();
  }

  /** The matches of a query with the copy and story links of each, for a grouped list. */
  static Tree.Data treeData(Db.Services s, String q, Sort sort) {
    List<Tree.Match> matches = new ArrayList<>();
    s.articles()
        .list(
            q,
            sort,
            0,
            0,
            false,
            a -> matches.add(new Tree.Match(a.id(), a.published() != null ? a.published() : "")));
    List<Long> ids = new ArrayList<>(matches.size());
    matches.forEach(m -> ids.add(m.id()));
    return new Tree.Data(
        matches, s.archive().copies().originalsOf(ids), s.archive().stories().storiesOf(ids));
  }

  private void loadTree() {
    if (loadingTree) {
      return;
    }
    loadingTree = true;
    int g = generation;
    String q = query;
    Sort order = sort;
    db.submit(
        s -> treeData(s, q, order),
        d -> {
          if (g != generation) {
            return;
          }
          loadingTree = false;
          data = d;
          relines();
          onLoaded.run();
        },
        err -> {
          if (g == generation) {
            loadingTree = false;
            onError.accept(err);
          }
        });
  }

  /** Reads the articles of a page of lines, those folded under them included. */
  private void loadLines(int p) {
    if (!loadingLinePages.add(p)) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    for (int i = p * PAGE; i < Math.min(lines.size(), (p + 1) * PAGE); i++) {
      ids.addAll(lines.get(i).members());
    }
    if (ids.isEmpty()) {
      return;
    }
    int g = generation;
    String q = "id:" + String.join(",", ids.stream().map(String::valueOf).toList());
    db.submit(
        s -> {
          List<Article> rows = new ArrayList<>(ids.size());
          s.articles().list(q, Sort.NEWEST, 0, 0, false, rows::add);
          return rows;
        },
        rows -> {
          if (g != generation) {
            return;
          }
          loadingLinePages.remove(p);
          Set<Long> gone = new HashSet<>(ids);
          for (Article a : rows) {
            byId.put(a.id(), a);
            staleIds.remove(a.id());
            gone.remove(a.id());
          }
          // deleted meanwhile: the next tree leaves them out
          gone.forEach(byId::remove);
          goneIds.addAll(gone);
          onLoaded.run();
        },
        err -> {
          loadingLinePages.remove(p);
          onError.accept(err);
        });
  }

  /** Shows the matches of another (already checked) query, whose count is known. */
  void reset(String newQuery, long newCount) {
    query = newQuery;
    count = newCount;
    generation++;
    pages.clear();
    stalePages.clear();
    loadingPages.clear();
    data = null;
    lines = null;
    loadingTree = false;
    byId.clear();
    staleIds.clear();
    loadingLinePages.clear();
    if (grouped()) {
      loadTree();
    }
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
    if (grouped()) {
      staleIds.addAll(byId.keySet());
      loadingLinePages.clear();
      loadingTree = false;
      loadTree();
    }
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
    if (grouped()) {
      Tree.Line l = line(index);
      if (l == null) {
        return null;
      }
      Article a = byId.get(l.id());
      if ((a == null || staleIds.contains(l.id())) && !goneIds.contains(l.id())) {
        loadLines(index / PAGE);
      }
      return a;
    }
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
    if (grouped()) {
      for (int i = 0; lines != null && i < lines.size(); i++) {
        if (lines.get(i).members().contains(id)
            && (best < 0 || Math.abs(i - around) < Math.abs(best - around))) {
          best = i;
        }
      }
      return best;
    }
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
  /** The article {@code id} as the list has it loaded (without its body), or null. */
  Article loaded(long id) {
    if (grouped()) {
      return byId.get(id);
    }
    for (List<Article> page : pages.values()) {
      for (Article a : page) {
        if (a.id() == id) {
          return a;
        }
      }
    }
    return null;
  }

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
    for (Long id : ids) {
      byId.computeIfPresent(id, (k, a) -> change.apply(a));
    }
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
