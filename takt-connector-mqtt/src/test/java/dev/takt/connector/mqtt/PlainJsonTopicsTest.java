package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalValue;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain MQTT topics with JSON payloads, through the real Mosquitto broker. */
class PlainJsonTopicsTest {

  private final String plant = Broker.unique("plant");
  private final RecordingSink sink = new RecordingSink();
  private MqttConnector connector;
  private Mqtt5BlockingClient machines;

  @BeforeEach
  void connect() {
    Broker.assumeReachable();
    connector =
        new MqttConnector(
            Broker.config(Broker.unique("takt"))
                .json(
                    JsonMapping.topic(plant + "/+/telemetry")
                        .sourceLevel(1)
                        .field("/spindle/speed", "spindleSpeed")
                        .field("/execution", "execution")
                        .field("/alarm", "alarm")
                        .timestamp("/ts")
                        .build())
                .build());
    connector.start(sink);
    Broker.awaitConnected(connector);
    machines = Broker.publisher();
  }

  @AfterEach
  void close() {
    if (connector != null) {
      connector.close();
      machines.disconnect();
    }
  }

  @Test
  void mapsJsonFieldsOfMatchingTopicsToSignalsOfTheMachineInTheTopic() {
    Broker.publish(
        machines,
        plant + "/mill-1/telemetry",
        "{\"spindle\":{\"speed\":1200},\"execution\":\"ACTIVE\",\"ts\":1700000000000}");
    Broker.publish(machines, plant + "/mill-1/status", "{\"execution\":\"STOPPED\"}");
    Broker.publish(machines, plant + "/lathe-2/telemetry", "{\"execution\":\"READY\"}");

    sink.awaitThat("the lathe's state arrives", s -> s.signals().size() == 3, Broker.WAIT);
    assertThat(sink.signalsOf("execution"))
        .extracting(s -> s.key().source(), s -> s.value())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mill-1", SignalValue.of("ACTIVE")),
            org.assertj.core.groups.Tuple.tuple("lathe-2", SignalValue.of("READY")));
    assertThat(sink.signalsOf("spindleSpeed").getFirst().sourceTime())
        .isEqualTo(Instant.ofEpochMilli(1700000000000L));
  }

  @Test
  void badPayloadsAreCountedAndTheConnectionKeepsDelivering() {
    String topic = plant + "/mill-1/telemetry";
    Broker.publish(machines, topic, "{\"execution\": ");
    Broker.publish(machines, topic, "{\"spindle\":{\"speed\":NaN}}");
    Broker.publish(machines, topic, "{\"spindle\":{\"speed\":\"fast\"}, \"execution\":{}}");
    Broker.publish(machines, topic, "{\"alarm\":\"" + "x".repeat(1 << 20) + "\"}");
    Broker.publish(machines, topic, "{\"execution\":\"ACTIVE\"}");

    sink.awaitThat("good data after bad", s -> !s.signalsOf("execution").isEmpty(), Broker.WAIT);
    assertThat(sink.rejections())
        .extracting(RecordingSink.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("malformed JSON"),
            r -> assertThat(r).startsWith("malformed JSON"),
            r -> assertThat(r).startsWith("execution: wrong type: object"),
            r -> assertThat(r).startsWith("alarm: text is 1048576 characters"));
    assertThat(sink.signalsOf("spindleSpeed").getFirst().value()).isEqualTo(SignalValue.of("fast"));
    assertThat(connector.status().rejected()).isEqualTo(4);
    // the connector counts a batch as taken once accept() has returned
    Broker.awaitUntil("both signals counted", () -> connector.status().signals() == 2);
  }
}
