package dossier.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files an import of one archive failed on, remembered so that {@code import --skip-known} can
 * leave the ones it already reported out of the report and the exit status: a nightly import then
 * exits 0 when nothing new failed. A file is known by its path, size and modification time, so a
 * changed file is a new one. Kept in {@code $XDG_STATE_HOME/dossier/known-failures} (else {@code
 * ~/.local/state}), one tab-separated line a file: archive, path, size, modification time.
 */
final class KnownFailures {
  private final Path store;
  private final String archive;
  private final Set<String> lines = new LinkedHashSet<>();
  private boolean changed;

  private KnownFailures(Path store, String archive) {
    this.store = store;
    this.archive = archive;
  }

  /** The failures remembered for {@code archive}; none when there is no home to keep them in. */
  static KnownFailures load(Env env, dossier.store.ArchiveLocation archive) {
    String state = env.get("XDG_STATE_HOME");
    String home = env.get("HOME");
    Path base =
        state != null && Path.of(state).isAbsolute()
            ? Path.of(state)
            : home != null ? Path.of(home, ".local", "state") : null;
    KnownFailures k =
        new KnownFailures(
            base == null ? null : base.resolve("dossier").resolve("known-failures"),
            archive.isServer()
                ? archive.shown()
                : archive.file().toAbsolutePath().normalize().toString());
    if (k.store != null && Files.isRegularFile(k.store)) {
      try {
        k.lines.addAll(Files.readAllLines(k.store, StandardCharsets.UTF_8));
      } catch (IOException e) {
        // a lost memory only means the failures are reported again
      }
    }
    return k;
  }

  /** The line that names this file as it is now, or null for what is not a plain file. */
  private String key(String path) {
    if (path == null || path.equals("-") || path.contains("\t") || path.contains("\n")) {
      return null;
    }
    Path p = Path.of(path).toAbsolutePath().normalize();
    try {
      if (!Files.isRegularFile(p)) {
        return null;
      }
      return archive
          + "\t"
          + p
          + "\t"
          + Files.size(p)
          + "\t"
          + Files.getLastModifiedTime(p).toMillis();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** True when this file, unchanged, failed before; remembers it either way. */
  synchronized boolean failed(String path) {
    String k = key(path);
    if (k == null) {
      return false;
    }
    boolean known = lines.contains(k);
    changed |= lines.add(k);
    return known;
  }

  /** Forgets a file that was imported after all. */
  synchronized void succeeded(String path) {
    String k = key(path);
    if (k != null) {
      changed |= lines.remove(k);
    }
  }

  /** Writes what changed back, whole. */
  void save() {
    if (!changed || store == null) {
      return;
    }
    try {
      Files.createDirectories(store.getParent());
      Path part = store.resolveSibling(store.getFileName() + "." + ProcessHandle.current().pid());
      List<String> out = new ArrayList<>(lines);
      Files.write(part, out, StandardCharsets.UTF_8);
      Files.move(part, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // as above: the next run reports them again
    }
  }
}
