package dev.takt.shared;

/** Someone else changed the record since the caller read it (HTTP 409, optimistic locking). */
public class StaleVersionException extends ConflictException {
  public StaleVersionException(String what, Object key, long expected, long actual) {
    super(
        "version",
        what
            + " '"
            + key
            + "' was changed meanwhile: you sent version "
            + expected
            + ", the current version is "
            + actual);
  }
}
