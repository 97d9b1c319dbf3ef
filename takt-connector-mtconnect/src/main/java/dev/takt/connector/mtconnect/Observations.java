package dev.takt.connector.mtconnect;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import dev.takt.connector.mtconnect.AgentDocument.Category;
import dev.takt.connector.mtconnect.AgentDocument.DataItem;
import dev.takt.connector.mtconnect.AgentDocument.Observation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns MTConnect observations into {@link MachineSignal}s, typed by the data item's category:
 *
 * <ul>
 *   <li>{@code UNAVAILABLE} (or a condition {@code <Unavailable>}) → {@link
 *       SignalValue.Unavailable} with quality BAD;
 *   <li>SAMPLE → {@link SignalValue.Numeric}; a vector sample (units {@code *_3D}, representation
 *       {@code TIME_SERIES}/{@code DATA_SET}/{@code TABLE}) → {@link SignalValue.Text} as sent;
 *   <li>EVENT → {@link SignalValue.Text} ({@code EXECUTION = ACTIVE}); an event that is a number by
 *       definition ({@code PART_COUNT}, overrides, line numbers, any event with units) → {@link
 *       SignalValue.Numeric};
 *   <li>CONDITION → {@link SignalValue.Text} of the level ({@code Normal}, {@code Warning}, {@code
 *       Fault}), followed by {@code " [" nativeCode "]"} and {@code " " message} when the agent
 *       sends them, e.g. {@code Fault [1010] Spindle overload}.
 * </ul>
 *
 * The source is the device name, the address the {@code dataItemId}, the source time the
 * observation's {@code timestamp}. Anything else (a SAMPLE that is not a number, NaN, a text longer
 * than {@link SignalValue#MAX_TEXT_LENGTH}, a bad timestamp) throws {@link BadSignalException}.
 */
final class Observations {

  /** EVENT types whose value is a number in the MTConnect standard. */
  static final Set<String> NUMERIC_EVENTS =
      Set.of(
          "PART_COUNT",
          "PART_COUNT_TYPE_ALL",
          "LINE_NUMBER",
          "BLOCK_COUNT",
          "PATH_FEEDRATE_OVERRIDE",
          "ROTARY_VELOCITY_OVERRIDE",
          "AXIS_FEEDRATE_OVERRIDE",
          "PALLET_COUNT",
          "CYCLE_COUNT",
          "TOOL_OFFSET");

  private static final Set<String> TEXT_REPRESENTATIONS =
      Set.of("TIME_SERIES", "DATA_SET", "TABLE");

  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern NOT_FINITE =
      Pattern.compile("[-+]?(NaN|nan|NAN|Infinity|INF|inf|Inf)");

  private Observations() {}

  static MachineSignal toSignal(
      Observation o, Map<String, DataItem> model, String fallbackSource, Instant receivedAt) {
    DataItem item = o.dataItemId() == null ? null : model.get(o.dataItemId());
    String source = o.device() != null ? o.device() : item != null ? item.device() : null;
    SignalKey key = new SignalKey(source == null ? fallbackSource : source, o.dataItemId());
    Category category = item != null ? item.category() : o.category();
    String type = item != null && item.type() != null ? item.type() : typeOf(o.element());
    SignalValue value = value(o, item, category, type);
    SignalQuality quality =
        value instanceof SignalValue.Unavailable ? SignalQuality.BAD : SignalQuality.GOOD;
    return new MachineSignal(key, value, quality, time(o.timestamp()), receivedAt);
  }

  private static SignalValue value(Observation o, DataItem item, Category category, String type) {
    String text = o.value() == null ? "" : o.value();
    if (category == Category.CONDITION) {
      return condition(o, text);
    }
    if (text.equals("UNAVAILABLE")) {
      return SignalValue.unavailable();
    }
    String units = item == null ? null : item.units();
    String representation = item == null ? null : item.representation();
    if (representation != null && TEXT_REPRESENTATIONS.contains(representation)) {
      return SignalValue.of(text);
    }
    return switch (category) {
      case SAMPLE ->
          units != null && units.endsWith("_3D") || text.strip().contains(" ")
              ? vector(text, type)
              : number(text, "SAMPLE " + type);
      case EVENT ->
          NUMERIC_EVENTS.contains(type) || units != null
              ? number(text, "EVENT " + type)
              : SignalValue.of(text);
      case CONDITION -> throw new IllegalStateException("handled above");
    };
  }

  private static SignalValue condition(Observation o, String message) {
    String level = o.element();
    return switch (level) {
      case "Unavailable" -> SignalValue.unavailable();
      case "Normal", "Warning", "Fault" -> {
        StringBuilder text = new StringBuilder(level);
        String code = o.attributes().get("nativeCode");
        if (code != null && !code.isBlank()) {
          text.append(" [").append(code.strip()).append(']');
        }
        if (!message.isBlank()) {
          text.append(' ').append(message.strip());
        }
        yield SignalValue.of(text.toString());
      }
      default -> throw new BadSignalException("unknown condition level <" + cut(level) + ">");
    };
  }

  private static SignalValue vector(String text, String what) {
    for (String part : text.strip().split("\\s+")) {
      if (!DECIMAL.matcher(part).matches()) {
        throw new BadSignalException(
            "SAMPLE " + what + " value is not a vector of numbers: " + cut(text));
      }
    }
    return SignalValue.of(text.strip());
  }

  private static SignalValue number(String text, String what) {
    String t = text.strip();
    if (DECIMAL.matcher(t).matches()) {
      return SignalValue.of(Double.parseDouble(t));
    }
    if (NOT_FINITE.matcher(t).matches()) {
      throw new BadSignalException(what + " value is not a finite number: " + t);
    }
    throw new BadSignalException(what + " value is not a number: " + cut(t));
  }

  private static Instant time(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp.strip());
    } catch (DateTimeParseException e) {
      throw new BadSignalException("timestamp is not ISO 8601 UTC: " + cut(timestamp));
    }
  }

  /** {@code RotaryVelocity} → {@code ROTARY_VELOCITY}, for observations the probe did not name. */
  static String typeOf(String element) {
    return element.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  private static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
