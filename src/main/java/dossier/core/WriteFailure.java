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
  public WriteFailure(String what, IOException cause) {
    super("cannot write " + what + ": " + reason(cause, null), cause);
  }

  public WriteFailure(Path target, IOException cause) {
    super("cannot write " + target + ": " + reason(cause, target), cause);
  }

  public WriteFailure(Path target, String reason) {
    super("cannot write " + target + ": " + reason);
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
