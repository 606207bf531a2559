package dossier;

import dossier.cli.DossierCommand;
import dossier.cli.Env;
import dossier.cli.Interruption;
import dossier.store.NativeLibrary;

/** The {@code dossier} program: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    quietLibraries();
    Env env = Env.system();
    String cache = env.get("XDG_CACHE_HOME");
    String home = env.get("HOME");
    // remembered only: the library is prepared when a command first opens an archive
    NativeLibrary.useCache(cache != null ? cache : home != null ? home + "/.cache" : null);
    Integer quick = DossierCommand.quick(env, args);
    if (quick == null && DossierCommand.opensArchive(args)) {
      NativeLibrary.warmUp();
    }
    int code = quick != null ? quick : DossierCommand.commandLine(env, args).execute(args);
    exit(code);
  }

  /**
   * Ends the process with {@code code}. The command has flushed and closed what it wrote and
   * removed its Ctrl-C hook, so nothing is left for the JVM's shutdown to do, and halting skips
   * what {@code System.exit} does first on newer JDKs: set up the platform's logging to ask whether
   * the exit should be logged (several milliseconds of every command). After Ctrl-C the shutdown
   * the signal began runs as usual and ends with the signal's status; a run that makes a flight
   * recording exits as usual too, since the JVM's shutdown writes the recording.
   */
  static void exit(int code) {
    System.out.flush();
    System.err.flush();
    if (Interruption.signalled() || recording()) {
      System.exit(code);
    }
    Runtime.getRuntime().halt(code);
  }

  /**
   * True while a flight recording runs (asked for with {@code -XX:StartFlightRecording}, as by
   * {@code DOSSIER_JAVA_OPTS}): it is written out by the JVM's shutdown, which a halt skips.
   */
  private static boolean recording() {
    try {
      return jdk.jfr.FlightRecorder.isInitialized();
    } catch (LinkageError e) {
      return false; // a runtime without the jdk.jfr module records nothing
    }
  }

  /**
   * Spares two libraries searches of the class path at every start. picocli looks for Groovy's
   * closure class (for annotations that dossier never writes as closures) and fails, and looks up
   * JDBC and java.time classes by name for converters no option of dossier's needs; the SQLite
   * driver logs through SLF4J, whose set-up lists every service provider file of the jar to find
   * the one that ships with dossier, the no-operation logger. A property set by the caller wins.
   */
  public static void quietLibraries() {
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    if (System.getProperty("picocli.converters.excludes") == null) {
      // converters picocli finds by reflection for every command line, for option types that
      // dossier has none of (java.nio.file.Path, which it has, stays)
      System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
    }
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        // else SLF4J reports on stderr that it loads the provider it was told to
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }
}
