package dossier.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The LSH band keys that {@code lsh_bands} holds, as a Bloom filter: a key it does not hold is
 * surely not in the table, so a look-up of a new article's bands, most of which no stored article
 * shares, reads only the few bands that may be there. Every key stored goes in with {@link #add};
 * when the keys outgrow what a filter was made for, a new filter four times the size takes the new
 * ones, so that a key is looked for in each (a scalable Bloom filter) and none is ever read again.
 * A key not held, which is what most look-ups ask for, is probed in every filter: growing four
 * times rather than twice leaves half as many filters (four instead of seven for the 3.2 million
 * keys of 100,000 articles), and half as many false hits, for about the same bits in all.
 *
 * <p>Each key's bits lie in one block of {@value #BLOCK_BITS} bits (a cache line), chosen by the
 * key's hash: a probe reads one line of memory rather than {@value #HASHES} lines of a filter of
 * many megabytes, for slightly more false hits (1.1% instead of 0.8% of the keys not held), which
 * cost only a look-up.
 */
final class BandFilter {
  /** Bits a key. */
  private static final int BITS_PER_KEY = 10;

  /** Bits set a key: about one key in a hundred not held is said to be held. */
  private static final int HASHES = 7;

  /** Bits of a block, the bits of one key lying in one block. */
  static final int BLOCK_BITS = 512;

  /** How many times the keys of the last filter the next one is made for. */
  static final int GROWTH = 4;

  private static final int BLOCK_LONGS = BLOCK_BITS / 64;

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
    long blocks = ((long) keys * BITS_PER_KEY + BLOCK_BITS - 1) / BLOCK_BITS;
    filters.add(
        new long[(int) Math.min(Integer.MAX_VALUE - 8 - BLOCK_LONGS, blocks * BLOCK_LONGS)]);
  }

  /** Takes {@code key} in. */
  void add(long key) {
    if (inLast >= capacity) {
      grow((int) Math.min((long) capacity * GROWTH, 1 << 30));
    }
    long[] f = filters.get(filters.size() - 1);
    long h = mix(key);
    int base = block(h, f);
    int g = (int) h;
    int g2 = (int) (h >>> 16) | 1;
    for (int i = 0; i < HASHES; i++) {
      int bit = (g + i * g2) & (BLOCK_BITS - 1);
      f[base + (bit >>> 6)] |= 1L << bit;
    }
    inLast++;
  }

  /** False when {@code key} was surely never added. */
  boolean mightHold(long key) {
    long h = mix(key);
    int g = (int) h;
    int g2 = (int) (h >>> 16) | 1;
    // the newest filter first: it is the largest, so a key held is most often in it
    for (int k = filters.size() - 1; k >= 0; k--) {
      long[] f = filters.get(k);
      int base = block(h, f);
      boolean all = true;
      for (int i = 0; i < HASHES && all; i++) {
        int bit = (g + i * g2) & (BLOCK_BITS - 1);
        all = (f[base + (bit >>> 6)] & (1L << bit)) != 0;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** The first long of the block of {@code f} that hash {@code h} falls in (its high 32 bits). */
  private static int block(long h, long[] f) {
    long blocks = f.length / BLOCK_LONGS;
    return (int) (((h >>> 32) * blocks) >>> 32) * BLOCK_LONGS;
  }

  /** A 64-bit finalizer (SplitMix64's), so that keys close together spread over the bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
