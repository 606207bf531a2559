package dossier.cli;

/** Builds printers with the terminal settings of the running command. */
final class Printers {
  private Printers() {}

  static ArticlePrinter articles(BaseCommand cmd, OutputOptions output, boolean hits) {
    Env env = cmd.env();
    boolean tty = env.stdoutTty();
    return new ArticlePrinter(
        cmd.out(),
        output.effective(),
        output.nul,
        cmd.root().color(),
        tty ? Terminal.width(env) : 0,
        hits);
  }
}
