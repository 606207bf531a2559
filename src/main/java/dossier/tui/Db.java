package dossier.tui;

import dossier.core.DossierException;
import dossier.service.ArticleService;
import dossier.service.EditService;
import dossier.store.Archive;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The archive, used from one worker thread so that the keyboard never waits on it: a write that
 * waits for another process's lock, or a slow count, leaves the UI free. Tasks run in the order
 * they were submitted (a reload submitted after a write sees the write); results come back through
 * {@code post} to the UI thread.
 */
final class Db {
  /** What a task may use. */
  record Services(
      Archive archive, ArticleService articles, EditService edits, TagSuggester suggester) {}

  /** Work for the worker thread. */
  @FunctionalInterface
  interface Task<T> {
    T run(Services s) throws Exception;
  }

  private final Services services;
  private final Executor executor;
  private final Consumer<Runnable> post;

  /**
   * @param executor runs tasks: one background thread in the app, the calling thread in tests
   * @param post hands a result to the UI thread
   */
  Db(Archive archive, TagSuggester.Factory suggesters, Executor executor, Consumer<Runnable> post) {
    this.services =
        new Services(
            archive,
            new ArticleService(archive),
            new EditService(archive),
            suggesters.forArchive(archive));
    this.executor = executor;
    this.post = post;
  }

  /** A worker on its own (daemon) thread. */
  static ExecutorService worker(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  <T> void submit(Task<T> task, Consumer<T> onResult, Consumer<String> onError) {
    executor.execute(
        () -> {
          T result;
          try {
            result = task.run(services);
          } catch (Exception | LinkageError e) {
            String msg = message(e);
            post.accept(() -> onError.accept(msg));
            return;
          }
          post.accept(() -> onResult.accept(result));
        });
  }

  /** A message for the status line: our own exceptions say what happened; others are named. */
  static String message(Throwable e) {
    if (e instanceof DossierException && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** True when a shut-down worker has stopped within a moment. */
  static boolean idle(ExecutorService executor) {
    try {
      return executor.awaitTermination(200, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits for submitted work (a write in progress) to finish, so that quitting loses nothing. */
  static void finish(ExecutorService executor) {
    executor.shutdown();
    try {
      executor.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
