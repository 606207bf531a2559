package dossier.core;

/**
 * Ctrl-C while another program has the terminal (a pager, an editor, a command the review pipes
 * to): the signal reaches the whole foreground process group, and it is that program's to act on,
 * not a reason for dossier to die under it.
 */
public final class Interrupts {
  private Interrupts() {}

  /** Ignores SIGINT from now on; returns what to hand to {@link #restore}. */
  public static Object ignore() {
    try {
      return sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Puts back the handler {@link #ignore} replaced. */
  public static void restore(Object previous) {
    if (previous instanceof sun.misc.SignalHandler h) {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
    }
  }
}
