package dev.takt.connector.opcua;

import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between OPC UA notifications and {@link SignalSink#accept}: one thread hands the oldest
 * signals to the sink in batches, in the order they arrived. When the sink throws, the batch stays
 * at the head of the queue and is offered again after a growing pause (100 ms up to 5 s), so no
 * value is skipped and none overtakes another.
 *
 * <p>OPC UA has no acknowledgement that could make the server send a value again, so the queue is
 * where values wait while the sink refuses. It is bounded: at {@code capacity} signals it tells the
 * connector to pause publishing ({@code onFull}), so the server keeps the newest value of each item
 * in its own queue instead; below half of it, it tells the connector to resume ({@code onDrained}).
 * Notifications already on their way still go in up to twice the capacity; beyond that new values
 * are dropped and counted, never values already queued.
 */
final class Delivery {

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);
  private static final int MAX_BATCH = 1000;
  private static final Duration RETRY_MIN = Duration.ofMillis(100);
  private static final Duration RETRY_MAX = Duration.ofSeconds(5);

  private final String name;
  private final SignalSink sink;
  private final ConnectorCounters counters;
  private final int capacity;
  private final Runnable onFull;
  private final Runnable onDrained;
  private final ArrayDeque<MachineSignal> queue = new ArrayDeque<>();
  private final Thread thread;
  private boolean full;
  private boolean closed;
  private long dropped;

  Delivery(
      String name,
      SignalSink sink,
      ConnectorCounters counters,
      int capacity,
      Runnable onFull,
      Runnable onDrained) {
    this.name = name;
    this.sink = sink;
    this.counters = counters;
    this.capacity = capacity;
    this.onFull = onFull;
    this.onDrained = onDrained;
    this.thread = Thread.ofPlatform().daemon().name("opcua-delivery-" + name).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Queues signals behind those already waiting; drops them only beyond twice the capacity. */
  void offer(List<MachineSignal> signals) {
    if (signals.isEmpty()) {
      return;
    }
    boolean becameFull = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      long droppedBefore = dropped;
      for (MachineSignal s : signals) {
        if (queue.size() >= 2 * capacity) {
          dropped++;
        } else {
          queue.addLast(s);
        }
      }
      if (droppedBefore == 0 && dropped > 0 || dropped / 10_000 > droppedBefore / 10_000) {
        log.error(
            "OPC UA connection {}: the sink has refused for too long; {} new values dropped so far",
            name,
            dropped);
      }
      if (!full && queue.size() >= capacity) {
        full = true;
        becameFull = true;
      }
      notifyAll();
    }
    if (becameFull) {
      log.warn(
          "OPC UA connection {}: {} signals wait for the sink; pausing publishing", name, capacity);
      onFull.run();
    }
  }

  synchronized boolean isFull() {
    return full;
  }

  /** Values dropped because the queue was at twice its capacity. */
  synchronized long dropped() {
    return dropped;
  }

  synchronized int waiting() {
    return queue.size();
  }

  /** Stops the delivery thread; signals not yet taken by the sink are discarded. */
  void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Duration pause = RETRY_MIN;
    while (true) {
      List<MachineSignal> batch;
      synchronized (this) {
        while (queue.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            if (closed) {
              return;
            }
          }
        }
        if (closed) {
          return;
        }
        batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        var it = queue.iterator();
        while (it.hasNext() && batch.size() < MAX_BATCH) {
          batch.add(it.next());
        }
      }
      try {
        sink.accept(List.copyOf(batch));
      } catch (RuntimeException e) {
        if (pause.equals(RETRY_MIN)) {
          log.warn(
              "OPC UA connection {}: sink refused {} signals, keeping them to deliver again: {}",
              name,
              batch.size(),
              e.toString());
        }
        if (!sleep(pause)) {
          return;
        }
        pause = pause.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : pause.multipliedBy(2);
        continue;
      }
      if (!pause.equals(RETRY_MIN)) {
        log.info("OPC UA connection {}: sink takes signals again", name);
      }
      pause = RETRY_MIN;
      counters.accepted(batch.size());
      boolean drained = false;
      synchronized (this) {
        for (int i = 0; i < batch.size(); i++) {
          queue.pollFirst();
        }
        if (full && queue.size() < capacity / 2) {
          full = false;
          drained = true;
        }
      }
      if (drained) {
        log.info("OPC UA connection {}: sink caught up; resuming publishing", name);
        onDrained.run();
      }
    }
  }

  private boolean sleep(Duration pause) {
    synchronized (this) {
      long deadline = System.nanoTime() + pause.toNanos();
      while (!closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          if (closed) {
            return false;
          }
        }
      }
      return false;
    }
  }
}
