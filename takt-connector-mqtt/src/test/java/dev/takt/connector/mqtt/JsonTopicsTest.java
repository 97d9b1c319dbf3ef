package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.connector.SignalValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain JSON topic mappings, without a broker. */
class JsonTopicsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

  private final JsonTopics topics =
      new JsonTopics(
          List.of(
              JsonMapping.topic("plant/+/telemetry")
                  .sourceLevel(1)
                  .field("/spindle/speed", "spindleSpeed")
                  .field("/state", "state")
                  .field("/door", "doorOpen")
                  .field("/alarm", "alarm")
                  .timestamp("/ts")
                  .build()));
  private final Recorded out = new Recorded();

  @Test
  void mapsJsonPointersToSignalsOfTheSourceNamedByATopicLevel() {
    decode(
        "plant/mill-1/telemetry",
        """
        {"spindle":{"speed":1200},"state":"ACTIVE","door":false,"alarm":null,
         "ts":"2026-11-22T05:59:59.500Z"}""");

    assertThat(out.valueOf("spindleSpeed")).isEqualTo(SignalValue.of(1200.0));
    assertThat(out.valueOf("state")).isEqualTo(SignalValue.of("ACTIVE"));
    assertThat(out.valueOf("doorOpen")).isEqualTo(SignalValue.of(false));
    assertThat(out.valueOf("alarm")).isEqualTo(SignalValue.unavailable());
    assertThat(out.signals).allSatisfy(s -> assertThat(s.key().source()).isEqualTo("mill-1"));
    assertThat(out.signals.getFirst().sourceTime())
        .isEqualTo(Instant.parse("2026-11-22T05:59:59.500Z"));
    assertThat(out.signals.getFirst().receivedAt()).isEqualTo(NOW);
  }

  @Test
  void takesEpochMillisecondsAsTimestamp() {
    decode("plant/mill-1/telemetry", "{\"state\":\"READY\",\"ts\":1700000000000}");

    assertThat(out.signals.getFirst().sourceTime()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
  }

  @Test
  void rejectsMalformedJsonNanAndNumbersBeyondDouble() {
    decode("plant/mill-1/telemetry", "{\"state\": ");
    decode("plant/mill-1/telemetry", "{\"spindle\":{\"speed\":NaN}}");
    decode("plant/mill-1/telemetry", "{\"spindle\":{\"speed\":1e999}}");

    assertThat(out.signals).isEmpty();
    assertThat(out.rejections)
        .extracting(Recorded.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("malformed JSON"),
            r -> assertThat(r).startsWith("malformed JSON"),
            r -> assertThat(r).contains("not finite"));
  }

  @Test
  void rejectsAWrongOrHugeFieldAloneAndKeepsTheOthers() {
    decode(
        "plant/mill-1/telemetry",
        "{\"spindle\":{\"speed\":[1,2]},\"alarm\":\"%s\",\"state\":\"ACTIVE\"}"
            .formatted("x".repeat(1 << 20)));

    assertThat(out.valueOf("state")).isEqualTo(SignalValue.of("ACTIVE"));
    assertThat(out.rejections)
        .extracting(Recorded.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).isEqualTo("spindleSpeed: wrong type: array is not a signal value"),
            r -> assertThat(r).startsWith("alarm: text is 1048576 characters"));
  }

  @Test
  void rejectsAMessageWithoutAnyMappedFieldOrWithABadTimestamp() {
    decode("plant/mill-1/telemetry", "{\"other\":1}");
    decode("plant/mill-1/telemetry", "{\"state\":\"READY\",\"ts\":\"yesterday\"}");

    assertThat(out.signals).isEmpty();
    assertThat(out.rejections)
        .extracting(Recorded.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).isEqualTo("none of the mapped fields is in the payload"),
            r -> assertThat(r).contains("neither epoch milliseconds nor ISO-8601"));
  }

  @Test
  void matchesTopicFiltersByMqttRules() {
    assertThat(TopicFilters.matches("plant/+/telemetry", "plant/mill-1/telemetry")).isTrue();
    assertThat(TopicFilters.matches("plant/+/telemetry", "plant/mill-1/x/telemetry")).isFalse();
    assertThat(TopicFilters.matches("plant/#", "plant")).isTrue();
    assertThat(TopicFilters.matches("plant/#", "plant/a/b")).isTrue();
    assertThat(TopicFilters.matches("#", "$SYS/broker")).isFalse();
  }

  private void decode(String topic, String payload) {
    topics.decode(topic, payload.getBytes(StandardCharsets.UTF_8), NOW, out);
  }
}
