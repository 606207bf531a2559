package dossier.service;

/**
 * The LSH bands of the articles of one import batch: for each band, the places in the batch of its
 * first {@link #PER_BAND} articles, in the order they were added (a later one is never compared, as
 * a look-up in the store takes a band's earliest few). Kept in arrays reused from batch to batch: a
 * map of boxed keys and lists, 32 entries an article, was a tenth of an import's own work.
 */
final class BatchBands {
  private final int perBand;
  private long[] keys = new long[0];
  private int[] count = new int[0];
  private int[] first = new int[0];
  private int[] last = new int[0];
  private int mask;
  private int[] place = new int[0];
  private int[] next = new int[0];
  private int entries;

  /** Slots in use, to be emptied by {@link #clear}. */
  private int[] used = new int[0];

  private int bands;

  /** Keeps the first {@code perBand} places of each band. */
  BatchBands(int perBand) {
    this.perBand = perBand;
  }

  /** Empties it, with room for the bands of {@code articles} articles of {@code each} bands. */
  void clear(int articles, int each) {
    int most = articles * each;
    int cap = Integer.highestOneBit(Math.max(16, 2 * most) - 1) << 1;
    if (cap > keys.length) {
      keys = new long[cap];
      count = new int[cap];
      first = new int[cap];
      last = new int[cap];
      mask = cap - 1;
    } else {
      for (int k = 0; k < bands; k++) {
        count[used[k]] = 0;
      }
    }
    if (place.length < most) {
      place = new int[most];
      next = new int[most];
      used = new int[most];
    }
    bands = 0;
    entries = 0;
  }

  boolean isEmpty() {
    return entries == 0;
  }

  /** Adds the article at {@code at} to {@code band}. */
  void add(long band, int at) {
    int s = slot(band);
    if (count[s] == 0) {
      keys[s] = band;
      used[bands++] = s;
      first[s] = entries;
    } else if (count[s] >= perBand) {
      return;
    } else {
      next[last[s]] = entries;
    }
    place[entries] = at;
    next[entries] = -1;
    last[s] = entries;
    entries++;
    count[s]++;
  }

  /**
   * The places of {@code band}'s articles, in the order added, in {@code out}; how many (at most
   * {@code perBand}).
   */
  int places(long band, int[] out) {
    int s = slot(band);
    int n = 0;
    if (count[s] > 0) {
      for (int e = first[s]; e >= 0; e = next[e]) {
        out[n++] = place[e];
      }
    }
    return n;
  }

  /** The slot of {@code band}: its own, or the free one where it would go. */
  private int slot(long band) {
    // band keys are mixed hashes: their low bits place them
    for (int s = (int) band & mask; ; s = (s + 1) & mask) {
      if (count[s] == 0 || keys[s] == band) {
        return s;
      }
    }
  }
}
