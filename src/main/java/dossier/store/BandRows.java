package dossier.store;

/**
 * Band rows held as two arrays (band keys, article ids) rather than an array of pairs: an import
 * stores some 16,000 of them a batch, and sorting pairs as objects, each one made for the sort, was
 * a tenth of what storing them cost.
 */
final class BandRows {
  /** Below this many rows a range is sorted by insertion. */
  private static final int SHORT = 24;

  private BandRows() {}

  /** Sorts rows {@code [0, n)} by band, then article id. */
  static void sort(long[] band, long[] id, int n) {
    sort(band, id, 0, n - 1);
  }

  private static void sort(long[] band, long[] id, int lo, int hi) {
    while (hi - lo >= SHORT) {
      int mid = (lo + hi) >>> 1;
      // the median of three as the pivot, moved to hi
      if (less(band, id, mid, lo)) {
        swap(band, id, mid, lo);
      }
      if (less(band, id, hi, lo)) {
        swap(band, id, hi, lo);
      }
      if (less(band, id, mid, hi)) {
        swap(band, id, mid, hi);
      }
      long pb = band[hi];
      long pi = id[hi];
      int i = lo;
      for (int j = lo; j < hi; j++) {
        if (band[j] < pb || band[j] == pb && id[j] < pi) {
          swap(band, id, i++, j);
        }
      }
      swap(band, id, i, hi);
      // the smaller side first, the larger in this loop: the depth stays logarithmic
      if (i - lo < hi - i) {
        sort(band, id, lo, i - 1);
        lo = i + 1;
      } else {
        sort(band, id, i + 1, hi);
        hi = i - 1;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      long b = band[i];
      long d = id[i];
      int j = i - 1;
      while (j >= lo && (band[j] > b || band[j] == b && id[j] > d)) {
        band[j + 1] = band[j];
        id[j + 1] = id[j];
        j--;
      }
      band[j + 1] = b;
      id[j + 1] = d;
    }
  }

  private static boolean less(long[] band, long[] id, int a, int b) {
    return band[a] < band[b] || band[a] == band[b] && id[a] < id[b];
  }

  private static void swap(long[] band, long[] id, int a, int b) {
    long t = band[a];
    band[a] = band[b];
    band[b] = t;
    t = id[a];
    id[a] = id[b];
    id[b] = t;
  }
}
