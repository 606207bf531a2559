package dossier.service;

import dossier.core.DossierException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The one extract-and-write pipeline of import (files, pages, read-it-later exports), restore and
 * reextract: sources are taken in order, prepared (read, extracted, hashed, compressed,
 * fingerprinted) in parallel on every core, and one writer stores them in source order, many to a
 * short transaction, so the write lock is held only while rows are written. While one batch is
 * written the next is prepared.
 *
 * <p>Sources that touch only files or the network are walked on a thread of their own, ahead of the
 * writer; sources read from the archive itself ({@link Walk#BY_WRITER}) are taken by the writer
 * between its transactions, so the archive's connection is only ever used by one thread.
 *
 * @param <S> what is taken from the sources
 * @param <P> a source prepared for the writer; preparing never throws, a failure is part of it
 */
final class Pipeline<S, P> {
  /** Who takes the next source. */
  enum Walk {
    /** a thread of its own, ahead of the writer (files, stdin, fetched pages, exports) */
    AHEAD,
    /** the writer, between its transactions (articles read from the archive) */
    BY_WRITER
  }

  /** Stores one batch of prepared sources, in source order; runs on the writer's thread. */
  @FunctionalInterface
  interface Writer<P> {
    void write(List<P> batch);
  }

  private final int batchSize;
  private final Walk walk;
  private final Function<S, P> prepare;
  private final Function<S, P> interrupted;

  /**
   * A pipeline writing {@code batchSize} prepared sources a transaction; {@code prepare} runs on a
   * worker thread, {@code interrupted} stands for a source whose preparation was interrupted.
   */
  Pipeline(int batchSize, Walk walk, Function<S, P> prepare, Function<S, P> interrupted) {
    this.batchSize = batchSize;
    this.walk = walk;
    this.prepare = prepare;
    this.interrupted = interrupted;
  }

  /**
   * Runs every source through to {@code writer}. {@code stop} is asked after each source is
   * prepared; once it says true, what was prepared so far is written and the rest left alone.
   * Returns true when {@code stop} ended the run.
   */
  boolean run(Iterator<S> sources, BooleanSupplier stop, Writer<P> writer) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "dossier-extract");
              t.setDaemon(true);
              return t;
            });
    Slots slots = new Slots(threads);
    int window = batchSize + threads * 16;
    Window<P> inFlight =
        walk == Walk.AHEAD
            ? new Feeder<>(sources, pool, slots, this, window)
            : new Inline<>(sources, pool, slots, this, window);
    boolean stopped = false;
    try {
      List<P> batch = new ArrayList<>(batchSize);
      while (true) {
        Future<P> next = inFlight.take();
        if (next == null) {
          break;
        }
        batch.add(await(next));
        stopped = stop.getAsBoolean();
        if (batch.size() >= batchSize || stopped) {
          write(writer, batch, slots);
          batch.clear();
        }
        if (stopped) {
          break;
        }
      }
      if (!batch.isEmpty()) {
        write(writer, batch, slots);
      }
    } finally {
      inFlight.close();
      pool.shutdownNow();
    }
    return stopped;
  }

  private static <P> void write(Writer<P> writer, List<P> batch, Slots slots) {
    slots.writerStarts();
    try {
      writer.write(batch);
    } finally {
      slots.writerEnds();
    }
  }

  private P prepareIn(Slots slots, S s) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return interrupted.apply(s);
    }
    try {
      return prepare.apply(s);
    } finally {
      slots.release();
    }
  }

  /** The sources handed to the pool and not yet written, in order. */
  private interface Window<P> {
    /** The next source's preparation, or null after the last. */
    Future<P> take();

    void close();
  }

  /**
   * Walks the sources on its own thread and hands each to the pool, in order, keeping at most a
   * window of them in flight; {@link #END} follows the last one.
   */
  private static final class Feeder<S, P> extends Thread implements Window<P> {
    private static final Future<?> END = CompletableFuture.completedFuture(null);

    private final Iterator<S> sources;
    private final ExecutorService pool;
    private final Slots slots;
    private final Pipeline<S, P> pipeline;
    private final BlockingQueue<Future<?>> queue;
    private volatile Throwable failure;

    Feeder(
        Iterator<S> sources, ExecutorService pool, Slots slots, Pipeline<S, P> pipeline, int size) {
      super("dossier-walk");
      setDaemon(true);
      this.sources = sources;
      this.pool = pool;
      this.slots = slots;
      this.pipeline = pipeline;
      this.queue = new ArrayBlockingQueue<>(size);
      start();
    }

    @Override
    public void run() {
      try {
        try {
          while (sources.hasNext()) {
            S s = sources.next();
            queue.put(pool.submit(() -> pipeline.prepareIn(slots, s)));
          }
        } catch (RuntimeException | Error e) {
          failure = e;
        }
        queue.put(END);
      } catch (InterruptedException | RejectedExecutionException e) {
        // the run stopped or failed: nobody waits for more sources
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Future<P> take() {
      Future<?> f;
      try {
        f = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DossierException("import interrupted");
      }
      if (f == END) {
        // what stopped the walk, if something did
        if (failure instanceof RuntimeException e) {
          throw e;
        }
        if (failure instanceof Error e) {
          throw e;
        }
        return null;
      }
      return (Future<P>) f;
    }

    @Override
    public void close() {
      interrupt();
    }
  }

  /** Takes sources on the writer's thread, keeping the window full whenever it asks for one. */
  private static final class Inline<S, P> implements Window<P> {
    private final Iterator<S> sources;
    private final ExecutorService pool;
    private final Slots slots;
    private final Pipeline<S, P> pipeline;
    private final int size;
    private final Deque<Future<P>> queue = new ArrayDeque<>();

    Inline(
        Iterator<S> sources, ExecutorService pool, Slots slots, Pipeline<S, P> pipeline, int size) {
      this.sources = sources;
      this.pool = pool;
      this.slots = slots;
      this.pipeline = pipeline;
      this.size = size;
    }

    @Override
    public Future<P> take() {
      while (queue.size() < size && sources.hasNext()) {
        S s = sources.next();
        queue.add(pool.submit(() -> pipeline.prepareIn(slots, s)));
      }
      return queue.poll();
    }

    @Override
    public void close() {
      queue.clear();
    }
  }

  /**
   * Who may use the cores: one preparing thread per core, and one fewer while the writer writes.
   * With as many preparing threads as cores, the writer (the slower stage for plain text) waited
   * for a core behind them for a third of its time; when preparing is the slower stage (pages), the
   * writer is mostly waiting and the threads have every core.
   */
  private static final class Slots extends Semaphore {
    Slots(int cores) {
      super(cores);
    }

    /** The writer takes the next slot to come free, without waiting for it. */
    void writerStarts() {
      reducePermits(1);
    }

    void writerEnds() {
      release();
    }
  }

  private static <P> P await(Future<P> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DossierException("import interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
