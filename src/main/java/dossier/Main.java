package dossier;

import dossier.cli.DossierCommand;
import dossier.cli.Env;

/** The {@code dossier} program: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = DossierCommand.commandLine(Env.system()).execute(args);
    System.out.flush();
    System.exit(code);
  }
}
