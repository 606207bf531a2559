package dossier.cli;

/** Builds printers with the terminal settings of the running command. */
final class Printers {
  private Printers() {}

  static ArticlePrinter articles(BaseCommand cmd, OutputOptions output, boolean hits) {
    Env env = cmd.env();
    boolean tty = env.stdoutTty();
    // only tables are colored; asking for color in the other formats would let codes through
    boolean table = output.effective() == OutputFormat.table;
    return new ArticlePrinter(
        cmd.out(),
        output.effective(),
        output.nul,
        table && cmd.root().color(),
        tty ? Terminal.width(env) : 0,
        hits);
  }
}
