package dossier.store;

import java.util.Arrays;

/**
 * The earliest rows (at most {@link CopyRepository#PER_BAND} article ids, ascending) of LSH bands,
 * for {@link CopyRepository}'s cache of what an import has read and written. Nine bands in ten hold
 * one article, so a band's first id is kept in its slot and only a band of two or more takes a
 * block of {@link CopyRepository#PER_BAND} ids; all of it lives in arrays made once (see {@link
 * LongSlots}). A band left out for want of room is simply not known, which costs a look-up.
 */
final class BandHeads {
  private static final int PER = CopyRepository.PER_BAND;

  private final int bands;
  private final LongSlots slots;
  private final byte[] length;
  private final long[] first;
  private final int[] block;
  private final long[] pool;
  private final int mostBlocks;
  private int blocks;

  /** Room for {@code bands} bands, {@code crowded} of them holding two articles or more. */
  BandHeads(int bands, int crowded) {
    this.bands = bands;
    slots = new LongSlots(bands);
    length = new byte[slots.capacity()];
    first = new long[slots.capacity()];
    block = new int[slots.capacity()];
    mostBlocks = crowded;
    pool = new long[crowded * PER];
  }

  /**
   * Puts the earliest ids of {@code band} in {@code out} from {@code at} on and tells how many
   * there are, or -1 when the band is not known.
   */
  int copy(long band, long[] out, int at) {
    int s = slots.find(band);
    if (s < 0) {
      return -1;
    }
    int n = length[s];
    if (n == 1) {
      out[at] = first[s];
    } else if (n > 1) {
      System.arraycopy(pool, block[s] * PER, out, at, n);
    }
    return n;
  }

  /**
   * Knows {@code head} (ascending, at most {@link CopyRepository#PER_BAND}) as the earliest ids of
   * {@code band}, which it does not know yet; false when there is no room for it.
   */
  boolean put(long band, long[] head) {
    int s = slots.add(band);
    if (s < 0) {
      return false;
    }
    // a slot given up by a removed band may be handed out again, with its old block
    block[s] = -1;
    return keep(band, s, head);
  }

  /**
   * Knows {@code id} as the one id of {@code band}, which it does not know yet; false if no room.
   */
  boolean putOne(long band, long id) {
    int s = slots.add(band);
    if (s < 0) {
      return false;
    }
    block[s] = -1;
    length[s] = 1;
    first[s] = id;
    return true;
  }

  /** Forgets {@code band} (its room is given back at {@link #clear}). */
  void remove(long band) {
    slots.remove(band);
  }

  /** What {@link #admit} says of a band it does not know. */
  static final int UNKNOWN = -1;

  /**
   * For a band it knows: 0 when {@code band} holds {@link CopyRepository#PER_BAND} ids lower than
   * {@code id}, so that no look-up would ever see a row of {@code id}, else 1, and the band takes
   * {@code id} in among its earliest; {@link #UNKNOWN} for a band it does not know. One probe of
   * the slots and no array made: every band row an import stores asks it.
   */
  int admit(long band, long id) {
    int s = slots.find(band);
    if (s < 0) {
      return UNKNOWN;
    }
    int n = length[s];
    if (n == 0) {
      length[s] = 1;
      first[s] = id;
      return 1;
    }
    if (n == 1) {
      long only = first[s];
      if (only == id) {
        return 1;
      }
      if (block[s] < 0) {
        if (blocks >= mostBlocks) {
          // no room for a second id: the band is no longer known (a look-up reads its rows)
          slots.remove(band);
          return 1;
        }
        block[s] = blocks++;
      }
      int at = block[s] * PER;
      pool[at] = Math.min(only, id);
      pool[at + 1] = Math.max(only, id);
      length[s] = 2;
      return 1;
    }
    int from = block[s] * PER;
    int pos = Arrays.binarySearch(pool, from, from + n, id);
    if (pos >= 0) {
      return 1;
    }
    pos = -pos - 1 - from;
    if (pos >= PER) {
      return 0;
    }
    int keep = Math.min(n, PER - 1);
    System.arraycopy(pool, from + pos, pool, from + pos + 1, keep - pos);
    pool[from + pos] = id;
    length[s] = (byte) (keep + 1);
    return 1;
  }

  private boolean keep(long band, int s, long[] head) {
    if (head.length > 1 && block[s] < 0) {
      if (blocks >= mostBlocks) {
        slots.remove(band);
        return false;
      }
      block[s] = blocks++;
    }
    length[s] = (byte) head.length;
    if (head.length == 1) {
      first[s] = head[0];
    } else if (head.length > 1) {
      System.arraycopy(head, 0, pool, block[s] * PER, head.length);
    }
    return true;
  }

  /** True when it is time to start again: no more bands fit, or no more blocks. */
  boolean full() {
    return slots.full() || blocks >= mostBlocks;
  }

  /** Bands it has room for. */
  int bands() {
    return bands;
  }

  void clear() {
    slots.clear();
    blocks = 0;
  }
}
