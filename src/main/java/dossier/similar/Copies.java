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

  /** How alike two texts are that {@link #match} found to be copies. */
  public record Match(double resemblance, double containment) {}

  /** True when the two texts are copies of one story, in either direction. */
  public static boolean isCopy(Fingerprint a, Fingerprint b) {
    return match(a, b) != null;
  }

  /**
   * The resemblance and containment of two texts when they are copies of one story, else null: the
   * figures of {@link Fingerprint#resemblance} and {@link Fingerprint#containment}, from one count
   * of the hashes that agree.
   */
  public static Match match(Fingerprint a, Fingerprint b) {
    return match(a, b.shingles(), b.minhash(), 0);
  }

  /**
   * {@link #match} of {@code a} with the text of {@code shingles} shingles whose hashes are those
   * of {@code hashes} from {@code from} on.
   */
  public static Match match(Fingerprint a, int shingles, int[] hashes, int from) {
    if (a.shingles() == 0 || shingles == 0) {
      return null;
    }
    double j = Fingerprint.resemblance(a.agreeing(hashes, from));
    double c = Fingerprint.containment(j, a.shingles(), shingles);
    if (j >= RESEMBLANCE || Math.min(a.shingles(), shingles) >= MIN_SHINGLES && c >= CONTAINMENT) {
      return new Match(j, c);
    }
    return null;
  }
}
