package dev.takt.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bookkeeping every connector needs for {@link Connector#status()}: state transitions with
 * their time and thread-safe counters. Shared so the adapters report alike.
 */
public final class ConnectorCounters {

  private record Snapshot(ConnectorStatus.State state, Instant since, String lastError) {}

  private final Clock clock;
  private final AtomicReference<Snapshot> current;
  private final LongAdder signals = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder reconnects = new LongAdder();

  public ConnectorCounters(Clock clock) {
    this.clock = clock;
    this.current =
        new AtomicReference<>(
            new Snapshot(ConnectorStatus.State.CONNECTING, clock.instant(), null));
  }

  /** Moves to {@code state}; a move from RECONNECTING to CONNECTED counts as a reconnect. */
  public void moveTo(ConnectorStatus.State state, String error) {
    Snapshot before =
        current.getAndUpdate(
            s ->
                new Snapshot(
                    state,
                    s.state() == state ? s.since() : clock.instant(),
                    error != null ? error : s.lastError()));
    if (before.state() == ConnectorStatus.State.RECONNECTING
        && state == ConnectorStatus.State.CONNECTED) {
      reconnects.increment();
    }
  }

  /** Notes an error without changing the state (a refused batch, a bad node id). */
  public void error(String error) {
    current.updateAndGet(s -> new Snapshot(s.state(), s.since(), error));
  }

  public void accepted(int count) {
    signals.add(count);
  }

  public void rejected() {
    rejected.increment();
  }

  public ConnectorStatus.State state() {
    return current.get().state();
  }

  public ConnectorStatus status() {
    Snapshot s = current.get();
    return new ConnectorStatus(
        s.state(), s.since(), s.lastError(), signals.sum(), rejected.sum(), reconnects.sum());
  }

  /** Cuts a payload excerpt for {@link SignalSink#rejected} to 200 characters. */
  public static String sample(String payload) {
    if (payload == null) {
      return "";
    }
    return payload.length() <= 200 ? payload : payload.substring(0, 200) + "…";
  }
}
