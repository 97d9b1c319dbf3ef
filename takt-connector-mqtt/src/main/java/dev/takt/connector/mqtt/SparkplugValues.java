package dev.takt.connector.mqtt;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import java.math.BigInteger;
import java.time.Instant;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric.ValueCase;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;

/**
 * Sparkplug B metric values as {@link SignalValue}s. Scalars only: numbers of every width (signed
 * and unsigned, as Sparkplug 3.0 and Tahu encode them), booleans, strings, and DateTime as an
 * ISO-8601 text; a null metric is {@link SignalValue.Unavailable}. Arrays, data sets, templates,
 * files and bytes are refused as not a machine signal this connector understands.
 */
final class SparkplugValues {

  /** Ignition's and Tahu's "Good" quality code in a metric's {@code Quality} property. */
  private static final int QUALITY_GOOD = 192;

  private SparkplugValues() {}

  static SignalValue value(Metric metric, int datatype) {
    if (metric.getIsNull()) {
      return SignalValue.unavailable();
    }
    String type = typeName(datatype);
    ValueCase has = metric.getValueCase();
    return switch (type) {
      case "Int8" -> SignalValue.of((byte) integer(metric, type));
      case "Int16" -> SignalValue.of((short) integer(metric, type));
      case "Int32" -> SignalValue.of((int) integer(metric, type));
      case "Int64" -> SignalValue.of(integer(metric, type));
      case "UInt8" -> SignalValue.of(integer(metric, type) & 0xFFL);
      case "UInt16" -> SignalValue.of(integer(metric, type) & 0xFFFFL);
      case "UInt32" ->
          SignalValue.of(
              has == ValueCase.INT_VALUE
                  ? Integer.toUnsignedLong(metric.getIntValue())
                  : integer(metric, type));
      case "UInt64" ->
          SignalValue.of(
              new BigInteger(Long.toUnsignedString(integer(metric, type))).doubleValue());
      case "Float" -> SignalValue.of(expect(metric, type, ValueCase.FLOAT_VALUE).getFloatValue());
      case "Double" ->
          SignalValue.of(expect(metric, type, ValueCase.DOUBLE_VALUE).getDoubleValue());
      case "Boolean" ->
          SignalValue.of(expect(metric, type, ValueCase.BOOLEAN_VALUE).getBooleanValue());
      case "String", "Text", "UUID" ->
          SignalValue.of(expect(metric, type, ValueCase.STRING_VALUE).getStringValue());
      case "DateTime" ->
          SignalValue.of(
              Instant.ofEpochMilli(expect(metric, type, ValueCase.LONG_VALUE).getLongValue())
                  .toString());
      default -> throw new BadSignalException("datatype " + type + " is not supported");
    };
  }

  static String typeName(int datatype) {
    MetricDataType type = MetricDataType.fromInteger(datatype);
    if (type == null || type.equals(MetricDataType.Unknown)) {
      throw new BadSignalException("unknown datatype " + datatype);
    }
    return type.getType();
  }

  /** The metric's {@code Quality} property if it has one (192 good, 0 bad, else uncertain). */
  static SignalQuality quality(Metric metric) {
    if (!metric.hasProperties()) {
      return SignalQuality.GOOD;
    }
    PropertySet properties = metric.getProperties();
    for (int i = 0; i < properties.getKeysCount() && i < properties.getValuesCount(); i++) {
      if (properties.getKeys(i).equalsIgnoreCase("Quality")) {
        var value = properties.getValues(i);
        long code = value.hasIntValue() ? value.getIntValue() : value.getLongValue();
        if (code == QUALITY_GOOD) {
          return SignalQuality.GOOD;
        }
        return code == 0 ? SignalQuality.BAD : SignalQuality.UNCERTAIN;
      }
    }
    return SignalQuality.GOOD;
  }

  private static long integer(Metric metric, String type) {
    return switch (metric.getValueCase()) {
      case INT_VALUE -> metric.getIntValue();
      case LONG_VALUE -> metric.getLongValue();
      default -> throw wrongType(metric, type);
    };
  }

  private static Metric expect(Metric metric, String type, ValueCase expected) {
    if (metric.getValueCase() != expected) {
      throw wrongType(metric, type);
    }
    return metric;
  }

  private static BadSignalException wrongType(Metric metric, String type) {
    return new BadSignalException(
        "wrong type: datatype "
            + type
            + " carries "
            + (metric.getValueCase() == ValueCase.VALUE_NOT_SET
                ? "no value"
                : metric.getValueCase().name().toLowerCase()));
  }
}
