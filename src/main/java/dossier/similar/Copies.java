package dossier.similar;

/**
 * When one article is a copy of another, and which stored articles are worth comparing with a new
 * one. Candidates come from LSH bands over the signature: two texts that share a band agree on all
 * of its hashes. With {@value #BANDS} bands of {@value #ROWS} hashes a pair with resemblance 0.3 is
 * a candidate 8 times in 10, one with 0.5 nearly always, unrelated texts almost never.
 */
public final class Copies {
  /** LSH bands kept per article. */
  public static final int BANDS = 32;

  /** Hashes per band. */
  public static final int ROWS = 2;

  /** Resemblance from which two texts are copies whatever their sizes. */
  public static final double RESEMBLANCE = 0.5;

  /** Containment of the smaller text from which it is a copy (trimmed or extended). */
  public static final double CONTAINMENT = 0.55;

  /** Below this many shingles, a text is too short for containment alone to say "copy". */
  public static final int MIN_SHINGLES = 20;

  private Copies() {}

  /** The band keys of a signature, one per band (the band's number mixed in). */
  public static long[] bands(Fingerprint f) {
    long[] out = new long[BANDS];
    int[] h = f.minhash();
    for (int b = 0; b < BANDS; b++) {
      long k = b + 1;
      for (int r = 0; r < ROWS; r++) {
        k = Fingerprint.mix(k * 0x9E3779B97F4A7C15L ^ (h[b * ROWS + r] & 0xFFFFFFFFL));
      }
      out[b] = k;
    }
    return out;
  }

  /** True when the two texts are copies of one story, in either direction. */
  public static boolean isCopy(Fingerprint a, Fingerprint b) {
    if (a.shingles() == 0 || b.shingles() == 0) {
      return false;
    }
    double j = a.resemblance(b);
    if (j >= RESEMBLANCE) {
      return true;
    }
    return Math.min(a.shingles(), b.shingles()) >= MIN_SHINGLES && a.containment(b) >= CONTAINMENT;
  }
}
