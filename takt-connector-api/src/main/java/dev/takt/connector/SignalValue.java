package dev.takt.connector;

/**
 * The value of a machine signal: a number, a text, a flag, or none. Numbers are {@code double}
 * because machines send measurements (temperatures, loads, counters up to 2^53), never money or
 * material quantities; the machines module converts counts to quantities.
 */
public sealed interface SignalValue {

  /** Texts longer than this (alarm messages are far shorter) are refused as bad input. */
  int MAX_TEXT_LENGTH = 4096;

  /** A finite number; NaN and infinities are not values a machine fact can be made of. */
  record Numeric(double value) implements SignalValue {
    public Numeric {
      if (!Double.isFinite(value)) {
        throw new BadSignalException("number is not finite: " + value);
      }
    }
  }

  /** A text: an execution state, a program name, an alarm message. */
  record Text(String value) implements SignalValue {
    public Text {
      if (value == null) {
        throw new BadSignalException("text is null");
      }
      if (value.length() > MAX_TEXT_LENGTH) {
        throw new BadSignalException(
            "text is " + value.length() + " characters, more than " + MAX_TEXT_LENGTH);
      }
    }
  }

  /** A boolean: a door switch, an alarm bit, "spindle running". */
  record Flag(boolean value) implements SignalValue {}

  /** The peer says the value is not known (MTConnect UNAVAILABLE, a Sparkplug null metric). */
  record Unavailable() implements SignalValue {}

  static SignalValue of(double value) {
    return new Numeric(value);
  }

  static SignalValue of(String value) {
    return new Text(value);
  }

  static SignalValue of(boolean value) {
    return new Flag(value);
  }

  static SignalValue unavailable() {
    return new Unavailable();
  }
}
