package dev.takt.connector;

import java.time.Instant;

/**
 * A snapshot of a connector: its state since when, the last error, and counters since start.
 *
 * @param signals signals accepted by the sink
 * @param rejected inputs rejected as bad
 * @param reconnects times the connection was re-established after a loss
 */
public record ConnectorStatus(
    State state, Instant since, String lastError, long signals, long rejected, long reconnects) {

  /** The connection's state as an integrator sees it. */
  public enum State {
    /** Not started yet, or connecting for the first time. */
    CONNECTING,
    CONNECTED,
    /** Lost and trying again with back-off. */
    RECONNECTING,
    /** Closed on purpose. */
    STOPPED
  }
}
