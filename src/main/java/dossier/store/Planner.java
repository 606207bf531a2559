package dossier.store;

import dossier.query.CompiledQuery.Access;
import dossier.store.ArticleRepository.Plan;

/**
 * How a query is answered, decided from a few counts and the structure the compiler states: a pure
 * function, so that every branch is tested without an archive. The store measures the counts (from
 * indexes alone, each bounded) and hands them in.
 *
 * @param fewMatches word matches up to which looking each one up is cheap whatever the filter
 * @param setStepsPerMatch the work, in SQLite virtual-machine steps per word match, that collecting
 *     the filter's set may take before walking the matches is judged cheaper
 */
record Planner(long fewMatches, long setStepsPerMatch) {
  /**
   * Reading an index entry takes about 8 steps and collecting a tag's article about 16, while
   * looking one match's article up costs as much as collecting about three index entries (measured
   * at 100,000 and 1,000,000 articles).
   */
  static final Planner DEFAULT = new Planner(2_000, 24);

  /** Steps between two calls of the progress handler that keeps the set's budget. */
  static final int STEP_BATCH = 1_000;

  /**
   * Rows of the other conditions' index worth reading per article of the smallest tag before the
   * tag is the better way in: finding a tag's article costs a lookup of its row (about 2.5 µs at a
   * million articles), testing an index entry against the tag's set about 0.2 µs.
   */
  static final long REST_PER_TAGGED = 12;

  /**
   * A tag's page is found by walking the articles newest first when the tag holds more than the
   * square root of this many times the articles: about 20 x (articles / tagged) rows walked, at a
   * sixth of the cost of looking one tagged article up, against a lookup for each tagged one.
   */
  static final long NEWEST_WALK = 3;

  /** Where counting a tag's articles stops: beyond it the tag is large whatever its size. */
  static final long TAGGED_CAP = 2_000_000;

  /**
   * Matches from which the best of a query are looked for among the shortest articles first (see
   * {@link Ranking}): below it scoring every match costs a few milliseconds at most.
   */
  static final long SHORT_FIRST_MATCHES = 2_000;

  /** Rows (the page and the rows before it) up to which a page is found shortest first. */
  static final long SHORT_FIRST_ROWS = 1_000;

  /** Walks of the shortest articles tried before every match is scored instead. */
  static final int SHORT_FIRST_ROUNDS = 3;

  /**
   * Articles, per match, that a walk to a given length may hold before scoring every match is
   * cheaper: a walked article costs an entry of the length index and of a set, a scored match
   * bm25's reading of its positions and size, about six times as much (measured at 1,000,000).
   */
  static final long SHORT_FIRST_WALK_PER_MATCH = 4;

  /**
   * Whether the best {@code rows} of {@code matches} are looked for among the shortest articles
   * first; {@code from} is {@link #SHORT_FIRST_MATCHES} but for tests.
   */
  static boolean shortFirst(long matches, long rows, long from) {
    return rows > 0 && rows <= SHORT_FIRST_ROWS && matches > rows && matches >= from;
  }

  /**
   * A walk of the shortest articles beside a filter pays for a pass of fts5vocab over every word
   * match (about 0.04 µs a match at 1,000,000 articles) and saves bm25 for each match that passes
   * the filter (about 1.1 µs): below one in this many, scoring them all is cheaper. Measured at a
   * million articles, `velmora date:2010` (6,400 of 157,590 matches, one in 25): 78 ms of CPU
   * scoring every match against 92 ms shortest first (medians of three rounds).
   */
  static final long SHORT_FIRST_SHARE = 16;

  /**
   * Whether the page of {@code expected} matches of a filter, of {@code matches} word matches, is
   * looked for among the shortest articles first; see {@link #SHORT_FIRST_SHARE}.
   */
  static boolean walkBesideFilter(long expected, long matches) {
    return expected * SHORT_FIRST_SHARE >= matches;
  }

  /**
   * The matches expected to pass a filter: {@code matches} word matches, a share {@code set} of
   * {@code articles} of them when the filter's articles were counted (word and filter taken as
   * independent), else all of them.
   */
  static long filtered(long matches, long set, long articles) {
    if (set < 0 || articles <= 0) {
      return matches;
    }
    return (long) Math.ceil(matches * Math.min(1.0, set / (double) articles));
  }

  /**
   * Rows wanted, as a multiple of the page, at the matches' share of the archive, in the first walk
   * of the shortest articles. Those articles hold a word less often than the average one (the 2,085
   * shortest of a million hold none of the 19,790 articles holding "zintara lattice", which twice
   * the page at the phrase's share expected), and a walk that finds too few costs another pass over
   * every match, while each article more in the walk costs an index entry and a set entry.
   */
  static final long FIRST_WALK_PAGES = 8;

  /**
   * The first walk: enough of the shortest articles to hold, at the matches' share of the archive,
   * {@link #FIRST_WALK_PAGES} times the rows wanted, and a margin for the articles of equal length.
   */
  static long firstWalk(long rows, long matches, long articles) {
    double share = Math.max(1, matches) / (double) Math.max(1, articles);
    return (long) Math.min(Math.max(1, articles), Math.ceil(FIRST_WALK_PAGES * rows / share) + 64);
  }

  /** The next walk after {@code walked} articles held {@code found} of the {@code rows} wanted. */
  static long widen(long walked, long found, long rows) {
    if (found <= 0) {
      return walked * 8;
    }
    return Math.max(walked * 2, (long) Math.ceil(walked * 2.0 * rows / found));
  }

  /** The most articles a walk to a length may hold for {@code matches} matches; see above. */
  static long walkCap(long matches) {
    return matches * SHORT_FIRST_WALK_PER_MATCH;
  }

  /**
   * For a query with words: whether collecting the filter's set is worth trying at all. Without a
   * filter the index answers alone; with few matches, a filter no index finds, or inside a write
   * transaction (where an interrupted statement may end the transaction) the matches are walked.
   */
  boolean trySet(boolean filtered, long matches, Access access, boolean inTransaction) {
    return filtered && matches > fewMatches && access.indexed() && !inTransaction;
  }

  /** The budget, in batches of {@link #STEP_BATCH} steps, for collecting the filter's set. */
  long setBudget(long matches) {
    return Math.max(1, matches * setStepsPerMatch / STEP_BATCH);
  }

  /**
   * The plan of a query with words.
   *
   * @param tried what {@link #trySet} said
   * @param setFinished when tried, whether collecting the filter's set finished within {@link
   *     #setBudget}
   */
  static Plan plan(boolean filtered, boolean tried, boolean setFinished) {
    if (!filtered) {
      return Plan.INDEX_ONLY;
    }
    return tried && setFinished ? Plan.FILTER_SET : Plan.EACH_MATCH;
  }

  /**
   * A tag's page is found sooner by walking the articles newest first; see {@link #NEWEST_WALK}.
   */
  static boolean walkNewest(long tagged, long articles) {
    return tagged * tagged > NEWEST_WALK * articles;
  }

  /** How far the other conditions' articles are counted beside {@code tagged} tagged ones. */
  static long restBound(long tagged) {
    return Math.max(1, tagged) * REST_PER_TAGGED;
  }

  /**
   * The form of a filter of tags and other conditions without words; see {@link Form}.
   *
   * @param tagged the smallest tag's articles, counted up to {@link #TAGGED_CAP}
   * @param articles the number of articles, near enough
   * @param hasRest whether the filter has conditions other than tags
   * @param restAccess how those conditions' articles are found
   * @param rest how many articles those conditions select, counted up to {@link #restBound}; only
   *     read when they have an index
   */
  static Form form(long tagged, long articles, boolean hasRest, Access restAccess, long rest) {
    boolean walk = walkNewest(tagged, articles);
    if (!hasRest) {
      return new Form(false, walk, false, false, walk);
    }
    if (!restAccess.indexed()) {
      return Form.SETS;
    }
    boolean sort = rest < tagged;
    boolean byDate = restAccess == Access.DATE;
    return new Form(
        rest < restBound(tagged),
        sort || walk,
        sort && byDate,
        !sort && walk && byDate,
        !sort && walk);
  }

  /**
   * Which form of a filter of tags and other conditions (without words) runs: the tags' sets, which
   * SQLite walks to find the articles (its own choice: it assumes that a set from a subquery is
   * small), or the member form, whose articles the other conditions' index finds, each then tested
   * against the tags' sets.
   *
   * @param count the member form for counting: the other conditions' index holds fewer than {@link
   *     #REST_PER_TAGGED} times the smallest tag's articles
   * @param page the member form for a page: either that index holds fewer than the smallest tag's
   *     articles, or the tags are big enough that walking the articles newest first finds a page of
   *     them sooner than looking up every tagged article and sorting them (see {@link
   *     #NEWEST_WALK})
   * @param sort in the first case, when a date index finds the articles, the page's order is made
   *     one that no index gives, so that what the date index finds is sorted; SQLite would walk the
   *     newest-first index instead and test every article from the newest down
   * @param walk in the second case, when a date index would find the articles, the newest-first
   *     index is named for the page: SQLite would otherwise read the whole date range and sort it
   * @param probe in the second case, the page tests each article it walks on its own tag rows
   *     rather than against the tags' sets: it tests a few hundred articles, and collecting a big
   *     tag's set would cost more than all of them
   */
  record Form(boolean count, boolean page, boolean sort, boolean walk, boolean probe) {
    static final Form SETS = new Form(false, false, false, false, false);

    /** With a forced plan: the count in the member form, the page tested article by article. */
    static final Form EACH = new Form(true, true, false, false, true);
  }
}
