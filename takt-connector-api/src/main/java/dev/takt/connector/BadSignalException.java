package dev.takt.connector;

/**
 * Input from a machine that cannot become a signal (malformed payload, unknown alias, wrong type,
 * NaN, an oversized string). Connectors catch it, report it through {@link
 * SignalSink#rejected(String, String, String)} and go on; it never stops a connection.
 */
public class BadSignalException extends RuntimeException {

  public BadSignalException(String message) {
    super(message);
  }

  public BadSignalException(String message, Throwable cause) {
    super(message, cause);
  }
}
