package dossier.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The LSH band keys that {@code lsh_bands} holds, as a Bloom filter: a key it does not hold is
 * surely not in the table, so a look-up of a new article's bands, most of which no stored article
 * shares, reads only the few bands that may be there. Every key stored goes in with {@link #add};
 * when the keys outgrow what a filter was made for, a new filter twice the size takes the new ones,
 * so that a key is looked for in each (a scalable Bloom filter) and none is ever read again.
 */
final class BandFilter {
  /** Bits a key. */
  private static final int BITS_PER_KEY = 10;

  /** Bits set a key: about one key in a hundred not held is said to be held. */
  private static final int HASHES = 7;

  private final List<long[]> filters = new ArrayList<>();
  private int capacity;
  private int inLast;

  /** An empty filter made for {@code capacity} keys before it grows. */
  BandFilter(int capacity) {
    grow(Math.max(capacity, 1 << 16));
  }

  private void grow(int keys) {
    capacity = keys;
    inLast = 0;
    long bits = (long) keys * BITS_PER_KEY;
    filters.add(new long[(int) Math.min(Integer.MAX_VALUE - 8, (bits + 63) >>> 6)]);
  }

  /** Takes {@code key} in. */
  void add(long key) {
    if (inLast >= capacity) {
      grow(capacity * 2);
    }
    long[] f = filters.get(filters.size() - 1);
    long h = mix(key);
    long h2 = (h >>> 32) | 1;
    long n = (long) f.length << 6;
    for (int i = 0; i < HASHES; i++) {
      long bit = Long.remainderUnsigned(h + i * h2, n);
      f[(int) (bit >>> 6)] |= 1L << bit;
    }
    inLast++;
  }

  /** False when {@code key} was surely never added. */
  boolean mightHold(long key) {
    long h = mix(key);
    long h2 = (h >>> 32) | 1;
    for (long[] f : filters) {
      long n = (long) f.length << 6;
      boolean all = true;
      for (int i = 0; i < HASHES && all; i++) {
        long bit = Long.remainderUnsigned(h + i * h2, n);
        all = (f[(int) (bit >>> 6)] & (1L << bit)) != 0;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** A 64-bit finalizer (SplitMix64's), so that keys close together spread over the bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
