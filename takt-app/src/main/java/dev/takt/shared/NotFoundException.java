package dev.takt.shared;

/** The thing named in the request path does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {
  private final String what;
  private final String key;

  public NotFoundException(String what, Object key) {
    super(what + " '" + key + "' does not exist");
    this.what = what;
    this.key = String.valueOf(key);
  }

  public String what() {
    return what;
  }

  public String key() {
    return key;
  }
}
