package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Takes signal batches from the connectors: writes them to the time series and only then returns,
 * or, while the database cannot take them, puts them in the {@link SignalSpool} on disk and returns
 * (durable either way, so the connector may acknowledge). Committed batches go on to the {@link
 * StateEngine}.
 *
 * <p>Order per connection: while a batch of a connection waits in the spool, that connection's new
 * batches go to the spool behind it; a replayer thread writes spooled batches back oldest first
 * once the database answers, and hands them to the state engine in the same order.
 */
@Component
public class SignalIngest implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SignalIngest.class);

  private final SignalStore store;
  private final SignalSpool spool;
  private final StateEngine engine;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition spooled = lock.newCondition();
  private volatile Thread replayer;
  private volatile boolean running;

  SignalIngest(SignalStore store, SignalSpool spool, StateEngine engine) {
    this.store = store;
    this.spool = spool;
    this.engine = engine;
  }

  /**
   * Makes the batch durable (committed or spooled) and returns; throws only when neither the
   * database nor the spool could take it, so the connector keeps the batch and offers it again.
   */
  public void accept(UUID connection, List<MachineSignal> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (spool.waiting(connection) > 0) {
      toSpool(connection, batch);
      return;
    }
    try {
      store.write(connection, batch);
    } catch (RuntimeException databaseAway) {
      log.warn(
          "Signals of connection {} go to the spool: the database did not take them ({})",
          connection,
          databaseAway.toString());
      toSpool(connection, batch);
      return;
    }
    facts(connection, batch);
  }

  /**
   * The batch is durable: what the engine makes of it must not make the connector send it again.
   */
  private void facts(UUID connection, List<MachineSignal> batch) {
    try {
      engine.process(connection, batch);
    } catch (RuntimeException e) {
      log.error("Machine facts of connection {} failed; the signals are stored", connection, e);
    }
  }

  /** Batches waiting in the spool, over all connections. */
  public int spooledBatches() {
    return spool.size();
  }

  public long spooledBatches(UUID connection) {
    return spool.waiting(connection);
  }

  private void toSpool(UUID connection, List<MachineSignal> batch) {
    spool.append(connection, batch);
    lock.lock();
    try {
      spooled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void replay() {
    Duration wait = Duration.ofMillis(200);
    while (running) {
      Optional<SignalSpool.Spooled> next;
      try {
        next = spool.oldest();
      } catch (RuntimeException e) {
        log.error("The signal spool cannot be read", e);
        sleep(Duration.ofSeconds(5));
        continue;
      }
      if (next.isEmpty()) {
        lock.lock();
        try {
          if (spool.size() == 0) {
            spooled.await(1, java.util.concurrent.TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          lock.unlock();
        }
        continue;
      }
      SignalSpool.Spooled batch = next.get();
      try {
        store.write(batch.connection(), batch.signals());
      } catch (DataIntegrityViolationException refused) {
        log.error(
            "The database refuses spooled batch {} for good; it is moved to {}/failed",
            batch.file().getFileName(),
            spool.dir(),
            refused);
        spool.setAside(batch);
        continue;
      } catch (RuntimeException stillAway) {
        log.debug("Spool replay waits: {}", stillAway.toString());
        sleep(wait);
        wait =
            wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                ? Duration.ofSeconds(5)
                : wait.multipliedBy(2);
        continue;
      }
      wait = Duration.ofMillis(200);
      // processed before it leaves the spool, so no newer batch of its connection overtakes it
      facts(batch.connection(), batch.signals());
      spool.done(batch);
      if (spool.size() == 0) {
        log.info("Signal spool replayed; the database takes signals again");
      }
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void start() {
    running = true;
    replayer = Thread.ofPlatform().daemon().name("machines-spool-replay").start(this::replay);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = replayer;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts before the connectors (registry) and stops after them. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 100;
  }
}
