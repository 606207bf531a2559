package dossier.store;

import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.util.Arrays;

/**
 * Stored articles' signatures and the originals they are copies of, by article id, for {@link
 * CopyRepository}'s cache of what an import has read and written: an entry's shingle count and
 * hashes lie in one {@code int[]}, and an id known to have no signature (or no article) is kept as
 * such, so that a look-up compares a new article with the cache's signatures in place, without an
 * object or a copy a candidate. It starts small and grows, twice the entries each time, up to the
 * number it was made for; then it is full, and its owner starts it again.
 */
final class Signatures {
  /** Ints of an entry: the shingle count, then the hashes. */
  private static final int INTS = 1 + Fingerprint.HASHES;

  /** The original of an entry that is no copy. */
  static final long NO_ORIGINAL = 0;

  /** The original of an entry known to have no signature or no article. */
  private static final long ABSENT = -1;

  private final int most;
  private LongSlots slots;
  private int[] entryAt;
  private long[] ids;
  private long[] original;
  private int[] data;
  private int n;

  /** Room for {@code first} entries at first, and {@code most} at the most. */
  Signatures(int first, int most) {
    this.most = most;
    make(Math.min(first, most));
  }

  private void make(int entries) {
    slots = new LongSlots(entries);
    entryAt = new int[slots.capacity()];
    ids = new long[entries];
    original = new long[entries];
    data = new int[entries * INTS];
    n = 0;
  }

  /** The entry of {@code id}, or -1 when it has none. */
  int find(long id) {
    int s = slots.find(id);
    return s < 0 ? -1 : entryAt[s];
  }

  /**
   * True when entry {@code e} says its id has no signature or no article. An absent entry's shingle
   * count is -1, so the look-up reads the line of memory that its comparison reads next.
   */
  boolean absent(int e) {
    return data[e * INTS] < 0;
  }

  /** The id of entry {@code e}. */
  long id(int e) {
    return ids[e];
  }

  /** The original that entry {@code e}'s article is a copy of, or {@link #NO_ORIGINAL}. */
  long original(int e) {
    return original[e];
  }

  /** Entry {@code e}'s signature, made anew. */
  Fingerprint fingerprint(int e) {
    int at = e * INTS;
    return new Fingerprint(data[at], Arrays.copyOfRange(data, at + 1, at + INTS));
  }

  /** {@link Copies#match} of {@code f} with entry {@code e}'s signature. */
  Copies.Match match(Fingerprint f, int e) {
    int at = e * INTS;
    return Copies.match(f, data[at], data, at + 1);
  }

  /**
   * Keeps {@code f} as the signature of {@code id}, whose article is a copy of {@code orig} (or
   * {@link #NO_ORIGINAL}); false when it is full.
   */
  boolean put(long id, Fingerprint f, long orig) {
    int e = entry(id);
    if (e < 0) {
      return false;
    }
    original[e] = orig;
    int at = e * INTS;
    data[at] = f.shingles();
    System.arraycopy(f.minhash(), 0, data, at + 1, Fingerprint.HASHES);
    return true;
  }

  /** Keeps {@code id} as known to have no signature or no article; false when it is full. */
  boolean putAbsent(long id) {
    int e = entry(id);
    if (e < 0) {
      return false;
    }
    original[e] = ABSENT;
    data[e * INTS] = -1;
    return true;
  }

  /** Sets the original of {@code id}'s entry, if it has one. */
  void setOriginal(long id, long orig) {
    int e = find(id);
    if (e >= 0 && original[e] != ABSENT) {
      original[e] = orig;
    }
  }

  /** Forgets {@code id} (its entry's room is not given back until {@link #clear}). */
  void remove(long id) {
    slots.remove(id);
  }

  /** The entry for {@code id}, its own or a new one; -1 when no more fit. */
  private int entry(long id) {
    int e = find(id);
    if (e >= 0) {
      return e;
    }
    if (n == ids.length || slots.full()) {
      if (ids.length >= most) {
        return -1;
      }
      grow(Math.min(most, 2 * ids.length));
    }
    int s = slots.add(id);
    if (s < 0) {
      return -1;
    }
    entryAt[s] = n;
    ids[n] = id;
    return n++;
  }

  /** Moves the entries still found into arrays of room for {@code entries}. */
  private void grow(int entries) {
    LongSlots oldSlots = slots;
    int[] oldEntryAt = entryAt;
    long[] oldIds = ids;
    long[] oldOriginal = original;
    int[] oldData = data;
    int oldN = n;
    make(entries);
    for (int e = 0; e < oldN; e++) {
      int s = oldSlots.find(oldIds[e]);
      if (s >= 0 && oldEntryAt[s] == e) {
        int to = slots.add(oldIds[e]);
        entryAt[to] = n;
        ids[n] = oldIds[e];
        original[n] = oldOriginal[e];
        System.arraycopy(oldData, e * INTS, data, n * INTS, INTS);
        n++;
      }
    }
  }

  /** True when {@code k} more entries fit. */
  boolean roomFor(int k) {
    return n + k <= most;
  }

  void clear() {
    slots.clear();
    n = 0;
  }
}
