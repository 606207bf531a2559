package dossier.store;

import java.util.Arrays;

/**
 * A fixed number of slots found by a {@code long} key (open addressing, linear probing), for caches
 * that an import keeps from batch to batch: their entries live in arrays made once, so a cache of
 * hundreds of thousands of entries neither makes an object per entry nor leaves the old ones for
 * the collector when it changes (at 100,000 articles such entries, each kept long enough to be
 * moved to the old generation and then dropped, took the peak memory of an import from some 260 to
 * 530 MB).
 */
final class LongSlots {
  private static final byte FREE = 0;
  private static final byte USED = 1;
  private static final byte GONE = 2;

  private final long[] keys;
  private final byte[] state;
  private final int mask;
  private final int most;
  private int used;
  private int taken;

  /** Room for {@code most} keys. */
  LongSlots(int most) {
    // the smallest power of two with a quarter more room than the keys, so that a probe ends soon
    int cap = Integer.highestOneBit(Math.max(16, most + most / 3) - 1) << 1;
    keys = new long[cap];
    state = new byte[cap];
    mask = cap - 1;
    this.most = most;
  }

  /** The slot of {@code key}, or -1 when it has none. */
  int find(long key) {
    for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
      byte s = state[i];
      if (s == FREE) {
        return -1;
      }
      if (s == USED && keys[i] == key) {
        return i;
      }
    }
  }

  /**
   * The slot of {@code key}, given one if it has none; -1 when it has none and no more keys fit.
   */
  int add(long key) {
    int gone = -1;
    for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
      byte s = state[i];
      if (s == FREE) {
        if (used >= most || (gone < 0 && taken >= most + most / 4)) {
          // a free slot is always left, where every probe ends
          return -1;
        }
        int at = gone >= 0 ? gone : i;
        if (gone < 0) {
          taken++;
        }
        keys[at] = key;
        state[at] = USED;
        used++;
        return at;
      }
      if (s == USED && keys[i] == key) {
        return i;
      }
      if (s == GONE && gone < 0) {
        gone = i;
      }
    }
  }

  /** Takes {@code key} out, if it is in. */
  void remove(long key) {
    int i = find(key);
    if (i >= 0) {
      state[i] = GONE;
      used--;
    }
  }

  /**
   * True when no more keys fit, or when slots given up by removed keys make look-ups slow: then the
   * cache starts again.
   */
  boolean full() {
    return used >= most || taken > most + most / 4;
  }

  /** Slots there are: each slot number is below this. */
  int capacity() {
    return keys.length;
  }

  void clear() {
    Arrays.fill(state, FREE);
    used = 0;
    taken = 0;
  }

  /** Keys close together (ids) spread over the slots. */
  private static int spread(long key) {
    return (int) BandFilter.mix(key);
  }
}
