package dossier.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.Status;
import dossier.core.TagChange;
import dossier.core.Tags;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.service.EditService;
import dossier.service.Provenance;
import dossier.service.Selector;
import dossier.store.Archive;
import dossier.store.Journal;
import dossier.store.TagRepository.TagCount;
import dossier.tui.PromptView.Choice;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The review UI's controller: turns keys into actions (through the {@link Action} table), runs them
 * against the services on the worker thread, and draws the screen on top of the stack with its
 * pop-up, the status line and the key hints.
 *
 * <p>Everything here runs on one thread. Results from the archive arrive as events on a queue, so
 * the screen keeps answering keys while the archive is busy.
 */
final class ReviewApp {
  /** How often to look for changes made by other processes. */
  static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

  static final String INBOX = "is:new";

  private final Screen screen;
  private final Theme theme;
  private final Db db;

  /** Slow reads (tag suggestions) on their own connection, so edits and paging never wait. */
  private final Db side;

  private boolean suggesting;
  private TagPrompt waitingForSuggestions;
  private final LongSupplier clock;
  private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();

  private final ArticleList list;
  private final Set<Long> selected = new LinkedHashSet<>();

  /** Journal entries this review made: undoing them needs no confirmation. */
  private final Set<Long> ours = new HashSet<>();

  /**
   * Those of them that only marked an opened article read: u undoes them together with the change
   * before them, which is the one the user meant.
   */
  private final Set<Long> readMarks = new HashSet<>();

  /** The article each of those changes was made on: the cursor goes back to it on undo. */
  private final Map<Long, Long> changedArticle = new HashMap<>();

  /** Whether opening a new article in the reader marks it read. */
  private boolean markReadOnOpen = true;

  /** Opens URLs and copies text for the o and y keys. */
  private Outside outside = Outside.NONE;

  /** What the review reaches outside the archive: a browser and the terminal's clipboard. */
  interface Outside {
    /** Opens {@code url}; returns what to say (where it went, or why not). */
    String open(String url);

    /** Copies {@code text} to the clipboard; returns what to say. */
    String copy(String text);

    /**
     * Runs {@code command} through {@code sh -c} with {@code text} on its standard input, the
     * terminal handed over to it until a key is pressed; returns what to say (its exit status).
     */
    default String pipe(String command, String text) {
      return "no shell here";
    }

    /** Opens {@code text} in the person's editor and returns what they saved. */
    default Edited edit(String text) {
      return new Edited(null, "no editor here");
    }

    /** What came back from the editor: the text, or (text null) why there is none. */
    record Edited(String text, String error) {}

    Outside NONE =
        new Outside() {
          @Override
          public String open(String url) {
            return "no browser here";
          }

          @Override
          public String copy(String text) {
            return "no clipboard here";
          }
        };
  }

  private final ListView listView;
  private final Deque<View> screens = new ArrayDeque<>();
  private View popup;

  private String status;
  private boolean statusIsError;
  private int writing;
  private boolean running = true;
  private boolean dirty = true;
  private boolean fullRedraw;

  private int queryGeneration;
  private long lastPoll;
  private final long started;
  private boolean firstLoadDone;
  private static final long HOLD_KEYS_NANOS = TimeUnit.SECONDS.toNanos(3);
  private boolean polling;

  /** Set by an event that changed nothing on screen. */
  private boolean quiet;

  private Long dataVersion;

  ReviewApp(
      Screen screen,
      Theme theme,
      Archive archive,
      Archive sideArchive,
      TagSuggester.Factory suggesters,
      Executor executor,
      Executor sideExecutor,
      LongSupplier clock,
      String query) {
    this.screen = screen;
    this.theme = theme;
    this.clock = clock;
    this.db = new Db(archive, suggesters, executor, events::add);
    this.side = new Db(sideArchive, suggesters, sideExecutor, events::add);
    this.list = new ArticleList(db, this::error, this::pageLoaded);
    this.listView = new ListView(list, selected);
    screens.push(listView);
    this.lastPoll = clock.getAsLong();
    this.started = lastPoll;
    // where the archive is before the first load: any later commit by another process shows up
    checkForChanges();
    list.reset(query, -1);
    applyQuery(query, null);
  }

  boolean running() {
    return running;
  }

  /** Opening an article marks it read (the default), or leaves its status alone. */
  ReviewApp markReadOnOpen(boolean on) {
    markReadOnOpen = on;
    return this;
  }

  ReviewApp outside(Outside o) {
    outside = o;
    return this;
  }

  /** How an article reads as text for the | key: as {@code dossier show} prints it. */
  private Function<Article, String> plainText =
      a -> (a.title() == null ? "" : a.title() + "\n\n") + (a.body() == null ? "" : a.body());

  ReviewApp plainText(Function<Article, String> text) {
    plainText = text;
    return this;
  }

  // ---------------------------------------------------------------- loop

  /** Runs until the user quits. */
  void run() throws IOException {
    while (running) {
      if (!step() && running) {
        try {
          Runnable e = events.poll(25, TimeUnit.MILLISECONDS);
          if (e != null) {
            apply(e);
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  /**
   * Does what is pending now: a resize, results from the archive, keys typed, the check for other
   * processes' changes, and a redraw when anything changed.
   *
   * @return true when something happened
   */
  boolean step() throws IOException {
    boolean did = false;
    if (screen.doResizeIfNecessary() != null) {
      did = true;
      fullRedraw = true;
    }
    long now = clock.getAsLong();
    if (now - lastPoll >= POLL_NANOS) {
      lastPoll = now;
      checkForChanges();
    }
    did |= drainEvents();
    KeyStroke k;
    while (running && !holdKeys(now) && (k = screen.pollInput()) != null) {
      did = true;
      handle(k);
      drainEvents();
    }
    if (did || dirty) {
      dirty = false;
      try {
        draw();
      } catch (RuntimeException e) {
        // a drawing bug must not take the archive's user out of the UI: say so and carry on
        error("cannot draw the screen: " + Db.message(e));
        screen.clear();
        Canvas c = new Canvas(screen, theme);
        c.put(0, 0, Cells.fit(Cells.line(status), c.width), theme.error);
        screen.refresh();
      }
    }
    return did;
  }

  /**
   * Keys typed before the first page arrives wait for it (for a moment at most): typed ahead, "t"
   * and a tag would otherwise find no article and the tag's letters would run as commands.
   */
  private boolean holdKeys(long now) {
    return !firstLoadDone && now - started < HOLD_KEYS_NANOS;
  }

  private boolean drainEvents() {
    boolean did = false;
    Runnable e;
    while ((e = events.poll()) != null) {
      did |= apply(e);
    }
    return did;
  }

  /** Runs an event; returns whether the screen needs drawing again. */
  private boolean apply(Runnable e) {
    try {
      e.run();
    } catch (RuntimeException ex) {
      error(Db.message(ex));
    }
    boolean redraw = !quiet;
    quiet = false;
    dirty |= redraw;
    return redraw;
  }

  /** Asks the archive whether another process changed it; reloads what is shown if so. */
  void checkForChanges() {
    if (polling) {
      return;
    }
    polling = true;
    db.submit(
        s -> s.archive().dataVersion(),
        v -> {
          polling = false;
          if (dataVersion != null && v.longValue() != dataVersion) {
            list.refresh();
          } else {
            quiet = true; // nothing changed: no need to draw the same screen again
          }
          dataVersion = v;
        },
        err -> polling = false);
  }

  // ---------------------------------------------------------------- keys

  void handle(KeyStroke k) {
    if (k.getKeyType() == KeyType.EOF) {
      running = false;
      return;
    }
    if (k.getKeyType() == KeyType.Character && k.isAltDown() && !k.isCtrlDown()) {
      // terminals send Esc and a key typed right after it as one Alt+key: take it as both
      handle(new KeyStroke(KeyType.Escape));
      handle(new KeyStroke(k.getCharacter(), false, false));
      return;
    }
    String name = Keys.name(k);
    try {
      if (popup != null) {
        View p = popup;
        p.key(k);
        if (popup == p && closed(p)) {
          popup = null;
        }
        return;
      }
      if (name == null) {
        return;
      }
      if (name.equals("C-c")) {
        running = false; // Ctrl-C quits from any screen
        return;
      }
      View v = screens.peek();
      Action a = Action.forKey(v.where(), name);
      if (a == null) {
        info("no action on " + Keys.display(name) + " here; ? lists the keys");
        return;
      }
      status = null;
      perform(a, name);
    } catch (RuntimeException e) {
      error(Db.message(e));
    }
  }

  private static boolean closed(View p) {
    return p instanceof PromptView pv ? pv.closed() : p instanceof ConfirmView cv && cv.closed();
  }

  private void perform(Action a, String key) {
    View top = screens.peek();
    switch (a) {
      case DOWN, UP, PAGE_DOWN, PAGE_UP, FIRST, LAST -> top.move(a);
      case SPACE_PAGE -> top.move(Action.PAGE_DOWN);
      case BACK_PAGE -> top.move(Action.PAGE_UP);
      case OPEN -> {
        Article cur = listView.current();
        if (cur != null) {
          screens.push(new ReaderView(list, cur.id()));
          opened(cur, listView.cursor());
        }
      }
      case TOGGLE_NEW -> toggleNew();
      case OPEN_URL -> withUrl(url -> info(outside.open(url)));
      case COPY_URL -> withUrl(url -> info(outside.copy(url)));
      case PREVIEW ->
          info(listView.toggleFullHeight() ? "preview hidden (p shows it)" : "preview shown");
      case SORT -> cycleSort();
      case COPIES -> group(!list.foldsCopies(), list.threads());
      case THREADS -> group(list.foldsCopies(), !list.threads());
      case FOLD -> fold();
      case STORY -> story();
      case NEXT_ARTICLE -> stepArticle(1);
      case PREV_ARTICLE -> stepArticle(-1);
      case BACK -> {
        if (screens.size() > 1) {
          screens.pop();
        }
      }
      case FIND -> findInArticle();
      case FIND_NEXT -> nextMatch(1);
      case FIND_PREV -> nextMatch(-1);
      case QUERY -> editQuery();
      case SAVED -> pickSaved();
      case SAVED_N -> savedNumber(key.charAt(0) - '0');
      case INBOX -> applyQuery(INBOX, null);
      case TAG -> askTags();
      case UNTAG -> pickTagToRemove();
      case REVIEWED -> mark(Status.REVIEWED, null, true);
      case ARCHIVE -> mark(Status.ARCHIVED, null, true);
      case STAR -> star();
      case NOTE -> editNote();
      case NOTE_EDITOR -> editNoteInEditor();
      case PIPE -> askPipe();
      case EDIT -> editField();
      case WHY -> {
        ReaderView r = reader();
        if (r != null) {
          r.toggleWhy();
        }
      }
      case SELECT -> toggleSelection();
      case SELECT_QUERY -> selectByQuery();
      case UNSELECT -> selected.clear();
      case UNDO -> undo();
      case DELETE -> confirmDelete();
      case RELOAD -> {
        fullRedraw = true;
        list.refresh();
      }
      case HELP_SCREEN -> screens.push(new HelpView());
      case QUIT -> running = false;
    }
  }

  private ReaderView reader() {
    return screens.peek() instanceof ReaderView r ? r : null;
  }

  /** /: a search inside the article in the reader, live as it is typed, as in less. */
  private void findInArticle() {
    ReaderView r = reader();
    if (r == null) {
      return;
    }
    popup =
        new PromptView(
            r,
            "Find in the article",
            "Enter keeps it · n N next and previous · empty clears · Esc cancels",
            "",
            false,
            null);
    PromptView p = (PromptView) popup;
    p.setHandler(
        new PromptView.Handler() {
          @Override
          public void changed(String text) {
            int n = r.find(text, width());
            p.message(
                text.isEmpty() ? "" : n < 0 ? "loading…" : n == 0 ? "not found" : lines(n), n == 0);
          }

          @Override
          public String submit(String text, Choice chosen) {
            lastFind = text;
            int n = r.find(text, width());
            if (!text.isEmpty()) {
              info(
                  n < 0
                      ? "looking for '" + text + "' once the article is loaded"
                      : n == 0
                          ? "'" + text + "' is not in this article"
                          : "'" + text + "' on " + lines(n) + " (n next, N previous)");
            }
            return null;
          }

          @Override
          public void cancel() {
            r.find(lastFind, width());
          }
        });
  }

  private String lastFind = "";

  private int width() {
    return screen.getTerminalSize().getColumns();
  }

  private static String lines(int n) {
    return n == 1 ? "1 line" : n + " lines";
  }

  private void nextMatch(int dir) {
    ReaderView r = reader();
    if (r == null) {
      return;
    }
    if (!r.searching()) {
      if (lastFind.isEmpty()) {
        info("no search yet: / looks for words in the article");
        return;
      }
      r.find(lastFind, width()); // the last search goes on in another article, as in less
    }
    int i = r.nextMatch(dir, width());
    info(
        i == 0 ? "'" + lastFind + "' is not in this article" : "match " + i + " of " + r.matches());
  }

  /** Moves the list cursor by {@code delta}; the reader follows it. */
  private void stepArticle(int delta) {
    int target = listView.cursor() + delta;
    if (target < 0 || target >= list.size()) {
      info(delta > 0 ? "this is the last article" : "this is the first article");
      return;
    }
    listView.moveTo(target);
    ReaderView r = reader();
    Article a = listView.current();
    if (r != null && a != null) {
      r.show(a.id());
      opened(a, target);
    }
  }

  /**
   * An article shown in the reader: a new one becomes read, as in mutt and newsboat, and so do the
   * new copies folded under its line (the same text), but not the other articles of its story.
   */
  private void opened(Article a, int line) {
    List<Long> ids = new ArrayList<>();
    if (a.status() == Status.NEW) {
      ids.add(a.id());
    }
    Tree.Line l = list.line(line);
    if (l != null && l.id() == a.id()) {
      for (long c : l.copies()) {
        Article copy = list.loaded(c);
        if (copy != null && copy.status() == Status.NEW) {
          ids.add(c);
        }
      }
    }
    if (markReadOnOpen && !ids.isEmpty()) {
      edit(
          ids,
          s -> s.edits().mark(Status.READ, null, Selector.ids(ids), false),
          x -> copy(x, Status.READ, x.starred(), x.tags()),
          r -> {
            readMarks.add(r.journal());
            return null;
          },
          false);
    }
  }

  /** N: read articles become new again, new ones read (all of them new when any was read). */
  private void toggleNew() {
    List<Long> ids = targets();
    if (ids.isEmpty()) {
      info("no article here");
      return;
    }
    boolean anyNew = false;
    for (long id : ids) {
      Article a = known(id);
      anyNew |= a != null && a.status() == Status.NEW;
    }
    if (usesSelection()) {
      selected.clear();
    }
    Status st = anyNew ? Status.READ : Status.NEW;
    edit(
        ids,
        s -> s.edits().mark(st, null, Selector.ids(ids), false),
        a -> copy(a, st, a.starred(), a.tags()),
        r -> "marked " + articles(r.selected()) + " " + st.label());
  }

  /** Runs {@code use} with the URL of the article in the reader or under the cursor. */
  private void withUrl(java.util.function.Consumer<String> use) {
    ReaderView r = reader();
    Article a = r != null ? known(r.id()) : listView.current();
    if (a == null) {
      info("no article here");
    } else if (a.url() == null || a.url().isBlank()) {
      info("this article has no URL");
    } else {
      use.accept(a.url());
    }
  }

  /** The orders O steps through; relevance only means something for a query with words. */
  private void cycleSort() {
    dossier.store.Sort[] all = dossier.store.Sort.values();
    dossier.store.Sort next = all[(list.sort().ordinal() + 1) % all.length];
    list.sort(next);
    listView.home();
    list.refresh();
    info("sorted by " + next.name().toLowerCase(Locale.ROOT));
  }

  /** The articles an edit applies to: the reader's, else the selection, else the cursor's. */
  private List<Long> targets() {
    ReaderView r = reader();
    if (r != null) {
      return List.of(r.id());
    }
    if (!selected.isEmpty()) {
      return new ArrayList<>(selected);
    }
    // a folded line stands for every article folded in it
    return list.members(listView.cursor());
  }

  private boolean usesSelection() {
    return reader() == null && !selected.isEmpty();
  }

  /** A loaded copy of an article, from the list or the reader's cache. */
  private Article known(long id) {
    Article a = list.loaded(id);
    return a != null ? a : list.full(id);
  }

  private static String articles(int n) {
    return n == 1 ? "1 article" : n + " articles";
  }

  // ---------------------------------------------------------------- edits

  /**
   * Runs an edit on the worker: shows it at once on the loaded copies, then reloads once the
   * archive has it (or shows why it failed and reloads what is really there).
   */
  private void edit(
      List<Long> ids,
      Db.Task<EditService.Result> task,
      UnaryOperator<Article> patch,
      Function<EditService.Result, String> done) {
    edit(ids, task, patch, done, true);
  }

  /**
   * As above; with {@code reload} false the list is not read again afterwards, so an article that
   * no longer matches (one just read in an is:new inbox) stays until the next reload, as in mutt.
   */
  private void edit(
      List<Long> ids,
      Db.Task<EditService.Result> task,
      UnaryOperator<Article> patch,
      Function<EditService.Result, String> done,
      boolean reload) {
    list.patch(Set.copyOf(ids), patch);
    writing++;
    db.submit(
        task::run,
        r -> {
          writing--;
          if (r.journal() != 0) {
            ours.add(r.journal());
            if (!ids.isEmpty()) {
              changedArticle.put(r.journal(), ids.get(0));
            }
          }
          String said = done.apply(r);
          if (said != null) {
            info(said);
          }
          if (reload) {
            list.refresh();
          }
        },
        err -> {
          writing--;
          error(err);
          list.refresh();
        });
  }

  private void mark(Status st, Boolean star, boolean moveOn) {
    List<Long> ids = targets();
    if (ids.isEmpty()) {
      info("no article here");
      return;
    }
    boolean many = usesSelection();
    if (many) {
      selected.clear();
    }
    String what = st != null ? st.label() : star ? "starred" : "unstarred";
    edit(
        ids,
        s -> s.edits().mark(st, star, Selector.ids(ids), false),
        a -> copy(a, st == null ? a.status() : st, star == null ? a.starred() : star, a.tags()),
        r -> "marked " + articles(r.selected()) + " " + what);
    if (moveOn && !many) {
      stepArticle(1);
    }
  }

  private void star() {
    List<Long> ids = targets();
    boolean allStarred = !ids.isEmpty();
    for (long id : ids) {
      Article a = known(id);
      allStarred &= a != null && a.starred();
    }
    mark(null, !allStarred, false);
  }

  /** V: the articles of the list that also match a query join the selection, as mutt's T. */
  private void selectByQuery() {
    popup =
        new PromptView(
            listView,
            "Select the articles of this list that match",
            "Enter selects them · Esc cancels · e.g. tag:x is:starred date:30d..",
            "",
            false,
            (text, chosen) -> {
              String q = text.strip();
              if (q.isEmpty()) {
                return "type a query: the articles of the list it matches become selected";
              }
              String within = list.query();
              String both = within.isBlank() ? q : "(" + within + ") (" + q + ")";
              db.submit(
                  s -> {
                    s.articles().compile(q); // a parse error names the user's query, not both
                    List<Long> ids = new ArrayList<>();
                    s.articles().list(both, list.sort(), 0, 0, false, a -> ids.add(a.id()));
                    return ids;
                  },
                  ids -> {
                    selected.addAll(ids);
                    info(
                        ids.isEmpty()
                            ? "nothing in this list matches '" + q + "'"
                            : "selected "
                                + articles(ids.size())
                                + " matching '"
                                + q
                                + "' ("
                                + selected.size()
                                + " in all; Esc clears)");
                  },
                  this::error);
              return null;
            });
  }

  private void toggleSelection() {
    List<Long> ids = list.members(listView.cursor());
    if (ids.isEmpty()) {
      return;
    }
    // a folded line is selected as a whole
    if (selected.containsAll(ids)) {
      ids.forEach(selected::remove);
    } else {
      selected.addAll(ids);
    }
    listView.move(Action.DOWN);
  }

  // ---------------------------------------------------------------- copies and threads

  /** Z and =: copies folded under their original, stories as threads, or the flat list. */
  private void group(boolean copies, boolean threads) {
    Article cur = listView.current();
    list.grouping(copies, threads, true);
    if (cur != null) {
      listView.focus(cur.id()); // the cursor stays on its article once the lines are read
    }
    info(
        threads
            ? copies
                ? "stories as threads, copies folded (= or Z lists them flat)"
                : "stories as threads (= lists them flat again)"
            : copies
                ? "copies folded under their original (z unfolds a line, Z lists them flat)"
                : "the list is flat again");
  }

  /** z: folds or unfolds the group of the line under the cursor. */
  private void fold() {
    if (!list.grouped()) {
      info("nothing to fold in a flat list: Z folds copies, = shows threads");
      return;
    }
    int head = list.fold(listView.cursor());
    if (head < 0) {
      info("no copies or thread to fold on this line");
    } else {
      listView.moveTo(head);
    }
  }

  /** Where x goes back to: the query and grouping before a story was shown, and its article. */
  private record Before(
      String query, boolean copies, boolean threads, long article, String shown) {}

  private Before beforeStory;

  /** Put the cursor on this article once the next query's list is read. */
  private Long focusAfterQuery;

  /** x: the article's story as a thread; x again goes back. */
  private void story() {
    Before back = beforeStory;
    if (back != null && back.shown().equals(list.query()) && reader() == null) {
      beforeStory = null;
      list.grouping(back.copies(), back.threads(), false);
      focusAfterQuery = back.article();
      applyQuery(back.query(), null);
      info("back to " + (back.query().isBlank() ? "everything" : Cells.line(back.query())));
      return;
    }
    Article a = here();
    if (a == null) {
      return;
    }
    long id = a.id();
    db.submit(
        s -> s.archive().stories().storyOf(id),
        st -> {
          if (st.isEmpty()) {
            info("#" + id + " is in no story");
            return;
          }
          String q = "story:" + st.get();
          beforeStory = new Before(list.query(), list.foldsCopies(), list.threads(), id, q);
          if (reader() != null) {
            screens.pop();
          }
          list.grouping(list.foldsCopies(), true, false);
          focusAfterQuery = id;
          applyQuery(q, null);
          info("story " + st.get() + " as a thread (x goes back)");
        },
        this::error);
  }

  private void tag(List<Long> ids, List<String> add, List<String> remove) {
    if (usesSelection()) {
      selected.clear();
    }
    TagChange change = new TagChange(add, remove, "");
    edit(
        ids,
        s -> s.edits().tag(change, Selector.ids(ids), false),
        a -> copy(a, a.status(), a.starred(), retag(a.tags(), add, remove)),
        r -> {
          List<String> ops = new ArrayList<>();
          add.forEach(t -> ops.add("+" + t));
          remove.forEach(t -> ops.add("-" + t));
          return String.join(" ", ops) + " on " + articles(r.selected());
        });
  }

  private static List<String> retag(List<String> tags, List<String> add, List<String> remove) {
    Map<String, String> byKey = new LinkedHashMap<>();
    tags.forEach(t -> byKey.put(Tags.key(t), t));
    add.forEach(t -> byKey.putIfAbsent(Tags.key(t), t));
    remove.forEach(t -> byKey.remove(Tags.key(t)));
    List<String> out = new ArrayList<>(byKey.values());
    out.sort(Comparator.comparing(Tags::key));
    return out;
  }

  private static Article copy(Article a, Status st, boolean starred, List<String> tags) {
    return a.withStatus(st).withStarred(starred).withTags(tags);
  }

  private void askTags() {
    List<Long> ids = targets();
    if (ids.isEmpty()) {
      info("no article here");
      return;
    }
    TagPrompt handler = new TagPrompt(ids);
    String who = ids.size() == 1 ? "#" + ids.get(0) : articles(ids.size());
    popup =
        new PromptView(
            screens.peek(),
            "Add tags to " + who + " (several: a, b)",
            "Enter adds · Tab completes · Up/Down choose · Esc cancels",
            "",
            false,
            handler);
    db.submit(s -> s.edits().tagCounts(), handler::tags, this::error);
    if (ids.size() == 1) {
      suggest(handler);
    }
  }

  /**
   * Asks for suggestions for the prompt's article; while one request runs, only the latest prompt
   * waits its turn, so pressing t repeatedly does not pile up work.
   */
  private void suggest(TagPrompt prompt) {
    if (suggesting) {
      waitingForSuggestions = prompt;
      return;
    }
    suggesting = true;
    long id = prompt.ids.get(0);
    side.submit(
        s -> s.suggester().suggest(id, 8),
        list -> {
          prompt.suggestions(list);
          nextSuggestion();
        },
        m -> nextSuggestion());
  }

  private void nextSuggestion() {
    suggesting = false;
    TagPrompt next = waitingForSuggestions;
    waitingForSuggestions = null;
    if (next != null && popup instanceof PromptView pv && pv.handler() == next) {
      suggest(next);
    }
  }

  /** The tag prompt: completion from the archive's tags, suggestions first. */
  private final class TagPrompt implements PromptView.Handler, PromptView.ListInput {
    private final List<Long> ids;
    private List<TagCount> tags = List.of();
    private List<TagSuggester.Suggestion> suggestions = List.of();

    TagPrompt(List<Long> ids) {
      this.ids = ids;
    }

    void tags(List<TagCount> t) {
      tags = t;
    }

    void suggestions(List<TagSuggester.Suggestion> s) {
      suggestions = s;
    }

    private Set<String> present() {
      Set<String> has = new HashSet<>();
      if (ids.size() == 1) {
        Article a = known(ids.get(0));
        if (a != null) {
          a.tags().forEach(t -> has.add(Tags.key(t)));
        }
      }
      return has;
    }

    @Override
    public List<Choice> choices(String text) {
      int comma = text.lastIndexOf(',');
      String part = (comma < 0 ? text : text.substring(comma + 1)).strip().toLowerCase(Locale.ROOT);
      Set<String> skip = present();
      if (comma > 0) {
        for (String typed : text.substring(0, comma).split(",")) {
          skip.add(typed.strip().toLowerCase(Locale.ROOT));
        }
      }
      Map<String, Choice> out = new LinkedHashMap<>();
      for (TagSuggester.Suggestion s : suggestions) {
        String key = s.tag().toLowerCase(Locale.ROOT);
        if (!skip.contains(key) && key.startsWith(part)) {
          out.putIfAbsent(key, new Choice(s.tag(), "suggested: " + s.reason()));
        }
      }
      if (!part.isEmpty() || out.isEmpty()) {
        List<TagCount> starts = new ArrayList<>();
        List<TagCount> contains = new ArrayList<>();
        for (TagCount t : tags) {
          String key = t.name().toLowerCase(Locale.ROOT);
          if (skip.contains(key)) {
            continue;
          }
          if (key.startsWith(part)) {
            starts.add(t);
          } else if (key.contains(part)) {
            contains.add(t);
          }
        }
        Comparator<TagCount> byUse = Comparator.comparingLong(TagCount::count).reversed();
        starts.sort(byUse);
        contains.sort(byUse);
        starts.addAll(contains);
        for (TagCount t : starts) {
          out.putIfAbsent(
              t.name().toLowerCase(Locale.ROOT), new Choice(t.name(), articles((int) t.count())));
        }
      }
      return new ArrayList<>(out.values());
    }

    @Override
    public String submit(String text, Choice chosen) {
      List<String> parts = new ArrayList<>(List.of(text.split(",", -1)));
      if (chosen != null) {
        parts.set(parts.size() - 1, chosen.value());
      }
      List<String> add = new ArrayList<>();
      try {
        for (String p : parts) {
          if (!p.isBlank()) {
            String t = Tags.normalize(p);
            if (add.stream().noneMatch(x -> Tags.key(x).equals(Tags.key(t)))) {
              add.add(t);
            }
          }
        }
      } catch (UsageException e) {
        return e.getMessage();
      }
      if (!add.isEmpty()) {
        tag(ids, add, List.of());
      }
      return null;
    }
  }

  private void pickTagToRemove() {
    List<Long> ids = targets();
    Map<String, String> tags = new LinkedHashMap<>();
    for (long id : ids) {
      Article a = known(id);
      if (a != null) {
        a.tags().forEach(t -> tags.putIfAbsent(Tags.key(t), t));
      }
    }
    if (tags.isEmpty()) {
      info(ids.isEmpty() ? "no article here" : "no tags to remove");
      return;
    }
    List<String> names = new ArrayList<>(tags.values());
    popup =
        new PromptView(
            screens.peek(),
            "Remove a tag from " + (ids.size() == 1 ? "#" + ids.get(0) : articles(ids.size())),
            "Enter removes · type to filter · Up/Down choose · Esc cancels",
            "",
            true,
            new PromptView.Handler() {
              @Override
              public List<Choice> choices(String text) {
                String f = text.strip().toLowerCase(Locale.ROOT);
                return names.stream()
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains(f))
                    .map(n -> new Choice(n, ""))
                    .toList();
              }

              @Override
              public String submit(String text, Choice chosen) {
                if (chosen == null) {
                  return "no tag matches '" + text + "'";
                }
                tag(ids, List.of(), List.of(chosen.value()));
                return null;
              }
            });
  }

  private void editNote() {
    Article a = here();
    if (a == null) {
      return;
    }
    long id = a.id();
    String old = a.note() == null ? "" : Text.oneLine(a.note());
    popup =
        new PromptView(
            screens.peek(),
            "Note on #" + id,
            "Enter saves (an empty note removes it) · Esc cancels",
            old,
            false,
            (text, chosen) -> {
              saveNote(id, text.isBlank() ? null : text.strip());
              return null;
            });
  }

  /** The article of the reader, else the one under the cursor; null (and said so) for none. */
  private Article here() {
    ReaderView r = reader();
    Article a = r != null ? known(r.id()) : listView.current();
    if (a == null) {
      info("no article here");
    }
    return a;
  }

  /** The last command given to |, offered again. */
  private String lastPipe = "";

  /**
   * |: the article's text to a shell command, as mutt's pipe-message. The prompt opens at once, so
   * that a command typed right after | goes into it.
   */
  private void askPipe() {
    Article here = here();
    if (here == null) {
      return;
    }
    long id = here.id();
    popup =
        new PromptView(
                screens.peek(),
                "Pipe #" + id + " to a shell command",
                lastPipe.isEmpty()
                    ? "Enter runs it with sh -c, the article's text as its input · Esc cancels"
                    : "Enter runs the last command again, typing replaces it, ← edits it · Esc cancels",
                lastPipe,
                false,
                (text, chosen) -> {
                  if (text.isBlank()) {
                    return "type a command, or Esc";
                  }
                  lastPipe = text.strip();
                  Article whole = list.full(id);
                  if (whole != null) {
                    pipe(lastPipe, whole);
                  } else {
                    String command = lastPipe;
                    db.submit(s -> s.articles().get(id), a -> pipe(command, a), this::error);
                  }
                  return null;
                })
            .offered();
  }

  private void pipe(String command, Article a) {
    info(outside.pipe(command, plainText.apply(a)));
    fullRedraw = true;
  }

  /**
   * C: the note in the person's editor, for more than a line. Saved as the one-line note is (a
   * journaled change that u takes back); a file left as it was changes nothing.
   */
  private void editNoteInEditor() {
    Article a = here();
    if (a == null) {
      return;
    }
    long id = a.id();
    String old = a.note() == null ? "" : a.note().strip();
    Outside.Edited e = outside.edit(old.isEmpty() ? "" : old + "\n");
    fullRedraw = true;
    if (e.text() == null) {
      error(e.error());
      return;
    }
    String note = e.text().strip();
    if (note.equals(old)) {
      info("the note of #" + id + " is unchanged");
      return;
    }
    saveNote(id, note.isEmpty() ? null : note);
  }

  /** Saves the note (null removes it), journaled, so that u takes it back. */
  private void saveNote(long id, String note) {
    edit(
        List.of(id),
        s -> s.edits().note(id, note),
        x -> x.withNote(note),
        res -> note == null ? "removed the note of #" + id : "saved the note of #" + id);
  }

  /**
   * Corrects one metadata field of the article here: a pick of the field (with its value and
   * origin), then its new value. The same edit as {@code dossier edit}: journaled, pinned, undone
   * by u.
   */
  private void editField() {
    ReaderView r = reader();
    Article a = r != null ? known(r.id()) : listView.current();
    if (a == null) {
      info("no article here");
      return;
    }
    long id = a.id();
    List<Choice> fields = new ArrayList<>();
    for (Provenance.Row row : Provenance.rows(a)) {
      fields.add(new Choice(row.field(), Cells.line(row.value() + "  · " + row.origin())));
    }
    popup =
        new PromptView(
            screens.peek(),
            "Correct a field of #" + id,
            "Enter edits it · type to filter · Up/Down choose · Esc cancels",
            "",
            true,
            new PromptView.Handler() {
              @Override
              public List<Choice> choices(String text) {
                String f = text.strip().toLowerCase(Locale.ROOT);
                return fields.stream().filter(c -> c.value().contains(f)).toList();
              }

              @Override
              public String submit(String text, Choice chosen) {
                if (chosen == null) {
                  return "no field matches '" + text + "'";
                }
                askValue(a, ArticleField.metadata(chosen.value()));
                return null;
              }
            });
  }

  private void askValue(Article a, ArticleField f) {
    long id = a.id();
    Object old = f.get(a);
    String initial =
        old == null
            ? ""
            : old instanceof List<?> l
                ? String.join("; ", l.stream().map(String::valueOf).toList())
                : Text.oneLine(old.toString());
    popup =
        new PromptView(
            screens.peek(),
            "New "
                + f.json()
                + " of #"
                + id
                + (f == ArticleField.AUTHORS ? " (several: a; b)" : "")
                + ", empty clears it",
            "Enter saves it (pinned against reextract) · Esc cancels",
            initial,
            false,
            (text, chosen) -> {
              Object given =
                  f == ArticleField.AUTHORS ? List.of(text.split(";", -1)) : (Object) text;
              Object value;
              try {
                value = EditService.checked(f, given);
              } catch (UsageException e) {
                return e.getMessage();
              }
              edit(
                  List.of(id),
                  s -> s.edits().edit(id, Map.of(f, value)),
                  x -> x.with(f, value),
                  res ->
                      res.journal() == 0
                          ? "#" + id + " already has that " + f.json()
                          : "edited the " + f.json() + " of #" + id + " (u takes it back)");
              return null;
            });
  }

  /**
   * Undoes the last change in the journal. A change this review made is undone at once; one made
   * elsewhere (an import, a script) is named first and needs a yes, so that a stray {@code u}
   * cannot quietly take back someone else's work. Either way exactly that change is undone, by its
   * id: if another change lands before the undo runs, nothing is undone and the status line says
   * so.
   */
  private void undo() {
    undo(false);
  }

  /**
   * @param chained true right after undoing a read mark: only a change of ours goes on from it
   */
  private void undo(boolean chained) {
    db.submit(
        s -> s.edits().log(50).stream().filter(c -> !c.undone()).findFirst(),
        last -> {
          if (last.isEmpty()) {
            if (!chained) {
              info("nothing to undo");
            }
          } else if (ours.contains(last.get().id())) {
            runUndo(last.get());
          } else if (chained) {
            return; // the read mark is undone; what came before is not this review's
          } else {
            Journal.Change c = last.get();
            popup =
                new ConfirmView(
                    screens.peek(),
                    "Undo #"
                        + c.id()
                        + " \""
                        + Cells.line(c.summary())
                        + "\", not made in this review?",
                    () -> runUndo(c));
          }
        },
        this::error);
  }

  /** What an undo by id did: reverted the change, or refused because others came after it. */
  private record UndoOutcome(Journal.Undone undone, Journal.LaterChanges refused) {}

  private void runUndo(Journal.Change c) {
    writing++;
    db.submit(
        s -> {
          try {
            return new UndoOutcome(s.edits().undo(c.id(), false), null);
          } catch (Journal.LaterChanges later) {
            return new UndoOutcome(null, later);
          }
        },
        o -> {
          writing--;
          if (o.refused() != null) {
            Journal.Change next = o.refused().later.get(o.refused().later.size() - 1);
            error(
                "not undone: #"
                    + next.id()
                    + " ("
                    + next.summary()
                    + ") was made after #"
                    + c.id()
                    + "; u again offers the latest");
          } else {
            ours.remove(c.id());
            if (readMarks.remove(c.id())) {
              // opening the article marked it read after the change u is meant for: undo that too
              undo(true);
            }
            Long back = changedArticle.remove(c.id());
            if (back != null) {
              listView.focus(back); // the cursor follows the article the undo gave back
            }
            List<String> what = o.undone().what().get(0);
            info("undone #" + c.id() + ": " + c.summary() + " (" + String.join("; ", what) + ")");
          }
          list.refresh();
        },
        err -> {
          writing--;
          error(err);
          list.refresh();
        });
  }

  private void confirmDelete() {
    List<Long> ids = targets();
    if (ids.isEmpty()) {
      info("no article here");
      return;
    }
    String what = ids.size() == 1 ? "article #" + ids.get(0) : articles(ids.size());
    popup =
        new ConfirmView(
            screens.peek(),
            "Delete " + what + "? (u undoes it)",
            () -> {
              if (usesSelection()) {
                selected.clear();
              }
              if (reader() != null) {
                screens.pop();
              }
              edit(
                  ids,
                  s -> s.edits().delete(Selector.ids(ids), false),
                  a -> a,
                  r -> {
                    selected.removeAll(ids);
                    return "deleted " + articles(r.changed());
                  });
            });
  }

  // ---------------------------------------------------------------- queries

  /**
   * Shows the matches of {@code q} once it compiles; a query that does not is reported to {@code
   * prompt} (while the query is being edited) or the status line, and the list stays as it was.
   */
  private void applyQuery(String q, PromptView prompt) {
    int g = ++queryGeneration;
    record Loaded(long count, List<Article> first) {}
    dossier.store.Sort order = list.sort();
    db.submit(
        s -> {
          s.articles().compile(q);
          // the count and the first page in one go: the first screen needs both
          return new Loaded(s.articles().count(q), ArticleList.firstPage(s, q, order));
        },
        loaded -> {
          if (g != queryGeneration) {
            return;
          }
          firstLoadDone = true;
          long n = loaded.count();
          boolean changed = !q.equals(list.query());
          list.reset(q, n, loaded.first());
          if (changed) {
            listView.home();
            selected.clear();
          } else {
            listView.follow();
          }
          if (focusAfterQuery != null) {
            listView.focus(focusAfterQuery);
            focusAfterQuery = null;
          }
          if (prompt != null) {
            prompt.message(articles((int) n), false);
          }
        },
        err -> {
          firstLoadDone = true;
          if (g != queryGeneration) {
            return;
          }
          if (prompt != null && popup == prompt) {
            prompt.message(err, true);
          } else {
            error(err);
          }
        });
  }

  private void editQuery() {
    String original = list.query();
    popup =
        new PromptView(
            listView,
            "Query (updates as you type)",
            "Enter keeps it · Esc goes back · e.g. tag:x is:starred date:30d..",
            original,
            false,
            null);
    PromptView p = (PromptView) popup;
    p.setHandler(
        new PromptView.Handler() {
          @Override
          public void changed(String text) {
            applyQuery(text.strip(), p);
          }

          @Override
          public String submit(String text, Choice chosen) {
            // a query that does not parse stays in the editor with its error
            return p.error();
          }

          @Override
          public void cancel() {
            if (!original.equals(list.query())) {
              applyQuery(original, null);
            }
          }
        });
  }

  private void pickSaved() {
    record Saved(String name, String query, String counts) {}
    db.submit(
        s -> {
          // new/total beside each, as notmuch-hello and neomutt's sidebar show them
          List<Saved> out = new ArrayList<>();
          for (Map.Entry<String, String> e : s.archive().savedSearches().all().entrySet()) {
            String counts;
            try {
              String q = "saved:" + e.getKey();
              counts = s.articles().count(q + " is:new") + "/" + s.articles().count(q);
            } catch (RuntimeException ex) {
              counts = "?"; // a saved query that no longer parses is still listed
            }
            out.add(new Saved(e.getKey(), e.getValue(), counts));
          }
          return out;
        },
        all -> {
          if (all.isEmpty()) {
            info("no saved searches yet (dossier saved add NAME QUERY)");
            return;
          }
          List<Choice> choices = new ArrayList<>();
          int i = 1;
          int w = 0;
          for (Saved e : all) {
            w = Math.max(w, e.counts().length());
          }
          for (Saved e : all) {
            String num = i <= 9 ? i + "  " : "   ";
            String counts = " ".repeat(w - e.counts().length()) + e.counts() + "  ";
            choices.add(new Choice(e.name(), num + counts + e.query()));
            i++;
          }
          popup =
              new PromptView(
                  listView,
                  "Saved searches (new/total)",
                  "Enter shows it · type to filter · Esc cancels",
                  "",
                  true,
                  new PromptView.Handler() {
                    @Override
                    public List<Choice> choices(String text) {
                      String f = text.strip().toLowerCase(Locale.ROOT);
                      return choices.stream()
                          .filter(c -> c.value().toLowerCase(Locale.ROOT).contains(f))
                          .toList();
                    }

                    @Override
                    public String submit(String text, Choice chosen) {
                      if (chosen != null) {
                        applyQuery("saved:" + chosen.value(), null);
                      }
                      return null;
                    }
                  });
        },
        this::error);
  }

  private void savedNumber(int n) {
    db.submit(
        s -> new ArrayList<>(s.archive().savedSearches().all().keySet()),
        names -> {
          if (n < 1 || n > names.size()) {
            info("no saved search " + n + " (S lists them; dossier saved add NAME QUERY)");
          } else {
            applyQuery("saved:" + names.get(n - 1), null);
          }
        },
        this::error);
  }

  // ---------------------------------------------------------------- events

  private void pageLoaded() {
    listView.follow();
  }

  void info(String m) {
    status = m;
    statusIsError = false;
  }

  void error(String m) {
    status = "error: " + m;
    statusIsError = true;
  }

  // ---------------------------------------------------------------- drawing

  void draw() throws IOException {
    Canvas c = new Canvas(screen, theme);
    c.clear();
    c.cursor(null);
    if (c.width < 20 || c.height < 6) {
      c.put(0, 0, "window too small", theme.error);
    } else {
      View v = screens.peek();
      int bottom = c.height - 2;
      v.draw(c, 1, bottom);
      c.fillRow(0, theme.header);
      String right = v.position();
      int rightW = right.isEmpty() ? 0 : Cells.width(right) + 1;
      c.put(0, 0, Cells.fit(v.header(), c.width - rightW - 1), theme.header);
      if (rightW > 0) {
        c.put(c.width - rightW, 0, right, theme.header);
      }
      if (popup != null) {
        popup.draw(c, 1, bottom);
      }
      if (status != null) {
        c.put(
            0,
            bottom,
            Cells.fit(Cells.line(status), c.width),
            statusIsError ? theme.error : theme.normal);
      }
      drawHints(c, c.height - 1, popup != null ? null : v.where());
    }
    screen.refresh(fullRedraw ? Screen.RefreshType.COMPLETE : Screen.RefreshType.AUTOMATIC);
    fullRedraw = false;
  }

  private void drawHints(Canvas c, int row, Where w) {
    String busy = writing > 0 ? " saving…" : "";
    int end = c.width - Cells.width(busy);
    if (w != null) {
      List<String[]> hints = new ArrayList<>();
      String[] help = null;
      for (Action a : Action.on(w)) {
        if (a.hint != null) {
          String[] h = {Keys.display(a.keys.get(0)), a.hint};
          if (a == Action.HELP_SCREEN) {
            help = h;
          } else {
            hints.add(h);
          }
        }
      }
      int room = end - (help == null ? 0 : Cells.width(help[0] + " " + help[1]) + 2);
      int col = 0;
      for (String[] h : hints) {
        int need = Cells.width(h[0]) + 1 + Cells.width(h[1]) + 2;
        if (col + need > room) {
          break;
        }
        col = hint(c, row, col, h);
      }
      if (help != null) {
        hint(c, row, col, help);
      }
    }
    if (!busy.isEmpty()) {
      c.put(end, row, busy, theme.dim);
    }
  }

  private int hint(Canvas c, int row, int col, String[] h) {
    col = c.put(col, row, h[0], theme.key);
    col = c.put(col + 1, row, h[1], theme.dim);
    return col + 2;
  }
}
