package dossier.service;

import dossier.core.UsageException;
import dossier.core.WriteFailure;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How dossier writes a file (exports, backups): never over the archive, its write-ahead log or its
 * shared memory; into a part file beside the target, readable by its owner only from the moment it
 * exists, renamed over the target once complete and on disk. A write that fails or is killed leaves
 * the previous file as it was, and the rename replaces a symbolic link planted at the target
 * instead of writing through it. A part file is named after the process that writes it ({@code
 * .NAME.PID.RANDOM.part}), so a later write removes the parts of processes that died.
 */
public final class OutputFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern PART =
      Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-z]+\\.part(-journal)?");

  private OutputFiles() {}

  /** Writes the bytes of a file. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Refuses a target that is the archive or one of the files SQLite keeps beside it: writing there
   * would destroy the archive while it is open.
   */
  public static void refuseArchive(Path target, Path archive) {
    if (archive == null) {
      return; // an archive on a server has no file to overwrite
    }
    Path t = canonical(target);
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Path a = archive.resolveSibling(archive.getFileName() + suffix);
      if (t.equals(canonical(a)) || sameFile(target, a)) {
        throw new UsageException(
            target
                + " is the archive"
                + (suffix.isEmpty() ? "" : "'s " + suffix.substring(1) + " file")
                + " ("
                + archive
                + "); name another file");
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** The path with every link in its existing part resolved. */
  private static Path canonical(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      if (Files.exists(abs)) {
        return abs.toRealPath();
      }
      Path dir = abs.getParent();
      if (dir != null && Files.exists(dir)) {
        return dir.toRealPath().resolve(abs.getFileName());
      }
    } catch (IOException e) {
      // fall back to the path as written
    }
    return abs;
  }

  /**
   * Writes {@code target} whole or not at all. A target named on the command line that is a
   * symbolic link is written where the link points (as a shell's redirection would); one that is a
   * device or a pipe ({@code /dev/stdout}, a FIFO) is written directly, as it cannot be renamed
   * over.
   */
  public static void write(Path target, Path archive, Body body) {
    refuseArchive(target, archive);
    Path real = target;
    try {
      if (Files.isSymbolicLink(target) && Files.exists(target)) {
        real = target.toRealPath();
      }
    } catch (IOException e) {
      throw new WriteFailure(target, e);
    }
    if (Files.exists(real) && !Files.isRegularFile(real)) {
      if (Files.isDirectory(real)) {
        throw new WriteFailure(target, "it is a folder");
      }
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(real, StandardOpenOption.WRITE))) {
        body.write(out);
      } catch (IOException e) {
        throw new WriteFailure(target, e);
      }
      return;
    }
    writeNoFollow(real, target, body);
  }

  /**
   * Writes {@code file} whole or not at all without following a link at its name: a link planted
   * there (in a folder an export writes into) is replaced, its target left alone.
   */
  public static void writeNoFollow(Path file, Body body) {
    writeNoFollow(file, file, body);
  }

  private static void writeNoFollow(Path file, Path shownAs, Body body) {
    Path part = newPart(file, shownAs);
    try {
      try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
        body.write(out);
        out.flush();
        ch.force(true);
      }
      commit(part, file);
      part = null;
    } catch (IOException e) {
      throw new WriteFailure(shownAs, e);
    } finally {
      if (part != null) {
        discard(part);
      }
    }
  }

  /**
   * Creates an empty part file beside {@code target}, readable by its owner only, with a name no
   * other file has (so no link can be waiting there), after removing the parts of {@code target}
   * that dead processes left.
   */
  public static Path newPart(Path target, Path shownAs) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      throw new WriteFailure(shownAs, "the folder " + dir + " does not exist");
    }
    removeStaleParts(dir, abs.getFileName().toString());
    String prefix = "." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".";
    for (int attempt = 0; ; attempt++) {
      Path part = dir.resolve(prefix + Long.toString(RANDOM.nextLong() >>> 1, 36) + ".part");
      try {
        try {
          Files.createFile(part, PRIVATE);
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(part);
        }
        return part;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw new WriteFailure(shownAs, e);
        }
      } catch (IOException e) {
        throw new WriteFailure(shownAs, e);
      }
    }
  }

  private static final FileAttribute<?> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /** Puts a complete part file in place of {@code target} in one step. */
  public static void commit(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes a part file that will not be completed, and the journal SQLite may have left. */
  public static void discard(Path part) {
    for (Path p : List.of(part, part.resolveSibling(part.getFileName() + "-journal"))) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the failure that brought us here is the one to report
      }
    }
  }

  /**
   * Removes the part files in {@code dir} that a process no longer running left while writing
   * {@code name} (every file's, when null); a running process's parts are its own business.
   */
  public static int removeStaleParts(Path dir, String name) {
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.part*")) {
      for (Path p : ds) {
        Matcher m = PART.matcher(p.getFileName().toString());
        if (!m.matches()
            || (name != null && !m.group(1).equals(name))
            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        long pid = Long.parseLong(m.group(2));
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
          Files.deleteIfExists(p);
          removed++;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // a folder we cannot list has no parts of ours to remove
    }
    return removed;
  }
}
