package dev.takt.connector;

/**
 * Names a signal within one connection: the source that sent it and its address there. A plain OPC
 * UA or MTConnect connection usually has one source per device; a Sparkplug connection has one per
 * edge node ({@code group/node}) or device ({@code group/node/device}).
 */
public record SignalKey(String source, String address) {

  /** Longer names are not signal names but payload garbage; connectors reject them. */
  public static final int MAX_LENGTH = 512;

  public SignalKey {
    source = checked("source", source);
    address = checked("address", address);
  }

  private static String checked(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new BadSignalException(what + " is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new BadSignalException(what + " is longer than " + MAX_LENGTH + " characters");
    }
    return text;
  }

  @Override
  public String toString() {
    return source + "/" + address;
  }
}
