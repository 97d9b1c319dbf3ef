package dev.takt.connector.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takt.connector.BadSignalException;
import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Turns plain MQTT messages with JSON payloads into signals by the configured {@link JsonMapping}s.
 * A field the payload does not carry is skipped (messages may update a part of a machine's values);
 * a field of the wrong kind (an object, an array) or an unusable value (a non-finite number, an
 * oversized text) is rejected alone, the message's other fields still count.
 */
final class JsonTopics {

  private final List<JsonMapping> mappings;
  private final ObjectMapper json = new ObjectMapper();

  JsonTopics(List<JsonMapping> mappings) {
    this.mappings = mappings;
  }

  /** Whether a mapping covers {@code topic}. */
  boolean handles(String topic) {
    return mapping(topic) != null;
  }

  private JsonMapping mapping(String topic) {
    for (JsonMapping m : mappings) {
      if (TopicFilters.matches(m.topicFilter(), topic)) {
        return m;
      }
    }
    return null;
  }

  void decode(String topic, byte[] payload, Instant receivedAt, Decoded out) {
    JsonMapping mapping = mapping(topic);
    if (mapping == null) {
      return;
    }
    String source = source(mapping, topic);
    if (source == null) {
      out.rejected(
          topic, "topic has no level " + mapping.sourceLevel() + " to name the source", "");
      return;
    }
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JsonProcessingException e) {
      out.rejected(source, "malformed JSON: " + e.getOriginalMessage(), sample(payload));
      return;
    } catch (IOException e) {
      out.rejected(source, "unreadable JSON: " + e.getMessage(), sample(payload));
      return;
    }
    if (root == null || root.isMissingNode()) {
      out.rejected(source, "empty payload", "");
      return;
    }
    Instant sourceTime;
    try {
      sourceTime = timestamp(mapping, root, receivedAt);
    } catch (BadSignalException e) {
      out.rejected(source, e.getMessage(), sample(payload));
      return;
    }
    int present = 0;
    for (JsonMapping.Field field : mapping.fields()) {
      JsonNode node = root.at(field.pointer());
      if (node.isMissingNode()) {
        continue;
      }
      present++;
      try {
        out.signal(
            new MachineSignal(
                new SignalKey(source, field.address()),
                value(node),
                SignalQuality.GOOD,
                sourceTime,
                receivedAt));
      } catch (BadSignalException e) {
        out.rejected(source, field.address() + ": " + e.getMessage(), sample(node.toString()));
      }
    }
    if (present == 0) {
      out.rejected(source, "none of the mapped fields is in the payload", sample(payload));
    }
  }

  private static String source(JsonMapping mapping, String topic) {
    if (mapping.sourceLevel() < 0) {
      return topic;
    }
    String[] levels = topic.split("/", -1);
    if (mapping.sourceLevel() >= levels.length || levels[mapping.sourceLevel()].isEmpty()) {
      return null;
    }
    return levels[mapping.sourceLevel()];
  }

  private static Instant timestamp(JsonMapping mapping, JsonNode root, Instant receivedAt) {
    if (mapping.timestampPointer() == null) {
      return receivedAt;
    }
    JsonNode ts = root.at(mapping.timestampPointer());
    if (ts.isMissingNode() || ts.isNull()) {
      return receivedAt;
    }
    if (ts.isIntegralNumber() && ts.canConvertToLong()) {
      return Instant.ofEpochMilli(ts.longValue());
    }
    if (ts.isTextual()) {
      try {
        return Instant.parse(ts.textValue());
      } catch (DateTimeParseException e) {
        // falls through to the rejection below
      }
    }
    throw new BadSignalException(
        "timestamp "
            + ConnectorCounters.sample(ts.toString())
            + " is neither epoch milliseconds nor ISO-8601");
  }

  private static SignalValue value(JsonNode node) {
    return switch (node.getNodeType()) {
      case NULL -> SignalValue.unavailable();
      case BOOLEAN -> SignalValue.of(node.booleanValue());
      case NUMBER -> SignalValue.of(node.doubleValue());
      case STRING -> SignalValue.of(node.textValue());
      default ->
          throw new BadSignalException(
              "wrong type: " + node.getNodeType().name().toLowerCase() + " is not a signal value");
    };
  }

  private static String sample(byte[] payload) {
    int n = Math.min(payload.length, 400);
    return ConnectorCounters.sample(new String(payload, 0, n, StandardCharsets.UTF_8));
  }

  private static String sample(String text) {
    return ConnectorCounters.sample(text);
  }
}
