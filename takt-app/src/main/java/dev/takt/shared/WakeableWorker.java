package dev.takt.shared;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One daemon thread that works off a table of waiting rows: at start (for rows a crash left), when
 * woken by a transaction that added rows and has committed, and every second besides (for rows of
 * another node). Each time it runs the batch job until the job says nothing more waits. A failing
 * batch is logged and tried again a second later; its rows wait in their table meanwhile.
 *
 * <p>Its owner exposes it as a bean ({@code @Bean}), so that Spring starts and stops the thread
 * with the application.
 */
public final class WakeableWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WakeableWorker.class);
  private static final long POLL_MILLIS = 1000;
  private static final Object WORK = new Object();

  private final String name;
  private final BooleanSupplier batch;
  private final long lingerMillis;
  private final Runnable atStart;

  /** Holds one token while rows may be waiting; the worker takes it. */
  private final BlockingQueue<Object> signal = new ArrayBlockingQueue<>(1);

  private volatile boolean running;
  private Thread thread;

  /**
   * @param batch works off one batch and returns true when more rows may be waiting
   */
  public WakeableWorker(String name, BooleanSupplier batch) {
    this(name, Duration.ZERO, batch);
  }

  /**
   * @param linger how long to wait, once woken, for more commits to gather into the same batch: a
   *     batch has a transaction of its own, and one per booking would cost more than the bookings'
   *     own inserts
   * @param batch works off one batch and returns true when more rows may be waiting
   */
  public WakeableWorker(String name, Duration linger, BooleanSupplier batch) {
    this(name, linger, () -> {}, batch);
  }

  /**
   * @param atStart runs on the worker's thread at each start, before the first batch
   */
  public WakeableWorker(String name, Duration linger, Runnable atStart, BooleanSupplier batch) {
    this.name = name;
    this.lingerMillis = linger.toMillis();
    this.atStart = atStart;
    this.batch = batch;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().daemon().name(name).start(this::run);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    wake();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Started before the web server takes requests and stopped after it stopped taking them (lower
   * phases start first and stop last), so the rows of a server shutting down are worked off by it.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  public void wake() {
    signal.offer(WORK);
  }

  /** Wakes the worker when the current transaction commits; outside a transaction, at once. */
  public void wakeAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      wake();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            wake();
          }
        });
  }

  private void run() {
    atStart.run();
    while (running) {
      try {
        while (batch.getAsBoolean() && running) {
          // more waits: the next batch at once
        }
        if (signal.poll(POLL_MILLIS, TimeUnit.MILLISECONDS) != null && lingerMillis > 0) {
          Thread.sleep(lingerMillis);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("{}: a batch failed, retrying in a second: {}", name, e.toString());
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }
}
