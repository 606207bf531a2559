package dossier.store;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Compression of the original bytes of imported files (raw deflate, fast level). */
public final class Originals {
  private Originals() {}

  /**
   * One compressor per thread, reset between files: setting up zlib's state costs more than
   * compressing a short article.
   */
  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(6, true));

  public static byte[] compress(byte[] data) {
    Deflater d = DEFLATER.get();
    try {
      d.setInput(data);
      d.finish();
      byte[] out = new byte[Math.max(64, data.length / 2 + 64)];
      int len = 0;
      while (!d.finished()) {
        if (len == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        len += d.deflate(out, len, out.length - len);
      }
      return Arrays.copyOf(out, len);
    } finally {
      d.reset();
    }
  }

  public static byte[] decompress(byte[] data, int size) {
    Inflater inf = new Inflater(true);
    try {
      inf.setInput(data);
      byte[] out = new byte[size];
      int off = 0;
      while (off < size && !inf.finished()) {
        int n = inf.inflate(out, off, size - off);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        off += n;
      }
      if (off != size) {
        throw new StoreException("stored original is damaged (expected " + size + " bytes)");
      }
      return out;
    } catch (DataFormatException e) {
      throw new StoreException("stored original is damaged: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
  }
}
