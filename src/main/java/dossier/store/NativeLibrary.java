package dossier.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.date.FastDateFormat;
import org.sqlite.util.OSInfo;

/**
 * Keeps SQLite's native library in a per-user cache folder instead of letting the driver extract it
 * to a new temporary file on every start: a command that scripts call in a loop saves that copy
 * each time. If anything goes wrong here, the driver's own extraction still works.
 */
public final class NativeLibrary {
  private NativeLibrary() {}

  private static volatile String cacheHome;

  /**
   * Names the per-user cache folder that {@link #ensure} keeps the library in. Only remembered
   * here: a command that opens no archive ({@code --version}, {@code --help}) loads nothing of the
   * driver.
   */
  public static void useCache(String cacheHome) {
    NativeLibrary.cacheHome = cacheHome;
  }

  /**
   * Starts getting the driver ready on a background thread while the main thread reads the command
   * line: the native library loaded, and the date format the driver builds for every connection
   * (from the locale's calendar data, tens of milliseconds on a cold start) made once into the
   * driver's own cache. Nothing is opened or written; an open that comes first does the same work
   * itself, as it would without this.
   */
  public static void warmUp() {
    // a class, not a method reference: linking a lambda's call site spins a class at run time
    Thread t =
        new Thread("dossier-driver-warm-up") {
          @Override
          public void run() {
            warm();
          }
        };
    t.setDaemon(true);
    t.start();
  }

  private static void warm() {
    try {
      // the date format first: a connection opened meanwhile would make its own rather than wait
      // for it, while it waits for the library below (loading it is synchronized)
      FastDateFormat.getInstance(SQLiteConfig.DEFAULT_DATE_STRING_FORMAT);
      ensure();
      SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // the archive's open reports whatever is really wrong with the driver
    }
  }

  /** Prepares the library in the folder {@link #useCache} named, once, before a first open. */
  static synchronized void ensure() {
    String home = cacheHome;
    if (home != null) {
      cacheHome = null;
      prepare(home);
    }
  }

  /** Points sqlite-jdbc at the cached library, extracting it there first when needed. */
  public static void prepare(String cacheHome) {
    if (System.getProperty("org.sqlite.lib.path") != null || cacheHome == null) {
      return;
    }
    try {
      String name = System.mapLibraryName("sqlitejdbc");
      // Keyed by what the JVM reports, so that a cached library is found without asking
      // OSInfo, which starts a 'uname' process; OSInfo picks the library on first extraction.
      String platform =
          (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).replace('/', '_');
      Path dir = Path.of(cacheHome, "dossier", "native", SQLiteJDBCLoader.getVersion(), platform);
      Path lib = dir.resolve(name);
      if (!Files.isRegularFile(lib)) {
        String resource =
            "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
          if (in == null) {
            return;
          }
          Files.createDirectories(dir);
          Path tmp = Files.createTempFile(dir, name, ".part");
          try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(tmp);
          }
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException | LinkageError e) {
      // Fall back to the driver's own extraction into the temporary folder.
    }
  }
}
