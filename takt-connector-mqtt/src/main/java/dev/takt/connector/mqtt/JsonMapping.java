package dev.takt.connector.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How plain MQTT messages with JSON payloads become signals: the topics they arrive on (an MQTT
 * filter with {@code +} and {@code #}), which JSON values (by JSON Pointer, RFC 6901) are which
 * signal, which topic level names the source, and optionally where the message's timestamp is.
 *
 * <pre>{@code
 * JsonMapping.topic("plant/+/telemetry")
 *     .sourceLevel(1)                       // plant/<mill-1>/telemetry -> source "mill-1"
 *     .field("/spindle/speed", "spindleSpeed")
 *     .field("/state", "state")
 *     .timestamp("/ts")                     // epoch milliseconds or ISO-8601
 *     .build();
 * }</pre>
 *
 * @param topicFilter MQTT topic filter the connector subscribes to
 * @param sourceLevel index (from 0) of the topic level that names the source; {@code -1} takes the
 *     whole topic as the source
 * @param fields JSON Pointer to signal address, in order
 * @param timestampPointer JSON Pointer to the source timestamp, or {@code null} for receive time
 */
public record JsonMapping(
    String topicFilter, int sourceLevel, List<Field> fields, String timestampPointer) {

  /** One JSON value taken from each message: its JSON Pointer and the signal address it feeds. */
  public record Field(String pointer, String address) {
    public Field {
      checkPointer(pointer);
      if (address == null || address.isBlank()) {
        throw new IllegalArgumentException("signal address for " + pointer + " is empty");
      }
    }
  }

  public JsonMapping {
    TopicFilters.checkFilter(topicFilter);
    if (topicFilter.startsWith("$share/")) {
      throw new IllegalArgumentException(
          "give the share group in MqttConfig.shareGroup, not in the topic filter: " + topicFilter);
    }
    if (sourceLevel < -1) {
      throw new IllegalArgumentException("source level must be -1 (whole topic) or a level index");
    }
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a JSON mapping for " + topicFilter + " needs a field");
    }
    if (timestampPointer != null) {
      checkPointer(timestampPointer);
    }
  }

  public static Builder topic(String topicFilter) {
    return new Builder(topicFilter);
  }

  private static void checkPointer(String pointer) {
    if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
      throw new IllegalArgumentException(
          "a JSON Pointer is empty or starts with '/', not: " + pointer);
    }
  }

  /** Builds a {@link JsonMapping}; the source defaults to the whole topic. */
  public static final class Builder {
    private final String topicFilter;
    private int sourceLevel = -1;
    private final List<Field> fields = new ArrayList<>();
    private String timestampPointer;

    private Builder(String topicFilter) {
      this.topicFilter = topicFilter;
    }

    public Builder sourceLevel(int level) {
      this.sourceLevel = level;
      return this;
    }

    public Builder field(String pointer, String address) {
      fields.add(new Field(pointer, address));
      return this;
    }

    public Builder timestamp(String pointer) {
      this.timestampPointer = pointer;
      return this;
    }

    public JsonMapping build() {
      return new JsonMapping(topicFilter, sourceLevel, fields, timestampPointer);
    }
  }
}
