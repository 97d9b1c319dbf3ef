package dev.takt.connector.opcua;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;

/**
 * Turns an OPC UA {@link DataValue} into a {@link MachineSignal}, or refuses it.
 *
 * <ul>
 *   <li>numbers (all integer and floating types) become {@link SignalValue.Numeric}; NaN, the
 *       infinities and 64-bit integers beyond 2^53 (which a double cannot hold exactly) are refused
 *   <li>Boolean becomes {@link SignalValue.Flag}; String and LocalizedText become {@link
 *       SignalValue.Text} (longer than {@link SignalValue#MAX_TEXT_LENGTH}: refused)
 *   <li>a bad status code becomes {@link SignalValue.Unavailable} with quality BAD, whatever the
 *       value; an empty value with a good or uncertain status becomes Unavailable too
 *   <li>anything else (arrays, ByteString, DateTime, structures) is refused as a type the machine
 *       facts are not made of
 * </ul>
 *
 * The source time is the server's source timestamp, else its server timestamp, else the time of
 * receipt.
 */
final class DataValues {

  private static final long MAX_EXACT_INTEGER = 1L << 53;

  private DataValues() {}

  /**
   * @throws BadSignalException when the value cannot become a signal
   */
  static MachineSignal toSignal(SignalKey key, DataValue dv, Instant receivedAt) {
    StatusCode status = dv.getStatusCode() != null ? dv.getStatusCode() : StatusCode.GOOD;
    Instant sourceTime = time(dv.getSourceTime());
    if (sourceTime == null) {
      sourceTime = time(dv.getServerTime());
    }
    if (status.isBad()) {
      return new MachineSignal(
          key, SignalValue.unavailable(), SignalQuality.BAD, sourceTime, receivedAt);
    }
    SignalQuality quality = status.isUncertain() ? SignalQuality.UNCERTAIN : SignalQuality.GOOD;
    return new MachineSignal(key, value(dv.getValue()), quality, sourceTime, receivedAt);
  }

  static SignalValue value(Variant variant) {
    Object v = variant == null ? null : variant.getValue();
    return switch (v) {
      case null -> SignalValue.unavailable();
      case Boolean b -> SignalValue.of(b);
      case String s -> SignalValue.of(s);
      case LocalizedText t ->
          t.getText() == null ? SignalValue.unavailable() : SignalValue.of(t.getText());
      case Double d -> SignalValue.of(d);
      case Float f -> SignalValue.of(f.doubleValue());
      case Long l -> exact(l, l >= -MAX_EXACT_INTEGER && l <= MAX_EXACT_INTEGER);
      case ULong l -> exact(l, l.longValue() >= 0 && l.longValue() <= MAX_EXACT_INTEGER);
      case Number n -> SignalValue.of(n.doubleValue());
      default ->
          throw new BadSignalException(
              "type "
                  + (v.getClass().isArray()
                      ? "array of " + v.getClass().getComponentType().getSimpleName()
                      : v.getClass().getSimpleName())
                  + " is not a number, flag or text");
    };
  }

  private static SignalValue exact(Number integer, boolean exact) {
    if (!exact) {
      throw new BadSignalException(
          "integer " + integer + " is beyond 2^53 and cannot be held exactly");
    }
    return SignalValue.of(integer.doubleValue());
  }

  private static Instant time(DateTime t) {
    if (t == null || t.isNull() || !t.isValid() || t.getUtcTime() == 0) {
      return null;
    }
    return t.getJavaInstant();
  }

  /** A short text of a value for {@code SignalSink.rejected}. */
  static String sample(DataValue dv) {
    Variant v = dv.getValue();
    Object o = v == null ? null : v.getValue();
    if (o instanceof Object[] array) {
      return java.util.Arrays.toString(array);
    }
    return String.valueOf(o);
  }
}
