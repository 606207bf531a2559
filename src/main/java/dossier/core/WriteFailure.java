package dossier.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Output that did not reach its file or terminal: "cannot write X: No space left on device". It is
 * unchecked so that it passes through {@link java.io.PrintWriter}, Jackson and Commons CSV, which
 * would otherwise swallow the {@link IOException} or wrap it; the command stops at the first failed
 * write and exits with 1.
 */
public final class WriteFailure extends DossierException {
  private final boolean readerClosed;

  public WriteFailure(String what, IOException cause) {
    super("cannot write " + what + ": " + reason(cause, null), cause);
    // the JDK reports EPIPE only by its strerror text; no exception type or code carries it
    readerClosed = "Broken pipe".equals(cause.getMessage());
  }

  public WriteFailure(Path target, IOException cause) {
    super("cannot write " + target + ": " + reason(cause, target), cause);
    readerClosed = false;
  }

  public WriteFailure(Path target, String reason) {
    super("cannot write " + target + ": " + reason);
    readerClosed = false;
  }

  /**
   * True when the stream's reader went away (EPIPE), as {@code dossier list | head} does: nothing
   * went wrong that the user must hear about, and the command ends quietly with {@code 141}, the
   * status of a program ended by SIGPIPE, so that {@code set -o pipefail} still sees a cut output.
   */
  public boolean readerClosed() {
    return readerClosed;
  }

  /**
   * The reason an I/O operation on {@code target} failed, in words: Java names most file-system
   * failures by the path alone ("cannot write x: x"), so the kind of exception is spelled out.
   */
  public static String reason(IOException e, Path target) {
    if (e instanceof NoSuchFileException) {
      Path dir = target == null ? null : target.toAbsolutePath().getParent();
      return dir != null && !Files.isDirectory(dir)
          ? "the folder " + dir + " does not exist"
          : "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a folder";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }
}
