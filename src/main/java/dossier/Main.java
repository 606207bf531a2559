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
    NativeLibrary.prepare(cache != null ? cache : home != null ? home + "/.cache" : null);
    int code = DossierCommand.commandLine(env, args).execute(args);
    System.exit(code);
  }
}
