package dev.takt.shared;

/**
 * The request is well-formed but clashes with the current state (HTTP 409): a duplicate business
 * key, a change to a released version, a stale version number. {@code field} names the input at
 * fault, or is null when the clash is with the state as a whole.
 */
public class ConflictException extends RuntimeException {
  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
