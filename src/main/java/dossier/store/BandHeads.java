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
  private static final long[] NONE = new long[0];

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

  /** The earliest ids of {@code band}, or null when it is not known. */
  long[] get(long band) {
    int s = slots.find(band);
    return s < 0 ? null : ids(s);
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

  private long[] ids(int s) {
    int n = length[s];
    if (n == 0) {
      return NONE;
    }
    if (n == 1) {
      return new long[] {first[s]};
    }
    return Arrays.copyOfRange(pool, block[s] * PER, block[s] * PER + n);
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

  /** True when it knows the earliest ids of {@code band}. */
  boolean knows(long band) {
    return slots.find(band) >= 0;
  }

  /** Forgets {@code band} (its room is given back at {@link #clear}). */
  void remove(long band) {
    slots.remove(band);
  }

  /**
   * False when {@code band} is known to hold {@link CopyRepository#PER_BAND} ids lower than {@code
   * id}, so that no look-up would ever see a row of {@code id}; else true, and a known band takes
   * {@code id} in among its earliest.
   */
  boolean admit(long band, long id) {
    int s = slots.find(band);
    if (s < 0) {
      return true;
    }
    long[] head = ids(s);
    int at = Arrays.binarySearch(head, id);
    if (at >= 0) {
      return true;
    }
    at = -at - 1;
    if (at >= PER) {
      return false;
    }
    long[] grown = new long[Math.min(PER, head.length + 1)];
    System.arraycopy(head, 0, grown, 0, at);
    grown[at] = id;
    System.arraycopy(head, at, grown, at + 1, grown.length - at - 1);
    keep(band, s, grown);
    return true;
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
