package dossier.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) during a long write: instead of dying in the middle of a batch, the command is
 * asked to stop after the batch it is writing, reports what it did, and the process then exits with
 * 130 as a program killed by SIGINT does. A batch's transaction is atomic either way; this only
 * makes the end orderly and the report complete.
 */
public final class Interruption implements AutoCloseable {
  /**
   * How long the process waits for the current batch before it exits anyway. A batch takes well
   * under a second; the wait is short because the command may instead be blocked reading its
   * standard input, where exiting at once loses nothing.
   */
  private static final long GRACE_SECONDS = 5;

  private volatile boolean requested;

  /** True once Ctrl-C came during any command of this process. */
  private static volatile boolean signalled;

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private final BaseCommand command;

  private Interruption(BaseCommand command) {
    this.command = command;
    hook = new Thread(this::onSignal, "dossier-interrupt");
  }

  /**
   * Starts listening for Ctrl-C until {@link #close}; the command says on its standard error that
   * it is stopping as soon as Ctrl-C comes.
   */
  static Interruption watch(BaseCommand command) {
    Interruption i = new Interruption(command);
    try {
      Runtime.getRuntime().addShutdownHook(i.hook);
    } catch (IllegalStateException e) {
      // already shutting down: there is nothing to wait for
    }
    return i;
  }

  private void onSignal() {
    requested = true;
    signalled = true;
    // said at once: a batch may take a moment, and the tests wait for this line to know that
    // the request is in before they let the command go on
    command.say("Ctrl-C: finishing what is being written, then stopping");
    command.err().flush();
    try {
      finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * True once Ctrl-C came while a command watched for it: the process is shutting down, and its
   * exit status is the signal's.
   */
  public static boolean signalled() {
    return signalled;
  }

  /** True once Ctrl-C was pressed: stop after the current batch. */
  boolean requested() {
    return requested;
  }

  /**
   * The command has finished and said what it did; a pending shutdown may go ahead. Call after the
   * report is printed and flushed.
   */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the shutdown is under way; the hook returns now that finished is counted down
    }
  }
}
