package dossier;

import dossier.cli.DossierCommand;
import dossier.cli.Env;
import dossier.store.NativeLibrary;

/** The {@code dossier} program: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
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
    System.exit(code);
  }
}
