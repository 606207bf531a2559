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
 * The files an import reads: named files, folders walked recursively in name order, and {@code -}
 * for standard input. Walking is lazy so an import of a million files does not hold a million
 * paths. Like git and ripgrep, a walk follows a symbolic link only when it stays inside the folder
 * named (a link {@code key.md -> ~/.ssh/id_ed25519} or {@code up -> ..} is skipped and reported),
 * unless told to follow every link; it never goes round a loop. A path named on the command line is
 * read wherever it points.
 */
public final class Sources {
  private static final List<String> EXTENSIONS =
      List.of(".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".pdf");

  private Sources() {}

  /** One input: a file, stdin, or a path that could not be walked (with its error). */
  public record Source(
      String display, Path file, Supplier<InputStream> stdin, String error, WebPage page) {
    public Source(String display, Path file, Supplier<InputStream> stdin, String error) {
      this(display, file, stdin, error, null);
    }

    public boolean isStdin() {
      return stdin != null;
    }

    /** The file's name, for its extension; null for stdin and pages. */
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

  /** Walks {@code args} lazily, in order, following links only inside the folders named. */
  public static Iterator<Source> walk(List<String> args, Supplier<InputStream> stdin) {
    return walk(args, stdin, false, skipped -> {});
  }

  /**
   * Walks {@code args} lazily, in order; {@code followAll} follows every symbolic link met in a
   * folder, else only those whose target is inside the folder named, and {@code skipped} hears of
   * each one left out (its path and why).
   */
  public static Iterator<Source> walk(
      List<String> args,
      Supplier<InputStream> stdin,
      boolean followAll,
      java.util.function.Consumer<String> skipped) {
    return new Walker(args, stdin, followAll, skipped);
  }

  /** A path found in a folder, with the real path of the folder named that it was found under. */
  private record Found(Path path, Path root) {}

  private static final class Walker implements Iterator<Source> {
    private final Deque<Object> pending = new ArrayDeque<>(); // String args, then Found
    private final Supplier<InputStream> stdin;
    private final Set<Object> seenDirs = new HashSet<>();
    private final boolean followAll;
    private final java.util.function.Consumer<String> skipped;
    private Source next;

    Walker(
        List<String> args,
        Supplier<InputStream> stdin,
        boolean followAll,
        java.util.function.Consumer<String> skipped) {
      this.stdin = stdin;
      this.followAll = followAll;
      this.skipped = skipped;
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
      Path p = explicit ? Path.of((String) item) : ((Found) item).path();
      Path root = explicit ? null : ((Found) item).root();
      String display = p.toString();
      if (!explicit && !followAll && Files.isSymbolicLink(p)) {
        String outside = outside(p, root);
        if (outside != null) {
          skipped.accept(display + ": " + outside);
          return null;
        }
      }
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(p, BasicFileAttributes.class);
      } catch (IOException e) {
        return new Source(display, p, null, describe(e));
      }
      if (attrs.isDirectory()) {
        Object key = dirKey(p, attrs);
        if (!seenDirs.add(key)) {
          if (!explicit) {
            skipped.accept(
                display + ": a symbolic link loop or a second way into a folder already walked");
          }
          return null;
        }
        try {
          List<Path> children = new ArrayList<>();
          try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path c : ds) {
              children.add(c);
            }
          }
          children.sort(null);
          Path under = root != null ? root : realOrAbsolute(p);
          for (int i = children.size() - 1; i >= 0; i--) {
            Path c = children.get(i);
            if (Files.isDirectory(c) || isArticleFile(c.getFileName().toString())) {
              pending.push(new Found(c, under));
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

    /** Why the link {@code p} is not followed, or null when it stays inside {@code root}. */
    private static String outside(Path p, Path root) {
      Path target;
      try {
        target = p.toRealPath();
      } catch (IOException e) {
        return null; // a link to nothing: reading it fails and says so, like any missing file
      }
      if (target.startsWith(root)) {
        return null;
      }
      return "a symbolic link to "
          + target
          + ", outside "
          + root
          + "; not followed (--follow follows links out of the folder)";
    }

    private static Path realOrAbsolute(Path p) {
      try {
        return p.toRealPath();
      } catch (IOException e) {
        return p.toAbsolutePath().normalize();
      }
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
    if (s.page() != null) {
      return s.page().body(); // fetched within the same cap, gzip already decoded
    }
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
    boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
    String name = s.name();
    if (!gzip && name != null && name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      throw new IOException("named .gz but not gzip data (rename it without .gz to import it)");
    }
    if (gzip) {
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
