package dossier.similar;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A compact summary of an article's body: the number of distinct word shingles and a MinHash
 * signature over them. Two signatures estimate how much of two texts is shared, both as resemblance
 * (shared / all) and as containment (shared / the smaller text), so a trimmed copy that is
 * contained in its original is recognized although it is not equal to it.
 *
 * <p>The title is left out on purpose: an outlet's new headline does not make another story.
 */
public record Fingerprint(int shingles, int[] minhash) {
  /** Words per shingle. */
  public static final int SHINGLE = 5;

  /** Hash functions in a signature. */
  public static final int HASHES = 128;

  /** Bytes of a stored signature (the shingle count, then the hashes). */
  public static final int BYTES = 4 + 4 * HASHES;

  public Fingerprint {
    if (minhash.length != HASHES) {
      throw new IllegalArgumentException("a signature has " + HASHES + " hashes");
    }
  }

  /**
   * The fingerprint of a body of text; a text with no words has 0 shingles. One permutation
   * hashing: each shingle is hashed once and falls in one of the {@value #HASHES} bins, which keeps
   * its smallest value; an empty bin borrows from the next full one, so short texts still compare.
   */
  public static Fingerprint of(String body) {
    return of(body == null ? null : body.toCharArray());
  }

  /**
   * {@link #of(String)} of a body given as its characters, which are only read: an import reads the
   * names of the same array (see {@link StoryTerms#of(String, char[])}).
   */
  public static Fingerprint of(char[] body) {
    // a shingle seen twice changes no minimum: only the count wants the distinct ones
    long[] shingles = rawShingleHashes(body);
    int[] min = new int[HASHES];
    Arrays.fill(min, Integer.MAX_VALUE);
    boolean[] full = new boolean[HASHES];
    for (long h : shingles) {
      int bin = (int) (h >>> 57);
      int v = (int) (h & 0x7FFFFFFFL);
      if (v < min[bin]) {
        min[bin] = v;
      }
      full[bin] = true;
    }
    if (shingles.length > 0) {
      for (int i = 0; i < HASHES; i++) {
        if (!full[i]) {
          int k = 1;
          while (!full[(i + k) % HASHES]) {
            k++;
          }
          // the borrowed value is moved by the distance, so two texts agree only if both borrowed
          // from the same distance
          min[i] = (int) (mix(min[(i + k) % HASHES] * 31L + k) & 0x7FFFFFFFL);
        }
      }
    }
    return new Fingerprint(distinct(shingles), min);
  }

  /**
   * The distinct hashes of the body's word shingles, sorted (a short text is one shingle): the
   * exact set that a signature summarizes.
   */
  public static long[] shingleHashes(String body) {
    long[] out = rawShingleHashes(body == null ? null : body.toCharArray());
    Arrays.sort(out);
    int d = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[d++] = out[i];
      }
    }
    return Arrays.copyOf(out, d);
  }

  /** The hashes of the body's word shingles in text order, a shingle seen again included. */
  private static long[] rawShingleHashes(char[] body) {
    long[] words = words(body);
    if (words.length == 0) {
      return new long[0];
    }
    int n = Math.max(1, words.length - SHINGLE + 1);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      // the word hashes are mixed already: a polynomial over them, mixed once, is enough
      long h = 0;
      for (int k = i; k < Math.min(words.length, i + SHINGLE); k++) {
        h = h * 0x100000001B3L + words[k];
      }
      out[i] = mix(h);
    }
    return out;
  }

  /**
   * How many distinct values {@code hashes} holds, counted in an open-addressing table (the hashes
   * are mixed already, so their low bits place them); the one value it cannot hold, 0, is counted
   * apart.
   */
  static int distinct(long[] hashes) {
    int size = Integer.highestOneBit(Math.max(4, hashes.length) * 2 - 1) << 1;
    long[] table = new long[size];
    int mask = size - 1;
    int n = 0;
    boolean zero = false;
    for (long h : hashes) {
      if (h == 0) {
        zero = true;
        continue;
      }
      int at = (int) h & mask;
      while (true) {
        long t = table[at];
        if (t == 0) {
          table[at] = h;
          n++;
          break;
        }
        if (t == h) {
          break;
        }
        at = (at + 1) & mask;
      }
    }
    return zero ? n + 1 : n;
  }

  /** Hashes of the body's words: letters and digits, lower case, without accents. */
  static long[] words(String body) {
    return words(body == null ? null : body.toCharArray());
  }

  /** {@link #words(String)} of a body's characters, which are only read. */
  static long[] words(char[] body) {
    if (body == null || body.length == 0) {
      return new long[0];
    }
    // an array, not charAt: most bodies hold a curly quote, and charAt checks every index of such a
    // string for a second time
    char[] s = body;
    for (char c : s) {
      if (c > 127 && !keptByNfd(c)) {
        s = Normalizer.normalize(new String(body), Normalizer.Form.NFD).toCharArray();
        break;
      }
    }
    long[] out = new long[Math.max(16, s.length / 5)];
    int n = 0;
    long h = 0;
    boolean in = false;
    for (char c : s) {
      boolean letter;
      if (c < 128) {
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
          letter = true;
        } else {
          letter = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      } else {
        letter = Character.isLetterOrDigit(c);
        c = Character.toLowerCase(c);
      }
      if (letter) {
        h = (h + c) * 0x100000001B3L;
        in = true;
      } else if (c != '\'' && c != '\u2019' || !in) {
        // an apostrophe stays inside a word: "government's" is one word, as it is to a reader
        if (in) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = mix(h);
          h = 0;
          in = false;
        }
      }
    }
    if (in) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n + 1);
      }
      out[n++] = mix(h);
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * True for the characters past ASCII that a text holds most often and that canonical
   * decomposition leaves as they are, marks and letters with accents excepted: the Latin-1 signs
   * (pound, degree, non-breaking space), general punctuation (curly quotes, dashes, ellipsis) and
   * currency signs. A text of ASCII and these is its own NFD, and is not normalized.
   */
  static boolean keptByNfd(char c) {
    return c >= 0x80 && c <= 0xBF || c >= 0x2002 && c <= 0x206F || c >= 0x20A0 && c <= 0x20CF;
  }

  /** The share of hash functions whose minimum agrees: an estimate of the Jaccard resemblance. */
  public double resemblance(Fingerprint o) {
    if (shingles == 0 || o.shingles == 0) {
      return 0;
    }
    return resemblance(agreeing(o.minhash, 0));
  }

  /** How many of the hash functions' minimums agree with those of {@code b} from {@code from}. */
  int agreeing(int[] b, int from) {
    int[] a = minhash;
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[from + i]) {
        same++;
      }
    }
    return same;
  }

  /** The resemblance that {@code same} agreeing hashes estimate. */
  static double resemblance(int same) {
    return (double) same / HASHES;
  }

  /**
   * The estimated share of the smaller text's shingles found in the other text, from the
   * resemblance and the two sizes (|A ∩ B| = J (|A| + |B|) / (1 + J)); at most 1.
   */
  public double containment(Fingerprint o) {
    return containment(resemblance(o), shingles, o.shingles);
  }

  /** {@link #containment(Fingerprint)} of texts of {@code a} and {@code b} shingles alike by j. */
  static double containment(double j, int a, int b) {
    if (j == 0) {
      return 0;
    }
    double shared = j * (a + (double) b) / (1 + j);
    return Math.min(1, shared / Math.min(a, b));
  }

  /** The stored form: the shingle count and the hashes, big-endian. */
  public byte[] bytes() {
    ByteBuffer b = ByteBuffer.allocate(BYTES);
    b.putInt(shingles);
    for (int h : minhash) {
      b.putInt(h);
    }
    return b.array();
  }

  /** Reads the stored form back. */
  public static Fingerprint fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException("not a stored fingerprint");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int n = b.getInt();
    int[] h = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      h[i] = b.getInt();
    }
    return new Fingerprint(n, h);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && f.shingles == shingles
        && Arrays.equals(f.minhash, minhash);
  }

  @Override
  public int hashCode() {
    return 31 * shingles + Arrays.hashCode(minhash);
  }

  @Override
  public String toString() {
    return "Fingerprint[" + shingles + " shingles]";
  }
}
