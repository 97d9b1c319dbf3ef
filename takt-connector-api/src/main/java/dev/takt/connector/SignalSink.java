package dev.takt.connector;

import java.time.Instant;
import java.util.List;

/**
 * Where a connector delivers what it reads. Implemented by the server; called from the connector's
 * own threads, possibly concurrently for different sources.
 */
public interface SignalSink {

  /**
   * Takes a batch of signals of one connection and returns only when they are durable (committed or
   * spooled to disk). If it throws, nothing of the batch was taken: the connector must not
   * acknowledge to its peer and must deliver the batch again (or, where the protocol cannot, keep
   * its position so the peer sends it again).
   */
  void accept(List<MachineSignal> batch);

  /**
   * A source came online or went away (connection lost, Sparkplug NDEATH/DDEATH, agent gone). The
   * server shows an offline source as OFFLINE, never as its last state.
   */
  void sourceState(String source, SourceState state, String detail, Instant at);

  /**
   * Input that could not become a signal. Counted and logged per connection by the server; {@code
   * sample} is a short excerpt of the offending input (connectors cut it to 200 characters).
   */
  void rejected(String source, String reason, String sample);

  /** Whether a source is up. */
  enum SourceState {
    ONLINE,
    OFFLINE
  }
}
