package dossier.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The files an import reads: named files, folders walked recursively in name order (following
 * symbolic links, but never round a loop), and {@code -} for standard input. Walking is lazy so an
 * import of a million files does not hold a million paths.
 */
public final class Sources {
  private static final List<String> EXTENSIONS =
      List.of(".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown");

  private Sources() {}

  /** One input: a file, stdin, or a path that could not be walked (with its error). */
  public record Source(String display, Path file, Supplier<InputStream> stdin, String error) {
    public boolean isStdin() {
      return stdin != null;
    }

    /** The file's name, for its extension; null for stdin. */
    public String name() {
      return file == null ? null : file.getFileName().toString();
    }
  }

  /** True when a folder walk picks up this file name. */
  public static boolean isArticleFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.startsWith(".")) {
      return false;
    }
    for (String e : EXTENSIONS) {
      if (n.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  /** Walks {@code args} lazily, in order. */
  public static Iterator<Source> walk(List<String> args, Supplier<InputStream> stdin) {
    return new Walker(args, stdin);
  }

  private static final class Walker implements Iterator<Source> {
    private final Deque<Object> pending = new ArrayDeque<>(); // String args, then Paths
    private final Supplier<InputStream> stdin;
    private final Set<Object> seenDirs = new HashSet<>();
    private Source next;

    Walker(List<String> args, Supplier<InputStream> stdin) {
      this.stdin = stdin;
      pending.addAll(args);
    }

    @Override
    public boolean hasNext() {
      while (next == null && !pending.isEmpty()) {
        next = advance(pending.pop());
      }
      return next != null;
    }

    @Override
    public Source next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Source s = next;
      next = null;
      return s;
    }

    private Source advance(Object item) {
      boolean explicit = item instanceof String;
      if (explicit && item.equals("-")) {
        return new Source("-", null, stdin, null);
      }
      Path p = explicit ? Path.of((String) item) : (Path) item;
      String display = p.toString();
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(p, BasicFileAttributes.class);
      } catch (IOException e) {
        return new Source(display, p, null, describe(e));
      }
      if (attrs.isDirectory()) {
        Object key = dirKey(p, attrs);
        if (!seenDirs.add(key)) {
          return explicit ? null : new Source(display, p, null, "symbolic link loop, skipped");
        }
        try {
          List<Path> children = new ArrayList<>();
          try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path c : ds) {
              children.add(c);
            }
          }
          children.sort(null);
          for (int i = children.size() - 1; i >= 0; i--) {
            Path c = children.get(i);
            if (Files.isDirectory(c) || isArticleFile(c.getFileName().toString())) {
              pending.push(c);
            }
          }
          return null;
        } catch (IOException e) {
          return new Source(display, p, null, describe(e));
        }
      }
      if (!attrs.isRegularFile()) {
        return new Source(display, p, null, "not a regular file");
      }
      return new Source(display, p, null, null);
    }

    private static Object dirKey(Path p, BasicFileAttributes attrs) {
      Object k = attrs.fileKey();
      if (k != null) {
        return k;
      }
      try {
        return p.toRealPath();
      } catch (IOException e) {
        return p.toAbsolutePath().normalize();
      }
    }
  }

  /**
   * Reads a source's bytes, un-gzipping {@code .gz} files (and gzip data on stdin), refusing more
   * than {@code maxSize} bytes before or after decompression.
   */
  public static byte[] read(Source s, long maxSize) throws IOException {
    byte[] raw;
    if (s.isStdin()) {
      raw = readLimited(s.stdin().get(), maxSize, "standard input holds");
    } else {
      long size = Files.size(s.file());
      if (size > maxSize) {
        throw new IOException(tooLarge(size, maxSize));
      }
      // the file may have grown since its size was read
      raw = readLimited(Files.newInputStream(s.file()), maxSize, "the file grew to");
    }
    if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
      try {
        return readLimited(
            new GZIPInputStream(new java.io.ByteArrayInputStream(raw)), maxSize, "it unpacks to");
      } catch (EOFException e) {
        throw new IOException("truncated gzip file", e);
      } catch (ZipException e) {
        throw new IOException("damaged gzip file (" + e.getMessage() + ")", e);
      }
    }
    return raw;
  }

  /** Reads all of {@code in}; past {@code maxSize} bytes fails with "{@code what} more than". */
  private static byte[] readLimited(InputStream in, long maxSize, String what) throws IOException {
    try (in) {
      // one byte past the limit tells a file at the limit from a larger one
      int cap = (int) Math.min(maxSize, Integer.MAX_VALUE - 9) + 1;
      byte[] all = in.readNBytes(cap);
      if (all.length > maxSize) {
        throw new IOException(what + " more than --max-size " + human(maxSize));
      }
      if (all.length == cap && in.read() >= 0) {
        throw new IOException(what + " more than a Java array holds");
      }
      return all;
    }
  }

  private static String tooLarge(long size, long max) {
    return "file of " + human(size) + " is larger than --max-size " + human(max);
  }

  /** A byte count for people: 20 MB, 512 KB. */
  public static String human(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MB";
    }
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
    if (bytes >= 1024) {
      return (bytes >> 10) + " KB";
    }
    return bytes + " bytes";
  }

  /** A one-line reason for an I/O failure, without Java class names. */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "cannot read (" + e.getClass().getSimpleName() + ")" : m;
  }
}
