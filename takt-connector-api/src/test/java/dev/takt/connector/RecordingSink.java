package dev.takt.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A sink for connector tests: keeps what it was given and lets a test wait for it. It can be told
 * to refuse batches, as the server does when its database is down. Shared with the adapter modules
 * as this module's test-jar.
 */
public class RecordingSink implements SignalSink {

  /** A source state change as the connector reported it. */
  public record StateChange(String source, SourceState state, String detail) {}

  /** A rejected input as the connector reported it. */
  public record Rejection(String source, String reason, String sample) {}

  private final List<MachineSignal> signals = new ArrayList<>();
  private final List<StateChange> states = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private boolean refusing;

  @Override
  public synchronized void accept(List<MachineSignal> batch) {
    if (refusing) {
      throw new IllegalStateException("sink refuses: database unreachable (test)");
    }
    signals.addAll(batch);
    notifyAll();
  }

  @Override
  public synchronized void sourceState(
      String source, SourceState state, String detail, Instant at) {
    states.add(new StateChange(source, state, detail));
    notifyAll();
  }

  @Override
  public synchronized void rejected(String source, String reason, String sample) {
    rejections.add(new Rejection(source, reason, sample));
    notifyAll();
  }

  public synchronized void refuse(boolean refusing) {
    this.refusing = refusing;
  }

  public synchronized List<MachineSignal> signals() {
    return List.copyOf(signals);
  }

  public synchronized List<StateChange> states() {
    return List.copyOf(states);
  }

  public synchronized List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  /** Signals of one address, in the order received. */
  public synchronized List<MachineSignal> signalsOf(String address) {
    return signals.stream().filter(s -> s.key().address().equals(address)).toList();
  }

  /**
   * Waits until {@code condition} holds, at most {@code timeout}; checked on every call into the
   * sink and every 50 ms, so a condition on the connector's status works too.
   *
   * @throws AssertionError with {@code what} when it does not
   */
  public synchronized void awaitThat(
      String what, Predicate<RecordingSink> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(this)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting until " + what + "; have " + summary());
      }
      try {
        // re-check at least every 50 ms: a condition may also hang on the connector's status()
        wait(Math.max(1, Math.min(50, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  private String summary() {
    return signals.size()
        + " signals (last "
        + (signals.isEmpty() ? "-" : signals.getLast())
        + "), states "
        + states
        + ", rejections "
        + rejections;
  }
}
