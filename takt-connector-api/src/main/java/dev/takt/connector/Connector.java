package dev.takt.connector;

/**
 * A live connection to machines over one protocol. Built by its adapter from a config record;
 * started once; closed once. Implementations keep themselves connected and never throw from their
 * own threads into the server: every problem becomes a {@link ConnectorStatus} or a {@link
 * SignalSink#rejected(String, String, String)} call.
 */
public interface Connector extends AutoCloseable {

  /**
   * Starts connecting in the background and returns at once; signals then flow to {@code sink}.
   *
   * @throws IllegalStateException if called twice
   */
  void start(SignalSink sink);

  /** Where the connection stands now, with counters since start. */
  ConnectorStatus status();

  /** Disconnects and stops all threads; waits at most a few seconds. Idempotent. */
  @Override
  void close();
}
