package dossier.store;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Compression of the original bytes of imported files (raw deflate, fast level). */
public final class Originals {
  private Originals() {}

  public static byte[] compress(byte[] data) {
    Deflater d = new Deflater(6, true);
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
      byte[] buf = new byte[16384];
      while (!d.finished()) {
        int n = d.deflate(buf);
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } finally {
      d.end();
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
