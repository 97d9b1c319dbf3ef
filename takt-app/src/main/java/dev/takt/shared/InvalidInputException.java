package dev.takt.shared;

/**
 * A field of the request breaks a rule that bean validation cannot see (HTTP 400): a reference to a
 * thing that does not exist, a cycle in a tree, an end before a start.
 */
public class InvalidInputException extends RuntimeException {
  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
